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
* ``GET /_training/health``: ``ok``;
* the practice website at ``GET|POST /pass/forgetPassword`` (a form post with a ``practice``
  field; :mod:`~mirecovery_gui.training.practice_site`): the real page's shape, marked TRAINING.

Bound beyond loopback (any ``host`` but 127.0.0.1, ::1 and localhost: a
classroom), anyone on the network can reach it, so:

* every passport request and ``/_training/peek`` must carry the join code in
  the ``X-Training-Code`` header (compared in constant time); without it,
  403 with an error in the passport envelope. The code is random unless
  given, and students get it in the address they start the app with
  (``mirecovery --server http://HOST:PORT/?code=CODE``);
* ``/_training/peek`` shows only the caller's own session (its cookies),
  never the server-wide "latest" view: a student's app still shows its own
  training phone, and nobody else's codes;
* ``/_training/faults`` answers only to the trainer's own machine (a
  loopback source address, or the address the connection came in on).

On loopback nothing of this applies unless a join code is given: the app's
embedded service and the tests see no difference.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import secrets
import socket
import struct
import sys
import threading
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from mirecovery_gui.client.profile import load_profile
from mirecovery_gui.core.flow import Channel
from mirecovery_gui.training import practice_site
from mirecovery_gui.training.faults import Fault, FaultKind, read_arming
from mirecovery_gui.training.service import LOCATION_PATH, PREFIX, Reply, TrainingService, envelope

log = logging.getLogger(__name__)

MAX_REQUEST_BODY = 64 * 1024
HANG_LIMIT_S = 600.0

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
JOIN_CODE_HEADER = "X-Training-Code"
# No 0/O, 1/I/L: a code read off a whiteboard is typed right the first time.
JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
JOIN_CODE_LENGTH = 6
JOIN_CODE_REFUSED = 403  # the result code of the refusal's envelope, after its HTTP status
_JOIN_CODE_TIP = "This classroom training server needs the join code: start the app with the address the trainer gives."


def new_join_code(length: int = JOIN_CODE_LENGTH) -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(length))


def check_join_code(code: str) -> str:
    """A trainer's own join code, upper-cased; ValueError unless 4 to 32 ASCII letters or digits.

    It travels in a URL and a header: nothing there needs escaping.
    """
    code = code.strip().upper()
    if not 4 <= len(code) <= 32 or not (code.isascii() and code.isalnum()):
        raise ValueError("a join code is 4 to 32 letters or digits")
    return code


def is_classroom_host(host: str) -> bool:
    """True when ``host`` is reachable from beyond this machine (anything but the loopback names)."""
    return host not in LOOPBACK_HOSTS


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped  # a dual-stack socket shows IPv4 peers as ::ffff:a.b.c.d
    return address


def is_trainer_peer(peer: str, local: str) -> bool:
    """Whether a connection from ``peer`` to our ``local`` address comes from this machine.

    A loopback source, or the very address it came in on (the trainer used the
    machine's network address, as printed for the students).
    """
    source = _ip(peer)
    if source is None:
        return False
    return source.is_loopback or source == _ip(local)


def _reachable_host(host: str) -> str:
    """The address students can use for a server bound to ``host``.

    A wildcard bind (0.0.0.0, ::) has no address of its own: the one this
    machine would use to reach another network is a fair guess. ``connect``
    on a UDP socket only picks a route, nothing is sent.
    """
    if host not in ("", "0.0.0.0", "::"):
        return host
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 9))
            guess = str(probe.getsockname()[0])
    except OSError:
        guess = ""
    address = _ip(guess)
    if address is None or address.is_loopback or address.is_unspecified:
        return socket.gethostname()
    return guess


