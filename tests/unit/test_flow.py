"""The flow as plain Python: every branch, and what Back drops."""

from __future__ import annotations

from mirecovery_gui.core import flow
from mirecovery_gui.core.flow import (
    FINAL,
    CaptchaPurpose,
    Channel,
    ContactOption,
    RecoveryState,
    Step,
    SupportReason,
    next_step,
)
from tests.flows import identifier

BOTH = (
    ContactOption(Channel.PHONE, "+62 812****0002"),
    ContactOption(Channel.EMAIL, "d***@example.com"),
)


def walk_happy_path() -> list[int]:
    state = flow.with_identifier(RecoveryState(), identifier("demo@example.com"))
    steps = [Step.IDENTIFIER]
    steps.append(next_step(state, Step.IDENTIFIER))
    state = flow.started(state, BOTH)
    steps.append(next_step(state, Step.CAPTCHA))
    state = flow.code_sent(state, Channel.EMAIL, 6)
    steps.append(next_step(state, Step.SEND_CODE))
    state = flow.code_verified(flow.entered(state, Step.ENTER_CODE))
    steps.append(next_step(state, Step.ENTER_CODE))
    state = flow.password_reset(state)
    steps.append(next_step(state, Step.NEW_PASSWORD))
    steps.append(next_step(state, Step.DONE))
    return steps


def test_the_main_line_visits_all_six_pages_in_order() -> None:
    assert walk_happy_path() == [
        Step.IDENTIFIER,
        Step.CAPTCHA,
        Step.SEND_CODE,
        Step.ENTER_CODE,
        Step.NEW_PASSWORD,
        Step.DONE,
        FINAL,
    ]


def test_without_a_captcha_at_start_the_identifier_leads_to_sending() -> None:
    state = RecoveryState(captcha_required=False)
    assert next_step(state, Step.IDENTIFIER) == Step.SEND_CODE
    assert next_step(flow.captcha_demanded(state), Step.IDENTIFIER) == Step.CAPTCHA


def test_nothing_bound_leads_to_the_support_request() -> None:
    state = flow.started(RecoveryState(), ())
    assert state.support_reason is SupportReason.NOTHING_BOUND
    assert next_step(state, Step.CAPTCHA) == Step.LOST_EVERYTHING


def test_the_user_can_say_the_contacts_are_lost_at_any_step() -> None:
    state = flow.to_support(RecoveryState(), SupportReason.CONTACTS_LOST)
    for step in (Step.IDENTIFIER, Step.CAPTCHA, Step.SEND_CODE, Step.ENTER_CODE):
        assert next_step(state, step) == Step.LOST_EVERYTHING
    assert next_step(state, Step.LOST_EVERYTHING) == FINAL


def test_the_send_limit_leads_to_support_when_the_user_chooses_it() -> None:
    state = flow.started(RecoveryState(), BOTH)
    assert next_step(state, Step.SEND_CODE) == Step.ENTER_CODE
    assert next_step(flow.to_support(state, SupportReason.SEND_LIMIT), Step.SEND_CODE) == Step.LOST_EVERYTHING


def test_a_captcha_demanded_before_a_send_detours_and_comes_back() -> None:
    state = flow.captcha_demanded(flow.started(RecoveryState(), BOTH))
    assert state.captcha_purpose is CaptchaPurpose.SEND
    assert next_step(state, Step.SEND_CODE) == Step.CAPTCHA
    state = flow.code_sent(state, Channel.EMAIL, 6)
    assert next_step(state, Step.CAPTCHA) == Step.ENTER_CODE
    state = flow.entered(state, Step.ENTER_CODE)
    assert state.captcha_purpose is CaptchaPurpose.START
    assert next_step(state, Step.ENTER_CODE) == Step.NEW_PASSWORD


def test_a_captcha_demanded_on_resend_detours_from_the_code_page() -> None:
    state = flow.code_sent(flow.started(RecoveryState(), BOTH), Channel.PHONE, 6)
    state = flow.captcha_demanded(state)
    assert next_step(state, Step.ENTER_CODE) == Step.CAPTCHA
    assert next_step(state, Step.CAPTCHA) == Step.ENTER_CODE


def test_the_live_provider_hands_over_to_the_official_site() -> None:
    state = flow.to_official_site(RecoveryState())
    assert next_step(state, Step.SEND_CODE) == Step.OFFICIAL_SITE
    assert next_step(state, Step.OFFICIAL_SITE) == FINAL
    assert next_step(flow.to_support(state, SupportReason.CONTACTS_LOST), Step.OFFICIAL_SITE) == Step.LOST_EVERYTHING


def test_back_from_sending_drops_the_server_session() -> None:
    state = flow.code_sent(flow.started(RecoveryState(), BOTH), Channel.EMAIL, 6)
    back = flow.after_back(state, Step.SEND_CODE)
    assert not back.started and not back.options and back.channel is None and not back.code_sent
    assert back.identifier == state.identifier


def test_back_from_the_code_page_keeps_the_sent_code() -> None:
    state = flow.code_sent(flow.started(RecoveryState(), BOTH), Channel.EMAIL, 6)
    assert flow.after_back(state, Step.ENTER_CODE) == state


def test_back_from_a_detour_returns_to_the_main_line() -> None:
    state = flow.to_support(flow.started(RecoveryState(), BOTH), SupportReason.SEND_LIMIT)
    back = flow.after_back(state, Step.LOST_EVERYTHING)
    assert back.support_reason is None
    assert next_step(back, Step.SEND_CODE) == Step.ENTER_CODE


def test_a_new_identifier_starts_over_but_the_same_one_keeps_the_session() -> None:
    state = flow.started(flow.with_identifier(RecoveryState(), identifier("demo@example.com")), BOTH)
    assert flow.with_identifier(state, identifier("demo@example.com")) is state
    fresh = flow.with_identifier(state, identifier("1234567890"))
    assert not fresh.started and fresh.identifier == identifier("1234567890")


def test_one_contact_is_chosen_for_the_user() -> None:
    state = flow.started(RecoveryState(), BOTH[:1])
    assert state.channel is Channel.PHONE
    assert flow.started(RecoveryState(), BOTH).channel is None


def test_the_state_has_only_fields_that_hold_no_secret() -> None:
    # A new field is a decision: it must not carry a password, a code, a captcha answer or a ticket.
    assert set(RecoveryState.__dataclass_fields__) == {
        "identifier",
        "captcha_required",
        "captcha_purpose",
        "started",
        "options",
        "channel",
        "code_sent",
        "code_length",
        "code_verified",
        "password_reset",
        "support_reason",
        "handoff",
    }
