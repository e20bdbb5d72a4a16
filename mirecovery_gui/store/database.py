"""The case database (SQLite): personal data lives here and nowhere else.

WAL journal, a schema version in ``PRAGMA user_version`` and migrations from
the first version on: each entry of :data:`MIGRATIONS` takes the schema one
version up, inside a transaction. Never a password, code, captcha answer,
cookie or ticket: nothing here ever receives one.

Writes go through :class:`BackgroundWriter`, one thread with its own
connection, so typing never waits for the disk; reads use a second
connection (WAL lets both work at once).

Nothing lost: a write the disk refuses stays queued, in order, and is tried
again (on the next write, on :meth:`BackgroundWriter.flush`, and on a timer
backing off to 30 s); the owner is told what kind of trouble it is
(:data:`Trouble`) and told again when writes land. Nothing left behind: a
deletion ends with the journal checkpointed and truncated, so a deleted
customer is not left in ``-wal``; the files are the user's only (0600) on
POSIX; a damaged file is set aside at open and a new one started.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

Trouble = Literal["disk_full", "damaged", "read_only", "other"]
DISK_FULL: Final = "disk_full"
DAMAGED: Final = "damaged"
READ_ONLY: Final = "read_only"
OTHER: Final = "other"

TroubleListener = Callable[[Trouble | None], None]

FIRST_RETRY_S = 0.5
LAST_RETRY_S = 30.0
# A checkpoint waits for readers on older snapshots; when one is still reading, the next try is soon.
CHECKPOINT_RETRY_S = 1.0
# Below this much free space an I/O error is taken for a full disk.
LOW_SPACE_BYTES = 1024 * 1024

PRIVATE_FILE = 0o600
SIDECARS = ("-wal", "-shm", "-journal")

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
    # 3: many desks, one shop. Each case says at which desk it was opened and which desk
    # changed it last; its version counts the changes, so a desk saving over another
    # desk's change is told rather than overwriting it. A self-test's case is marked.
    # shop_outbox is a desk's queue of writes waiting for the shop database (on a desk
    # only); shop_uploads records each write the shop database took (on the server
    # only), so a write sent twice is applied once.
    """
    ALTER TABLE cases ADD COLUMN desk TEXT NOT NULL DEFAULT '';
    ALTER TABLE cases ADD COLUMN changed_at_desk TEXT NOT NULL DEFAULT '';
    ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE cases ADD COLUMN self_test INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX cases_desk ON cases (desk, opened_at);
    CREATE TABLE shop_outbox (
        seq INTEGER PRIMARY KEY,
        op_id TEXT NOT NULL UNIQUE,
        op TEXT NOT NULL
    );
    CREATE TABLE shop_uploads (
        op_id TEXT PRIMARY KEY,
        desk TEXT NOT NULL DEFAULT '',
        uploaded_at TEXT NOT NULL
    );
    """,
    # 4: what a manager erased on the shop database, by id only (no personal data), so a desk
    # still holding the case (open there, or waiting in its queue) cannot write it back.
    """
    CREATE TABLE shop_erased (
        id TEXT PRIMARY KEY,
        erased_at TEXT NOT NULL
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


class DamagedDatabaseError(sqlite3.DatabaseError):
    """The integrity check found the file damaged (SQLite reads a damaged page only when it gets to it)."""


def connect(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """A connection with our settings; ``create=False`` fails rather than start an empty file.

    The writer connects with ``create=False``: a database that vanished (a
    folder removed, a stick pulled out) must not be replaced by an empty one
    that the queued writes would then fail against and be dropped.
    """
    target: str | Path = path if create else f"{path.absolute().as_uri()}?mode=rw"
    connection = sqlite3.connect(target, timeout=10, isolation_level=None, check_same_thread=True, uri=not create)
    try:
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
        # Deleted rows are overwritten, not just unlinked: erasure should erase.
        connection.execute("PRAGMA secure_delete=ON")
    except BaseException:
        connection.close()
        raise
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
            if connection.in_transaction:  # a full disk may have rolled it back already
                connection.execute("ROLLBACK")
            raise
        log.info("case database migrated to schema %d", version + 1)
    return found


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def checkpoint(connection: sqlite3.Connection) -> bool:
    """Copy the journal into the database and empty it; False when a reader still holds an older snapshot.

    ``secure_delete`` overwrites a deleted row in the database file, but the
    journal still holds the pages as they were before the deletion until it is
    truncated: this is what makes a deletion reach the disk.
    """
    busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return int(busy) == 0


# --- files: private, and a damaged one set aside ------------------------------------------------------------


def sidecars(path: Path) -> list[Path]:
    """The journal files SQLite keeps beside ``path``."""
    return [path.with_name(path.name + suffix) for suffix in SIDECARS]


def make_private(path: Path) -> None:
    """Readable and writable by the user only (POSIX): customers' names and IMEIs are in it.

    On Windows the file is in the user's own profile folder, which already
    keeps other users out.
    """
    if os.name != "posix":
        return
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_mode & 0o777 != PRIVATE_FILE:
            os.chmod(path, PRIVATE_FILE)


def _create_private(path: Path) -> None:
    # Created here, before SQLite opens it, so it is never readable by others
    # even for a moment (SQLite would use 0644 less the umask). SQLite gives
    # the journal files the database file's mode.
    if os.name == "posix":
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE))
    make_private(path)


