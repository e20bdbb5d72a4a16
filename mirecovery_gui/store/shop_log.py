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
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from mirecovery_gui.store.cases import (
    COLUMNS,
    FINAL_OUTCOMES,
    READ_COLUMNS,
    Case,
    CaseLog,
    CaseQuery,
    NotesSaved,
    Outcome,
    _case,
    masked_form,
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

T = TypeVar("T")

# What keeps the shop database from being used now.
Problem = Literal[
    "unreachable", "password", "password_needed", "tls", "read_only", "not_set_up", "newer_version", "refused"
]

FIRST_RETRY_S = 0.5
LAST_RETRY_S = 10.0
# How long a read waits for the link's first word on the server before it reads the queue instead.
FIRST_VERDICT_S = 1.0
BATCH = 50
OP_FORMAT = 1  # the queued writes' format: a desk updated while writes wait reads them as they were made
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
    """A save of this desk's met another desk's change (merged, nothing overwritten), or was not applied."""

    case_id: str
    other_desk: str
    # changed: another desk's change came first; refused: the server's rules said no (a desk deleting);
    # deleted: a manager erased the case, so this desk's change to it is not kept.
    # dropped: the server could not take this write as it was (never tried again).
    kind: Literal["changed", "refused", "deleted", "dropped"] = "changed"
    # changed: the fields where the two desks differ, with the other desk's value, which was kept (a
    # checklist item as "checklist.<item>"): what the desk is told. The desk takes ``taken`` (its
    # own next saves then keep their values).
    values: tuple[tuple[str, Any], ...] = ()
    taken: tuple[tuple[str, Any], ...] = ()  # every field the merge took from the server, as stored there
    sent: tuple[tuple[str, Any], ...] = ()  # what this desk had sent for those fields

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.values)


def _problem_of(error: BaseException) -> Problem:
    """What a failure to connect or to read says, in the words the window uses."""
    if isinstance(error, ImportError):
        return "unreachable"  # no driver in this build: nothing to reach the server with
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
    if isinstance(error, psycopg.errors.ReadOnlySqlTransaction) or state == "25006":
        return "read_only"
    if isinstance(error, psycopg.errors.UndefinedTable | psycopg.errors.UndefinedColumn):
        return "not_set_up"
    if (
        isinstance(error, psycopg.errors.InsufficientPrivilege)
        or state.startswith("28")
        or state == "42501"
        or "permission denied" in text
    ):
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
        self._count_lock = threading.Lock()
        self._announce_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="mirecovery-shop-link", daemon=True)
        self._thread.start()

    # --- for the log and the window ----------------------------------------------------------

    @property
    def status(self) -> ShopStatus:
        with self._condition:
            return ShopStatus(self._reachable, self._waiting, self._problem, self._tries)

    def enqueue(
        self,
        op: dict[str, Any],
        *,
        before: Callable[[sqlite3.Connection], None] | None = None,
        erase: bool = False,
    ) -> None:
        """Put a write in the queue (on the desk's writer, in order with everything else) and wake the uploader.

        ``before`` runs in the same write (an erasure drops a customer's waiting writes first);
        ``erase``: the journal is emptied afterwards, so what ``before`` dropped is in no file.
        """
        op_id = new_id()
        # PostgreSQL refuses NUL in text, and a write it refuses is dropped: none is ever queued.
        text = json.dumps(_without_nul({**op, "v": OP_FORMAT}), ensure_ascii=False)

        def write(connection: sqlite3.Connection) -> None:
            if before is not None:
                before(connection)
            connection.execute("INSERT INTO shop_outbox (op_id, op) VALUES (?, ?)", (op_id, text))
            self._recount(connection)
            self.wake()

        self.database.writer.submit(f"shop:{op_id}", write, erase=erase)

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
        # A try under way against a server that does not answer ends at its own timeouts; the thread is a
        # daemon and the queue is on disk, so closing never waits for it longer than this.
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
            for _seq, op_id, text in rows:
                # An erasure may have dropped it from the queue since this batch was read: never uploaded then.
                if local.execute("SELECT 1 FROM shop_outbox WHERE op_id = ?", (op_id,)).fetchone() is None:
                    continue
                conflict = self._apply_once(server, op_id, _op(text))
                local.execute("DELETE FROM shop_outbox WHERE op_id = ?", (op_id,))
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

    def _apply_once(self, server: psycopg.Connection[Any], op_id: str, op: dict[str, Any] | None) -> Conflict | None:
        import psycopg

        if op is None or op.get("v", OP_FORMAT) != OP_FORMAT:
            # Not a write this desk can read (damaged, or from another version): kept back, it would hold
            # up every write behind it.
            log.error("a queued write that cannot be read was dropped")
            return None
        try:
            with server.transaction():
                taken = server.execute(
                    f"INSERT INTO shop_uploads (op_id, desk, uploaded_at) VALUES (%s, %s, {SERVER_NOW}) "
                    "ON CONFLICT (op_id) DO NOTHING",
                    (op_id, self.desk),
                ).rowcount
                if not taken:
                    return None  # sent before, and the server has it: the answer was what got lost
                return apply(server, op, self.desk)
        except psycopg.errors.InsufficientPrivilege as exc:
            if op.get("kind") not in ("delete", "delete_all"):
                raise  # the login lacks a right it needs for every write: kept, and the window says why
            # A desk deleting, which only a manager may: trying again cannot help, and keeping it would
            # hold up every write behind it.
            log.warning("the shop database refused a deletion (%s)", type(exc).__name__)
            return Conflict(_case_of(op), "", kind="refused")
        except (psycopg.errors.UndefinedTable, psycopg.errors.UndefinedColumn):
            raise  # the server lacks the schema: not the write's fault, kept until it is set up
        except (
            psycopg.errors.DataError,
            psycopg.errors.IntegrityError,
            psycopg.ProgrammingError,
            KeyError,
            IndexError,
            TypeError,
            ValueError,
        ) as exc:
            # This write as it is (not the server, not the network): trying again cannot help.
            log.error("a queued write was refused by the shop database and dropped (%s)", type(exc).__name__)
            return Conflict(_case_of(op), "", kind="dropped")  # told: the window never claims it was saved
        # Anything else (the server gone, read-only for maintenance, a schema it lacks) keeps the write
        # queued, in order, and the window says why.

    def _take_purge(self) -> bool:
        with self._condition:
            due, self._purge_due = self._purge_due, False
            return due

    def _recount(self, local: sqlite3.Connection) -> None:
        # The writer's thread and the link's both count; one at a time, so the last count is the newest.
        with self._count_lock:
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
        # One at a time, so an older state is never told after a newer one.
        with self._announce_lock:
            status = self.status
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


