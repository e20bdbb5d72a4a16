"""The case log on the shop's PostgreSQL server, with the desk's own queue for when the server is away.

Every write a desk makes goes first into the queue in its SQLite file (``shop_outbox``: the
same private file, 0600, as a single desk's log) and from there, in order, to the server, by
one thread (:class:`ShopLink`). A write reaches the server once: each carries an id, and the
server records the id in ``shop_uploads`` in the same transaction as the write, so a write sent
again after a cut (the server took it, the answer was lost) is skipped. A write is removed
from the queue once the server has it, and the queue's journal is emptied when it runs dry: a
desk keeps no copy of what it uploaded.

Two desks changing the same case: a save names the version it started from and goes through
only when the case is still at that version or the last change was this desk's own; otherwise
it is not applied and the desk hears of it (:class:`Conflict`), so nothing is overwritten
unseen.

Reads go to the server from the calling thread, and only while the link says it is reachable;
while it is away they come from the queue (what this desk wrote and has not uploaded yet), so
a case in hand is never lost to the window.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from mirecovery_gui.store.cases import (
    _NOT_OVERWRITTEN,
    COLUMNS,
    FINAL_OUTCOMES,
    READ_COLUMNS,
    Case,
    CaseLog,
    CaseQuery,
    NotesSaved,
    Outcome,
    _case,
    new_id,
    now,
    search_clauses,
)
from mirecovery_gui.store.database import SCHEMA_VERSION, Database, checkpoint, connect
from mirecovery_gui.store.drafts import Draft, DraftStore
from mirecovery_gui.store.shop_database import NewerSchemaError, ShopAddress, migrate, schema_version

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

# What keeps the shop database from being used now.
Problem = Literal["unreachable", "password", "password_needed", "tls", "not_set_up", "newer_version", "refused"]

FIRST_RETRY_S = 0.5
LAST_RETRY_S = 10.0
# How long a read waits for the link's first word on the server before it reads the queue instead.
FIRST_VERDICT_S = 1.0
BATCH = 50
# While all is well, the link asks the server this often whether it is still there, so the window
# does not say "connected" long after it went away.
PROBE_EVERY_S = 15.0


@dataclass(frozen=True)
class ShopStatus:
    """What the window shows about the shop database."""

    reachable: bool | None  # None: not known yet
    waiting: int  # writes in this desk's queue, not on the server yet
    problem: Problem | None = None
    tries: int = 0  # tries that failed since the last success: the same trouble again is told again


@dataclass(frozen=True)
class Conflict:
    """A save of this desk's not applied: another desk changed the case since this desk last saw it."""

    case_id: str
    other_desk: str
    # changed: another desk's change came first; refused: the server's rules said no (a desk deleting);
    # deleted: a manager erased the case, so this desk's change to it is not kept.
    kind: Literal["changed", "refused", "deleted"] = "changed"


def _problem_of(error: BaseException) -> Problem:
    """What a failure to connect or to read says, in the words the window uses."""
    import psycopg

    if isinstance(error, NewerSchemaError):
        return "newer_version"
    if isinstance(error, _NotSetUpError):
        return "not_set_up"
    state = getattr(error, "sqlstate", None) or ""
    text = str(error).lower()
    if "no password supplied" in text:
        return "password_needed"
    if state == "28P01" or "password authentication failed" in text:
        return "password"
    if "ssl" in text or "certificate" in text or "tls" in text:
        return "tls"
    if isinstance(error, psycopg.errors.InsufficientPrivilege) or state.startswith("28") or state == "42501":
        return "refused"
    return "unreachable"


class _NotSetUpError(RuntimeError):
    """The shop database has no mirecovery schema (or an older one) and this login may not bring it up."""


# --- the link: the queue's uploader ---------------------------------------------------------------------------