def set_aside(path: Path) -> Path:
    """Rename a damaged database to ``<name>.damaged-<time>``, its journal files beside it; returns the new name.

    The journal files keep their suffix after the new name, so SQLite (or a
    recovery tool) opening the copy finds its journal with it. A journal left
    next to a new database would be replayed into it, so one that cannot be
    moved is removed, and if that fails too the database is not started anew.
    """
    import datetime as dt  # only for a damaged file

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while any(candidate.exists() for candidate in (backup, *sidecars(backup))):
        number += 1
        backup = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    path.replace(backup)
    for old, new in zip(sidecars(path), sidecars(backup), strict=True):
        try:
            old.replace(new)
        except FileNotFoundError:
            pass
        except OSError:
            old.unlink()
    return backup


def set_aside_copies(path: Path) -> list[Path]:
    """Every damaged copy of ``path`` set aside so far, with their journal files."""
    try:
        return sorted(path.parent.glob(f"{path.name}.damaged-*"))
    except OSError:
        return []


# --- what kind of trouble --------------------------------------------------------------------------------------

# SQLite's primary result codes (the low byte of an extended code). The rest (BUSY, LOCKED,
# NOMEM...) are "other": worth trying again, nothing the user can fix.
_PERM, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 3, 8, 10, 11, 13, 14, 26
# Errors in a statement or its values (a mistake of ours, not the disk's): trying again cannot help.
_NOT_STORAGE = {1, 12, 18, 19, 20, 21, 25}  # ERROR, NOTFOUND, TOOBIG, CONSTRAINT, MISMATCH, MISUSE, RANGE


def classify(error: BaseException, path: Path | None) -> Trouble | None:
    """What ``error`` says about the storage of the database at ``path``; None when it is not the storage's fault."""
    if isinstance(error, DamagedDatabaseError):
        return DAMAGED
    if isinstance(error, sqlite3.Error):
        code: int | None = getattr(error, "sqlite_errorcode", None)
        if code is None:
            # Raised by the sqlite3 module itself: a closed connection, a wrong parameter.
            if isinstance(error, sqlite3.ProgrammingError | sqlite3.InterfaceError):
                return None
            return _by_message(str(error), path)
        primary = code & 0xFF
        if primary == _FULL:
            return DISK_FULL
        if primary in (_CORRUPT, _NOTADB):
            return DAMAGED
        if primary in (_READONLY, _PERM):
            return READ_ONLY
        if primary in (_IOERR, _CANTOPEN):
            return _probe(path)
        if primary in _NOT_STORAGE:
            return None
        return OTHER
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return DISK_FULL
        # EEXIST: a file where the data folder should be made; to the user, a folder that cannot be written to.
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOENT, errno.ENOTDIR, errno.EEXIST):
            return READ_ONLY
        return _probe(path)
    return None


