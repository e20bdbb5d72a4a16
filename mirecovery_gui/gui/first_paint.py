"""Run something once the window's first wizard page has been painted.

Work that the first page does not need (opening the log file and the case
database, the retention purge, the offer to resume a crashed case) waits for
this, so the owner sees the window first.

The start-up benchmark stops its clock here: with
``MIRECOVERY_QUIT_AFTER_FIRST_PAINT=1`` the app quits at the first page paint
instead, before any of that work, as the bare-window floor quits at its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer


class _FirstPagePaint(QObject):
    def __init__(self, callback: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback: Callable[[], None] | None = callback

    def fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            QCoreApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            if os.environ.get("MIRECOVERY_QUIT_AFTER_FIRST_PAINT"):
                callback = QCoreApplication.quit
            # Queued: the paint finishes (and reaches the screen) first.
            QTimer.singleShot(0, callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched.objectName().startswith("page_"):
            self.fire()
        return False


def after_first_page_paint(callback: Callable[[], None], parent: QObject, latest_ms: int | None = None) -> None:
    """Call ``callback`` once, just after a wizard page first paints (or after ``latest_ms``, whichever is first).

    ``latest_ms`` covers a window that starts minimised and paints nothing.
    Callbacks registered later run first (Qt asks the newest event filter first).
    """
    app = QCoreApplication.instance()
    assert app is not None
    watcher = _FirstPagePaint(callback, parent)
    app.installEventFilter(watcher)
    if latest_ms is not None:
        QTimer.singleShot(latest_ms, watcher, watcher.fire)
