"""What can go wrong in a recovery step, as exceptions that know what the user can do next.

Every :class:`RecoveryError` carries a translatable :class:`Message` and the
ways forward (:class:`NextAction`), primary first. Its text (``str(error)``)
is that English message: it never holds a URL, a cookie, a code or a
password, so it is safe for a log line or a dialog. Server text (``tips``) is
kept apart, already cleaned to plain text.

Result codes follow Xiaomi's passport SDK (docs/passport.md); transport
faults are what ``requests`` reports, sorted by what the user should do
about them.
"""

from __future__ import annotations

import math
from enum import Enum

from mirecovery_gui.core.messages import QT_TRANSLATE_NOOP, Message
from mirecovery_gui.core.text import clock_face

_CTX = "RecoveryError"

MAX_WAIT_S = 24 * 3600  # the longest wait a server's Retry-After is believed for


class NextAction(Enum):
    RETRY = "retry"
    WAIT = "wait"
    NEW_CAPTCHA = "new_captcha"
    NEW_CODE = "new_code"
    FIX_INPUT = "fix_input"
    START_OVER = "start_over"
    SUPPORT_REQUEST = "support_request"
    OFFICIAL_SITE = "official_site"
    CONTINUE = "continue"  # the step may have been done although its answer was lost: go on as if it was


class ResultCode:
    SUCCESS = 0
    UNKNOWN_USER = 20003
    CAPTCHA = 87001
    INVALID_PASSWORD = 70003
    WRONG_CODE = 70014
    SEND_LIMIT = 70022
    INVALID_TOKEN = 21317  # the session token is not valid (public evidence: not "the code expired")
    REQUEST_RESTRICTED = 10031
    USER_RESTRICTED = 20023
    PASSWORD_INVALID = 110021001
    PASSWORD_SAME_AS_EMAIL = 110071001
    # Seen in public clients of the forgot-password page (docs/passport.md, "Result codes"):
    CAPTCHA_NEEDED = 20031  # a captcha before this step
    SENT_RECENTLY = 20024  # a code went out a moment ago
    EMPTY_CODE = 70012  # no code in the request
    PASSWORD_USED_BEFORE = 85110
    VERIFY_FAILED = 2  # verifyEmail's own "no": the code did not match


class RecoveryError(Exception):
    """Base of every failure a step can end in."""

    default_message = QT_TRANSLATE_NOOP("RecoveryError", "Something went wrong. Try again in a moment.")
    default_actions: tuple[NextAction, ...] = (NextAction.RETRY,)

    def __init__(
        self,
        message: Message | None = None,
        *,
        actions: tuple[NextAction, ...] | None = None,
        tips: str = "",
        result_code: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.message = message or Message(_CTX, self.default_message)
        self.actions = actions if actions is not None else self.default_actions
        self.tips = tips
        self.result_code = result_code
        self.retry_after = retry_after
        super().__init__(self.message.render())

    def with_actions(self, *extra: NextAction) -> RecoveryError:
        """The same error offering ``extra`` ways forward too (once each)."""
        self.actions = self.actions + tuple(a for a in extra if a not in self.actions)
        return self


class CancelledError(RecoveryError):
    """The request was abandoned (Back, Cancel, closing). Never shown."""

    default_message = QT_TRANSLATE_NOOP("RecoveryError", "Cancelled.")
    default_actions = ()


# --- answers from the service ---------------------------------------------------


class ServiceError(RecoveryError):
    """The service answered with a result code other than success."""


class CaptchaError(ServiceError):
    """87001: a captcha is needed, or the one typed was wrong. Same code both ways."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError", "The characters did not match the picture. Type the ones in the new picture."
    )
    default_actions = (NextAction.NEW_CAPTCHA,)


class CaptchaNeededError(CaptchaError):
    """87001 at a step where no captcha was sent: the service now asks for one."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError", "For safety, Xiaomi asks you to type the characters in a picture first."
    )


