"""Step 6: done. What to do on the phone now, and a clean start for the next customer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.pages.base import RecoveryPage

if TYPE_CHECKING:
    from mirecovery_gui.gui.pages.base import PageHost


class DonePage(RecoveryPage):
    step = Step.DONE

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.keep(self.set_heading, lambda: self.tr("The password has been changed"))
        self.keep(self.set_intro, lambda: self.tr("The Mi Account has its new password. Three things to do now:"))
        self.steps_label = self.paragraph(
            lambda: self.tr(
                "1. On the phone, open Settings > Mi Account (Xiaomi Account on HyperOS) and sign in "
                "with the new password. Other devices and Mi Cloud ask for it too.\n\n"
                "2. Check that Find Device is on (Settings > Mi Account > Find device), so the phone "
                "can be found or locked if it is lost.\n\n"
                "3. Keep the password safe: in a password manager, or written down somewhere only the "
                "owner can reach. Never share verification codes with anyone."
            ),
            "done_steps_label",
        )
        self.start_another_button = QPushButton(self)
        self.keep(self.start_another_button.setText, lambda: self.tr("Start &another recovery"))
        self.start_another_button.setObjectName("start_another_button")
        self.start_another_button.clicked.connect(lambda: self.session.start_over())
        self.body.addWidget(self.start_another_button, 0, Qt.AlignmentFlag.AlignLeft)

    def is_final(self) -> bool:
        return True

    def focus_first(self) -> QWidget | None:
        return self.start_another_button
