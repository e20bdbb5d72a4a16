"""Whole recoveries, detours and support branches through the session alone (no window, no Qt)."""

from __future__ import annotations

import sys

import pytest

from mirecovery_gui.client.errors import NextAction, SendLimitError, UnknownAccountError, WrongCodeError
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import CaptchaPurpose, Channel, Step, SupportReason
from mirecovery_gui.recovery.calls import Request
from mirecovery_gui.training.faults import Fault, FaultKind
from tests.flows import wrong
from tests.session.conftest import Recovery, identifier


def test_the_email_account_from_identifier_to_done(recovery: Recovery) -> None:
    session = recovery.session
    recovery.identifier("demo@example.com")
    assert recovery.step is Step.CAPTCHA and session.captcha is not None  # the picture came with the step
    recovery.solve_captcha()
    assert recovery.step is Step.SEND_CODE
    assert [option.masked for option in session.state.options] == ["+62 812****0002", "d***@example.com"]
    assert session.state.channel is None and not session.can_send()  # two contacts: the owner chooses
    recovery.run(session.choose_channel(Channel.EMAIL))
    assert session.sends_left == 3
    recovery.run(session.send_code())
    assert recovery.step is Step.ENTER_CODE
    assert session.masked_destination() == "d***@example.com" and session.resend_wait() == 60
    recovery.run(session.verify(recovery.newest_code()))
    assert recovery.step is Step.NEW_PASSWORD and not session.can_go_back()  # the code was the commit
    recovery.run(session.reset_password("Sunny-day-42"))
    assert recovery.step is Step.DONE
    assert recovery.service.password_of("demo@example.com") == "Sunny-day-42"


def test_a_single_contact_is_chosen_and_its_codes_left_asked_for(recovery: Recovery) -> None:
    recovery.identifier("0812 0000 0001")
    recovery.solve_captcha()
    assert recovery.session.state.channel is Channel.PHONE
    assert recovery.session.sends_left == 3  # the quota call came with the step
    recovery.run(recovery.session.send_code())
    assert recovery.step is Step.ENTER_CODE


def test_nothing_bound_leads_to_the_support_request_with_what_was_typed(recovery: Recovery) -> None:
    recovery.identifier("nocontact@example.com")
    recovery.solve_captcha()
    assert recovery.step is Step.LOST_EVERYTHING
    assert recovery.session.support_reason is SupportReason.NOTHING_BOUND
    draft = recovery.session.support_draft
    assert draft is not None and draft.facts.old_email == "nocontact@example.com"


def test_the_send_limit_offers_the_support_request_and_no_pointless_wait(recovery: Recovery) -> None:
    session = recovery.session
    recovery.identifier("limit@example.com")
    recovery.solve_captcha()
    recovery.run(session.choose_channel(Channel.EMAIL))
    recovery.run(session.send_code())
    problem = session.problem
    assert problem is not None and isinstance(problem.error, SendLimitError)
    assert problem.actions == (NextAction.SUPPORT_REQUEST,)
    assert session.sends_left == 0
    recovery.run(session.act(NextAction.SUPPORT_REQUEST))
    assert recovery.step is Step.LOST_EVERYTHING and session.support_reason is SupportReason.SEND_LIMIT
    recovery.run(session.back())
    assert recovery.step is Step.SEND_CODE and session.support_reason is None


def test_a_wrong_captcha_brings_a_new_picture_and_says_why(recovery: Recovery) -> None:
    session = recovery.session
    recovery.identifier("demo@example.com")
    first = session.captcha_serial
    recovery.run(session.answer_captcha("WRONG"))
    assert recovery.step is Step.CAPTCHA
    assert session.captcha_serial == first + 1  # a new picture is already there
    assert session.problem is not None and session.problem.actions == ()
    recovery.solve_captcha()
    assert recovery.step is Step.SEND_CODE and session.problem is None


