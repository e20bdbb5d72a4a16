"""The training passport service: a real HTTP server on loopback for practice and tests."""