class ShopLink:
    """This desk's link to the shop database: the queue, the thread that uploads it, and what it knows.

    ``on_status(status)`` and ``on_conflict(conflict)`` are called on the link's thread.
    ``connect()`` opens a connection to the server (tests point it anywhere; the app uses the
    address and the keyring).
    """

    def __init__(
        self,
        address: ShopAddress,
        database: Database,
        desk: str,
        *,
        connect_server: Callable[[], psycopg.Connection[Any]] | None = None,
        on_status: Callable[[ShopStatus], None] | None = None,
        on_conflict: Callable[[Conflict], None] | None = None,
    ) -> None:
        self.address = address
        self.database = database
        self.desk = desk
        self._connect_server = connect_server or (lambda: _connect(address))
        self.on_status = on_status
        self.on_conflict = on_conflict
        self._condition = threading.Condition()
        self._reachable: bool | None = None
        self._problem: Problem | None = None
        self._tries = 0
        self._waiting = 0
        self._wake = False
        self._attempts = 0  # tries finished, so a flush can wait for one made after it asked
        self._closing = False
        self._purge_due = False
        self._delay = 0.0
        self._announced: ShopStatus | None = None
        self._thread = threading.Thread(target=self._run, name="mirecovery-shop-link", daemon=True)
        self._thread.start()

    # --- for the log and the window ----------------------------------------------------------

    @property
    def status(self) -> ShopStatus:
        with self._condition:
            return ShopStatus(self._reachable, self._waiting, self._problem, self._tries)

    def enqueue(self, op: dict[str, Any], *, before: Callable[[sqlite3.Connection], None] | None = None) -> None:
        """Put a write in the queue (on the desk's writer, in order with everything else) and wake the uploader."""
        op_id = new_id()
        text = json.dumps(op, ensure_ascii=False)

        def write(connection: sqlite3.Connection) -> None:
            if before is not None:
                before(connection)
            connection.execute("INSERT INTO shop_outbox (op_id, op) VALUES (?, ?)", (op_id, text))
            self._recount(connection)
            self.wake()

        self.database.writer.submit(f"shop:{op_id}", write)

    def wake(self) -> None:
        with self._condition:
            self._wake = True
            self._condition.notify_all()

    def purge_soon(self) -> None:
        """Ask the server to apply the shop's retention (its own function) when it is next reachable."""
        with self._condition:
            self._purge_due = True
            self._wake = True
            self._condition.notify_all()

    def wait_reachable(self, timeout_s: float = FIRST_VERDICT_S) -> bool:
        """Whether the server is reachable, waiting up to ``timeout_s`` for the first answer at start."""
        with self._condition:
            self._condition.wait_for(lambda: self._reachable is not None or self._closing, timeout=timeout_s)
            return bool(self._reachable)

    def report_unreachable(self, problem: Problem = "unreachable") -> None:
        """A read found the server gone (or refusing): reads stop trying until the link gets through again."""
        with self._condition:
            self._reachable = False
            self._problem = problem
            self._wake = True
            self._condition.notify_all()
        self._announce()

    def flush(self, timeout_s: float = 5.0) -> bool:
        """Wait until the queue is on the server; False when it is not (the queue keeps it).

        The link tries once more now; when the server is away the answer comes as soon as that try
        fails, never after waiting out ``timeout_s``.
        """
        deadline = time.monotonic() + timeout_s
        if not self.database.writer.flush(timeout_s):
            return False
        with self._condition:
            start = self._attempts
            self._wake = True
            self._condition.notify_all()
            self._condition.wait_for(
                lambda: (self._attempts > start and (self._waiting == 0 or self._reachable is False)) or self._closing,
                timeout=max(0.0, deadline - time.monotonic()),
            )
            return self._waiting == 0 and self._attempts > start and bool(self._reachable)

    def close(self, timeout_s: float = 5.0) -> None:
        """Upload what can be uploaded in ``timeout_s`` and stop; what is left stays queued for the next start."""
        self.flush(timeout_s)
        with self._condition:
            self._closing = True
            self._condition.notify_all()
        self._thread.join(timeout=timeout_s)

    # --- the link's thread -------------------------------------------------------------------

    def _run(self) -> None:
        server: psycopg.Connection[Any] | None = None
        local: sqlite3.Connection | None = None
        try:
            while True:
                with self._condition:
                    if self._reachable is not None:  # the first try is made at once
                        self._condition.wait_for(
                            lambda: self._wake or self._closing, timeout=self._delay or PROBE_EVERY_S
                        )
                    if self._closing:
                        break
                    self._wake = False
                try:
                    if local is None:
                        local = connect(self.database.path, create=False)
                    self._recount(local)  # what waits, told even when the server cannot be reached
                    if server is None:
                        server = self._open_server()
                    else:
                        server.execute("SELECT 1")  # still there?
                    self._upload(local, server)
                    if self._take_purge():
                        _purge(server)
                    self._set_reachable(True, None)
                except Exception as exc:
                    _closed(server)
                    server = None
                    if isinstance(exc, sqlite3.Error):
                        local = None  # a fresh connection next time; the desk's writer tells the window
                        log.warning("the shop queue could not be read (%s)", type(exc).__name__)
                    problem = _problem_of(exc)
                    log.warning("the shop database cannot be used now (%s, %s)", problem, type(exc).__name__)
                    self._set_reachable(False, problem)
        finally:
            _closed(server)
            if local is not None:
                local.close()

    def _open_server(self) -> psycopg.Connection[Any]:
        server = self._connect_server()
        try:
            server.autocommit = True
            found = schema_version(server)
            if found < SCHEMA_VERSION:
                try:
                    migrate(server)  # the owner's login may; a desk's may not
                except Exception as exc:
                    raise _NotSetUpError("the shop database is not set up for this mirecovery") from exc
            elif found > SCHEMA_VERSION:
                raise NewerSchemaError(f"the shop database is from a newer mirecovery ({found} > {SCHEMA_VERSION})")
        except BaseException:
            server.close()
            raise
        return server

    def _upload(self, local: sqlite3.Connection, server: psycopg.Connection[Any]) -> None:
        while not self._closing:
            rows = local.execute("SELECT seq, op_id, op FROM shop_outbox ORDER BY seq LIMIT ?", (BATCH,)).fetchall()
            if not rows:
                break
            for seq, op_id, text in rows:
                conflict = self._apply_once(server, op_id, json.loads(text))
                local.execute("DELETE FROM shop_outbox WHERE seq = ?", (seq,))
                self._recount(local)
                if conflict is not None and self.on_conflict is not None:
                    try:
                        self.on_conflict(conflict)
                    except Exception:
                        log.exception("a conflict could not be told")
        if self._waiting == 0:
            # Uploaded writes leave no copy on the desk: the deleted rows' old pages go with the journal.
            with contextlib.suppress(sqlite3.Error):
                checkpoint(local)

    def _apply_once(self, server: psycopg.Connection[Any], op_id: str, op: dict[str, Any]) -> Conflict | None:
        import psycopg

        try:
            with server.transaction():
                taken = server.execute(
                    "INSERT INTO shop_uploads (op_id, desk, uploaded_at) VALUES (%s, %s, %s) "
                    "ON CONFLICT (op_id) DO NOTHING",
                    (op_id, self.desk, now()),
                ).rowcount
                if not taken:
                    return None  # sent before, and the server has it: the answer was what got lost
                return apply(server, op, self.desk)
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.IntegrityError, psycopg.errors.DataError) as exc:
            # The server's rules refuse this write (a desk may not delete): trying again cannot help,
            # and keeping it would hold up every write behind it.
            log.warning("the shop database refused a write (%s)", type(exc).__name__)
            return Conflict(_case_of(op), "", kind="refused")

    def _take_purge(self) -> bool:
        with self._condition:
            due, self._purge_due = self._purge_due, False
            return due

    def _recount(self, local: sqlite3.Connection) -> None:
        count = int(local.execute("SELECT count(*) FROM shop_outbox").fetchone()[0])
        with self._condition:
            self._waiting = count
            self._condition.notify_all()
        self._announce()

    def _set_reachable(self, reachable: bool, problem: Problem | None) -> None:
        with self._condition:
            self._attempts += 1
            self._tries = 0 if reachable else self._tries + 1
            self._reachable = reachable
            self._problem = problem
            self._delay = 0.0 if reachable else min(LAST_RETRY_S, max(FIRST_RETRY_S, self._delay * 2))
            if reachable and self._waiting == 0:
                self._delay = 0.0
            self._condition.notify_all()
        self._announce()

    def _announce(self) -> None:
        status = self.status
        with self._condition:
            if status == self._announced:
                return
            self._announced = status
        if self.on_status is not None:
            try:
                self.on_status(status)
            except Exception:
                log.exception("the shop database's state could not be told")


