"""The shop database's schema on a real PostgreSQL server: one schema and one migration path with SQLite's."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from mirecovery_gui.core.support_request import SupportFacts
from mirecovery_gui.store.cases import Case, CaseLog, Outcome
from mirecovery_gui.store.database import SCHEMA_VERSION, Database
from mirecovery_gui.store.drafts import Draft, DraftStore
from mirecovery_gui.store.shop_database import NewerSchemaError, copy_from_sqlite, migrate, schema_version

psycopg = pytest.importorskip("psycopg")


def tables(url: str) -> set[str]:
    with psycopg.connect(url) as connection:
        rows = connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
    return {row[0] for row in rows}


def test_an_empty_server_is_brought_to_the_current_schema_once(pg_url: str) -> None:
    with psycopg.connect(pg_url) as connection:
        assert migrate(connection) == 0
        assert schema_version(connection) == SCHEMA_VERSION
        assert migrate(connection) == SCHEMA_VERSION  # again: nothing to do
    assert {"cases", "support_drafts", "mirecovery_schema"} <= tables(pg_url)


def test_five_desks_starting_together_migrate_once(pg_url: str) -> None:
    failures: list[BaseException] = []
    found: list[int] = []
    ready = threading.Barrier(5)

    def desk() -> None:
        try:
            with psycopg.connect(pg_url) as connection:
                ready.wait(timeout=10)
                found.append(migrate(connection))
        except BaseException as exc:
            failures.append(exc)

    desks = [threading.Thread(target=desk) for _ in range(5)]
    for thread in desks:
        thread.start()
    for thread in desks:
        thread.join(timeout=30)
    # A migration run twice would fail (its CREATE TABLE finds the table there): none did.
    assert failures == [] and len(found) == 5
    with psycopg.connect(pg_url) as connection:
        assert connection.execute("SELECT count(*) FROM mirecovery_schema").fetchone()[0] == 1
        assert schema_version(connection) == SCHEMA_VERSION


def test_a_database_from_a_newer_version_is_refused(pg_url: str) -> None:
    with psycopg.connect(pg_url) as connection:
        migrate(connection)
        connection.execute("UPDATE mirecovery_schema SET version = %s", (SCHEMA_VERSION + 1,))
        connection.commit()
        with pytest.raises(NewerSchemaError):
            migrate(connection)


def test_a_desks_sqlite_case_log_of_today_goes_up_once(pg_url: str, tmp_path: Path) -> None:
    """Upgrading a shop: each desk's SQLite log of today is copied into the shop database, nothing twice."""
    database = Database(tmp_path / "cases.sqlite3")
    try:
        draft = Draft(SupportFacts(account_id="1234567890", owner_name="Budi Santoso"))
        DraftStore(database).save(draft)
        case = Case(provider="training", staff="Sari")
        case.customer_name, case.customer_contact = "Budi Santoso", "0812 3456 7890"
        case.outcome = Outcome.SUPPORT_REQUEST
        case.steps.append(("lost_everything", "2026-12-02T05:00:00+00:00"))
        case.draft_id = draft.id
        CaseLog(database).save(case)
        database.writer.flush()
    finally:
        database.close()
    with psycopg.connect(pg_url) as connection:
        assert copy_from_sqlite(tmp_path / "cases.sqlite3", connection) == {"support_drafts": 1, "cases": 1}
        assert copy_from_sqlite(tmp_path / "cases.sqlite3", connection) == {"support_drafts": 0, "cases": 0}
        row = connection.execute(
            "SELECT customer_name, customer_contact, staff, outcome, draft_id, steps FROM cases WHERE id = %s",
            (case.id,),
        ).fetchone()
    assert row[:5] == ("Budi Santoso", "0812 3456 7890", "Sari", "support_request", draft.id)
    assert "lost_everything" in row[5]


def test_a_desk_may_add_and_change_cases_but_never_delete_them(pg_url: str) -> None:
    """The desk role reads all and writes its cases; only the manager role deletes (erasure, retention)."""
    import uuid

    from mirecovery_gui.store.shop_database import init_roles

    desk_login, manager_login = f"desk_{uuid.uuid4().hex[:8]}", f"manager_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_url) as owner:
        init_roles(owner)
        init_roles(owner)  # again: nothing changes, nothing fails
        owner.execute(f"CREATE ROLE {desk_login} LOGIN IN ROLE mirecovery_desk")
        owner.execute(f"CREATE ROLE {manager_login} LOGIN IN ROLE mirecovery_manager")
        owner.commit()
    as_desk = pg_url.replace("mirecovery_admin@", f"{desk_login}@")  # through the trusted socket
    as_manager = pg_url.replace("mirecovery_admin@", f"{manager_login}@")
    insert = "INSERT INTO cases (id, opened_at, updated_at, customer_name) VALUES (%s, 'now', 'now', %s)"
    with psycopg.connect(as_desk) as desk:
        desk.execute(insert, ("case-1", "Budi Santoso"))
        desk.execute("UPDATE cases SET notes = 'called back' WHERE id = 'case-1'")
        desk.commit()
        assert desk.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            desk.execute("DELETE FROM cases WHERE id = 'case-1'")
        desk.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            desk.execute("DROP TABLE cases")
        desk.rollback()
    with psycopg.connect(as_manager) as manager:
        assert manager.execute("DELETE FROM cases WHERE id = 'case-1'").rowcount == 1
        manager.commit()
    with psycopg.connect(pg_url) as owner:
        assert owner.execute("SELECT count(*) FROM cases").fetchone()[0] == 0


def test_a_shop_database_of_an_older_version_is_brought_up_with_its_rights(pg_url: str) -> None:
    from mirecovery_gui.store.database import MIGRATIONS, _statements
    from mirecovery_gui.store.shop_database import init_roles

    with psycopg.connect(pg_url, autocommit=True) as owner:
        init_roles(owner)  # a shop set up by the version before the last migration, as if it stopped there
        last = MIGRATIONS[-1]
        for statement in _statements(last):
            table = statement.split()[2]
            owner.execute(f"DROP TABLE {table}")
        owner.execute("UPDATE mirecovery_schema SET version = %s", (SCHEMA_VERSION - 1,))
        case = Case("training", customer_name="From before the upgrade")
        owner.execute("INSERT INTO cases (id, opened_at, updated_at, customer_name) VALUES (%s, %s, %s, %s)",
                      (case.id, case.opened_at, case.opened_at, case.customer_name))  # fmt: skip

        assert migrate(owner) == SCHEMA_VERSION - 1  # the owner's next migration (copy-local, an owner's desk)
        assert schema_version(owner) == SCHEMA_VERSION
        # What came with the new version has its rights for the shop's roles, whoever migrated.
        rights = owner.execute(
            "SELECT has_table_privilege('mirecovery_desk', 'shop_erased', 'SELECT'), "
            "has_table_privilege('mirecovery_manager', 'shop_erased', 'INSERT'), "
            "has_table_privilege('mirecovery_desk', 'shop_erased', 'INSERT')"
        ).fetchone()
        assert rights == (True, True, False)
        assert owner.execute("SELECT customer_name FROM cases").fetchone() == ("From before the upgrade",)
