"""Step 2: the captcha. Shown crisp on any screen; a wrong answer brings a new picture.

The same page serves a captcha demanded later (before a code is sent): its
Next button then says "Send code" and sends the code with the answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

from mirecovery_gui.core.flow import CaptchaPurpose, Step
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.recovery.calls import Request

if TYPE_CHECKING:
    from mirecovery_gui.client.results import TrainingPeek
    from mirecovery_gui.gui.pages.base import PageHost

DISPLAY_SIZE = QSize(270, 90)  # logical pixels; the service's picture has twice that for hi-DPI


class CaptchaPage(RecoveryPage):
    step = Step.CAPTCHA

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.keep(self.set_heading, lambda: self.tr("Prove you are a person"))
        self.captcha_image = QLabel(self)
        self.captcha_image.setObjectName("captcha_image")
        self.captcha_image.setFixedSize(DISPLAY_SIZE)
        self.captcha_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.captcha_image.setFrameShape(QLabel.Shape.StyledPanel)
        self.captcha_image.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.keep(self.captcha_image.setAccessibleName, lambda: self.tr("Captcha picture"))
        self.keep(
            self.captcha_image.setAccessibleDescription,
            lambda: self.tr(
                "A picture of characters to type. If you cannot see it, "
                "the support request is another way back into the account."
            ),
        )
        self.captcha_refresh_button = QPushButton(self)
        self.captcha_refresh_button.setObjectName("captcha_refresh_button")
        self.keep(self.captcha_refresh_button.setAccessibleName, lambda: self.tr("Get a new captcha picture"))
        self.captcha_refresh_button.clicked.connect(self._on_captcha_refresh_button_clicked)
        picture_row = QHBoxLayout()
        picture_row.addWidget(self.captcha_image)
        picture_row.addWidget(self.captcha_refresh_button, 0, Qt.AlignmentFlag.AlignVCenter)
        picture_row.addStretch(1)
        self.body.addLayout(picture_row)
        self.captcha_input = QLineEdit(self)
        self.captcha_input.setObjectName("captcha_input")
        self.captcha_input.setMaxLength(12)
        self.captcha_input.setInputMethodHints(
            Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhSensitiveData
        )
        self.keep(self.captcha_input.setPlaceholderText, lambda: self.tr("Characters in the picture"))
        self.captcha_input.textChanged.connect(lambda _: self.host.input_changed())
        self.captcha_label = QLabel(self)
        self.keep(self.captcha_label.setText, lambda: self.tr("&Characters:"))
        self.captcha_label.setBuddy(self.captcha_input)
        input_row = QHBoxLayout()
        input_row.addWidget(self.captcha_label)
        input_row.addWidget(self.captcha_input, 1)
        self.body.addLayout(input_row)
        self.paragraph(lambda: self.tr("Hard to read? Press New picture; it costs nothing."))
        self.training_show_answer_button = QPushButton(self)
        self.keep(self.training_show_answer_button.setText, lambda: self.tr("Show the &answer (training)"))
        self.training_show_answer_button.setObjectName("training_show_answer_button")
        self.training_show_answer_button.clicked.connect(self._on_training_show_answer_button_clicked)
        self.training_captcha_answer = QLabel(self)
        self.training_captcha_answer.setObjectName("training_captcha_answer")
        self.training_captcha_answer.setTextFormat(Qt.TextFormat.PlainText)
        self.training_captcha_answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.training_captcha_answer.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.training_captcha_answer.setFont(font)
        training_row = QHBoxLayout()
        training_row.addWidget(self.training_show_answer_button)
        training_row.addWidget(self.training_captcha_answer, 1)
        self.body.addLayout(training_row)
        self._serial: int | None = None  # the session's picture on show
        self._loaded = False

    @property
    def image_loaded(self) -> bool:
        return self._loaded

    # --- showing ------------------------------------------------------------------------------

    def entered(self) -> None:
        training = self.session.training
        self.training_show_answer_button.setVisible(training)
        self.training_captcha_answer.setVisible(training)

    def show_state(self) -> None:
        session = self.session
        sending = session.state.captcha_purpose is CaptchaPurpose.SEND
        self.set_intro(
            self.tr("For safety Xiaomi wants the characters in a picture before it sends a new code.")
            if sending
            else self.tr("Type the characters you see in the picture.")
        )
        loading = session.busy is Request.CAPTCHA
        self.captcha_refresh_button.setText(self.tr("Loading…") if loading else self.tr("⟳ New &picture"))
        self.captcha_refresh_button.setEnabled(session.busy is None)
        self.captcha_input.setReadOnly(session.busy is not None)
        if session.captcha is None:
            text = self.tr("Loading…") if loading else ""
            if self._serial is not None or self.captcha_image.text() != text:
                self._serial = None
                self._loaded = False
                self.clear_secrets()
                self.captcha_image.clear()
                self.captcha_image.setText(text)
        elif session.captcha_serial != self._serial:
            self._serial = session.captcha_serial
            self._loaded = self._show_picture(session.captcha.data)
            self.host.input_changed()

    def _show_picture(self, data: bytes) -> bool:
        self.clear_secrets()
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            self.captcha_image.setText(self.tr("The picture could not be shown. Press New picture."))
            return False
        ratio = self.devicePixelRatioF()
        target = DISPLAY_SIZE * ratio
        # Scale from the service's (larger) picture straight to device pixels: crisp at 200 %.
        scaled = pixmap.scaled(target, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.captcha_image.setPixmap(scaled)
        self.captcha_input.setFocus()
        return True

    # --- forwarding --------------------------------------------------------------------------------

    def _on_captcha_refresh_button_clicked(self) -> None:
        self.host.perform(self.session.new_picture())

    def _on_training_show_answer_button_clicked(self) -> None:
        self.host.perform(self.session.peek(), self._on_training_peek)

    def _on_training_peek(self, peek: TrainingPeek) -> None:
        self.training_captcha_answer.setText(peek.captcha_answer or "")
        self.captcha_input.setFocus()  # the answer is there to be typed: the keyboard goes where it is typed

    def ready(self) -> bool:
        return self.image_loaded and bool(self.captcha_input.text().strip())

    def next_text(self) -> str:
        if self.session.state.captcha_purpose is CaptchaPurpose.SEND:
            return self.tr("&Send code")
        return super().next_text()

    def main_action(self) -> None:
        self.host.perform(self.session.answer_captcha(self.captcha_input.text()))

    def clear_secrets(self) -> None:
        self.captcha_input.clear()
        self.training_captcha_answer.clear()

    def focus_first(self) -> QWidget | None:
        return self.captcha_input
