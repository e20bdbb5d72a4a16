"""A countdown driven by an injectable clock (resend codes, server-requested waits).

A QTimer only wakes the countdown up; the time left is always read from the
clock, so a test advances a ManualClock instead of sleeping, and a busy
machine never makes a countdown run slow.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QTimer, Signal

from mirecovery_gui.core.clock import Clock

TICK_MS = 200


class Countdown(QObject):
    ticked = Signal(int)  # whole seconds left, emitted when it changes
    finished = Signal()

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._ends_at: float | None = None
        self._last: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def running(self) -> bool:
        return self._ends_at is not None

    def remaining(self) -> int:
        if self._ends_at is None:
            return 0
        return max(0, math.ceil(self._ends_at - self._clock.monotonic()))

    def start(self, seconds: float) -> None:
        self._ends_at = self._clock.monotonic() + max(0.0, seconds)
        self._last = None
        self._timer.start()
        self._on_timer_timeout()

    def stop(self) -> None:
        self._ends_at = None
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        left = self.remaining()
        if left != self._last:
            self._last = left
            self.ticked.emit(left)
        if left <= 0 and self._ends_at is not None:
            self.stop()
            self.finished.emit()
