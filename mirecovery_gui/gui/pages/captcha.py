"""Step 2: the captcha. Shown crisp on any screen; a wrong answer brings a new picture.

The same page serves a captcha demanded later (87001 before a send): its
Next button then says "Send code" and sends the code with the answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
    QWizard,
)

from mirecovery_gui.client.errors import (
    CaptchaError,
    NextAction,
    RecoveryError,
    SendLimitError,
    UnknownAccountError,
)
from mirecovery_gui.client.results import CaptchaImage, SendResult, StartResult, TrainingPeek
from mirecovery_gui.core import flow
from mirecovery_gui.core.flow import CaptchaPurpose, Channel, Step, SupportReason
from mirecovery_gui.core.identifier import Identifier
from mirecovery_gui.gui.i18n import translate
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.theme import Tone

if TYPE_CHECKING:
    from collections.abc import Callable

    from mirecovery_gui.gui.wizard import RecoveryWizard

DISPLAY_SIZE = QSize(270, 90)  # logical pixels; the service's picture has twice that for hi-DPI


class CaptchaPage(RecoveryPage):
    step = Step.CAPTCHA

    def __init__(self, wizard: RecoveryWizard) -> None:
        super().__init__(wizard)
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
        self.keep(self.captcha_refresh_button.setText, lambda: self.tr("⟳ New &picture"))
        self.captcha_refresh_button.setObjectName("captcha_refresh_button")
        self.keep(self.captcha_refresh_button.setAccessibleName, lambda: self.tr("Get a new captcha picture"))
        self.captcha_refresh_button.clicked.connect(self.load_captcha)
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
        self.captcha_input.textChanged.connect(lambda _: self.completeChanged.emit())
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
        self.image_loaded = False

    # --- picture -------------------------------------------------------------------------

    def load_captcha(self) -> None:
        self.image_loaded = False
        self.captcha_input.clear()
        self.training_captcha_answer.clear()
        self.captcha_image.clear()
        self.captcha_image.setText(self.tr("Loading…"))
        self.run(
            lambda client: client.fetch_captcha(),
            self._on_captcha_loaded,
            button=self.captcha_refresh_button,
            busy_text=self.tr("Loading…"),
            name="captcha",
            retry=self.load_captcha,
        )

    def _on_captcha_loaded(self, image: CaptchaImage) -> None:
        pixmap = QPixmap()
        if not pixmap.loadFromData(image.data):
            self.captcha_image.setText(self.tr("The picture could not be shown. Press New picture."))
            return
        ratio = self.devicePixelRatioF()
        target = DISPLAY_SIZE * ratio
        # Scale from the service's (larger) picture straight to device pixels: crisp at 200 %.
        scaled = pixmap.scaled(target, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.captcha_image.setPixmap(scaled)
        self.image_loaded = True
        self.captcha_input.setFocus()
        self.completeChanged.emit()

    def _on_training_show_answer_button_clicked(self) -> None:
        self.run(
            lambda client: client.training_peek(),
            self._on_training_peek,
            button=self.training_show_answer_button,
            name="peek",
        )

    def _on_training_peek(self, peek: TrainingPeek) -> None:
        self.training_captcha_answer.setText(peek.captcha_answer or "")

    # --- step ------------------------------------------------------------------------------

    def ready(self) -> bool:
        return self.image_loaded and bool(self.captcha_input.text().strip())

    def _purpose_texts(self) -> None:
        sending = self.recovery().state.captcha_purpose is CaptchaPurpose.SEND
        self.setButtonText(
            QWizard.WizardButton.NextButton,
            self.tr("&Send code") if sending else self.tr("&Next >"),
        )
        self.set_intro(
            self.tr("For safety Xiaomi wants the characters in a picture before it sends a new code.")
            if sending
            else self.tr("Type the characters you see in the picture.")
        )

    def initializePage(self) -> None:
        super().initializePage()
        self._purpose_texts()
        wizard = self.recovery()
        training = wizard.training
        self.training_show_answer_button.setVisible(training)
        self.training_captcha_answer.setVisible(training)
        self.load_captcha()

    def revisited(self) -> None:
        super().revisited()
        self.initializePage()  # the old picture was used up

    def retranslate(self) -> None:
        super().retranslate()
        self._purpose_texts()

    def validate_step(self) -> bool:
        wizard = self.recovery()
        answer = self.captcha_input.text().strip()
        if wizard.state.captcha_purpose is CaptchaPurpose.SEND:
            channel = wizard.state.channel or Channel.EMAIL
            self.run(
                lambda client: client.send_code(channel, answer),
                self._on_code_sent,
                name="send",
                retry=self._retry_with_new_picture,
            )
            return False
        identifier = wizard.state.identifier
        assert isinstance(identifier, Identifier)
        self.run(
            lambda client: client.start(identifier, answer),
            self._on_started,
            name="start",
            retry=self._retry_with_new_picture,
        )
        return False

    def _retry_with_new_picture(self) -> None:
        # The answer was spent with the failed request: a fresh picture first.
        self.load_captcha()

    def _on_started(self, result: StartResult) -> None:
        wizard = self.recovery()
        wizard.set_state(flow.started(wizard.state, result.options))
        self.clear_secrets()
        self.advance()

    def _on_code_sent(self, result: SendResult) -> None:
        self.recovery().code_was_sent(result)
        self.clear_secrets()
        self.advance()

    def handle_error(self, error: RecoveryError) -> None:
        if isinstance(error, CaptchaError):
            # Say so, and bring the next picture straight away.
            self.load_captcha()
            self.error_panel.show_message(translate(error.message), Tone.ERROR)
            return
        super().handle_error(error)

    def error_actions(self, error: RecoveryError) -> dict[NextAction, Callable[[], None]]:
        actions = super().error_actions(error)
        actions[NextAction.NEW_CAPTCHA] = self.load_captcha
        if isinstance(error, UnknownAccountError):
            actions[NextAction.FIX_INPUT] = self.recovery().back
        if isinstance(error, SendLimitError):
            actions[NextAction.SUPPORT_REQUEST] = lambda: self.recovery().go_support(SupportReason.SEND_LIMIT)
        return actions

    def clear_secrets(self) -> None:
        self.captcha_input.clear()
        self.training_captcha_answer.clear()

    def focus_first(self) -> QWidget | None:
        return self.captcha_input
