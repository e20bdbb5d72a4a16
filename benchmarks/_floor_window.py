"""The floor: a bare PySide6 window with one label, shown and painted once, then quit."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget


class Window(QWidget):
    painted = False

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not Window.painted:
            Window.painted = True
            QTimer.singleShot(0, QApplication.quit)


app = QApplication(sys.argv[:1])
window = Window()
QVBoxLayout(window).addWidget(QLabel("Hello"))
window.resize(320, 120)
window.show()
QTimer.singleShot(10_000, app.quit)  # a safety net only
app.exec()
sys.exit(0 if Window.painted else 1)