def _without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_nul(item) for key, item in value.items()}
    return value


def _op(text: str) -> dict[str, Any] | None:
    try:
        op = json.loads(text)
    except ValueError:
        return None
    return op if isinstance(op, dict) and "kind" in op else None


def _case_of(op: dict[str, Any] | None) -> str:
    """The case a queued write is about ("" : none, or it cannot be read)."""
    if op is None:
        return ""
    try:
        if op.get("kind") in ("case", "draft"):
            return str(op["row"][0])  # a draft's writes are found by the draft's own id
        return str(op.get("id") or (op.get("ids") or [""])[0])
    except (KeyError, IndexError, TypeError):
        return ""


# The server's clock in the log's own format (ISO 8601, UTC, text): a desk's clock may be wrong.
SERVER_NOW = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') || '+00:00'"


# --- applying a write on the server ------------------------------------------------------------------------------

_CASE_COLUMNS = COLUMNS.split(", ")
_PLACEHOLDERS = ", ".join(
    "(SELECT id FROM support_drafts WHERE id = %s)" if name == "draft_id" else "%s" for name in _CASE_COLUMNS
)
_SAVE_CASE = f"INSERT INTO cases ({COLUMNS}) VALUES ({_PLACEHOLDERS}) ON CONFLICT (id) DO NOTHING RETURNING version"
# Taken from the other desk's copy as they are: who opened it, and the notes (History's own).
_NEVER_MERGED = ("id", "opened_at", "desk", "self_test", "notes", "changed_at_desk")
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
        _hold(server, str(row[0]))
        if _erased(server, str(row[0])):
            return Conflict(str(row[0]), "", kind="deleted")
        if server.execute(_SAVE_CASE, row).fetchone() is not None:
            return None  # a new case
        prev = dict(zip(_CASE_COLUMNS, op["prev"], strict=True)) if op.get("prev") else None
        return _update_case(server, dict(zip(_CASE_COLUMNS, row, strict=True)), prev, desk)
    elif kind == "close":
        server.execute(
            "UPDATE cases SET outcome = %s, closed_at = COALESCE(closed_at, %s), updated_at = %s, "
            "changed_at_desk = %s, version = version + 1 WHERE id = %s AND outcome = 'open'",
            (op["outcome"], op["at"], op["at"], desk, op["id"]),
        )
    elif kind == "draft":
        _hold(server, str(op["row"][0]))
        if not _erased(server, str(op["row"][0])):  # a manager erased it: its customer stays erased
            server.execute(_SAVE_DRAFT, op["row"])
    elif kind == "delete_draft":
        server.execute("DELETE FROM support_drafts WHERE id = %s", (op["id"],))
    elif kind == "delete":
        ids = list(op["ids"])
        # Remembered by id, so a desk that still holds one of them cannot write it back.
        drafts = [str(draft) for draft in op.get("drafts", [])]  # drafts still queued with them, maybe sent alone
        for row_id in sorted({*ids, *drafts}):
            _hold(server, row_id)
        server.execute(
            f"INSERT INTO shop_erased (id, erased_at) SELECT id, {SERVER_NOW} FROM unnest(%s::text[]) AS gone(id) "
            f"UNION SELECT draft_id, {SERVER_NOW} FROM cases WHERE id = ANY(%s) AND draft_id IS NOT NULL "
            "ON CONFLICT (id) DO NOTHING",
            (ids + drafts, ids),
        )
        if drafts:
            server.execute("DELETE FROM support_drafts WHERE id = ANY(%s)", (drafts,))
        if op.get("with_drafts", True):
            server.execute(
                "DELETE FROM support_drafts WHERE id IN (SELECT draft_id FROM cases WHERE id = ANY(%s))", (ids,)
            )
        server.execute("DELETE FROM cases WHERE id = ANY(%s)", (ids,))
    elif kind == "delete_all":
        server.execute(
            f"INSERT INTO shop_erased (id, erased_at) SELECT id, {SERVER_NOW} FROM cases "
            f"UNION SELECT id, {SERVER_NOW} FROM support_drafts ON CONFLICT (id) DO NOTHING"
        )
        server.execute("DELETE FROM cases")
        server.execute("DELETE FROM support_drafts")
    else:
        log.error("a queued write of an unknown kind was skipped")
    return None


