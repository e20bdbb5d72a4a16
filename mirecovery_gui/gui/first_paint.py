"""Run something once the window's first wizard page has been painted.

Work that the first page does not need (opening the log file and the case
database, the retention purge, the offer to resume a crashed case) waits for
this, so the owner sees the window first.

The watcher sits on the wizard's pages only, never on the application: an
application-wide filter written in Python makes PySide wrap every event's
receiver, Qt's private window classes included, and working out their Python
types creates some 160 enum classes on the way (about 15 ms at start-up).

The start-up benchmark stops its clock here: with
``MIRECOVERY_QUIT_AFTER_FIRST_PAINT=1`` the app quits at the first page paint
instead, before any of that work, as the bare-window floor quits at its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

if TYPE_CHECKING:
    from mirecovery_gui.gui.main_window import MainWindow


class _FirstPagePaint(QObject):
    def __init__(self, callback: Callable[[], None], window: MainWindow) -> None:
        super().__init__(window)
        self._callback: Callable[[], None] | None = callback
        # No reference to the pages is kept: a page may be replaced meanwhile.
        # Deleting the watcher takes it off every page it still watches.
        # (Our own page objects: asking Qt for the window's children would make
        # PySide work out the types of Qt's private ones.)
        for page in window.wizard.pages.values():
            page.installEventFilter(self)

    def fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            if os.environ.get("MIRECOVERY_QUIT_AFTER_FIRST_PAINT"):
                callback = QCoreApplication.quit
            # Queued: the paint finishes (and reaches the screen) first.
            QTimer.singleShot(0, callback)
            self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._callback is not None and event.type() == QEvent.Type.Paint:
            self.fire()
        return False


def after_first_page_paint(callback: Callable[[], None], window: MainWindow, latest_ms: int | None = None) -> None:
    """Call ``callback`` once, just after one of ``window``'s wizard pages first paints.

    Or after ``latest_ms``, whichever is first: that covers a window that
    starts minimised and paints nothing. The pages are those the window has
    now (the first page is always among them). Callbacks registered later run
    first (Qt asks the newest event filter first).
    """
    watcher = _FirstPagePaint(callback, window)
    if latest_ms is not None:
        QTimer.singleShot(latest_ms, watcher, watcher.fire)