def _by_message(message: str, path: Path | None) -> Trouble:
    text = message.lower()
    if "disk is full" in text:
        return DISK_FULL
    if "malformed" in text or "not a database" in text:
        return DAMAGED
    if "readonly" in text or "read-only" in text:
        return READ_ONLY
    if "i/o error" in text or "unable to open" in text:
        return _probe(path)
    return OTHER


def _probe(path: Path | None) -> Trouble:
    """Why the disk said no when SQLite only says "I/O error" or "cannot open": the folder is asked.

    SQLite reports a full disk as such only for ENOSPC; a quota (EDQUOT) or a
    file-size limit (EFBIG) come back as an I/O error, and a read-only mount
    as "cannot open".
    """
    if path is None:
        return OTHER
    folder = path.parent
    try:
        if not folder.is_dir():
            return READ_ONLY  # removed, or a stick pulled out
        if hasattr(os, "statvfs"):
            status = os.statvfs(folder)
            if status.f_flag & os.ST_RDONLY:
                return READ_ONLY
            free = status.f_bavail * status.f_frsize
        else:
            import shutil

            free = shutil.disk_usage(folder).free
    except OSError:
        return READ_ONLY
    if not os.access(folder, os.W_OK):
        return READ_ONLY
    if free < LOW_SPACE_BYTES or _at_file_size_limit(path):
        return DISK_FULL
    return OTHER


def _at_file_size_limit(path: Path) -> bool:
    """Whether the database or its journal has reached the process's file-size limit (``ulimit -f``)."""
    try:
        import resource
    except ImportError:  # Windows has no such limit
        return False
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    if limit == resource.RLIM_INFINITY:
        return False
    sizes = []
    for file in (path, *sidecars(path)):
        with contextlib.suppress(OSError):
            sizes.append(file.stat().st_size)
    return max(sizes, default=0) + LOW_SPACE_BYTES >= limit


def _error_name(error: BaseException) -> str:
    """What to log about an error: its name, never its message (an OS error's names a path)."""
    name: str | None = getattr(error, "sqlite_errorname", None)
    if name:
        return name
    if isinstance(error, OSError) and error.errno is not None:
        return errno.errorcode.get(error.errno, str(error.errno))
    return type(error).__name__


# --- the writer -----------------------------------------------------------------------------------------------


@dataclass
class _Job:
    run: Callable[[sqlite3.Connection], object]
    retry: bool = True  # kept and tried again when the disk fails; a call's caller decides instead
    erase: bool = False  # the journal is checkpointed and truncated after it


