"""When the email and the phone are gone: the route through Xiaomi support.

The full request composer (account ID, IMEI, proof of purchase, PDF, QR)
arrives with its own change; this page already explains the route and links
to Xiaomi's help centre so nobody meets a dead end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from mirecovery_gui.core.flow import Step, SupportReason
from mirecovery_gui.gui.pages.base import RecoveryPage

if TYPE_CHECKING:
    from mirecovery_gui.gui.wizard import RecoveryWizard


class LostEverythingPage(RecoveryPage):
    step = Step.LOST_EVERYTHING

    def __init__(self, wizard: RecoveryWizard) -> None:
        super().__init__(wizard)
        self.set_heading(self.tr("Ask Xiaomi support"))
        self.setFinalPage(True)
        self.close_button_text()
        self.reason_label = self.paragraph("", "support_reason_label")
        self.route_label = self.paragraph(
            self.tr(
                "Xiaomi support can give the account back when the owner proves the phone is theirs. "
                "Prepare:\n"
                "• the Mi account ID (shown on the locked phone's screen, or in old emails from Xiaomi);\n"
                "• the IMEI of the phone (dial *#06#, or read it on the box label or the SIM tray);\n"
                "• a photo of the purchase invoice or receipt, and of the box label with the IMEI;\n"
                "• an email address the owner can read now, for Xiaomi's answer.\n\n"
                "Support answers in days, not minutes. Nothing here unlocks a phone without the "
                "owner's proof."
            ),
            "support_route_label",
        )
        self.help_center_button = QPushButton(self.tr("Open Xiaomi's &help centre"), self)
        self.help_center_button.setObjectName("help_center_button")
        self.help_center_button.clicked.connect(self._on_help_center_button_clicked)
        self.body.addWidget(self.help_center_button, 0, Qt.AlignmentFlag.AlignLeft)

    def initializePage(self) -> None:
        super().initializePage()
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
                "The way back is a request to Xiaomi support."
            ),
        }
        self.reason_label.setText(texts.get(reason, texts[SupportReason.CONTACTS_LOST]) if reason else "")

    def _on_help_center_button_clicked(self) -> None:
        profile = self.recovery().profile
        self.recovery().open_url(profile.help_urls.help_center if profile else "https://account.xiaomi.com/helpcenter")

    def focus_first(self) -> QWidget | None:
        return self.help_center_button
