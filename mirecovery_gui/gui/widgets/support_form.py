"""The facts of a support request as a form: each field checked as it is typed, with its reason.

The form turns fields into :class:`SupportFacts` and back, and shows each
field's problem (after a pause in typing, so it does not nag). It knows
nothing about drafts, cases or where the request goes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui.core.support_request import MAX_LENGTH, Field, ShopChecklist, SupportFacts, check_field
from mirecovery_gui.gui.i18n import TextBook, translate
from mirecovery_gui.gui.theme import Tone, ToneLabel
from mirecovery_gui.gui.widgets.country_combo import CountryCombo
from mirecovery_gui.gui.widgets.limited_text import LimitedTextEdit

PROBLEM_DELAY_MS = 700


def field_name(which: Field) -> str:
    """A field as a list of missing things names it ("IMEI 1", "contact email")."""
    names = {
        Field.ACCOUNT_ID: QCoreApplication.translate("SupportDetailsForm", "Mi account ID"),
        Field.OLD_EMAIL: QCoreApplication.translate("SupportDetailsForm", "old email"),
        Field.OLD_PHONE: QCoreApplication.translate("SupportDetailsForm", "old phone number"),
        Field.IMEI: QCoreApplication.translate("SupportDetailsForm", "IMEI 1"),
        Field.IMEI2: QCoreApplication.translate("SupportDetailsForm", "IMEI 2"),
        Field.MODEL: QCoreApplication.translate("SupportDetailsForm", "model"),
        Field.SERIAL: QCoreApplication.translate("SupportDetailsForm", "serial number"),
        Field.PURCHASE_DATE: QCoreApplication.translate("SupportDetailsForm", "purchase date"),
        Field.PURCHASE_SHOP: QCoreApplication.translate("SupportDetailsForm", "where it was bought"),
        Field.COUNTRY: QCoreApplication.translate("SupportDetailsForm", "country"),
        Field.OWNER_NAME: QCoreApplication.translate("SupportDetailsForm", "owner's name"),
        Field.CONTACT_EMAIL: QCoreApplication.translate("SupportDetailsForm", "contact email"),
        Field.CONTACT_PHONE: QCoreApplication.translate("SupportDetailsForm", "contact phone"),
        Field.DESCRIPTION: QCoreApplication.translate("SupportDetailsForm", "description"),
        Field.ACCOUNT_REGION: QCoreApplication.translate("SupportDetailsForm", "account region"),
        Field.RESTORE_TRIED: QCoreApplication.translate("SupportDetailsForm", "Restore security info tried"),
    }
    return names[which]


class ProofChecklist(QWidget):
    """How the shop checked that the phone is the owner's, and the photos the request needs."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("support_proof")
        self.texts = TextBook()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        photos = QGroupBox(self)
        self.texts.keep(photos.setTitle, lambda: self.tr("Photos to add to the request"))
        photos_layout = QVBoxLayout(photos)
        self.photos_label = QLabel(photos)
        self.photos_label.setObjectName("support_photos_label")
        self.photos_label.setWordWrap(True)
        self.photos_label.setTextFormat(Qt.TextFormat.PlainText)
        self.texts.keep(
            self.photos_label.setText,
            lambda: self.tr(
                "Support decides from proof. Take these with the owner's phone now, to attach when the request "
                "is sent:\n"
                "1. The purchase invoice or receipt, with the date and the shop.\n"
                "2. The label on the box, where the IMEI is printed.\n"
                "3. The phone's own IMEI: dial *#06# and take a photo of the screen."
            ),
        )
        photos_layout.addWidget(self.photos_label)
        layout.addWidget(photos)

        self.checklist_box = QGroupBox(self)
        self.texts.keep(self.checklist_box.setTitle, lambda: self.tr("Checked at the shop (for staff)"))
        self.checklist_box.setObjectName("shop_checklist")
        checks = QVBoxLayout(self.checklist_box)
        self.checklist_hint = QLabel(self.checklist_box)
        self.checklist_hint.setWordWrap(True)
        self.texts.keep(
            self.checklist_hint.setText,
            lambda: self.tr(
                "Tick only what was really checked; the request says so. An owner on their own can skip this."
            ),
        )
        checks.addWidget(self.checklist_hint)
        self.proof_checkbox = QCheckBox(self.checklist_box)
        self.texts.keep(self.proof_checkbox.setText, lambda: self.tr("Proof of purchase seen (invoice or receipt)"))
        self.proof_checkbox.setObjectName("check_proof_of_purchase")
        self.box_imei_checkbox = QCheckBox(self.checklist_box)
        self.texts.keep(
            self.box_imei_checkbox.setText, lambda: self.tr("The IMEI on the box matches the phone (*#06#)")
        )
        self.box_imei_checkbox.setObjectName("check_box_imei")
        self.identity_checkbox = QCheckBox(self.checklist_box)
        self.texts.keep(self.identity_checkbox.setText, lambda: self.tr("Owner's identity checked (ID card)"))
        self.identity_checkbox.setObjectName("check_identity")
        self.checked_by_input = QLineEdit(self.checklist_box)
        self.checked_by_input.setObjectName("check_by_input")
        self.texts.keep(self.checked_by_input.setPlaceholderText, lambda: self.tr("e.g. Sari"))
        self.checked_by_input.setMaxLength(100)
        by_row = QHBoxLayout()
        by_label = QLabel(self.checklist_box)
        self.texts.keep(by_label.setText, lambda: self.tr("Checked b&y:"))
        by_label.setBuddy(self.checked_by_input)
        by_row.addWidget(by_label)
        by_row.addWidget(self.checked_by_input, 1)
        for box in (self.proof_checkbox, self.box_imei_checkbox, self.identity_checkbox):
            box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # wraps in a narrow window
            checks.addWidget(box)
            box.toggled.connect(lambda _checked: self._on_changed())
        checks.addLayout(by_row)
        self.checked_by_input.textChanged.connect(lambda _text: self._on_changed())
        layout.addWidget(self.checklist_box)
        layout.addStretch(1)
        self._loading = False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.apply()
        super().changeEvent(event)

    def _on_changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def checklist(self) -> ShopChecklist:
        return ShopChecklist(
            proof_of_purchase_seen=self.proof_checkbox.isChecked(),
            box_imei_matches=self.box_imei_checkbox.isChecked(),
            owner_identity_checked=self.identity_checkbox.isChecked(),
            checked_by=self.checked_by_input.text(),
        )

    def set_checklist(self, checklist: ShopChecklist) -> None:
        self._loading = True
        try:
            self.proof_checkbox.setChecked(checklist.proof_of_purchase_seen)
            self.box_imei_checkbox.setChecked(checklist.box_imei_matches)
            self.identity_checkbox.setChecked(checklist.owner_identity_checked)
            self.checked_by_input.setText(checklist.checked_by)
        finally:
            self._loading = False

    def first_input(self) -> QWidget:
        return self.proof_checkbox


