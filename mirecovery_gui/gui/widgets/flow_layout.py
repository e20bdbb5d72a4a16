"""A row of widgets that wraps onto the next line when the page is too narrow for it.

Buttons side by side, or a QR code beside its buttons, read well in a wide window; at 1024x600 with the
training phone shown and 150% text the same row would push the page into sideways scrolling. This row
wraps instead, the way words do.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Left to right, top to bottom; as many items on a line as fit, each at its size hint."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # --- QLayout -----------------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        # Wide enough for one line of everything: what the row would like, not what it needs.
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._gap * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        # One item per line at the narrowest: never wider than the widest item.
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return self._with_margins(size)

    # --- laying out --------------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _with_margins(self, size: QSize) -> QSize:
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, place: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._shown():
            hint = item.sizeHint().boundedTo(QSize(max(area.width(), item.minimumSize().width()), 1 << 20))
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y = area.x(), y + line_height + self._gap
                line_height = 0
            height = self._height_at(item, hint.width())
            if place:
                item.setGeometry(QRect(QPoint(x, y), QSize(hint.width(), height)))
            x += hint.width() + self._gap
            line_height = max(line_height, height)
        return y + line_height - rect.y() + margins.bottom()

    @staticmethod
    def _height_at(item: QLayoutItem, width: int) -> int:
        return item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()


def flow_row(parent: QWidget, *widgets: QWidget, spacing: int = 8) -> QWidget:
    """A widget holding ``widgets`` in a :class:`FlowLayout`, ready to add to a page."""
    row = QWidget(parent)
    layout = FlowLayout(row, spacing)
    for widget in widgets:
        layout.addWidget(widget)
    return row