def test_an_unknown_account_goes_back_to_the_identifier_to_fix_it(recovery: Recovery) -> None:
    session = recovery.session
    recovery.identifier("nobody@example.com")
    recovery.solve_captcha()
    assert session.problem is not None and isinstance(session.problem.error, UnknownAccountError)
    assert session.problem.actions == (NextAction.FIX_INPUT, NextAction.SUPPORT_REQUEST)
    recovery.run(session.act(NextAction.FIX_INPUT))
    assert recovery.step is Step.IDENTIFIER
    assert session.state.identifier == identifier("nobody@example.com")


def test_wrong_codes_until_blocked_then_a_resend_through_the_captcha(recovery: Recovery, clock: ManualClock) -> None:
    session = recovery.session
    code = recovery.to_enter_code()
    for shift, left in enumerate((4, 3, 2, 1, 0), start=1):
        recovery.run(session.verify(wrong(code, shift)))  # a refused code is never sent twice
        error = session.problem.error if session.problem else None
        assert isinstance(error, WrongCodeError) and error.attempts_left == left
    assert session.code_blocked and session.verify(code) is None  # a used-up code is never sent again
    assert session.problem is not None and session.problem.actions == (NextAction.NEW_CODE,)
    assert session.act(NextAction.NEW_CODE) is None  # the cooldown is still running
    clock.advance(60)
    recovery.run(session.act(NextAction.NEW_CODE))
    # Three failures: the service wants a captcha before it sends again, and the detour comes back.
    assert recovery.step is Step.CAPTCHA and session.state.captcha_purpose is CaptchaPurpose.SEND
    recovery.solve_captcha()
    assert recovery.step is Step.ENTER_CODE and not session.code_blocked
    recovery.run(session.back())
    assert recovery.step is Step.SEND_CODE  # the detour left no trace on the way back
    recovery.run(session.go_on())
    recovery.run(session.verify(recovery.newest_code()))
    assert recovery.step is Step.NEW_PASSWORD


def test_a_resend_counts_down_and_announces_the_new_code(recovery: Recovery, clock: ManualClock) -> None:
    session = recovery.session
    recovery.to_enter_code()
    assert session.resend() is None
    clock.advance(60)
    recovery.run(session.resend())
    assert session.notice is not None and "new code is on its way" in session.notice.message.render()
    assert session.resend_wait() == 60 and session.sent_count == 2


def test_back_from_the_code_page_keeps_the_code_and_from_the_send_page_starts_again(recovery: Recovery) -> None:
    session = recovery.session
    code = recovery.to_enter_code()
    recovery.run(session.back())
    assert recovery.step is Step.SEND_CODE and session.state.code_sent
    recovery.run(session.go_on())
    recovery.run(session.back())
    recovery.run(session.back())
    assert recovery.step is Step.CAPTCHA and not session.state.started  # the captcha answer was single-use
    recovery.solve_captcha()
    recovery.run(session.choose_channel(Channel.EMAIL))
    recovery.run(session.send_code())
    assert recovery.newest_code() != code


def test_an_answer_from_before_back_is_dropped(recovery: Recovery) -> None:
    session = recovery.session
    recovery.identifier("demo@example.com")
    recovery.solve_captcha()
    recovery.run(session.choose_channel(Channel.EMAIL))
    send = session.send_code()
    assert send is not None and session.busy is Request.SEND
    assert session.send_code() is None  # a second press while sending does nothing
    result = send.run(recovery.client)
    recovery.run(session.back())
    step, state = recovery.step, session.state
    assert session.finish(send, result) is None
    assert (recovery.step, session.state) == (step, state) and session.busy is None


