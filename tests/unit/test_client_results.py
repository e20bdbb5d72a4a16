"""Every result code, through the real client and the training service over HTTP."""

from __future__ import annotations

import pytest

from mirecovery_gui.client.errors import (
    CaptchaError,
    CaptchaNeededError,
    CodeSentRecentlyError,
    NextAction,
    PasswordRejectedError,
    PasswordSameAsEmailError,
    PasswordUsedBeforeError,
    RecoveryError,
    RestrictedError,
    SendLimitError,
    SessionExpiredError,
    UnexpectedResultError,
    UnknownAccountError,
    WrongCodeError,
)
from mirecovery_gui.client.passport import PassportClient
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Channel, ContactOption
from mirecovery_gui.training.faults import Fault, FaultKind
from mirecovery_gui.training.server import TrainingServer
from mirecovery_gui.training.service import TrainingService
from tests.flows import captcha_answer, identifier, latest_code, start, to_verified, wrong


def assert_safe(error: RecoveryError, server: TrainingServer) -> None:
    """No exception text carries a URL, a cookie or a secret."""
    text = f"{error} {error.args!r} {error.message.render()}"
    assert server.url not in text and "127.0.0.1" not in text
    assert "ick" not in text.split() and "identity_session" not in text and "passToken" not in text


def test_happy_path_for_the_email_account(client: PassportClient, service: TrainingService) -> None:
    result = start(client, "demo@example.com")
    assert result.options == (
        ContactOption(Channel.PHONE, "+62 812****0002"),
        ContactOption(Channel.EMAIL, "d***@example.com"),
    )
    assert client.quota(Channel.EMAIL).sends_left == 3
    sent = client.send_code(Channel.EMAIL)
    # The masked contact comes from the GETs after the start, not from the send (public evidence).
    assert (sent.masked_contact, sent.code_length, sent.resend_after_s, sent.sends_left) == ("", 6, 60, 2)
    client.verify_code(Channel.EMAIL, latest_code(client))
    client.reset_password("Sunny-day-42")
    assert service.password_of("demo@example.com") == "Sunny-day-42"


@pytest.mark.parametrize(
    ("user", "channels"),
    [
        ("+6281200000001", [Channel.PHONE]),
        ("0812 0000 0001", [Channel.PHONE]),
        ("1234567890", [Channel.PHONE, Channel.EMAIL]),
        ("nocontact@example.com", []),
    ],
)
def test_each_training_account_lists_its_contacts(client: PassportClient, user: str, channels: list[Channel]) -> None:
    assert [option.channel for option in start(client, user).options] == channels


def test_87001_without_a_captcha_asks_for_one(client: PassportClient, server: TrainingServer) -> None:
    with pytest.raises(CaptchaNeededError) as caught:
        client.start(identifier("demo@example.com"), "")
    assert caught.value.actions == (NextAction.NEW_CAPTCHA,)
    assert caught.value.result_code == 87001
    assert_safe(caught.value, server)


def test_87001_with_a_wrong_captcha_says_so_and_the_picture_is_spent(
    client: PassportClient,
) -> None:
    answer = captcha_answer(client)
    with pytest.raises(CaptchaError) as caught:
        client.start(identifier("demo@example.com"), "WRONG")
    assert not isinstance(caught.value, CaptchaNeededError)
    assert caught.value.tips == "The characters were wrong. Try the new image."
    with pytest.raises(CaptchaError):
        client.start(identifier("demo@example.com"), answer)  # single-use
    assert start(client).options


def test_captcha_answers_are_not_case_sensitive_in_training(client: PassportClient) -> None:
    answer = captcha_answer(client)
    assert client.start(identifier("demo@example.com"), f" {answer.lower()} ").options


