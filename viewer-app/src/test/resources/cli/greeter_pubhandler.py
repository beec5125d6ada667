"""Publishes a fixed sequence through pyzmq's PUBHandler, and a few raw messages, once
the expected number of subscriptions has arrived.

usage: greeter_pubhandler.py PORT SUBSCRIPTIONS

Binds an XPUB (with XPUB_VERBOSE, so that every watcher's subscription is seen, even to
the same topic) on 127.0.0.1:PORT, prints "bound", waits for SUBSCRIPTIONS subscribe
messages, prints "subscribed", publishes, and exits once everything is sent.
"""
import logging
import sys

import zmq
from zmq.log.handlers import PUBHandler

port, expected = int(sys.argv[1]), int(sys.argv[2])

ctx = zmq.Context()
sock = ctx.socket(zmq.XPUB)
sock.setsockopt(zmq.XPUB_VERBOSE, 1)
sock.bind("tcp://127.0.0.1:%d" % port)
print("bound", flush=True)

subscriptions = 0
while subscriptions < expected:
    if sock.recv()[:1] == b"\x01":
        subscriptions += 1
print("subscribed", flush=True)

handler = PUBHandler(sock)
handler.root_topic = "greeter"
logger = logging.getLogger("greeter")
logger.setLevel(logging.DEBUG)
logger.propagate = False
logger.addHandler(handler)

logger.warning("Preparing to greet the world...")
for i in range(1, 4):
    logger.debug("Sending message %d of 3", i)
    logger.info("hello world!")
logger.info("db.pool::pool exhausted")
logger.warning("db::slow query\n  select * from greetings")
logger.error("greeting failed")
logger.critical("the world is gone")
logger.info("grüße.🚀::unicode subtopics are aligned by code points")

# what PUBHandler would not send, but a pyzmq watcher reads all the same
sock.send_multipart([b"greeter.INFO", b"  leading and trailing whitespace \t\n\n"])
sock.send_multipart([b"  greeter.DEBUG \n", "a topic with whitespace, no-break spaces\u00a0".encode()])
sock.send_multipart([b"greeter.ERROR.db", b"first line\nsecond line\n\tindented third\n"])
sock.send_multipart([b"greeter.INFO", b""])
sock.send_multipart([b"greeter", b"a topic without a level"])
sock.send_multipart([b"greeter.INFO.a.b.c.d", b"a deep subtopic widens every segment"])
sock.send_multipart([b"greeter.CRITICAL", "non-ASCII: żółć, 日本語, emoji 🚀".encode()])
logger.info("the end")

sock.close(linger=5000)
ctx.term()
