"""When the email and the phone are gone: a complete request to Xiaomi support.

The page collects the facts support needs (account ID, IMEI, device, proof of
purchase, a contact the owner can read), checks each as it is typed, and
hands the request over as text, a mail draft, a PDF, a printout and a QR code
the owner scans to send it from their own phone. The draft is saved in the
case database as the user types, so a crash or a closed window loses nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui.core.flow import Step, SupportReason
from mirecovery_gui.core.identifier import IdentifierKind
from mirecovery_gui.core.support_directory import Channel as ContactChannel
from mirecovery_gui.core.support_directory import SupportContact, for_region
from mirecovery_gui.core.support_request import (
    MAILTO_MAX,
    QR_MAX,
    ComposedRequest,
    Field,
    ShopChecklist,
    SupportFacts,
    check_field,
    compose,
    mail_link,
    missing_recommended,
    validate,
)
from mirecovery_gui.gui.i18n import shown, translate
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.pages.identifier import CountryCombo
from mirecovery_gui.gui.theme import Tone, ToneLabel
from mirecovery_gui.gui.widgets.qr_view import QrView

if TYPE_CHECKING:
    from mirecovery_gui.gui.wizard import RecoveryWizard
    from mirecovery_gui.store.drafts import Draft

log = logging.getLogger(__name__)

AUTOSAVE_MS = 600
PROBLEM_DELAY_MS = 700


def compact_combo(combo: QComboBox, characters: int = 18) -> None:
    """A combo box whose long entries do not widen the window (the popup still shows them whole)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)


