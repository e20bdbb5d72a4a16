"""Step 3: where the code goes, and an explicit Send button (sending is never automatic)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QPushButton, QRadioButton, QWidget

from mirecovery_gui.client.errors import (
    CaptchaNeededError,
    NextAction,
    RateLimitedError,
    RecoveryError,
    SendLimitError,
)
from mirecovery_gui.client.results import QuotaResult, SendResult
from mirecovery_gui.core import flow
from mirecovery_gui.core.flow import Channel, Step, SupportReason
from mirecovery_gui.core.text import clock_face
from mirecovery_gui.gui.i18n import shown
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.widgets.countdown import Countdown

if TYPE_CHECKING:
    from collections.abc import Callable

    from mirecovery_gui.gui.wizard import RecoveryWizard


class SendCodePage(RecoveryPage):
    step = Step.SEND_CODE

    def __init__(self, wizard: RecoveryWizard) -> None:
        super().__init__(wizard)
        self.keep(self.set_heading, lambda: self.tr("Get a verification code"))
        self.channel_sms = QRadioButton(self)
        self.channel_sms.setObjectName("channel_sms")
        self.channel_email = QRadioButton(self)
        self.channel_email.setObjectName("channel_email")
        self.channel_group = QButtonGroup(self)
        self.channel_group.addButton(self.channel_sms)
        self.channel_group.addButton(self.channel_email)
        self.channel_group.buttonToggled.connect(self._on_channel_group_button_toggled)
        self.body.addWidget(self.channel_sms)
        self.body.addWidget(self.channel_email)
        self.sends_left_label = self.paragraph("", "sends_left_label")
        self.send_code_button = QPushButton(self)
        self.keep(self.send_code_button.setText, lambda: self.tr("&Send code"))
        self.send_code_button.setObjectName("send_code_button")
        self.send_code_button.setDefault(True)
        self.send_code_button.clicked.connect(self._on_send_code_button_clicked)
        self.body.addWidget(self.send_code_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.sent_label = self.paragraph("", "sent_label")
        self.spam_hint_label = self.paragraph(
            lambda: self.tr(
                "A code by email can take a few minutes and may land in the Spam or Promotions folder. "
                "A code by SMS needs the SIM in a phone with signal."
            ),
            "spam_hint_label",
        )
        self._sends_left: int | None = None
        self._wait = Countdown(wizard.clock, self)
        self._wait.ticked.connect(self._on_wait_ticked)
        self._wait.finished.connect(self._update_controls)

    # --- state -------------------------------------------------------------------------

    def selected_channel(self) -> Channel | None:
        # isVisibleTo: the page itself may not be on screen yet (initializePage).
        if self.channel_sms.isChecked() and self.channel_sms.isVisibleTo(self):
            return Channel.PHONE
        if self.channel_email.isChecked() and self.channel_email.isVisibleTo(self):
            return Channel.EMAIL
        return self.recovery().state.channel

    def ready(self) -> bool:
        return self.recovery().state.code_sent

    def _channel_texts(self) -> None:
        state = self.recovery().state
        phone = state.option_for(Channel.PHONE)
        email = state.option_for(Channel.EMAIL)
        self.channel_sms.setText(
            self.tr("S&MS to {contact}").format(contact=shown(phone.masked or "?")) if phone else ""
        )
        self.channel_email.setText(
            self.tr("&Email to {contact}").format(contact=shown(email.masked or "?")) if email else ""
        )
        self.set_intro(
            self.tr("Choose where Xiaomi sends the code, then press Send code.")
            if phone and email
            else self.tr("Press Send code and Xiaomi sends a code to the contact below.")
        )

    def initializePage(self) -> None:
        super().initializePage()
        state = self.recovery().state
        phone = state.option_for(Channel.PHONE)
        email = state.option_for(Channel.EMAIL)
        self.channel_group.blockSignals(True)
        self._channel_texts()
        self.channel_sms.setVisible(phone is not None)
        self.channel_email.setVisible(email is not None)
        # An exclusive group refuses to uncheck its checked button: a new
        # recovery would show the last one's choice, with Send disabled.
        self.channel_group.setExclusive(False)
        self.channel_sms.setChecked(state.channel is Channel.PHONE)
        self.channel_email.setChecked(state.channel is Channel.EMAIL)
        self.channel_group.setExclusive(True)
        self.channel_group.blockSignals(False)
        self._sends_left = None
        self._show_sends_left()
        self._update_controls()
        if state.channel is not None:
            self._load_quota(state.channel)

    def revisited(self) -> None:
        super().revisited()
        self._update_controls()

    def retranslate(self) -> None:
        super().retranslate()
        self._channel_texts()
        self._show_sends_left()
        self._update_controls()
        if self._wait.running:
            self._on_wait_ticked(self._wait.remaining())

    def _on_channel_group_button_toggled(self, button: QRadioButton, checked: bool) -> None:
        if not checked:
            return
        channel = Channel.PHONE if button is self.channel_sms else Channel.EMAIL
        wizard = self.recovery()
        wizard.set_state(flow.choose_channel(wizard.state, channel))
        self._sends_left = None
        self._show_sends_left()
        self._update_controls()
        self._load_quota(channel)

    def _load_quota(self, channel: Channel) -> None:
        if self.busy:
            return
        self.run(
            lambda client: client.quota(channel),
            self._on_quota,
            name="quota",
            retry=lambda: self._load_quota(channel),
        )

    def _on_quota(self, quota: QuotaResult) -> None:
        if quota.channel is not self.selected_channel() or quota.sends_left is None:
            return
        self._sends_left = quota.sends_left
        self._show_sends_left()

    def _show_sends_left(self) -> None:
        left = self._sends_left
        if left is None:
            self.sends_left_label.clear()
        elif left == 0:
            self.sends_left_label.setText(self.tr("No codes left today for this contact."))
        else:
            self.sends_left_label.setText(self.tr("%n code(s) left today for this contact.", "", left))

    # --- sending -------------------------------------------------------------------------

    def _on_send_code_button_clicked(self) -> None:
        channel = self.selected_channel()
        if channel is None:
            return
        self.run(
            lambda client: client.send_code(channel),
            self._on_code_sent,
            button=self.send_code_button,
            busy_text=self.tr("Sending…"),
            name="send",
            retry=self._on_send_code_button_clicked,
        )

    def _on_code_sent(self, result: SendResult) -> None:
        self.recovery().code_was_sent(result)
        self.advance()

    def handle_error(self, error: RecoveryError) -> None:
        if isinstance(error, CaptchaNeededError):
            self.recovery().detour_to_captcha()
            return
        super().handle_error(error)
        if isinstance(error, RateLimitedError) and error.retry_after:
            self._wait.start(error.retry_after)
            self._update_controls()
        if isinstance(error, SendLimitError):
            self._sends_left = 0
            self._show_sends_left()

    def error_actions(self, error: RecoveryError) -> dict[NextAction, Callable[[], None]]:
        actions = super().error_actions(error)
        if isinstance(error, SendLimitError):
            actions[NextAction.SUPPORT_REQUEST] = lambda: self.recovery().go_support(SupportReason.SEND_LIMIT)
            actions.pop(NextAction.WAIT, None)  # the wait is 24 hours: nothing to press
        if isinstance(error, RateLimitedError) and self.last_request == "send":
            actions.pop(NextAction.WAIT, None)  # the Send button counts down itself
        return actions

    def busy_changed(self, busy: bool) -> None:
        self._update_controls()

    def _on_wait_ticked(self, seconds: int) -> None:
        self.send_code_button.setText(self.tr("Send again in {time}").format(time=clock_face(seconds)))

    def _update_controls(self) -> None:
        state = self.recovery().state
        waiting = self._wait.running
        if not waiting and not self.busy:
            self.send_code_button.setText(self.tr("Send &again") if state.code_sent else self.tr("&Send code"))
        self.send_code_button.setEnabled(not self.busy and not waiting and self.selected_channel() is not None)
        option = state.option_for(state.channel)
        if state.code_sent and option is not None:
            self.sent_label.setText(
                self.tr("A code was sent to {contact}. Press Next to type it.").format(contact=shown(option.masked))
            )
        else:
            self.sent_label.clear()
        self.sent_label.setVisible(bool(self.sent_label.text()))
        self.completeChanged.emit()

    def focus_first(self) -> QWidget | None:
        return self.send_code_button
