"""The training passport service: a real HTTP server on loopback for practice and tests.

Bound beyond loopback (``mirecovery training-server --host``) it serves a
classroom, behind a join code (``training/server.py``).
"""
