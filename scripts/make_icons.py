"""Draw the app icon (an original design: a circular 'restore' arrow around a key).

    python scripts/make_icons.py

Writes resources/icons/mirecovery-<size>.png and mirecovery.ico. No Xiaomi
logo or trademark artwork: teal, not Xiaomi orange, and no 'mi' letters.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    gradient = QLinearGradient(0, 0, 0, s)
    gradient.setColorAt(0, QColor("#00a08a"))
    gradient.setColorAt(1, QColor("#00695c"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    margin = s * 0.04
    p.drawRoundedRect(QRectF(margin, margin, s - 2 * margin, s - 2 * margin), s * 0.22, s * 0.22)

    white = QColor("white")
    centre = QPointF(s / 2, s / 2)
    radius = s * 0.30
    stroke = max(1.5, s * 0.075)
    pen = QPen(white, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    # An arc of 300 degrees, open at the top right, ending in an arrowhead.
    start_deg, span_deg = 70, 290
    p.drawArc(
        QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
        start_deg * 16,
        span_deg * 16,
    )
    end = math.radians(start_deg)
    tip = QPointF(centre.x() + radius * math.cos(end), centre.y() - radius * math.sin(end))
    head = s * 0.13
    arrow = QPainterPath(tip + QPointF(head * 0.9, -head * 0.15))
    arrow.lineTo(tip + QPointF(-head * 0.35, -head * 0.75))
    arrow.lineTo(tip + QPointF(-head * 0.25, head * 0.55))
    arrow.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(white)
    p.drawPath(arrow)

    # The key: a ring and a shaft with two teeth, inside the arc.
    key_pen = QPen(white, max(1.2, s * 0.06), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(key_pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    ring = s * 0.075
    ring_centre = QPointF(s * 0.42, s * 0.5)
    p.drawEllipse(ring_centre, ring, ring)
    shaft_start = QPointF(ring_centre.x() + ring, ring_centre.y())
    shaft_end = QPointF(s * 0.66, ring_centre.y())
    p.drawLine(shaft_start, shaft_end)
    if size >= 24:
        p.drawLine(QPointF(s * 0.63, ring_centre.y()), QPointF(s * 0.63, ring_centre.y() + s * 0.07))
        p.drawLine(QPointF(s * 0.575, ring_centre.y()), QPointF(s * 0.575, ring_centre.y() + s * 0.05))
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication([*sys.argv[:1], "-platform", "offscreen"])
    del app
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw(size).save(str(OUT / f"mirecovery-{size}.png"))
    draw(256).save(str(OUT / "mirecovery.ico"))
    print(f"icons written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
