"""A button drawn as a link whose words wrap, for the long "another way" actions on a page.

"I no longer have this email or phone number…" in Indonesian is wider than the page at 1024x600 with
150% text; a push button cannot wrap, so the page would scroll sideways. This one wraps like a label,
is reached with Tab and pressed with Enter or Space like any button, and draws its words in the
palette's link colour, so it follows a colour scheme switched while the app runs (a style sheet did not).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionFocusRect, QWidget

_PAD = 3  # room for the focus frame around the words
_FLAGS = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic | Qt.AlignmentFlag.AlignLeft


class LinkButton(QPushButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._apply_font()

    def _apply_font(self) -> None:
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and not self.font().underline():
            self._apply_font()
        super().changeEvent(event)

    def _text_rect(self, width: int) -> QRect:
        return self.fontMetrics().boundingRect(QRect(0, 0, max(1, width - 2 * _PAD), 1 << 16), int(_FLAGS), self.text())

    def sizeHint(self) -> QSize:
        one_line = self.fontMetrics().boundingRect(QRect(0, 0, 1 << 16, 1 << 16), int(_FLAGS), self.text())
        return QSize(one_line.width() + 2 * _PAD, one_line.height() + 2 * _PAD)

    def minimumSizeHint(self) -> QSize:
        longest_word = max((self.fontMetrics().horizontalAdvance(word) for word in self.text().split()), default=0)
        return QSize(longest_word + 2 * _PAD, self.fontMetrics().height() + 2 * _PAD)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._text_rect(width).height() + 2 * _PAD

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        role = QPalette.ColorRole.Link if self.isEnabled() else QPalette.ColorRole.WindowText
        painter.setPen(palette.color(group, role))
        painter.setFont(self.font())
        area = self.rect().adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.drawText(area, int(_FLAGS), self.text())
        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.rect = self.rect()
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)
        painter.end()
