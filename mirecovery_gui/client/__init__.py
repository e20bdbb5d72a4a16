"""The recovery client layer: talks to a passport service over HTTP. No Qt.

``requests`` is imported only when the first client is built: it costs about
half of Qt's own start-up (docs/performance.md).
"""
