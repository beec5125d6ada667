"""Runs a command with SIGINT at its default disposition.

usage: sigint_default.py PROGRAM [ARG]...

A process started in the background, or by a parent that ignores SIGINT, inherits the
ignoring, and then neither Python nor the JVM reacts to Ctrl-C; the tests that stop a
watcher as a user does need it restored.
"""
import os
import signal
import sys

signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])
