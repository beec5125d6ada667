"""Subscribes to ENDPOINT, prints each message as 'topic|payload', exits after COUNT
messages or TIMEOUT seconds, then prints 'received N'.

usage: curve_subscriber.py ENDPOINT COUNT TIMEOUT [SERVER_KEY [PUBLIC_KEY SECRET_KEY]]
With SERVER_KEY the socket is a CURVE client; without its own key pair it makes one.
"""
import sys
import time

import zmq

endpoint, count, timeout = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
keys = sys.argv[4:]

ctx = zmq.Context()
sub = ctx.socket(zmq.SUB)
sub.linger = 0
if keys:
    sub.curve_serverkey = keys[0].encode()
    if len(keys) >= 3:
        public, secret = keys[1].encode(), keys[2].encode()
    else:
        public, secret = zmq.curve_keypair()
    sub.curve_publickey = public
    sub.curve_secretkey = secret
sub.setsockopt(zmq.SUBSCRIBE, b"")
sub.connect(endpoint)
print("connected", flush=True)

received = 0
deadline = time.monotonic() + timeout
poller = zmq.Poller()
poller.register(sub, zmq.POLLIN)
while received < count:
    left = deadline - time.monotonic()
    if left <= 0:
        break
    if poller.poll(left * 1000):
        frames = sub.recv_multipart()
        print("|".join(f.decode("utf-8", "replace") for f in frames), flush=True)
        received += 1
print("received %d" % received, flush=True)
sub.close()
ctx.term()