def _update_case(
    server: psycopg.Connection[Any], ours: dict[str, Any], prev: dict[str, Any] | None, desk: str
) -> Conflict | None:
    """This desk's copy of a case over the server's, field by field against ``prev``, the copy this desk
    had before (what it last sent or read): a three-way merge, so nothing is overwritten unseen.

    A field nobody else changed since ``prev`` takes this desk's value (its own change, or the same);
    one another desk changed while this desk did not keeps theirs (and the desk takes it); one both
    changed differently keeps theirs, and the desk is told (:class:`Conflict`). Without ``prev``
    (a copy of unknown age) theirs is kept wherever the two differ and both are filled in. The steps
    of both, in order; an outcome never back to "open"; the first close time.
    """
    from psycopg.rows import dict_row

    with server.cursor(row_factory=dict_row) as cursor:
        theirs = cursor.execute(f"SELECT {READ_COLUMNS} FROM cases WHERE id = %s FOR UPDATE", (ours["id"],)).fetchone()
    if theirs is None:
        return Conflict(str(ours["id"]), "", kind="deleted")  # erased between the insert and now
    if (
        ours["draft_id"]
        and server.execute("SELECT 1 FROM support_drafts WHERE id = %s", (ours["draft_id"],)).fetchone() is None
    ):
        ours["draft_id"] = None  # the request it names is not there (yet): linked by a later save
    values, differing = _merge3(theirs, ours, prev)
    values["changed_at_desk"] = desk
    settings = ", ".join(f"{name} = %({name})s" for name in values)
    server.execute(
        f"UPDATE cases SET {settings}, version = version + 1 WHERE id = %(id)s", {**values, "id": ours["id"]}
    )
    # Everything the merge kept of theirs, for the desk to take too (its next saves then keep it), with what
    # this desk had sent there: the desk takes theirs only where it still has what it sent.
    changed = [
        name
        for name, value in values.items()
        if name in ours and name not in ("updated_at", "changed_at_desk") and not _same(name, value, ours[name])
    ]
    if not changed:
        return None
    kept = tuple((name, _their_value(theirs, name)) for name in differing)
    return Conflict(
        str(ours["id"]),
        str(theirs["changed_at_desk"]),
        values=kept,
        taken=tuple((name, values[name]) for name in changed),
        sent=tuple((name, ours[name]) for name in changed),
    )


