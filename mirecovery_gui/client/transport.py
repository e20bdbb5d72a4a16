"""A ``requests`` session whose in-flight connections can be cut from another thread.

``requests`` has no cancel. Closing the window or pressing Back while a
server takes its time must not leave a thread blocked for the whole read
timeout, so every socket the session opens is recorded, and :meth:`abort`
shuts them down: a blocked ``recv`` then returns at once and the request
fails, which the client reports as cancelled.

Imported lazily (it imports ``requests``).
"""

from __future__ import annotations

import socket
import ssl
import threading
import weakref
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool


class SocketRegistry:
    """The open sockets of one client, weakly held, each with the thread that last used it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: weakref.WeakKeyDictionary[socket.socket, int] = weakref.WeakKeyDictionary()

    def add(self, sock: socket.socket) -> None:
        """``sock`` carries the calling thread's request (a new connection, or one taken from the pool)."""
        with self._lock:
            self._sockets[sock] = threading.get_ident()

    def abort(self, thread: int | None = None) -> int:
        """Shut down the open sockets (of ``thread`` only, when given); returns how many were cut.

        Only the thread's own: a step's deadline must not cut a request another
        thread has out meanwhile (the training phone's check, a quota).
        """
        with self._lock:
            sockets = [sock for sock, owner in self._sockets.items() if thread is None or owner == thread]
            for sock in sockets:
                del self._sockets[sock]
        cut = 0
        for sock in sockets:
            try:
                if sock.fileno() != -1:
                    sock.shutdown(socket.SHUT_RDWR)
                    cut += 1
            except OSError:
                continue  # already closed by its owner: nothing to cut
        return cut


def system_trust_context() -> ssl.SSLContext:
    """TLS verified against the operating system's trust store, not a bundled list.

    A shop whose antivirus inspects HTTPS has put the antivirus's CA in the
    system store; with certifi's bundle every connection would fail there.
    Verification stays on either way.
    """
    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


class _TrackingAdapter(HTTPAdapter):
    def __init__(self, registry: SocketRegistry) -> None:
        self._registry = registry
        self._tls = system_trust_context()
        super().__init__(max_retries=0)  # retries are the client's decision, per method

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        proxy_kwargs.setdefault("ssl_context", self._tls)
        return super().proxy_manager_for(proxy, **proxy_kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._tls
        super().init_poolmanager(*args, **kwargs)
        registry = self._registry

        # The socket is recorded once it is the one the request uses: with TLS that is
        # the wrapped socket (wrapping detaches the plain one, which can no longer be
        # cut), and a pooled connection is recorded again for the thread reusing it.
        class _Connection(HTTPConnection):
            def _new_conn(self) -> socket.socket:
                sock = super()._new_conn()
                registry.add(sock)  # cut while the TLS handshake runs, too
                return sock

            def connect(self) -> None:
                super().connect()
                registry.add(self.sock)

            def request(self, *args: Any, **kwargs: Any) -> None:
                if self.sock is not None:
                    registry.add(self.sock)
                super().request(*args, **kwargs)

        # The same three hooks in front of urllib3's HTTPS connection (its own connect does the handshake).
        class _SecureConnection(_Connection, HTTPSConnection):
            pass

        class _Pool(HTTPConnectionPool):
            ConnectionCls = _Connection

        class _SecurePool(HTTPSConnectionPool):
            ConnectionCls = _SecureConnection

        self.poolmanager.pool_classes_by_scheme = {"http": _Pool, "https": _SecurePool}


def make_session(registry: SocketRegistry, *, trust_env: bool, headers: dict[str, str]) -> requests.Session:
    session = requests.Session()
    adapter = _TrackingAdapter(registry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    # Loopback (training) must never go through a proxy from the environment.
    session.trust_env = trust_env
    session.headers.update(headers)
    return session