class BackgroundWriter:
    """Applies writes in order on one thread; a newer write with the same key replaces a queued one.

    A write the disk refuses is kept at the head of the queue, and everything
    behind it waits, so writes land in the order they were made (a case names
    the draft saved before it). It is tried again on the next write, on
    :meth:`flush`, and on a timer that backs off from 0.5 s to 30 s.
    ``on_trouble`` hears, on the writer's thread, the kind of trouble when it
    starts or changes, and None when writes land again. A damaged file stays
    "damaged" until the next start, which sets it aside.
    """

    def __init__(self, path: Path, on_trouble: TroubleListener | None = None) -> None:
        self.path = path
        self._on_trouble = on_trouble
        self._pending: OrderedDict[str, _Job] = OrderedDict()
        self._condition = threading.Condition()
        self._busy = False
        self._closing = False
        self._failures = 0
        self._lost = 0
        self._attempts = 0  # finished tries, so a flush can tell one started after it
        self._failed_last = False
        self._trouble: Trouble | None = None
        self._announced: Trouble | None = None
        self._delay = 0.0
        self._retry_at = 0.0  # time.monotonic(); a failed write is not tried again before it unless nudged
        self._nudged = False
        self._checkpoint_owed = False
        self._checkpoint_at = 0.0
        self._thread = threading.Thread(target=self._run, name="mirecovery-db-writer", daemon=True)
        self._thread.start()

    @property
    def failures(self) -> int:
        """How many tries failed since the start (a write tried three times counts three)."""
        return self._failures

    @property
    def trouble(self) -> Trouble | None:
        """What keeps writes from landing now; None when they land."""
        return self._trouble

    @property
    def pending(self) -> int:
        """Writes queued, those kept after a failure included."""
        with self._condition:
            return len(self._pending) + self._busy

    @property
    def lost(self) -> int:
        """Writes still queued when the writer was closed, so never written."""
        return self._lost

    def submit(self, key: str, job: Callable[[sqlite3.Connection], object], *, erase: bool = False) -> bool:
        """Queue ``job``; False (and nothing written) once the writer is closed.

        ``erase``: the job deletes personal data, so the journal is emptied after
        it (the deleted rows' old pages are in it until then).
        """
        with self._condition:
            if self._closing:
                log.warning("a write came after the case database was closed; dropped")
                return False
            # The newer write goes last: it may depend on writes queued since
            # (a case names the draft saved just before it).
            self._pending.pop(key, None)
            self._pending[key] = _Job(job, erase=erase)
            self._nudged = True  # a new write is a good moment to try a failed one again
            self._condition.notify_all()
            return True

    def call(self, job: Callable[[sqlite3.Connection], T], timeout_s: float = 5.0) -> T:
        """Run ``job`` after every write queued before it and return its result (or raise its error).

        For the few writes whose answer the user waits for (a note saved from the
        case history may find the case changed meanwhile); everything else is
        queued with :meth:`submit`. Never tried again: when the disk refuses it,
        or a write before it, the caller hears so (``sqlite3.OperationalError``)
        and nothing of it is written later.
        """
        outcome: list[T] = []
        failure: list[BaseException] = []
        done = threading.Event()

        def run(connection: sqlite3.Connection) -> None:
            try:
                outcome.append(job(connection))
            except BaseException as exc:
                failure.append(exc)
                if isinstance(exc, sqlite3.Error | OSError):
                    raise  # the writer learns of trouble with the disk this way
            finally:
                done.set()

        key = f"call:{id(done)}"
        with self._condition:
            if self._closing:
                raise sqlite3.OperationalError("the case database is closed")
            self._pending[key] = _Job(run, retry=False)
            self._nudged = True
            self._condition.notify_all()
            start = self._attempts
            self._condition.wait_for(
                lambda: done.is_set() or (self._failed_last and self._attempts > start and key in self._pending),
                timeout=timeout_s,
            )
            if not done.is_set():
                if self._pending.pop(key, None) is not None:
                    raise sqlite3.OperationalError(f"the case database cannot take writes now ({self._trouble})")
                raise sqlite3.OperationalError("the case database did not answer in time")
        if failure:
            raise failure[0]
        return outcome[0]

    def flush(self, timeout_s: float = 5.0) -> bool:
        """Wait until every queued write is on disk; False when one is not (the disk refuses it, or time ran out).

        A write kept after a failure is tried once more now, and the answer is
        known as soon as that try ends: a flush never waits out its timeout on
        a disk that refuses.
        """
        with self._condition:
            start = self._attempts
            self._nudged = True
            self._condition.notify_all()

            def settled() -> bool:
                if self._busy:
                    return False
                if not self._pending:
                    return not self._checkpoint_owed or self._attempts > start or not self._thread.is_alive()
                return (self._failed_last and self._attempts > start) or not self._thread.is_alive()

            self._condition.wait_for(settled, timeout=timeout_s)
            return not self._pending and not self._busy

    def close(self, timeout_s: float = 5.0) -> bool:
        """Write what is queued and stop; False when something could not be written (it is lost, and logged)."""
        self.flush(timeout_s)
        with self._condition:
            self._closing = True
            self._condition.notify_all()
        self._thread.join(timeout=timeout_s)
        return self._lost == 0 and not self._thread.is_alive()

    def report(self, kind: Trouble) -> None:
        """Trouble found by a read (a damaged page), told like a write's, from the reading thread."""
        with self._condition:
            if self._trouble == DAMAGED or self._trouble == kind:
                return
            self._trouble = kind
            self._announced = kind
        self._announce(kind)

    # --- the writer's thread ------------------------------------------------------------------------------

    def _due(self, now: float) -> bool:
        if self._closing:
            return True
        if self._pending:
            return self._trouble is None or self._nudged or now >= self._retry_at
        return self._checkpoint_owed and (self._nudged or now >= self._checkpoint_at)

    def _wait_s(self, now: float) -> float | None:
        if self._pending:
            return max(0.0, self._retry_at - now)
        if self._checkpoint_owed:
            return max(0.0, self._checkpoint_at - now)
        return None

    def _run(self) -> None:
        connection: sqlite3.Connection | None = None
        try:
            while True:
                with self._condition:
                    while not self._due(time.monotonic()):
                        self._condition.wait(self._wait_s(time.monotonic()))
                    nudged, self._nudged = self._nudged, False
                    if self._closing and (self._failed_last or not self._pending):
                        # The try made by close()'s flush failed: what is left cannot be written.
                        self._lost = len(self._pending)
                        self._pending.clear()
                        self._condition.notify_all()
                        break
                    key, job = self._pending.popitem(last=False) if self._pending else ("", None)
                    erase = self._checkpoint_owed or (job is not None and job.erase)
                    self._busy = True
                connection = self._attempt(connection, key, job, erase, nudged)
        finally:
            if self._lost:
                log.error("%d writes to the case database could not be made before it closed", self._lost)
            if connection is not None:
                if self._checkpoint_owed:
                    with contextlib.suppress(sqlite3.Error):  # the last connection's close checkpoints too
                        checkpoint(connection)
                connection.close()

    def _attempt(
        self, connection: sqlite3.Connection | None, key: str, job: _Job | None, erase: bool, nudged: bool
    ) -> sqlite3.Connection | None:
        """One try: the job at the head of the queue, then the checkpoint it asks for; returns the connection.

        ``nudged``: asked for by a new write or a flush rather than the timer. A
        failed nudged try leaves the timer's pace alone, so a user typing away
        on a full disk does not push the next unattended try out to 30 s.
        """
        done = False
        erased = not erase
        error: Exception | None = None
        try:
            if connection is None:
                connection = connect(self.path, create=False)
            if job is not None:
                job.run(connection)
                done = True
            if erase:
                erased = checkpoint(connection)
        except Exception as exc:
            error = exc
            if connection is not None:
                # A failed write leaves nothing half-done (SQLite rolled it back or
                # the job did); a fresh connection for the next try, in case the
                # file moved or its folder came back.
                connection.close()
                connection = None
        kind = classify(error, self.path) if error is not None else None
        with self._condition:
            self._busy = False
            self._attempts += 1
            now = time.monotonic()
            if error is None or kind is None:
                self._failed_last = False
                self._delay, self._retry_at = 0.0, 0.0
                if job is not None and self._trouble not in (None, DAMAGED):
                    self._trouble = None
            else:
                self._failed_last = True
                if not nudged or not self._delay:
                    self._delay = min(LAST_RETRY_S, max(FIRST_RETRY_S, self._delay * 2))
                self._retry_at = now + self._delay
                if job is not None and not done and job.retry and key not in self._pending:
                    # Kept at the head: a newer write with the same key, queued meanwhile, replaces it instead.
                    self._pending[key] = job
                    self._pending.move_to_end(key, last=False)
                if self._trouble != DAMAGED:
                    self._trouble = kind
            if error is not None:
                self._failures += 1
            self._checkpoint_owed = not erased
            self._checkpoint_at = now + max(CHECKPOINT_RETRY_S, self._delay)
            self._condition.notify_all()
            changed = self._trouble != self._announced
            self._announced = self._trouble
            trouble, waiting = self._trouble, len(self._pending)
        if error is not None and kind is None and job is not None and job.retry:
            # A mistake in the statement, not the disk: trying again cannot help, and would hold up every write.
            log.error("a write to the case database was refused and dropped", exc_info=error)
        if changed:
            if trouble is None:
                log.info("writes to the case database land again")
            elif error is not None:
                log.warning(
                    "writes to the case database fail (%s, %s); %d kept to try again",
                    trouble,
                    _error_name(error),
                    waiting,
                )
            self._announce(trouble)
        return connection

    def _announce(self, trouble: Trouble | None) -> None:
        if self._on_trouble is None:
            return
        try:
            self._on_trouble(trouble)
        except Exception:
            log.exception("the case database's trouble could not be told")