def _closed(server: psycopg.Connection[Any] | None) -> None:
    if server is not None:
        with contextlib.suppress(Exception):
            server.close()


def _connect(address: ShopAddress) -> psycopg.Connection[Any]:
    from mirecovery_gui.store.shop_database import connect as connect_shop

    return connect_shop(address, timeout_s=3.0)


def _case_of(op: dict[str, Any]) -> str:
    if op.get("kind") == "case":
        return str(op["row"][0])
    return str(op.get("id") or (op.get("ids") or [""])[0])


# --- applying a write on the server ------------------------------------------------------------------------------

_CASE_COLUMNS = COLUMNS.split(", ")
_PLACEHOLDERS = ", ".join(
    "(SELECT id FROM support_drafts WHERE id = %s)" if name == "draft_id" else "%s" for name in _CASE_COLUMNS
)
_UPDATES = ", ".join(f"{name} = excluded.{name}" for name in _CASE_COLUMNS[1:] if name not in _NOT_OVERWRITTEN)
_SAVE_CASE = (
    f"INSERT INTO cases ({COLUMNS}) VALUES ({_PLACEHOLDERS}) ON CONFLICT (id) DO UPDATE SET {_UPDATES}, "
    "outcome = CASE WHEN cases.outcome <> 'open' AND excluded.outcome = 'open' "
    "THEN cases.outcome ELSE excluded.outcome END, "
    "closed_at = COALESCE(cases.closed_at, excluded.closed_at), version = cases.version + 1 "
    # The last change was this desk's own, or the case is as this desk last saw it: nothing unseen is overwritten.
    "WHERE cases.changed_at_desk = excluded.changed_at_desk OR cases.version = %s "
    "RETURNING version"
)
_DRAFT_COLUMNS = ("id", "created_at", "updated_at", "language", "destination", "facts", "status")
_SAVE_DRAFT = (
    f"INSERT INTO support_drafts ({', '.join(_DRAFT_COLUMNS)}) VALUES ({', '.join(['%s'] * len(_DRAFT_COLUMNS))}) "
    "ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, language = excluded.language, "
    "destination = excluded.destination, facts = excluded.facts, status = excluded.status"
)


