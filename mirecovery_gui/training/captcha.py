"""Captcha pictures for the training service, drawn with QtGui.

Characters are drawn from stroke paths defined here rather than from a font,
so a picture looks the same on every machine and needs no QGuiApplication
(QImage and QPainter on a QImage work in any thread without one); Qt is
imported only to draw, so the service's rules run without it (the voice captcha's
stand-in, a tone per character, needs no Qt at all). Only
unambiguous characters are used (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), because the
point is practising the steps, not squinting.
"""

from __future__ import annotations

import math
import random
import secrets
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter

Stroke = tuple[tuple[float, float], ...]

# Each glyph: strokes on a 4 x 6 grid (x to the right, y down).
GLYPHS: dict[str, tuple[Stroke, ...]] = {
    "A": (((0, 6), (2, 0), (4, 6)), ((0.8, 3.8), (3.2, 3.8))),
    "C": (((4, 1), (3, 0), (1, 0), (0, 1), (0, 5), (1, 6), (3, 6), (4, 5)),),
    "D": (((0, 0), (0, 6), (2.5, 6), (4, 4.5), (4, 1.5), (2.5, 0), (0, 0)),),
    "E": (((4, 0), (0, 0), (0, 6), (4, 6)), ((0, 3), (3, 3))),
    "F": (((4, 0), (0, 0), (0, 6)), ((0, 3), (3, 3))),
    "H": (((0, 0), (0, 6)), ((4, 0), (4, 6)), ((0, 3), (4, 3))),
    "J": (((4, 0), (4, 5), (3, 6), (1, 6), (0, 5)),),
    "K": (((0, 0), (0, 6)), ((4, 0), (0, 3.6)), ((1.3, 2.5), (4, 6))),
    "M": (((0, 6), (0, 0), (2, 3.5), (4, 0), (4, 6)),),
    "N": (((0, 6), (0, 0), (4, 6), (4, 0)),),
    "P": (((0, 6), (0, 0), (3, 0), (4, 1), (4, 2), (3, 3), (0, 3)),),
    "R": (((0, 6), (0, 0), (3, 0), (4, 1), (4, 2), (3, 3), (0, 3)), ((2, 3), (4, 6))),
    "T": (((0, 0), (4, 0)), ((2, 0), (2, 6))),
    "U": (((0, 0), (0, 5), (1, 6), (3, 6), (4, 5), (4, 0)),),
    "V": (((0, 0), (2, 6), (4, 0)),),
    "W": (((0, 0), (1, 6), (2, 2.5), (3, 6), (4, 0)),),
    "X": (((0, 0), (4, 6)), ((4, 0), (0, 6))),
    "Y": (((0, 0), (2, 3), (4, 0)), ((2, 3), (2, 6))),
    "3": (
        ((0, 0.8), (1, 0), (3, 0), (4, 1), (4, 2), (3, 3), (1.5, 3)),
        ((3, 3), (4, 4), (4, 5), (3, 6), (1, 6), (0, 5.2)),
    ),
    "4": (((3, 6), (3, 0), (0, 4), (4, 4)),),
    "6": (
        (
            (3.5, 0),
            (1.5, 0),
            (0, 2),
            (0, 5),
            (1, 6),
            (3, 6),
            (4, 5),
            (4, 4),
            (3, 3),
            (1, 3),
            (0, 4),
        ),
    ),
    "7": (((0, 0), (4, 0), (1.5, 6)),),
    "9": (
        (
            (4, 2),
            (3, 3),
            (1, 3),
            (0, 2),
            (0, 1),
            (1, 0),
            (3, 0),
            (4, 1),
            (4, 4),
            (2.5, 6),
            (0.5, 6),
        ),
    ),
}
ALPHABET = "".join(GLYPHS)

WIDTH, HEIGHT = 360, 120  # pixels; shown at half size on a normal screen, crisp at 200 %


def new_answer(length: int = 5) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def render_png(answer: str, seed: int | None = None) -> bytes:
    """A distorted picture of ``answer`` as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    rng = random.Random(secrets.randbits(64) if seed is None else seed)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor(rng.randint(236, 250), rng.randint(236, 250), rng.randint(236, 250)))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _noise_dots(painter, rng)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        cell = WIDTH / (len(answer) + 1)
        for index, char in enumerate(answer):
            _draw_glyph(painter, rng, char, cell * (index + 0.55), cell)
        _noise_curves(painter, rng)
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stub says bytes; only str works
        raise RuntimeError("could not encode the captcha picture")
    buffer.close()
    return bytes(data.data())


def _draw_glyph(painter: QPainter, rng: random.Random, char: str, left: float, cell: float) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QPainterPath, QPen

    scale = rng.uniform(12.0, 14.0)
    angle = math.radians(rng.uniform(-18, 18))
    shear = rng.uniform(-0.25, 0.25)
    x0 = left + rng.uniform(0, cell * 0.25)
    y0 = (HEIGHT - 6 * scale) / 2 + rng.uniform(-8, 8)
    cos_a, sin_a = math.cos(angle), math.sin(angle)

    def place(point: tuple[float, float]) -> QPointF:
        gx, gy = point
        x = (gx - 2 + shear * (gy - 3)) * scale
        y = (gy - 3) * scale
        return QPointF(
            x0 + 2 * scale + x * cos_a - y * sin_a + rng.uniform(-1.2, 1.2),
            y0 + 3 * scale + x * sin_a + y * cos_a + rng.uniform(-1.2, 1.2),
        )

    color = QColor.fromHsv(rng.randint(0, 359), rng.randint(140, 230), rng.randint(60, 120))
    pen = QPen(color, rng.uniform(6.0, 8.0))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    for stroke in GLYPHS[char]:
        path = QPainterPath(place(stroke[0]))
        for point in stroke[1:]:
            path.lineTo(place(point))
        painter.drawPath(path)


def _noise_curves(painter: QPainter, rng: random.Random) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QPainterPath, QPen

    for _ in range(3):
        pen = QPen(QColor.fromHsv(rng.randint(0, 359), 120, 120, 170), rng.uniform(1.5, 3.0))
        painter.setPen(pen)
        path = QPainterPath(QPointF(0, rng.uniform(10, HEIGHT - 10)))
        path.cubicTo(
            QPointF(WIDTH / 3, rng.uniform(0, HEIGHT)),
            QPointF(2 * WIDTH / 3, rng.uniform(0, HEIGHT)),
            QPointF(WIDTH, rng.uniform(10, HEIGHT - 10)),
        )
        painter.drawPath(path)


def _noise_dots(painter: QPainter, rng: random.Random) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor

    painter.setPen(Qt.PenStyle.NoPen)
    for _ in range(140):
        painter.setBrush(QColor.fromHsv(rng.randint(0, 359), 60, 200))
        radius = rng.uniform(1.0, 2.6)
        painter.drawEllipse(QPointF(rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT)), radius, radius)


def render_wav(answer: str) -> bytes:
    """The voice captcha's stand-in: one tone per character (pitch by character), as 8 kHz 8-bit mono WAV."""
    import io
    import wave

    rate = 8000
    frames = bytearray()
    alphabet = sorted(set(ALPHABET))
    for char in answer:
        pitch = 400 + 40 * (alphabet.index(char) if char in alphabet else 0)
        frames += bytes(int(128 + 90 * math.sin(2 * math.pi * pitch * i / rate)) for i in range(rate // 4))
        frames += bytes([128]) * (rate // 8)  # a pause between characters
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(1)
        sound.setframerate(rate)
        sound.writeframes(bytes(frames))
    return out.getvalue()
