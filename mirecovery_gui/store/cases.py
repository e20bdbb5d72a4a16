"""The shop case log: what was done for whom, and how ownership was checked.

One case per recovery or support request: times, provider, identifier kind
and a *masked* identifier, the steps reached, the outcome, the staff member,
optional customer name and contact, device model and IMEI for support
requests, the ownership checklist and notes. Never a password, code, captcha
answer, cookie or ticket: the API has no parameter that could carry one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt

    # Only for types: the window imports this module at start, and the
    # database itself opens after the first paint.
    import sqlite3

    from mirecovery_gui.store.database import Database


def case_number(case_id: str) -> str:
    """The short number a customer is given for a case (on the hand-over slip); the history finds it."""
    return case_id[:8].upper()


def new_id() -> str:
    import uuid  # with the platform module it pulls in, 2.4 ms: not before the first paint

    return uuid.uuid4().hex


class Outcome(Enum):
    OPEN = "open"
    PASSWORD_RESET = "password_reset"
    SUPPORT_REQUEST = "support_request"
    OFFICIAL_SITE = "official_site"
    CODE_NOT_RECEIVED = "code_not_received"  # said on Xiaomi's page: the code did not come
    ABANDONED = "abandoned"


FINAL_OUTCOMES = (
    Outcome.PASSWORD_RESET,
    Outcome.SUPPORT_REQUEST,
    Outcome.OFFICIAL_SITE,
    Outcome.CODE_NOT_RECEIVED,
    Outcome.ABANDONED,
)


def now() -> str:
    import datetime as dt  # 2 ms at first use: the window imports this module before its first paint

    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class Case:
    provider: str
    id: str = field(default_factory=lambda: new_id())
    opened_at: str = field(default_factory=now)
    updated_at: str = ""
    closed_at: str | None = None
    identifier_kind: str = ""
    identifier_masked: str = ""
    steps: list[tuple[str, str]] = field(default_factory=list)  # (step name, time)
    outcome: Outcome = Outcome.OPEN
    staff: str = ""
    customer_name: str = ""
    customer_contact: str = ""
    device_model: str = ""
    imei: str = ""
    checklist: dict[str, Any] = field(default_factory=dict)
    notes: str = ""
    draft_id: str | None = None
    desk: str = ""  # where it was opened
    changed_at_desk: str = ""  # the desk that changed it last
    version: int = 0  # changes the log has seen (0: not saved yet)
    self_test: bool = False
    # This copy as it was last read or saved (a shop database merges the next save against it; see
    # store/shop_log.py). Not part of the case itself.
    known: list[Any] | None = field(default=None, repr=False, compare=False)

    def note_known(self, name: str, value: Any) -> None:
        """``name`` is ``value`` on the shop database now too (taken from another desk's change)."""
        names = COLUMNS.split(", ")
        if self.known is not None and name in names:
            self.known[names.index(name)] = value

    @property
    def last_step(self) -> str:
        return self.steps[-1][0] if self.steps else ""

    def row(self) -> tuple[object, ...]:
        return (
            self.id,
            self.opened_at,
            self.updated_at or self.opened_at,
            self.closed_at,
            self.provider,
            self.identifier_kind,
            self.identifier_masked,
            json.dumps(self.steps),
            self.outcome.value,
            self.staff,
            self.customer_name,
            self.customer_contact,
            self.device_model,
            self.imei,
            json.dumps(self.checklist),
            self.notes,
            self.draft_id,
            self.desk,
            self.changed_at_desk or self.desk,
            int(self.self_test),
        )


# Columns a case's save never simply overwrites: the notes (the case history's own
# update), and the outcome and close time (guarded in the statement: never back
# to open, the first close time kept).
_NOT_OVERWRITTEN = ("notes", "outcome", "closed_at", "desk", "self_test")

COLUMNS = (
    "id, opened_at, updated_at, closed_at, provider, identifier_kind, identifier_masked, steps, outcome, "
    "staff, customer_name, customer_contact, device_model, imei, checklist, notes, draft_id, desk, changed_at_desk, "
    "self_test"
)
# What a read returns: the columns a save writes, and the version the log counted.
READ_COLUMNS = f"{COLUMNS}, version"


def _case(row: sqlite3.Row | Mapping[str, Any]) -> Case:
    try:
        steps = [tuple(item) for item in json.loads(row["steps"])]
    except (ValueError, TypeError):
        steps = []
    try:
        checklist = json.loads(row["checklist"])
    except (ValueError, TypeError):
        checklist = {}
    try:
        outcome = Outcome(row["outcome"])
    except ValueError:
        outcome = Outcome.OPEN
    return Case(
        provider=row["provider"],
        id=row["id"],
        opened_at=row["opened_at"],
        updated_at=row["updated_at"],
        closed_at=row["closed_at"],
        identifier_kind=row["identifier_kind"],
        identifier_masked=row["identifier_masked"],
        steps=steps,
        outcome=outcome,
        staff=row["staff"],
        customer_name=row["customer_name"],
        customer_contact=row["customer_contact"],
        device_model=row["device_model"],
        imei=row["imei"],
        checklist=checklist if isinstance(checklist, dict) else {},
        notes=row["notes"],
        draft_id=row["draft_id"],
        desk=row["desk"],
        changed_at_desk=row["changed_at_desk"],
        version=int(row["version"]),
        self_test=bool(row["self_test"]),
    )


@dataclass(frozen=True)
class NotesSaved:
    """How saving a case's notes went: saved; or not, because someone saved others meanwhile, or it is gone."""

    saved: bool
    meanwhile: str = ""  # the notes the case holds now, when someone else saved them
    gone: bool = False


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""
    outcome: Outcome | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    desk: str | None = None  # None: every desk
    limit: int = 500
    # The page after the case shown last (its opening time and id): History reads 100 at a time.
    after: tuple[str, str] | None = None


class CaseLog:
    """The case log in the desk's SQLite file (a shop's server: :class:`~mirecovery_gui.store.shop_log.ShopCaseLog`)."""

    def __init__(self, database: Database, desk: str = "") -> None:
        self.database = database
        self.desk = desk  # this desk's name: a case opened or changed here says so

    @property
    def shared(self) -> bool:
        """Whether other desks read and write this log too."""
        return False

    def may_delete(self) -> bool:
        """Whether this desk may delete cases (a shop database decides by role; a desk's own file always)."""
        return True

    def flush(self, timeout_s: float = 5.0) -> bool:
        """Wait until every write made so far is in the log; False when one is not (yet)."""
        return self.database.writer.flush(timeout_s)

    def close(self) -> None:
        """Let go of what this log holds besides the database (a shop's server connection)."""

    def _stamp(self, case: Case) -> None:
        case.updated_at = now()
        if not case.desk:
            case.desk = self.desk
        case.changed_at_desk = self.desk

    # --- writing (queued on the background writer) -----------------------------------

    def save(self, case: Case) -> None:
        """Queue ``case`` for writing: everything the recovery knows about it, never its notes.

        Notes are the case history's (:meth:`set_notes`), so a step saved by the
        wizard never wipes a note typed meanwhile; and an outcome, once final,
        is never turned back to "open" by a later write of an older copy.
        """
        self._stamp(case)
        row = case.row()

        def write(connection: sqlite3.Connection) -> None:
            # The draft this case names may not be written yet (the writer
            # coalesces a draft saved again behind this case): link it only
            # when it is there; the case's next save, which always follows a
            # draft save, links it. A case is never lost to the foreign key.
            placeholders = ", ".join(
                "(SELECT id FROM support_drafts WHERE id = ?)" if name == "draft_id" else "?"
                for name in COLUMNS.split(", ")
            )
            updates = ", ".join(
                f"{name} = excluded.{name}" for name in COLUMNS.split(", ")[1:] if name not in _NOT_OVERWRITTEN
            )
            connection.execute(
                f"INSERT INTO cases ({COLUMNS}) VALUES ({placeholders}) ON CONFLICT(id) DO UPDATE SET {updates}, "
                "outcome = CASE WHEN cases.outcome <> 'open' AND excluded.outcome = 'open' "
                "THEN cases.outcome ELSE excluded.outcome END, "
                "closed_at = COALESCE(cases.closed_at, excluded.closed_at), version = cases.version + 1",
                row,
            )

        self.database.writer.submit(f"case:{case.id}", write)

    def set_notes(self, case_id: str, notes: str, expected: str) -> NotesSaved:
        """Replace the notes of a case if they are still ``expected`` (nothing is overwritten unseen).

        Waits for the write (a local disk: milliseconds); raises ``sqlite3.Error``
        when the database cannot take it.
        """

        def write(connection: sqlite3.Connection) -> NotesSaved:
            changed = connection.execute(
                "UPDATE cases SET notes = ?, updated_at = ?, changed_at_desk = ?, version = version + 1 "
                "WHERE id = ? AND notes = ?",
                (notes, now(), self.desk, case_id, expected),
            ).rowcount
            if changed:
                return NotesSaved(saved=True)
            row = connection.execute("SELECT notes FROM cases WHERE id = ?", (case_id,)).fetchone()
            if row is None:
                return NotesSaved(saved=False, gone=True)
            return NotesSaved(saved=False, meanwhile=str(row["notes"]))

        return self.database.writer.call(write)

    def close_open(self, case_id: str, outcome: Outcome) -> None:
        """Give a case that is still open its final outcome (a case already final keeps its own)."""

        def write(connection: sqlite3.Connection) -> None:
            connection.execute(
                "UPDATE cases SET outcome = ?, closed_at = COALESCE(closed_at, ?), updated_at = ?, "
                "version = version + 1 WHERE id = ? AND outcome = 'open'",
                (outcome.value, now(), now(), case_id),
            )

        self.database.writer.submit(f"outcome:{case_id}", write)

    def delete(self, case_ids: Sequence[str], with_drafts: bool = True, drafts_of: Sequence[str] = ()) -> None:
        """Delete cases (and their support-request drafts): "delete this customer's data".

        The journal is emptied afterwards, so the customer is gone from every
        file, not only from the database's pages.
        """
        ids = list(case_ids)

        def write(connection: sqlite3.Connection) -> None:
            marks = ", ".join("?" * len(ids))
            connection.execute("BEGIN")
            try:
                if with_drafts:
                    connection.execute(
                        f"DELETE FROM support_drafts WHERE id IN (SELECT draft_id FROM cases WHERE id IN ({marks}))",
                        ids,
                    )
                connection.execute(f"DELETE FROM cases WHERE id IN ({marks})", ids)
                connection.execute("COMMIT")
            except BaseException:
                # A full disk or an I/O error may have rolled it back already; a second
                # ROLLBACK would raise and hide the error that says why.
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise

        self.database.writer.submit(f"delete:{new_id()}", write, erase=True)

    def delete_everything(self) -> None:
        """Every case and draft, then the free pages overwritten and the journal emptied."""

        def write(connection: sqlite3.Connection) -> None:
            connection.execute("DELETE FROM cases")
            connection.execute("DELETE FROM support_drafts")
            connection.execute("VACUUM")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        # erase=True: a checkpoint a reader held up is tried again until the journal is empty.
        self.database.writer.submit(f"delete-all:{new_id()}", write, erase=True)

    def delete_shop_cases(self) -> None:
        """Every case of the shop: on a single desk, everything in its file."""
        self.delete_everything()

    def purge_older_than(self, days: int, today: dt.datetime | None = None) -> None:
        """Delete what was last touched more than ``days`` ago, then empty the journal.

        Safe to call as often as wanted (the app calls it hourly): a purge still
        queued is replaced by the newer one, and a purge with nothing to delete
        changes nothing.
        """
        import datetime as dt

        cutoff = ((today or dt.datetime.now(dt.UTC)) - dt.timedelta(days=days)).isoformat(timespec="seconds")

        def write(connection: sqlite3.Connection) -> None:
            connection.execute("BEGIN")
            try:
                connection.execute(
                    "DELETE FROM support_drafts WHERE id IN (SELECT draft_id FROM cases WHERE updated_at < ?)",
                    (cutoff,),
                )
                connection.execute("DELETE FROM cases WHERE updated_at < ?", (cutoff,))
                # Drafts never tied to a case age out the same way.
                connection.execute(
                    "DELETE FROM support_drafts WHERE updated_at < ? AND id NOT IN "
                    "(SELECT draft_id FROM cases WHERE draft_id IS NOT NULL)",
                    (cutoff,),
                )
                connection.execute("COMMIT")
            except BaseException:
                # A full disk or an I/O error may have rolled it back already; a second
                # ROLLBACK would raise and hide the error that says why.
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise

        self.database.writer.submit("purge", write, erase=True)

    # --- reading ----------------------------------------------------------------------------------

    def get(self, case_id: str) -> Case | None:
        rows = self.database.read(f"SELECT {READ_COLUMNS} FROM cases WHERE id = ?", (case_id,))
        return _case(rows[0]) if rows else None

    def case_of_draft(self, draft_id: str) -> Case | None:
        rows = self.database.read(
            f"SELECT {READ_COLUMNS} FROM cases WHERE draft_id = ? ORDER BY updated_at DESC LIMIT 1", (draft_id,)
        )
        return _case(rows[0]) if rows else None

    def open_cases(self) -> list[Case]:
        rows = self.database.read(
            f"SELECT {READ_COLUMNS} FROM cases WHERE outcome = 'open' ORDER BY updated_at DESC LIMIT 20"
        )
        return [_case(row) for row in rows]

    def search(self, query: CaseQuery) -> list[Case]:
        where, params = search_clauses(query)
        rows = self.database.read(
            f"SELECT {READ_COLUMNS} FROM cases {where} ORDER BY opened_at DESC, id DESC LIMIT ?", (*params, query.limit)
        )
        return [_case(row) for row in rows]

    def release_thread(self) -> None:
        """The calling thread is done reading (History's reading threads, at their end)."""
        self.database.release_thread()

    def desks(self) -> list[str]:
        """Every desk that has a case in the log, by name."""
        rows = self.database.read("SELECT DISTINCT desk FROM cases WHERE desk <> '' ORDER BY desk")
        return [str(row[0]) for row in rows]


def masked_form(text: str) -> str:
    """The masked form a case keeps of ``text``, when ``text`` is a whole identifier ("" otherwise).

    Only what is unmistakably one: an email, an account ID of 8 digits or more, a phone number written
    with its + or leading 0. A few digits (part of an IMEI, a case number) are never taken for an
    account: their masked form would match strangers' cases.
    """
    import re

    from mirecovery_gui.core.identifier import Identifier, IdentifierKind, parse_identifier

    value = text.strip()
    if re.fullmatch(r"\d{14,16}", value):
        return ""  # an IMEI, found as such
    found = parse_identifier(value)
    if not isinstance(found, Identifier):
        return ""
    if found.kind is IdentifierKind.ACCOUNT_ID and len(found.normalized) < 8:
        return ""
    if found.kind is IdentifierKind.PHONE and not value.startswith(("+", "0")):
        return ""
    return found.masked()


def _like(text: str) -> str:
    """``text`` for LIKE, its own % and _ taken as themselves (ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_clauses(query: CaseQuery) -> tuple[str, list[object]]:
    """The WHERE of a search (``?`` placeholders) and its values: the same on both engines."""
    clauses: list[str] = []
    params: list[object] = []
    text = query.text.strip().lower()
    if text:
        like = f"%{_like(text)}%"
        clauses.append(
            "(lower(customer_name) LIKE ? ESCAPE '\\' OR lower(customer_contact) LIKE ? ESCAPE '\\' "
            "OR lower(identifier_masked) LIKE ? ESCAPE '\\' OR imei LIKE ? ESCAPE '\\' "
            "OR lower(device_model) LIKE ? ESCAPE '\\' OR lower(notes) LIKE ? ESCAPE '\\' "
            "OR lower(staff) LIKE ? ESCAPE '\\' OR lower(desk) LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\')"
        )
        # The case number on the owner's hand-over slip is the start of the id.
        params += [like] * 8 + [f"{_like(text)}%"]
        masked = masked_form(query.text)
        if masked:
            # A whole account ID, email or phone number finds its case by the masked form kept there.
            clauses[-1] = clauses[-1][:-1] + " OR identifier_masked = ?)"
            params.append(masked)
    if query.outcome is not None:
        clauses.append("outcome = ?")
        params.append(query.outcome.value)
    if query.desk is not None:
        clauses.append("desk = ?")
        params.append(query.desk)
    if query.since is not None:
        clauses.append("opened_at >= ?")
        params.append(query.since.isoformat())
    if query.until is not None:
        import datetime as dt

        clauses.append("opened_at < ?")
        params.append((query.until + dt.timedelta(days=1)).isoformat())
    if query.after is not None:
        opened, case_id = query.after
        clauses.append("(opened_at < ? OR (opened_at = ? AND id < ?))")
        params += [opened, opened, case_id]
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params