def apply(server: psycopg.Connection[Any], op: dict[str, Any], desk: str) -> Conflict | None:
    """One queued write, inside the caller's transaction; a :class:`Conflict` when it was not applied."""
    kind = op["kind"]
    if kind == "case":
        row = op["row"]
        if _erased(server, str(row[0])):
            return Conflict(str(row[0]), "", kind="deleted")
        applied = server.execute(_SAVE_CASE, (*row, int(op["base"]))).fetchone()
        if applied is None:
            other = server.execute("SELECT changed_at_desk FROM cases WHERE id = %s", (row[0],)).fetchone()
            return Conflict(str(row[0]), str(other[0]) if other else "")
    elif kind == "close":
        server.execute(
            "UPDATE cases SET outcome = %s, closed_at = COALESCE(closed_at, %s), updated_at = %s, "
            "changed_at_desk = %s, version = version + 1 WHERE id = %s AND outcome = 'open'",
            (op["outcome"], op["at"], op["at"], desk, op["id"]),
        )
    elif kind == "draft":
        if not _erased(server, str(op["row"][0])):  # a manager erased it: its customer stays erased
            server.execute(_SAVE_DRAFT, op["row"])
    elif kind == "delete_draft":
        server.execute("DELETE FROM support_drafts WHERE id = %s", (op["id"],))
    elif kind == "delete":
        ids = list(op["ids"])
        # Remembered by id, so a desk that still holds one of them cannot write it back.
        server.execute(
            "INSERT INTO shop_erased (id, erased_at) SELECT id, %s FROM cases WHERE id = ANY(%s) "
            "UNION SELECT draft_id, %s FROM cases WHERE id = ANY(%s) AND draft_id IS NOT NULL "
            "ON CONFLICT (id) DO NOTHING",
            (now(), ids, now(), ids),
        )
        if op.get("with_drafts", True):
            server.execute(
                "DELETE FROM support_drafts WHERE id IN (SELECT draft_id FROM cases WHERE id = ANY(%s))", (ids,)
            )
        server.execute("DELETE FROM cases WHERE id = ANY(%s)", (ids,))
    elif kind == "delete_all":
        server.execute(
            "INSERT INTO shop_erased (id, erased_at) SELECT id, %s FROM cases UNION SELECT id, %s FROM support_drafts "
            "ON CONFLICT (id) DO NOTHING",
            (now(), now()),
        )
        server.execute("DELETE FROM cases")
        server.execute("DELETE FROM support_drafts")
    else:
        log.error("a queued write of an unknown kind was skipped")
    return None


def _erased(server: psycopg.Connection[Any], row_id: str) -> bool:
    return server.execute("SELECT 1 FROM shop_erased WHERE id = %s", (row_id,)).fetchone() is not None