def test_20003_is_neutral_and_offers_the_support_request(client: PassportClient, server: TrainingServer) -> None:
    with pytest.raises(UnknownAccountError) as caught:
        client.start(identifier("nobody@example.com"), captcha_answer(client))
    error = caught.value
    assert error.actions == (NextAction.FIX_INPUT, NextAction.SUPPORT_REQUEST)
    assert error.tips == ""  # the server's own words could reveal whether the account exists
    assert "exist" not in error.message.render()
    assert_safe(error, server)


def test_70014_counts_down_the_attempts_then_asks_for_a_new_code(client: PassportClient) -> None:
    start(client)
    client.send_code(Channel.EMAIL)
    code = latest_code(client)
    for left in (4, 3, 2, 1):
        with pytest.raises(WrongCodeError) as caught:
            client.verify_code(Channel.EMAIL, wrong(code))
        assert caught.value.attempts_left == left
        assert f"Tries left before it is blocked: {left}." in caught.value.message.render()
    with pytest.raises(WrongCodeError) as caught:
        client.verify_code(Channel.EMAIL, wrong(code))
    assert caught.value.attempts_left == 0
    assert caught.value.actions == (NextAction.NEW_CODE,)
    with pytest.raises(WrongCodeError) as caught:
        client.verify_code(Channel.EMAIL, code)  # invalidated, even the right one
    assert caught.value.attempts_left == 0


def test_70022_the_daily_limit_offers_waiting_or_support(client: PassportClient) -> None:
    start(client, "limit@example.com")
    assert client.quota(Channel.EMAIL).sends_left == 0
    with pytest.raises(SendLimitError) as caught:
        client.send_code(Channel.EMAIL)
    assert caught.value.actions == (NextAction.WAIT, NextAction.SUPPORT_REQUEST)
    assert "24 hours" in caught.value.message.render()


def test_70003_a_password_against_the_rules_shows_the_reason(client: PassportClient) -> None:
    to_verified(client)
    with pytest.raises(PasswordRejectedError) as caught:
        client.reset_password("alllettersonly")
    assert caught.value.result_code == 70003
    assert "8-16 characters" in caught.value.tips
    client.reset_password("Sunny-day-42")  # the permission survives a rejected password


def test_85110_the_current_password_is_refused_as_used_before(client: PassportClient) -> None:
    to_verified(client)
    with pytest.raises(PasswordUsedBeforeError) as caught:
        client.reset_password("Old-pass-1")
    assert caught.value.result_code == 85110 and caught.value.actions == (NextAction.FIX_INPUT,)
    assert "used on this account before" in caught.value.message.render()


def test_110021001_a_refused_password_asks_for_another(client: PassportClient, service: TrainingService) -> None:
    to_verified(client)
    service.faults.add(Fault(FaultKind.RESULT, step="reset", code=110021001))
    with pytest.raises(PasswordRejectedError) as caught:
        client.reset_password("Other-pass-43")
    assert caught.value.result_code == 110021001


def test_20031_a_captcha_is_needed_first(client: PassportClient, service: TrainingService) -> None:
    service.faults.add(Fault(FaultKind.RESULT, step="start", code=20031))
    with pytest.raises(CaptchaNeededError):
        client.start(identifier("demo@example.com"), "")


def test_20024_a_code_sent_a_moment_ago_waits_and_may_still_come(
    client: PassportClient, service: TrainingService
) -> None:
    start(client)
    service.faults.add(Fault(FaultKind.RESULT, step="send", code=20024))
    with pytest.raises(CodeSentRecentlyError) as caught:
        client.send_code(Channel.EMAIL)
    assert caught.value.retry_after == 60 and caught.value.actions == (NextAction.WAIT,)
    assert "may still arrive" in caught.value.message.render()


@pytest.mark.parametrize("code", [70012, 2])
def test_an_empty_or_unmatched_code_is_a_wrong_code(
    client: PassportClient, service: TrainingService, code: int
) -> None:
    start(client)
    client.send_code(Channel.EMAIL)
    service.faults.add(Fault(FaultKind.RESULT, step="verify", code=code))
    with pytest.raises(WrongCodeError) as caught:
        client.verify_code(Channel.EMAIL, latest_code(client))
    assert caught.value.result_code == code


