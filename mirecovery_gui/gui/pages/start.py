"""Choose the provider: Xiaomi (live, experimental) or the training service."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QWidget

from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.pages.base import RecoveryPage

if TYPE_CHECKING:
    from mirecovery_gui.gui.pages.base import PageHost


class StartPage(RecoveryPage):
    step = Step.START

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.live_radio = QRadioButton(self)
        self.live_radio.setObjectName("provider_live")
        self.live_note = self._note()
        self.training_radio = QRadioButton(self)
        self.training_radio.setObjectName("provider_training")
        self.training_note = self._note()
        self.choice_group = QButtonGroup(self)
        self.choice_group.addButton(self.live_radio)
        self.choice_group.addButton(self.training_radio)
        self.choice_group.buttonToggled.connect(lambda *_: self.host.input_changed())
        for widget in (self.live_radio, self.live_note, self.training_radio, self.training_note):
            self.body.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.set_heading(self.tr("Get back into a Mi Account"))
        self.set_intro(self.tr("This assistant follows Xiaomi's official recovery steps. Choose how to work."))
        self._show_live_note()
        self.training_radio.setText(self.tr("&Training: practise with sample accounts (works offline)"))
        self.training_note.setText(
            self.tr(
                "A practice service on this computer. Codes appear on a training phone in the "
                "window. Try demo@example.com."
            )
        )
        # The notes describe the choices to a screen reader too.
        self.live_radio.setAccessibleDescription(self.live_note.text())
        self.training_radio.setAccessibleDescription(self.training_note.text())

    def _show_live_note(self) -> None:
        # What the real-account mode does, as set (Settings or --real-account) when the page shows.
        if self.session.real_account_mode == "direct":
            self.live_radio.setText(self.tr("&Xiaomi account: recover a real account (experimental)"))
            self.live_note.setText(
                self.tr(
                    "Talks to Xiaomi's servers. Xiaomi does not publish this service, so this mode "
                    "follows its known conventions and may stop working; when it does, the app "
                    "takes you to Xiaomi's official website with the same steps."
                )
            )
        else:
            self.live_radio.setText(self.tr("&Xiaomi account: recover a real account on Xiaomi's own page"))
            self.live_note.setText(
                self.tr(
                    "Xiaomi's own forgot-password page, inside this window, with a guide beside it to what it "
                    "asks next. Nothing from it is kept: no cookies, no history, nothing on disk."
                )
            )
        self.live_radio.setAccessibleDescription(self.live_note.text())

    def entered(self) -> None:
        self._show_live_note()

    def _note(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setIndent(24)
        return label

    def ready(self) -> bool:
        return self.live_radio.isChecked() or self.training_radio.isChecked()

    def main_action(self) -> None:
        self.host.choose_provider("training" if self.training_radio.isChecked() else "xiaomi")

    def focus_first(self) -> QWidget | None:
        return self.live_radio
