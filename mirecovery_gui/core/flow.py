"""The recovery flow as a pure state machine.

The recovery session (``recovery/session.py``) never decides where to go by
itself: after every answer it asks :func:`next_step` with the current
:class:`RecoveryState`, and Back asks :func:`after_back` what the step being
left takes with it.

Main line::

    IDENTIFIER -> CAPTCHA (when required) -> SEND_CODE -> ENTER_CODE
               -> NEW_PASSWORD -> DONE

Branches to the support request (LOST_EVERYTHING): the user says the contacts
are lost, the account has nothing bound, the daily send limit is reached and
the user chooses support. A live provider that cannot go on hands over to the
official website (OFFICIAL_SITE). A captcha demanded later (87001 on a send)
detours through CAPTCHA and comes back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum, IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mirecovery_gui.core.identifier import Identifier


class Step(IntEnum):
    START = 0
    IDENTIFIER = 1
    CAPTCHA = 2
    SEND_CODE = 3
    ENTER_CODE = 4
    NEW_PASSWORD = 5
    DONE = 6
    LOST_EVERYTHING = 7
    OFFICIAL_SITE = 8


FINAL = -1
"""What :func:`next_step` returns on a last page: there is no next step."""


class Channel(Enum):
    PHONE = "phone"
    EMAIL = "email"


@dataclass(frozen=True)
class ContactOption:
    """A way to receive the code, with the contact masked exactly as the server sent it."""

    channel: Channel
    masked: str


class SupportReason(Enum):
    CONTACTS_LOST = "contacts_lost"
    NOTHING_BOUND = "nothing_bound"
    SEND_LIMIT = "send_limit"
    RESTRICTED = "restricted"  # Xiaomi paused recovery for the account or the network


class SupportScreen(Enum):
    """The support request, one short task per screen (the wizard's Back and Next move between them).

    A plain Enum (not an int): a step list mixes these with :class:`Step` keys.
    """

    FACTS = "facts"  # the account, the phone, the owner
    PROOF = "proof"  # how ownership was checked, and the photos to add
    SEND = "send"  # review, where it goes, and hand it over

    @property
    def index(self) -> int:
        return list(SupportScreen).index(self)

    def after(self) -> SupportScreen | None:
        screens = list(SupportScreen)
        return screens[self.index + 1] if self.index + 1 < len(screens) else None

    def before(self) -> SupportScreen | None:
        return list(SupportScreen)[self.index - 1] if self.index > 0 else None


class CaptchaPurpose(Enum):
    """What the answer on the captcha page is for."""

    START = "start"
    SEND = "send"


@dataclass(frozen=True)
class RecoveryState:
    """Everything the flow knows. Holds no secret: no password, code or captcha answer."""

    identifier: Identifier | None = None
    captcha_required: bool = True
    captcha_purpose: CaptchaPurpose = CaptchaPurpose.START
    started: bool = False
    options: tuple[ContactOption, ...] = ()
    channel: Channel | None = None
    code_sent: bool = False
    code_length: int = 6
    code_verified: bool = False
    password_reset: bool = False
    support_reason: SupportReason | None = None
    handoff: bool = False

    @property
    def nothing_bound(self) -> bool:
        return self.started and not self.options

    def option_for(self, channel: Channel | None) -> ContactOption | None:
        return next((option for option in self.options if option.channel is channel), None)


def next_step(state: RecoveryState, current: Step) -> int:
    """The step after ``current`` given ``state``; :data:`FINAL` on a last page.

    The session asks once a step's request has succeeded (or needs none).
    """
    if current in (Step.DONE, Step.LOST_EVERYTHING):
        return FINAL
    if current is Step.OFFICIAL_SITE:
        return Step.LOST_EVERYTHING if state.support_reason else FINAL
    if state.support_reason is not None:
        return Step.LOST_EVERYTHING
    if state.handoff:
        return Step.OFFICIAL_SITE
    detour = state.captcha_purpose is CaptchaPurpose.SEND
    if current is Step.START:
        return Step.IDENTIFIER
    if current is Step.IDENTIFIER:
        if not state.started:
            return Step.CAPTCHA if state.captcha_required else Step.SEND_CODE
        return Step.SEND_CODE
    if current is Step.CAPTCHA:
        return Step.ENTER_CODE if detour else Step.SEND_CODE
    if current is Step.SEND_CODE:
        return Step.CAPTCHA if detour else Step.ENTER_CODE
    if current is Step.ENTER_CODE:
        return Step.CAPTCHA if detour else Step.NEW_PASSWORD
    if current is Step.NEW_PASSWORD:
        return Step.DONE
    return FINAL


def entered(state: RecoveryState, step: Step) -> RecoveryState:
    """What arriving at ``step`` (moving forward) changes: reaching ENTER_CODE ends a detour."""
    if step is Step.ENTER_CODE and state.captcha_purpose is CaptchaPurpose.SEND:
        return replace(state, captcha_purpose=CaptchaPurpose.START)
    return state


def after_back(state: RecoveryState, leaving: Step) -> RecoveryState:
    """What going Back from ``leaving`` drops.

    * From CAPTCHA: a pending detour ends (the answer itself lives only in the
      page's field, which the page clears).
    * From SEND_CODE: the server session. A captcha answer is single-use, so
      going back means starting again; the contacts, channel and sent code go.
    * From ENTER_CODE: nothing but the typed code (page side): the sent code
      stays valid and its resend countdown keeps running.
    * From LOST_EVERYTHING or OFFICIAL_SITE: the detour, so the main line can go on.
    """
    if leaving is Step.CAPTCHA:
        return replace(state, captcha_purpose=CaptchaPurpose.START)
    if leaving is Step.SEND_CODE:
        return replace(
            state,
            started=False,
            options=(),
            channel=None,
            code_sent=False,
            captcha_purpose=CaptchaPurpose.START,
        )
    if leaving in (Step.LOST_EVERYTHING, Step.OFFICIAL_SITE):
        return replace(state, support_reason=None, handoff=False)
    return state


def with_identifier(state: RecoveryState, identifier: Identifier) -> RecoveryState:
    """A new identifier starts a new recovery (keeping whether a captcha is needed first)."""
    if state.identifier == identifier and state.started:
        return state
    return RecoveryState(identifier=identifier, captcha_required=state.captcha_required)


def captcha_demanded(state: RecoveryState) -> RecoveryState:
    """The server wants a captcha (87001): before starting, or before it sends a code."""
    if not state.started:
        return replace(state, captcha_required=True, captcha_purpose=CaptchaPurpose.START)
    return replace(state, captcha_purpose=CaptchaPurpose.SEND)


def started(state: RecoveryState, options: tuple[ContactOption, ...]) -> RecoveryState:
    """The server accepted the identifier (and captcha) and listed where codes can go."""
    channel = options[0].channel if len(options) == 1 else None
    return replace(
        state,
        started=True,
        options=options,
        channel=channel,
        support_reason=SupportReason.NOTHING_BOUND if not options else None,
    )


def code_sent(state: RecoveryState, channel: Channel, code_length: int) -> RecoveryState:
    """A code is on its way; a captcha detour (if any) ends when ENTER_CODE is reached."""
    return replace(state, channel=channel, code_sent=True, code_length=code_length)


def code_verified(state: RecoveryState) -> RecoveryState:
    return replace(state, code_verified=True)


def password_reset(state: RecoveryState) -> RecoveryState:
    return replace(state, password_reset=True)


def to_support(state: RecoveryState, reason: SupportReason) -> RecoveryState:
    return replace(state, support_reason=reason)


def to_official_site(state: RecoveryState) -> RecoveryState:
    return replace(state, handoff=True)


def choose_channel(state: RecoveryState, channel: Channel) -> RecoveryState:
    """Switching to the other contact: a code sent to the first one no longer counts."""
    if state.channel is channel:
        return state
    return replace(state, channel=channel, code_sent=False)
