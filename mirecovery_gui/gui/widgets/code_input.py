"""The verification-code field: digits only, the server's length, forgiving paste.

Pasting "123 456", "123-456" or a whole message ("Your code is 123456. It
expires in 10 minutes.") leaves just the code. The validator does it, so
typing, pasting and drag-and-drop all go through the same rule.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from mirecovery_gui.core.text import digits_only

# A pasted message is taken up to this many characters: room for an SMS
# ("[Xiaomi] Your verification code is 123456. It expires in 10 minutes...")
# but never a whole clipboard, which would only be searched for a code.
MAX_PASTE = 200


def extract_code(text: str, length: int) -> str:
    """The code in ``text``: a run of exactly ``length`` digits (one separator allowed between groups)."""
    pattern = re.compile(r"(?<!\d)(\d(?:[ \-.\u00a0]?\d){" + str(length - 1) + r"})(?!\d)")
    for match in pattern.finditer(text):
        digits = digits_only(match.group(1))
        if len(digits) == length:
            return digits
    return digits_only(text)[:length]


class CodeValidator(QValidator):
    def __init__(self, length: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.length = length

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        # The field's maxLength cuts a paste before Qt asks; this keeps the rule whoever asks.
        text = text[:MAX_PASTE]
        if text.isascii() and text.isdigit() and len(text) <= self.length:
            cleaned = text
        else:
            cleaned = extract_code(text, self.length)
            pos = len(cleaned)
        if not cleaned:
            return QValidator.State.Intermediate, cleaned, 0
        state = QValidator.State.Acceptable if len(cleaned) == self.length else QValidator.State.Intermediate
        return state, cleaned, min(pos, len(cleaned))


class CodeInput(QLineEdit):
    def __init__(self, length: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("code_input")
        self._validator = CodeValidator(length, self)
        self.setValidator(self._validator)
        self.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 6)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_length(length)

    @property
    def length(self) -> int:
        return self._validator.length

    def set_length(self, length: int) -> None:
        self._validator.length = length
        self.setMaxLength(max(length, MAX_PASTE))  # room for a pasted message; the validator keeps the code
        self.setPlaceholderText("0" * length)

    def complete(self) -> bool:
        return len(self.text()) == self.length and self.text().isdigit()
