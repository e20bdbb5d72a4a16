"""The app's stores, opened when first needed: the case database (cases and drafts) and the settings.

The window paints its first page before any of this is touched; the case
database opens on the first read or write. When it cannot be opened the app
goes on without it (the recovery works; nothing is recorded) and says so once,
through ``on_unavailable``; :attr:`Stores.unavailable_reason` says why. A
damaged file is set aside and a new one started (``on_set_aside``), and
trouble with writes while the app runs (a full disk) is told through
``on_trouble``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mirecovery_gui.store.settings import Settings, save_settings

if TYPE_CHECKING:
    from mirecovery_gui.store.cases import CaseLog
    from mirecovery_gui.store.database import Database, Trouble, TroubleListener
    from mirecovery_gui.store.drafts import DraftStore
    from mirecovery_gui.store.shop_database import ShopAddress
    from mirecovery_gui.store.shop_log import Conflict, ShopLink, ShopStatus

log = logging.getLogger(__name__)

# Why the case database could not be opened: a trouble kind, or a file from a newer mirecovery.
Unavailable = Literal["disk_full", "damaged", "read_only", "other", "newer_version"]


class ShopChoice:
    """The shop database this desk uses, and who hears how it goes (on the link's thread)."""

    def __init__(
        self,
        address: ShopAddress,
        desk: str,
        on_status: Callable[[ShopStatus], None] | None = None,
        on_conflict: Callable[[Conflict], None] | None = None,
    ) -> None:
        self.address = address
        self.desk = desk
        self.on_status = on_status
        self.on_conflict = on_conflict


class Stores:
    """The case database and what reads and writes it: the case log and the support-request drafts.

    ``on_unavailable()``: the database cannot be opened (called once, on the
    thread that first asked for it); :attr:`unavailable_reason` is set before.
    ``on_trouble(kind)``: writes fail (``"disk_full"``, ``"damaged"``,
    ``"read_only"``, ``"other"``) or, with None, land again; called on the
    writer's thread (and, for damage a read finds, on the reading thread).
    ``on_set_aside(path)``: a damaged database was renamed to ``path`` and a new
    one started (on the thread that opened it).
    """

    def __init__(
        self,
        path: Callable[[], Path],
        on_unavailable: Callable[[], None] = lambda: None,
        *,
        on_trouble: TroubleListener | None = None,
        on_set_aside: Callable[[Path], None] | None = None,
        shop: ShopChoice | None = None,
        desk: str = "",
    ) -> None:
        self._path = path
        self.shop = shop
        self.desk = shop.desk if shop is not None else desk
        self.link: ShopLink | None = None
        self._on_unavailable = on_unavailable
        self._on_trouble = on_trouble
        self._on_set_aside = on_set_aside
        self._database: Database | None = None
        self._case_log: CaseLog | None = None
        self._drafts: DraftStore | None = None
        self._failed = False
        self.unavailable_reason: Unavailable | None = None
        self.set_aside: Path | None = None
        self.closed = False

    @property
    def trouble(self) -> Trouble | None:
        """What keeps writes from landing now (None when they land, or nothing is open)."""
        return self._database.trouble if self._database is not None else None

    @property
    def pending_writes(self) -> int:
        """Writes not on disk yet, those kept after a failure included."""
        return self._database.writer.pending if self._database is not None else 0

    @property
    def lost_writes(self) -> int:
        """Writes that could not be made before the database was closed (the disk refused them to the end)."""
        return self._database.writer.lost if self._database is not None else 0

    def database(self) -> Database | None:
        """The open database; None when it cannot be opened, or once the stores are closed."""
        if self.closed or self._failed:
            return None
        if self._database is None:
            import sqlite3  # with the database, after the first paint

            from mirecovery_gui.store.database import Database, classify

            path: Path | None = None
            try:
                path = self._path()
                self._database = Database(path, self._on_trouble)
            except (OSError, sqlite3.Error, RuntimeError) as exc:
                reason: Unavailable = (
                    "newer_version" if isinstance(exc, RuntimeError) else classify(exc, path) or "other"
                )
                log.warning("the case database cannot be opened (%s: %s)", reason, type(exc).__name__)
                self.unavailable_reason = reason
                self._failed = True
                self._on_unavailable()
                return None
            if self._database.set_aside is not None:
                self.set_aside = self._database.set_aside
                if self._on_set_aside is not None:
                    self._on_set_aside(self.set_aside)
        return self._database

    def case_log(self) -> CaseLog | None:
        """The case log: this computer's file, or the shop's server through this desk's queue in that file."""
        if self._case_log is None and (database := self.database()) is not None:
            if self.shop is not None:
                from mirecovery_gui.store.shop_log import ShopCaseLog, ShopDraftStore, ShopLink

                shop = self.shop
                self.link = ShopLink(
                    shop.address, database, shop.desk, on_status=shop.on_status, on_conflict=shop.on_conflict
                )
                shop_log = ShopCaseLog(self.link)
                self._case_log, self._drafts = shop_log, ShopDraftStore(shop_log)
            else:
                from mirecovery_gui.store.cases import CaseLog

                self._case_log = CaseLog(database, self.desk)
        return self._case_log if not self.closed else None

    def drafts(self) -> DraftStore | None:
        if self._drafts is None and self.shop is not None:
            self.case_log()
        if self._drafts is None and (database := self.database()) is not None:
            from mirecovery_gui.store.drafts import DraftStore

            self._drafts = DraftStore(database)
        return self._drafts if not self.closed else None

    def apply_retention(self, days: int) -> bool:
        """Delete cases and drafts older than ``days``, and damaged copies set aside before then.

        For the app to call at start and then hourly while it is open; calling
        it again before the last purge ran replaces that one. False when nothing
        could be queued (closed, or no database).
        """
        case_log = self.case_log()
        if case_log is None:
            return False
        case_log.purge_older_than(days)
        self._remove_set_aside(days)
        return True

    def erase_set_aside(self) -> int:
        """Delete every damaged copy set aside ("Delete all data"); returns how many files were removed."""
        return self._remove_set_aside(None)

    def _remove_set_aside(self, days: int | None) -> int:
        """Remove set-aside copies (``days``: only those set aside more than that long ago)."""
        import datetime as dt

        from mirecovery_gui.store.database import set_aside_copies

        try:
            path = self._path()
        except OSError:
            return 0
        cutoff = dt.datetime.now() - dt.timedelta(days=days) if days is not None else None
        removed = 0
        prefix = f"{path.name}.damaged-"
        for copy in set_aside_copies(path):
            if cutoff is not None:
                try:
                    when = dt.datetime.strptime(copy.name[len(prefix) : len(prefix) + 15], "%Y%m%d-%H%M%S")
                except ValueError:
                    continue  # not named by us: left alone
                if when >= cutoff:
                    continue
            try:
                copy.unlink()
                removed += 1
            except OSError:
                log.warning("a damaged copy of the case database could not be removed")
        return removed

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until every queued write is on disk (True when it is, or nothing was open).

        Returns False at once, without waiting out ``timeout_s``, when the disk
        refuses a write (:attr:`trouble` says why).
        """
        return self._database is None or self._database.writer.flush(timeout_s)

    def close(self) -> None:
        """Write what is queued and close; nothing is opened again (:attr:`lost_writes`: what the disk refused)."""
        self.closed = True
        if self._case_log is not None:
            self._case_log.close()
        if self.link is not None:
            # What the server does not take in a moment stays in the queue for the next start.
            self.link.close(1.5)
        if self._database is not None:
            self._database.close()


class SettingsKeeper:
    """The settings in use, saved once per change."""

    def __init__(self, settings: Settings, path: Callable[[], Path]) -> None:
        self.settings = settings
        self._path = path
        self._listeners: list[Callable[[Settings, Settings], None]] = []
        # Called when a change could not be written (it still applies until the app closes).
        self.on_save_failed: Callable[[], None] | None = None

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
        saved = True
        try:
            save_settings(self._path(), new)
        except OSError as exc:
            saved = False
            log.warning("settings could not be saved (%s)", type(exc).__name__)
        for listener in list(self._listeners):
            listener(old, new)
        if not saved and self.on_save_failed is not None:
            self.on_save_failed()
