"""What the session hands to the window and gets back: client calls, problems and notices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from mirecovery_gui.client.errors import NextAction, RecoveryError
from mirecovery_gui.core.flow import SupportReason
from mirecovery_gui.core.messages import Message, Tone

if TYPE_CHECKING:
    from mirecovery_gui.client.base import RecoveryClient

T = TypeVar("T")


class Request(Enum):
    """The client calls a recovery makes, named as the case and the routes know them."""

    CAPTCHA = "captcha"  # a new picture
    START = "start"  # the identifier alone (the provider asks no captcha first)
    START_WITH_CAPTCHA = "start_with_captcha"
    QUOTA = "quota"  # codes left today
    SEND = "send"  # from the send page
    SEND_WITH_CAPTCHA = "send_with_captcha"  # a captcha the service wanted before sending
    RESEND = "resend"  # from the code page
    VERIFY = "verify"
    RESET = "reset"
    PEEK = "peek"  # training: the captcha answer and the delivered messages


@dataclass(eq=False)
class Call(Generic[T]):
    """One client call: ``run`` on a worker thread, then :meth:`RecoverySession.finish` or ``fail``.

    ``blocking`` calls make the page busy (one at a time); the others (codes
    left, the training phone) run beside them. ``epoch`` ties the call to the
    session's moment: after Back, Cancel or a new recovery its answer is dropped.
    """

    request: Request
    run: Callable[[RecoveryClient], T]
    apply: Callable[[T], Call[Any] | None]
    epoch: int
    blocking: bool = True
    retry: Callable[[], Call[Any] | None] | None = None  # what "Try again" runs, when the session can

    @property
    def name(self) -> str:
        return self.request.value


@dataclass(frozen=True, eq=False)
class Problem:
    """An error as the page shows it: the message, and the ways forward this step can take."""

    error: RecoveryError
    request: Request
    actions: tuple[NextAction, ...]
    support_reason: SupportReason = SupportReason.CONTACTS_LOST
    retry_by_page: bool = False  # "Try again" repeats the page's main action (it needs what was typed)


@dataclass(frozen=True, eq=False)
class Notice:
    """Good or neutral news for the page ("a new code is on its way")."""

    message: Message
    tone: Tone = Tone.INFO


@dataclass(frozen=True)
class Customer:
    """Who the shop is helping (shop mode), for the case log only; never sent anywhere."""

    name: str = ""
    contact: str = ""

    def cleaned(self) -> Customer:
        return Customer(" ".join(self.name.split())[:100], " ".join(self.contact.split())[:100])


@dataclass(frozen=True)
class HandOver:
    """What the owner's hand-over slip names: never the password, never a code."""

    case_number: str  # "" when nothing is recorded
    account: str  # the account, masked as the case keeps it
    staff: str  # who helped, in shop mode
