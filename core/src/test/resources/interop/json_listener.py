"""Receives zmqlog's json payloads the way Python's logging cookbook does.

Usage: json_listener.py ENDPOINT TOPIC COUNT TIMEOUT_SECONDS

Subscribes to TOPIC at ENDPOINT, prints "subscribed", then for each of COUNT messages
rebuilds the record with logging.makeLogRecord(json.loads(payload)), formats it with a
stock logging.Formatter and prints one JSON line: the formatted text and the record's
attributes. A record that cannot be rebuilt or formatted prints {"error": ...}. Exits 0
after COUNT messages, 2 when TIMEOUT_SECONDS pass first.
"""

import json
import logging
import sys
import time

import zmq

FORMAT = '%(asctime)s %(levelname)s %(name)s %(threadName)s %(message)s'


def describe(topic, payload, formatter):
    try:
        record = logging.makeLogRecord(json.loads(payload))
        formatted = formatter.format(record)
        return {
            'topic': topic.decode('utf8'),
            'formatted': formatted,
            'levelname': record.levelname,
            'levelno': record.levelno,
            'name': record.name,
            'message': record.getMessage(),
            'threadName': record.threadName,
            'seq': record.seq,
            'exc_text': record.exc_text,
            'created': record.created,
        }
    except Exception as ex:  # report it: the test asserts that nothing fails
        return {'error': repr(ex), 'payload': payload.decode('utf8', 'replace')}


def main():
    endpoint, topic, count, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    formatter = logging.Formatter(FORMAT)
    ctx = zmq.Context()
    sub = ctx.socket(zmq.SUB)
    sub.setsockopt(zmq.LINGER, 0)
    sub.subscribe(topic.encode('utf8'))
    sub.connect(endpoint)
    print('subscribed')
    deadline = time.monotonic() + timeout
    received = 0
    try:
        while received < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                print(json.dumps({'error': 'timeout', 'received': received}))
                return 2
            if sub.poll(int(min(remaining, 0.1) * 1000) + 1, zmq.POLLIN):
                frames = sub.recv_multipart()
                if len(frames) != 2:
                    print(json.dumps({'error': 'expected 2 frames, got %d' % len(frames)}))
                else:
                    print(json.dumps(describe(frames[0], frames[1], formatter)))
                received += 1
        return 0
    finally:
        sub.close()
        ctx.term()


if __name__ == '__main__':
    sys.exit(main())