def _same(name: str, one: Any, other: Any) -> bool:
    if name in ("steps", "checklist"):
        return bool(_json(one, None if name == "steps" else {}) == _json(other, None if name == "steps" else {}))
    return bool(one == other)


def _their_value(theirs: dict[str, Any], name: str) -> Any:
    if name.startswith("checklist."):
        return _json(theirs["checklist"], {}).get(name.split(".", 1)[1])
    return theirs[name]


def _merge3(
    theirs: dict[str, Any], ours: dict[str, Any], prev: dict[str, Any] | None
) -> tuple[dict[str, Any], list[str]]:
    values: dict[str, Any] = {}
    differing: list[str] = []

    def pick(name: str, mine: Any, other: Any, before: Any, empty: Any = "") -> Any:
        if other == mine:
            return mine
        if prev is not None:
            if other == before:
                return mine  # nobody else changed it: this desk's change
            if mine == before:
                return other  # only they changed it
        elif other in (None, empty):
            return mine
        elif mine in (None, empty):
            return other
        differing.append(name)  # both changed it, differently: theirs kept, and this desk is told
        return other

    for name, mine in ours.items():
        if name in _NEVER_MERGED:
            continue
        other = theirs[name]
        before = prev.get(name) if prev is not None else None
        if name == "steps":
            their_steps, my_steps = _json(other, []), _json(mine, [])
            values[name] = json.dumps(their_steps + [step for step in my_steps if step not in their_steps])
        elif name == "checklist":
            their_checks, my_checks = _json(other, {}), _json(mine, {})
            before_checks = _json(before, {}) if prev is not None else {}
            merged: dict[str, Any] = {}
            for key in [*my_checks, *(key for key in their_checks if key not in my_checks)]:  # the desk's order
                chosen = pick(f"checklist.{key}", my_checks.get(key), their_checks.get(key), before_checks.get(key),
                              empty=False)  # fmt: skip
                if chosen is not None:
                    merged[key] = chosen
            # The same checklist in another order is the same checklist: this desk's text, then.
            values[name] = mine if merged == my_checks else json.dumps(merged)
        elif name == "outcome":
            chosen = pick(name, mine, other, before, empty="open")
            # Never back to "open" once final (an older copy saved late).
            values[name] = other if chosen == "open" and other != "open" else chosen
        elif name == "closed_at":
            values[name] = other or mine
        elif name == "updated_at":
            values[name] = max(str(other or ""), str(mine or ""))
        else:
            values[name] = pick(name, mine, other, before)
    return values, differing


def _json(text: Any, empty: Any) -> Any:
    try:
        value = json.loads(text) if isinstance(text, str) else text
    except ValueError:
        return empty
    return value if isinstance(value, type(empty)) else empty


def _hold(server: psycopg.Connection[Any], row_id: str) -> None:
    """Until the transaction ends, no other desk saves or erases this case or draft (erasure checked, then
    a save, is one step: a manager's deletion cannot slip in between)."""
    server.execute("SELECT pg_advisory_xact_lock(hashtext('mirecovery:' || %s))", (row_id,))


def _erased(server: psycopg.Connection[Any], row_id: str) -> bool:
    return server.execute("SELECT 1 FROM shop_erased WHERE id = %s", (row_id,)).fetchone() is not None


def _purge(server: psycopg.Connection[Any]) -> None:
    """The shop's retention, by the server's own function (docs/shop-database.md), when the owner made it."""
    found = server.execute("SELECT to_regprocedure('mirecovery_purge()') IS NOT NULL").fetchone()
    if found is not None and found[0]:
        server.execute("SELECT mirecovery_purge()")


# --- reading from the server, or from the queue while it is away ------------------------------------------------


GUI_READ_LIMIT_S = 1.0  # the longest the window's thread waits for the server; then the queue answers


