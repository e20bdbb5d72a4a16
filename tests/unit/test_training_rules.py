"""The training service's rules, on the injected clock, over HTTP."""

from __future__ import annotations

import json
import threading
import urllib.request

import pytest

from mirecovery_gui.client.errors import (
    CaptchaNeededError,
    CodeExpiredError,
    RateLimitedError,
    SendLimitError,
    SessionExpiredError,
    WrongCodeError,
)
from mirecovery_gui.client.passport import PassportClient
from mirecovery_gui.client.profile import ProviderProfile
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Channel
from mirecovery_gui.training.server import TrainingServer
from mirecovery_gui.training.service import TrainingConfig, TrainingService
from tests.flows import captcha_answer, latest_code, start, to_verified, wrong


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
        with pytest.raises((WrongCodeError, CodeExpiredError)):
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
    with pytest.raises(CodeExpiredError):
        client.verify_code(Channel.EMAIL, latest_code(client))


def test_five_sends_a_day_per_address(client: PassportClient, clock: ManualClock) -> None:
    start(client)
    for _ in range(5):
        client.send_code(Channel.EMAIL)
        clock.advance(61)
    assert client.quota(Channel.EMAIL).sends_left == 0
    with pytest.raises(SendLimitError):
        client.send_code(Channel.EMAIL)
    client.send_code(Channel.PHONE)  # the other address has its own quota
    clock.advance(24 * 3600)
    assert client.quota(Channel.EMAIL).sends_left == 5
    client.send_code(Channel.EMAIL)


def test_a_code_is_used_once(client: PassportClient) -> None:
    start(client)
    client.send_code(Channel.EMAIL)
    code = latest_code(client)
    client.verify_code(Channel.EMAIL, code)
    with pytest.raises(CodeExpiredError):
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
    # One classroom server; twenty learners share three accounts, so each
    # address gets more than the usual five codes a day.
    service = TrainingService(TrainingConfig(daily_sends=50))
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
