"""Logs through Python Logbook's ZeroMQHandler, as a Logbook application does.

Usage: logbook_app.py pub|push ENDPOINT

pub:  ZeroMQHandler(ENDPOINT), multi=False: a PUB socket that binds ENDPOINT. A PUB drops
      what it sends before a subscription has arrived, so it logs a DEBUG record "probe"
      on channel "probe" every 50 ms until a line arrives on stdin, then the records.
push: ZeroMQHandler(ENDPOINT, multi=True): a PUSH socket that connects to ENDPOINT (a
      PULL socket that binds) and holds the records until it is connected.

The records, each one JSON frame of Logbook's record.to_dict():
1. INFO     shop.orders    "order {0} placed" with 42, extra user=ada
2. WARNING  shop.stock     "stock low"
3. ERROR    shop.payments  "payment failed", with the traceback of ValueError('card declined')
4. CRITICAL shop           "shutting down"
Prints "sent" and exits once they are out.
"""

import select
import sys

import logbook
from logbook.queues import ZeroMQHandler

mode, endpoint = sys.argv[1], sys.argv[2]
handler = ZeroMQHandler(endpoint, multi=(mode == 'push'))


def add_user(record):
    record.extra['user'] = 'ada'


with handler.applicationbound():
    if mode == 'pub':
        probe = logbook.Logger('probe')
        while not select.select([sys.stdin], [], [], 0.05)[0]:
            probe.debug('probe')
        sys.stdin.readline()
    with logbook.Processor(add_user).applicationbound():
        logbook.Logger('shop.orders').info('order {0} placed', 42)
    logbook.Logger('shop.stock').warning('stock low')
    try:
        raise ValueError('card declined')
    except ValueError:
        logbook.Logger('shop.payments').exception('payment failed')
    logbook.Logger('shop').critical('shutting down')

print('sent', flush=True)
handler.close(linger=5000)
handler.context.term()
