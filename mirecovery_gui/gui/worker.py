"""Run client calls off the GUI thread and bring the outcome back by signal.

Each call gets its own short-lived daemon thread (a blocked socket must never
hold up the window or the exit) and a *ticket*. The outcome returns through a
queued signal to the GUI thread, where it is delivered only if the ticket is
still current: :meth:`RequestRunner.cancel_all` (Back, Cancel, restart,
close) makes every outstanding ticket stale, so a late answer can never
overwrite newer state. A watchdog ends any call that outlives the step
deadline, whatever the network does (DNS lookups, which no timeout covers,
included).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from mirecovery_gui.client.base import RecoveryClient
from mirecovery_gui.client.errors import CancelledError, RecoveryError, ServerTimeoutError

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class _Ticket:
    number: int
    generation: int
    on_done: Callable[[Any], None]
    on_error: Callable[[RecoveryError], None]
    watchdog: QTimer | None = None
    settled: bool = False
    name: str = field(default="request")


class RequestRunner(QObject):
    """The only way the GUI reaches the network."""

    _delivered = Signal(int, object, object)  # ticket number, result, error

    def __init__(self, client: RecoveryClient, deadline_s: float | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.client = client
        self.deadline_s = deadline_s if deadline_s is not None else client.profile.timeouts.step_deadline_s + 1.0
        self._generation = 0
        self._numbers = itertools.count(1)
        self._tickets: dict[int, _Ticket] = {}
        self._threads: list[threading.Thread] = []
        self._closed = False
        self._delivered.connect(self._on_delivered)

    @property
    def busy(self) -> bool:
        return any(not ticket.settled for ticket in self._tickets.values())

    def submit(
        self,
        call: Callable[[RecoveryClient], T],
        on_done: Callable[[T], None],
        on_error: Callable[[RecoveryError], None],
        name: str = "request",
    ) -> int:
        """Run ``call(client)`` in the background; one of the callbacks follows on the GUI thread."""
        if self._closed:
            raise RuntimeError("the request runner is shut down")
        number = next(self._numbers)
        ticket = _Ticket(number, self._generation, on_done, on_error, name=name)
        watchdog = QTimer(self)
        watchdog.setSingleShot(True)
        watchdog.timeout.connect(lambda n=number: self._on_watchdog_timeout(n))
        watchdog.start(int(self.deadline_s * 1000))
        ticket.watchdog = watchdog
        thread = threading.Thread(target=self._run, args=(number, call), name=f"mirecovery-{name}", daemon=True)
        self._tickets[number] = ticket
        self._threads = [t for t in self._threads if t.is_alive()]
        self._threads.append(thread)
        thread.start()
        return number

    def cancel_all(self) -> None:
        """Forget every outstanding call; their outcomes will be dropped."""
        self._generation += 1
        pending = [ticket for ticket in self._tickets.values() if not ticket.settled]
        for ticket in pending:
            self._settle(ticket)
        if pending:
            self.client.cancel()

    def shutdown(self, timeout_s: float = 1.0) -> bool:
        """Cancel everything and wait (bounded) for the threads; True when all ended."""
        self._closed = True
        self.cancel_all()
        end = time.monotonic() + timeout_s
        for thread in self._threads:
            thread.join(timeout=max(0.0, end - time.monotonic()))
        alive = [thread for thread in self._threads if thread.is_alive()]
        if alive:
            # Daemon threads stuck in a connect do not hold up the exit.
            log.warning("%d request thread(s) still ending at shutdown", len(alive))
        return not alive

    def wait_idle(self, timeout_s: float = 10.0) -> bool:
        """Join finished or cancelled threads (tests use this to leave nothing behind)."""
        for thread in list(self._threads):
            thread.join(timeout=timeout_s)
        return not any(thread.is_alive() for thread in self._threads)

    # --- internals -------------------------------------------------------------------

    def _run(self, number: int, call: Callable[[RecoveryClient], Any]) -> None:
        result: Any = None
        error: RecoveryError | None = None
        try:
            result = call(self.client)
        except RecoveryError as exc:
            error = exc
        except Exception:  # a bug must surface as a message, never kill the app
            log.exception("unexpected failure in a background request")
            error = RecoveryError()
        # RuntimeError: the runner was deleted while this thread finished; nobody waits.
        with contextlib.suppress(RuntimeError):
            self._delivered.emit(number, result, error)

    def _on_delivered(self, number: int, result: Any, error: RecoveryError | None) -> None:
        ticket = self._tickets.get(number)
        if ticket is None or ticket.settled or ticket.generation != self._generation:
            return
        self._settle(ticket)
        if isinstance(error, CancelledError):
            return
        if error is not None:
            ticket.on_error(error)
        else:
            ticket.on_done(result)

    def _on_watchdog_timeout(self, number: int) -> None:
        ticket = self._tickets.get(number)
        if ticket is None or ticket.settled:
            return
        log.info("request %s passed its deadline; cancelling", ticket.name)
        self._settle(ticket)
        self.client.cancel()
        ticket.on_error(ServerTimeoutError())

    def _settle(self, ticket: _Ticket) -> None:
        ticket.settled = True
        if ticket.watchdog is not None:
            ticket.watchdog.stop()
            ticket.watchdog.deleteLater()
            ticket.watchdog = None
        self._tickets.pop(ticket.number, None)
