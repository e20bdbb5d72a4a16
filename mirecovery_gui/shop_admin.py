"""``mirecovery shop-db``: the shop database's owner sets it up, or copies a desk's own log into it.

No window: a shop's administrator runs it once, on any computer that reaches the server.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING, Any

from mirecovery_gui.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    import psycopg

    from mirecovery_gui.store.shop_database import ShopAddress

log = logging.getLogger(__name__)


def run_shop_db(args: argparse.Namespace) -> int:
    from mirecovery_gui.store.settings import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS
    from mirecovery_gui.store.shop_database import ShopAddress, ShopAddressError

    try:
        address = ShopAddress.parse(args.case_db)
    except ShopAddressError as exc:
        print(f"mirecovery shop-db: --case-db: {exc}", file=sys.stderr)
        return EXIT_USAGE
    days = args.retention_days
    if days is not None and not MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS:
        print(
            f"mirecovery shop-db: --retention-days is from {MIN_RETENTION_DAYS} to {MAX_RETENTION_DAYS}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        import psycopg
    except ImportError:
        print("mirecovery shop-db: this mirecovery has no PostgreSQL driver (psycopg)", file=sys.stderr)
        return EXIT_FAILURE
    try:
        with _connect(address) as server:
            if args.action == "copy-local":
                return _copy_local(server)
            return _init(server, address, days)
    except psycopg.Error as exc:
        hint = ""
        if "no password supplied" in str(exc):
            hint = " (run it in a terminal to be asked, or set PGPASSWORD)"
        print(f"mirecovery shop-db: {address}: {_first_line(exc)}{hint}", file=sys.stderr)
        return EXIT_FAILURE


def _connect(address: ShopAddress) -> psycopg.Connection[Any]:
    """The owner's connection: the keyring's password, else libpq's own (PGPASSWORD, ~/.pgpass), else asked."""
    import getpass

    import psycopg

    from mirecovery_gui.store.shop_database import connect, remember_password

    try:
        return connect(address, timeout_s=10.0)
    except psycopg.OperationalError as exc:
        if "password" not in str(exc).lower() or not sys.stdin.isatty():
            raise
    password = getpass.getpass(f"Password of {address.user} on {address.host}: ")
    server = connect(address, timeout_s=10.0, password=password)
    if not remember_password(address, password):
        print("(This computer has no keyring, so the password was not kept: it is asked again next time.)")
    return server


def _init(server: psycopg.Connection[Any], address: ShopAddress, days: int | None) -> int:
    import psycopg

    from mirecovery_gui.store.database import SCHEMA_VERSION
    from mirecovery_gui.store.shop_database import DESK_ROLE, MANAGER_ROLE, RETENTION_TABLE, init_roles

    server.autocommit = True
    try:
        init_roles(server)
    except psycopg.errors.InsufficientPrivilege as exc:
        print(
            f"mirecovery shop-db: {address.user} may not create roles ({_first_line(exc)}). The database's owner "
            "needs CREATEROLE: as PostgreSQL's superuser run  ALTER ROLE "
            f"{address.user} CREATEROLE;  then run this again (nothing is done twice).",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    if days is not None:
        server.execute(f"UPDATE {RETENTION_TABLE} SET days = %s", (days,))
    row = server.execute(f"SELECT days FROM {RETENTION_TABLE}").fetchone()
    kept = int(row[0]) if row else 0
    print(
        f"The shop database {address} is ready (schema {SCHEMA_VERSION}); cases are kept {kept} days after their "
        f"last change.\n"
        f"Next, one login per desk and per manager, for example (in psql, as {address.user}):\n"
        f"  CREATE ROLE desk_front LOGIN PASSWORD '...' IN ROLE {DESK_ROLE};\n"
        f"  CREATE ROLE manager_ana LOGIN PASSWORD '...' IN ROLE {MANAGER_ROLE};\n"
        f"Then on each desk: Settings > Shop database, or mirecovery --case-db "
        f"postgresql://desk_front@{address.host}:{address.port}/{address.database}"
    )
    return EXIT_OK


def _copy_local(server: psycopg.Connection[Any]) -> int:
    from mirecovery_gui.store.paths import database_path
    from mirecovery_gui.store.shop_database import copy_from_sqlite

    path = database_path()
    if not path.is_file():
        print(f"mirecovery shop-db: this computer has no case log to copy ({path})", file=sys.stderr)
        return EXIT_FAILURE
    copied = copy_from_sqlite(path, server)
    print(
        f"Copied {copied.get('cases', 0)} cases and {copied.get('support_drafts', 0)} support-request drafts "
        "(those already there were left as they are)."
    )
    return EXIT_OK


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
