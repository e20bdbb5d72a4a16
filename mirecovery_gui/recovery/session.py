"""RecoverySession: one recovery from the identifier to the new password (or to Xiaomi support).

Everything the recovery knows lives here, and nowhere in the window: the
flow state (``core.flow``), the step shown and the way back, the resend and
cooldown times, the captcha picture, the problem on show and its ways
forward (``routes``), the support request being prepared, and the case being
recorded (``case_keeper``).

The user's actions are methods. Each returns the client :class:`Call` to run
(or None when nothing is to be asked of the server); whoever runs it hands
the result to :meth:`finish` or the error to :meth:`fail`, which apply it and
may return the next call. The session never runs a call itself and never
blocks: the window runs calls on a worker, a test runs them in line.

Listeners (:meth:`subscribe`) hear about every change; a page reads what it
shows from the session's attributes. Nothing here holds a password, a code
or a captcha answer beyond the call that carries it.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mirecovery_gui.client.errors import CancelledError, NextAction, RecoveryError, SendLimitError, WrongCodeError
from mirecovery_gui.core import flow
from mirecovery_gui.core.clock import Clock
from mirecovery_gui.core.flow import FINAL, CaptchaPurpose, Channel, RecoveryState, Step, SupportReason, SupportScreen
from mirecovery_gui.core.messages import QT_TRANSLATE_NOOP, Message, Tone
from mirecovery_gui.core.text import plain_text
from mirecovery_gui.recovery.calls import Call, Customer, HandOver, Notice, Problem, Request
from mirecovery_gui.recovery.case_keeper import CaseKeeper

# The support letter, the error routes and the case's storage are imported when
# first needed: the window's first page needs none of them (start-up time).
if TYPE_CHECKING:
    from mirecovery_gui.client.base import RecoveryClient
    from mirecovery_gui.client.profile import ProviderProfile
    from mirecovery_gui.client.results import CaptchaImage, QuotaResult, SendResult, StartResult, TrainingPeek
    from mirecovery_gui.core.identifier import Identifier
    from mirecovery_gui.core.support_directory import SupportContact
    from mirecovery_gui.core.support_request import SupportFacts
    from mirecovery_gui.store.cases import Case
    from mirecovery_gui.store.drafts import Draft

log = logging.getLogger(__name__)

_CTX = "RecoverySession"

# Steps Back cannot leave: the code was accepted (a commit), or the password changed.
_NO_WAY_BACK = (Step.NEW_PASSWORD, Step.DONE)
# Steps where a recovery is under way with the server.
_MID_RECOVERY = (Step.CAPTCHA, Step.SEND_CODE, Step.ENTER_CODE, Step.NEW_PASSWORD)


class RecoverySession:
    def __init__(
        self,
        clock: Clock,
        cases: CaseKeeper | None = None,
        *,
        default_region: str = "ID",
        language: str = "en",
        directory: Callable[[], list[SupportContact]] = list,
    ) -> None:
        self.clock = clock
        self.cases = cases or CaseKeeper(None, _no_settings)
        self.default_region = default_region
        self.language = language  # the app's: a new support request is written in it
        self.directory = directory
        self.profile: ProviderProfile | None = None
        self.training = False
        # A real account: Xiaomi's own page inside the wizard ("embedded", the default), or the direct
        # profile ("direct", experimental). The embedded page may be pointed at a practice site.
        self.real_account_mode = "direct"  # the app sets it from Settings, where "embedded" is the default
        self.official_url_override = ""
        self.official_hint = False  # "The code does not come" was pressed on the official page
        self._listeners: list[Callable[[], None]] = []
        self._code_key = secrets.token_bytes(16)  # for the digests of refused codes; never leaves memory
        self.epoch = 0  # moves on every step: an answer from an earlier one is dropped
        self.visit = 0  # moves whenever a step comes on show (forward, back, a new recovery)
        self.restarts = 0  # moves with every new recovery: pages clear what was typed
        self.cases_begun = 0  # moves with every new case, typed fields kept or not: the clipboard empties
        self._reset()

    def _reset(self) -> None:
        captcha_first = self.profile.captcha_required_at_start if self.profile else True
        self.state = RecoveryState(captcha_required=captcha_first)
        self.step = Step.IDENTIFIER if self.profile is not None else Step.START
        self.official_hint = False
        self._official_customer = Customer()  # typed beside Xiaomi's page (shop mode)
        self._practice_session = ""  # training: the practice page's own session, for its codes
        if self.embedded_official:
            # Xiaomi's own page is the recovery: the wizard shows it, with the guide and the outcomes.
            self.step = Step.OFFICIAL_SITE
            self.state = flow.to_official_site(self.state)
        self._trail: list[Step] = []
        self.epoch += 1
        self.visit += 1
        self.busy: Request | None = None
        self.problem: Problem | None = None
        self._retry: Callable[[], Call[Any] | None] | None = None  # what the problem's "Try again" runs
        self.notice: Notice | None = None
        self.captcha: CaptchaImage | None = None
        self.captcha_serial = 0  # a new picture
        self.sends_left: int | None = None  # codes left today for the chosen contact
        self.last_send: SendResult | None = None
        self.sent_count = 0
        self.resend_ready_at: float | None = None  # monotonic: the code page's Resend comes alive
        self.send_ready_at: float | None = None  # monotonic: the send page's Send comes alive
        self.code_blocked = False  # the code was used up; only a new one helps
        # Codes the service refused, as keyed digests (never the codes): sending one again only burns a try.
        self._rejected: set[str] = set()
        self._checking = ""
        # Steps the user went on from although their answer was lost (the code check, the new
        # password): later pages say "should" and how to make sure, not that it happened.
        self.unconfirmed: set[Request] = set()
        self.support_draft: Draft | None = None
        self.support_screen = SupportScreen.FACTS
        self._support_sent = False
        self._support_dirty = False
        self._saved_drafts: set[str] = set()  # ids written: an emptied request is written too

    # --- listening ------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after every change the session makes."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    # --- what pages read --------------------------------------------------------------------

    @property
    def provider(self) -> str:
        if self.profile is None:
            return ""
        return "training" if self.training else self.profile.id

    def hand_over(self) -> HandOver:
        """What the owner's slip names on the done page (the case number, the masked account; no secret)."""
        return self.cases.hand_over()

    def offers_going_on(self) -> bool:
        """Whether the problem on show says the step may be done already: then Next goes on, never repeats it."""
        return self.problem is not None and NextAction.CONTINUE in self.problem.actions

    def can_go_back(self) -> bool:
        if self.step is Step.LOST_EVERYTHING and self.support_screen is not SupportScreen.FACTS:
            return self.busy is None
        return bool(self._trail) and self.step not in _NO_WAY_BACK and self._trail[-1] is not Step.START

    def stopping_loses_work(self) -> bool:
        """Whether starting over now throws away something the user would want asked about first.

        A recovery under way loses its server session and what was typed; a
        support request is kept in the case database, unless nothing is recorded.
        """
        if self.busy is not None or self.step in _MID_RECOVERY:
            return True
        if self.step is Step.OFFICIAL_SITE and self.state.handoff:
            return True  # Xiaomi's page may be half done (a code sent): Cancel asks before it goes
        return self.step is Step.LOST_EVERYTHING and not self.cases.recording and self._request_typed()

    def resend_wait(self) -> float:
        """Seconds until the code page may ask for a new code (0: now)."""
        return self._wait(self.resend_ready_at)

    def daily_limit(self) -> int | None:
        """Codes a day to one contact, for the account's region (Xiaomi's help centre: 3 in 24 hours
        outside mainland China, 5 inside). The region shows in a Chinese (+86) number, typed or masked."""
        from mirecovery_gui.core.identifier import IdentifierKind

        if self.profile is None:
            return None
        numbers = [option.masked for option in self.state.options if option.channel is Channel.PHONE]
        identifier = self.state.identifier
        if identifier is not None and identifier.kind is IdentifierKind.PHONE:
            numbers.append(identifier.normalized)
        if any(number.replace(" ", "").startswith("+86") for number in numbers):
            return self.profile.daily_sends_mainland_china
        return self.profile.daily_sends

    def send_wait(self) -> float:
        """Seconds until the send page may send: a wait the server asked for, or the resend cooldown.

        Back from the code page to "Send again" is the same new code as Resend: it waits as long.
        """
        wait = self._wait(self.send_ready_at)
        if self.state.code_sent:
            wait = max(wait, self._wait(self.resend_ready_at))
        return wait

    def wait_before(self, action: NextAction) -> float:
        """Seconds until ``action`` can do anything (a cooldown): its button counts them down meanwhile."""
        if action is NextAction.NEW_CODE:
            return self.resend_wait() if self.step is Step.ENTER_CODE else self.send_wait()
        return 0.0

    def _wait(self, ready_at: float | None) -> float:
        return 0.0 if ready_at is None else max(0.0, ready_at - self.clock.monotonic())

    @property
    def support_reason(self) -> SupportReason | None:
        return self.state.support_reason

    @property
    def shop_mode(self) -> bool:
        """Whether the shop's fields (the customer) are asked for."""
        return self.cases.shop_mode

    def settings_changed(self, *, default_region: str) -> None:
        """The user changed the settings: pages show what follows from them."""
        self.default_region = default_region
        self._changed()

    # --- calls --------------------------------------------------------------------------------

    def _call(
        self,
        request: Request,
        run: Callable[[RecoveryClient], Any],
        apply: Callable[[Any], Call[Any] | None],
        *,
        blocking: bool = True,
        retry: Callable[[], Call[Any] | None] | None = None,
    ) -> Call[Any] | None:
        if blocking:
            if self.busy is not None:
                return None  # one step at a time: a double press does nothing
            self.busy = request
            self.problem = None
            self.notice = None
        call: Call[Any] = Call(request, run, apply, self.epoch, blocking, retry)
        self._changed()
        return call

    def finish(self, call: Call[Any], result: Any) -> Call[Any] | None:
        """Apply ``call``'s answer; returns the next call to run, if any."""
        if call.epoch != self.epoch:
            return None  # from before Back, Cancel or a new recovery: dropped
        if call.blocking:
            self.busy = None
        follow = call.apply(result)
        self._changed()
        return follow

    def fail(self, call: Call[Any], error: RecoveryError) -> Call[Any] | None:
        """Apply ``call``'s error: the route's effect and the problem shown; returns the next call, if any."""
        if call.epoch != self.epoch:
            return None
        if call.blocking:
            self.busy = None
        log.info("%s failed: %s", call.name, type(error).__name__)
        if not call.blocking and self.busy is not None:
            return None  # a side call (codes left) never takes the page from the step in flight
        if isinstance(error, CancelledError) or call.request is Request.PEEK:
            # Nothing to tell: cancelled on purpose, or the training phone looks again with the next code.
            self._changed()
            return None
        from mirecovery_gui.recovery.routes import RETRY_BY_PAGE, Effect, route_for, ways_forward

        if call.request is Request.VERIFY and isinstance(error, WrongCodeError) and self.sent_count > 1:
            error = error.told_after_resend()
        route = route_for(call.request, error)
        follow: Call[Any] | None = None
        show = True
        match route.effect:
            case Effect.CAPTCHA_FIRST | Effect.CAPTCHA_DETOUR:
                self.state = flow.captcha_demanded(self.state)
                follow = self._go(Step.CAPTCHA)
                show = False
            case Effect.NEW_PICTURE:
                follow = self.new_picture()
            case Effect.SEND_LIMIT:
                self.sends_left = 0
            case Effect.SEND_WAIT:
                self.send_ready_at = self.clock.monotonic() + float(error.retry_after or 0)
            case Effect.RESEND_WAIT:
                self.resend_ready_at = self.clock.monotonic() + float(error.retry_after or 0)
            case Effect.CODE_BLOCKED:
                self.code_blocked = True
            case Effect.MAYBE_SENT:
                follow = self._maybe_sent(call.request)
            case Effect.HAND_OVER:
                follow = self.go_official_site()
                show = False  # the page says why it took over
            case Effect.SHOW:
                pass
        if call.request is Request.VERIFY and isinstance(error, WrongCodeError) and self._checking:
            self._rejected.add(self._checking)
        if show:
            actions = ways_forward(route, call.request, error, on_code_page=self.step is Step.ENTER_CODE)
            self.problem = Problem(error, call.request, actions, route.support_reason, call.request in RETRY_BY_PAGE)
            self._retry = self.new_picture if route.effect is Effect.NEW_PICTURE else call.retry
        self._changed()
        return follow

    def act(self, action: NextAction) -> Call[Any] | None:
        """A way forward from the problem on show."""
        problem = self.problem
        if problem is None or action not in problem.actions:
            return None
        match action:
            case NextAction.RETRY | NextAction.WAIT:
                retry = self._retry
                self.problem = None
                self._changed()
                return retry() if retry is not None else None
            case NextAction.NEW_CAPTCHA:
                return self.new_picture()
            case NextAction.NEW_CODE:
                return self.resend()
            case NextAction.FIX_INPUT:
                # From the captcha page the identifier is a page back; elsewhere the page puts the keyboard there.
                return self.back() if self.step is Step.CAPTCHA else None
            case NextAction.START_OVER:
                self.start_over()
                return None
            case NextAction.SUPPORT_REQUEST:
                return self.go_support(problem.support_reason)
            case NextAction.OFFICIAL_SITE:
                return self.go_official_site()
            case NextAction.CONTINUE:
                return self._as_if_done(problem.request)
        return None

    # --- moving -------------------------------------------------------------------------------

    def _go(self, target: Step) -> Call[Any] | None:
        """Show ``target`` next; the captcha page of a detour leaves no trace on the way back."""
        in_detour = self.step is Step.CAPTCHA and self.state.captcha_purpose is CaptchaPurpose.SEND
        into_detour = target is Step.CAPTCHA and self.state.captcha_purpose is CaptchaPurpose.SEND
        if target in self._trail and not into_detour:
            del self._trail[self._trail.index(target) :]
        elif target is not self.step and not in_detour:
            self._trail.append(self.step)
        self.step = target
        self.state = flow.entered(self.state, target)
        return self._arrive(revisit=False)

    def _next(self) -> Call[Any] | None:
        following = flow.next_step(self.state, self.step)
        return None if following == FINAL else self._go(Step(following))

    def can_go_on(self) -> bool:
        """Whether Next may move on without asking the server (a code was sent already)."""
        return self.busy is None and self.step is Step.SEND_CODE and self.state.code_sent

    def go_on(self) -> Call[Any] | None:
        """Next on a step whose request is already done: on to typing the code sent earlier."""
        return self._next() if self.can_go_on() else None

    def back(self) -> Call[Any] | None:
        if not self.can_go_back():
            return None
        leaving = self.step
        if leaving is Step.LOST_EVERYTHING:
            self.save_support()
            earlier = self.support_screen.before()
            if earlier is not None:
                # Back within the request: the screen before, same step, nothing else changes.
                self.support_screen = earlier
                self._changed()
                return None
        self.state = flow.after_back(self.state, leaving)
        self.step = self._trail.pop()
        return self._arrive(revisit=True)

    def _arrive(self, *, revisit: bool) -> Call[Any] | None:
        self.epoch += 1
        self.visit += 1
        self.busy = None
        self.problem = None
        self.notice = None
        self._retry = None
        self.cases.entered(self.step)
        follow: Call[Any] | None = None
        if self.step is Step.CAPTCHA:
            follow = self.new_picture()  # a picture is good for one answer: a fresh one on every visit
        elif self.step is Step.SEND_CODE and not revisit:
            self.sends_left = None
            self.send_ready_at = None
            if self.state.channel is not None:
                follow = self._quota(self.state.channel)
        elif self.step is Step.ENTER_CODE and not revisit:
            self.code_blocked = False
        elif self.step is Step.LOST_EVERYTHING:
            if not revisit:
                self.support_screen = SupportScreen.FACTS
            if self.support_draft is None:
                self._new_draft(prefilled=True)
        self._changed()
        return follow

    def use_provider(self, profile: ProviderProfile, *, training: bool) -> None:
        """Work with ``profile`` from now on (the start page's choice); a new recovery begins."""
        self.profile = profile
        self.training = training
        self.start_over()

    def start_over(self) -> None:
        """A new recovery (Cancel, "Start another", the next customer): the case in hand ends."""
        self.save_support()
        self.cases.close()
        self.restarts += 1
        self.cases_begun += 1
        self._reset()
        self._changed()

    def close(self) -> None:
        """The window closes: the support request and the case are written, then nothing more."""
        self.save_support()
        self.cases.shut()
        self.epoch += 1
        self.busy = None

    # --- 1. the account -----------------------------------------------------------------------

    def _begin(self, identifier: Identifier | None, customer: Customer) -> None:
        """What the first page says goes to its case: another customer's starts a new one."""
        if self.cases.is_another_customer(identifier, customer, has_request=self._request_typed()):
            self._new_case()
        self.cases.begin(self.provider, identifier, customer)

    def _new_case(self) -> None:
        """The case in hand ends; the next one starts with nothing of it (the step on show stays)."""
        self.save_support()
        self.cases.close()
        self.state = RecoveryState(captcha_required=self.profile.captcha_required_at_start if self.profile else True)
        self.support_draft = None
        self._support_dirty = False
        self._saved_drafts.clear()
        self.cases_begun += 1

    def _request_typed(self) -> bool:
        draft = self.support_draft
        return draft is not None and (draft.id in self._saved_drafts or _typed_anything(draft.facts))

    def submit_identifier(self, identifier: Identifier, customer: Customer | None = None) -> Call[Any] | None:
        if self.busy is not None or self.profile is None:
            return None
        self._begin(identifier, customer or Customer())
        self.state = flow.with_identifier(self.state, identifier)
        self.problem = None
        if self.state.started or self.state.captcha_required:
            return self._next()
        return self._call(
            Request.START,
            lambda client: client.start(identifier, ""),
            self._on_started,
        )

    def lost_everything(self, identifier: Identifier | None, customer: Customer | None = None) -> Call[Any] | None:
        """ "I no longer have this email or phone number": the support request, from what was typed (if any)."""
        if self.busy is not None or self.profile is None:
            return None
        self._begin(identifier, customer or Customer())
        if identifier is not None:
            self.state = flow.with_identifier(self.state, identifier)
        elif self.state.identifier is not None:
            # No account typed: the request starts from nothing a cleared field once held.
            self.state = RecoveryState(captcha_required=self.state.captcha_required)
        return self.go_support(SupportReason.CONTACTS_LOST)

    # --- 2. the captcha ---------------------------------------------------------------------

    def new_picture(self) -> Call[Any] | None:
        self.captcha = None
        return self._call(
            Request.CAPTCHA, lambda client: client.fetch_captcha(), self._on_captcha, retry=self.new_picture
        )

    def _on_captcha(self, image: CaptchaImage) -> None:
        self.captcha = image
        self.captcha_serial += 1

    def answer_captcha(self, answer: str) -> Call[Any] | None:
        answer = answer.strip()
        if not answer or self.captcha is None:
            return None
        if self.state.captcha_purpose is CaptchaPurpose.SEND:
            channel = self.state.channel or Channel.EMAIL
            return self._call(
                Request.SEND_WITH_CAPTCHA,
                lambda client: client.send_code(channel, answer),
                self._on_code_sent,
                retry=self.new_picture,
            )
        identifier = self.state.identifier
        if identifier is None:
            return None
        return self._call(
            Request.START_WITH_CAPTCHA,
            lambda client: client.start(identifier, answer),
            self._on_started,
            retry=self.new_picture,
        )

    def peek(self) -> Call[Any] | None:
        """Training only: what the trainer may see (the captcha answer, the delivered messages)."""
        if not self.training:
            return None
        also = self._practice_session
        return self._call(Request.PEEK, lambda client: client.training_peek(also), _ignore_peek, blocking=False)

    def practice_session_began(self, key: str) -> None:
        """Training: the practice page got a session of its own; the training phone shows its codes too."""
        if self.training and key.isascii() and len(key) <= 100:
            self._practice_session = key

    def _on_started(self, result: StartResult) -> Call[Any] | None:
        self.captcha = None
        self.state = flow.started(self.state, result.options)
        return self._next()

    # --- 3. where the code goes ------------------------------------------------------------

    def choose_channel(self, channel: Channel) -> Call[Any] | None:
        if self.state.option_for(channel) is None:
            return None
        if self.state.channel is channel:
            return None
        self.state = flow.choose_channel(self.state, channel)
        self.sends_left = None
        self._changed()
        return self._quota(channel)

    def _quota(self, channel: Channel) -> Call[Any] | None:
        return self._call(
            Request.QUOTA,
            lambda client: client.quota(channel),
            lambda quota: self._on_quota(quota),
            blocking=False,
            retry=lambda: self._quota(channel),
        )

    def _on_quota(self, quota: QuotaResult) -> Call[Any] | None:
        if quota.channel is self.state.channel and quota.sends_left is not None:
            self.sends_left = quota.sends_left
            if quota.sends_left == 0 and self.problem is None and self.step is Step.SEND_CODE:
                # Used up before anything is sent: say so now, with the support request as the way
                # forward, rather than after a press on Send that can only be refused.
                channel = quota.channel
                sending = Call(
                    Request.SEND,
                    lambda client: client.send_code(channel),
                    self._on_code_sent,
                    self.epoch,
                    retry=self.send_code,
                )
                return self.fail(sending, SendLimitError())
        return None

    def can_send(self) -> bool:
        # No codes left today: a send would only be refused (the support way is on show instead).
        return self.busy is None and self.state.channel is not None and self.send_wait() <= 0 and self.sends_left != 0

    def send_code(self) -> Call[Any] | None:
        channel = self.state.channel
        if channel is None or not self.can_send():
            return None
        self.send_ready_at = None
        return self._call(
            Request.SEND, lambda client: client.send_code(channel), self._on_code_sent, retry=self.send_code
        )

    def _on_code_sent(self, result: SendResult) -> Call[Any] | None:
        self._record_send(result)
        self.captcha = None
        return self._next()

    def _record_send(self, result: SendResult) -> None:
        self.last_send = result
        self.sent_count += 1
        self.resend_ready_at = self.clock.monotonic() + result.resend_after_s
        if result.sends_left is not None:
            self.sends_left = result.sends_left
        self.code_blocked = False
        self._rejected.clear()
        self.state = flow.code_sent(self.state, result.channel, result.code_length)

    def _maybe_sent(self, request: Request) -> Call[Any] | None:
        """The answer to a send was lost: the code may be on its way, so it counts as sent.

        The owner can type it if it came; asking for another waits for the
        cooldown, as after any send (a second code too soon is refused, or burns
        a day's limit).
        """
        channel = self.state.channel or Channel.EMAIL
        length = self.profile.code_length if self.profile else 6
        wait = float(self.profile.resend_cooldown_s if self.profile else 60)
        now = self.clock.monotonic()
        self.state = flow.code_sent(self.state, channel, length)
        self.resend_ready_at = now + wait
        if request is Request.SEND:
            self.send_ready_at = now + wait  # the Send button counts the same wait down
        self.sent_count += 1
        self.code_blocked = False
        self._rejected.clear()
        if request is Request.SEND_WITH_CAPTCHA:
            self.captcha = None
            return self._next()  # on to the code page, where the message says what may have happened
        return None

    # --- 4. the code ------------------------------------------------------------------------

    def can_resend(self) -> bool:
        return self.busy is None and self.step is Step.ENTER_CODE and self.resend_wait() <= 0

    def resend(self) -> Call[Any] | None:
        if not self.can_resend():
            return None
        channel = self.state.channel or Channel.EMAIL
        return self._call(Request.RESEND, lambda client: client.send_code(channel), self._on_resent, retry=self.resend)

    def _on_resent(self, result: SendResult) -> None:
        self._record_send(result)
        self.notice = Notice(
            Message.of(
                _CTX,
                QT_TRANSLATE_NOOP("RecoverySession", "A new code is on its way to {contact}. Use the newest code."),
                contact=plain_text(self.masked_destination(), 80),
            ),
            Tone.SUCCESS,
        )

    def masked_destination(self) -> str:
        """Where the latest code went, masked as the server sent it."""
        if self.last_send is not None and self.last_send.masked_contact:
            return self.last_send.masked_contact
        option = self.state.option_for(self.state.channel)
        return option.masked if option is not None else ""

    def _as_if_done(self, request: Request) -> Call[Any] | None:
        """The user says the step whose answer was lost did happen (a code came, the password works)."""
        self.problem = None
        if request in (Request.VERIFY, Request.RESET):
            self.unconfirmed.add(request)
        if request is Request.VERIFY:
            self.state = flow.code_verified(self.state)
            return self._next()
        if request is Request.RESET:
            self.state = flow.password_reset(self.state)
            return self._next()
        if self.step is Step.SEND_CODE:
            return self.go_on()  # to type the code that came
        self._changed()  # on the code page already: the code goes in the field
        return None

    def was_rejected(self, code: str) -> bool:
        """Whether the service already refused this very code (sending it again would only burn a try)."""
        return bool(code) and self._digest(code) in self._rejected

    def _digest(self, code: str) -> str:
        return hmac.new(self._code_key, code.encode(), "sha256").hexdigest()

    def verify(self, code: str) -> Call[Any] | None:
        if self.code_blocked or not code or self.was_rejected(code):
            return None
        self._checking = self._digest(code)
        channel = self.state.channel or Channel.EMAIL
        return self._call(Request.VERIFY, lambda client: client.verify_code(channel, code), self._on_verified)

    def _on_verified(self, _result: object) -> Call[Any] | None:
        self.state = flow.code_verified(self.state)
        return self._next()

    # --- 5. the new password ------------------------------------------------------------------

    def reset_password(self, password: str) -> Call[Any] | None:
        if not password:
            return None
        return self._call(Request.RESET, lambda client: client.reset_password(password), self._on_reset)

    def _on_reset(self, _result: object) -> Call[Any] | None:
        self.state = flow.password_reset(self.state)
        return self._next()

    # --- detours ------------------------------------------------------------------------------

    def go_support(self, reason: SupportReason = SupportReason.CONTACTS_LOST) -> Call[Any] | None:
        """To the support request (from any step)."""
        self.state = flow.to_support(self.state, reason)
        return self._go(Step.LOST_EVERYTHING)

    def go_official_site(self) -> Call[Any] | None:
        """The live provider cannot go on: the same steps on Xiaomi's website."""
        self.state = flow.to_official_site(self.state)
        return self._go(Step.OFFICIAL_SITE)

    @property
    def official_url(self) -> str:
        """Xiaomi's own forgot-password page, for the provider in use."""
        if self.official_url_override:
            return self.official_url_override
        if self.profile is not None and self.profile.help_urls.forgot_password:
            return self.profile.help_urls.forgot_password
        return OFFICIAL_FORGOT_PASSWORD_URL

    @property
    def embedded_official(self) -> bool:
        """Whether a real account is recovered on Xiaomi's own page inside the wizard (the default)."""
        return self.profile is not None and not self.training and self.real_account_mode != "direct"

    def official_page_url(self, server: str | None) -> str:
        """The page the official step shows: Xiaomi's, or in training the practice site on ``server``."""
        if self.training and not self.official_url_override:
            if not server:
                return ""  # never Xiaomi's real page in training: the page says it cannot be shown
            from urllib.parse import parse_qs, quote

            language = "id" if self.language == "id" else "en"
            base, _, query = server.partition("?")
            code = parse_qs(query).get("code", [""])[0]
            join = f"&code={quote(code, safe='')}" if code else ""
            return f"{base.rstrip('/')}/pass/forgetPassword?lang={language}{join}"
        return self.official_url

    def practise_on_website(self) -> Call[Any] | None:
        """Training: the same recovery on the practice copy of Xiaomi's page."""
        if not self.training:
            return None
        if self.step is Step.DONE:
            # The finished recovery is its customer's case, closed as it ended: the practice is not part of it.
            self.cases.close()
        return self.go_official_site()

    def customer_typed(self) -> Customer:
        """Who the customer in hand is, as typed on an earlier page (shop mode; empty otherwise)."""
        return self.cases.customer if self.cases.shop_mode else Customer()

    def official_customer(self, customer: Customer) -> None:
        """Shop mode: who the customer at Xiaomi's page is, as typed beside it. With a name or a contact
        the case is recorded (in progress until an outcome is said; "stopped" if none is)."""
        if not self.cases.shop_mode:
            return
        self._official_customer = customer
        self.cases.set_customer(customer)
        typed = customer.cleaned()
        if typed.name or typed.contact:
            self.cases.begin(self.provider, None, customer)
            self.cases.opened_at(Step.OFFICIAL_SITE)

    def _record_official(self) -> None:
        """A case for what happened on Xiaomi's page, with the provider it ran on and the customer typed
        beside it (no account: the app never reads the page)."""
        self.cases.begin(self.provider, None, self._official_customer)
        self.cases.opened_at(Step.OFFICIAL_SITE)

    def official_worked(self) -> Call[Any] | None:
        """ "It worked" on the official page: the owner set the new password there."""
        self.official_hint = False
        self._record_official()
        return self._go(Step.DONE)

    def official_code_missing(self) -> None:
        """ "The code does not come": the page shows what to try, and the support way."""
        from mirecovery_gui.store.cases import Outcome

        self.official_hint = True
        self._record_official()
        self.cases.record_outcome(Outcome.CODE_NOT_RECEIVED)
        self._changed()

    def official_no_contact(self) -> Call[Any] | None:
        """ "No email or phone any more": the support request is the way back."""
        self._record_official()
        return self.go_support(SupportReason.CONTACTS_LOST)

    # --- the support request --------------------------------------------------------------------

    def _new_draft(self, *, prefilled: bool) -> None:
        from mirecovery_gui.core.identifier import IdentifierKind
        from mirecovery_gui.core.support_request import ShopChecklist, SupportFacts
        from mirecovery_gui.store.drafts import Draft

        # "Checked by" is the staff member at this desk (Settings), to change if someone else checked.
        facts = SupportFacts(country=self.default_region, checklist=ShopChecklist(checked_by=self.cases.staff_name))
        identifier = self.state.identifier
        if prefilled and identifier is not None:
            # What the first page already knows: an account ID, an old email or phone.
            if identifier.kind is IdentifierKind.ACCOUNT_ID:
                facts = replace(facts, account_id=identifier.normalized)
            elif identifier.kind is IdentifierKind.EMAIL:
                facts = replace(facts, old_email=identifier.display)
            else:
                facts = replace(facts, old_phone=identifier.display)
        self.support_draft = Draft(facts, language=self.language)
        self._support_dirty = False
        self._support_sent = False

    def edit_support(self, facts: SupportFacts, language: str, destination: str) -> None:
        """What the support page shows now; written by :meth:`save_support` (the page saves after a pause)."""
        draft = self.support_draft
        if draft is None:
            return
        if (draft.facts, draft.language, draft.destination) != (facts, language, destination):
            draft.facts, draft.language, draft.destination = facts, language, destination
            self._support_dirty = True

    def save_support(self) -> None:
        """Write the support request (and what the case takes from it) if it changed and holds anything."""
        draft = self.support_draft
        if draft is None or not self._support_dirty:
            return
        facts = draft.facts
        if not _typed_anything(facts) and draft.id not in self._saved_drafts:
            return
        self._support_dirty = False
        self.cases.save_draft(draft)
        self._saved_drafts.add(draft.id)

    def support_forward(self) -> bool:
        """Next on the support request: the following screen; False on the last one (nothing to move to)."""
        later = self.support_screen.after()
        if self.step is not Step.LOST_EVERYTHING or later is None:
            return False
        self.save_support()
        self.support_screen = later
        self._changed()
        return True

    def finish_support(self) -> None:
        """Finish on the last screen: the request stays among the saved ones, the next customer begins."""
        self.start_over()

    @property
    def support_handed_over_yet(self) -> bool:
        """Whether the request in hand was copied, mailed, saved or printed (now, or when it was begun)."""
        if self._support_sent:
            return True
        case = self.cases.case
        return case is not None and case.outcome is not None and case.outcome.value == "support_request"

    def support_handed_over(self) -> None:
        """Copied, mailed, saved as PDF or printed: the request is on its way."""
        self._support_sent = True
        self._support_dirty = True
        self.save_support()
        self.cases.handed_over()
        self._changed()

    def new_support_request(self) -> None:
        """Another owner's request: the case in hand ends, a new one starts with an empty request."""
        self._switch_case(None)
        self._new_draft(prefilled=False)
        self.support_screen = SupportScreen.FACTS
        self.cases.entered(Step.LOST_EVERYTHING)
        self._changed()

    def _switch_case(self, case: Case | None) -> None:
        """On the support page, from the case in hand to ``case`` (None: a new one)."""
        self.save_support()
        if case is not None:
            self.cases.adopt(case, "reopened")
        else:
            self.cases.close()
            self.cases.begin(self.provider, None, Customer())
        # The recovery state was the last case's; only the reason for being here stays.
        self.state = replace(
            RecoveryState(captcha_required=self.state.captcha_required), support_reason=self.support_reason
        )
        self.restarts += 1
        self.cases_begun += 1
        self.epoch += 1
        self.busy = None
        self.problem = None
        self.notice = None

    def saved_requests(self) -> list[Draft]:
        """The request in hand, then earlier ones to reopen, newest first."""
        current = self.support_draft
        earlier = [draft for draft in self.cases.recent_drafts() if current is None or draft.id != current.id]
        earlier.sort(key=lambda d: d.updated_at or d.created_at, reverse=True)
        return ([current] if current is not None else []) + earlier

    def open_saved_request(self, draft_id: str) -> None:
        """Go on with an earlier request: it comes back with the case it belongs to."""
        if self.support_draft is not None and self.support_draft.id == draft_id:
            return
        self.save_support()
        draft = self.cases.load_draft(draft_id)
        if draft is None:
            return
        self._switch_case(self.cases.case_of_draft(draft_id))
        self.support_draft = draft
        self.support_screen = SupportScreen.FACTS
        self._support_sent = False
        self._support_dirty = False
        self._saved_drafts.add(draft.id)
        self.notice = _reopened(draft)
        self._changed()

    # --- the case --------------------------------------------------------------------------------

    def interrupted_case(self) -> Case | None:
        """A case an earlier session left open (after a crash), to offer going on with it."""
        return self.cases.interrupted()

    def resume(self, case: Case) -> Call[Any] | None:
        """Go on with an interrupted case: only what needs no secret comes back.

        The case is read again first: deleted or closed meanwhile (History, Delete
        all, another window), there is nothing to go on with.
        """
        from mirecovery_gui.store.cases import Outcome

        fresh = self.cases.reload(case.id)
        if fresh is None or fresh.outcome is not Outcome.OPEN:
            return None
        self.start_over()
        self.cases.adopt(fresh, "resumed")
        draft = self.cases.load_draft(fresh.draft_id) if fresh.draft_id else None
        follow: Call[Any] | None = None
        if draft is not None:
            self.support_draft = draft
            self._saved_drafts.add(draft.id)
            follow = self.go_support(SupportReason.CONTACTS_LOST)
            self.notice = _reopened(draft)
        else:
            self.notice = Notice(
                Message.of(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        "RecoverySession",
                        "Type the email, phone number or Mi account ID again ({masked}): only a masked form was "
                        "kept, and codes or captchas are never kept. The case continues.",
                    ),
                    masked=fresh.identifier_masked or "-",
                )
            )
        self._changed()
        return follow

    def abandon(self, case: Case) -> None:
        """Close an interrupted case without going on with it."""
        self.cases.abandon(case)

    def changed_elsewhere(
        self, case_id: str, taken: Sequence[tuple[str, Any]], sent: Sequence[tuple[str, Any]]
    ) -> bool:
        """Another desk changed the case too: what was kept of theirs, the case in hand takes. True when in hand."""
        changed = self.cases.catch_up(case_id, taken, sent)
        if changed:
            self._changed()  # the pages show the customer as the case now has it
        return changed

    def forget(self, case_ids: list[str] | None = None) -> None:
        """The user deletes these cases (None: all): the one in hand ends, unwritten, and a new recovery begins."""
        current = self.cases.case
        if case_ids is not None and (current is None or current.id not in case_ids):
            return
        self.cases.discard()
        self.support_draft = None  # erased with its case: never saved again
        self.restarts += 1
        self.cases_begun += 1
        self._reset()
        self._changed()


OFFICIAL_FORGOT_PASSWORD_URL = "https://account.xiaomi.com/pass/forgetPassword"


def _typed_anything(facts: SupportFacts) -> bool:
    """Whether the user typed anything on the request (the country comes preset: it does not count)."""
    typed = (value for name, value in vars(facts).items() if name not in ("country", "checklist"))
    return any(str(value).strip() for value in typed) or facts.checklist.used


def _reopened(draft: Draft) -> Notice:
    when = (draft.updated_at or draft.created_at)[:16].replace("T", " ")
    return Notice(
        Message.of(_CTX, QT_TRANSLATE_NOOP("RecoverySession", "The request saved on {date} is open again."), date=when)
    )


def _ignore_peek(_peek: TrainingPeek) -> None:
    """The peek's answer is for the training panel that asked; the recovery does not change."""


def _no_settings() -> Any:
    from mirecovery_gui.store.settings import Settings

    return Settings(record_cases=False)
