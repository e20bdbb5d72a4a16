"""The training service's rules, on the injected clock, over HTTP."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from mirecovery_gui.client.errors import (
    CaptchaNeededError,
    PasswordSameAsEmailError,
    RateLimitedError,
    SendLimitError,
    SessionExpiredError,
    TransportError,
    WrongCodeError,
)
from mirecovery_gui.client.passport import PassportClient
from mirecovery_gui.client.profile import ProviderProfile, load_profile
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Channel
from mirecovery_gui.training.faults import Fault, FaultKind
from mirecovery_gui.training.server import TrainingServer
from mirecovery_gui.training.service import DAY_S, TrainingService
from tests.flows import captcha_answer, latest_code, start, to_verified, wrong

ROOT = Path(__file__).resolve().parents[2]


def test_codes_are_six_digits_and_land_in_the_inbox(client: PassportClient) -> None:
    start(client)
    client.send_code(Channel.PHONE)
    message = client.training_peek().messages[-1]
    assert message.channel is Channel.PHONE and message.to == "+6281200000002"
    assert len(message.code) == 6 and message.code.isdigit()
    assert message.code in message.text


def test_a_resend_waits_for_the_cooldown(client: PassportClient, clock: ManualClock) -> None:
    start(client)
    client.send_code(Channel.EMAIL)
    clock.advance(30)
    with pytest.raises(RateLimitedError) as caught:
        client.send_code(Channel.EMAIL)
    assert caught.value.retry_after == 31
    clock.advance(31)
    client.send_code(Channel.EMAIL)
    assert len(client.training_peek().messages) == 2


def test_a_resend_replaces_the_old_code(client: PassportClient, clock: ManualClock) -> None:
    start(client)
    client.send_code(Channel.EMAIL)
    first = latest_code(client)
    clock.advance(60)
    client.send_code(Channel.EMAIL)
    second = latest_code(client)
    if first != second:
        with pytest.raises(WrongCodeError):
            client.verify_code(Channel.EMAIL, first)
    client.verify_code(Channel.EMAIL, second)


def test_codes_expire_after_ten_minutes(client: PassportClient, clock: ManualClock) -> None:
    start(client)
    client.send_code(Channel.EMAIL)
    clock.advance(599)
    client.verify_code(Channel.EMAIL, latest_code(client))

    start(client)
    client.send_code(Channel.EMAIL)
    clock.advance(601)
    with pytest.raises(WrongCodeError):
        client.verify_code(Channel.EMAIL, latest_code(client))


def test_three_sends_a_day_per_address(client: PassportClient, clock: ManualClock) -> None:
    # Xiaomi's limit outside mainland China, where the training accounts are.
    start(client)
    for _ in range(3):
        client.send_code(Channel.EMAIL)
        clock.advance(61)
    assert client.quota(Channel.EMAIL).sends_left == 0
    with pytest.raises(SendLimitError):
        client.send_code(Channel.EMAIL)
    client.send_code(Channel.PHONE)  # the other address has its own quota
    clock.advance(24 * 3600)
    assert client.quota(Channel.EMAIL).sends_left == 3
    client.send_code(Channel.EMAIL)


def test_a_code_is_used_once(client: PassportClient) -> None:
    start(client)
    client.send_code(Channel.EMAIL)
    code = latest_code(client)
    client.verify_code(Channel.EMAIL, code)
    with pytest.raises(WrongCodeError):
        client.verify_code(Channel.EMAIL, code)


def test_three_failures_bring_the_captcha_back_before_the_next_send(client: PassportClient, clock: ManualClock) -> None:
    start(client)
    client.send_code(Channel.EMAIL)
    code = latest_code(client)
    for _ in range(3):
        with pytest.raises(WrongCodeError):
            client.verify_code(Channel.EMAIL, wrong(code))
    clock.advance(60)
    with pytest.raises(CaptchaNeededError):
        client.send_code(Channel.EMAIL)
    client.send_code(Channel.EMAIL, captcha_answer(client))
    client.verify_code(Channel.EMAIL, latest_code(client))


def test_the_reset_permission_is_single_use_and_expires(client: PassportClient, clock: ManualClock) -> None:
    to_verified(client)
    clock.advance(601)
    with pytest.raises(SessionExpiredError):
        client.reset_password("Sunny-day-42")


def test_a_reset_without_a_verified_code_is_refused(client: PassportClient) -> None:
    start(client)
    with pytest.raises(SessionExpiredError):
        client.reset_password("Sunny-day-42")


@pytest.mark.parametrize(
    ("user", "channel", "password"),
    [
        ("+6281200000001", Channel.PHONE, "ab6281200000001"),  # the phone the user typed, in a password
        ("+6281200000001", Channel.PHONE, "Aku-081200000001"),  # in national form
        ("demo@example.com", Channel.EMAIL, "x81200000002!"),  # the account's phone, though the email was typed
        ("demo@example.com", Channel.EMAIL, "DEMO-pass-12"),  # the email's local part
        ("1234567890", Channel.EMAIL, "Id1234567890"),  # the Mi account ID
    ],
)
def test_a_password_holding_the_accounts_identifier_is_refused(
    client: PassportClient, service: TrainingService, user: str, channel: Channel, password: str
) -> None:
    # The client sends whatever it is given: the service decides on its own.
    to_verified(client, user, channel)
    before = service.password_of(user)
    with pytest.raises(PasswordSameAsEmailError) as caught:
        client.reset_password(password)
    assert caught.value.result_code == 110071001
    assert "phone number" in caught.value.tips
    assert service.password_of(user) == before
    client.reset_password("Sunny-day-42")  # the permission to set one is still there
    assert service.password_of(user) == "Sunny-day-42"


def test_sessions_do_not_mix(training_profile: ProviderProfile, server: TrainingServer) -> None:
    first = PassportClient(training_profile, server.url)
    second = PassportClient(training_profile, server.url)
    try:
        start(first)
        start(second, "1234567890")
        first.send_code(Channel.EMAIL)
        assert [m.to for m in first.training_peek().messages] == ["demo@example.com"]
        assert second.training_peek().messages == ()
    finally:
        first.close()
        second.close()


def test_peek_without_a_session_shows_the_latest(server: TrainingServer, client: PassportClient) -> None:
    start(client)
    client.send_code(Channel.EMAIL)
    client.fetch_captcha()
    with urllib.request.urlopen(server.url + "/_training/peek", timeout=5) as answer:
        assert answer.headers["Content-Type"].startswith("application/json")
        data = json.load(answer)
    assert data["captcha_answer"] and data["messages"][-1]["to"] == "demo@example.com"


def test_faults_can_be_armed_over_http(server: TrainingServer, service: TrainingService) -> None:
    request = urllib.request.Request(
        server.url + "/_training/faults",
        data=json.dumps({"kind": "status", "step": "send", "status": 503, "retry_after": 5}).encode(),
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        listing = json.load(answer)
    assert listing["faults"][0]["status"] == 503
    assert len(service.faults.pending()) == 1
    urllib.request.urlopen(urllib.request.Request(server.url + "/_training/faults", method="DELETE"), timeout=5)
    assert service.faults.pending() == []


def test_twenty_clients_complete_the_flow_in_parallel(training_profile: ProviderProfile) -> None:
    # One classroom server; twenty learners share three accounts with the usual
    # three codes a day: the limit counts per session, so nobody uses up another's.
    service = TrainingService()
    failures: list[BaseException] = []
    barrier = threading.Barrier(20)

    def recover(index: int, url: str) -> None:
        client = PassportClient(training_profile, url)
        try:
            barrier.wait(timeout=10)
            user = ("demo@example.com", "1234567890", "+6281200000001")[index % 3]
            channel = Channel.PHONE if user.startswith("+") else Channel.EMAIL
            start(client, user)
            client.send_code(channel)
            client.verify_code(channel, latest_code(client))
            client.reset_password(f"Pass-{index:02d}-word")
        except BaseException as exc:
            failures.append(exc)
        finally:
            client.close()

    with TrainingServer(service) as server:
        threads = [threading.Thread(target=recover, args=(i, server.url)) for i in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert failures == []
    assert service.hits("reset") == 20


# --- the daily send limit, per session -----------------------------------------------


def test_the_daily_limit_counts_per_session_not_per_address(
    training_profile: ProviderProfile, server: TrainingServer, clock: ManualClock
) -> None:
    # Two students on the same training account, so the same address.
    first = PassportClient(training_profile, server.url)
    second = PassportClient(training_profile, server.url)
    try:
        start(first)
        for _ in range(3):
            first.send_code(Channel.EMAIL)
            clock.advance(61)
        with pytest.raises(SendLimitError):
            first.send_code(Channel.EMAIL)
        start(second)
        assert second.quota(Channel.EMAIL).sends_left == 3
        assert second.send_code(Channel.EMAIL).sends_left == 2
        with pytest.raises(SendLimitError):  # the first student's limit still holds
            first.send_code(Channel.EMAIL)
    finally:
        first.close()
        second.close()


def test_the_limit_account_has_reached_it_in_every_session(client: PassportClient, clock: ManualClock) -> None:
    for _ in range(2):  # a second session, even a day after the server started, is no different
        start(client, "limit@example.com")
        assert client.quota(Channel.EMAIL).sends_left == 0
        with pytest.raises(SendLimitError) as caught:
            client.send_code(Channel.EMAIL)  # its very first send
        assert caught.value.result_code == 70022
        assert client.training_peek().messages == ()
        clock.advance(DAY_S + 1)


# --- faults: what a trainer arms over HTTP is checked ------------------------------------


def post_faults(server: TrainingServer, body: bytes) -> tuple[int, dict[str, object], http.client.HTTPResponse]:
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        connection.request("POST", "/_training/faults", body=body, headers={"Content-Type": "application/json"})
        answer = connection.getresponse()
        data = json.loads(answer.read())
        return answer.status, data, answer
    finally:
        connection.close()


BAD_FAULTS = [
    # numbers: finite, whole where they count, within bounds
    b'{"kind": "status", "status": 99}',
    b'{"kind": "status", "status": 600}',
    b'{"kind": "status", "status": "abc"}',
    b'{"kind": "status", "status": true}',
    b'{"kind": "status", "status": 503.5}',
    b'{"kind": "delay", "delay_s": -1}',
    b'{"kind": "delay", "delay_s": 60.5}',
    b'{"kind": "delay", "delay_s": NaN}',
    b'{"kind": "delay", "delay_s": Infinity}',
    b'{"kind": "delay", "delay_s": 1e400}',
    b'{"kind": "delay", "delay_s": "nan"}',
    b'{"kind": "delay", "delay_s": [1]}',
    b'{"kind": "status", "count": 0}',
    b'{"kind": "status", "count": 1001}',
    b'{"kind": "status", "count": 1' + b"0" * 5000 + b"}",
    b'{"kind": "result", "code": 2147483648}',
    b'{"kind": "result", "code": "x"}',
    b'{"latency_s": -0.5}',
    b'{"latency_s": 61}',
    b'{"latency_s": NaN}',
    b'{"latency_s": "soon"}',
    # text that becomes a header, or words on the user's screen
    b'{"kind": "status", "retry_after": "30\\r\\nSet-Cookie: evil=1"}',
    b'{"kind": "status", "retry_after": "30\\u0000"}',
    b'{"kind": "status", "retry_after": "' + b"1" * 65 + b'"}',
    b'{"kind": "status", "retry_after": "\\u00e9"}',
    b'{"kind": "status", "retry_after": 1.5}',
    b'{"kind": "result", "code": 10031, "tips": "line one\\nline two"}',
    b'{"kind": "result", "code": 10031, "tips": "\\u001b[31mred"}',
    b'{"kind": "result", "code": 10031, "tips": "\\ud800"}',
    b'{"kind": "result", "code": 10031, "tips": "a\\u2028b"}',
    b'{"kind": "result", "code": 10031, "tips": "' + b"z" * 501 + b'"}',
    b'{"kind": "result", "code": 10031, "tips": 5}',
    # names
    b'{"kind": "nope"}',
    b'{"kind": ["status"]}',
    b'{"kind": "status", "step": "nope"}',
    b'{"kind": "status", "stauts": 503}',
    b'{"kind": "lost_answer", "step": "captcha"}',
    b'{"step": "send"}',
    # not a JSON object at all
    b"[1, 2]",
    b"5",
    b'"text"',
    b"{",
    b"\xff\xfe",
    b"[" * 60_000,
]


@pytest.mark.parametrize("body", BAD_FAULTS, ids=range(len(BAD_FAULTS)))
def test_a_bad_fault_is_refused_with_a_short_message(
    server: TrainingServer, service: TrainingService, body: bytes
) -> None:
    service.faults.latency_s = 1.5
    status, data, answer = post_faults(server, body)
    assert status == 400
    assert isinstance(data["error"], str) and 0 < len(data["error"]) <= 200
    assert answer.getheader("Set-Cookie") is None
    # Nothing was armed, nothing half-applied, and the server goes on.
    assert service.faults.pending() == []
    assert service.faults.latency_s == 1.5
    with urllib.request.urlopen(server.url + "/_training/health", timeout=5) as health:
        assert health.read() == b"ok"


def test_good_faults_are_armed_with_their_values(server: TrainingServer, service: TrainingService) -> None:
    body = b'{"kind": "status", "step": "send", "status": "503", "retry_after": 30, "count": 2.0, "latency_s": 60}'
    status, data, _ = post_faults(server, body)
    assert status == 200
    assert data["latency_s"] == 60
    (fault,) = service.faults.pending()
    assert (fault.status, fault.retry_after, fault.count) == (503, "30", 2)
    assert service.faults.latency_s == 60
    tips = "Akun dibatasi sementara. Coba lagi nanti — 暂时受限"
    status, _, _ = post_faults(server, json.dumps({"kind": "result", "code": 70016, "tips": tips}).encode())
    assert status == 200 and service.faults.pending()[-1].tips == tips


def test_an_injected_cookie_never_comes_back(server: TrainingServer, service: TrainingService) -> None:
    injection = "30\r\nSet-Cookie: evil=1\r\nX-Evil: 1"
    status, _, answer = post_faults(
        server, json.dumps({"kind": "status", "step": "captcha", "retry_after": injection}).encode()
    )
    assert status == 400 and answer.getheader("Set-Cookie") is None
    with pytest.raises(ValueError):
        Fault(FaultKind.STATUS, step="captcha", status=503, retry_after=injection)

    # Should a bad value get past the checks after all, the response head drops it.
    fault = Fault(FaultKind.STATUS, step="captcha", status=503, retry_after="30")
    service.faults.add(fault)
    fault.retry_after = injection
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        connection.request("GET", "/pass/getCode?icodeType=antispam")
        answer = connection.getresponse()
        answer.read()
    finally:
        connection.close()
    assert answer.status == 503
    assert answer.getheader("Set-Cookie") is None and answer.getheader("X-Evil") is None
    assert answer.getheader("Retry-After") is None


@pytest.mark.parametrize(
    "fields",
    [
        {"status": 99},
        {"count": 0},
        {"delay_s": float("nan")},
        {"delay_s": 61.0},
        {"code": 2**31},
        {"retry_after": "30\nX: y"},
    ],
)
def test_faults_made_in_code_meet_the_same_bounds(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Fault(FaultKind.STATUS, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("latency", ["nan", "inf", "-1", "60.5"])
def test_the_latency_option_is_checked(latency: str) -> None:
    # This checkout's code (the venv may hold an installed copy): ``-m`` from the project folder.
    out = subprocess.run(
        [sys.executable, "-m", "mirecovery_gui", "training-server", "--port", "0", "--latency", latency],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.strip() == "mirecovery training-server: --latency must be from 0 to 60 seconds"


def test_latency_in_code_is_bounded_too(service: TrainingService) -> None:
    for bad in (float("nan"), float("inf"), -0.1, 60.1):
        with pytest.raises(ValueError):
            service.faults.latency_s = bad
    service.faults.latency_s = 60
    assert service.faults.latency_s == 60.0


# --- lost_answer: the step is done, its answer never arrives --------------------------------


def test_a_lost_answer_on_send_still_delivers_the_code(client: PassportClient, service: TrainingService) -> None:
    start(client)
    service.faults.add(Fault(FaultKind.LOST_ANSWER, step="send"))
    with pytest.raises(TransportError):
        client.send_code(Channel.EMAIL)
    (message,) = client.training_peek().messages
    assert message.to == "demo@example.com" and len(message.code) == 6
    assert service.hits("send") == 1  # the client did not send it again by itself
    client.verify_code(Channel.EMAIL, message.code)  # the code that was sent works


def test_a_lost_answer_on_reset_still_changes_the_password(client: PassportClient, service: TrainingService) -> None:
    to_verified(client)
    service.faults.add(Fault(FaultKind.LOST_ANSWER, step="reset"))
    with pytest.raises(TransportError):
        client.reset_password("Sunny-day-42")
    assert service.password_of("demo@example.com") == "Sunny-day-42"
    assert service.hits("reset") == 1


def test_a_lost_answer_armed_over_http_on_verify_uses_the_code(
    server: TrainingServer, client: PassportClient, service: TrainingService
) -> None:
    start(client)
    client.send_code(Channel.EMAIL)
    code = latest_code(client)
    status, _, _ = post_faults(server, b'{"kind": "lost_answer", "step": "verify"}')
    assert status == 200
    with pytest.raises(TransportError):
        client.verify_code(Channel.EMAIL, code)
    with pytest.raises(WrongCodeError):  # it was accepted, and a code is used once
        client.verify_code(Channel.EMAIL, code)


def test_a_lost_answer_sends_not_a_single_byte(server: TrainingServer, service: TrainingService) -> None:
    service.faults.add(Fault(FaultKind.LOST_ANSWER, step="start"))
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    body = b"_json=true&user=demo%40example.com&icode=x"
    path = load_profile("training").paths["start"]
    with socket.create_connection((host, int(port)), timeout=5) as raw:
        raw.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        received = raw.recv(65536)  # a clean close: end of stream, not a reset
    assert received == b""
    assert service.hits("start") == 1 and service.faults.pending() == []


def test_a_lost_answer_on_every_step_passes_the_captcha_by(client: PassportClient, service: TrainingService) -> None:
    service.faults.add(Fault(FaultKind.LOST_ANSWER, step="*"))
    client.fetch_captcha()  # a GET has no answer to lose
    assert len(service.faults.pending()) == 1
    with pytest.raises(TransportError):
        start(client)  # the captcha answer is fine: the session starts, its cookie is lost
    assert service.faults.pending() == []
    with pytest.raises(ValueError):
        Fault(FaultKind.LOST_ANSWER, step="captcha")


# --- undelivered: "sent", but nothing comes (to practise "Didn't get the code?") ----------------


def test_an_undelivered_code_is_answered_as_sent_and_never_arrives(
    client: PassportClient, service: TrainingService, clock: ManualClock
) -> None:
    start(client)
    service.faults.add(Fault(FaultKind.UNDELIVERED, step="send"))
    sent = client.send_code(Channel.EMAIL)
    assert sent.code_length == 6  # answered as sent
    assert client.training_peek().messages == ()
    clock.advance(61)  # the resend after the cooldown arrives as usual
    client.send_code(Channel.EMAIL)
    (message,) = client.training_peek().messages
    client.verify_code(Channel.EMAIL, message.code)


def test_undelivered_applies_to_sends_only() -> None:
    with pytest.raises(ValueError, match="undelivered applies to send"):
        Fault(FaultKind.UNDELIVERED, step="verify")
