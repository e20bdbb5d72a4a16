"""Step 6: done. How the owner finishes on the phone, a slip to take home, and a clean start for the next customer."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui import dialogs
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.theme import Tone
from mirecovery_gui.gui.widgets.flow_layout import flow_row
from mirecovery_gui.recovery.calls import Request

if TYPE_CHECKING:
    from mirecovery_gui.gui.pages.base import PageHost

log = logging.getLogger(__name__)


class DonePage(RecoveryPage):
    step = Step.DONE

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.keep(self.set_heading, self._heading)
        self.keep(self.set_intro, self._intro)
        self.steps_label = self.paragraph(self._steps, "done_steps_label")
        self.not_kept_label = self.paragraph(
            lambda: self.tr(
                "mirecovery keeps no copy of the password and cannot show it again. Print or save the "
                "owner's slip with the buttons below and give them that, not the password on paper."
            ),
            "done_not_kept_label",
        )
        self.print_slip_button = QPushButton(self)
        self.keep(self.print_slip_button.setText, lambda: self.tr("&Print the owner's slip…"))
        self.print_slip_button.setObjectName("print_slip_button")
        self.print_slip_button.clicked.connect(self._on_print_slip_button_clicked)
        self.slip_pdf_button = QPushButton(self)
        self.keep(self.slip_pdf_button.setText, lambda: self.tr("Save the slip as P&DF…"))
        self.slip_pdf_button.setObjectName("slip_pdf_button")
        self.slip_pdf_button.clicked.connect(self._on_slip_pdf_button_clicked)
        self.body.addWidget(flow_row(self, self.print_slip_button, self.slip_pdf_button))
        self.start_another_button = QPushButton(self)
        self.keep(self.start_another_button.setText, lambda: self.tr("Start &another recovery"))
        self.start_another_button.setObjectName("start_another_button")
        self.start_another_button.clicked.connect(lambda: self.session.start_over())
        self.body.addWidget(self.start_another_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _confirmed(self) -> bool:
        return Request.RESET not in self.session.unconfirmed

    def _heading(self) -> str:
        if self._confirmed():
            return self.tr("The password has been changed")
        return self.tr("The new password should now be active")

    def _intro(self) -> str:
        if self._confirmed():
            return self.tr("The owner finishes on the phone. Hand them the phone and go through these steps together:")
        return self.tr(
            "Xiaomi's answer was lost on the way, so the change is not confirmed: step 2 shows whether it "
            "worked; if it does not, start again. Hand the owner the phone and go through these steps together:"
        )

    def _steps(self) -> str:
        from mirecovery_gui.gui.handover_slip import steps

        return "\n\n".join(f"{number}. {step}" for number, step in enumerate(steps(), start=1))

    def entered(self) -> None:
        self.set_heading(self._heading())
        self.set_intro(self._intro())

    # --- the slip ------------------------------------------------------------------------------

    def _on_print_slip_button_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from mirecovery_gui.gui.handover_slip import build_slip, print_slip

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        print_slip(build_slip(self.session.hand_over()), printer)
        self.error_panel.show_message(lambda: self.tr("The slip was sent to the printer."), Tone.SUCCESS)

    def _on_slip_pdf_button_clicked(self) -> None:
        from mirecovery_gui.gui.handover_slip import write_slip_pdf

        facts = self.session.hand_over()
        name = f"mi-account-slip-{facts.case_number.lower() or 'owner'}.pdf"
        target = dialogs.ask_save_path(self, self.tr("Save the slip as PDF"), name, self.tr("PDF files (*.pdf)"))
        if target is None:
            return
        try:
            write_slip_pdf(facts, target)
        except OSError:
            log.exception("saving the slip failed")
            self.error_panel.show_message(
                lambda: self.tr("The slip could not be saved there. Choose another folder."), Tone.ERROR
            )
            return
        self.error_panel.show_message(lambda: self.tr("Saved: {path}").format(path=target.name), Tone.SUCCESS)

    def is_final(self) -> bool:
        return True

    def main_action(self) -> None:
        self.session.start_over()

    def focus_first(self) -> QWidget | None:
        return self.start_another_button
