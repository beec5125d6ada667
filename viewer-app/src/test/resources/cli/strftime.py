"""Prints datetime.strftime for every pattern and time, one JSON string a line.

usage: strftime.py TIMES_JSON PATTERNS_JSON

TIMES_JSON is a list of naive ISO times ("2025-03-07T09:05:03.012345"), PATTERNS_JSON a
list of patterns; for each time, for each pattern, one line: json.dumps of the result.
"""
import json
import sys
from datetime import datetime

times = json.loads(sys.argv[1])
patterns = json.loads(sys.argv[2])
for time in times:
    moment = datetime.fromisoformat(time)
    for pattern in patterns:
        print(json.dumps(moment.strftime(pattern)))
