"""A pyzmq log publisher driven by the end-to-end tests.

Usage: publisher.py bind|connect ENDPOINT

bind: an XPUB binds ENDPOINT (the viewer connects, its default mode); connect: a PUB
connects to ENDPOINT (the viewer binds). Commands come one JSON object a line on stdin;
each is answered with one line on stdout ("ok ..." or "error ...").

  {"cmd": "wait_sub", "timeout": 10}          bind mode: wait for a (new) subscription
  {"cmd": "send", "topic": T, "payload": P}   one raw two-frame message
  {"cmd": "log", "topic": T, "level": L, "logger": N, "msg": M}   one zmqlog JSON record
  {"cmd": "burst", "n": N, "topic": T, "level": L, "logger": N, "prefix": S}
                                               N records, messages "S 0" .. "S N-1"
"""
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


def record(topic, level, logger, msg):
    global seq
    seq += 1
    now = time.time()
    stamp = time.strftime("%H:%M:%S", time.localtime(now))
    return {
        "name": logger,
        "msg": msg,
        "levelname": level,
        "levelno": LEVELS.get(level, 20),
        "created": now,
        "threadName": "main",
        "topic": topic,
        "formatted": f"{stamp} {level} {logger} - {msg}",
        "mdc": {},
        "markers": [],
        "seq": seq,
        "source": {"app": "e2e", "host": host, "pid": 1, "instance": "i1"},
    }


def publish(topic, payload):
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    sock.send_multipart([topic.encode("utf-8"), payload])


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
            publish(topic, json.dumps(record(topic, level, command.get("logger", "e2e.Test"), command["msg"])))
            reply("ok")
        elif cmd == "burst":
            level = command.get("level", "INFO")
            topic = command.get("topic", f"app.{level}")
            logger = command.get("logger", "e2e.Burst")
            prefix = command.get("prefix", "burst")
            for i in range(command["n"]):
                publish(topic, json.dumps(record(topic, level, logger, f"{prefix} {i}")))
            reply("ok")
        else:
            reply("error unknown command " + cmd)
    except Exception as error:  # keep serving: the test reads the error
        reply("error " + repr(error))

sock.close()
context.term()