class _Reader:
    """Reads from the calling thread, on a connection of that thread's, only while the link says the server is
    reachable. The window's thread never waits for the server longer than :data:`GUI_READ_LIMIT_S`: its reads
    run on a helper thread of the reader's, and one that takes longer counts the server as away (a server
    that accepts a connection and then never answers would otherwise hold the window until TCP gives up)."""

    def __init__(self, link: ShopLink) -> None:
        self.link = link
        self._local = threading.local()
        self._all: list[psycopg.Connection[Any]] = []
        self._idle: list[psycopg.Connection[Any]] = []  # left by finished reading threads, for the next
        self._lock = threading.Lock()
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] | None = None
        self._helper: threading.Thread | None = None
        self._shut = False  # closed: nothing is read, no helper started

    def _run(self, work: Callable[[psycopg.Connection[Any]], T]) -> T | None:
        if self._shut or not self.link.wait_reachable():
            return None
        if threading.current_thread() is threading.main_thread():
            return self._for_the_window(work)
        return self._here(work)

    def _for_the_window(self, work: Callable[[psycopg.Connection[Any]], T]) -> T | None:
        done = threading.Event()
        answer: list[T | None] = []

        def job() -> None:
            try:
                if not abandoned.is_set():  # the window stopped waiting: not done late behind its back
                    answer.append(self._here(work))
            except Exception:
                log.exception("a read for the window failed")
            finally:
                done.set()

        abandoned = threading.Event()
        with self._lock:
            if self._shut:
                return None
            if self._helper is None or not self._helper.is_alive():
                self._jobs = queue.SimpleQueue()
                self._helper = threading.Thread(target=self._serve, name="mirecovery-shop-read", daemon=True)
                self._helper.start()
            assert self._jobs is not None
            self._jobs.put(job)
        if not done.wait(GUI_READ_LIMIT_S):
            abandoned.set()
            log.warning("the shop database did not answer a read within %.1f s", GUI_READ_LIMIT_S)
            self.link.report_unreachable("unreachable")
            return None
        return answer[0] if answer else None

    def _serve(self) -> None:
        jobs = self._jobs
        assert jobs is not None
        while (job := jobs.get()) is not None:
            job()
        self.release_thread()

    def _here(self, work: Callable[[psycopg.Connection[Any]], T]) -> T | None:
        import psycopg

        for attempt in (1, 2):
            server: psycopg.Connection[Any] | None = getattr(self._local, "server", None)
            try:
                if server is None or server.closed:
                    server = self._connection()
                return work(server)
            except psycopg.Error as exc:
                self._drop(server)
                # A connection left over from before a server restart fails once; a fresh one may not.
                if attempt == 1 and isinstance(exc, psycopg.OperationalError) and server is not None:
                    continue
                problem = _problem_of(exc)
                log.warning("a read from the shop database failed (%s, %s)", problem, type(exc).__name__)
                self.link.report_unreachable(problem)
                return None
        return None

    def _connection(self) -> psycopg.Connection[Any]:
        with self._lock:
            server = self._idle.pop() if self._idle else None
        if server is None or server.closed:
            server = self.link._connect_server()
            server.autocommit = True
            with self._lock:
                self._all.append(server)
        self._local.server = server
        return server

    def _drop(self, server: psycopg.Connection[Any] | None) -> None:
        _closed(server)
        self._local.server = None
        with self._lock:
            self._all = [known for known in self._all if known is not server]

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]] | None:
        """The rows, or None when the server cannot be asked now (the caller falls back to the queue)."""
        from psycopg.rows import dict_row

        def read(server: psycopg.Connection[Any]) -> list[dict[str, Any]]:
            with server.cursor(row_factory=dict_row) as cursor:
                cursor.execute(sql.replace("?", "%s"), list(params))
                return cursor.fetchall()

        return self._run(read)

    def execute(self, sql: str, params: Sequence[object] = ()) -> int | None:
        """Run a write that the user waits for, on the calling thread (History's reading thread, never the
        window's); its row count, or None when the server cannot be asked now. Never left to run later."""
        if self._shut or not self.link.wait_reachable():
            return None
        return self._here(lambda server: server.execute(sql.replace("?", "%s"), list(params)).rowcount)

    def release_thread(self) -> None:
        """The calling thread is done reading (History's reading threads, at their end): its connection waits
        for the next reading thread (a few kept), so a search is not a new login each time."""
        server = getattr(self._local, "server", None)
        self._local.server = None
        if server is None:
            return
        with self._lock:
            if not server.closed and len(self._idle) < 2:
                self._idle.append(server)
                return
        self._drop(server)

    def close(self) -> None:
        with self._lock:
            self._shut = True
            every, self._all, self._idle = self._all, [], []
            jobs, helper, self._jobs, self._helper = self._jobs, self._helper, None, None
        if jobs is not None:
            jobs.put(None)
        if helper is not None:
            helper.join(timeout=GUI_READ_LIMIT_S)  # one held by a server that does not answer is left to die
        for server in every:
            _closed(server)
        self._local = threading.local()


