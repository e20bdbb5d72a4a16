"""``mirecovery shop-db``, run as a shop's administrator runs it: a program, against a real server."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from mirecovery_gui.store.cases import Case, CaseLog
from mirecovery_gui.store.database import Database
from mirecovery_gui.store.paths import database_path
from tests.pg.cluster import throwaway_cluster
from tests.pg.conftest import PgServer

psycopg = pytest.importorskip("psycopg")


def shop_db(*args: str, password: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PGPASSWORD": password}
    return subprocess.run(
        [sys.executable, "-m", "mirecovery_gui", "shop-db", *args],
        env=env, capture_output=True, text=True, timeout=60, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def owner_of_a_new_database(pg_server: PgServer, *, createrole: bool) -> tuple[str, str]:
    """A login that owns a new, empty database, as ``createuser``/``createdb`` make them; its address."""
    user, database, password = f"o_{uuid.uuid4().hex[:8]}", f"d_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {user} LOGIN PASSWORD '{password}'" + (" CREATEROLE" if createrole else ""))
        admin.execute(f'CREATE DATABASE "{database}" OWNER {user}')
    return pg_server.tcp_url(database, user), password


def test_init_sets_up_schema_roles_and_retention_once(pg_server: PgServer) -> None:
    url, password = owner_of_a_new_database(pg_server, createrole=True)
    ran = shop_db("init", "--case-db", url, "--retention-days", "30", password=password)
    assert ran.returncode == 0, ran.stderr
    assert "is ready" in ran.stdout and "kept 30 days" in ran.stdout
    again = shop_db("init", "--case-db", url, password=password)
    assert again.returncode == 0 and "kept 30 days" in again.stdout  # nothing changed the second time
    database = url.rsplit("/", 1)[1]
    with psycopg.connect(pg_server.url(database), autocommit=True) as admin:
        roles = {row[0] for row in admin.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE 'mirecovery_%'")}
        stranger = f"s_{uuid.uuid4().hex[:8]}"
        admin.execute(f"CREATE ROLE {stranger} LOGIN PASSWORD 'x'")
    assert {"mirecovery_desk", "mirecovery_manager"} <= roles
    # A login made for anything else on the same server does not reach the shop's customers.
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        psycopg.connect(pg_server.tcp_url(database, stranger), password="x")


def test_init_says_what_the_owner_lacks(pg_server: PgServer) -> None:  # pg_server: skipped without PostgreSQL
    # A server of its own: where the shop's roles exist already (made for another database), the owner
    # needs no CREATEROLE, and that is right.
    with throwaway_cluster() as fresh:
        check_owner_without_createrole(fresh)


def check_owner_without_createrole(pg_server: PgServer) -> None:
    url, password = owner_of_a_new_database(pg_server, createrole=False)
    ran = shop_db("init", "--case-db", url, password=password)
    assert ran.returncode == 1
    assert "CREATEROLE" in ran.stderr and "Traceback" not in ran.stderr
    wrong = shop_db("init", "--case-db", url, password="not-it")
    assert wrong.returncode == 1 and "password authentication failed" in wrong.stderr
    assert shop_db("init", "--case-db", "postgresql://x:secret@h/db", password="").returncode == 2


def test_copy_local_brings_a_desks_own_log_in_once(pg_server: PgServer) -> None:
    url, password = owner_of_a_new_database(pg_server, createrole=True)
    assert shop_db("init", "--case-db", url, password=password).returncode == 0
    local = Database(database_path())
    log = CaseLog(local, "Front")
    log.save(Case("training", customer_name="Before the shop database"))
    log.save(Case("live", customer_name="Also before"))
    assert local.writer.flush()
    local.close()
    ran = shop_db("copy-local", "--case-db", url, password=password)
    assert ran.returncode == 0, ran.stderr
    assert "Copied 2 cases" in ran.stdout
    again = shop_db("copy-local", "--case-db", url, password=password)
    assert "Copied 0 cases" in again.stdout


def test_copy_local_never_brings_back_a_case_a_manager_erased(pg_server: PgServer) -> None:
    url, password = owner_of_a_new_database(pg_server, createrole=True)
    assert shop_db("init", "--case-db", url, password=password).returncode == 0
    local = Database(database_path())
    case = Case("training", customer_name="Erased since")
    CaseLog(local, "Front").save(case)
    assert local.writer.flush()
    local.close()
    assert "Copied 1 cases" in shop_db("copy-local", "--case-db", url, password=password).stdout
    database = url.rsplit("/", 1)[1]
    with psycopg.connect(pg_server.url(database), autocommit=True) as owner:
        owner.execute("INSERT INTO shop_erased (id, erased_at) VALUES (%s, '2026-12-01T00:00:00+00:00')", (case.id,))
        owner.execute("DELETE FROM cases WHERE id = %s", (case.id,))
    again = shop_db("copy-local", "--case-db", url, password=password)
    assert "Copied 0 cases" in again.stdout