class UnknownAccountError(ServiceError):
    """20003. Worded so it does not tell whether an account exists (OWASP)."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "A recovery could not be started with this email, phone number or Mi account ID. "
        "Check it for typing mistakes or try another one linked to the account. "
        "If none works, prepare a request to Xiaomi support.",
    )
    default_actions = (NextAction.FIX_INPUT, NextAction.SUPPORT_REQUEST)


class WrongCodeError(ServiceError):
    """70014 (70012 and verifyEmail's 2 too). ``attempts_left`` is known when the service says it; 0 means
    the code no longer works (tried too often, or too old: Xiaomi has no public code for the second)."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError", "The verification code is wrong. Check the digits and try again."
    )
    default_actions = (NextAction.FIX_INPUT,)

    def __init__(
        self,
        attempts_left: int | None = None,
        *,
        tips: str = "",
        result_code: int | None = None,
        after_resend: bool = False,
    ) -> None:
        self.attempts_left = attempts_left
        self.after_resend = after_resend
        message: Message | None = None
        actions: tuple[NextAction, ...] | None = None
        if after_resend and attempts_left is not None and attempts_left > 0:
            # Xiaomi says only "wrong"; after a resend the likeliest cause is the older message's code. The
            # tries left still count, so they are still said.
            message = Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "RecoveryError",
                    "This code is wrong. If it came from an earlier message, it was replaced by the newer one: "
                    "only the code from the newest message works. Tries left before it is blocked: %n.",
                ),
                n=attempts_left,
            )
        elif after_resend and attempts_left is None:
            message = Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "RecoveryError",
                    "This code is wrong. If it came from an earlier message, it was replaced by the newer one: "
                    "only the code from the newest message works.",
                ),
            )
        elif attempts_left is not None and attempts_left <= 0:
            message = Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "RecoveryError",
                    "This code no longer works: it was tried too many times, or it is too old "
                    "(a code lasts a few minutes). Ask for a new code.",
                ),
            )
            actions = (NextAction.NEW_CODE,)
        elif attempts_left is not None:
            message = Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "RecoveryError",
                    "The verification code is wrong. Check the digits and try again. "
                    "Tries left before it is blocked: %n.",
                ),
                n=attempts_left,
            )
        super().__init__(message, actions=actions, tips=tips, result_code=result_code)

    def told_after_resend(self) -> WrongCodeError:
        """The same refusal, worded for a code page where a newer code was sent since the first."""
        return WrongCodeError(self.attempts_left, tips=self.tips, result_code=self.result_code, after_resend=True)


class SessionExpiredError(ServiceError):
    """21317: the session token is not valid (left too long, or ended); only a new start helps."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "Xiaomi ended this recovery (it was left too long, or started again elsewhere). "
        "Start again; it only takes a minute.",
    )
    default_actions = (NextAction.START_OVER,)

    def __init__(self, *, tips: str = "", result_code: int | None = None, after_verify: bool = False) -> None:
        message = None
        if after_verify:
            message = Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "RecoveryError",
                    "Too much time has passed since the code was checked, so the password was not "
                    "changed. Start again; it only takes a minute.",
                ),
            )
        super().__init__(message, tips=tips, result_code=result_code)


class SendLimitError(ServiceError):
    """70022: today's verification codes for this contact are used up."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "Too many verification codes have been sent to this contact today. "
        "Wait 24 hours and try again, or prepare a request to Xiaomi support.",
    )
    default_actions = (NextAction.WAIT, NextAction.SUPPORT_REQUEST)


class PasswordRejectedError(ServiceError):
    """70003 / 110021001: the service did not accept the new password."""

    default_message = QT_TRANSLATE_NOOP("RecoveryError", "Xiaomi did not accept this password. Choose another one.")
    default_actions = (NextAction.FIX_INPUT,)


class PasswordUsedBeforeError(PasswordRejectedError):
    """85110: this account had this password before."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError", "This password was used on this account before. Choose one it has not had."
    )


class PasswordSameAsEmailError(PasswordRejectedError):
    """110071001."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "The password cannot contain the account's email, phone number or Mi account ID. Choose another one.",
    )


class RestrictedError(ServiceError):
    """10031 / 20023: requests or the account are restricted for now."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "Xiaomi has paused recovery for this account or this network for now. "
        "Try again later, or prepare a request to Xiaomi support.",
    )
    default_actions = (NextAction.WAIT, NextAction.SUPPORT_REQUEST)


class UnexpectedResultError(ServiceError):
    """Any other result code."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError", "Xiaomi answered with something this app does not know (code {code})."
    )
    default_actions = (NextAction.RETRY,)

    def __init__(self, result_code: int, *, tips: str = "") -> None:
        super().__init__(
            Message.of(_CTX, self.default_message, code=result_code),
            result_code=result_code,
            tips=tips,
        )


# --- the way there -----------------------------------------------------------


class TransportError(RecoveryError):
    """The answer never arrived whole."""