class LostEverythingPage(RecoveryPage):
    step = Step.LOST_EVERYTHING

    draft_saved = Signal(object)  # Draft: the case log takes the device and the checklist
    handed_over = Signal()  # copied, mailed, saved or printed

    def __init__(self, wizard: RecoveryWizard) -> None:
        super().__init__(wizard)
        self.keep(self.set_heading, lambda: self.tr("Ask Xiaomi support"))
        self.setFinalPage(True)
        self.close_button_text()
        self.reason_label = self.paragraph("", "support_reason_label")
        self.inputs: dict[Field, QLineEdit | QPlainTextEdit] = {}
        self.problem_labels: dict[Field, QLabel] = {}
        self.draft: Draft | None = None
        # Drafts saved this session: their writes may still be queued, so the
        # list merges them with what the database returns.
        self._session_drafts: dict[str, Draft] = {}
        self._restored_once = False
        self._loading = False
        self._directory: list[SupportContact] = []
        self.request: ComposedRequest | None = None

        drafts_row = QHBoxLayout()
        self.drafts_combo = QComboBox(self)
        self.drafts_combo.setObjectName("drafts_combo")
        self.keep(self.drafts_combo.setAccessibleName, lambda: self.tr("Saved requests"))
        self.drafts_combo.activated.connect(self._on_drafts_combo_activated)
        compact_combo(self.drafts_combo)
        self.new_draft_button = QPushButton(self)
        self.keep(self.new_draft_button.setText, lambda: self.tr("&New request"))
        self.new_draft_button.setObjectName("new_draft_button")
        self.new_draft_button.clicked.connect(self._on_new_draft_button_clicked)
        drafts_label = QLabel(self)
        self.keep(drafts_label.setText, lambda: self.tr("Sa&ved requests:"))
        drafts_label.setBuddy(self.drafts_combo)
        drafts_row.addWidget(drafts_label)
        drafts_row.addWidget(self.drafts_combo, 1)
        drafts_row.addWidget(self.new_draft_button)
        self.body.addLayout(drafts_row)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("support_tabs")
        self._hints: dict[Field, Callable[[], str]] = {}
        self.tabs.addTab(self._build_details_tab(), "")
        self.tabs.addTab(self._build_send_tab(), "")
        self.keep(lambda text: self.tabs.setTabText(0, text), lambda: self.tr("1. &Details"))
        self.keep(lambda text: self.tabs.setTabText(1, text), lambda: self.tr("2. &Send"))
        self.tabs.currentChanged.connect(lambda _: self._refresh_request())
        self.body.addWidget(self.tabs, 1)

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.save_draft)
        self._problem_timer = QTimer(self)
        self._problem_timer.setSingleShot(True)
        self._problem_timer.setInterval(PROBLEM_DELAY_MS)
        self._problem_timer.timeout.connect(self._show_all_problems)
        # Composing the letter and its QR code costs tens of milliseconds: not per
        # keystroke, only once typing pauses (and at once when the Send tab opens).
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(250)
        self._refresh_timer.timeout.connect(self._refresh_request)

    # --- building --------------------------------------------------------------------------

    def _line(
        self,
        form: QFormLayout,
        which: Field,
        label: Callable[[], str],
        placeholder: str | Callable[[], str] = "",
        hint: Callable[[], str] | None = None,
    ) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"support_{which.value}_input")
        if callable(placeholder):
            self.keep(edit.setPlaceholderText, placeholder)
        else:
            edit.setPlaceholderText(placeholder)
        self._register(form, which, label, edit, hint)
        return edit

    def _register(
        self,
        form: QFormLayout,
        which: Field,
        label: Callable[[], str],
        edit: QLineEdit | QPlainTextEdit,
        hint: Callable[[], str] | None,
    ) -> None:
        title = QLabel(self)
        self.keep(title.setText, label)
        title.setBuddy(edit)
        problem = ToneLabel(self, Tone.ERROR)  # with the ✗ mark: not colour alone
        problem.setObjectName(f"support_{which.value}_problem")
        problem.setTextFormat(Qt.TextFormat.PlainText)
        problem.setWordWrap(True)
        problem.hide()
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(edit)
        if hint is not None:
            hint_label = QLabel(self)
            self.keep(hint_label.setText, hint)
            hint_label.setWordWrap(True)
            hint_label.setTextFormat(Qt.TextFormat.PlainText)
            hint_font = hint_label.font()
            hint_font.setPointSizeF(hint_font.pointSizeF() * 0.92)
            hint_label.setFont(hint_font)  # smaller, but full contrast: it is read, not decoration
            column.addWidget(hint_label)
            self._hints[which] = hint
        column.addWidget(problem)
        form.addRow(title, column)
        self.inputs[which] = edit
        self.problem_labels[which] = problem
        if isinstance(edit, QLineEdit):
            edit.textChanged.connect(lambda _text, w=which: self._on_field_changed(w))
            edit.editingFinished.connect(lambda w=which: self._show_problem(w))
        else:
            edit.textChanged.connect(lambda w=which: self._on_field_changed(w))

    def _group(self, title: Callable[[], str]) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(self)
        self.keep(box.setTitle, title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def _build_details_tab(self) -> QWidget:
        content = QWidget(self)
        layout = QVBoxLayout(content)
        account, form = self._group(lambda: self.tr("The account"))
        self._line(
            form,
            Field.ACCOUNT_ID,
            lambda: self.tr("Mi &account ID: *"),
            "1234567890",
            lambda: self.tr(
                "Shown on the locked phone's screen, in old emails from Xiaomi, and on the box of a "
                "phone bought with the account."
            ),
        )
        self._line(form, Field.OLD_EMAIL, lambda: self.tr("Old &email:"), lambda: self.tr("if the owner remembers it"))
        self._line(
            form, Field.OLD_PHONE, lambda: self.tr("Old phone n&umber:"), lambda: self.tr("if the owner remembers it")
        )
        layout.addWidget(account)

        phone, form = self._group(lambda: self.tr("The phone"))
        self._line(
            form,
            Field.IMEI,
            lambda: self.tr("&IMEI 1: *"),
            "490154203237518",
            lambda: self.tr("Dial *#06# on the phone, or read the label on the box or the SIM tray."),
        )
        self._line(form, Field.IMEI2, lambda: self.tr("IMEI &2:"), lambda: self.tr("dual-SIM phones have a second one"))
        self._line(form, Field.MODEL, lambda: self.tr("&Model:"), "Redmi Note 12")
        self._line(form, Field.SERIAL, lambda: self.tr("Se&rial number:"), lambda: self.tr("on the box label"))
        self._line(form, Field.PURCHASE_DATE, lambda: self.tr("&Purchase date:"), "2024-03-15")
        self._line(form, Field.PURCHASE_SHOP, lambda: self.tr("Bou&ght at:"), lambda: self.tr("shop name and town"))
        layout.addWidget(phone)

        owner, form = self._group(lambda: self.tr("The owner"))
        self._line(form, Field.OWNER_NAME, lambda: self.tr("&Owner's name:"))
        self.country_combo = CountryCombo(self.recovery().default_region, self)
        self.country_combo.setObjectName("support_country_combo")
        country_label = QLabel(self)
        self.keep(country_label.setText, lambda: self.tr("Countr&y/region:"))
        country_label.setBuddy(self.country_combo)
        form.addRow(country_label, self.country_combo)
        self.country_combo.currentIndexChanged.connect(lambda _: self._on_field_changed(Field.COUNTRY))
        self._line(
            form,
            Field.CONTACT_EMAIL,
            lambda: self.tr("Con&tact email:"),
            "name@gmail.com",
            lambda: self.tr("An address the owner can read now: Xiaomi answers there."),
        )
        self._line(form, Field.CONTACT_PHONE, lambda: self.tr("Contact &phone:"), "0812 3456 7890")
        layout.addWidget(owner)

        story, form = self._group(lambda: self.tr("What happened"))
        description = QPlainTextEdit(self)
        description.setObjectName("support_description_input")
        description.setTabChangesFocus(True)
        self.keep(
            description.setPlaceholderText,
            lambda: self.tr(
                "For example: the SIM was lost and the old email was closed; the phone asks for the Mi Account."
            ),
        )
        description.setMaximumHeight(90)
        self._register(form, Field.DESCRIPTION, lambda: self.tr("Descr&iption:"), description, None)
        layout.addWidget(story)

        self.checklist_box = QGroupBox(self)

        self.keep(self.checklist_box.setTitle, lambda: self.tr("Shop checklist (for staff, optional)"))
        self.checklist_box.setObjectName("shop_checklist")
        self.checklist_box.setCheckable(True)
        self.checklist_box.setChecked(False)
        checks = QVBoxLayout(self.checklist_box)
        self.proof_checkbox = QCheckBox(self)
        self.keep(self.proof_checkbox.setText, lambda: self.tr("Proof of purchase seen (invoice or receipt)"))
        self.proof_checkbox.setObjectName("check_proof_of_purchase")
        self.box_imei_checkbox = QCheckBox(self)
        self.keep(self.box_imei_checkbox.setText, lambda: self.tr("The IMEI on the box matches the phone (*#06#)"))
        self.box_imei_checkbox.setObjectName("check_box_imei")
        self.identity_checkbox = QCheckBox(self)
        self.keep(self.identity_checkbox.setText, lambda: self.tr("Owner's identity checked (ID card)"))
        self.identity_checkbox.setObjectName("check_identity")
        self.checked_by_input = QLineEdit(self)
        self.checked_by_input.setObjectName("check_by_input")
        self.keep(self.checked_by_input.setPlaceholderText, lambda: self.tr("Staff name"))
        self.checked_by_input.setMaxLength(100)
        by_row = QHBoxLayout()
        by_label = QLabel(self)
        self.keep(by_label.setText, lambda: self.tr("Checked b&y:"))
        by_label.setBuddy(self.checked_by_input)
        by_row.addWidget(by_label)
        by_row.addWidget(self.checked_by_input, 1)
        for box in (self.proof_checkbox, self.box_imei_checkbox, self.identity_checkbox):
            checks.addWidget(box)
            box.toggled.connect(lambda _checked: self._on_field_changed(None))
        checks.addLayout(by_row)
        self.checklist_box.toggled.connect(lambda _checked: self._on_field_changed(None))
        self.checked_by_input.textChanged.connect(lambda _text: self._on_field_changed(None))
        layout.addWidget(self.checklist_box)
        layout.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setObjectName("support_details_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    def _build_send_tab(self) -> QWidget:
        tab = QWidget(self)
        # Two columns: what to read on the left, the QR code and the actions on the
        # right, so the page still fits a 1366x768 screen beside the training phone.
        columns = QHBoxLayout(tab)
        layout = QVBoxLayout()
        columns.addLayout(layout, 1)
        form = QFormLayout()
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("request_language_combo")
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("Bahasa Indonesia", "id")
        self.language_combo.currentIndexChanged.connect(lambda _: self._on_field_changed(None))
        language_label = QLabel(self)
        self.keep(language_label.setText, lambda: self.tr("Lan&guage of the request:"))
        language_label.setBuddy(self.language_combo)
        form.addRow(language_label, self.language_combo)
        self.destination_combo = QComboBox(self)
        self.destination_combo.setObjectName("destination_combo")
        self.destination_combo.currentIndexChanged.connect(lambda _: self._on_destination_changed())
        compact_combo(self.destination_combo)
        destination_label = QLabel(self)
        self.keep(destination_label.setText, lambda: self.tr("Send &to:"))
        destination_label.setBuddy(self.destination_combo)
        form.addRow(destination_label, self.destination_combo)
        layout.addLayout(form)
        self.destination_note = QLabel(self)
        self.destination_note.setObjectName("destination_note")
        self.destination_note.setWordWrap(True)
        self.destination_note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.destination_note)
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("support_missing_label")
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.missing_label)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("support_preview")
        self.preview.setReadOnly(True)
        self.keep(self.preview.setAccessibleName, lambda: self.tr("The request as it will be sent"))
        layout.addWidget(self.preview, 1)
        buttons = QVBoxLayout()
        self.copy_button = QPushButton(self)
        self.keep(self.copy_button.setText, lambda: self.tr("Cop&y text"))
        self.copy_button.setObjectName("copy_request_button")
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.mail_button = QPushButton(self)
        self.keep(self.mail_button.setText, lambda: self.tr("Open in &mail app"))
        self.mail_button.setObjectName("mail_request_button")
        self.mail_button.clicked.connect(self._on_mail_button_clicked)
        self.pdf_button = QPushButton(self)
        self.keep(self.pdf_button.setText, lambda: self.tr("Save as &PDF…"))
        self.pdf_button.setObjectName("pdf_request_button")
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.print_button = QPushButton(self)
        self.keep(self.print_button.setText, lambda: self.tr("P&rint…"))
        self.print_button.setObjectName("print_request_button")
        self.print_button.clicked.connect(self._on_print_button_clicked)
        for button in (self.copy_button, self.mail_button, self.pdf_button, self.print_button):
            buttons.addWidget(button)
        self.expectation_label = QLabel(
            self.tr(
                "Add photos of the invoice and of the box label before sending. Support answers in days, "
                "not minutes, and nothing here unlocks a phone without the owner's proof."
            ),
            self,
        )
        self.expectation_label.setWordWrap(True)
        layout.addWidget(self.expectation_label)

        qr_column = QVBoxLayout()
        self.qr_view = QrView(self)
        self.qr_view.setObjectName("support_qr")
        self.keep(
            self.qr_view.setAccessibleName, lambda: self.tr("QR code: the request as an email, for the owner's phone")
        )
        self.qr_view.setMinimumSize(260, 260)  # two device pixels a module for the densest code we make
        qr_caption = QLabel(self)
        self.keep(qr_caption.setText, lambda: self.tr("Scan with the owner's phone to send it from their own email."))
        qr_caption.setWordWrap(True)
        qr_caption.setMaximumWidth(260)
        qr_column.addWidget(self.qr_view)
        qr_column.addWidget(qr_caption)
        qr_column.addSpacing(8)
        qr_column.addLayout(buttons)
        qr_column.addStretch(1)
        columns.addLayout(qr_column)
        return tab

    # --- the facts -------------------------------------------------------------------------------

    def facts(self) -> SupportFacts:
        values = {which.value: self._text(which) for which in self.inputs}
        checklist = (
            ShopChecklist(
                proof_of_purchase_seen=self.proof_checkbox.isChecked(),
                box_imei_matches=self.box_imei_checkbox.isChecked(),
                owner_identity_checked=self.identity_checkbox.isChecked(),
                checked_by=self.checked_by_input.text(),
            )
            if self.checklist_box.isChecked()
            else ShopChecklist()
        )
        return SupportFacts(**values, country=self.country_combo.region(), checklist=checklist)

    def _text(self, which: Field) -> str:
        edit = self.inputs[which]
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def set_facts(self, facts: SupportFacts) -> None:
        self._loading = True
        try:
            for which, edit in self.inputs.items():
                value = facts.value(which)
                if isinstance(edit, QPlainTextEdit):
                    edit.setPlainText(value)
                else:
                    edit.setText(value)
            self.country_combo.fill()
            index = self.country_combo.findData(facts.country.upper())
            if index >= 0:
                self.country_combo.setCurrentIndex(index)
            checklist = facts.checklist
            self.checklist_box.setChecked(checklist.used or bool(checklist.checked_by))
            self.proof_checkbox.setChecked(checklist.proof_of_purchase_seen)
            self.box_imei_checkbox.setChecked(checklist.box_imei_matches)
            self.identity_checkbox.setChecked(checklist.owner_identity_checked)
            self.checked_by_input.setText(checklist.checked_by)
        finally:
            self._loading = False
        for which in self.inputs:
            self._show_problem(which, quiet_if_empty=True)
        self._refresh_request()

    def _on_field_changed(self, which: Field | None) -> None:
        if self._loading:
            return
        # Clear a shown problem as soon as the field becomes right; new problems wait for a pause.
        if (
            which is not None
            and which in self.problem_labels
            and check_field(which, self._text(which), self.facts()) is None
        ):
            self.problem_labels[which].hide()
        self._problem_timer.start()
        self._autosave_timer.start()
        # No completeChanged here: the page is always complete, and the wizard's
        # button refresh would end the field's editing after every keystroke.
        self._refresh_timer.start()

    def _show_problem(self, which: Field, quiet_if_empty: bool = False) -> None:
        if which not in self.problem_labels:
            return
        value = self._text(which)
        problem = check_field(which, value, self.facts())
        label = self.problem_labels[which]
        hint = self._hints[which]() if which in self._hints else ""
        if problem is None or (quiet_if_empty and not value.strip()):
            label.hide()
            self.inputs[which].setAccessibleDescription(hint)
            return
        text = "✗ " + translate(problem)
        label.setText(text)
        label.show()
        self.inputs[which].setAccessibleDescription(f"{text} {hint}".strip())

    def _show_all_problems(self) -> None:
        for which in self.inputs:
            self._show_problem(which, quiet_if_empty=True)

    # --- the request -------------------------------------------------------------------------------

    def destination(self) -> SupportContact | None:
        data = self.destination_combo.currentData()
        return next((c for c in self._directory if c.id == data), None)

    def _mail_to(self) -> str:
        contact = self.destination()
        return contact.address if contact is not None and contact.channel is ContactChannel.EMAIL else ""

    def _country_name(self, code: str) -> str:
        territory = QLocale.codeToTerritory(code)
        if territory == QLocale.Country.AnyTerritory:
            return code
        return f"{QLocale.territoryToString(territory)} ({code})"

    def _refresh_request(self) -> None:
        self._refresh_timer.stop()
        facts = self.facts()
        problems = validate(facts)
        language = str(self.language_combo.currentData() or "en")
        if problems:
            self.request = None
            names = ", ".join(sorted(self._field_name(which) for which in problems))
            self.missing_label.setText(self.tr("Fix these on the Details tab first: {fields}.").format(fields=names))
            self.preview.setPlainText("")
            self.qr_view.set_text("")
        else:
            # The letter names the country; the page keeps its ISO code (phones, directory).
            named = replace(facts, country=self._country_name(facts.country) if facts.country else "")
            self.request = compose(named, language)
            recommended = missing_recommended(facts)
            self.missing_label.setText(
                self.tr("Ready. Adding these makes the request stronger: {fields}.").format(
                    fields=", ".join(self._field_name(which) for which in recommended)
                )
                if recommended
                else self.tr("Ready: the request holds everything support asks for.")
            )
            self.preview.setPlainText(self.request.as_text())
            self.qr_view.set_text(mail_link(self.request, self._mail_to(), QR_MAX).url)
        ready = self.request is not None
        for button in (self.copy_button, self.mail_button, self.pdf_button, self.print_button):
            button.setEnabled(ready)

    def _ensure_fresh(self) -> None:
        """Compose now if typing left a refresh pending (a button can be pressed within the pause)."""
        if self._refresh_timer.isActive():
            self._refresh_request()

    def _field_name(self, which: Field) -> str:
        names = {
            Field.ACCOUNT_ID: self.tr("Mi account ID"),
            Field.OLD_EMAIL: self.tr("old email"),
            Field.OLD_PHONE: self.tr("old phone number"),
            Field.IMEI: self.tr("IMEI 1"),
            Field.IMEI2: self.tr("IMEI 2"),
            Field.MODEL: self.tr("model"),
            Field.SERIAL: self.tr("serial number"),
            Field.PURCHASE_DATE: self.tr("purchase date"),
            Field.PURCHASE_SHOP: self.tr("where it was bought"),
            Field.COUNTRY: self.tr("country"),
            Field.OWNER_NAME: self.tr("owner's name"),
            Field.CONTACT_EMAIL: self.tr("contact email"),
            Field.CONTACT_PHONE: self.tr("contact phone"),
            Field.DESCRIPTION: self.tr("description"),
        }
        return names[which]

    def _load_directory(self) -> None:
        wizard = self.recovery()
        self._directory = wizard.support_directory()
        self._fill_destinations()

    def _fill_destinations(self) -> None:
        current = self.destination_combo.currentData()
        wanted = self.draft.destination if self.draft is not None and self.draft.destination else current
        self.destination_combo.blockSignals(True)
        self.destination_combo.clear()
        for contact in for_region(self._directory, self.country_combo.region()):
            kind = {
                ContactChannel.WEB: self.tr("web"),
                ContactChannel.EMAIL: self.tr("email"),
                ContactChannel.PHONE: self.tr("phone"),
            }[contact.channel]
            trust = self.tr("verified") if contact.verified else self.tr("unverified, check before use")
            name = contact.label or contact.address
            self.destination_combo.addItem(f"{shown(name, 80)} ({kind}) · {trust}", contact.id)
        index = self.destination_combo.findData(wanted) if wanted else -1
        if index < 0:
            index = next((i for i in range(self.destination_combo.count()) if self._contact_at(i, default=True)), 0)
        self.destination_combo.setCurrentIndex(index)
        self.destination_combo.blockSignals(False)
        self._on_destination_changed()

    def _contact_at(self, index: int, default: bool = False) -> bool:
        data = self.destination_combo.itemData(index)
        contact = next((c for c in self._directory if c.id == data), None)
        return contact is not None and (contact.default if default else True)

    def _on_destination_changed(self) -> None:
        contact = self.destination()
        if contact is None:
            self.destination_note.setText("")
        else:
            lines = [shown(contact.address, 200)]
            if contact.channel is ContactChannel.WEB:
                lines.append(self.tr("A web page: open it, then paste the request into its contact form."))
            elif contact.channel is ContactChannel.PHONE:
                lines.append(self.tr("A phone line: call, and read out the account ID and IMEI when asked."))
            if contact.hours:
                lines.append(self.tr("Hours: {hours}").format(hours=shown(contact.hours, 100)))
            if not contact.verified:
                lines.append(self.tr("Unverified: this contact has no official source. Check it before use."))
            if contact.last_checked:
                lines.append(self.tr("Last checked: {date}").format(date=shown(contact.last_checked, 20)))
            self.destination_note.setText("\n".join(lines))
        if not self._loading:
            self._autosave_timer.start()
        self._refresh_timer.start()

    # --- actions -------------------------------------------------------------------------------------

    def _on_copy_button_clicked(self) -> None:
        self._ensure_fresh()
        if self.request is None:
            return
        QGuiApplication.clipboard().setText(self.request.as_text())
        self.error_panel.show_message(
            self.tr("Copied. Paste it into an email or the help centre's form."), Tone.SUCCESS
        )
        self._handed_over()

    def _on_mail_button_clicked(self) -> None:
        self._ensure_fresh()
        if self.request is None:
            return
        link = mail_link(self.request, self._mail_to(), MAILTO_MAX)
        if not link.complete:
            QGuiApplication.clipboard().setText(self.request.as_text())
            self.error_panel.show_message(
                self.tr("The request is too long for a mail link: it was copied. Paste it into the email."),
                Tone.INFO,
            )
        self.recovery().open_url(link.url)
        self._handed_over()

    def _default_pdf_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        account = re.sub(r"\D", "", self.facts().account_id) or "request"
        return str(Path(folder) / f"mi-account-support-{account}.pdf")

    def _on_pdf_button_clicked(self) -> None:
        self._ensure_fresh()
        if self.request is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the request as PDF"), self._default_pdf_path(), self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        from mirecovery_gui.gui.support_document import write_pdf

        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        try:
            write_pdf(self.request, mail_link(self.request, self._mail_to(), QR_MAX), target, self._destination_text())
        except OSError:
            log.exception("saving the PDF failed")
            self.error_panel.show_message(
                self.tr("The PDF could not be saved there. Choose another folder."), Tone.ERROR
            )
            return
        self.error_panel.show_message(self.tr("Saved: {path}").format(path=shown(str(target), 300)), Tone.SUCCESS)
        self._handed_over()

    def _on_print_button_clicked(self) -> None:
        self._ensure_fresh()
        if self.request is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from mirecovery_gui.gui.support_document import print_request

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        print_request(self.request, mail_link(self.request, self._mail_to(), QR_MAX), printer, self._destination_text())
        self.error_panel.show_message(self.tr("Sent to the printer."), Tone.SUCCESS)
        self._handed_over()

    def _handed_over(self) -> None:
        self.save_draft()
        self.handed_over.emit()

    def _destination_text(self) -> str:
        contact = self.destination()
        return contact.address if contact is not None else ""

    # --- drafts ---------------------------------------------------------------------------------------

    def save_draft(self) -> None:
        """Queue the current facts for the case database (no-op while nothing was typed)."""
        self._autosave_timer.stop()
        store = self.recovery().draft_store()
        if store is None:
            return
        facts = self.facts()
        empty = not any(facts.value(which).strip() for which in self.inputs) and not facts.checklist.used
        if empty and self.draft is None:
            return
        from mirecovery_gui.store.drafts import Draft

        if self.draft is None:
            self.draft = Draft(facts)
        self.draft.facts = facts
        self.draft.language = str(self.language_combo.currentData() or "en")
        self.draft.destination = str(self.destination_combo.currentData() or "")
        store.save(self.draft)
        self._session_drafts[self.draft.id] = self.draft
        self._fill_drafts_combo()
        self.draft_saved.emit(self.draft)

    def _fill_drafts_combo(self) -> None:
        store = self.recovery().draft_store()
        merged = {draft.id: draft for draft in (store.recent() if store is not None else [])}
        merged.update(self._session_drafts)
        if self.draft is not None:
            merged[self.draft.id] = self.draft
        drafts = sorted(merged.values(), key=lambda d: d.updated_at or d.created_at, reverse=True)
        self.drafts_combo.blockSignals(True)
        self.drafts_combo.clear()
        for draft in drafts:
            title = draft.title or self.tr("(no name yet)")
            when = (draft.updated_at or draft.created_at)[:16].replace("T", " ")
            self.drafts_combo.addItem(f"{shown(title, 60)} · {when}", draft.id)
        if self.draft is not None:
            self.drafts_combo.setCurrentIndex(max(0, self.drafts_combo.findData(self.draft.id)))
        else:
            self.drafts_combo.insertItem(0, self.tr("(new request)"), "")
            self.drafts_combo.setCurrentIndex(0)
        self.drafts_combo.blockSignals(False)

    def _on_drafts_combo_activated(self, index: int) -> None:
        draft_id = self.drafts_combo.itemData(index)
        store = self.recovery().draft_store()
        if not draft_id or store is None or (self.draft is not None and self.draft.id == draft_id):
            return
        self.save_draft()
        draft = self._session_drafts.get(str(draft_id)) or store.load(str(draft_id))
        if draft is not None:
            self.open_draft(draft)

    def open_draft(self, draft: Draft) -> None:
        self.draft = draft
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(draft.language)))
        self.set_facts(draft.facts)
        self._fill_destinations()
        self._fill_drafts_combo()

    def _on_new_draft_button_clicked(self) -> None:
        self.save_draft()
        self.draft = None
        self.set_facts(self._prefilled(SupportFacts(country=self.recovery().default_region)))
        self._fill_drafts_combo()
        self.tabs.setCurrentIndex(0)
        self.inputs[Field.ACCOUNT_ID].setFocus()

    def _prefilled(self, facts: SupportFacts) -> SupportFacts:
        """What the wizard already knows: the identifier typed on the first page."""
        identifier = self.recovery().state.identifier
        if identifier is None:
            return facts
        mapping = facts.to_mapping()
        mapping.pop("checklist")
        if identifier.kind is IdentifierKind.ACCOUNT_ID:
            mapping["account_id"] = identifier.normalized
        elif identifier.kind is IdentifierKind.EMAIL:
            mapping["old_email"] = identifier.display
        else:
            mapping["old_phone"] = identifier.display
        return SupportFacts(**mapping, checklist=facts.checklist)

    # --- page ------------------------------------------------------------------------------------------

    def _show_reason(self) -> None:
        reason = self.recovery().state.support_reason
        texts = {
            SupportReason.NOTHING_BOUND: self.tr(
                "No email address or phone number is linked to this account, so Xiaomi cannot send "
                "a code. The way back is a request to Xiaomi support."
            ),
            SupportReason.SEND_LIMIT: self.tr(
                "No more codes can be sent today. You can wait 24 hours and try again, or ask Xiaomi support now."
            ),
            SupportReason.CONTACTS_LOST: self.tr(
                "Without the email or the phone number, Xiaomi cannot send a code. "
                "The way back is a request to Xiaomi support with proof that the phone is the owner's."
            ),
        }
        self.reason_label.setText(texts.get(reason, texts[SupportReason.CONTACTS_LOST]) if reason else "")

    def retranslate(self) -> None:
        super().retranslate()
        self._show_reason()
        self._fill_destinations()
        self._fill_drafts_combo()
        self._show_all_problems()
        self._refresh_request()

    def initializePage(self) -> None:
        super().initializePage()
        wizard = self.recovery()
        self._show_reason()
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(wizard.language)))
        self._load_directory()
        if self.draft is None:
            store = wizard.draft_store()
            latest = store.latest_open() if store is not None and not self._restored_once else None
            self._restored_once = True
            if latest is not None:
                # Back after a crash or a closed window: the draft is where it was left.
                self.open_draft(latest)
                self.error_panel.show_message(
                    self.tr("The request saved on {date} is open again.").format(
                        date=(latest.updated_at or latest.created_at)[:16].replace("T", " ")
                    ),
                    Tone.INFO,
                )
            else:
                self.set_facts(self._prefilled(SupportFacts(country=wizard.default_region)))
                self._fill_drafts_combo()
        else:
            self._fill_drafts_combo()
        self._refresh_request()

    def cleanupPage(self) -> None:
        self.save_draft()
        super().cleanupPage()

    def about_to_close(self) -> None:
        self._problem_timer.stop()
        self._refresh_timer.stop()
        if self._autosave_timer.isActive():
            self.save_draft()

    def reset(self) -> None:
        """A new recovery: keep the saved draft in the database, start the page empty."""
        self.save_draft()
        self.draft = None
        self._restored_once = True
        self._loading = True
        try:
            for edit in self.inputs.values():
                edit.clear()
            self.checklist_box.setChecked(False)
            for box in (self.proof_checkbox, self.box_imei_checkbox, self.identity_checkbox):
                box.setChecked(False)
            self.checked_by_input.clear()
        finally:
            self._loading = False
        for label in self.problem_labels.values():
            label.hide()

    def focus_first(self) -> QWidget | None:
        return self.inputs[Field.ACCOUNT_ID]

    def problem_text(self, which: Field) -> str:
        label = self.problem_labels[which]
        return label.text() if label.isVisible() else ""
