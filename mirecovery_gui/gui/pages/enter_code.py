"""Step 4: type the code. Resend after the server's cooldown; wrong codes say what is left."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from mirecovery_gui.client.errors import NextAction, WrongCodeError
from mirecovery_gui.core.flow import Channel, Step
from mirecovery_gui.core.text import clock_face
from mirecovery_gui.gui.i18n import shown
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.theme import Tone
from mirecovery_gui.gui.widgets.code_input import CodeInput
from mirecovery_gui.gui.widgets.countdown import Countdown
from mirecovery_gui.gui.widgets.error_panel import announce
from mirecovery_gui.gui.widgets.flow_layout import flow_row
from mirecovery_gui.recovery.calls import Request

if TYPE_CHECKING:
    from mirecovery_gui.gui.pages.base import PageHost
    from mirecovery_gui.recovery.calls import Problem


class EnterCodePage(RecoveryPage):
    step = Step.ENTER_CODE

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.keep(self.set_heading, lambda: self.tr("Enter the verification code"))
        self.code_input = CodeInput(6, self)
        self.code_input.textChanged.connect(self._on_code_input_text_changed)
        self.code_label = QLabel(self)
        self.keep(self.code_label.setText, lambda: self.tr("&Code:"))
        self.code_label.setBuddy(self.code_input)
        self.code_input.setMaximumWidth(320)
        row = QHBoxLayout()
        row.addWidget(self.code_label)
        row.addWidget(self.code_input, 1)
        row.addStretch(1)
        self.body.addLayout(row)
        # Verify stays off for a code Xiaomi already refused (it would only burn a try): say why.
        self.refused_label = self.paragraph(
            lambda: self.tr(
                "Xiaomi already refused this code. Check the digits, or type the code from the newest message."
            ),
            "code_refused_label",
        )
        self.refused_label.set_tone(Tone.WARNING)
        self.refused_label.hide()
        self.paragraph(lambda: self.tr("Pasting works too: paste the whole message and the code is picked out."))
        self.resend_button = QPushButton(self)
        self.resend_button.setObjectName("resend_button")
        self.resend_button.clicked.connect(self._on_resend_button_clicked)
        self.help_button = QPushButton(self)
        self.keep(self.help_button.setText, lambda: self.tr("Didn't get the code?"))
        self.help_button.setObjectName("code_help_button")
        self.help_button.setCheckable(True)
        self.help_button.toggled.connect(self._on_help_button_toggled)
        self.body.addWidget(flow_row(self, self.resend_button, self.help_button))
        self.help_label = self.paragraph("", "code_help_label")
        # Our own words and Xiaomi's help address (from the provider profile): markup for the link only.
        self.help_label.setTextFormat(Qt.TextFormat.RichText)
        self.help_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.help_label.linkActivated.connect(lambda url: self.host.open_url(url))
        self.help_label.hide()
        # Wakes the page up while the cooldown runs; the time left is the session's.
        self._cooldown = Countdown(host.clock, self)
        self._cooldown.ticked.connect(lambda _seconds: self.show_state())
        self._cooldown.finished.connect(self.show_state)
        self._sent_count = -1

    # --- showing ----------------------------------------------------------------------------

    def entered(self) -> None:
        self.code_input.clear()
        self.show_state()
        # The page changed under a screen reader: say where the code went.
        announce(self.intro_label, self.intro_label.text())

    def show_state(self) -> None:
        session = self.session
        state = session.state
        if session.sent_count != self._sent_count:
            # A new code went out: the old one is no use any more.
            if self._sent_count >= 0:
                self.code_input.clear()
                self.code_input.setFocus()
            self._sent_count = session.sent_count
        if self.code_input.length != state.code_length:
            self.code_input.set_length(state.code_length)
        self.code_input.setReadOnly(session.busy is not None)
        masked = shown(session.masked_destination(), 80)
        if state.channel is Channel.PHONE:
            text = self.tr("Xiaomi sent a {length}-digit code by SMS to {contact}.")
        else:
            text = self.tr("Xiaomi sent a {length}-digit code by email to {contact}.")
        self.set_intro(text.format(length=state.code_length, contact=masked))
        faq = session.profile.help_urls.sms_faq if session.profile else ""
        tips = self.tr(
            "Wait a minute or two: codes are sometimes slow.\n"
            "Email: look in Spam, Promotions and Updates.\n"
            "SMS: the SIM must be in a phone with signal; restart the phone if nothing arrives. In some "
            "countries Xiaomi sends the code by WhatsApp instead: look there too.\n"
            "Check that the contact above is the right one; if not, go Back and choose the other.\n"
            "Xiaomi sends at most 3 codes a day to one contact (5 in mainland China). When they are used up, "
            "try again tomorrow or prepare a support request."
        )
        items = "".join(f"<li>{html.escape(line)}</li>" for line in tips.splitlines() if line.strip())
        if faq:
            # Outside the f-string: the catalogue's extractor does not look inside one.
            name = self.tr("Xiaomi's help: the code did not arrive")
            link = f"<a href='{html.escape(faq, quote=True)}'>{html.escape(name)}</a>"
            items += f"<li>{link}</li>"
        self.help_label.setText(f"<ul style='margin-left: 12px; -qt-list-indent: 0'>{items}</ul>")
        wait = session.resend_wait()
        if wait > 0 and not self._cooldown.running:
            self._cooldown.start(wait)
        elif wait <= 0 and self._cooldown.running:
            self._cooldown.stop()
        if session.busy is Request.RESEND:
            self.resend_button.setText(self.tr("Sending…"))
            self.resend_button.setAccessibleDescription("")
        elif wait > 0:
            self.resend_button.setText(self.tr("Resend in {time}").format(time=clock_face(self._cooldown.remaining())))
            self.resend_button.setAccessibleDescription(self.resend_button.text())
        else:
            self.resend_button.setText(self.tr("&Resend code"))
            self.resend_button.setAccessibleDescription("")
        self.resend_button.setEnabled(session.can_resend())
        self._show_refused()

    def problem_shown(self, problem: Problem) -> None:
        if self.session.code_blocked:
            self.code_input.clear()
        elif isinstance(problem.error, WrongCodeError):
            self.code_input.setFocus()
            self.code_input.selectAll()

    def _on_help_button_toggled(self, shown_: bool) -> None:
        self.help_label.setVisible(shown_)

    def _on_code_input_text_changed(self, _code: str) -> None:
        self._show_refused()
        self.host.input_changed()

    def _show_refused(self) -> None:
        code = self.code_input.text()
        self.refused_label.setVisible(self.code_input.complete() and self.session.was_rejected(code))

    # --- forwarding ---------------------------------------------------------------------------

    def ready(self) -> bool:
        code = self.code_input.text()
        return self.code_input.complete() and not self.session.code_blocked and not self.session.was_rejected(code)

    def next_text(self) -> str:
        return self.tr("&Verify")

    def main_action(self) -> None:
        self.host.perform(self.session.verify(self.code_input.text()))

    def _on_resend_button_clicked(self) -> None:
        self.host.perform(self.session.resend())

    def after_action(self, action: NextAction) -> None:
        if action is NextAction.NEW_CODE and not self.session.can_resend():
            self.resend_button.setFocus()  # the cooldown is still running: its button counts it down
        elif action is NextAction.FIX_INPUT:
            self.code_input.setFocus()
            self.code_input.selectAll()

    def clear_secrets(self) -> None:
        self.code_input.clear()

    def reset(self) -> None:
        super().reset()
        self.help_button.setChecked(False)  # the next customer starts without the last one's tips open

    def focus_first(self) -> QWidget | None:
        return self.code_input
