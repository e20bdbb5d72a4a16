"""Step 4: type the code. Resend after the server's cooldown; wrong codes say what is left."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget, QWizard

from mirecovery_gui.client.errors import (
    CaptchaNeededError,
    CodeExpiredError,
    NextAction,
    RateLimitedError,
    RecoveryError,
    SendLimitError,
    WrongCodeError,
)
from mirecovery_gui.client.results import SendResult, VerifyResult
from mirecovery_gui.core import flow
from mirecovery_gui.core.flow import Channel, Step, SupportReason
from mirecovery_gui.core.text import clock_face
from mirecovery_gui.gui.i18n import shown
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.theme import Tone
from mirecovery_gui.gui.widgets.code_input import CodeInput
from mirecovery_gui.gui.widgets.countdown import Countdown
from mirecovery_gui.gui.widgets.error_panel import announce

if TYPE_CHECKING:
    from collections.abc import Callable

    from mirecovery_gui.gui.wizard import RecoveryWizard


class EnterCodePage(RecoveryPage):
    step = Step.ENTER_CODE

    def __init__(self, wizard: RecoveryWizard) -> None:
        super().__init__(wizard)
        self.keep(self.set_heading, lambda: self.tr("Enter the verification code"))
        self.setCommitPage(True)
        self.keep(lambda text: self.setButtonText(QWizard.WizardButton.CommitButton, text), lambda: self.tr("&Verify"))
        self.code_input = CodeInput(6, self)
        self.code_input.textChanged.connect(lambda _: self.completeChanged.emit())
        self.code_label = QLabel(self)
        self.keep(self.code_label.setText, lambda: self.tr("&Code:"))
        self.code_label.setBuddy(self.code_input)
        self.code_input.setMaximumWidth(320)
        row = QHBoxLayout()
        row.addWidget(self.code_label)
        row.addWidget(self.code_input, 1)
        row.addStretch(1)
        self.body.addLayout(row)
        self.paragraph(lambda: self.tr("Pasting works too: paste the whole message and the code is picked out."))
        self.resend_button = QPushButton(self)
        self.keep(self.resend_button.setText, lambda: self.tr("&Resend code"))
        self.resend_button.setObjectName("resend_button")
        self.resend_button.clicked.connect(self._on_resend_button_clicked)
        self.help_button = QPushButton(self)
        self.keep(self.help_button.setText, lambda: self.tr("Didn't get the code?"))
        self.help_button.setObjectName("code_help_button")
        self.help_button.setCheckable(True)
        self.help_button.toggled.connect(self._on_help_button_toggled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.help_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.help_label = self.paragraph("", "code_help_label")
        self.help_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help_label.hide()
        self._cooldown = Countdown(wizard.clock, self)
        self._cooldown.ticked.connect(self._on_cooldown_ticked)
        self._cooldown.finished.connect(self._update_resend)
        self._blocked = False  # the code was invalidated: only a new one helps

    # --- page ----------------------------------------------------------------------------

    def ready(self) -> bool:
        return self.code_input.complete() and not self._blocked

    def initializePage(self) -> None:
        super().initializePage()
        wizard = self.recovery()
        self.code_input.set_length(wizard.state.code_length)
        self.code_input.clear()
        self._blocked = False
        self._show_destination()
        self._restart_cooldown()
        # The page changed under a screen reader: say where the code went.
        announce(self.intro_label, self.intro_label.text())

    def revisited(self) -> None:
        super().revisited()
        self._show_destination()
        self._restart_cooldown()

    def retranslate(self) -> None:
        super().retranslate()
        self._show_destination()
        self._update_resend()
        if self._cooldown.running:
            self._on_cooldown_ticked(self._cooldown.remaining())

    def _show_destination(self) -> None:
        wizard = self.recovery()
        state = wizard.state
        masked = wizard.last_send.masked_contact if wizard.last_send else ""
        if not masked:
            option = state.option_for(state.channel)
            masked = option.masked if option else ""
        if state.channel is Channel.PHONE:
            text = self.tr("Xiaomi sent a {length}-digit code by SMS to {contact}.")
        else:
            text = self.tr("Xiaomi sent a {length}-digit code by email to {contact}.")
        self.set_intro(text.format(length=state.code_length, contact=shown(masked, 80)))
        faq = wizard.profile.help_urls.sms_faq if wizard.profile else ""
        self.help_label.setText(
            self.tr(
                "• Wait a minute or two: codes are sometimes slow.\n"
                "• Email: look in Spam, Promotions and Updates.\n"
                "• SMS: the SIM must be in a phone with signal; restart the phone if nothing arrives.\n"
                "• Check that the contact above is the right one; if not, go Back and choose the other.\n"
                "• Only a few codes can be sent each day. If the limit is reached, "
                "prepare a support request instead.\n"
                "• Xiaomi's help: {faq}"
            ).format(faq=faq)
        )

    def _restart_cooldown(self) -> None:
        ready_at = self.recovery().resend_ready_at
        remaining = 0.0 if ready_at is None else ready_at - self.recovery().clock.monotonic()
        if remaining > 0:
            self._cooldown.start(remaining)
        else:
            self._cooldown.stop()
        self._update_resend()

    def _on_cooldown_ticked(self, seconds: int) -> None:
        self.resend_button.setText(self.tr("Resend in {time}").format(time=clock_face(seconds)))
        self.resend_button.setAccessibleDescription(self.resend_button.text())

    def _update_resend(self) -> None:
        waiting = self._cooldown.running
        if not waiting and not self.busy:
            self.resend_button.setText(self.tr("&Resend code"))
            self.resend_button.setAccessibleDescription("")
        self.resend_button.setEnabled(not waiting and not self.busy)

    def busy_changed(self, busy: bool) -> None:
        self._update_resend()
        self.code_input.setReadOnly(busy)

    def _on_help_button_toggled(self, shown_: bool) -> None:
        self.help_label.setVisible(shown_)

    # --- verify -----------------------------------------------------------------------------

    def validate_step(self) -> bool:
        channel = self.recovery().state.channel or Channel.EMAIL
        code = self.code_input.text()
        self.run(
            lambda client: client.verify_code(channel, code),
            self._on_verified,
            name="verify",
            retry=lambda: self.recovery().next(),
        )
        return False

    def _on_verified(self, result: VerifyResult) -> None:
        wizard = self.recovery()
        wizard.set_state(flow.code_verified(wizard.state))
        self.clear_secrets()
        self.advance()

    # --- resend -------------------------------------------------------------------------------

    def _on_resend_button_clicked(self) -> None:
        channel = self.recovery().state.channel or Channel.EMAIL
        self.run(
            lambda client: client.send_code(channel),
            self._on_resent,
            button=self.resend_button,
            busy_text=self.tr("Sending…"),
            name="send",
            retry=self._on_resend_button_clicked,
        )

    def _on_resent(self, result: SendResult) -> None:
        self.recovery().code_was_sent(result)
        self._blocked = False
        self.code_input.clear()
        self.code_input.setFocus()
        self._restart_cooldown()
        self._show_destination()
        self.error_panel.show_message(
            self.tr("A new code is on its way to {contact}. Use the newest code.").format(
                contact=shown(result.masked_contact, 80)
            ),
            Tone.SUCCESS,
        )
        self.completeChanged.emit()

    def handle_error(self, error: RecoveryError) -> None:
        if isinstance(error, CaptchaNeededError):
            self.recovery().detour_to_captcha()
            return
        if isinstance(error, CodeExpiredError) or (isinstance(error, WrongCodeError) and error.attempts_left == 0):
            self._blocked = True
            self.code_input.clear()
        if isinstance(error, RateLimitedError) and error.retry_after and self.last_request == "send":
            self.recovery().resend_ready_at = self.recovery().clock.monotonic() + error.retry_after
            self._restart_cooldown()
        super().handle_error(error)
        if isinstance(error, WrongCodeError) and not self._blocked:
            self.code_input.setFocus()
            self.code_input.selectAll()
        self.completeChanged.emit()

    def error_actions(self, error: RecoveryError) -> dict[NextAction, Callable[[], None]]:
        actions = super().error_actions(error)
        actions[NextAction.NEW_CODE] = self._new_code
        if isinstance(error, SendLimitError):
            actions[NextAction.SUPPORT_REQUEST] = lambda: self.recovery().go_support(SupportReason.SEND_LIMIT)
            actions.pop(NextAction.WAIT, None)
        if isinstance(error, RateLimitedError) and self.last_request == "send":
            actions.pop(NextAction.WAIT, None)  # the resend button counts down itself
        return actions

    def _new_code(self) -> None:
        if self.resend_button.isEnabled():
            self._on_resend_button_clicked()
        else:
            self.resend_button.setFocus()

    def clear_secrets(self) -> None:
        self.code_input.clear()

    def focus_first(self) -> QWidget | None:
        return self.code_input
