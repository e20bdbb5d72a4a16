"""Step 3: where the code goes, and an explicit Send button (sending is never automatic)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QPushButton, QRadioButton, QWidget

from mirecovery_gui.client.errors import NextAction, SendLimitError
from mirecovery_gui.core.flow import Channel, Step
from mirecovery_gui.core.text import clock_face
from mirecovery_gui.gui.i18n import shown
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.widgets.countdown import Countdown
from mirecovery_gui.recovery.calls import Request

if TYPE_CHECKING:
    from mirecovery_gui.gui.pages.base import PageHost
    from mirecovery_gui.recovery.calls import Problem


class SendCodePage(RecoveryPage):
    step = Step.SEND_CODE

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
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
        self.send_code_button.setObjectName("send_code_button")
        self.send_code_button.clicked.connect(self._on_send_code_button_clicked)
        self.body.addWidget(self.send_code_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.sent_label = self.paragraph("", "sent_label")
        self.spam_hint_label = self.paragraph(
            lambda: self.tr(
                "A code by email can take a few minutes and may land in the Spam or Promotions folder. "
                "A code by SMS needs the SIM in a phone with signal (in some countries it comes by WhatsApp)."
            ),
            "spam_hint_label",
        )
        # Wakes the page up while the server's wait runs; the time left is the session's.
        self._wait = Countdown(host.clock, self)
        self._wait.ticked.connect(lambda _seconds: self.show_state())
        self._wait.finished.connect(self.show_state)

    # --- showing --------------------------------------------------------------------------

    def entered(self) -> None:
        state = self.session.state
        # An exclusive group refuses to uncheck its checked button: a new
        # recovery would show the last one's choice, with Send disabled.
        self.channel_group.blockSignals(True)
        self.channel_group.setExclusive(False)
        self.channel_sms.setChecked(state.channel is Channel.PHONE)
        self.channel_email.setChecked(state.channel is Channel.EMAIL)
        self.channel_group.setExclusive(True)
        self.channel_group.blockSignals(False)

    def show_state(self) -> None:
        session = self.session
        state = session.state
        phone = state.option_for(Channel.PHONE)
        email = state.option_for(Channel.EMAIL)
        self.channel_sms.setText(
            self.tr("S&MS to {contact}").format(contact=shown(phone.masked or "?")) if phone else ""
        )
        self.channel_email.setText(
            self.tr("&Email to {contact}").format(contact=shown(email.masked or "?")) if email else ""
        )
        self.channel_sms.setVisible(phone is not None)
        self.channel_email.setVisible(email is not None)
        self.set_intro(
            self.tr("Choose where Xiaomi sends the code, then press Send code.")
            if phone and email
            else self.tr("Press Send code and Xiaomi sends a code to the contact below.")
        )
        left, limit = session.sends_left, session.daily_limit()
        # The region's limit before the first Send: a code spent on a wrong contact is one of few.
        if limit == 5:
            rule = self.tr("Xiaomi sends at most 5 codes a day to one contact in mainland China.")
        elif limit is not None:
            rule = self.tr("Xiaomi sends at most %n code(s) a day to one contact (5 in mainland China).", "", limit)
        else:
            rule = ""
        if left is None:
            self.sends_left_label.setText(rule)
        elif left == 0:
            self.sends_left_label.setText(self.tr("No codes left today for this contact.") + " " + rule)
        else:
            self.sends_left_label.setText(self.tr("%n code(s) left today for this contact.", "", left) + " " + rule)
        wait = session.send_wait()
        if wait > 0 and not self._wait.running:
            self._wait.start(wait)
        if session.busy is Request.SEND:
            text = self.tr("Sending…")
        elif wait > 0:
            text = self.tr("Send again in {time}").format(time=clock_face(self._wait.remaining()))
        else:
            text = self.tr("Send &again") if state.code_sent else self.tr("&Send code")
        self.send_code_button.setText(text)
        self.send_code_button.setEnabled(session.can_send())
        option = state.option_for(state.channel)
        # After a lost answer the message on show says a code *may* have been sent: not this.
        if state.code_sent and option is not None and not session.offers_going_on():
            self.sent_label.setText(
                self.tr("A code was sent to {contact}. Press Next to type it.").format(contact=shown(option.masked))
            )
        else:
            self.sent_label.clear()
        self.sent_label.setVisible(bool(self.sent_label.text()))

    # --- forwarding -----------------------------------------------------------------------

    def _on_channel_group_button_toggled(self, button: QAbstractButton, checked: bool) -> None:
        if checked:
            channel = Channel.PHONE if button is self.channel_sms else Channel.EMAIL
            self.host.perform(self.session.choose_channel(channel))

    def _on_send_code_button_clicked(self) -> None:
        self.host.perform(self.session.send_code())

    def ready(self) -> bool:
        return self.session.can_go_on() or self.session.can_send()

    def main_action(self) -> None:
        # Enter (or Next) on this page gets the code: it sends one unless one was sent already.
        session = self.session
        self.host.perform(session.go_on() if session.can_go_on() else session.send_code())

    def problem_shown(self, problem: Problem) -> None:
        if isinstance(problem.error, SendLimitError):
            # Nothing more to send today: the keyboard goes to the way that is left, so Enter takes it.
            button = self.error_panel.button(NextAction.SUPPORT_REQUEST)
            if button is not None:
                button.setFocus()

    def focus_first(self) -> QWidget | None:
        if self.session.state.channel is None:
            # Two contacts and none chosen yet: the keyboard starts on the choice.
            return self.channel_sms if self.channel_sms.isVisible() else self.channel_email
        return self.send_code_button
