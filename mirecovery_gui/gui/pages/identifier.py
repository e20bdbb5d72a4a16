"""Step 1: which account. One field for an email, a phone number or a Mi account ID."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from mirecovery_gui.client.errors import NextAction
from mirecovery_gui.core.flow import Step
from mirecovery_gui.core.identifier import (
    Identifier,
    IdentifierKind,
    InvalidIdentifier,
    parse_identifier,
)
from mirecovery_gui.gui.i18n import clear_button_setter, translate
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.theme import Tone
from mirecovery_gui.gui.widgets.country_combo import CountryCombo
from mirecovery_gui.gui.widgets.link_button import LinkButton
from mirecovery_gui.recovery.calls import Customer, Request

if TYPE_CHECKING:
    from mirecovery_gui.gui.pages.base import PageHost
    from mirecovery_gui.recovery.calls import Problem

PROBLEM_DELAY_MS = 700


class IdentifierPage(RecoveryPage):
    step = Step.IDENTIFIER

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.keep(self.set_heading, lambda: self.tr("Which account?"))
        self.keep(
            self.set_intro,
            lambda: self.tr("Type the email address, phone number or Mi account ID of the Mi Account you want back."),
        )
        self.identifier_input = QLineEdit(self)
        self.identifier_input.setObjectName("identifier_input")
        self.keep(
            self.identifier_input.setPlaceholderText,
            lambda: self.tr("e.g. name@example.com, 0812 0000 0000 or 1234567890"),
        )
        self.identifier_input.setClearButtonEnabled(True)
        self.keep(clear_button_setter(self.identifier_input), lambda: self.tr("Clear"))
        self.identifier_input.setMaxLength(254)
        self.identifier_label = QLabel(self)
        self.keep(self.identifier_label.setText, lambda: self.tr("&Email, phone or Mi account ID:"))
        self.identifier_label.setBuddy(self.identifier_input)
        self.country_combo = CountryCombo(self.session.default_region, self)
        self.country_label = QLabel(self)
        self.keep(self.country_label.setText, lambda: self.tr("&Country for local numbers:"))
        self.country_label.setBuddy(self.country_combo)
        self.keep(
            self.country_combo.setToolTip,
            lambda: self.tr("Used when a phone number is typed without + and a country code."),
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.identifier_label, self.identifier_input)
        form.addRow(self.country_label, self.country_combo)
        self.body.addLayout(form)
        # Shop mode: who the customer is, for the case log only (never sent anywhere).
        self.customer_box = QGroupBox(self)
        self.keep(self.customer_box.setTitle, lambda: self.tr("Customer (optional, for the shop's case log)"))
        self.customer_box.setObjectName("customer_box")
        customer_form = QFormLayout(self.customer_box)
        customer_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.customer_name_input = QLineEdit(self)
        self.customer_name_input.setObjectName("customer_name_input")
        self.customer_name_input.setMaxLength(100)
        self.customer_contact_input = QLineEdit(self)
        self.customer_contact_input.setObjectName("customer_contact_input")
        self.customer_contact_input.setMaxLength(100)
        self.keep(self.customer_contact_input.setPlaceholderText, lambda: self.tr("phone or email to call them back"))
        name_label = QLabel(self)
        self.keep(name_label.setText, lambda: self.tr("Customer &name:"))
        name_label.setBuddy(self.customer_name_input)
        contact_label = QLabel(self)
        self.keep(contact_label.setText, lambda: self.tr("Customer con&tact:"))
        contact_label.setBuddy(self.customer_contact_input)
        customer_form.addRow(name_label, self.customer_name_input)
        customer_form.addRow(contact_label, self.customer_contact_input)
        self.customer_box.setVisible(False)
        self.validation_label = self.paragraph("", "validation_label")
        self.paragraph(
            lambda: self.tr(
                "Where to find it: the email or number the customer used to sign in. "
                "The Mi account ID is shown on the locked phone's screen and in Xiaomi's emails."
            )
        )
        self.lost_everything_button = LinkButton(self)
        self.keep(self.lost_everything_button.setText, lambda: self.tr("I no longer have this email or phone number…"))
        self.lost_everything_button.setObjectName("lost_everything_button")
        self.lost_everything_button.clicked.connect(self._on_lost_everything_button_clicked)
        self.body.addWidget(self.lost_everything_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.customer_box)
        self._problem_timer = QTimer(self)
        self._problem_timer.setSingleShot(True)
        self._problem_timer.setInterval(PROBLEM_DELAY_MS)
        self._problem_timer.timeout.connect(self._show_problem)
        self.identifier_input.textChanged.connect(self._on_identifier_input_text_changed)
        self.identifier_input.editingFinished.connect(self._show_problem)
        self.country_combo.currentIndexChanged.connect(lambda _: self._on_identifier_input_text_changed())
        self._parsed: Identifier | InvalidIdentifier = parse_identifier("")
        self._problem_shown = False
        self._region = self.session.default_region

    def show_state(self) -> None:
        session = self.session
        # The customer's name and contact are asked for in shop mode only.
        self.customer_box.setVisible(session.shop_mode)
        if session.default_region != self._region:
            # The settings changed the default country: an untouched field follows.
            self._region = session.default_region
            if not self.identifier_input.text().strip() and self.country_combo.region() != self._region:
                self.country_combo.fill()
                self.country_combo.setCurrentIndex(max(0, self.country_combo.findData(self._region)))

    # --- input ------------------------------------------------------------------------

    def ready(self) -> bool:
        return isinstance(self._parsed, Identifier)

    def _on_identifier_input_text_changed(self) -> None:
        self._parsed = parse_identifier(self.identifier_input.text(), self.country_combo.region())
        self._problem_timer.stop()
        self._problem_shown = False
        if isinstance(self._parsed, Identifier):
            self._set_validation(self._recognised_text(self._parsed), ok=True)
            self.error_panel.clear()
        else:
            # A problem shown after every keystroke would nag while typing.
            self._set_validation("", ok=True)
            if self.identifier_input.text().strip():
                self._problem_timer.start()
        self.host.input_changed()

    def _show_problem(self) -> None:
        if isinstance(self._parsed, InvalidIdentifier) and self.identifier_input.text().strip():
            self._set_validation(translate(self._parsed.message), ok=False)
            self._problem_shown = True

    def retranslate(self) -> None:
        super().retranslate()
        shown_before = self._problem_shown
        self._on_identifier_input_text_changed()
        if shown_before:
            self._show_problem()

    def _recognised_text(self, identifier: Identifier) -> str:
        if identifier.kind is IdentifierKind.EMAIL:
            return self.tr("✓ Email address")
        if identifier.kind is IdentifierKind.PHONE:
            return self.tr("✓ Phone number: {number}").format(number=identifier.display)
        return self.tr("✓ Mi account ID")

    def _set_validation(self, text: str, *, ok: bool) -> None:
        self.validation_label.setText(text if ok or not text else "✗ " + text)
        self.validation_label.setProperty("ok", ok)
        self.validation_label.set_tone(None if not text else Tone.SUCCESS if ok else Tone.ERROR)
        self.identifier_input.setAccessibleDescription(text)

    # --- forwarding -------------------------------------------------------------------------

    def customer(self) -> Customer:
        """The customer fields as typed (the session keeps them in shop mode only)."""
        return Customer(self.customer_name_input.text(), self.customer_contact_input.text())

    def main_action(self) -> None:
        if not isinstance(self._parsed, Identifier):
            self._show_problem()
            return
        self.host.perform(self.session.submit_identifier(self._parsed, self.customer()))

    def _on_lost_everything_button_clicked(self) -> None:
        # The support request starts from what was typed here (an account ID, an old email...), if anything.
        identifier = self._parsed if isinstance(self._parsed, Identifier) else None
        self.host.perform(self.session.lost_everything(identifier, self.customer()))

    def problem_shown(self, problem: Problem) -> None:
        if problem.request is Request.START and NextAction.FIX_INPUT in problem.actions:
            self._edit_identifier()

    def after_action(self, action: NextAction) -> None:
        if action is NextAction.FIX_INPUT:
            self._edit_identifier()

    def _edit_identifier(self) -> None:
        self.identifier_input.setFocus()
        self.identifier_input.selectAll()

    def entered(self) -> None:
        self._on_identifier_input_text_changed()

    def reset(self) -> None:
        super().reset()
        self.identifier_input.clear()
        self.customer_name_input.clear()
        self.customer_contact_input.clear()
        self._set_validation("", ok=True)

    def focus_first(self) -> QWidget | None:
        return self.identifier_input