def _purge(server: psycopg.Connection[Any]) -> None:
    """The shop's retention, by the server's own function (docs/shop-database.md), when the owner made it."""
    found = server.execute("SELECT to_regprocedure('mirecovery_purge()') IS NOT NULL").fetchone()
    if found is not None and found[0]:
        server.execute("SELECT mirecovery_purge()")


# --- reading from the server, or from the queue while it is away ------------------------------------------------


class _Reader:
    """Reads on the calling thread (the window's), only while the link says the server is reachable."""

    def __init__(self, link: ShopLink) -> None:
        self.link = link
        self._server: psycopg.Connection[Any] | None = None

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]] | None:
        """The rows, or None when the server cannot be asked now (the caller falls back to the queue)."""
        if not self.link.wait_reachable():
            return None
        import psycopg
        from psycopg.rows import dict_row

        try:
            if self._server is None or self._server.closed:
                self._server = self.link._connect_server()
                self._server.autocommit = True
            with self._server.cursor(row_factory=dict_row) as cursor:
                cursor.execute(sql.replace("?", "%s"), list(params))
                return cursor.fetchall()
        except psycopg.Error as exc:
            _closed(self._server)
            self._server = None
            problem = _problem_of(exc)
            log.warning("a read from the shop database failed (%s, %s)", problem, type(exc).__name__)
            self.link.report_unreachable(problem)
            return None

    def execute(self, sql: str, params: Sequence[object] = ()) -> int | None:
        """Run a write that the user waits for; its row count, or None when the server cannot be asked now."""
        if not self.link.wait_reachable():
            return None
        import psycopg

        try:
            if self._server is None or self._server.closed:
                self._server = self.link._connect_server()
                self._server.autocommit = True
            return self._server.execute(sql.replace("?", "%s"), list(params)).rowcount
        except psycopg.Error as exc:
            _closed(self._server)
            self._server = None
            self.link.report_unreachable(_problem_of(exc))
            return None

    def close(self) -> None:
        _closed(self._server)
        self._server = None


class ShopUnreachableError(sqlite3.OperationalError):
    """The shop database cannot take a write the user waits for now (it is away, or refuses)."""


class _Queue:
    """What this desk wrote and has not uploaded yet: cases and drafts as they will be on the server."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def ops(self) -> list[dict[str, Any]]:
        self.database.writer.flush(2.0)
        found = []
        for row in self.database.read("SELECT op FROM shop_outbox ORDER BY seq"):
            with contextlib.suppress(ValueError):
                found.append(json.loads(row[0]))
        return found

    def cases(self) -> dict[str, Case]:
        cases: dict[str, Case] = {}
        for op in self.ops():
            if op["kind"] == "case":
                case = _case(dict(zip(_CASE_COLUMNS, op["row"], strict=True)) | {"version": int(op["base"])})
                cases[case.id] = case
            elif op["kind"] == "close" and op["id"] in cases and cases[op["id"]].outcome is Outcome.OPEN:
                cases[op["id"]].outcome = Outcome(op["outcome"])
                cases[op["id"]].closed_at = op["at"]
            elif op["kind"] == "delete":
                for case_id in op["ids"]:
                    cases.pop(case_id, None)
            elif op["kind"] == "delete_all":
                cases.clear()
        return cases

    def drafts(self) -> dict[str, Draft]:
        drafts: dict[str, Draft] = {}
        for op in self.ops():
            if op["kind"] == "draft":
                draft = DraftStore._draft(dict(zip(_DRAFT_COLUMNS, op["row"], strict=True)))
                if draft is not None:
                    drafts[draft.id] = draft
            elif op["kind"] == "delete_draft":
                drafts.pop(op["id"], None)
        return drafts


def _matches(case: Case, query: CaseQuery) -> bool:
    """The search's WHERE, for the few cases the queue holds while the server is away."""
    text = query.text.strip().lower()
    if text:
        fields = (case.customer_name, case.customer_contact, case.identifier_masked, case.imei, case.device_model)
        haystack = [value.lower() for value in (*fields, case.notes, case.staff, case.desk)]
        if not any(text in value for value in haystack) and not case.id.startswith(text):
            return False
    if query.outcome is not None and case.outcome is not query.outcome:
        return False
    if query.desk is not None and case.desk != query.desk:
        return False
    if query.since is not None and case.opened_at < query.since.isoformat():
        return False
    if query.until is not None:
        import datetime as dt

        return case.opened_at < (query.until + dt.timedelta(days=1)).isoformat()
    return True


