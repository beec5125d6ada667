"""Publishes what Python applications send that zmqlog must read as Python shows it.

Usage: python_records.py PORT

Binds an XPUB socket on 127.0.0.1:PORT and waits for a subscriber, then sends:
1. pyzmq's PUBHandler record of logger.exception("payment failed"): text, the traceback
   appended by logging.Formatter;
2. a logging.makeLogRecord dictionary with msg and args and no message, as JSON.
Prints "getMessage: <text>" with what Python's LogRecord.getMessage() gives for 2, then
"sent" and exits.
"""

import json
import logging
import sys

import zmq
from zmq.log.handlers import PUBHandler

context = zmq.Context()
socket = context.socket(zmq.XPUB)
socket.bind('tcp://127.0.0.1:%s' % sys.argv[1])
socket.recv()  # the subscription

handler = PUBHandler(socket)
handler.root_topic = 'py'
logger = logging.getLogger('payments')
logger.addHandler(handler)
logger.propagate = False
try:
    raise ValueError('card declined')
except ValueError:
    logger.exception('payment failed')

record = logging.makeLogRecord({'name': 'payments.raw', 'msg': 'raw %s of %d (%.1f%%) %r',
                                'args': ('args', 3, 99.5, 'x'), 'levelname': 'INFO', 'levelno': 20})
print('getMessage: ' + record.getMessage(), flush=True)
socket.send_multipart([b'py.INFO', json.dumps(record.__dict__, default=str).encode('utf8')])
print('sent', flush=True)
socket.close(linger=2000)
context.term()