def test_try_again_repeats_the_failed_send_once_the_server_is_back(recovery: Recovery) -> None:
    session = recovery.session
    recovery.identifier("demo@example.com")
    recovery.solve_captcha()
    recovery.run(session.choose_channel(Channel.EMAIL))
    recovery.service.faults.add(Fault(FaultKind.STATUS, step="send", status=500))
    recovery.run(session.send_code())
    assert session.problem is not None and session.problem.actions == (NextAction.RETRY,)
    assert recovery.step is Step.SEND_CODE
    recovery.run(session.act(NextAction.RETRY))
    assert recovery.step is Step.ENTER_CODE


@pytest.mark.parametrize("request_step", ["start", "verify", "reset"])
def test_try_again_on_a_step_that_needs_what_was_typed_goes_back_to_the_page(
    recovery: Recovery, request_step: str
) -> None:
    session = recovery.session
    recovery.service.faults.add(Fault(FaultKind.STATUS, step=request_step, status=500))
    if request_step == "start":
        recovery.identifier("demo@example.com")
        recovery.run(session.answer_captcha(recovery.captcha_answer()))
    elif request_step == "verify":
        recovery.run(session.verify(recovery.to_enter_code()))
    else:
        recovery.run(session.verify(recovery.to_enter_code()))
        recovery.run(session.reset_password("Sunny-day-42"))
    problem = session.problem
    assert problem is not None and NextAction.RETRY in problem.actions
    # The captcha answer was spent: trying again starts with a new picture; a code or password is typed again.
    assert problem.retry_by_page is (request_step != "start")


def test_a_wait_the_server_asks_for_counts_down_on_send(recovery: Recovery, clock: ManualClock) -> None:
    session = recovery.session
    recovery.identifier("demo@example.com")
    recovery.solve_captcha()
    recovery.run(session.choose_channel(Channel.EMAIL))
    recovery.service.faults.add(Fault(FaultKind.STATUS, step="send", status=429, retry_after="30"))
    recovery.run(session.send_code())
    assert session.problem is not None and session.problem.actions == ()
    assert session.send_wait() == 30 and not session.can_send()
    clock.advance(30)
    assert session.can_send()
    recovery.run(session.send_code())
    assert recovery.step is Step.ENTER_CODE


def test_the_lost_everything_button_and_back(recovery: Recovery) -> None:
    session = recovery.session
    session.lost_everything(None)
    assert recovery.step is Step.LOST_EVERYTHING and session.support_reason is SupportReason.CONTACTS_LOST
    assert session.support_draft is not None and session.support_draft.facts.account_id == ""
    recovery.run(session.back())
    assert recovery.step is Step.IDENTIFIER
    recovery.identifier("1234567890")
    assert recovery.step is Step.CAPTCHA


def test_the_live_handoff_and_start_over(recovery: Recovery) -> None:
    session = recovery.session
    recovery.identifier("demo@example.com")
    session.go_official_site()
    assert recovery.step is Step.OFFICIAL_SITE
    session.start_over()
    assert recovery.step is Step.IDENTIFIER and session.state.identifier is None and session.restarts == 2


def test_listeners_hear_every_change(recovery: Recovery) -> None:
    before = recovery.changes
    recovery.identifier("demo@example.com")
    assert recovery.changes > before


def test_this_run_has_no_qt_when_it_is_blocked() -> None:
    import os

    if os.environ.get("MIRECOVERY_BLOCK_QT") == "1":
        assert not any(name.split(".")[0] in ("PySide6", "shiboken6") for name in sys.modules)


def test_nothing_the_session_keeps_holds_a_secret(recovery: Recovery) -> None:
    session = recovery.session
    recovery.identifier("demo@example.com")
    answer = recovery.captcha_answer()
    recovery.run(session.answer_captcha(answer))
    recovery.run(session.choose_channel(Channel.EMAIL))
    recovery.run(session.send_code())
    code = recovery.newest_code()
    recovery.run(session.verify(code))
    recovery.run(session.reset_password("Sunny-day-42"))
    # What the session itself keeps: not its listeners (the window) or the directory it was given.
    kept = {name: value for name, value in vars(session).items() if name not in ("_listeners", "directory")}
    for secret in (answer, code, "Sunny-day-42"):
        assert secret not in reachable_strings(kept), secret


