"""Step 6: done. What to do on the phone now, and a clean start for the next customer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.recovery.calls import Request

if TYPE_CHECKING:
    from mirecovery_gui.gui.pages.base import PageHost


class DonePage(RecoveryPage):
    step = Step.DONE

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.keep(self.set_heading, self._heading)
        self.keep(self.set_intro, self._intro)
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

    def _confirmed(self) -> bool:
        return Request.RESET not in self.session.unconfirmed

    def _heading(self) -> str:
        if self._confirmed():
            return self.tr("The password has been changed")
        return self.tr("The new password should now be active")

    def _intro(self) -> str:
        if self._confirmed():
            return self.tr("The Mi Account has its new password. Three things to do now:")
        return self.tr(
            "Xiaomi's answer was lost on the way, so the change is not confirmed. Signing in with the new "
            "password (step 1) shows whether it worked; if it does not, start again. Three things to do now:"
        )

    def entered(self) -> None:
        self.set_heading(self._heading())
        self.set_intro(self._intro())

    def is_final(self) -> bool:
        return True

    def focus_first(self) -> QWidget | None:
        return self.start_another_button
