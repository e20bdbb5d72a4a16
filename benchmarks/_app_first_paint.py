"""The app as `mirecovery ARGS` starts it, quitting once its first wizard page has painted.

Nothing in the app is changed: QApplication.exec is wrapped (the app calls
it exactly as usual) to watch for the first Paint of a wizard page.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from mirecovery_gui.__main__ import main

_exec = QApplication.exec
painted: list[bool] = []


class FirstPagePaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched.objectName().startswith("page_") and not painted:
            painted.append(True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def exec_until_painted() -> int:
    app = QApplication.instance()
    watcher = FirstPagePaint(app)
    app.installEventFilter(watcher)
    QTimer.singleShot(10_000, QApplication.quit)  # a safety net only
    return _exec()


QApplication.exec = staticmethod(exec_until_painted)  # type: ignore[method-assign,assignment]
main(sys.argv[1:])
sys.exit(0 if painted else 1)
