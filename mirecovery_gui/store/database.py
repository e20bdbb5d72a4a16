"""The case database (SQLite): personal data lives here and nowhere else.

WAL journal, a schema version in ``PRAGMA user_version`` and migrations from
the first version on: each entry of :data:`MIGRATIONS` takes the schema one
version up, inside a transaction. Never a password, code, captcha answer,
cookie or ticket: nothing here ever receives one.

Writes go through :class:`BackgroundWriter`, one thread with its own
connection, so typing never waits for the disk; reads use a second
connection (WAL lets both work at once).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

MIGRATIONS: list[str] = [
    # 1: support-request drafts (the case log arrives with version 2)
    """
    CREATE TABLE support_drafts (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'en',
        destination TEXT NOT NULL DEFAULT '',
        facts TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open'
    );
    CREATE INDEX support_drafts_updated ON support_drafts (updated_at);
    """,
    # 2: the shop case log. One row per recovery or support request; a masked
    # identifier only, and never a secret.
    """
    CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        opened_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        closed_at TEXT,
        provider TEXT NOT NULL DEFAULT '',
        identifier_kind TEXT NOT NULL DEFAULT '',
        identifier_masked TEXT NOT NULL DEFAULT '',
        steps TEXT NOT NULL DEFAULT '[]',
        outcome TEXT NOT NULL DEFAULT 'open',
        staff TEXT NOT NULL DEFAULT '',
        customer_name TEXT NOT NULL DEFAULT '',
        customer_contact TEXT NOT NULL DEFAULT '',
        device_model TEXT NOT NULL DEFAULT '',
        imei TEXT NOT NULL DEFAULT '',
        checklist TEXT NOT NULL DEFAULT '{}',
        notes TEXT NOT NULL DEFAULT '',
        draft_id TEXT REFERENCES support_drafts (id) ON DELETE SET NULL
    );
    CREATE INDEX cases_opened ON cases (opened_at);
    CREATE INDEX cases_outcome ON cases (outcome);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=True)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("PRAGMA foreign_keys=ON")
    # Deleted rows are overwritten, not just unlinked: erasure should erase.
    connection.execute("PRAGMA secure_delete=ON")
    return connection


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the schema to :data:`SCHEMA_VERSION`; returns the version found."""
    found = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if found > SCHEMA_VERSION:
        raise RuntimeError(f"the case database is from a newer mirecovery (schema {found} > {SCHEMA_VERSION})")
    for version in range(found, SCHEMA_VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[version]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        log.info("case database migrated to schema %d", version + 1)
    return found


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


class BackgroundWriter:
    """Applies writes in order on one thread; a newer write with the same key replaces a queued one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pending: OrderedDict[str, Callable[[sqlite3.Connection], None]] = OrderedDict()
        self._condition = threading.Condition()
        self._busy = False
        self._closing = False
        self._failures = 0
        self._thread = threading.Thread(target=self._run, name="mirecovery-db-writer", daemon=True)
        self._thread.start()

    @property
    def failures(self) -> int:
        return self._failures

    def submit(self, key: str, job: Callable[[sqlite3.Connection], None]) -> bool:
        """Queue ``job``; False (and nothing written) once the writer is closed."""
        with self._condition:
            if self._closing:
                log.warning("a write came after the case database was closed; dropped")
                return False
            # The newer write goes last: it may depend on writes queued since
            # (a case names the draft saved just before it).
            self._pending.pop(key, None)
            self._pending[key] = job
            self._condition.notify_all()
            return True

    def call(self, job: Callable[[sqlite3.Connection], T], timeout_s: float = 5.0) -> T:
        """Run ``job`` after every write queued before it and return its result (or raise its error).

        For the few writes whose answer the user waits for (a note saved from the
        case history may find the case changed meanwhile); everything else is
        queued with :meth:`submit`.
        """
        outcome: list[T] = []
        failure: list[BaseException] = []
        done = threading.Event()

        def run(connection: sqlite3.Connection) -> None:
            try:
                outcome.append(job(connection))
            except BaseException as exc:
                failure.append(exc)
            finally:
                done.set()

        if not self.submit(f"call:{id(done)}", run):
            raise sqlite3.OperationalError("the case database is closed")
        if not done.wait(timeout_s):
            raise sqlite3.OperationalError("the case database did not answer in time")
        if failure:
            raise failure[0]
        return outcome[0]

    def flush(self, timeout_s: float = 5.0) -> bool:
        """Wait until every queued write is on disk."""
        with self._condition:
            return self._condition.wait_for(lambda: not self._pending and not self._busy, timeout=timeout_s)

    def close(self, timeout_s: float = 5.0) -> None:
        self.flush(timeout_s)
        with self._condition:
            self._closing = True
            self._condition.notify_all()
        self._thread.join(timeout=timeout_s)

    def _run(self) -> None:
        connection = connect(self.path)
        try:
            while True:
                with self._condition:
                    self._condition.wait_for(lambda: self._pending or self._closing)
                    if not self._pending and self._closing:
                        return
                    _, job = self._pending.popitem(last=False)
                    self._busy = True
                try:
                    job(connection)
                except sqlite3.Error:
                    self._failures += 1
                    log.exception("a write to the case database failed")
                finally:
                    with self._condition:
                        self._busy = False
                        self._condition.notify_all()
        finally:
            connection.close()


class Database:
    """One case database: a reading connection for the GUI thread and a background writer."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._reader = connect(path)
        migrate(self._reader)
        self.writer = BackgroundWriter(path)
        self.closed = False

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Rows for ``sql``; nothing once the database is closed (the window is going away)."""
        if self.closed:
            return []
        return list(self._reader.execute(sql, params))

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.writer.close()
        self._reader.close()
