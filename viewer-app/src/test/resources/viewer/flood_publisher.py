"""Floods the viewer with one kind of oversized-but-allowed input, then sends one good message.

Usage: flood_publisher.py ENDPOINT SCENARIO SECONDS

Connects two XPUB sockets to ENDPOINT (the viewer binds), a hostile one and a good one,
waits for the viewer's subscription on both, then sends on the hostile one, as fast as it
can:
  big        text messages of 1,000,000 bytes for SECONDS seconds
  topics     400 messages, each on its own topic of 1,000,000 bytes
  instances  300 json records whose source.instance is 1,000,000 characters
  mdc        60 json records with 100,000 MDC keys each
Then prints "flooded N" (messages sent), sends [b'good.INFO', b'good <scenario> <epoch ms>']
on the good socket (what the flood left queued on the hostile connection must not hold up
another publisher) and prints "good <epoch ms>". Exits 2 when nobody subscribes within 30
seconds.
"""

import json
import sys
import time

import zmq

MEGA = 1_000_000


def record(**fields):
    base = {"name": "flood", "msg": "flood", "levelname": "INFO", "created": time.time()}
    base.update(fields)
    return json.dumps(base, separators=(",", ":")).encode()


def mdc_keys(count):
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    keys = []
    for i in range(count):
        keys.append(letters[i % 62] + letters[(i // 62) % 62] + letters[(i // 3844) % 62])
    return keys


def flood(socket, scenario, seconds):
    sent = 0
    if scenario == "big":
        payload = b"x" * MEGA
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            socket.send_multipart([b"flood.INFO", payload], copy=False)
            sent += 1
    elif scenario == "topics":
        for i in range(400):
            topic = ("t%03d." % i).encode() + b"y" * (MEGA - 10) + b".INFO"
            socket.send_multipart([topic, b"topic %d" % i])
            sent += 1
    elif scenario == "instances":
        for i in range(300):
            instance = ("%03d" % i) + "i" * MEGA
            socket.send_multipart([b"inst.INFO", record(seq=1, source={"app": "flood", "host": "h", "pid": 1,
                                                                        "instance": instance})])
            sent += 1
    elif scenario == "mdc":
        keys = mdc_keys(100_000)
        for i in range(60):
            mdc = {key: i for key in keys}
            socket.send_multipart([b"mdc.INFO", record(mdc=mdc)])
            sent += 1
    else:
        raise SystemExit("unknown scenario " + scenario)
    return sent


def main():
    endpoint, scenario, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    context = zmq.Context()
    hostile = context.socket(zmq.XPUB)
    hostile.setsockopt(zmq.SNDHWM, 1000)
    good = context.socket(zmq.XPUB)
    for socket in (hostile, good):
        socket.connect(endpoint)
        if not socket.poll(30_000):
            sys.exit(2)
        socket.recv()
    sent = flood(hostile, scenario, seconds)
    print("flooded %d" % sent, flush=True)
    now = int(time.time() * 1000)
    good.send_multipart([b"good.INFO", ("good %s %d" % (scenario, now)).encode()])
    print("good %d" % now, flush=True)
    time.sleep(30)


main()
