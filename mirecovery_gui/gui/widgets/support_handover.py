"""Handing a support request over: the letter, where it goes, and copy, mail, PDF, print and QR code.

It shows a :class:`PreparedRequest` (from ``core.support_request.prepare``,
the same for the page, the case history and the command line) and carries out
what the user asks with it. Where to send it and in which language are the
user's choices; the widget reports them and leaves keeping them to its page.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui.core.support_directory import Channel as ContactChannel
from mirecovery_gui.core.support_request import Holds, Opens, PreparedRequest
from mirecovery_gui.gui import dialogs
from mirecovery_gui.gui.i18n import TextBook, shown
from mirecovery_gui.gui.theme import Tone
from mirecovery_gui.gui.widgets.flow_layout import flow_row
from mirecovery_gui.gui.widgets.qr_view import QrView
from mirecovery_gui.gui.widgets.support_form import field_name

log = logging.getLogger(__name__)

# px: the densest code we make (version 24, 121 modules with its quiet zone) at two whole pixels a module.
# A test draws the densest request and counts them.
QR_SIDE = 250


def compact_combo(combo: QComboBox, characters: int = 18) -> None:
    """A combo box whose long entries do not widen the window (the popup still shows them whole)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)


class SupportHandover(QWidget):
    choice_changed = Signal()  # the language of the letter or where it goes
    handed_over = Signal()  # copied, mailed, saved or printed

    def __init__(
        self,
        tell: Callable[[Callable[[], str], Tone], None],
        open_url: Callable[[str, str], bool],
        copy: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("support_handover")
        self._tell = tell
        self._open_url = open_url
        self._copy = copy  # the customer's data: off the clipboard again for the next customer
        self.texts = TextBook()
        self.prepared: PreparedRequest | None = None
        # One column, the QR code and the actions side by side under the letter: it
        # fits the narrowest window we support (1024x600 with the training phone).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        # Each label over its combo: the whole width for "Send to", so its names are never cut.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("request_language_combo")
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("Bahasa Indonesia", "id")
        self.language_combo.currentIndexChanged.connect(lambda _: self.choice_changed.emit())
        language_label = QLabel(self)
        self.texts.keep(language_label.setText, lambda: self.tr("Lan&guage of the request:"))
        language_label.setBuddy(self.language_combo)
        form.addRow(language_label, self.language_combo)
        self.destination_combo = QComboBox(self)
        self.destination_combo.setObjectName("destination_combo")
        self.destination_combo.currentIndexChanged.connect(lambda _: self.choice_changed.emit())
        compact_combo(self.destination_combo, 12)
        destination_label = QLabel(self)
        self.texts.keep(destination_label.setText, lambda: self.tr("Send &to:"))
        destination_label.setBuddy(self.destination_combo)
        form.addRow(destination_label, self.destination_combo)
        layout.addLayout(form)
        self.destination_note = QLabel(self)
        self.destination_note.setObjectName("destination_note")
        self.destination_note.setWordWrap(True)
        self.destination_note.setTextFormat(Qt.TextFormat.PlainText)
        self.destination_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.destination_note)
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("support_missing_label")
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.missing_label)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("support_preview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.preview.setMinimumHeight(120)
        self.texts.keep(self.preview.setAccessibleName, lambda: self.tr("The request as it will be sent"))

        self.copy_button = QPushButton(self)
        self.texts.keep(self.copy_button.setText, lambda: self.tr("Cop&y text"))
        self.copy_button.setObjectName("copy_request_button")
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.mail_button = QPushButton(self)
        self.texts.keep(self.mail_button.setText, lambda: self.tr("Open in &mail app"))
        self.mail_button.setObjectName("mail_request_button")
        self.mail_button.clicked.connect(self._on_mail_button_clicked)
        self.web_button = QPushButton(self)
        self.texts.keep(self.web_button.setText, lambda: self.tr("Copy and open the help c&entre"))
        self.web_button.setObjectName("web_request_button")
        self.web_button.clicked.connect(self._on_web_button_clicked)
        self.pdf_button = QPushButton(self)
        self.texts.keep(self.pdf_button.setText, lambda: self.tr("Save as &PDF…"))
        self.pdf_button.setObjectName("pdf_request_button")
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.print_button = QPushButton(self)
        self.texts.keep(self.print_button.setText, lambda: self.tr("P&rint…"))
        self.print_button.setObjectName("print_request_button")
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self._actions = (self.copy_button, self.mail_button, self.web_button, self.pdf_button, self.print_button)
        buttons_box = QWidget(self)
        buttons = QVBoxLayout(buttons_box)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in self._actions:
            buttons.addWidget(button)
        buttons.addStretch(1)

        qr_box = QWidget(self)
        qr_column = QVBoxLayout(qr_box)
        qr_column.setContentsMargins(0, 0, 0, 0)
        self.qr_view = QrView(self)
        self.qr_view.setObjectName("support_qr")
        self.texts.keep(self.qr_view.setAccessibleName, lambda: self.tr("QR code for the owner's phone"))
        # Two device pixels a module for the densest code we make, and no larger: room for the actions.
        self.qr_view.setFixedSize(QR_SIDE, QR_SIDE)
        self.qr_caption = QLabel(self)
        self.qr_caption.setObjectName("support_qr_caption")
        self.qr_caption.setWordWrap(True)
        self.qr_caption.setTextFormat(Qt.TextFormat.PlainText)
        self.qr_caption.setFixedWidth(QR_SIDE)
        qr_column.addWidget(self.qr_view)
        qr_column.addWidget(self.qr_caption)
        qr_column.addStretch(1)
        # The buttons beside the code where there is room, under it where there is not (150% text).
        layout.addWidget(flow_row(self, qr_box, buttons_box, spacing=12))
        # The ways to hand it over first, in sight in a small window; the letter itself under them.
        self.expectation_label = QLabel(self)
        self.expectation_label.setWordWrap(True)
        self.texts.keep(
            self.expectation_label.setText,
            lambda: self.tr(
                "Attach the photos before sending. Support answers in days, not minutes, and nothing here "
                "unlocks a phone without the owner's proof."
            ),
        )
        layout.addWidget(self.expectation_label)
        preview_label = QLabel(self)
        self.texts.keep(preview_label.setText, lambda: self.tr("The re&quest:"))
        preview_label.setBuddy(self.preview)
        layout.addWidget(preview_label)
        layout.addWidget(self.preview, 1)
        # Reading order: the choices, the ways to hand it over, then the letter (made first, shown last).
        chain = [self.language_combo, self.destination_combo, *self._actions, self.preview]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.apply()
            if self.prepared is not None:
                self.show_request(self.prepared)
        super().changeEvent(event)

    # --- the user's choices ---------------------------------------------------------------------

    def language(self) -> str:
        return str(self.language_combo.currentData() or "en")

    def destination(self) -> str:
        """The id of the contact chosen, or "" for the country's default."""
        return str(self.destination_combo.currentData() or "")

    def first_choice(self) -> QWidget:
        """Where the keyboard starts on this screen: where the request goes.

        Not a hand-over button: Enter on arrival would copy (or mail) the customer's request at once.
        From here Enter is Finish, which asks first while nothing was handed over; Tab reaches the buttons.
        """
        return self.destination_combo

    def set_language(self, language: str) -> None:
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.language_combo.blockSignals(False)

    # --- showing ----------------------------------------------------------------------------------

    def show_request(self, prepared: PreparedRequest) -> None:
        self.prepared = prepared
        self._fill_destinations(prepared)
        self._show_destination(prepared)
        web = prepared.destination is not None and prepared.destination.channel is ContactChannel.WEB
        self.web_button.setVisible(web)
        self.mail_button.setVisible(not web)
        if prepared.request is None:
            names = ", ".join(sorted(field_name(which) for which in prepared.problems))
            self.missing_label.setText(
                self.tr("Not ready: go Back to the facts and fix {fields}.").format(fields=names)
            )
            self.preview.setPlainText("")
            self.qr_view.set_text("")
            self.qr_caption.setText("")
        else:
            recommended = prepared.recommended_missing
            self.missing_label.setText(
                self.tr("Ready. Adding these makes the request stronger: {fields}.").format(
                    fields=", ".join(field_name(which) for which in recommended)
                )
                if recommended
                else self.tr("Ready: the request holds everything support asks for.")
            )
            text = prepared.request.as_text()
            if self.preview.toPlainText() != text:
                self.preview.setPlainText(text)
            self._show_qr(prepared)
        for button in self._actions:
            button.setEnabled(prepared.ready)
        self.mail_button.setEnabled(prepared.mail() is not None)

    def _show_qr(self, prepared: PreparedRequest) -> None:
        qr = prepared.qr()
        self.qr_view.set_text(qr.text if qr is not None else "")
        self.qr_view.setVisible(qr is not None)
        if qr is None:
            self.qr_caption.setText("")
        elif qr.opens is Opens.MAIL_DRAFT:
            address = shown(qr.target, 120)
            if qr.holds is Holds.LETTER:
                caption = self.tr("Scan with the owner's phone: an email to {address} with the whole request.")
            elif qr.holds is Holds.FACTS:
                caption = self.tr("Scan with the owner's phone: an email to {address} with every fact above.")
            else:
                caption = self.tr("Scan with the owner's phone: an email to {address} with the main facts: {facts}.")
            caption = caption.format(address=address, facts=", ".join(field_name(which) for which in qr.facts))
            self.qr_caption.setText(caption + " " + self.tr("Attach the photos before sending it."))
        elif qr.opens is Opens.WEB_PAGE:
            # The copied text is on this computer's clipboard, not on the owner's phone.
            self.qr_caption.setText(
                self.tr(
                    "Scan with the owner's phone to open {address}: a web form, not an email. Fill it in from "
                    "the request below or the printout, or paste the request on this computer with the "
                    "button beside."
                ).format(address=shown(qr.target, 120))
            )
        else:
            self.qr_caption.setText(self.tr("Scan with the owner's phone to call {number}.").format(number=qr.target))

    def _fill_destinations(self, prepared: PreparedRequest) -> None:
        self.destination_combo.blockSignals(True)
        self.destination_combo.clear()
        for contact in prepared.contacts:
            # The name alone, so it is never cut in a narrow window; the note below says the rest.
            name = shown(contact.label or contact.address, 60)
            if not contact.verified:
                name = self.tr("{name} (unverified)").format(name=name)
            self.destination_combo.addItem(name, contact.id)
            self.destination_combo.setItemData(
                self.destination_combo.count() - 1, shown(contact.address, 200), Qt.ItemDataRole.ToolTipRole
            )
        chosen = prepared.destination.id if prepared.destination is not None else ""
        self.destination_combo.setCurrentIndex(max(0, self.destination_combo.findData(chosen)))
        self.destination_combo.blockSignals(False)

    def _show_destination(self, prepared: PreparedRequest) -> None:
        contact = prepared.destination
        if contact is None:
            self.destination_note.setText("")
            return
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

    # --- handing over -------------------------------------------------------------------------------

    def _on_copy_button_clicked(self) -> None:
        prepared = self.prepared
        if prepared is None or prepared.request is None:
            return
        self._copy(prepared.request.as_text())
        self._tell(lambda: self.tr("Copied. Paste it into an email or the help centre's form."), Tone.SUCCESS)
        self.handed_over.emit()

    def _on_web_button_clicked(self) -> None:
        prepared = self.prepared
        if prepared is None or prepared.request is None or prepared.destination is None:
            return
        self._copy(prepared.request.as_text())
        self._tell(
            lambda: self.tr("Copied. Paste it into the help centre's form, then attach the photos."), Tone.SUCCESS
        )
        self._open_url(prepared.destination.address, prepared.request.as_text())
        self.handed_over.emit()

    def _on_mail_button_clicked(self) -> None:
        prepared = self.prepared
        if prepared is None or prepared.request is None:
            return
        link = prepared.mail()
        if link is None:
            return
        if not link.complete:
            self._copy(prepared.request.as_text())
            self._tell(
                lambda: self.tr("The request is too long for a mail link: it was copied. Paste it into the email."),
                Tone.INFO,
            )
        if self._open_url(link.url, prepared.request.as_text()):
            self.handed_over.emit()

    @staticmethod
    def _pdf_name(prepared: PreparedRequest) -> str:
        account = re.sub(r"\D", "", prepared.facts.account_id) or "request"
        return f"mi-account-support-{account}.pdf"

    def _on_pdf_button_clicked(self) -> None:
        prepared = self.prepared
        if prepared is None or not prepared.ready:
            return
        target = dialogs.ask_save_path(
            self, self.tr("Save the request as PDF"), self._pdf_name(prepared), self.tr("PDF files (*.pdf)")
        )
        if target is None:
            return
        from mirecovery_gui.gui.support_document import write_pdf

        try:
            write_pdf(prepared, target)
        except OSError:
            log.exception("saving the PDF failed")
            self._tell(lambda: self.tr("The PDF could not be saved there. Choose another folder."), Tone.ERROR)
            return
        self._tell(lambda: self.tr("Saved: {path}").format(path=shown(str(target), 300)), Tone.SUCCESS)
        self.handed_over.emit()

    def _on_print_button_clicked(self) -> None:
        prepared = self.prepared
        if prepared is None or not prepared.ready:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from mirecovery_gui.gui.support_document import print_request

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        print_request(prepared, printer)
        self._tell(lambda: self.tr("Sent to the printer."), Tone.SUCCESS)
        self.handed_over.emit()