class ShopUnreachableError(sqlite3.OperationalError):
    """The shop database cannot take a write the user waits for now (it is away, or refuses)."""


@dataclass
class _Overlay:
    """What this desk's waiting writes will make of the server's cases and drafts."""

    cases: dict[str, Case]
    gone: set[str]  # cases and drafts deleted by a waiting write
    cleared: bool  # a waiting "delete all the shop's cases"
    drafts: dict[str, Draft]

    def hides(self, row_id: str) -> bool:
        return self.cleared or row_id in self.gone


class _Queue:
    """What this desk wrote and has not uploaded yet: cases and drafts as they will be on the server."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def ops(self) -> list[dict[str, Any]]:
        self.database.writer.flush(2.0)
        found = []
        for row in self.database.read("SELECT op FROM shop_outbox ORDER BY seq"):
            op = _op(str(row[0]))
            if op is not None and op.get("v", OP_FORMAT) == OP_FORMAT:
                found.append(op)
        return found

    def overlay(self) -> _Overlay:
        overlay = _Overlay({}, set(), False, {})
        cases, drafts = overlay.cases, overlay.drafts
        for op in self.ops():
            try:
                kind = op["kind"]
                if kind == "case":
                    case = _case(dict(zip(_CASE_COLUMNS, op["row"], strict=True)) | {"version": 0})
                    cases[case.id] = case
                    overlay.gone.discard(case.id)
                elif kind == "close" and op["id"] in cases and cases[op["id"]].outcome is Outcome.OPEN:
                    cases[op["id"]].outcome = Outcome(op["outcome"])
                    cases[op["id"]].closed_at = op["at"]
                elif kind == "draft":
                    draft = DraftStore._draft(dict(zip(_DRAFT_COLUMNS, op["row"], strict=True)))
                    if draft is not None:
                        drafts[draft.id] = draft
                elif kind in ("delete", "delete_draft"):
                    ids = [op["id"]] if kind == "delete_draft" else [*op["ids"], *op.get("drafts", [])]
                    for row_id in ids:
                        cases.pop(row_id, None)
                        drafts.pop(row_id, None)
                        overlay.gone.add(row_id)
                elif kind == "delete_all":
                    cases.clear()
                    drafts.clear()
                    overlay.cleared = True
            except (KeyError, TypeError, ValueError):
                continue  # a write this desk cannot read: the uploader drops it too
        return overlay


def _matches(case: Case, query: CaseQuery) -> bool:
    """The search's WHERE, for the few cases the queue holds while the server is away."""
    text = query.text.strip().lower()
    if text:
        fields = (case.customer_name, case.customer_contact, case.identifier_masked, case.imei, case.device_model)
        haystack = [value.lower() for value in (*fields, case.notes, case.staff, case.desk)]
        masked = masked_form(query.text)
        found = any(text in value for value in haystack) or case.id.startswith(text)
        if not found and not (masked and case.identifier_masked == masked):
            return False
    if query.outcome is not None and case.outcome is not query.outcome:
        return False
    if query.desk is not None and case.desk != query.desk:
        return False
    if query.after is not None and (case.opened_at, case.id) >= query.after:
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
                "AND has_table_privilege('shop_erased', 'INSERT') AS allowed"
            )
            if rows is None:
                return False  # not known while the server is away: not offered
            self._may_delete = bool(rows[0]["allowed"])
        return self._may_delete

    def flush(self, timeout_s: float = 5.0) -> bool:
        return self.link.flush(timeout_s)

    # --- writing: into the queue --------------------------------------------------------------

    def save(self, case: Case) -> None:
        """Queue ``case`` as this desk has it now, with the copy it had before (what it last sent or read):
        the server merges field by field against that, so another desk's change meanwhile is never
        overwritten, and this desk's own is never mistaken for one."""
        self._stamp(case)
        row = list(case.row())
        # A case made here has no copy yet (its first save is an insert); one read here carries its own.
        self.link.enqueue({"kind": "case", "row": row, "prev": case.known})
        case.known = list(row)

    def close_open(self, case_id: str, outcome: Outcome) -> None:
        self.link.enqueue({"kind": "close", "id": case_id, "outcome": outcome.value, "at": now()})

    def set_notes(self, case_id: str, notes: str, expected: str) -> NotesSaved:
        """On the server at once (the user waits for the answer); raises when it is away, and nothing is queued."""
        if not self.link.flush(3.0):
            raise ShopUnreachableError("the shop database cannot be reached")
        # Notes are History's own, compared as they were seen: they leave the case's version alone, so a
        # note added here never stands in the way of the desk that has the case in hand.
        changed = self._reader.execute(
            "UPDATE cases SET notes = ?, updated_at = ? WHERE id = ? AND notes = ?",
            (notes.replace("\x00", ""), now(), case_id, expected),
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

    def delete(self, case_ids: Sequence[str], with_drafts: bool = True, drafts_of: Sequence[str] = ()) -> None:
        """Delete cases everywhere: on the server (a manager's login), in this desk's queue and file.

        ``drafts_of``: the cases' support requests as the caller knows them (History does): a request
        whose writes wait here alone, without its case, goes too.
        """
        ids = list(case_ids)

        drafts: list[str] = [str(draft) for draft in drafts_of if draft]

        def drop_queued(connection: sqlite3.Connection) -> None:
            # Erasure reaches the queue too: a customer's writes still waiting go before the delete does,
            # their support request's with them (it may have gone up alone: the delete names it).
            queued = [(op_id, _op(text)) for op_id, text in connection.execute("SELECT op_id, op FROM shop_outbox")]
            for _op_id, op in queued:
                if op is not None and op.get("kind") == "case" and _case_of(op) in ids:
                    draft = dict(zip(_CASE_COLUMNS, op["row"], strict=False)).get("draft_id")
                    if draft:
                        drafts.append(str(draft))
            gone = set(ids) | set(drafts)
            for op_id, op in queued:
                if op is not None and op.get("kind") in ("delete", "delete_all"):
                    continue  # an earlier deletion stays, whatever else it names
                if _case_of(op) in gone:
                    connection.execute("DELETE FROM shop_outbox WHERE op_id = ?", (op_id,))

        link = self.link
        op_id = new_id()

        def write(connection: sqlite3.Connection) -> None:
            # One transaction: the customer's waiting writes never go without the deletion taking their place.
            connection.execute("BEGIN IMMEDIATE")
            try:
                drop_queued(connection)
                gone = sorted(set(ids) | set(drafts))
                marks = ", ".join("?" * len(gone))
                # What this desk's own file kept from before the shop database (or copied in) goes too.
                connection.execute(f"DELETE FROM cases WHERE id IN ({marks})", gone)
                connection.execute(f"DELETE FROM support_drafts WHERE id IN ({marks})", gone)
                op = {
                    "kind": "delete",
                    "ids": ids,
                    "with_drafts": with_drafts,
                    "drafts": sorted(set(drafts)),
                    "v": OP_FORMAT,
                }
                connection.execute("INSERT INTO shop_outbox (op_id, op) VALUES (?, ?)", (op_id, json.dumps(op)))
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
            link._recount(connection)
            link.wake()

        # erase: the dropped writes' pages leave the journal at once, server or no server.
        self.database.writer.submit(f"shop:{op_id}", write, erase=True)

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

        self.link.enqueue({"kind": "delete_all"}, before=drop_queued, erase=True)

    def purge_older_than(self, days: int, today: Any = None) -> None:
        """The shop's retention is the server's (its ``mirecovery_purge()``), the same for every desk.

        What this desk's own file kept from before it used the shop database ages out as it did.
        """
        self.link.purge_soon()
        super().purge_older_than(days, today)

    # --- reading ----------------------------------------------------------------------------------

    def _cases(self, sql: str, params: Sequence[object] = ()) -> list[Case] | None:
        rows = self._reader.rows(sql, params)
        return None if rows is None else [_case(row) for row in rows]

    def _with_queue(self, found: list[Case] | None, keep: Callable[[Case], bool], limit: int) -> list[Case]:
        """The server's cases with this desk's waiting writes on top (never waiting for them to go up)."""
        overlay = self._queue.overlay()
        by_id = {case.id: case for case in found or [] if not overlay.hides(case.id)}
        for case in overlay.cases.values():
            if keep(case):
                by_id[case.id] = case
            else:
                by_id.pop(case.id, None)
        ordered = sorted(by_id.values(), key=lambda case: (case.opened_at, case.id), reverse=True)[:limit]
        for case in ordered:
            case.known = list(case.row())  # each copy carries what it was read as: its next save merges against it
        return ordered

    def get(self, case_id: str) -> Case | None:
        found = self._cases(f"SELECT {READ_COLUMNS} FROM cases WHERE id = ?", (case_id,))
        merged = self._with_queue(found, lambda case: case.id == case_id, 1)
        return merged[0] if merged else None

    def case_of_draft(self, draft_id: str) -> Case | None:
        found = self._cases(
            f"SELECT {READ_COLUMNS} FROM cases WHERE draft_id = ? ORDER BY updated_at DESC LIMIT 1", (draft_id,)
        )
        merged = self._with_queue(found, lambda case: case.draft_id == draft_id, 1)
        return merged[0] if merged else None

    def open_cases(self) -> list[Case]:
        """The open cases this desk has in hand (changed here last); another desk's are never closed from here."""
        found = self._cases(
            f"SELECT {READ_COLUMNS} FROM cases WHERE outcome = 'open' AND changed_at_desk = ? "
            "ORDER BY updated_at DESC LIMIT 20",
            (self.desk,),
        )
        mine = self._with_queue(
            found, lambda case: case.outcome is Outcome.OPEN and case.changed_at_desk == self.desk, 20
        )
        return sorted(mine, key=lambda case: case.updated_at, reverse=True)

    def search(self, query: CaseQuery) -> list[Case]:
        where, params = search_clauses(query)
        asked = query.limit
        while True:
            found = self._cases(
                f"SELECT {READ_COLUMNS} FROM cases {where} ORDER BY opened_at DESC, id DESC LIMIT ?", (*params, asked)
            )
            if found is None or len(found) < asked:
                # All the server has (or only the queue while it is away): this desk's waiting writes on top.
                return self._with_queue(found, lambda case: _matches(case, query), query.limit)
            # A full read: waiting cases older than its last row belong to a later page, with the server's
            # rows between them; this desk's waiting deletions may hide rows, so read further when short.
            edge = (found[-1].opened_at, found[-1].id)
            merged = self._with_queue(
                found,
                lambda case, edge=edge: _matches(case, query) and (case.opened_at, case.id) >= edge,  # type: ignore[misc]
                query.limit,
            )
            if len(merged) >= query.limit or asked >= query.limit * 20:
                return merged
            asked += query.limit

    def release_thread(self) -> None:
        super().release_thread()
        self._reader.release_thread()

    @property
    def reachable(self) -> bool:
        """Whether the last word on the server is that it can be reached (History says when it cannot)."""
        return self.link.status.reachable is not False

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
        self.case_log.link.enqueue({"kind": "draft", "row": list(draft.row())})

    def delete(self, draft_id: str) -> None:
        self.case_log.link.enqueue({"kind": "delete_draft", "id": draft_id})

    def _drafts(self, sql: str, params: Sequence[object] = ()) -> list[Draft] | None:
        rows = self.case_log._reader.rows(sql, params)
        if rows is None:
            return None
        return [draft for draft in (self._draft(row) for row in rows) if draft is not None]

    def load(self, draft_id: str) -> Draft | None:
        overlay = self.case_log._queue.overlay()
        if draft_id in overlay.drafts:
            return overlay.drafts[draft_id]
        if overlay.hides(draft_id):
            return None
        found = self._drafts("SELECT * FROM support_drafts WHERE id = ?", (draft_id,))
        return found[0] if found else None

    def recent(self, limit: int = 30) -> list[Draft]:
        """This desk's recent drafts (another desk's customers are not offered here to pick from)."""
        found = self._drafts(
            "SELECT d.* FROM support_drafts d WHERE EXISTS (SELECT 1 FROM cases c WHERE c.draft_id = d.id "
            "AND c.desk = ?) ORDER BY d.updated_at DESC LIMIT ?",
            (self.case_log.desk, limit),
        )
        overlay = self.case_log._queue.overlay()
        by_id = {draft.id: draft for draft in found or [] if not overlay.hides(draft.id)}
        by_id.update(overlay.drafts)
        return sorted(by_id.values(), key=lambda draft: draft.updated_at, reverse=True)[:limit]

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