def reachable_strings(root: object, depth: int = 8) -> set[str]:
    """Every string ``root`` keeps, through attributes, containers and closures (what repr cannot see)."""
    import types

    found: set[str] = set()
    seen: set[int] = set()
    todo: list[tuple[object, int]] = [(root, 0)]
    while todo:
        item, level = todo.pop()
        if id(item) in seen or level > depth or isinstance(item, types.ModuleType | type):
            continue
        seen.add(id(item))
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, bytes):
            found.add(item.decode("latin-1"))
        elif isinstance(item, dict):
            todo += [(value, level + 1) for pair in item.items() for value in pair]
        elif isinstance(item, list | tuple | set | frozenset):
            todo += [(value, level + 1) for value in item]
        elif isinstance(item, types.MethodType):
            todo += [(item.__self__, level + 1), (item.__func__, level + 1)]
        elif isinstance(item, types.FunctionType):
            todo += [(cell.cell_contents, level + 1) for cell in item.__closure__ or () if _filled(cell)]
        elif hasattr(item, "__dict__"):
            todo.append((vars(item), level + 1))
        elif hasattr(item, "__slots__"):
            todo += [(getattr(item, name), level + 1) for name in item.__slots__ if hasattr(item, name)]
    return found


def _filled(cell: object) -> bool:
    try:
        _ = cell.cell_contents  # type: ignore[attr-defined]
    except ValueError:  # a closure variable not bound yet
        return False
    return True


def test_a_refused_code_is_never_sent_again_unchanged(recovery: Recovery) -> None:
    session = recovery.session
    code = recovery.to_enter_code()
    recovery.run(session.verify(wrong(code)))
    assert session.was_rejected(wrong(code)) and session.verify(wrong(code)) is None  # no try burnt
    assert recovery.service.hits("verify") == 1
    recovery.run(session.verify(code))
    assert recovery.step is Step.NEW_PASSWORD


def test_a_lost_answer_to_send_counts_as_sent_and_waits_for_the_cooldown(
    recovery: Recovery, clock: ManualClock
) -> None:
    from mirecovery_gui.client.errors import SendMaybeDoneError

    session = recovery.session
    recovery.identifier("demo@example.com")
    recovery.solve_captcha()
    recovery.run(session.choose_channel(Channel.EMAIL))
    recovery.service.faults.add(Fault(FaultKind.HANG, step="send"))
    recovery.run(session.send_code())
    assert session.problem is not None and isinstance(session.problem.error, SendMaybeDoneError)
    said = str(session.problem.error)
    assert "may have been sent" in said and "Nothing was changed" not in said
    assert not session.can_send() and session.send_wait() == 60  # no second code before the cooldown
    assert session.problem.actions == (NextAction.CONTINUE,)  # "Go on": the owner types a code that did arrive
    recovery.run(session.act(NextAction.CONTINUE))
    assert recovery.step is Step.ENTER_CODE and session.resend_wait() == 60
    clock.advance(60)
    recovery.run(session.resend())
    recovery.run(session.verify(recovery.newest_code()))
    assert recovery.step is Step.NEW_PASSWORD


@pytest.mark.parametrize(("user", "limit"), [("demo@example.com", 3), ("+8613800000005", 5)])
def test_the_regions_daily_limit_is_known_before_the_first_send(recovery: Recovery, user: str, limit: int) -> None:
    """Xiaomi's help centre: 3 codes a day outside mainland China, 5 inside; the training service counts alike."""
    session = recovery.session
    recovery.identifier(user)
    recovery.solve_captcha()
    if session.state.channel is None:
        recovery.run(session.choose_channel(Channel.EMAIL))
    assert session.daily_limit() == limit and session.sends_left == limit
