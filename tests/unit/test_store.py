"""The case database: migrations, drafts, the background writer."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from mirecovery_gui.core.support_request import SupportFacts
from mirecovery_gui.store.cases import Case, CaseLog, CaseQuery
from mirecovery_gui.store.database import SCHEMA_VERSION, Database, connect, migrate
from mirecovery_gui.store.drafts import Draft, DraftStore
from mirecovery_gui.store.paths import config_dir, data_dir, database_path, log_dir
from mirecovery_gui.store.stores import Stores


def test_paths_follow_mirecovery_home(private_home: Path) -> None:
    assert data_dir() == private_home / "data" and data_dir().is_dir()
    assert config_dir() == private_home / "config"
    assert log_dir() == private_home / "logs"
    assert database_path().parent == data_dir()


def test_a_new_database_is_migrated_to_the_current_schema(tmp_path: Path) -> None:
    database = Database(tmp_path / "cases.sqlite3")
    try:
        version = database.read("PRAGMA user_version")[0][0]
        assert version == SCHEMA_VERSION
        assert database.read("PRAGMA journal_mode")[0][0] == "wal"
    finally:
        database.close()


def test_migrating_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    Database(path).close()
    connection = connect(path)
    assert migrate(connection) == SCHEMA_VERSION
    connection.close()


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.close()
    with pytest.raises(RuntimeError, match="newer mirecovery"):
        Database(path)


def test_drafts_are_saved_in_the_background_and_read_back(tmp_path: Path) -> None:
    database = Database(tmp_path / "cases.sqlite3")
    store = DraftStore(database)
    draft = Draft(SupportFacts(account_id="1234567890", imei="490154203237518", owner_name="Budi"))
    try:
        for name in ("B", "Bu", "Bud", "Budi Santoso"):
            draft.facts = SupportFacts(account_id="1234567890", imei="490154203237518", owner_name=name)
            store.save(draft)
        assert database.writer.flush()
        loaded = store.load(draft.id)
        assert loaded is not None and loaded.facts.owner_name == "Budi Santoso"
        assert store.latest_open() is not None and store.latest_open().id == draft.id  # type: ignore[union-attr]
        assert loaded.title == "Budi Santoso · 12******90"
        store.delete(draft.id)
        assert database.writer.flush()
        assert store.recent() == []
    finally:
        database.close()
    assert database.writer.failures == 0


def test_a_case_and_its_draft_saved_over_and_over_lose_nothing(tmp_path: Path) -> None:
    """Typing in the support form saves the draft, then the case naming it, over and over while the writer waits."""
    database = Database(tmp_path / "cases.sqlite3")
    drafts, cases = DraftStore(database), CaseLog(database)
    hold = threading.Event()
    try:
        database.writer.submit("hold", lambda connection: hold.wait(5))  # the writer is busy for a moment
        case = Case(provider="training")
        cases.save(case)  # the case opens with the page
        draft = Draft(SupportFacts(account_id="1234567890"))
        for model in ("Redmi", "Redmi Note", "Redmi Note 12"):
            draft.facts = SupportFacts(account_id="1234567890", model=model)
            drafts.save(draft)
            case.draft_id, case.device_model = draft.id, model
            cases.save(case)
        hold.set()
        assert database.writer.flush()
        assert database.writer.failures == 0
        saved = cases.get(case.id)
        assert saved is not None and saved.draft_id == draft.id and saved.device_model == "Redmi Note 12"
        assert drafts.load(draft.id).facts.model == "Redmi Note 12"  # type: ignore[union-attr]
    finally:
        hold.set()
        database.close()


def test_a_case_naming_a_draft_not_written_yet_is_still_saved(tmp_path: Path) -> None:
    database = Database(tmp_path / "cases.sqlite3")
    cases = CaseLog(database)
    try:
        case = Case(provider="training", customer_name="Budi", draft_id="not-written-yet")
        cases.save(case)
        assert database.writer.flush()
        assert database.writer.failures == 0
        saved = cases.get(case.id)
        assert saved is not None and saved.customer_name == "Budi" and saved.draft_id is None
    finally:
        database.close()


def test_a_write_with_a_mistake_in_it_is_dropped_and_does_not_hold_up_the_others(tmp_path: Path) -> None:
    told: list[str | None] = []
    database = Database(tmp_path / "cases.sqlite3", told.append)
    cases = CaseLog(database)
    try:
        database.writer.submit("mistake", lambda connection: connection.execute("INSERT INTO no_such_table VALUES (1)"))
        cases.save(Case(provider="training", customer_name="after"))
        assert database.writer.flush()
        assert [case.customer_name for case in cases.search(CaseQuery())] == ["after"]
        assert database.writer.failures == 1 and told == [] and database.trouble is None
    finally:
        database.close()


def test_apply_retention_removes_damaged_copies_set_aside_long_ago(tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "mirecovery.sqlite3"
    old = (dt.datetime.now() - dt.timedelta(days=100)).strftime("%Y%m%d-%H%M%S")
    new = (dt.datetime.now() - dt.timedelta(days=2)).strftime("%Y%m%d-%H%M%S")
    for name in (f"damaged-{old}", f"damaged-{old}-wal", f"damaged-{new}", f"damaged-{new}-wal"):
        (tmp_path / f"mirecovery.sqlite3.{name}").write_bytes(b"customers")
    stores = Stores(lambda: path)
    try:
        assert stores.apply_retention(90)
        assert stores.apply_retention(90)  # again: nothing more to do
        left = sorted(p.name for p in tmp_path.iterdir() if ".damaged-" in p.name)
        assert left == [f"mirecovery.sqlite3.damaged-{new}", f"mirecovery.sqlite3.damaged-{new}-wal"]
        assert stores.erase_set_aside() == 2  # "Delete all data"
        assert not [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    finally:
        stores.close()
    assert not stores.apply_retention(90)  # closed: nothing queued, nothing raised


def test_closing_with_a_write_that_never_ends_does_not_hang(tmp_path: Path) -> None:
    database = Database(tmp_path / "cases.sqlite3")
    release = threading.Event()
    try:
        database.writer.submit("stuck", lambda connection: release.wait(30))
        assert not database.writer.flush(0.2)
        assert not database.writer.close(0.2)
    finally:
        release.set()
        database.close()
