"""A shop that logs through pyzmq's own PUBHandler, as pyzmq's logging guide shows.

Usage: pyzmq_shop.py ENDPOINT

Binds an XPUB socket at ENDPOINT (PUBHandler publishes on any socket it is given), waits
for the first subscription instead of sleeping (the slow joiner), prints "subscribed",
logs seven records at every level, with subtopics and an exception, and exits 0 once
they are sent. Exits 2 when nobody subscribes within 20 seconds.
"""

import logging
import sys

import zmq
from zmq.log.handlers import PUBHandler


def main():
    endpoint = sys.argv[1]
    ctx = zmq.Context()
    sock = ctx.socket(zmq.XPUB)
    sock.linger = 5000
    sock.bind(endpoint)
    print('bound')
    if not sock.poll(20000, zmq.POLLIN):
        print('nobody subscribed')
        return 2
    sock.recv()
    print('subscribed')

    handler = PUBHandler(sock)
    handler.root_topic = 'shop'
    logger = logging.getLogger('shop')
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logger.addHandler(handler)

    logger.debug('cart 42 has 3 items')
    logger.info('order 42 placed')
    logger.info('db.pool::pool exhausted, waiting')
    logger.warning('Stock low for SKU A-7')
    logger.error('payments.card::card declined for order 42')
    try:
        1 / 0
    except ZeroDivisionError:
        logger.exception('refund failed')
    logger.critical('shutting down')

    sock.close()
    ctx.term()
    print('sent')
    return 0


if __name__ == '__main__':
    sys.exit(main())
