"""Step 5: the new password, with Xiaomi's rules as a live checklist and a strength meter."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mirecovery_gui.client.errors import NextAction, PasswordRejectedError
from mirecovery_gui.core.flow import Step
from mirecovery_gui.core.password import (
    PasswordPolicy,
    Rule,
    RuleResult,
    check_password,
    estimate_strength,
    suggest_password,
)
from mirecovery_gui.core.text import clock_face
from mirecovery_gui.gui import dialogs
from mirecovery_gui.gui.i18n import label_setter, translate
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.theme import Tone, ToneLabel
from mirecovery_gui.gui.widgets.countdown import Countdown
from mirecovery_gui.gui.widgets.flow_layout import flow_row
from mirecovery_gui.gui.widgets.password_field import PasswordField
from mirecovery_gui.gui.widgets.strength_meter import StrengthMeter
from mirecovery_gui.recovery.calls import Request

if TYPE_CHECKING:
    from mirecovery_gui.gui.pages.base import PageHost
    from mirecovery_gui.recovery.calls import Problem


class NewPasswordPage(RecoveryPage):
    step = Step.NEW_PASSWORD

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.keep(self.set_heading, lambda: self.tr("Choose a new password"))
        self.keep(self.set_intro, self._intro)
        self.new_password = PasswordField("new_password_input", "show_password_button", self)
        self.confirm_password = PasswordField("confirm_password_input", None, self)
        self.new_password_input = self.new_password.line_edit
        self.confirm_password_input = self.confirm_password.line_edit
        assert self.new_password.show_button is not None
        self.show_password_button = self.new_password.show_button
        self.show_password_button.toggled.connect(self.confirm_password.set_revealed)
        new_label = QLabel(self)
        self.keep(label_setter(new_label, self.new_password_input), lambda: self.tr("&New password:"))
        confirm_label = QLabel(self)
        self.keep(label_setter(confirm_label, self.confirm_password_input), lambda: self.tr("&Type it again:"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(new_label, self.new_password)
        form.addRow(confirm_label, self.confirm_password)
        self.body.addLayout(form)
        self.suggest_password_button = QPushButton(self)
        self.suggest_password_button.setObjectName("suggest_password_button")
        self.keep(self.suggest_password_button.setText, lambda: self.tr("Su&ggest a strong password"))
        self.suggest_password_button.clicked.connect(self._on_suggest_password_button_clicked)
        self.copy_password_button = QPushButton(self)
        self.copy_password_button.setObjectName("copy_password_button")
        self.keep(self.copy_password_button.setText, lambda: self.tr("C&opy the password"))
        self.copy_password_button.clicked.connect(self._on_copy_password_button_clicked)
        self.copy_password_button.setEnabled(False)
        self.body.addWidget(flow_row(self, self.suggest_password_button, self.copy_password_button))
        # Tab from the password goes to typing it again, then to Show and the buttons: the order the eye
        # reads the task in.
        chain = [
            self.new_password_input,
            self.confirm_password_input,
            self.show_password_button,
            self.suggest_password_button,
            self.copy_password_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.clipboard_label = self.paragraph("", "clipboard_label")
        self.clipboard_label.hide()
        self._clipboard_ticker = Countdown(host.clock, self)
        self._clipboard_ticker.ticked.connect(self._show_clipboard_note)
        host.secret_clipboard.cleared.connect(self._on_secret_clipboard_cleared)
        self.match_label = self.paragraph("", "match_label")
        self.strength_meter = StrengthMeter(self)
        self.body.addWidget(self.strength_meter)
        self.rules_box = QWidget(self)
        self.rules_box.setObjectName("password_rules")
        self.rules_layout = QVBoxLayout(self.rules_box)
        self.rules_layout.setContentsMargins(0, 0, 0, 0)
        self.rules_layout.setSpacing(2)
        self.rules_title = QLabel(self.rules_box)
        self.keep(self.rules_title.setText, lambda: self.tr("Xiaomi's rules:"))
        self.rules_layout.addWidget(self.rules_title)
        self.rule_labels: dict[Rule, ToneLabel] = {}
        self.body.addWidget(self.rules_box)
        self.new_password.text_changed.connect(self._on_password_text_changed)
        self.confirm_password.text_changed.connect(self._on_password_text_changed)
        self._results: list[RuleResult] = []
        self._suggested: str | None = None  # what Suggest put in the fields, until the page is left
        self._suggestion_copied = False

    # --- checks ----------------------------------------------------------------------------

    def policy(self) -> PasswordPolicy:
        profile = self.session.profile
        return profile.password_policy if profile else PasswordPolicy()

    def identifiers(self) -> list[str]:
        identifier = self.session.state.identifier
        if identifier is None:
            return []
        return [identifier.normalized, identifier.display]

    def _on_password_text_changed(self, _text: str = "") -> None:
        password = self.new_password.text()
        self._results = check_password(self.policy(), password, self.identifiers())
        for result in self._results:
            label = self.rule_labels.get(result.rule)
            if label is None:
                label = ToneLabel(self.rules_box)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
                label.setObjectName(f"rule_{result.rule.value}")
                self.rule_labels[result.rule] = label
                self.rules_layout.addWidget(label)
            # A mark and words, not colour alone.
            mark = "✓" if result.passed else "✗" if password else "•"
            text = f"{mark} {translate(result.message)}"
            label.set_tone(Tone.SUCCESS if result.passed else Tone.ERROR if password else None)
            if label.text() != text:
                label.setText(text)
                label.setAccessibleDescription(self.tr("met") if result.passed else self.tr("not met yet"))
        # The same identifiers as the checklist: the meter warns exactly when NOT_IDENTIFIER fails.
        self.strength_meter.set_strength(estimate_strength(password, self.identifiers()) if password else None)
        confirm = self.confirm_password.text()
        if not confirm:
            match = ""
        elif confirm == password:
            match = self.tr("✓ The two passwords match.")
        else:
            match = self.tr("✗ The two passwords do not match yet.")
        self.match_label.set_tone(None if not confirm else Tone.SUCCESS if confirm == password else Tone.ERROR)
        if self.match_label.text() != match:
            self.match_label.setText(match)
        self.copy_password_button.setEnabled(bool(password) and self.session.busy is None)
        self.host.input_changed()

    # --- suggesting and copying ------------------------------------------------------------

    def _on_suggest_password_button_clicked(self) -> None:
        password = suggest_password(self.policy(), self.identifiers())
        self._suggested, self._suggestion_copied = password, False
        self.new_password_input.setText(password)
        self.confirm_password_input.setText(password)
        # Shown, so the owner can read it and write it down before it is gone.
        self.show_password_button.setChecked(True)
        # Away from Suggest: Enter now resets with this password instead of replacing the one written down.
        self.confirm_password_input.setFocus()
        self.confirm_password_input.end(False)

    def _on_copy_password_button_clicked(self) -> None:
        password = self.new_password.text()
        if not password:
            return
        clipboard = self.host.secret_clipboard
        clipboard.copy(password)
        self._suggestion_copied = True
        self._clipboard_ticker.start(clipboard.seconds_left())

    def _show_clipboard_note(self, seconds: int) -> None:
        if seconds <= 0:
            return
        self.clipboard_label.setText(
            self.tr("Copied. Paste it on the phone now: it leaves the clipboard in {time}.").format(
                time=clock_face(seconds)
            )
        )
        self.clipboard_label.show()

    def _on_secret_clipboard_cleared(self) -> None:
        self._clipboard_ticker.stop()
        self.clipboard_label.hide()

    def retranslate(self) -> None:
        super().retranslate()
        self._on_password_text_changed()
        if self._clipboard_ticker.running:
            self._show_clipboard_note(self._clipboard_ticker.remaining())

    def ready(self) -> bool:
        password = self.new_password.text()
        return (
            bool(password)
            and all(result.passed for result in self._results)
            and self.confirm_password.text() == password
        )

    def _intro(self) -> str:
        if Request.VERIFY in self.session.unconfirmed:
            return self.tr(
                "If Xiaomi accepted the code, choose the new password now. If the new password is refused, "
                "ask for a new code."
            )
        return self.tr("The code was right. Now choose the new password for the Mi Account.")

    def entered(self) -> None:
        self.clear_secrets()
        self.set_intro(self._intro())
        self._on_password_text_changed()

    def show_state(self) -> None:
        busy = self.session.busy is not None
        self.new_password.setEnabled(not busy)
        self.confirm_password.setEnabled(not busy)
        self.suggest_password_button.setEnabled(not busy)
        self.copy_password_button.setEnabled(not busy and bool(self.new_password.text()))

    # --- forwarding ----------------------------------------------------------------------------

    def next_text(self) -> str:
        return self.tr("&Reset password")

    def main_action(self) -> None:
        password = self.new_password.text()
        if (
            password == self._suggested
            and not self._suggestion_copied
            and not dialogs.ask(
                self,
                self.tr("Reset with the suggested password?"),
                self.tr(
                    "Has the owner written it down? It is in the field now; once it is set, mirecovery cannot "
                    "show it again."
                ),
                self.tr("&Reset password"),
                self.tr("&Not yet"),
            )
        ):
            self._edit_password()
            return
        self.host.perform(self.session.reset_password(password))

    def problem_shown(self, problem: Problem) -> None:
        if isinstance(problem.error, PasswordRejectedError):
            self._edit_password()

    def after_action(self, action: NextAction) -> None:
        if action is NextAction.FIX_INPUT:
            self._edit_password()

    def _edit_password(self) -> None:
        self.new_password_input.setFocus()
        self.new_password_input.selectAll()

    def clear_secrets(self) -> None:
        self._suggested, self._suggestion_copied = None, False
        self.new_password.clear()
        self.confirm_password.clear()
        self.show_password_button.setChecked(False)

    def focus_first(self) -> QWidget | None:
        return self.new_password_input
