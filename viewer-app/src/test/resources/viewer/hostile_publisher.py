"""Sends the viewer every kind of message it must survive, then one good message.

Usage: hostile_publisher.py ENDPOINT MAX_MESSAGE_SIZE

Binds an XPUB socket at ENDPOINT, waits for the viewer's subscription, sends the hostile
messages one by one, then one so large that ZeroMQ drops the connection, then
[b'good.INFO', b'still alive'] every 100 ms for 30 seconds: the viewer reconnects on its
own, and the test stops this script once the good message has arrived. Prints "sent"
after the hostile messages. Exits 2 when nobody subscribes within 30 seconds.
"""

import json
import sys
import time

import zmq


def hostile_messages(max_size):
    deep = b'[' * 100000 + b']' * 100000
    return [
        [b'one frame, no topic: Log4j2 JeroMQ appender text'],
        [b'three.INFO', b'frame two', b'frame three'],
        [b''],
        [b'empty.INFO', b''],
        [b'bad\xff\xfeutf8.INFO', b'topic with invalid UTF-8'],
        [b'payload.INFO', b'payload with invalid UTF-8 \xc3\x28'],
        [b'json.INFO', b'{"msg": "unterminated'],
        [b'deep.INFO', b'{"msg": ' + deep + b'}'],
        [b'deep-one-frame' + deep],
        [b'big.INFO', b'x' * (max_size + 1)],
        [json.dumps({
            'name': 'cookbook', 'msg': 'disk almost full', 'args': None, 'levelname': 'WARNING',
            'levelno': 30, 'pathname': '/srv/app.py', 'filename': 'app.py', 'module': 'app',
            'exc_info': None, 'exc_text': None, 'stack_info': None, 'lineno': 12, 'funcName': 'check',
            'created': time.time(), 'msecs': 1.0, 'relativeCreated': 5.0, 'thread': 1,
            'threadName': 'MainThread', 'processName': 'MainProcess', 'process': 4242,
            'message': 'disk almost full'}).encode()],
        [json.dumps({
            'channel': 'logbook-app', 'level': 14, 'msg': 'logbook failure',
            'time': '2026-11-22T10:00:00.000001', 'thread_name': 'worker-1',
            'formatted_exception': 'Traceback (most recent call last):\n  ValueError: boom'}).encode()],
    ]


def main():
    endpoint, max_size = sys.argv[1], int(sys.argv[2])
    ctx = zmq.Context()
    sock = ctx.socket(zmq.XPUB)
    sock.sndhwm = 100000
    sock.linger = 10000
    sock.bind(endpoint)
    if not sock.poll(30000, zmq.POLLIN):
        print('nobody subscribed')
        return 2
    sock.recv()
    for message in hostile_messages(max_size):
        sock.send_multipart(message)
    sock.send_multipart([b'huge.INFO', b'x' * (max_size * 8)])
    print('sent')
    for _ in range(300):
        sock.send_multipart([b'good.INFO', b'still alive'])
        time.sleep(0.1)
    sock.close()
    ctx.term()
    return 0


if __name__ == '__main__':
    sys.exit(main())
