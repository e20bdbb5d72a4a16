"""The app's stores, opened when first needed: the case database (cases and drafts) and the settings.

The window paints its first page before any of this is touched; the case
database opens on the first read or write. When it cannot be opened the app
goes on without it (the recovery works; nothing is recorded) and says so once,
through ``on_unavailable``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mirecovery_gui.store.settings import Settings, save_settings

if TYPE_CHECKING:
    from mirecovery_gui.store.cases import CaseLog
    from mirecovery_gui.store.database import Database
    from mirecovery_gui.store.drafts import DraftStore

log = logging.getLogger(__name__)


class Stores:
    """The case database and what reads and writes it: the case log and the support-request drafts."""

    def __init__(self, path: Callable[[], Path], on_unavailable: Callable[[], None] = lambda: None) -> None:
        self._path = path
        self._on_unavailable = on_unavailable
        self._database: Database | None = None
        self._case_log: CaseLog | None = None
        self._drafts: DraftStore | None = None
        self._failed = False
        self.closed = False

    def database(self) -> Database | None:
        """The open database; None when it cannot be opened, or once the stores are closed."""
        if self.closed or self._failed:
            return None
        if self._database is None:
            import sqlite3  # with the database, after the first paint

            from mirecovery_gui.store.database import Database

            try:
                self._database = Database(self._path())
            except (OSError, sqlite3.Error, RuntimeError):
                log.exception("the case database cannot be opened")
                self._failed = True
                self._on_unavailable()
                return None
        return self._database

    def case_log(self) -> CaseLog | None:
        if self._case_log is None and (database := self.database()) is not None:
            from mirecovery_gui.store.cases import CaseLog

            self._case_log = CaseLog(database)
        return self._case_log if not self.closed else None

    def drafts(self) -> DraftStore | None:
        if self._drafts is None and (database := self.database()) is not None:
            from mirecovery_gui.store.drafts import DraftStore

            self._drafts = DraftStore(database)
        return self._drafts if not self.closed else None

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until every queued write is on disk (True when it is, or nothing was open)."""
        return self._database is None or self._database.writer.flush(timeout_s)

    def close(self) -> None:
        """Write what is queued and close; nothing is opened again."""
        self.closed = True
        if self._database is not None:
            self._database.close()


class SettingsKeeper:
    """The settings in use, saved once per change."""

    def __init__(self, settings: Settings, path: Callable[[], Path]) -> None:
        self.settings = settings
        self._path = path
        self._listeners: list[Callable[[Settings, Settings], None]] = []

    def subscribe(self, listener: Callable[[Settings, Settings], None]) -> None:
        """``listener(old, new)`` after every change."""
        self._listeners.append(listener)

    def update(self, **changes: Any) -> None:
        self.replace(replace(self.settings, **changes))

    def replace(self, new: Settings) -> None:
        new = new.checked()
        if new == self.settings:
            return
        old, self.settings = self.settings, new
        try:
            save_settings(self._path(), new)
        except OSError:
            log.exception("settings could not be saved")
        for listener in list(self._listeners):
            listener(old, new)
