"""Text records through pyzmq's own PUBHandler at a steady rate, for the shared-history test.

Usage: pyzmq_stream.py ENDPOINT RATE

Binds an XPUB socket at ENDPOINT, waits for the first subscription (the slow joiner),
prints "subscribed", logs records "text N" (N from 1) at RATE records a second until a
line "stop" comes on standard input, then prints "sent N" (the records logged) and exits
0 once they are sent. Exits 2 when nobody subscribes within 30 seconds.
"""

import logging
import select
import sys
import time

import zmq
from zmq.log.handlers import PUBHandler


def main():
    endpoint, rate = sys.argv[1], int(sys.argv[2])
    ctx = zmq.Context()
    sock = ctx.socket(zmq.XPUB)
    sock.linger = 5000
    sock.bind(endpoint)
    print('bound', flush=True)
    if not sock.poll(30000, zmq.POLLIN):
        print('nobody subscribed', flush=True)
        return 2
    sock.recv()
    print('subscribed', flush=True)

    handler = PUBHandler(sock)
    handler.root_topic = 'pyshop'
    handler.setFormatter(logging.Formatter('%(message)s'))
    logger = logging.getLogger('pyshop')
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logger.addHandler(handler)

    start = time.monotonic()
    n = 0
    while True:
        n += 1
        logger.info('text %d', n)
        delay = max(0.0, start + n / rate - time.monotonic())
        ready, _, _ = select.select([sys.stdin], [], [], delay)
        if ready and sys.stdin.readline().strip() == 'stop':
            break

    sock.close()
    ctx.term()
    print('sent %d' % n, flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