class ShopCaseLog(CaseLog):
    """The case log of a shop: on its PostgreSQL server, through this desk's queue."""

    def __init__(self, link: ShopLink) -> None:
        super().__init__(link.database, link.desk)
        self.link = link
        self._reader = _Reader(link)
        self._queue = _Queue(link.database)
        self._may_delete: bool | None = None

    @property
    def shared(self) -> bool:
        return True

    def may_delete(self) -> bool:
        if self._may_delete is None:
            rows = self._reader.rows(
                "SELECT has_table_privilege('cases', 'DELETE') AND has_table_privilege('support_drafts', 'DELETE') "
                "AS allowed"
            )
            if rows is None:
                return False  # not known while the server is away: not offered
            self._may_delete = bool(rows[0]["allowed"])
        return self._may_delete

    def flush(self, timeout_s: float = 5.0) -> bool:
        return self.link.flush(timeout_s)

    # --- writing: into the queue --------------------------------------------------------------

    def save(self, case: Case) -> None:
        self._stamp(case)
        self.link.enqueue({"kind": "case", "row": list(case.row()), "base": case.version})

    def close_open(self, case_id: str, outcome: Outcome) -> None:
        self.link.enqueue({"kind": "close", "id": case_id, "outcome": outcome.value, "at": now()})

    def set_notes(self, case_id: str, notes: str, expected: str) -> NotesSaved:
        """On the server at once (the user waits for the answer); raises when it is away, and nothing is queued."""
        if not self.link.flush(3.0):
            raise ShopUnreachableError("the shop database cannot be reached")
        changed = self._reader.execute(
            "UPDATE cases SET notes = ?, updated_at = ?, changed_at_desk = ?, version = version + 1 "
            "WHERE id = ? AND notes = ?",
            (notes, now(), self.desk, case_id, expected),
        )
        if changed is None:
            raise ShopUnreachableError("the shop database cannot be reached")
        if changed:
            return NotesSaved(saved=True)
        rows = self._reader.rows("SELECT notes FROM cases WHERE id = ?", (case_id,))
        if rows is None:
            raise ShopUnreachableError("the shop database cannot be reached")
        if not rows:
            return NotesSaved(saved=False, gone=True)
        return NotesSaved(saved=False, meanwhile=str(rows[0]["notes"]))

    def delete(self, case_ids: Sequence[str], with_drafts: bool = True) -> None:
        ids = list(case_ids)

        def drop_queued(connection: sqlite3.Connection) -> None:
            # Erasure reaches the queue too: a customer's writes still waiting go before the delete does.
            for seq, text in connection.execute("SELECT seq, op FROM shop_outbox").fetchall():
                with contextlib.suppress(ValueError, KeyError):
                    if _case_of(json.loads(text)) in ids:
                        connection.execute("DELETE FROM shop_outbox WHERE seq = ?", (seq,))

        self.link.enqueue({"kind": "delete", "ids": ids, "with_drafts": with_drafts}, before=drop_queued)

    def delete_everything(self) -> None:
        """What this desk holds: its queue (and anything a single-desk log left in its file), erased.

        The shop's cases stay on the server: deleting them is a manager's (:meth:`delete_shop_cases`).
        """
        link = self.link

        def write(connection: sqlite3.Connection) -> None:
            connection.execute("DELETE FROM shop_outbox")
            connection.execute("DELETE FROM cases")
            connection.execute("DELETE FROM support_drafts")
            connection.execute("VACUUM")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            link._recount(connection)

        self.database.writer.submit(f"delete-all:{new_id()}", write, erase=True)

    def delete_shop_cases(self) -> None:
        """Every case and draft of the shop, on the server (a manager's login; a desk's is refused)."""

        def drop_queued(connection: sqlite3.Connection) -> None:
            connection.execute("DELETE FROM shop_outbox")

        self.link.enqueue({"kind": "delete_all"}, before=drop_queued)

    def purge_older_than(self, days: int, today: Any = None) -> None:
        """The shop's retention is the server's (its ``mirecovery_purge()``), the same for every desk."""
        self.link.purge_soon()

    # --- reading ----------------------------------------------------------------------------------

    def _cases(self, sql: str, params: Sequence[object] = ()) -> list[Case] | None:
        rows = self._reader.rows(sql, params)
        return None if rows is None else [_case(row) for row in rows]

    def get(self, case_id: str) -> Case | None:
        self.link.flush(2.0)
        found = self._cases(f"SELECT {READ_COLUMNS} FROM cases WHERE id = ?", (case_id,))
        if found is None:
            return self._queue.cases().get(case_id)
        return found[0] if found else None

    def case_of_draft(self, draft_id: str) -> Case | None:
        self.link.flush(2.0)
        found = self._cases(
            f"SELECT {READ_COLUMNS} FROM cases WHERE draft_id = ? ORDER BY updated_at DESC LIMIT 1", (draft_id,)
        )
        if found is None:
            return next((case for case in self._queue.cases().values() if case.draft_id == draft_id), None)
        return found[0] if found else None

    def open_cases(self) -> list[Case]:
        """This desk's open cases (another desk's are in hand there, never closed from here)."""
        self.link.flush(2.0)
        found = self._cases(
            f"SELECT {READ_COLUMNS} FROM cases WHERE outcome = 'open' AND desk = ? ORDER BY updated_at DESC LIMIT 20",
            (self.desk,),
        )
        if found is None:
            found = [case for case in self._queue.cases().values() if case.outcome is Outcome.OPEN]
        return found

    def search(self, query: CaseQuery) -> list[Case]:
        self.link.flush(2.0)
        where, params = search_clauses(query)
        found = self._cases(
            f"SELECT {READ_COLUMNS} FROM cases {where} ORDER BY opened_at DESC LIMIT ?", (*params, query.limit)
        )
        if found is None:
            queued = [case for case in self._queue.cases().values() if _matches(case, query)]
            return sorted(queued, key=lambda case: case.opened_at, reverse=True)[: query.limit]
        return found

    def desks(self) -> list[str]:
        rows = self._reader.rows("SELECT DISTINCT desk FROM cases WHERE desk <> '' ORDER BY desk")
        return [str(row["desk"]) for row in rows] if rows is not None else [self.desk]

    def close(self) -> None:
        self._reader.close()


