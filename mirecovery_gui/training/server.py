"""The training service over real HTTP, bound to 127.0.0.1 unless told otherwise.

It runs in-process (``TrainingServer(...).start()``, used by the app's
training mode and by the tests) or as ``mirecovery training-server``. Each
answer goes out in a single send with TCP_NODELAY: a header write followed by
a body write stalls a keep-alive client by about 44 ms per call (Nagle meets
delayed ACK; docs/performance.md).

Besides the passport paths of ``resources/providers/training.json`` it serves:

* ``GET /_training/peek``: the latest captcha answer and the delivered
  messages (per session when the request carries the session cookie);
* ``GET|POST|DELETE /_training/faults``: list, arm (JSON body, see
  :class:`~mirecovery_gui.training.faults.Fault`) or clear faults; a POST
  with ``{"latency_s": 2}`` sets an added latency for every answer;
* ``GET /_training/health``: ``ok``.
"""

from __future__ import annotations

import json
import logging
import socket
import struct
import threading
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from mirecovery_gui.client.profile import load_profile
from mirecovery_gui.core.flow import Channel
from mirecovery_gui.training.faults import Fault, FaultKind
from mirecovery_gui.training.service import PREFIX, Reply, TrainingService

log = logging.getLogger(__name__)

MAX_REQUEST_BODY = 64 * 1024
HANG_LIMIT_S = 600.0


