"""Sends fixed multipart messages once the expected number of subscriptions has arrived.

usage: send_frames.py (bind|connect) ENDPOINT SUBSCRIPTIONS MESSAGES_JSON

An XPUB (with XPUB_VERBOSE) binds or connects ENDPOINT, prints "ready", waits for
SUBSCRIPTIONS subscribe messages, prints "subscribed", sends every message of the JSON
file (a list of messages, each a list of frames: a string is sent as UTF-8, {"hex": ".."}
as those bytes), prints "sent" and exits once everything is delivered.
"""
import json
import sys

import zmq

mode, endpoint, expected, messages_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
with open(messages_file, encoding="utf-8") as f:
    messages = json.load(f)


def frame(value):
    return bytes.fromhex(value["hex"]) if isinstance(value, dict) else value.encode("utf-8")


ctx = zmq.Context()
sock = ctx.socket(zmq.XPUB)
sock.setsockopt(zmq.XPUB_VERBOSE, 1)
if mode == "bind":
    sock.bind(endpoint)
else:
    sock.connect(endpoint)
print("ready", flush=True)

subscriptions = 0
while subscriptions < expected:
    if sock.recv()[:1] == b"\x01":
        subscriptions += 1
print("subscribed", flush=True)

for message in messages:
    sock.send_multipart([frame(value) for value in message])
print("sent", flush=True)

sock.close(linger=5000)
ctx.term()
