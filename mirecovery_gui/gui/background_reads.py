"""Reads of the case log off the window's thread: a search over 100,000 cases never holds up the window.

One job at a time, each on a short-lived daemon thread with a database connection of its own
(released when the job ends): a job that meets a server that does not answer costs that thread
its time, never the window. A job queued behind a running one with the same ``kind`` replaces
the one waiting (typing in the search field asks for the newest search only). The result comes
back by a queued signal to the window's thread, to the handler given with the job.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

Handler = Callable[[Any], None]  # gets the job's result, or the exception it raised


class BackgroundReads(QObject):
    _finished = Signal(int, object)  # ticket, result or exception

    def __init__(self, release: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._release = release  # lets go of the finishing thread's database connections
        self._tickets = itertools.count(1)
        self._handlers: dict[int, Handler] = {}
        self._waiting: list[tuple[int, str, Callable[[], Any]]] = []
        self._running: threading.Thread | None = None
        self._finished.connect(self._on_finished)

    @property
    def busy(self) -> bool:
        """A job is running or waiting."""
        return self._running is not None or bool(self._waiting)

    def run(self, kind: str, job: Callable[[], Any], handler: Handler) -> int:
        """Run ``job`` off the window's thread, then ``handler(result)`` on it; returns the job's ticket."""
        ticket = next(self._tickets)
        self._handlers[ticket] = handler
        if self._running is None:
            self._start(ticket, job)
        else:
            for waiting in [item for item in self._waiting if item[1] == kind]:
                self._waiting.remove(waiting)
                self._handlers.pop(waiting[0], None)
            self._waiting.append((ticket, kind, job))
        return ticket

    def _start(self, ticket: int, job: Callable[[], Any]) -> None:
        thread = threading.Thread(target=self._work, args=(ticket, job), name="mirecovery-history-read", daemon=True)
        self._running = thread
        thread.start()

    def _work(self, ticket: int, job: Callable[[], Any]) -> None:
        result: Any
        try:
            result = job()
        except Exception as exc:  # given to the handler, which tells the user
            result = exc
        finally:
            try:
                self._release()
            except Exception:
                log.exception("a reading thread's connection could not be closed")
        with contextlib.suppress(RuntimeError):  # the window is gone: nobody to tell
            self._finished.emit(ticket, result)

    def _on_finished(self, ticket: int, result: Any) -> None:
        if self._running is not None:
            self._running.join(timeout=1.0)  # it has emitted: its last step
        self._running = None
        if self._waiting:
            next_ticket, _, job = self._waiting.pop(0)
            self._start(next_ticket, job)
        handler = self._handlers.pop(ticket, None)
        if handler is not None:
            handler(result)

    def shut(self, timeout_s: float = 5.0) -> None:
        """Nothing more is started; the job running finishes (its result goes nowhere)."""
        self._waiting.clear()
        self._handlers.clear()
        if self._running is not None:
            self._running.join(timeout=timeout_s)
            self._running = None