# --- the database ---------------------------------------------------------------------------------------------


class Database:
    """One case database: a reading connection for the GUI thread and a background writer.

    Opening sets a damaged file aside (:attr:`set_aside` says where) and starts
    a new one; any other failure to open is raised (``OSError``,
    ``sqlite3.Error``, or ``RuntimeError`` for a database from a newer
    version), for :func:`classify` to name.
    """

    def __init__(self, path: Path, on_trouble: TroubleListener | None = None) -> None:
        self.path = path
        self.set_aside: Path | None = None
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._reader = _open(path)
        except sqlite3.DatabaseError as exc:
            if classify(exc, path) != DAMAGED:
                raise
            self.set_aside = set_aside(path)
            log.warning("the case database was damaged (%s); set aside and started anew", _error_name(exc))
            self._reader = _open(path)
        self.writer = BackgroundWriter(path, on_trouble)
        self.closed = False
        # Reads from other threads (History reads on a thread of its own) get connections of their own.
        self._owner = threading.get_ident()
        self._local = threading.local()
        self._others: list[sqlite3.Connection] = []
        self._others_lock = threading.Lock()

    @property
    def trouble(self) -> Trouble | None:
        return self.writer.trouble

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Rows for ``sql``; nothing once the database is closed (the window is going away) or cannot be read."""
        if self.closed:
            return []
        try:
            cursor = self._connection_here().execute(sql, params)
            try:
                return cursor.fetchall()
            finally:
                # The read transaction ends with the statement: a reader left on an
                # old snapshot would stop the checkpoint that erases deleted rows.
                cursor.close()
        except sqlite3.Error as exc:
            kind = classify(exc, self.path)
            if kind is None:
                raise
            log.warning("a read from the case database failed (%s, %s)", kind, _error_name(exc))
            if kind == DAMAGED:
                self.writer.report(kind)
            return []

    def _connection_here(self) -> sqlite3.Connection:
        if threading.get_ident() == self._owner:
            return self._reader
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(
                f"{self.path.absolute().as_uri()}?mode=ro", uri=True, timeout=10, check_same_thread=False
            )
            connection.row_factory = sqlite3.Row
            self._local.connection = connection
            with self._others_lock:
                self._others.append(connection)
        return connection

    def release_thread(self) -> None:
        """The calling thread is done reading: its connection closes (a reading thread calls it at its end)."""
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            self._local.connection = None
            with self._others_lock:
                self._others = [other for other in self._others if other is not connection]
            connection.close()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.writer.close()
        self._reader.close()
        with self._others_lock:
            others, self._others = self._others, []
        for connection in others:
            connection.close()


def _open(path: Path) -> sqlite3.Connection:
    """The reading connection, on a file checked whole and brought to the current schema."""
    _create_private(path)
    connection = connect(path)
    try:
        for sidecar in sidecars(path):
            make_private(sidecar)
        # SQLite finds a damaged page only when it reads it, possibly months
        # later in the middle of a write; the check reads every page now
        # (about 20 ms for 20,000 cases, 15 MB).
        found = [str(row[0]) for row in connection.execute("PRAGMA quick_check(1)")]
        if found != ["ok"]:
            raise DamagedDatabaseError("database disk image is malformed")
        migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection
