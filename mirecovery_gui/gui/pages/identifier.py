"""Step 1: which account. One field for an email, a phone number or a Mi account ID."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from mirecovery_gui.client.errors import (
    CaptchaError,
    NextAction,
    RecoveryError,
    UnknownAccountError,
)
from mirecovery_gui.core import flow
from mirecovery_gui.core.flow import Step, SupportReason
from mirecovery_gui.core.identifier import (
    Identifier,
    IdentifierKind,
    InvalidIdentifier,
    parse_identifier,
)
from mirecovery_gui.gui.i18n import clear_button_setter, translate
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.theme import Tone

if TYPE_CHECKING:
    from collections.abc import Callable

    from mirecovery_gui.client.results import StartResult
    from mirecovery_gui.gui.wizard import RecoveryWizard

# Shown first: where the shops using this are, and their neighbours.
PREFERRED_REGIONS = ("ID", "MY", "SG", "PH", "TH", "VN", "IN", "CN", "HK", "TW")
PROBLEM_DELAY_MS = 700
# ITU calling codes of the preferred regions: the combo's first label needs no libphonenumber.
CALLING_CODES = {"ID": 62, "MY": 60, "SG": 65, "PH": 63, "TH": 66, "VN": 84, "IN": 91, "CN": 86, "HK": 852, "TW": 886}


class CountryCombo(QComboBox):
    """Regions for local phone numbers; the full list is built when first opened."""

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("country_combo")
        # Long country names must not widen the window; the popup shows them whole.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self._filled = False
        self.addItem(self._label(region), region)

    @staticmethod
    def _label(region: str) -> str:
        code = CALLING_CODES.get(region)
        if code is None:
            # Any other region: libphonenumber knows (imported only when needed; it takes a while).
            import phonenumbers

            code = phonenumbers.country_code_for_region(region)
        territory = QLocale.codeToTerritory(region)
        name = QLocale.territoryToString(territory) if territory != QLocale.Country.AnyTerritory else region
        return f"{name} (+{code})"

    def region(self) -> str:
        return str(self.currentData())

    def fill(self) -> None:
        if self._filled:
            return
        self._filled = True
        from mirecovery_gui.core.identifier import supported_regions

        current = self.region()
        self.blockSignals(True)
        self.clear()
        regions = [code for code, _ in supported_regions()]
        preferred = [code for code in PREFERRED_REGIONS if code in regions]
        for code in preferred:
            self.addItem(self._label(code), code)
        self.insertSeparator(self.count())
        for label, code in sorted((self._label(code), code) for code in regions if code not in preferred):
            self.addItem(label, code)
        self.setCurrentIndex(max(0, self.findData(current)))
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()

    # The full list (libphonenumber, a few tens of milliseconds) is built when
    # someone comes to the box: by the mouse, Tab, or the mouse wheel.
    def focusInEvent(self, event: QFocusEvent) -> None:
        self.fill()
        super().focusInEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.fill()
        super().wheelEvent(event)


class IdentifierPage(RecoveryPage):
    step = Step.IDENTIFIER

    def __init__(self, wizard: RecoveryWizard) -> None:
        super().__init__(wizard)
        self.keep(self.set_heading, lambda: self.tr("Which account?"))
        self.keep(
            self.set_intro,
            lambda: self.tr("Type the email address, phone number or Mi account ID of the Mi Account you want back."),
        )
        self.identifier_input = QLineEdit(self)
        self.identifier_input.setObjectName("identifier_input")
        self.keep(
            self.identifier_input.setPlaceholderText, lambda: self.tr("name@gmail.com, 0812 0000 0001 or 1234567890")
        )
        self.identifier_input.setClearButtonEnabled(True)
        self.keep(clear_button_setter(self.identifier_input), lambda: self.tr("Clear"))
        self.identifier_input.setMaxLength(254)
        self.identifier_label = QLabel(self)
        self.keep(self.identifier_label.setText, lambda: self.tr("&Email, phone or Mi account ID:"))
        self.identifier_label.setBuddy(self.identifier_input)
        self.country_combo = CountryCombo(wizard.default_region, self)
        self.country_label = QLabel(self)
        self.keep(self.country_label.setText, lambda: self.tr("&Country for local numbers:"))
        self.country_label.setBuddy(self.country_combo)
        self.keep(
            self.country_combo.setToolTip,
            lambda: self.tr("Used when a phone number is typed without + and a country code."),
        )
        form = QFormLayout()
        form.addRow(self.identifier_label, self.identifier_input)
        form.addRow(self.country_label, self.country_combo)
        self.body.addLayout(form)
        # Shop mode: who the customer is, for the case log only (never sent anywhere).
        self.customer_box = QGroupBox(self)
        self.keep(self.customer_box.setTitle, lambda: self.tr("Customer (optional, for the shop's case log)"))
        self.customer_box.setObjectName("customer_box")
        customer_form = QFormLayout(self.customer_box)
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
        self.lost_everything_button = QPushButton(self)
        self.keep(self.lost_everything_button.setText, lambda: self.tr("I no longer have this email or phone number…"))
        self.lost_everything_button.setObjectName("lost_everything_button")
        self.lost_everything_button.setFlat(True)
        self.lost_everything_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.lost_everything_button.setStyleSheet("text-align: left; text-decoration: underline;")
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

    # --- input ------------------------------------------------------------------------

    def parsed(self) -> Identifier | InvalidIdentifier:
        return self._parsed

    def ready(self) -> bool:
        return isinstance(self._parsed, Identifier)

    def _on_identifier_input_text_changed(self) -> None:
        self._parsed = parse_identifier(self.identifier_input.text(), self.country_combo.region())
        self._problem_timer.stop()
        self._problem_shown = False
        if isinstance(self._parsed, Identifier):
            self._set_validation(self._recognised_text(self._parsed), ok=True)
            self.error_panel.clear()
        elif not self.identifier_input.text().strip():
            self._set_validation("", ok=True)
        else:
            # A problem shown after every keystroke would nag while typing.
            self._set_validation("", ok=True)
            self._problem_timer.start()
        self.completeChanged.emit()

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

    # --- steps ------------------------------------------------------------------------

    def initializePage(self) -> None:
        super().initializePage()
        self._on_identifier_input_text_changed()

    def validate_step(self) -> bool:
        if not isinstance(self._parsed, Identifier):
            self._show_problem()
            return False
        wizard = self.recovery()
        wizard.set_state(flow.with_identifier(wizard.state, self._parsed))
        if wizard.state.captcha_required or wizard.state.started:
            return True
        identifier = self._parsed
        self.run(
            lambda client: client.start(identifier, ""),
            self._on_started,
            name="start",
            retry=self._retry,
        )
        return False

    def _retry(self) -> None:
        self.recovery().next()

    def _on_started(self, result: StartResult) -> None:
        wizard = self.recovery()
        wizard.set_state(flow.started(wizard.state, result.options))
        self.advance()

    def handle_error(self, error: RecoveryError) -> None:
        if isinstance(error, CaptchaError):
            wizard = self.recovery()
            wizard.set_state(flow.captcha_demanded(wizard.state))
            self.advance()
            return
        super().handle_error(error)

    def error_actions(self, error: RecoveryError) -> dict[NextAction, Callable[[], None]]:
        actions = super().error_actions(error)
        if isinstance(error, UnknownAccountError):
            actions[NextAction.FIX_INPUT] = self._edit_identifier
        return actions

    def _edit_identifier(self) -> None:
        self.identifier_input.setFocus()
        self.identifier_input.selectAll()

    def _on_lost_everything_button_clicked(self) -> None:
        wizard = self.recovery()
        if isinstance(self._parsed, Identifier):
            # The support request starts from what was typed here (an account ID, an old email...).
            wizard.set_state(flow.with_identifier(wizard.state, self._parsed))
        wizard.go_support(SupportReason.CONTACTS_LOST)

    def reset(self) -> None:
        self.identifier_input.clear()
        self.customer_name_input.clear()
        self.customer_contact_input.clear()
        self._set_validation("", ok=True)

    def customer(self) -> tuple[str, str]:
        return (
            " ".join(self.customer_name_input.text().split()),
            " ".join(self.customer_contact_input.text().split()),
        )

    def focus_first(self) -> QWidget | None:
        return self.identifier_input
