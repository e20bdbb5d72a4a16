"""A QR code painted from pyqrcode's module matrix.

pyqrcode's PNG writer needs pypng, which it does not install; the matrix
(``QRCode.code``, 1 = dark) painted with QPainter needs nothing more and
stays crisp at any scale. A quiet zone of four modules surrounds it, as
ISO/IEC 18004 asks, so phone cameras find it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4


def qr_matrix(text: str, error: str = "M") -> list[list[int]]:
    import pyqrcode

    return [list(row) for row in pyqrcode.create(text, error=error, mode="binary").code]


def paint_qr(painter: QPainter, matrix: list[list[int]], rect: QRectF, snap: float = 0.0) -> None:
    """Paint ``matrix`` with its quiet zone, square, centred in ``rect``.

    With ``snap`` (the device pixel ratio), each module is a whole number of
    device pixels: no blurred edges for a phone camera to misread on a screen.
    """
    count = len(matrix) + 2 * QUIET_ZONE
    side = min(rect.width(), rect.height())
    module = side / count
    if snap > 0 and module * snap >= 1:
        module = int(module * snap) / snap
        side = module * count
    left = rect.left() + (rect.width() - side) / 2
    top = rect.top() + (rect.height() - side) / 2
    if snap > 0:
        left, top = round(left * snap) / snap, round(top * snap) / snap
    painter.fillRect(QRectF(left, top, side, side), QColor("white"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        run_start = None
        # Runs of dark modules become one rectangle: fewer calls, no seams.
        for x, value in enumerate([*row, 0]):
            if value and run_start is None:
                run_start = x
            elif not value and run_start is not None:
                painter.drawRect(
                    QRectF(
                        left + (run_start + QUIET_ZONE) * module,
                        top + (y + QUIET_ZONE) * module,
                        (x - run_start) * module,
                        module,
                    )
                )
                run_start = None


def qr_image(text: str, modules_px: int = 8) -> QImage:
    matrix = qr_matrix(text)
    side = (len(matrix) + 2 * QUIET_ZONE) * modules_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_qr(painter, matrix, QRectF(0, 0, side, side))
    painter.end()
    return image


class QrView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qr_view")
        self._matrix: list[list[int]] = []
        self.text = ""
        self.setMinimumSize(180, 180)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_text(self, text: str) -> None:
        self.text = text
        self._matrix = qr_matrix(text) if text else []
        self.setAccessibleDescription(text)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(220, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._matrix:
            return
        painter = QPainter(self)
        paint_qr(painter, self._matrix, QRectF(self.rect()), snap=self.devicePixelRatioF())
        painter.end()
