"""The case log: saved as it happens, found again, purged, erased for real."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from mirecovery_gui.core.support_request import SupportFacts
from mirecovery_gui.store.cases import Case, CaseLog, CaseQuery, Outcome
from mirecovery_gui.store.database import MIGRATIONS, Database, migrate
from mirecovery_gui.store.drafts import Draft, DraftStore


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database(tmp_path / "cases.sqlite3")
    yield db
    db.close()


def days_ago(days: int) -> str:
    return (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="seconds")


def saved(database: Database, *cases: Case) -> CaseLog:
    log = CaseLog(database)
    for case in cases:
        log.save(case)
    assert database.writer.flush()
    return log


def test_a_case_is_read_back_as_written(database: Database) -> None:
    case = Case("training", identifier_kind="email", identifier_masked="d***@example.com", customer_name="Budi")
    case.steps = [("identifier", days_ago(0)), ("captcha", days_ago(0))]
    log = saved(database, case)
    again = log.get(case.id)
    assert again is not None
    assert (again.identifier_masked, again.customer_name, again.last_step, again.outcome) == (
        "d***@example.com",
        "Budi",
        "captcha",
        Outcome.OPEN,
    )
    assert [c.id for c in log.open_cases()] == [case.id]


def test_search_by_name_imei_account_and_notes(database: Database) -> None:
    budi = Case("live", customer_name="Budi Santoso", imei="490154203237518", identifier_masked="12******90")
    sari = Case("live", customer_name="Sari", notes="came back with the invoice", outcome=Outcome.PASSWORD_RESET)
    log = saved(database, budi, sari)
    assert [c.id for c in log.search(CaseQuery(text="budi"))] == [budi.id]
    assert [c.id for c in log.search(CaseQuery(text="203237"))] == [budi.id]
    assert [c.id for c in log.search(CaseQuery(text="12******90"))] == [budi.id]
    assert [c.id for c in log.search(CaseQuery(text="INVOICE"))] == [sari.id]
    assert [c.id for c in log.search(CaseQuery(outcome=Outcome.PASSWORD_RESET))] == [sari.id]


def test_yesterday_is_a_date_filter(database: Database) -> None:
    yesterday = dt.date.today() - dt.timedelta(days=1)
    old = Case("live", customer_name="Budi", opened_at=f"{yesterday.isoformat()}T10:00:00+00:00")
    new = Case("live", customer_name="Budi")
    log = saved(database, old, new)
    found = log.search(CaseQuery(text="budi", since=yesterday, until=yesterday))
    assert [c.id for c in found] == [old.id]


def test_retention_purges_old_cases_and_their_drafts(database: Database) -> None:
    drafts = DraftStore(database)
    draft = Draft(SupportFacts(account_id="1234567890", imei="490154203237518"))
    drafts.save(draft)
    stale_draft = Draft(SupportFacts(account_id="1111111111"))
    drafts.save(stale_draft)
    database.writer.flush()
    database.writer.submit(
        "age",
        lambda c: c.execute("UPDATE support_drafts SET updated_at = ? WHERE id = ?", (days_ago(120), stale_draft.id)),
    )
    old = Case("live", customer_name="old", draft_id=draft.id)
    recent = Case("live", customer_name="recent")
    log = saved(database, old, recent)
    database.writer.submit(
        "age2", lambda c: c.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (days_ago(91), old.id))
    )
    log.purge_older_than(90)
    assert database.writer.flush()
    assert [c.customer_name for c in log.search(CaseQuery())] == ["recent"]
    assert drafts.load(draft.id) is None and drafts.load(stale_draft.id) is None


def test_deleting_a_customer_takes_the_draft_too(database: Database) -> None:
    drafts = DraftStore(database)
    draft = Draft(SupportFacts(account_id="1234567890", imei="490154203237518"))
    drafts.save(draft)
    case = Case("live", customer_name="Budi", draft_id=draft.id)
    log = saved(database, case)
    log.delete([case.id])
    assert database.writer.flush()
    assert log.get(case.id) is None and drafts.load(draft.id) is None


def test_delete_everything_leaves_no_trace_in_the_files(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    database = Database(path)
    drafts = DraftStore(database)
    drafts.save(Draft(SupportFacts(account_id="1234567890", imei="490154203237518", owner_name="Zebulon Quartz")))
    log = saved(database, Case("live", customer_name="Zebulon Quartz", imei="490154203237518"))
    log.delete_everything()
    assert database.writer.flush()
    database.close()
    for file in tmp_path.iterdir():
        data = file.read_bytes()
        assert b"Zebulon Quartz" not in data and b"490154203237518" not in data, file.name


def test_version_1_databases_are_migrated_with_their_drafts(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    connection.execute(
        "INSERT INTO support_drafts (id, created_at, updated_at, facts) VALUES ('x', '2026-01-01', '2026-01-01', '{}')"
    )
    connection.row_factory = sqlite3.Row
    assert migrate(connection) == 1
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert connection.execute("SELECT count(*) FROM support_drafts").fetchone()[0] == 1
    assert connection.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
    connection.close()


@pytest.mark.parametrize("deletion", ["case", "draft", "purge"])
def test_every_deletion_empties_the_journal_while_the_window_reads(tmp_path: Path, deletion: str) -> None:
    """The reading connection holds no snapshot between reads, so the checkpoint after a deletion truncates."""
    path = tmp_path / "cases.sqlite3"
    database = Database(path)
    drafts = DraftStore(database)
    try:
        draft = Draft(SupportFacts(owner_name="Ottoline Vexley", imei="490154203237518"))
        drafts.save(draft)
        case = Case("live", customer_name="Zebulon Quartz", imei="490154203237518", draft_id=draft.id)
        log = saved(database, case)
        assert log.get(case.id) is not None and drafts.recent()  # the window has read
        assert (tmp_path / "cases.sqlite3-wal").stat().st_size > 0
        if deletion == "case":
            log.delete([case.id])
        elif deletion == "draft":
            drafts.delete(draft.id)
        else:
            database.writer.submit(
                "age", lambda c: c.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (days_ago(91), case.id))
            )
            log.purge_older_than(90)
        assert database.writer.flush()
        assert (tmp_path / "cases.sqlite3-wal").stat().st_size == 0
        assert drafts.load(draft.id) is None
        gone = ["Ottoline Vexley"] if deletion == "draft" else ["Ottoline Vexley", "Zebulon Quartz", "490154203237518"]
        assert [value for value in gone if value.encode() in path.read_bytes()] == []
    finally:
        database.close()


def test_retention_can_run_every_hour(database: Database) -> None:
    old, recent = Case("live", customer_name="old"), Case("live", customer_name="recent")
    log = saved(database, old, recent)
    database.writer.submit(
        "age", lambda c: c.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (days_ago(91), old.id))
    )
    for _ in range(3):  # queued again before the last one ran: one purge, the newest
        log.purge_older_than(90)
    assert database.writer.flush()
    for _ in range(3):  # and again with nothing left to purge
        log.purge_older_than(90)
        assert database.writer.flush()
    assert [c.customer_name for c in log.search(CaseQuery())] == ["recent"]
    assert database.writer.failures == 0 and database.trouble is None