class _HTTPServer(ThreadingHTTPServer):
    # Handler threads are joined on close (no thread outlives a test), so they
    # must be woken: stop() shuts their sockets down and sets `stopping`.
    daemon_threads = False
    block_on_close = True
    allow_reuse_address = True
    # The listen backlog. socketserver's default of 5 drops the connections of a
    # classroom that presses Next together: each dropped SYN waits a second
    # (then 3, 7...) to be sent again, and clients time out. The kernel caps it
    # at net.core.somaxconn.
    request_queue_size = 256

    def __init__(
        self,
        address: tuple[str, int],
        service: TrainingService,
        family: int,
        *,
        join_code: str | None = None,
        classroom: bool = False,
    ) -> None:
        self.address_family = family
        self.service = service
        self.join_code = join_code
        self.classroom = classroom
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
            # The GETs public clients make between the steps (docs/passport.md).
            ("GET", paths["identity_list"]): ("identity_list", None),
            ("GET", paths["verify_phone"]): ("contacts", Channel.PHONE),
            ("GET", paths["verify_email"]): ("contacts", Channel.EMAIL),
            ("GET", paths["voice_captcha"]): ("voice_captcha", None),
            ("GET", LOCATION_PATH): ("follow", None),
        }
        self.practice = practice_site.PracticeSite(service)
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up (a closed app, a step deadline, stop()) is
        # ordinary here: socketserver would print a traceback on the trainer's
        # console for each one. Anything else is logged with its traceback.
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError, TimeoutError)):
            log.debug("a client hung up: %s", type(error).__name__)
            return
        log.exception("the training service failed to answer a request")

    def abort_connections(self) -> None:
        with self.connections_lock:
            connections = list(self.connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                continue


def _json_reply(status: int, data: dict[str, Any]) -> Reply:
    return Reply(status=status, body=json.dumps(data).encode())


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
            self._send_reply(self._training_endpoint(method, url.path, body, cookies, url.query))
            return
        if practice_site.wants(method, url.path, body):
            # The practice website at the real page's path; the passport API there is served below.
            if not self._join_code_ok():
                self._send_reply(self._join_code_refused())
                return
            self._send_reply(self.server.practice.serve(method, url.query, body, cookies))
            return
        route = self.server.routes.get((method, url.path))
        if route is None:
            self._send_reply(Reply(status=404, body=b"not found", content_type="text/plain"))
            return
        if not self._join_code_ok():
            # Before the hit is counted or a fault taken: a stranger's request changes nothing.
            self._send_reply(self._join_code_refused())
            return
        step, channel = route
        service.record_hit(step)
        if service.faults.latency_s > 0 and self._wait(service.faults.latency_s):
            return
        fault = service.faults.take(step)
        lost_answer = fault is not None and fault.kind is FaultKind.LOST_ANSWER
        undelivered = fault is not None and fault.kind is FaultKind.UNDELIVERED
        if fault is not None and not (lost_answer or undelivered) and self._apply_fault(fault, step):
            return
        reply = self._serve(step, channel, body, cookies, deliver=not undelivered, query=url.query)
        if lost_answer:
            # The step is done (a code sent, a password changed...); its answer never
            # leaves. The body was read in full, so the close is a clean FIN, not a reset.
            self.close_connection = True
            log.debug("training fault lost_answer on %s (HTTP %d not sent)", step, reply.status)
            return
        self._send_reply(reply)

    def _serve(
        self,
        step: str,
        channel: Channel | None,
        body: bytes,
        cookies: dict[str, str],
        *,
        deliver: bool = True,
        query: str = "",
    ) -> Reply:
        service = self.server.service
        form = dict(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))
        if step == "captcha":
            return service.captcha(query)
        if step == "voice_captcha":
            return service.voice_captcha(query)
        if step == "identity_list":
            return service.identity_list(cookies)
        if step == "contacts":
            assert channel is not None
            return service.masked_contact(channel, cookies)
        if step == "follow":
            return service.follow(query, cookies)
        if step == "start":
            return service.start(form, cookies)
        if step == "quota":
            return service.quota(form, cookies)
        if step == "send":
            assert channel is not None
            return service.send(channel, form, cookies, deliver=deliver)
        if step == "verify":
            assert channel is not None
            return service.verify(channel, form, cookies)
        return service.reset(form, cookies)

    def _join_code_ok(self) -> bool:
        expected = self.server.join_code
        if expected is None:
            return True
        given = self.headers.get(JOIN_CODE_HEADER) or ""
        if not given:
            # In the address too (``?code=``), so the trainer can open the inbox in a browser or curl.
            given = dict(parse_qsl(urlsplit(self.path).query)).get("code", "")
        given = given.strip().upper()
        # Constant time: a student cannot find the code a character at a time.
        return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("ascii"))

    @staticmethod
    def _join_code_refused() -> Reply:
        return Reply(status=403, body=envelope(JOIN_CODE_REFUSED, tip=_JOIN_CODE_TIP))

    def _from_trainer(self) -> bool:
        return is_trainer_peer(str(self.client_address[0]), str(self.connection.getsockname()[0]))

    def _training_endpoint(
        self, method: str, path: str, body: bytes, cookies: dict[str, str], query: str = ""
    ) -> Reply:
        service = self.server.service
        classroom = self.server.classroom
        if path == "/_training/health" and method == "GET":
            return Reply(body=b"ok", content_type="text/plain")
        if path == "/_training/peek" and method == "GET":
            if not self._join_code_ok():
                return self._join_code_refused()
            # Students see their own codes; the trainer's machine sees every session's, to help.
            # ``also``: another session of the same student (the practice page's, in the app's view):
            # its key, a secret only that student's page was given, is what shows it is theirs.
            also = tuple(value for key, value in parse_qsl(query)[:4] if key == "also")
            return service.peek(cookies, own_only=classroom and not self._from_trainer(), also=also)
        if path == "/_training/faults":
            if classroom and not self._from_trainer():
                return _json_reply(403, {"error": "faults can only be set on the trainer's machine"})
            if method == "DELETE":
                service.faults.clear()
            elif method == "POST":
                try:
                    data = json.loads(body or b"{}")
                except RecursionError:
                    return _json_reply(400, {"error": "the body is nested too deeply"})
                except ValueError:  # not JSON, not UTF-8, or a number of 5,000 digits
                    return _json_reply(400, {"error": "the body is not JSON"})
                try:
                    latency, fault = read_arming(data)
                except ValueError as exc:  # our own short words, never the value
                    return _json_reply(400, {"error": str(exc)[:200]})
                if latency is not None:
                    service.faults.latency_s = latency
                if fault is not None:
                    service.faults.add(fault)
            listing = {
                "latency_s": service.faults.latency_s,
                "faults": [armed.to_mapping() for armed in service.faults.pending()],
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
        for name, value in headers.items():
            # The last guard against header injection (faults check their values already):
            # a CR or LF here would let a value add headers, or a body, of its own.
            if any(ch < " " or ch > "~" for ch in name + value):
                log.warning("training header %r dropped: not printable ASCII", name[:40])
                continue
            lines.append(f"{name}: {value}")
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
    """Start and stop the training service's HTTP server in a background thread.

    Bound beyond loopback it is a classroom server (see the module docstring):
    it then always has a join code, a random one unless ``join_code`` is given.
    A ``join_code`` given on loopback is required there too.
    """

    def __init__(
        self,
        service: TrainingService | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        join_code: str | None = None,
    ) -> None:
        self.service = service or TrainingService()
        self.host = host
        self.port = port
        self.classroom = is_classroom_host(host)
        if join_code is not None:
            join_code = check_join_code(join_code)
        elif self.classroom:
            join_code = new_join_code()
        self.join_code = join_code
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the training server is not running")
        host, port = self._httpd.server_address[:2]
        return _http_url(str(host), int(port))

    @property
    def student_url(self) -> str:
        """The address students start the app with: ``http://HOST:PORT/?code=CODE`` (the code when there is one)."""
        if self._httpd is None:
            raise RuntimeError("the training server is not running")
        port = int(self._httpd.server_address[1])
        url = _http_url(_reachable_host(str(self._httpd.server_address[0])), port)
        return f"{url}/?code={self.join_code}" if self.join_code else url

    def start(self) -> str:
        if self._httpd is not None:
            return self.url
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        self._httpd = _HTTPServer(
            (self.host, self.port),
            self.service,
            family,
            join_code=self.join_code,
            classroom=self.classroom,
        )
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


def _http_url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
