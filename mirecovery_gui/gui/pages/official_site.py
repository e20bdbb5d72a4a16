"""When the live provider cannot go on: the same steps on Xiaomi's official website."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from mirecovery_gui.core.flow import Step, SupportReason
from mirecovery_gui.gui.i18n import shown
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.widgets.flow_layout import flow_row
from mirecovery_gui.gui.widgets.link_button import LinkButton
from mirecovery_gui.gui.widgets.qr_view import QrView

if TYPE_CHECKING:
    from mirecovery_gui.gui.pages.base import PageHost


class OfficialSitePage(RecoveryPage):
    step = Step.OFFICIAL_SITE

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.keep(self.set_heading, lambda: self.tr("Continue on Xiaomi's website"))
        self.keep(
            self.set_intro,
            lambda: self.tr("The app cannot talk to Xiaomi right now. The same steps work on the official website."),
        )
        self.checklist_label = self.paragraph(
            lambda: self.tr(
                "1. Open the page (button below, or scan the code with the phone's camera).\n"
                "2. Type the email, phone number or Mi account ID.\n"
                "3. Type the characters in the picture.\n"
                "4. Press Send to get a verification code by SMS or email.\n"
                "5. Type the code (Resend if it does not come in a minute; check Spam).\n"
                "6. Choose the new password, then sign in again on the phone."
            ),
            "official_checklist_label",
        )
        self.qr_view = QrView(self)
        self.keep(self.qr_view.setAccessibleName, lambda: self.tr("QR code of the official forgot-password page"))
        self.scan_label = QLabel(self)
        self.keep(self.scan_label.setText, lambda: self.tr("Scan to open it on the phone:"))
        self.url_label = QLabel(self)
        self.url_label.setObjectName("official_url_label")
        self.url_label.setTextFormat(Qt.TextFormat.PlainText)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_site_button = QPushButton(self)
        self.keep(self.open_site_button.setText, lambda: self.tr("&Open the official website"))
        self.open_site_button.setObjectName("open_site_button")
        self.open_site_button.clicked.connect(self._on_open_site_button_clicked)
        self.support_button = LinkButton(self)
        self.keep(self.support_button.setText, lambda: self.tr("No email or phone? Prepare a &support request"))
        self.support_button.setObjectName("official_support_button")
        self.support_button.clicked.connect(
            lambda: self.host.perform(self.session.go_support(SupportReason.CONTACTS_LOST))
        )
        actions_box = QWidget(self)
        actions = QVBoxLayout(actions_box)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.url_label)
        actions.addWidget(self.open_site_button, 0, Qt.AlignmentFlag.AlignLeft)
        actions.addWidget(self.support_button, 0, Qt.AlignmentFlag.AlignLeft)
        actions.addStretch(1)
        code_box = QWidget(self)
        code = QVBoxLayout(code_box)
        code.setContentsMargins(0, 0, 0, 0)
        code.addWidget(self.scan_label)
        code.addWidget(self.qr_view)
        # The code beside the buttons where there is room, under them where there is not.
        self.body.addWidget(flow_row(self, actions_box, code_box, spacing=16))

    def url(self) -> str:
        return self.session.official_url

    def entered(self) -> None:
        self.qr_view.set_text(self.url())
        self.url_label.setText(shown(self.url()))

    def is_final(self) -> bool:
        return True

    def main_action(self) -> None:
        self._on_open_site_button_clicked()

    def _on_open_site_button_clicked(self) -> None:
        self.host.open_url(self.url())

    def focus_first(self) -> QWidget | None:
        return self.open_site_button
