"""Every transport fault, over real sockets on loopback. Nothing leaves the machine."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from mirecovery_gui.client.errors import (
    CancelledError,
    ConnectionDroppedError,
    ConnectTimeoutError,
    NameNotResolvedError,
    NextAction,
    NoConnectionError,
    ProtocolError,
    RateLimitedError,
    RecoveryError,
    ResetMaybeDoneError,
    SendMaybeDoneError,
    ServerError,
    ServerTimeoutError,
    VerifyMaybeDoneError,
)
from mirecovery_gui.client.passport import PassportClient, parse_retry_after
from mirecovery_gui.client.profile import ProviderProfile, load_profile
from mirecovery_gui.core.flow import Channel
from mirecovery_gui.training.faults import Fault, FaultKind
from mirecovery_gui.training.server import TrainingServer
from mirecovery_gui.training.service import TrainingService
from tests.conftest import FAST_TIMEOUTS
from tests.flows import captcha_answer, identifier, start


def assert_safe(error: RecoveryError, url: str) -> None:
    text = f"{error} {error.args!r}"
    assert url not in text and "127.0.0.1" not in text and "localhost" not in text


@pytest.fixture
def closed_port() -> int:
    """A loopback port with nothing listening: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def blackhole() -> Iterator[int]:
    """A loopback listener whose accept queue is full: a connect never completes."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    filler = socket.create_connection(listener.getsockname())
    yield int(listener.getsockname()[1])
    filler.close()
    listener.close()


def test_connection_refused(training_profile: ProviderProfile, closed_port: int) -> None:
    client = PassportClient(training_profile, f"http://127.0.0.1:{closed_port}")
    with pytest.raises(NoConnectionError) as caught:
        client.start(identifier("demo@example.com"), "ABCDE")
    assert caught.value.actions == (NextAction.RETRY,)
    assert_safe(caught.value, client.base_url)


def test_a_name_that_does_not_resolve(training_profile: ProviderProfile, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated at the resolver: no DNS query leaves the machine.
    real = socket.getaddrinfo

    def resolver(host: object, *args: object, **kwargs: object) -> object:
        if host == "passport.example.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    client = PassportClient(training_profile, "http://passport.example.invalid")
    with pytest.raises(NameNotResolvedError) as caught:
        client.fetch_captcha()
    assert "internet" in caught.value.message.render()
    assert_safe(caught.value, "passport.example.invalid")


def test_connect_timeout_on_a_post_is_not_retried(training_profile: ProviderProfile, blackhole: int) -> None:
    client = PassportClient(training_profile, f"http://127.0.0.1:{blackhole}")
    began = time.monotonic()
    with pytest.raises(ConnectTimeoutError):
        client.send_code(Channel.EMAIL)
    assert time.monotonic() - began < FAST_TIMEOUTS.connect_s * 2


def test_connect_timeout_on_the_captcha_get_is_retried_within_the_deadline(
    training_profile: ProviderProfile, blackhole: int
) -> None:
    client = PassportClient(training_profile, f"http://127.0.0.1:{blackhole}")
    began = time.monotonic()
    with pytest.raises((ConnectTimeoutError, ServerTimeoutError)):
        client.fetch_captcha()
    elapsed = time.monotonic() - began
    assert FAST_TIMEOUTS.connect_s * 1.5 < elapsed <= FAST_TIMEOUTS.step_deadline_s + 0.5


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ("start", ServerTimeoutError),
        ("quota", ServerTimeoutError),
        ("captcha", ServerTimeoutError),
        # A request that changes something went out: it may have been done, and the message says so.
        ("send", SendMaybeDoneError),
        ("verify", VerifyMaybeDoneError),
        ("reset", ResetMaybeDoneError),
    ],
)
def test_a_server_that_never_answers_times_out(
    client: PassportClient, service: TrainingService, step: str, expected: type[RecoveryError]
) -> None:
    if step not in ("start", "captcha"):
        start(client)
    service.faults.add(Fault(FaultKind.HANG, step=step))
    began = time.monotonic()
    with pytest.raises(expected) as caught:
        run_step(client, step)
    assert time.monotonic() - began <= FAST_TIMEOUTS.step_deadline_s + 0.5
    assert "Nothing was changed" not in str(caught.value)


def run_step(client: PassportClient, step: str) -> object:
    if step == "captcha":
        return client.fetch_captcha()
    if step == "start":
        return client.start(identifier("demo@example.com"), "ABCDE")
    if step == "quota":
        return client.quota(Channel.EMAIL)
    if step == "send":
        return client.send_code(Channel.EMAIL)
    if step == "verify":
        return client.verify_code(Channel.EMAIL, "123456")
    return client.reset_password("Sunny-day-42")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (FaultKind.RESET, ConnectionDroppedError),
        (FaultKind.TRUNCATED, ConnectionDroppedError),
        (FaultKind.MALFORMED, ProtocolError),
        (FaultKind.NO_PREFIX, ProtocolError),
        (FaultKind.CONTENT_TYPE, ProtocolError),
    ],
)
def test_broken_answers(
    client: PassportClient,
    service: TrainingService,
    server: TrainingServer,
    kind: FaultKind,
    expected: type,
) -> None:
    service.faults.add(Fault(kind, step="start"))
    with pytest.raises(expected) as caught:
        client.start(identifier("demo@example.com"), captcha_answer(client))
    assert caught.value.actions == (NextAction.RETRY,)
    assert_safe(caught.value, server.url)
    assert start(client).options  # the next try works


def test_the_wrong_content_type_for_the_captcha(client: PassportClient, service: TrainingService) -> None:
    service.faults.add(Fault(FaultKind.CONTENT_TYPE, step="captcha"))
    with pytest.raises(ProtocolError):
        client.fetch_captcha()
    assert client.fetch_captcha().content_type == "image/png"


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_on_a_post(client: PassportClient, service: TrainingService, status: int) -> None:
    service.faults.add(Fault(FaultKind.STATUS, step="start", status=status))
    with pytest.raises(ServerError) as caught:
        client.start(identifier("demo@example.com"), "ABCDE")
    assert str(status) in caught.value.message.render()
    assert service.hits("start") == 1  # never repeated


def test_429_with_retry_after_becomes_a_wait(client: PassportClient, service: TrainingService) -> None:
    service.faults.add(Fault(FaultKind.STATUS, step="send", status=429, retry_after="42"))
    start(client)
    with pytest.raises(RateLimitedError) as caught:
        client.send_code(Channel.EMAIL)
    assert caught.value.retry_after == 42
    assert caught.value.actions == (NextAction.WAIT,)
    assert "0:42" in caught.value.message.render()
    assert service.hits("send") == 1


def test_503_with_a_long_retry_after_on_a_post_is_a_wait(client: PassportClient, service: TrainingService) -> None:
    service.faults.add(Fault(FaultKind.STATUS, step="verify", status=503, retry_after="120"))
    start(client)
    with pytest.raises(RateLimitedError) as caught:
        client.verify_code(Channel.EMAIL, "123456")
    assert caught.value.retry_after == 120
    assert service.hits("verify") == 1


@pytest.mark.parametrize("seconds", ["1", "300"])
def test_the_captcha_get_never_sleeps_through_a_retry_after(
    client: PassportClient, service: TrainingService, seconds: str
) -> None:
    """However short, a wait the server asks for is a countdown the user sees, not a sleeping worker."""
    service.faults.add(Fault(FaultKind.STATUS, step="captcha", status=503, retry_after=seconds))
    began = time.monotonic()
    with pytest.raises(RateLimitedError) as caught:
        client.fetch_captcha()
    assert caught.value.retry_after == int(seconds)
    assert time.monotonic() - began < 0.5
    assert service.hits("captcha") == 1


def test_the_captcha_get_retries_a_bare_503_once_more(client: PassportClient, service: TrainingService) -> None:
    """A GET is safe to repeat: a 503 without a wait time gets one quick second try."""
    service.faults.add(Fault(FaultKind.STATUS, step="captcha", status=503))
    assert client.fetch_captcha().data.startswith(b"\x89PNG")
    assert service.hits("captcha") == 2


def test_retry_after_as_an_http_date() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("17") == 17.0


def test_cancel_cuts_a_request_in_flight(client: PassportClient, service: TrainingService) -> None:
    service.faults.add(Fault(FaultKind.HANG, step="start"))
    outcome: list[BaseException] = []

    def call() -> None:
        try:
            client.start(identifier("demo@example.com"), "ABCDE")
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=call)
    worker.start()
    deadline = time.monotonic() + 5
    while service.hits("start") == 0 and time.monotonic() < deadline:
        time.sleep(0.01)  # wait for the request to reach the server, not for a result
    began = time.monotonic()
    client.cancel()
    worker.join(timeout=5)
    assert not worker.is_alive()
    assert time.monotonic() - began < 1
    assert len(outcome) == 1 and isinstance(outcome[0], CancelledError)


def test_a_server_that_trickles_bytes_is_cut_at_the_step_deadline(
    training_profile: ProviderProfile,
) -> None:
    stop = threading.Event()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
            while not stop.wait(0.2):
                try:
                    conn.sendall(b"x")
                except OSError:
                    return

    thread = threading.Thread(target=serve)
    thread.start()
    profile = replace(training_profile, timeouts=replace(FAST_TIMEOUTS, read_s=1.0, step_deadline_s=1.5))
    client = PassportClient(profile, f"http://127.0.0.1:{listener.getsockname()[1]}")
    began = time.monotonic()
    try:
        with pytest.raises(VerifyMaybeDoneError):  # the server answered 200: it did something
            client.verify_code(Channel.EMAIL, "123456")
        assert time.monotonic() - began < 2.5
    finally:
        stop.set()
        client.close()
        thread.join(timeout=5)
        listener.close()


def test_the_live_profile_offers_the_official_website_when_it_cannot_go_on(
    server: TrainingServer,
) -> None:
    # The Xiaomi profile pointed at loopback: nothing goes to Xiaomi.
    live = replace(load_profile("xiaomi"), timeouts=FAST_TIMEOUTS)
    client = PassportClient(live, server.url)
    server.service.faults.add(Fault(FaultKind.NO_PREFIX, step="start"))
    try:
        with pytest.raises(ProtocolError) as caught:
            client.start(identifier("demo@example.com"), "ABCDE")
        assert caught.value.actions == (NextAction.RETRY, NextAction.OFFICIAL_SITE)
    finally:
        client.close()


def test_tls_verification_cannot_be_turned_off() -> None:
    import inspect

    from mirecovery_gui.client import passport

    source = inspect.getsource(passport)
    assert "verify=False" not in source and "verify=True" in source


@pytest.fixture
def one_answer() -> Iterator[Callable[[bytes, float], str]]:
    """A loopback server that answers every request with the given raw bytes, sent ``pace`` s apart per byte."""
    stop = threading.Event()
    threads: list[threading.Thread] = []
    listeners: list[socket.socket] = []

    def serve(listener: socket.socket, raw: bytes, pace: float) -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.recv(65536)
                try:
                    if pace <= 0:
                        conn.sendall(raw)
                    else:
                        for byte in raw:
                            if stop.wait(pace):
                                return
                            conn.sendall(bytes([byte]))
                    # Close gently: unread request bytes would make the close a reset.
                    conn.shutdown(socket.SHUT_WR)
                    conn.settimeout(1.0)
                    while conn.recv(65536):
                        pass
                except OSError:
                    continue

    def start_server(raw: bytes, pace: float = 0.0) -> str:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        listeners.append(listener)
        thread = threading.Thread(target=serve, args=(listener, raw, pace))
        thread.start()
        threads.append(thread)
        return f"http://127.0.0.1:{listener.getsockname()[1]}"

    yield start_server
    stop.set()
    for thread in threads:
        thread.join(timeout=5)
    for listener in listeners:
        listener.close()


def http(body: str, headers: str = "Content-Type: application/json\r\n", status: str = "200 OK") -> bytes:
    data = body.encode()
    return f"HTTP/1.1 {status}\r\n{headers}Content-Length: {len(data)}\r\nConnection: close\r\n\r\n".encode() + data


@pytest.mark.parametrize(
    "body",
    [
        '&&&START&&&{"code": 1e999}',
        '&&&START&&&{"code": "9' + "9" * 5000 + '"}',
        "&&&START&&&" + "[" * 100_000 + "]" * 100_000,
        '&&&START&&&{"code": {"nested": 1}}',
        '&&&START&&&{"code": [1, 2]}',
        '&&&START&&&"just a string"',
    ],
)
def test_any_malformed_answer_is_a_protocol_error(
    training_profile: ProviderProfile, one_answer: Callable[[bytes, float], str], body: str
) -> None:
    client = PassportClient(training_profile, one_answer(http(body), 0.0))
    try:
        with pytest.raises(ProtocolError):
            client.quota(Channel.EMAIL)
    finally:
        client.close()


def test_numbers_out_of_any_sane_range_fall_back(
    training_profile: ProviderProfile, one_answer: Callable[[bytes, float], str]
) -> None:
    body = '&&&START&&&{"code": 0, "data": {"vCodeLen": 1e300, "sendsLeft": 99999999999999999999, "resendAfter": -5}}'
    client = PassportClient(training_profile, one_answer(http(body), 0.0))
    try:
        sent = client.send_code(Channel.EMAIL)
    finally:
        client.close()
    assert (sent.code_length, sent.sends_left, sent.resend_after_s) == (6, None, 60)


def test_a_retry_after_in_the_year_9999_is_a_day_in_words(
    training_profile: ProviderProfile, one_answer: Callable[[bytes, float], str]
) -> None:
    raw = http("busy", "Retry-After: Fri, 31 Dec 9999 23:59:59 GMT\r\n", "429 Too Many Requests")
    client = PassportClient(training_profile, one_answer(raw, 0.0))
    try:
        with pytest.raises(RateLimitedError) as caught:
            client.quota(Channel.EMAIL)
    finally:
        client.close()
    assert caught.value.retry_after == 24 * 3600
    assert "wait 24:00:00 (hours:minutes:seconds)" in str(caught.value)
    assert parse_retry_after("9" * 5000) == 24 * 3600 and parse_retry_after("Fri, 31 Dec 99999") is None


def test_the_client_alone_keeps_the_step_deadline_while_headers_trickle(
    training_profile: ProviderProfile, one_answer: Callable[[bytes, float], str]
) -> None:
    profile = replace(training_profile, timeouts=replace(FAST_TIMEOUTS, read_s=1.0, step_deadline_s=1.5))
    client = PassportClient(profile, one_answer(http("x" * 200, "X-Slow: " + "y" * 200 + "\r\n"), 0.05))
    began = time.monotonic()
    try:
        with pytest.raises(ServerTimeoutError):
            client.quota(Channel.EMAIL)
        assert time.monotonic() - began < 2.2
    finally:
        client.close()


def test_over_tls_too_the_client_keeps_the_step_deadline_while_headers_trickle(
    training_profile: ProviderProfile,
    one_answer: Callable[[bytes, float], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As Xiaomi is reached: TLS. The deadline must cut the TLS socket, not only a plain one."""
    import socket as socket_module

    from tests.fault_door import fault_door

    upstream = one_answer(http("x" * 200, "X-Slow: " + "y" * 200 + "\r\n"), 0.05)
    host, port = upstream.removeprefix("http://").rsplit(":", 1)
    with fault_door((host, int(port)), tmp_path) as front:
        monkeypatch.setattr(socket_module, "getaddrinfo", front.resolver(socket_module.getaddrinfo))
        monkeypatch.setenv("SSL_CERT_FILE", str(front.ca_file))
        monkeypatch.delenv("SSL_CERT_DIR", raising=False)
        profile = replace(training_profile, timeouts=replace(FAST_TIMEOUTS, read_s=1.0, step_deadline_s=1.5))
        client = PassportClient(profile, front.url)
        began = time.monotonic()
        try:
            with pytest.raises(ServerTimeoutError):
                client.quota(Channel.EMAIL)
            assert time.monotonic() - began < 2.2
        finally:
            client.close()