class ShopDraftStore(DraftStore):
    """Support-request drafts on the shop database, through the same queue as the cases."""

    def __init__(self, case_log: ShopCaseLog) -> None:
        super().__init__(case_log.database)
        self.case_log = case_log

    def save(self, draft: Draft) -> None:
        draft.updated_at = now()
        row = [
            draft.id,
            draft.created_at,
            draft.updated_at,
            draft.language,
            draft.destination,
            json.dumps(draft.facts.to_mapping(), ensure_ascii=False),
            draft.status,
        ]
        self.case_log.link.enqueue({"kind": "draft", "row": row})

    def delete(self, draft_id: str) -> None:
        self.case_log.link.enqueue({"kind": "delete_draft", "id": draft_id})

    def _drafts(self, sql: str, params: Sequence[object] = ()) -> list[Draft] | None:
        self.case_log.link.flush(2.0)
        rows = self.case_log._reader.rows(sql, params)
        if rows is None:
            return None
        return [draft for draft in (self._draft(row) for row in rows) if draft is not None]

    def load(self, draft_id: str) -> Draft | None:
        found = self._drafts("SELECT * FROM support_drafts WHERE id = ?", (draft_id,))
        if found is None:
            return self.case_log._queue.drafts().get(draft_id)
        return found[0] if found else None

    def recent(self, limit: int = 30) -> list[Draft]:
        """This desk's recent drafts (another desk's customers are not offered here to pick from)."""
        found = self._drafts(
            "SELECT d.* FROM support_drafts d WHERE EXISTS (SELECT 1 FROM cases c WHERE c.draft_id = d.id "
            "AND c.desk = ?) ORDER BY d.updated_at DESC LIMIT ?",
            (self.case_log.desk, limit),
        )
        if found is None:
            queued = sorted(self.case_log._queue.drafts().values(), key=lambda draft: draft.updated_at, reverse=True)
            return queued[:limit]
        return found

    def latest_open(self) -> Draft | None:
        found = self.recent(30)
        return next((draft for draft in found if draft.status == "open"), None)


__all__ = [
    "FINAL_OUTCOMES",
    "Conflict",
    "ShopCaseLog",
    "ShopDraftStore",
    "ShopLink",
    "ShopStatus",
    "ShopUnreachableError",
]
