"""A pyzmq log publisher driven by the end-to-end tests.

Usage: publisher.py bind|connect ENDPOINT

bind: an XPUB binds ENDPOINT (the viewer connects, its default mode); connect: a PUB
connects to ENDPOINT (the viewer binds). Commands come one JSON object a line on stdin;
each is answered with one line on stdout ("ok ..." or "error ...").

  {"cmd": "wait_sub", "timeout": 10}          bind mode: wait for a (new) subscription
  {"cmd": "send", "topic": T, "payload": P}   one raw two-frame message
  {"cmd": "log", "topic": T, "level": L, "logger": N, "msg": M}   one zmqlog JSON record;
                                               optional "exc" (stack trace), "mdc" (object),
                                               "source" (object: app, host, pid, instance),
                                               "seq" (a number: later records count on from it),
                                               "thread", "created" (epoch seconds)
  {"cmd": "burst", "n": N, "topic": T, "level": L, "logger": N, "prefix": S}
                                               N records, messages "S 0" .. "S N-1"
  {"cmd": "paced", "rate": R, "seconds": S}   R records a second for S seconds, sent in
                                               small bursts every millisecond, a realistic
                                               mix of topics, levels and stack traces;
                                               answered "ok SENT ELAPSED_SECONDS"
"""
import itertools
import json
import socket
import sys
import time

import zmq

LEVELS = {"TRACE": 5, "DEBUG": 10, "INFO": 20, "WARN": 30, "WARNING": 30, "ERROR": 40, "FATAL": 50}

mode, endpoint = sys.argv[1], sys.argv[2]
context = zmq.Context()
if mode == "bind":
    sock = context.socket(zmq.XPUB)
    sock.setsockopt(zmq.XPUB_VERBOSE, 1)
    sock.setsockopt(zmq.SNDHWM, 0)
    sock.bind(endpoint)
else:
    sock = context.socket(zmq.PUB)
    sock.setsockopt(zmq.SNDHWM, 0)
    sock.connect(endpoint)
sock.setsockopt(zmq.LINGER, 2000)

seq = 0
host = socket.gethostname()


def record(topic, level, logger, msg, exc_text=None, mdc=None, source=None, seq_at=None, thread="main", created=None):
    global seq
    seq = seq + 1 if seq_at is None else seq_at
    now = time.time() if created is None else created
    stamp = time.strftime("%H:%M:%S", time.localtime(now))
    extra = {"exc_text": exc_text} if exc_text else {}
    return {
        "name": logger,
        "msg": msg,
        "levelname": level,
        "levelno": LEVELS.get(level, 20),
        "created": now,
        "threadName": thread,
        "topic": topic,
        "formatted": f"{stamp} {level} {logger} - {msg}",
        "mdc": mdc or {},
        "markers": [],
        "seq": seq,
        "source": source or {"app": "e2e", "host": host, "pid": 1, "instance": "i1"},
        **extra,
    }


def publish(topic, payload):
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    sock.send_multipart([topic.encode("utf-8"), payload])


STACK = "".join(
    ["java.net.SocketTimeoutException: Read timed out\n"]
    + [f"\tat com.example.shop.payment.Gateway.call{frame}(Gateway.java:{100 + frame})\n" for frame in range(12)]
    + ["Caused by: java.io.IOException: connection reset by peer\n", "\t... 12 more\n"]
)

# (topic, level, logger, message, stack trace): mostly INFO/DEBUG, some WARN, a few errors with traces
MIX = [
    ("orders.INFO.checkout", "INFO", "com.example.shop.orders.CheckoutController", "Order {} placed by customer 4711 for 3 items, total 129.90 EUR", None),
    ("orders.DEBUG.repository", "DEBUG", "com.example.shop.orders.OrderRepository", "select * from orders where id = {} took 2 ms", None),
    ("payments.INFO", "INFO", "com.example.shop.payment.PaymentService", "Payment {} authorised by the gateway in 84 ms", None),
    ("inventory.DEBUG.cache", "DEBUG", "com.example.shop.inventory.StockCache", "cache hit for sku {}", None),
    ("web.INFO.access", "INFO", "org.springframework.web.servlet.DispatcherServlet", "GET /api/orders/{} 200 12ms", None),
    ("orders.INFO.checkout", "INFO", "com.example.shop.orders.CheckoutController", "Basket {} validated: 2 coupons applied", None),
    ("payments.WARN", "WARN", "com.example.shop.payment.Gateway", "Gateway slow for payment {}: retry 1 of 3 after timeout", None),
    ("inventory.INFO", "INFO", "com.example.shop.inventory.Replenisher", "Replenishment order {} sent to the warehouse", None),
    ("web.INFO.access", "INFO", "org.springframework.web.servlet.DispatcherServlet", "POST /api/payments/{} 201 48ms", None),
    ("payments.ERROR", "ERROR", "com.example.shop.payment.Gateway", "Payment {} failed: the gateway did not answer", STACK),
]


def paced(rate, seconds):
    """Sends rate records a second for seconds, topping up every millisecond tick."""
    variants = itertools.cycle(MIX)
    start = time.perf_counter()
    sent = 0
    total = int(rate * seconds)
    while sent < total:
        due = min(total, int((time.perf_counter() - start) * rate))
        while sent < due:
            topic, level, logger, message, stack = next(variants)
            publish(topic, json.dumps(record(topic, level, logger, message.replace("{}", str(seq + 1)), stack)))
            sent += 1
        time.sleep(0.001)
    return sent, time.perf_counter() - start


def reply(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    try:
        command = json.loads(line)
        cmd = command["cmd"]
        if cmd == "wait_sub":
            deadline = time.monotonic() + command.get("timeout", 10)
            got = False
            while time.monotonic() < deadline:
                if sock.poll(100, zmq.POLLIN):
                    frame = sock.recv()
                    if frame[:1] == b"\x01":
                        got = True
                        break
            reply("ok" if got else "error no subscription")
        elif cmd == "send":
            publish(command["topic"], command["payload"])
            reply("ok")
        elif cmd == "log":
            level = command.get("level", "INFO")
            topic = command.get("topic", f"app.{level}")
            publish(topic, json.dumps(record(
                topic, level, command.get("logger", "e2e.Test"), command["msg"],
                exc_text=command.get("exc"), mdc=command.get("mdc"), source=command.get("source"),
                seq_at=command.get("seq"), thread=command.get("thread", "main"), created=command.get("created"))))
            reply("ok")
        elif cmd == "burst":
            level = command.get("level", "INFO")
            topic = command.get("topic", f"app.{level}")
            logger = command.get("logger", "e2e.Burst")
            prefix = command.get("prefix", "burst")
            for i in range(command["n"]):
                publish(topic, json.dumps(record(topic, level, logger, f"{prefix} {i}")))
            reply("ok")
        elif cmd == "paced":
            sent, elapsed = paced(command["rate"], command["seconds"])
            reply(f"ok {sent} {elapsed:.3f}")
        else:
            reply("error unknown command " + cmd)
    except Exception as error:  # keep serving: the test reads the error
        reply("error " + repr(error))

sock.close()
context.term()