def test_110071001_the_email_as_password_is_refused(client: PassportClient) -> None:
    to_verified(client)
    with pytest.raises(PasswordSameAsEmailError) as caught:
        client.reset_password("demo@example.com")
    assert caught.value.result_code == 110071001
    assert caught.value.actions == (NextAction.FIX_INPUT,)


def test_an_expired_code_asks_for_a_new_one(client: PassportClient, clock: ManualClock) -> None:
    start(client)
    client.send_code(Channel.EMAIL)
    code = latest_code(client)
    clock.advance(601)
    with pytest.raises(WrongCodeError) as caught:
        client.verify_code(Channel.EMAIL, code)
    assert caught.value.actions == (NextAction.NEW_CODE,)
    assert "too old" in caught.value.message.render()


def test_21317_on_reset_means_starting_over(client: PassportClient) -> None:
    to_verified(client)
    client.reset_password("Sunny-day-42")
    with pytest.raises(SessionExpiredError) as caught:
        client.reset_password("Other-pass-43")  # the ticket is single-use
    assert caught.value.actions == (NextAction.START_OVER,)


@pytest.mark.parametrize("code", [10031, 20023])
def test_restricted_codes(client: PassportClient, service: TrainingService, code: int) -> None:
    service.faults.add(Fault(FaultKind.RESULT, step="start", code=code))
    with pytest.raises(RestrictedError) as caught:
        start(client)
    assert caught.value.actions == (NextAction.WAIT, NextAction.SUPPORT_REQUEST)


def test_any_other_code_is_reported_with_its_number(client: PassportClient, service: TrainingService) -> None:
    service.faults.add(Fault(FaultKind.RESULT, step="send", code=99999))
    start(client)
    with pytest.raises(UnexpectedResultError) as caught:
        client.send_code(Channel.EMAIL)
    assert "99999" in caught.value.message.render()
    assert NextAction.OFFICIAL_SITE not in caught.value.actions  # training: nowhere to hand over to


def test_tips_follow_the_request_language(training_profile, server: TrainingServer) -> None:  # type: ignore[no-untyped-def]
    indonesian = PassportClient(training_profile, server.url, locale="id_ID")
    try:
        indonesian.fetch_captcha()
        with pytest.raises(CaptchaError) as caught:
            indonesian.start(identifier("demo@example.com"), "WRONG")
        assert caught.value.tips == "Karakter salah. Coba gambar yang baru."
    finally:
        indonesian.close()


def test_server_tips_are_plain_text(client: PassportClient, service: TrainingService) -> None:
    import mirecovery_gui.training.service as svc

    original = svc._TIPS["limit"]["en"]
    svc._TIPS["limit"]["en"] = "<b>Limit</b>\u202e reached\x1b[31m\nnow"
    try:
        start(client, "limit@example.com")
        with pytest.raises(SendLimitError) as caught:
            client.send_code(Channel.EMAIL)
        assert caught.value.tips == "<b>Limit</b> reached[31m now"
    finally:
        svc._TIPS["limit"]["en"] = original


def test_the_captcha_picture_comes_from_where_the_87001_answer_says(
    client: PassportClient, service: TrainingService
) -> None:
    with pytest.raises(CaptchaNeededError):
        client.start(identifier("demo@example.com"), "")
    client.fetch_captcha()
    assert "scene=forgetPassword" in service.last_captcha_query  # the answer's captchaUrl, followed


@pytest.mark.parametrize(
    "named",
    ["https://evil.example/pass/getCode", "//evil.example/pass/getCode", "/other/path", "/pass/getCode\r\nX: y", 7],
)
def test_a_captcha_address_elsewhere_is_never_followed(named: object) -> None:
    from mirecovery_gui.client.passport import _captcha_path

    assert _captcha_path(named) == ""
    assert _captcha_path("/pass/getCode?icodeType=antispam") == "/pass/getCode?icodeType=antispam"
