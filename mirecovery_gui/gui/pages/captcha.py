"""Step 2: the captcha. Shown crisp on any screen; a wrong answer brings a new picture.

The same page serves a captcha demanded later (before a code is sent): its
Next button then says "Send code" and sends the code with the answer.

The picture comes from the network, so it is decoded on a short-lived thread
(QImage works in any thread; QPixmap only in the GUI thread) after its byte
count, format and pixel size are checked: a small PNG of 7000 x 7000 pixels
once took 250 ms and 188 MB on the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

from mirecovery_gui.core.flow import CaptchaPurpose, Step
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.recovery.calls import Request

if TYPE_CHECKING:
    from mirecovery_gui.client.results import TrainingPeek
    from mirecovery_gui.gui.pages.base import PageHost

log = logging.getLogger(__name__)

DISPLAY_SIZE = QSize(270, 90)  # logical pixels; the service's picture has twice that for hi-DPI

# A captcha is a few KB and a few hundred pixels wide (the training one 360 x 120).
# Anything past these is refused before it is decoded.
MAX_PICTURE_BYTES = 512 * 1024
MAX_PICTURE_SIZE = QSize(2000, 1000)
# Formats a captcha comes in. Not SVG (a drawing program, not a picture), PDF or TIFF.
PICTURE_FORMATS = frozenset({b"png", b"jpeg", b"jpg", b"gif", b"bmp", b"webp"})
DECODE_WAIT_S = 2.0  # at close, the longest wait for a decode still running (one takes milliseconds)


def decode_picture(data: bytes, target: QSize) -> QImage | None:
    """The picture in ``data`` scaled to fit ``target`` (device pixels), or None if it is refused or broken.

    Safe on any thread. The size is read from the header first, and a larger
    picture is decoded straight to the display size (``setScaledSize``), so
    memory stays near the display size whatever the picture claims.
    """
    if not data or len(data) > MAX_PICTURE_BYTES:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    reader = QImageReader(buffer)
    reader.setAllocationLimit(64)  # MB: a second guard, should a header lie about the size
    if bytes(reader.format().data()).lower() not in PICTURE_FORMATS:
        return None
    size = reader.size()  # from the header only; invalid when the format cannot tell before decoding
    if (
        not size.isValid()
        or size.isEmpty()
        or size.width() > MAX_PICTURE_SIZE.width()
        or size.height() > MAX_PICTURE_SIZE.height()
    ):
        return None
    fitted = size.scaled(target, Qt.AspectRatioMode.KeepAspectRatio)
    if size.width() > fitted.width():
        reader.setScaledSize(fitted)
    image = reader.read()
    if image.isNull():
        return None
    if image.size() != fitted:
        # Scale from the service's picture straight to device pixels: crisp at 200 %.
        image = image.scaled(fitted, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return image


class _PictureDecoder(QObject):
    """Runs :func:`decode_picture` on a thread of its own; the result comes back on the GUI thread."""

    # The picture's serial and the QImage, or None. Emitted from the decoding thread: delivered
    # queued on the thread this object lives in (the GUI thread), as the request runner's results are.
    decoded = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threads: list[threading.Thread] = []

    def start(self, serial: int, data: bytes, target: QSize) -> None:
        thread = threading.Thread(
            target=self._run, args=(serial, data, QSize(target)), name="mirecovery-captcha-picture", daemon=True
        )
        self._threads = [t for t in self._threads if t.is_alive()]
        self._threads.append(thread)
        thread.start()

    def _run(self, serial: int, data: bytes, target: QSize) -> None:
        image: QImage | None = None
        try:
            image = decode_picture(data, target)
        except Exception:  # a broken picture must end as "could not be shown", never kill the page
            log.exception("the captcha picture could not be decoded")
        # RuntimeError: the page was deleted while this thread finished; nobody waits.
        with contextlib.suppress(RuntimeError):
            self.decoded.emit(serial, image)

    def wait(self, timeout_s: float) -> bool:
        """Wait (bounded) for the decodes still running; True when none is left."""
        end = time.monotonic() + timeout_s
        for thread in self._threads:
            thread.join(timeout=max(0.0, end - time.monotonic()))
        self._threads = [t for t in self._threads if t.is_alive()]
        return not self._threads


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
        self._serial: int | None = None  # the session's picture on show (or being decoded)
        self._loaded = False
        self._ratio = 1.0  # the device pixel ratio the picture on show (or being decoded) was made for
        self._decoder = _PictureDecoder(self)
        self._decoder.decoded.connect(self._on_picture_decoded)

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
            self._loaded = False
            self.clear_secrets()
            self.captcha_image.clear()
            self.captcha_image.setText(self.tr("Loading…"))
            self._ratio = self.devicePixelRatioF()
            self._decoder.start(session.captcha_serial, session.captcha.data, DISPLAY_SIZE * self._ratio)
            self.host.input_changed()

    def _on_picture_decoded(self, serial: int, image: QImage | None) -> None:
        if serial != self._serial:
            return  # a newer picture came meanwhile, or the recovery started again
        if image is None:
            self.captcha_image.setText(self.tr("The picture could not be shown. Press New picture."))
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self._ratio)
        self.captcha_image.setPixmap(pixmap)
        self._loaded = True
        if self.isVisible():
            self.captcha_input.setFocus()
        self.host.input_changed()

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

    def about_to_close(self) -> None:
        # No decoding thread outlives the window (each is bounded; this is a wait of milliseconds).
        if not self._decoder.wait(DECODE_WAIT_S):
            log.warning("a captcha picture was still being decoded at close")

    def focus_first(self) -> QWidget | None:
        return self.captcha_input
