"""A TLS front door on loopback for the training server, with the faults a network brings.

The client talks to ``https://passport.training.test:PORT``. The name resolves
(through a patched resolver, no DNS query leaves the machine) to this door on
127.0.0.1, which speaks TLS with a certificate from a throwaway CA that the
test puts in the operating system's trust store (``SSL_CERT_FILE``: what a
shop's TLS-inspecting antivirus does with its own CA), and passes the bytes
on to the plain-HTTP training server. :meth:`FaultDoor.set` then makes the
next connection meet one of the faults below; every open connection is cut
at each change so that a pooled keep-alive connection cannot slip past it.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import trustme

HOST = "passport.training.test"


class Door(Enum):
    OPEN = "open"
    REFUSED = "refused"  # nothing listens: the connection is refused
    BLACKHOLE = "blackhole"  # the accept queue is full: the connect never completes
    UNTRUSTED = "untrusted"  # TLS with a certificate from a CA nobody trusts
    NO_NAME = "no_name"  # the name does not resolve


class FaultDoor:
    def __init__(self, upstream: tuple[str, int], folder: Path) -> None:
        self._upstream = upstream
        self.ca = trustme.CA()
        self.ca_file = folder / "door-ca.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_file))
        self._good = self._server_context(self.ca)
        self._bad = self._server_context(trustme.CA())
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener: socket.socket | None = None
        self._filler: socket.socket | None = None
        self._parked: socket.socket | None = None
        self._connections: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self.mode = Door.OPEN
        self.port = 0
        self._listen(accepting=True)
        self._acceptor = threading.Thread(target=self._accept_loop, name="fault-door", daemon=True)
        self._acceptor.start()

    @staticmethod
    def _server_context(ca: trustme.CA) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ca.issue_cert(HOST).configure_cert(context)
        return context

    @property
    def url(self) -> str:
        return f"https://{HOST}:{self.port}"

    # --- faults ------------------------------------------------------------------------------

    def set(self, mode: Door) -> None:
        with self._lock:
            self.mode = mode
            self._close_listener()
            for connection in list(self._connections):
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
                connection.close()
            self._connections.clear()
            if mode is Door.REFUSED:
                return
            self._listen(accepting=mode is not Door.BLACKHOLE)

    def resolver(self, real: Callable[..., Any]) -> Callable[..., Any]:
        """A ``socket.getaddrinfo`` that knows HOST (and fails it in NO_NAME mode)."""

        def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
            if host == HOST:
                if self.mode is Door.NO_NAME:
                    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
                return real("127.0.0.1", port, *args, **kwargs)
            return real(host, port, *args, **kwargs)

        return getaddrinfo

    # --- plumbing ----------------------------------------------------------------------------

    def _listen(self, *, accepting: bool) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        self.port = listener.getsockname()[1]
        if accepting:
            listener.listen(16)
            listener.setblocking(False)
            self._listener = listener
        else:
            # One queued connection nobody accepts fills a backlog of 0: SYNs are dropped.
            listener.listen(0)
            self._listener = None
            self._filler = socket.create_connection(("127.0.0.1", self.port))
            self._parked = listener

    def _close_listener(self) -> None:
        for attribute in ("_listener", "_filler", "_parked"):
            sock = getattr(self, attribute, None)
            if sock is not None:
                sock.close()
                setattr(self, attribute, None)

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                listener = self._listener
            if listener is None:
                self._stop.wait(0.01)
                continue
            try:
                ready = selectors.DefaultSelector()
                ready.register(listener, selectors.EVENT_READ)
                events = ready.select(timeout=0.02)
                ready.close()
                if not events:
                    continue
                client, _ = listener.accept()
            except (OSError, ValueError):
                continue  # the listener was swapped under us
            client.setblocking(True)
            with self._lock:
                context = self._bad if self.mode is Door.UNTRUSTED else self._good
                self._connections.add(client)
            thread = threading.Thread(target=self._serve, args=(client, context), name="fault-door-pipe", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket, context: ssl.SSLContext) -> None:
        upstream: socket.socket | None = None
        secure: ssl.SSLSocket | None = None
        try:
            client.settimeout(5)
            secure = context.wrap_socket(client, server_side=True)
            with self._lock:
                self._connections.add(secure)
            upstream = socket.create_connection(self._upstream, timeout=5)
            with self._lock:
                self._connections.add(upstream)
            self._pipe(secure, upstream)
        except (OSError, ssl.SSLError, ValueError):
            pass  # a refused handshake or a cut connection: the client sees it
        finally:
            for sock in (secure, upstream, client):
                if sock is not None:
                    with self._lock:
                        self._connections.discard(sock)
                    with contextlib.suppress(OSError):
                        sock.close()

    def _pipe(self, secure: ssl.SSLSocket, upstream: socket.socket) -> None:
        selector = selectors.DefaultSelector()
        selector.register(secure, selectors.EVENT_READ, upstream)
        selector.register(upstream, selectors.EVENT_READ, secure)
        try:
            while not self._stop.is_set():
                # TLS may hold decrypted bytes that select() cannot see.
                events = [(secure, upstream)] if secure.pending() else []
                if not events:
                    events = [(key.fileobj, key.data) for key, _ in selector.select(timeout=0.05)]
                for source, target in events:
                    data = source.recv(65536)  # type: ignore[union-attr]
                    if not data:
                        return
                    target.sendall(data)
        finally:
            selector.close()

    def close(self) -> None:
        self._stop.set()
        self.set(Door.REFUSED)
        self._acceptor.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)


@contextlib.contextmanager
def fault_door(upstream: tuple[str, int], folder: Path) -> Iterator[FaultDoor]:
    door = FaultDoor(upstream, folder)
    try:
        yield door
    finally:
        door.close()
