"""The bundle floor: a bare PySide6 window holding a Qt WebEngine view, painted once, then quit.

Built by benchmarks/floor.spec with the app's bundle rules: the least a PySide6
program that shows a web page in a widget must carry.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
app = QApplication(sys.argv[:1])

from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402  (after the attribute, as Qt asks)

loaded: list[bool] = []
window = QWidget()
layout = QVBoxLayout(window)
layout.addWidget(QLabel("Hello"))
view = QWebEngineView()
layout.addWidget(view)
view.loadFinished.connect(lambda ok: (loaded.append(ok), QTimer.singleShot(0, app.quit)))
view.setHtml("<p>Hello</p>")
window.resize(640, 480)
window.show()
QTimer.singleShot(30_000, app.quit)  # a safety net only
app.exec()
sys.exit(0 if loaded == [True] else 1)