class _HTTPServer(ThreadingHTTPServer):
    # Handler threads are joined on close (no thread outlives a test), so they
    # must be woken: stop() shuts their sockets down and sets `stopping`.
    daemon_threads = False
    block_on_close = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], service: TrainingService, family: int) -> None:
        self.address_family = family
        self.service = service
        self.stopping = threading.Event()
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        paths = load_profile("training").paths
        self.routes: dict[tuple[str, str], tuple[str, Channel | None]] = {
            ("GET", paths["captcha"]): ("captcha", None),
            ("POST", paths["start"]): ("start", None),
            ("POST", paths["quota"]): ("quota", None),
            ("POST", paths["send_phone"]): ("send", Channel.PHONE),
            ("POST", paths["send_email"]): ("send", Channel.EMAIL),
            ("POST", paths["verify_phone"]): ("verify", Channel.PHONE),
            ("POST", paths["verify_email"]): ("verify", Channel.EMAIL),
            ("POST", paths["reset"]): ("reset", None),
        }
        super().__init__(address, _Handler)

    def abort_connections(self) -> None:
        with self.connections_lock:
            connections = list(self.connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                continue


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    timeout = 60  # an idle keep-alive connection is closed after a minute
    server: _HTTPServer
    server_version = "mirecovery-training"
    sys_version = ""

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass  # the peer (or a reset fault) already closed it
        finally:
            with self.server.connections_lock:
                self.server.connections.discard(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("training %s", format % args)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    # --- dispatch ------------------------------------------------------------------

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        body = self._read_body()
        if body is None:
            return
        cookies = self._cookies()
        service = self.server.service
        if url.path.startswith("/_training/"):
            self._send_reply(self._training_endpoint(method, url.path, body, cookies))
            return
        route = self.server.routes.get((method, url.path))
        if route is None:
            self._send_reply(Reply(status=404, body=b"not found", content_type="text/plain"))
            return
        step, channel = route
        service.record_hit(step)
        if service.faults.latency_s > 0 and self._wait(service.faults.latency_s):
            return
        fault = service.faults.take(step)
        if fault is not None and self._apply_fault(fault, step):
            return
        form = dict(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))
        if step == "captcha":
            reply = service.captcha()
        elif step == "start":
            reply = service.start(form, cookies)
        elif step == "quota":
            reply = service.quota(form, cookies)
        elif step == "send":
            assert channel is not None
            reply = service.send(channel, form, cookies)
        elif step == "verify":
            assert channel is not None
            reply = service.verify(channel, form, cookies)
        else:
            reply = service.reset(form, cookies)
        self._send_reply(reply)

    def _training_endpoint(self, method: str, path: str, body: bytes, cookies: dict[str, str]) -> Reply:
        service = self.server.service
        if path == "/_training/peek" and method == "GET":
            return service.peek(cookies)
        if path == "/_training/health" and method == "GET":
            return Reply(body=b"ok", content_type="text/plain")
        if path == "/_training/faults":
            if method == "DELETE":
                service.faults.clear()
            elif method == "POST":
                try:
                    data = json.loads(body or b"{}")
                    if "latency_s" in data:
                        service.faults.latency_s = max(0.0, float(data["latency_s"]))
                    if "kind" in data:
                        service.faults.add(Fault.from_mapping(data))
                except (ValueError, KeyError, TypeError) as exc:
                    message = json.dumps({"error": str(exc)}).encode()
                    return Reply(status=400, body=message)
            listing = {
                "latency_s": service.faults.latency_s,
                "faults": [fault.to_mapping() for fault in service.faults.pending()],
            }
            return Reply(body=json.dumps(listing).encode())
        return Reply(status=404, body=b"not found", content_type="text/plain")

    def _apply_fault(self, fault: Fault, step: str) -> bool:
        """Carry out ``fault``; False when the request should then be answered normally."""
        kind = fault.kind
        if kind is FaultKind.DELAY:
            return self._wait(fault.delay_s)
        if kind is FaultKind.HANG:
            self._wait(HANG_LIMIT_S)
            self.close_connection = True
            return True
        if kind is FaultKind.STATUS:
            headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
            self._send_reply(
                Reply(
                    status=fault.status,
                    body=b"<html>error</html>",
                    content_type="text/html",
                    headers=headers,
                )
            )
        elif kind is FaultKind.MALFORMED:
            self._send_reply(Reply(body=(PREFIX + '{"code": 0, "data": {"opt').encode()))
        elif kind is FaultKind.NO_PREFIX:
            self._send_reply(Reply(body=b'{"code": 0, "data": {}}'))
        elif kind is FaultKind.CONTENT_TYPE:
            self._send_reply(
                Reply(
                    body=b"<html><body>Sign in to the network</body></html>",
                    content_type="text/html",
                )
            )
        elif kind is FaultKind.RESULT:
            from mirecovery_gui.training.service import envelope

            self._send_reply(Reply(body=envelope(fault.code, tip=fault.tips or "unknown")))
        elif kind in (FaultKind.TRUNCATED, FaultKind.RESET):
            body = (PREFIX + json.dumps({"code": 0, "data": {"padding": "x" * 400}})).encode()
            head = self._head(200, "application/json; charset=utf-8", len(body), {}, {})
            try:
                self.wfile.write(head + body[: len(body) // 3])
                if kind is FaultKind.RESET:
                    # SO_LINGER 0 turns close() into a TCP reset
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
            except OSError:
                pass
            self.close_connection = True
        log.debug("training fault %s on %s", kind.value, step)
        return True

    # --- I/O -------------------------------------------------------------------------

    def _wait(self, seconds: float) -> bool:
        """Sleep, waking when the server stops; True when it is stopping."""
        if self.server.stopping.wait(seconds):
            self.close_connection = True
            return True
        return False

    def _read_body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_REQUEST_BODY:
            self.close_connection = True
            self._send_reply(Reply(status=413, body=b"request too large", content_type="text/plain"))
            return None
        return self.rfile.read(length) if length else b""

    def _cookies(self) -> dict[str, str]:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(self.headers.get("Cookie", ""))
        except CookieError:
            return {}
        return {key: morsel.value for key, morsel in jar.items()}

    def _head(
        self,
        status: int,
        content_type: str,
        length: int,
        headers: dict[str, str],
        cookies: dict[str, str],
    ) -> bytes:
        reason = self.responses.get(status, ("",))[0]
        lines = [
            f"HTTP/1.1 {status} {reason}",
            f"Server: {self.server_version}",
            f"Content-Type: {content_type}",
            f"Content-Length: {length}",
            "Cache-Control: no-store",
        ]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        lines += [f"Set-Cookie: {name}={value}; Path=/; HttpOnly; SameSite=Strict" for name, value in cookies.items()]
        if self.close_connection:
            lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def _send_reply(self, reply: Reply) -> None:
        head = self._head(reply.status, reply.content_type, len(reply.body), reply.headers, reply.cookies)
        try:
            self.wfile.write(head + reply.body)  # one send: see the module docstring
        except OSError:
            self.close_connection = True
        self.log_request(reply.status, len(reply.body))


class TrainingServer:
    """Start and stop the training service's HTTP server in a background thread."""

    def __init__(self, service: TrainingService | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
        self.service = service or TrainingService()
        self.host = host
        self.port = port
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the training server is not running")
        host, port = self._httpd.server_address[:2]
        host = str(host)
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def start(self) -> str:
        if self._httpd is not None:
            return self.url
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        self._httpd = _HTTPServer((self.host, self.port), self.service, family)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="training-server",
            daemon=True,
        )
        self._thread.start()
        log.info("training service listening on port=%d", self._httpd.server_address[1])
        return self.url

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        httpd.stopping.set()
        httpd.shutdown()
        httpd.abort_connections()
        httpd.server_close()  # joins the handler threads
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> TrainingServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
