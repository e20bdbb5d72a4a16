"""Copying a secret (a suggested password) or a customer's data so that it does not linger.

A secret is marked as such for the platforms that listen: Windows keeps it
out of clipboard history and cloud sync, KDE's Klipper and other managers
that honour ``x-kde-passwordManagerHint`` do not store it. Thirty seconds
later, if the clipboard still holds it, it is cleared; so is it when the app
quits. A customer's data (the support request) is pasted where the user
chooses, so it stays until the next customer or quitting. If the user copied
something else meanwhile, that is left alone.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from mirecovery_gui.core.clock import Clock
from mirecovery_gui.gui.widgets.countdown import Countdown

log = logging.getLogger(__name__)

CLEAR_AFTER_S = 30
_NO = (0).to_bytes(4, "little")  # a DWORD 0: "no"
SECRET_FORMATS = {
    # Windows 10+: not in Win+V history, not synced to other devices, not seen by clipboard monitors.
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"",
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': _NO,
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': _NO,
    # KDE Klipper, and managers that follow it.
    "x-kde-passwordManagerHint": b"secret",
}


class SecretClipboard(QObject):
    cleared = Signal()  # the secret was taken off the clipboard

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._secret: str | None = None
        self._personal: str | None = None
        self._timer = Countdown(clock, self)
        self._timer.finished.connect(self.clear)

    @property
    def holding(self) -> bool:
        return self._secret is not None

    def copy(self, secret: str) -> None:
        data = QMimeData()
        data.setText(secret)
        for kind, value in SECRET_FORMATS.items():
            data.setData(kind, value)
        QGuiApplication.clipboard().setMimeData(data, QClipboard.Mode.Clipboard)
        self._secret = secret
        self._timer.start(CLEAR_AFTER_S)
        log.info("a secret was copied; it is cleared in %d s", CLEAR_AFTER_S)

    def copy_personal(self, text: str) -> None:
        """A customer's data: taken off the clipboard for the next customer (:meth:`forget_personal`)."""
        QGuiApplication.clipboard().setText(text, QClipboard.Mode.Clipboard)
        self._personal = text

    def forget_personal(self) -> None:
        """The next customer, or quitting: the last one's data leaves the clipboard if it is still there."""
        if self._personal is None:
            return
        clipboard = QGuiApplication.clipboard()
        if clipboard.text(QClipboard.Mode.Clipboard) == self._personal:
            clipboard.clear(QClipboard.Mode.Clipboard)
        self._personal = None

    def seconds_left(self) -> int:
        return self._timer.remaining() if self._timer.running else 0

    def clear(self) -> None:
        """Take the secret off the clipboard if it is still there; anything copied since stays."""
        self._timer.stop()
        if self._secret is None:
            return
        clipboard = QGuiApplication.clipboard()
        if clipboard.text(QClipboard.Mode.Clipboard) == self._secret:
            clipboard.clear(QClipboard.Mode.Clipboard)
            log.info("the copied secret was cleared from the clipboard")
        self._secret = None
        self.cleared.emit()