class SupportDetailsForm(QWidget):
    edited = Signal()  # the user changed a field (not when facts are loaded)

    def __init__(self, default_region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("support_details_form")
        self.texts = TextBook()
        self.inputs: dict[Field, QLineEdit | QPlainTextEdit] = {}
        self.problem_labels: dict[Field, QLabel] = {}
        self._hints: dict[Field, Callable[[], str]] = {}
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        account, form = self._group(lambda: self.tr("The account"))
        self._line(
            form,
            Field.ACCOUNT_ID,
            lambda: self.tr("Mi &account ID: *"),
            lambda: self.tr("e.g. 1234567890"),
            lambda: self.tr(
                "Shown on the locked phone's screen, in old emails from Xiaomi, and on the box of a "
                "phone bought with the account."
            ),
        )
        self._line(form, Field.OLD_EMAIL, lambda: self.tr("Old &email:"), lambda: self.tr("if the owner remembers it"))
        self._line(
            form, Field.OLD_PHONE, lambda: self.tr("Old phone n&umber:"), lambda: self.tr("if the owner remembers it")
        )
        self.account_region_combo = CountryCombo("", self, calling_codes=False, unknown=lambda: self.tr("not known"))
        self.account_region_combo.setObjectName("support_account_region_combo")
        self._choice(
            form,
            self.account_region_combo,
            lambda: self.tr("Account re&gion:"),
            lambda: self.tr("The region chosen when the Mi Account was made, if the owner knows it."),
        )
        self.account_region_combo.currentIndexChanged.connect(lambda _: self._on_field_changed(None))
        self.restore_tried_combo = QComboBox(self)
        self.restore_tried_combo.setObjectName("support_restore_tried_combo")
        for value in ("", "yes", "no"):
            self.restore_tried_combo.addItem("", value)
        self._restore_texts()
        self._choice(
            form,
            self.restore_tried_combo,
            lambda: self.tr("Restore security info &tried:"),
            lambda: self.tr('"Restore security info" in Xiaomi\'s help centre, before this request.'),
        )
        self.restore_tried_combo.currentIndexChanged.connect(lambda _: self._on_field_changed(None))
        layout.addWidget(account)

        phone, form = self._group(lambda: self.tr("The phone"))
        self._line(
            form,
            Field.IMEI,
            lambda: self.tr("&IMEI 1: *"),
            lambda: self.tr("e.g. the 15 digits *#06# shows"),
            lambda: self.tr("Dial *#06# on the phone, or read the label on the box or the SIM tray."),
        )
        self._line(form, Field.IMEI2, lambda: self.tr("IMEI &2:"), lambda: self.tr("dual-SIM phones have a second one"))
        self._line(form, Field.MODEL, lambda: self.tr("&Model:"), lambda: self.tr("e.g. the name on the box"))
        self._line(form, Field.SERIAL, lambda: self.tr("Se&rial number:"), lambda: self.tr("on the box label"))
        self._line(
            form,
            Field.PURCHASE_DATE,
            lambda: self.tr("&Purchase date:"),
            lambda: self.tr("year-month-day, e.g. 2024-01-31"),
        )
        self._line(form, Field.PURCHASE_SHOP, lambda: self.tr("Bou&ght at:"), lambda: self.tr("shop name and town"))
        layout.addWidget(phone)

        owner, form = self._group(lambda: self.tr("The owner"))
        self._line(form, Field.OWNER_NAME, lambda: self.tr("&Owner's name:"))
        self.country_combo = CountryCombo(default_region, self)
        self.country_combo.setObjectName("support_country_combo")
        country_label = QLabel(self)
        self.texts.keep(country_label.setText, lambda: self.tr("Countr&y/region:"))
        country_label.setBuddy(self.country_combo)
        form.addRow(country_label, self.country_combo)
        self.country_combo.currentIndexChanged.connect(lambda _: self._on_field_changed(Field.COUNTRY))
        self._line(
            form,
            Field.CONTACT_EMAIL,
            lambda: self.tr("Con&tact email:"),
            lambda: self.tr("e.g. name@example.com"),
            lambda: self.tr("An address the owner can read now: Xiaomi answers there."),
        )
        self._line(
            form, Field.CONTACT_PHONE, lambda: self.tr("Contact &phone:"), lambda: self.tr("e.g. 0812 0000 0000")
        )
        layout.addWidget(owner)

        story, form = self._group(lambda: self.tr("What happened"))
        description = LimitedTextEdit(MAX_LENGTH[Field.DESCRIPTION], self)
        description.setObjectName("support_description_input")
        description.setTabChangesFocus(True)
        self.texts.keep(
            description.setPlaceholderText,
            lambda: self.tr(
                "For example: the SIM was lost and the old email was closed; the phone asks for the Mi Account."
            ),
        )
        description.setMaximumHeight(90)
        self._register(form, Field.DESCRIPTION, lambda: self.tr("Descr&iption:"), description, None)
        layout.addWidget(story)

        layout.addStretch(1)
        # How ownership was checked: a screen of its own on the support page.
        self.proof = ProofChecklist()
        self.proof.edited.connect(lambda: self._on_field_changed(None))
        self.checklist_box = self.proof.checklist_box
        self.proof_checkbox = self.proof.proof_checkbox
        self.box_imei_checkbox = self.proof.box_imei_checkbox
        self.identity_checkbox = self.proof.identity_checkbox
        self.checked_by_input = self.proof.checked_by_input

        self._problem_timer = QTimer(self)
        self._problem_timer.setSingleShot(True)
        self._problem_timer.setInterval(PROBLEM_DELAY_MS)
        self._problem_timer.timeout.connect(self.show_all_problems)
        self._insist = False  # Next was pressed: empty required fields say so

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
        # Typing or pasting stops at core's limit, so a field is never "too long" and a paste is cut in Qt.
        edit.setMaxLength(MAX_LENGTH[which])
        if callable(placeholder):
            self.texts.keep(edit.setPlaceholderText, placeholder)
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
        self.texts.keep(title.setText, label)
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
            self.texts.keep(hint_label.setText, hint)
            hint_label.setWordWrap(True)
            hint_label.setTextFormat(Qt.TextFormat.PlainText)
            hint_font = hint_label.font()
            hint_font.setPointSizeF(hint_font.pointSizeF() * 0.92)
            hint_label.setFont(hint_font)  # smaller, but full contrast: it is read, not decoration
            column.addWidget(hint_label)
            self._hints[which] = hint
        column.addWidget(problem)
        if isinstance(edit, LimitedTextEdit):
            edit.cut_note.setObjectName(f"support_{which.value}_note")
            column.addWidget(edit.cut_note)
        form.addRow(title, column)
        self.inputs[which] = edit
        self.problem_labels[which] = problem
        if isinstance(edit, QLineEdit):
            edit.textChanged.connect(lambda _text, w=which: self._on_field_changed(w))
            edit.editingFinished.connect(lambda w=which: self._show_problem(w))
        else:
            edit.textChanged.connect(lambda w=which: self._on_field_changed(w))

    def _choice(self, form: QFormLayout, combo: QComboBox, label: Callable[[], str], hint: Callable[[], str]) -> None:
        """A fact chosen from a list: it cannot be wrong, so it has a hint and no problem label."""
        title = QLabel(self)
        self.texts.keep(title.setText, label)
        title.setBuddy(combo)
        hint_label = QLabel(self)
        self.texts.keep(hint_label.setText, hint)
        hint_label.setWordWrap(True)
        hint_font = hint_label.font()
        hint_font.setPointSizeF(hint_font.pointSizeF() * 0.92)
        hint_label.setFont(hint_font)
        self.texts.keep(combo.setAccessibleDescription, hint)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(combo)
        column.addWidget(hint_label)
        form.addRow(title, column)

    def _restore_texts(self) -> None:
        names = {"": self.tr("not known"), "yes": self.tr("yes, it did not help"), "no": self.tr("no")}
        for index in range(self.restore_tried_combo.count()):
            self.restore_tried_combo.setItemText(index, names[str(self.restore_tried_combo.itemData(index))])

    def _group(self, title: Callable[[], str]) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(self)
        self.texts.keep(box.setTitle, title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.apply()
            self._restore_texts()
            self.account_region_combo.retranslate()
            self.show_all_problems()
        super().changeEvent(event)

    # --- the facts -------------------------------------------------------------------------------

    def facts(self) -> SupportFacts:
        values = {which.value: self._text(which) for which in self.inputs}
        return SupportFacts(
            **values,
            country=self.country_combo.region(),
            account_region=self.account_region_combo.region(),
            restore_tried=str(self.restore_tried_combo.currentData() or ""),
            checklist=self.proof.checklist(),
        )

    def _text(self, which: Field) -> str:
        edit = self.inputs[which]
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def set_facts(self, facts: SupportFacts) -> None:
        """Show ``facts`` (a draft opened, a new request); no ``edited`` signal."""
        self._loading = True
        try:
            for which, edit in self.inputs.items():
                value = facts.value(which)
                if isinstance(edit, LimitedTextEdit):
                    edit.set_text(value)
                elif isinstance(edit, QPlainTextEdit):
                    if edit.toPlainText() != value:
                        edit.setPlainText(value)
                elif edit.text() != value:
                    edit.setText(value)
            if facts.country.upper() != self.country_combo.region():
                self.country_combo.fill()
                index = self.country_combo.findData(facts.country.upper())
                if index >= 0:
                    self.country_combo.setCurrentIndex(index)
            self.account_region_combo.set_region(facts.account_region)
            self.restore_tried_combo.setCurrentIndex(
                max(0, self.restore_tried_combo.findData(facts.restore_tried.strip().lower()))
            )
            self.proof.set_checklist(facts.checklist)
        finally:
            self._loading = False
        self._problem_timer.stop()
        self._insist = False  # another request: its empty fields are quiet until Next is pressed
        self.show_all_problems()

    def first_input(self) -> QWidget:
        return self.inputs[Field.ACCOUNT_ID]

    # --- problems ---------------------------------------------------------------------------------

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
        self.edited.emit()

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

    def show_all_problems(self, even_empty: bool = False) -> None:
        """Every field's problem; an empty field's only once the user pressed Next (``even_empty``).

        From that press on, an empty required field keeps saying so: a check after the next pause in
        typing must not take the reason away again.
        """
        if even_empty:
            self._problem_timer.stop()
            self._insist = True
        for which in self.inputs:
            self._show_problem(which, quiet_if_empty=not self._insist)

    def focus_field(self, which: Field) -> None:
        edit = self.inputs.get(which)
        if edit is not None:
            edit.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(edit, QLineEdit):
                edit.selectAll()

    def stop(self) -> None:
        """No more checks after a pause (the window is closing)."""
        self._problem_timer.stop()
