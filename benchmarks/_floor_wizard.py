"""A second reference: a bare six-page QWizard, the shape of floor (d) in the team's performance notes.

Each page has a title, a subtitle and three labelled line edits; the first also
a drawn picture and a progress bar. No application code: what Qt and PySide
alone cost for a wizard-shaped window, shown and painted once, then quit.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit, QProgressBar, QWizard, QWizardPage


class FirstPaint(QObject):
    painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not FirstPaint.painted:
            FirstPaint.painted = True
            QTimer.singleShot(0, QApplication.quit)
        return False


def picture(size: int = 160) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setBrush(QColor("black"))
    for x in range(0, size, 16):
        for y in range(0, size, 16):
            if (x + y) // 16 % 2 == 0:
                painter.drawRect(x, y, 15, 15)
    painter.end()
    return pixmap


app = QApplication(sys.argv[:1])
wizard = QWizard()
wizard.setWindowTitle("Six pages")
for number in range(1, 7):
    page = QWizardPage()
    page.setTitle(f"Step {number}")
    page.setSubTitle("Fill in the fields")
    form = QFormLayout(page)
    for field in range(1, 4):
        form.addRow(f"Field {field}", QLineEdit(placeholderText=f"value {number}.{field}"))
    if number == 1:
        image = QLabel()
        image.setPixmap(picture())
        form.addRow("Code", image)
        bar = QProgressBar()
        bar.setRange(0, 6)
        bar.setValue(1)
        form.addRow("Progress", bar)
    wizard.addPage(page)
wizard.resize(640, 480)
wizard.show()
watcher = FirstPaint()
wizard.currentPage().installEventFilter(watcher)
QTimer.singleShot(10_000, app.quit)  # a safety net only
app.exec()
sys.exit(0 if FirstPaint.painted else 1)
