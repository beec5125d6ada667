"""A subscriber that stops reading: subscribes to everything at ENDPOINT, prints
"subscribed", reads nothing until a line arrives on stdin, then reads until QUIET seconds
pass without a message and prints "received N highest SEQ gaps G" (json payloads).

Usage: stalled_subscriber.py ENDPOINT QUIET_SECONDS
"""

import json
import sys
import time

import zmq

context = zmq.Context()
socket = context.socket(zmq.SUB)
socket.setsockopt(zmq.SUBSCRIBE, b'')
socket.connect(sys.argv[1])
print('subscribed', flush=True)
sys.stdin.readline()
quiet = float(sys.argv[2])
received, highest, gaps, last = 0, 0, 0, time.time()
while time.time() - last < quiet:
    if socket.poll(100):
        topic, payload = socket.recv_multipart()
        seq = json.loads(payload)['seq']
        if seq > highest + 1:
            gaps += seq - highest - 1
        highest = max(highest, seq)
        received += 1
        last = time.time()
print('received %d highest %d gaps %d' % (received, highest, gaps), flush=True)
socket.close(linger=0)
context.term()
