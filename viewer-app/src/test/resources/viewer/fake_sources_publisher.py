"""A real source that loses 50 events, 100,000 fake sources, then the real source's numbers replayed.

Usage: fake_sources_publisher.py ENDPOINT

Connects an XPUB socket to ENDPOINT (the viewer binds), waits for the subscription, and
sends zmqlog json records: source "billing" (instance real-instance) with seq 1, 3, 5,
.., 101 (the 50 even numbers lost), then one record from each of 100,000 invented
instances of "billing", then "billing"/real-instance seq 1 to 101 again, then the record
"done". Prints "sent N" and stays connected until stopped. Nothing is dropped on the
way: the send queue is unbounded.
"""

import json
import sys
import time

import zmq


def record(instance, seq, msg):
    return json.dumps({"name": "flood", "msg": msg, "levelname": "INFO", "created": time.time(), "seq": seq,
                       "source": {"app": "billing", "host": "host-1", "pid": 42, "instance": instance}},
                      separators=(",", ":")).encode()


def main():
    context = zmq.Context()
    socket = context.socket(zmq.XPUB)
    socket.setsockopt(zmq.SNDHWM, 0)
    socket.connect(sys.argv[1])
    if not socket.poll(30_000):
        sys.exit(2)
    socket.recv()
    sent = 0
    for seq in range(1, 102, 2):
        socket.send_multipart([b"billing.INFO", record("real-instance", seq, "real %d" % seq)])
        sent += 1
    for i in range(100_000):
        socket.send_multipart([b"billing.INFO", record("fake-%d" % i, 1, "fake")])
        sent += 1
    for seq in range(1, 102):
        socket.send_multipart([b"billing.INFO", record("real-instance", seq, "replayed %d" % seq)])
        sent += 1
    socket.send_multipart([b"billing.INFO", record("real-instance", 102, "done")])
    print("sent %d" % (sent + 1), flush=True)
    time.sleep(120)


main()