class NoConnectionError(TransportError):
    """Connection refused: nothing listens there, or a firewall said no."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "Cannot connect to the server. Check the internet connection, then try again.",
    )


class NameNotResolvedError(TransportError):
    """The server's name does not resolve: usually no internet, or a broken DNS."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "No internet connection: the server's address could not be found. Check Wi-Fi or the cable, then try again.",
    )


class ConnectTimeoutError(TransportError):
    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "The connection to the server timed out. The network may be slow or blocked. Try again.",
    )


class ServerTimeoutError(TransportError):
    """Connected, but no answer in time (also: a server that never answers).

    It never says nothing was changed: a request that went out may have been
    carried out (see :class:`AnswerLostError` for the steps where that matters).
    """

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "The server did not answer in time. Try again in a moment.",
    )


class ConnectionDroppedError(TransportError):
    """The connection broke in the middle of the answer."""

    default_message = QT_TRANSLATE_NOOP("RecoveryError", "The connection broke in the middle of the answer. Try again.")


class AnswerLostError(TransportError):
    """A request that changes something went out, then its answer was lost: it may have been done.

    The server may have sent a code, accepted one or set the password before
    the connection broke or the time ran out; the message says what to check
    before doing it again.
    """

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError", "The server's answer was lost on the way. Try again in a moment."
    )


class SendMaybeDoneError(AnswerLostError):
    """The answer to "send a code" was lost: a code may be on its way."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "The server's answer was lost on the way, so a code may have been sent. Check the phone or email "
        "first: if a code came, go on and type it. You can ask for another after the countdown.",
    )
    default_actions = (NextAction.CONTINUE,)  # another code: the button that sends counts the wait down


class VerifyMaybeDoneError(AnswerLostError):
    """The answer to "check the code" was lost: the code may have been accepted."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "The server's answer was lost on the way, so the code may already have been accepted. Go on to "
        "choose the new password; if Xiaomi refuses it, ask for a new code.",
    )
    default_actions = (NextAction.CONTINUE, NextAction.NEW_CODE)


class ResetMaybeDoneError(AnswerLostError):
    """The answer to "set the new password" was lost: it may be the account's password now."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "The server's answer was lost on the way, so the new password may already be active. Try signing "
        "in with it on the phone first: if it works, go on; if not, try again.",
    )
    default_actions = (NextAction.CONTINUE, NextAction.RETRY)


class ServerError(TransportError):
    """HTTP 5xx without a usable wait time."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError", "The server has a problem right now (error {status}). Try again in a moment."
    )

    def __init__(self, status: int) -> None:
        self.status = status
        super().__init__(Message.of(_CTX, self.default_message, status=status))


class RateLimitedError(TransportError):
    """HTTP 429, or a 5xx with Retry-After: the server asks us to wait ``retry_after`` seconds."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError", "The server is busy and asks to wait {time} (minutes:seconds) before trying again."
    )
    long_message = QT_TRANSLATE_NOOP(
        "RecoveryError", "The server is busy and asks to wait {time} (hours:minutes:seconds) before trying again."
    )
    default_actions = (NextAction.WAIT,)

    def __init__(self, retry_after: float, *, tips: str = "") -> None:
        # A server may name any wait (a date in the year 9999): a day is the most anyone is told to wait.
        seconds = min(MAX_WAIT_S, max(1, round(retry_after))) if math.isfinite(retry_after) else MAX_WAIT_S
        source = self.default_message if seconds < 3600 else self.long_message
        message = Message.of(_CTX, source, time=clock_face(seconds))
        super().__init__(message, retry_after=float(seconds), tips=tips)


class CodeSentRecentlyError(RateLimitedError):
    """20024: Xiaomi sent a code a moment ago; another must wait (the one sent may still come)."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "Xiaomi sent a code a moment ago: it may still arrive (look in Spam and WhatsApp too). "
        "Another can be asked for in {time} (minutes:seconds).",
    )
    long_message = default_message


class ProtocolError(TransportError):
    """An answer this client does not understand: malformed, unprefixed, wrong type."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "The server's answer could not be understood. It may be a network login page "
        "or a change on Xiaomi's side. Try again.",
    )


class JoinCodeRefusedError(TransportError):
    """A classroom training server refused the request: its join code is missing or wrong."""

    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "This classroom training server needs its join code. Ask the trainer for the address with the code "
        "(it ends in ?code=...) and start mirecovery with it.",
    )


class TlsError(TransportError):
    default_message = QT_TRANSLATE_NOOP(
        "RecoveryError",
        "The secure connection could not be verified. The computer's date and time may be "
        "wrong, or a security program or network is intercepting connections. "
        "Check the date and time, then try again on another network.",
    )
