"""The way forward after every error: one table for every step.

Each row says, for a request and an error, what the session does about it
(an :class:`Effect`) and which ways forward the page offers. The first row
that matches wins; the last one matches everything, so every error ends in a
message with a way forward.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from mirecovery_gui.client.errors import (
    CaptchaError,
    CaptchaNeededError,
    NextAction,
    ProtocolError,
    RateLimitedError,
    RecoveryError,
    RestrictedError,
    SendLimitError,
    SendMaybeDoneError,
    UnexpectedResultError,
    UnknownAccountError,
    WrongCodeError,
)
from mirecovery_gui.core.flow import SupportReason
from mirecovery_gui.recovery.calls import Request


class Effect(Enum):
    SHOW = "show"  # the message and its ways forward, nothing else
    CAPTCHA_FIRST = "captcha_first"  # the service wants a captcha before it starts: to the captcha page
    CAPTCHA_DETOUR = "captcha_detour"  # ... before it sends a code: to the captcha page and back
    NEW_PICTURE = "new_picture"  # the answer was wrong: a new picture, and the message says why
    SEND_LIMIT = "send_limit"  # no codes left today for this contact
    SEND_WAIT = "send_wait"  # the Send button counts down the wait the server asked for
    RESEND_WAIT = "resend_wait"  # the same on the code page's Resend button
    CODE_BLOCKED = "code_blocked"  # the code is used up: only a new one helps
    MAYBE_SENT = "maybe_sent"  # the answer to a send was lost: a code may be on its way (and the cooldown runs)
    HAND_OVER = "hand_over"  # the direct profile met an answer that does not fit: on to Xiaomi's page at once


ANY: frozenset[Request] = frozenset(Request)
_CAPTCHA_PAGE = frozenset({Request.CAPTCHA, Request.START_WITH_CAPTCHA, Request.SEND_WITH_CAPTCHA})
_SENDS = frozenset({Request.SEND, Request.SEND_WITH_CAPTCHA, Request.RESEND})
_WITH_ANSWER = frozenset({Request.START_WITH_CAPTCHA, Request.SEND_WITH_CAPTCHA})


def _has_wait(error: RecoveryError) -> bool:
    return bool(error.retry_after)


def _offers_xiaomis_page(error: RecoveryError) -> bool:
    return NextAction.OFFICIAL_SITE in error.actions


def _no_tries_left(error: RecoveryError) -> bool:
    return isinstance(error, WrongCodeError) and error.attempts_left == 0


@dataclass(frozen=True)
class Route:
    requests: frozenset[Request]
    error: type[RecoveryError]
    effect: Effect = Effect.SHOW
    drop: tuple[NextAction, ...] = ()  # ways forward that make no sense here
    only: tuple[NextAction, ...] | None = None  # exactly these ways forward (none: the message alone)
    support_reason: SupportReason = SupportReason.CONTACTS_LOST
    when: Callable[[RecoveryError], bool] | None = None

    def matches(self, request: Request, error: RecoveryError) -> bool:
        return request in self.requests and isinstance(error, self.error) and (self.when is None or self.when(error))


ROUTES: tuple[Route, ...] = (
    # A captcha the service asks for is a step, not a problem: no message.
    Route(frozenset({Request.START}), CaptchaError, Effect.CAPTCHA_FIRST),
    Route(frozenset({Request.SEND, Request.RESEND, Request.VERIFY}), CaptchaNeededError, Effect.CAPTCHA_DETOUR),
    # A wrong answer brings the next picture at once; the message says why. On the direct profile
    # Xiaomi's page is offered beside it: Xiaomi's own captcha is a script one this app cannot show.
    Route(_WITH_ANSWER, CaptchaError, Effect.NEW_PICTURE, drop=(NextAction.NEW_CAPTCHA,)),
    # An answer the direct profile does not understand: Xiaomi's page takes over at once (it says why).
    Route(ANY, ProtocolError, Effect.HAND_OVER, when=_offers_xiaomis_page),
    Route(ANY, UnexpectedResultError, Effect.HAND_OVER, when=_offers_xiaomis_page),
    Route(ANY, UnknownAccountError, support_reason=SupportReason.CONTACTS_LOST),
    # Today's codes are used up: waiting 24 hours is no button; the support request is.
    Route(_SENDS, SendLimitError, Effect.SEND_LIMIT, drop=(NextAction.WAIT,), support_reason=SupportReason.SEND_LIMIT),
    Route(ANY, SendLimitError, drop=(NextAction.WAIT,), support_reason=SupportReason.SEND_LIMIT),
    # A wait before sending counts down on the button that sends, not on a second one.
    Route(frozenset({Request.SEND}), RateLimitedError, Effect.SEND_WAIT, drop=(NextAction.WAIT,), when=_has_wait),
    Route(frozenset({Request.RESEND}), RateLimitedError, Effect.RESEND_WAIT, drop=(NextAction.WAIT,), when=_has_wait),
    # The answer to a send was lost: the code may have gone out, so it counts as sent (and the wait runs).
    Route(_SENDS, SendMaybeDoneError, Effect.MAYBE_SENT),
    Route(frozenset({Request.VERIFY}), WrongCodeError, Effect.CODE_BLOCKED, when=_no_tries_left),
    Route(ANY, RestrictedError, support_reason=SupportReason.RESTRICTED),
    Route(ANY, RecoveryError),
)


def route_for(request: Request, error: RecoveryError) -> Route:
    return next(route for route in ROUTES if route.matches(request, error))


# What "Try again" means for each request: the page's main action again (it
# needs what was typed: the identifier, the code, the password), or the
# session's own call. A captcha answer is spent by the request that carried
# it, so trying again starts with a new picture.
RETRY_BY_PAGE = frozenset({Request.START, Request.VERIFY, Request.RESET})

# Where each way forward can be taken; elsewhere it is not offered.
FIX_INPUT_AT = frozenset({Request.START, Request.START_WITH_CAPTCHA, Request.VERIFY, Request.RESET})
NEW_CAPTCHA_AT = _CAPTCHA_PAGE
CONTINUE_AT = _SENDS | {Request.VERIFY, Request.RESET}  # the steps whose answer may be lost after they acted


def ways_forward(route: Route, request: Request, error: RecoveryError, *, on_code_page: bool) -> tuple[NextAction, ...]:
    """The error's ways forward this step can take, primary first."""
    if route.only is not None:
        return route.only
    offered: list[NextAction] = []
    for action in error.actions:
        if action in route.drop or action in offered:
            continue
        if action is NextAction.FIX_INPUT and request not in FIX_INPUT_AT:
            continue
        if action is NextAction.NEW_CAPTCHA and request not in NEW_CAPTCHA_AT:
            continue
        if action is NextAction.NEW_CODE and not on_code_page:
            continue
        if action is NextAction.CONTINUE and request not in CONTINUE_AT:
            continue
        offered.append(action)
    return tuple(offered)
