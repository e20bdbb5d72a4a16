"""A real PostgreSQL server for the shop-database tests: a throwaway cluster in a temp folder.

Debian's ``postgresql`` package (``.ci/run`` installs it) gives ``initdb`` and ``pg_ctl``; the
cluster runs under its own user (``postgres`` when the tests run as root, as in CI, since the
server refuses to run as root), listens on 127.0.0.1 on a free port only, and is removed at the
end. The owner connects through the cluster's own socket (trusted); everyone else over TCP with a
password (SCRAM), as desks do. Without the server programs the tests are skipped, unless ``MIRECOVERY_REQUIRE_TOOLS=1``
(CI), where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mirecovery_gui.store.database import Database
from mirecovery_gui.store.shop_database import DESK_ROLE, ShopAddress, init_roles, remember_password
from mirecovery_gui.store.shop_log import Conflict, ShopCaseLog, ShopDraftStore, ShopLink, ShopStatus
from tests.pg.cluster import ADMIN, PgServer, server_bin, throwaway_cluster

__all__ = ["ADMIN", "PgServer"]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    pytest.importorskip("psycopg")
    if server_bin() is None:
        if os.environ.get("MIRECOVERY_REQUIRE_TOOLS") == "1":
            pytest.fail("PostgreSQL's server programs (Debian: postgresql) are needed for these tests")
        pytest.skip("no PostgreSQL server programs (Debian: postgresql)")
    with throwaway_cluster() as server:
        yield server


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh, empty database of its own for each test."""
    return pg_server.url(pg_server.create_database())


keyring = pytest.importorskip("keyring")


class MemoryKeyring(keyring.backend.KeyringBackend):  # type: ignore[misc]
    """A keyring that lives in this process only (the tests' stand-in for the system's)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not there")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


class Desk:
    """One desk of the shop: its own SQLite file (the queue), its login, its link and case log."""

    def __init__(self, folder: Path, address: ShopAddress, name: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.database = Database(folder / "cases.sqlite3")
        self.statuses: list[ShopStatus] = []
        self.conflicts: list[Conflict] = []
        self.link = ShopLink(
            address, self.database, name, on_status=self.statuses.append, on_conflict=self.conflicts.append
        )
        self.log = ShopCaseLog(self.link)
        self.drafts = ShopDraftStore(self.log)

    def close(self) -> None:
        self.log.close()
        self.link.close()
        self.database.close()


class Shop:
    def __init__(self, server: PgServer, keyring: MemoryKeyring, folder: Path) -> None:
        self.server = server
        self.keyring = keyring
        self.folder = folder
        self.name = server.create_database()
        self.desks: list[Desk] = []
        import psycopg

        with psycopg.connect(server.url(self.name), autocommit=True) as owner:
            init_roles(owner)

    def owner(self) -> Any:
        import psycopg

        return psycopg.connect(self.server.url(self.name), autocommit=True)

    def login(self, group: str = DESK_ROLE, password: str = "") -> ShopAddress:
        """A login of its own in ``group`` ("" : in no group), its password in the keyring unless given."""
        user = f"u_{uuid.uuid4().hex[:10]}"
        remember = not password
        password = password or uuid.uuid4().hex
        with self.owner() as owner:
            owner.execute(f"CREATE ROLE {user} LOGIN PASSWORD '{password}'" + (f" IN ROLE {group}" if group else ""))
        address = ShopAddress.parse(self.server.tcp_url(self.name, user))
        if remember:
            remember_password(address, password)
        return address

    def desk(self, name: str, group: str = DESK_ROLE) -> Desk:
        desk = Desk(self.folder / name, self.login(group), name)
        self.desks.append(desk)
        return desk

    def count(self, sql: str = "SELECT count(*) FROM cases") -> int:
        with self.owner() as owner:
            return int(owner.execute(sql).fetchone()[0])


@pytest.fixture
def shop(pg_server: PgServer, memory_keyring: MemoryKeyring, tmp_path: Path) -> Iterator[Shop]:
    shop = Shop(pg_server, memory_keyring, tmp_path)
    yield shop
    for desk in shop.desks:
        desk.close()
