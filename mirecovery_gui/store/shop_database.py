"""The shop's case log on a PostgreSQL server: one schema and one migration path with SQLite's.

The statements of :data:`~mirecovery_gui.store.database.MIGRATIONS` are written so that both
engines run them as they are; SQLite keeps its version in ``PRAGMA user_version``, PostgreSQL in
the one-row table ``mirecovery_schema``. Desks that start together migrate one at a time (a lock
held for each transaction): the first brings the schema up, the others find it done.

psycopg is imported when a shop database is used, never before (a single desk never loads it).
A database URL never holds the password: it comes from the operating system's keyring.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mirecovery_gui.store.database import MIGRATIONS, SCHEMA_VERSION, _statements

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

VERSION_TABLE = "mirecovery_schema"
# Held until the transaction ends; the key is the version table's name, so nothing else shares it.
_LOCK = "SELECT pg_advisory_xact_lock(hashtext('mirecovery_schema'))"


class NewerSchemaError(RuntimeError):
    """The shop database was brought up by a newer mirecovery than this desk's."""


def migrate(connection: psycopg.Connection[Any]) -> int:
    """Bring the shop database to :data:`SCHEMA_VERSION`; returns the version it had.

    Each version in its own transaction, under one advisory lock: two desks starting at the same
    moment never run the same migration twice (nor race to create the version table itself).
    """
    with connection.transaction():
        connection.execute(_LOCK)
        connection.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version integer NOT NULL)")
        row = connection.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()
        if row is None:
            connection.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (0)")
    found = int(row[0]) if row is not None else 0
    if found > SCHEMA_VERSION:
        raise NewerSchemaError(f"the shop database is from a newer mirecovery (schema {found} > {SCHEMA_VERSION})")
    for version in range(found, SCHEMA_VERSION):
        with connection.transaction():
            connection.execute(_LOCK)
            current = int(connection.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()[0])  # type: ignore[index]
            if current > version:
                continue  # another desk did this one meanwhile
            for statement in _statements(MIGRATIONS[version]):
                connection.execute(statement)  # our own fixed SQL, no input in it
            connection.execute(f"UPDATE {VERSION_TABLE} SET version = %s", (version + 1,))
            log.info("shop database migrated to schema %d", version + 1)
    if found < SCHEMA_VERSION and _roles_exist(connection):
        # New tables get their rights whoever migrated (shop-db init, copy-local, an owner's desk).
        with connection.transaction():
            connection.execute(_LOCK)
            _grant(connection)
    return found


def _roles_exist(connection: psycopg.Connection[Any]) -> bool:
    row = connection.execute(
        "SELECT count(*) FROM pg_roles WHERE rolname IN (%s, %s)", (DESK_ROLE, MANAGER_ROLE)
    ).fetchone()
    return row is not None and int(row[0]) == 2


def schema_version(connection: psycopg.Connection[Any]) -> int:
    row = connection.execute("SELECT to_regclass(%s) IS NOT NULL", (VERSION_TABLE,)).fetchone()
    if row is None or not row[0]:
        return 0
    found = connection.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()
    return int(found[0]) if found is not None else 0


_TABLES = ("support_drafts", "cases")  # in this order: a case names its draft


def copy_from_sqlite(path: Path, connection: psycopg.Connection[Any]) -> dict[str, int]:
    """A desk's SQLite case log into the shop database (migrated first); returns the rows copied per table.

    A row already there (the same id: copied before, or another desk's) is left as it is, so copying
    again adds nothing twice.
    """
    migrate(connection)
    source = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    copied: dict[str, int] = {}
    try:
        found = int(source.execute("PRAGMA user_version").fetchone()[0])
        if found > SCHEMA_VERSION:
            raise NewerSchemaError(f"the case log is from a newer mirecovery (schema {found} > {SCHEMA_VERSION})")
        with connection.transaction():
            # What a manager erased stays erased: a desk's old copy never brings it back.
            erased = {str(row[0]) for row in connection.execute("SELECT id FROM shop_erased")}
            for table in _TABLES:
                cursor = source.execute(f"SELECT * FROM {table}")
                columns = [description[0] for description in cursor.description]
                placeholders = ", ".join(["%s"] * len(columns))
                insert = (
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}) ON CONFLICT (id) DO NOTHING"
                )
                count = 0
                for row in cursor:
                    if str(row[0]) not in erased:
                        count += connection.execute(insert, row).rowcount
                copied[table] = count
    finally:
        source.close()
    return copied


DESK_ROLE = "mirecovery_desk"
MANAGER_ROLE = "mirecovery_manager"
_DATA_TABLES = ("cases", "support_drafts")


def init_roles(connection: psycopg.Connection[Any]) -> None:
    """The two group roles a shop gives its people (idempotent; the database owner runs it once).

    ``mirecovery_desk``: reads every case, adds and updates cases and drafts, never deletes.
    ``mirecovery_manager``: all of that, and deletes (erasure, retention). Each desk or manager
    logs in as a role of its own that is a member of one of them (docs/shop-database.md).
    Neither can change the schema: migrations stay with the database's owner.
    """
    migrate(connection)
    with connection.transaction():
        connection.execute(_LOCK)
        for role in (DESK_ROLE, MANAGER_ROLE):
            exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
            if exists is None:
                connection.execute(f"CREATE ROLE {role} NOLOGIN")
        _grant(connection)
    log.info("shop database roles ready")


def _grant(connection: psycopg.Connection[Any]) -> None:
    """What each role may do, table by table (idempotent; inside the caller's transaction)."""
    tables = ", ".join(_DATA_TABLES)
    # Only the shop's roles reach this database: a login made for something else on the same server
    # (another application, another shop's database) does not see its customers.
    database = connection.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]
    connection.execute(f'REVOKE CONNECT, TEMPORARY ON DATABASE "{database}" FROM PUBLIC')
    connection.execute(f'GRANT CONNECT ON DATABASE "{database}" TO {DESK_ROLE}, {MANAGER_ROLE}')
    connection.execute(f"GRANT USAGE ON SCHEMA public TO {DESK_ROLE}, {MANAGER_ROLE}")
    connection.execute(f"GRANT SELECT ON {VERSION_TABLE} TO {DESK_ROLE}, {MANAGER_ROLE}")
    connection.execute(f"REVOKE DELETE, TRUNCATE ON {tables} FROM {DESK_ROLE}")
    connection.execute(f"GRANT SELECT, INSERT, UPDATE ON {tables} TO {DESK_ROLE}")
    connection.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {tables} TO {MANAGER_ROLE}")
    # Each desk records the writes it uploaded, so one sent twice is applied once.
    connection.execute(f"GRANT SELECT, INSERT ON shop_uploads TO {DESK_ROLE}, {MANAGER_ROLE}")
    connection.execute(f"GRANT SELECT ON shop_erased TO {DESK_ROLE}")
    connection.execute(f"GRANT SELECT, INSERT ON shop_erased TO {MANAGER_ROLE}")
    for statement in _RETENTION:
        connection.execute(statement)
    connection.execute(f"GRANT SELECT ON {RETENTION_TABLE} TO {DESK_ROLE}, {MANAGER_ROLE}")
    connection.execute(f"GRANT UPDATE ON {RETENTION_TABLE} TO {MANAGER_ROLE}")
    connection.execute("REVOKE ALL ON FUNCTION mirecovery_purge() FROM PUBLIC")
    connection.execute(f"GRANT EXECUTE ON FUNCTION mirecovery_purge() TO {DESK_ROLE}, {MANAGER_ROLE}")


RETENTION_TABLE = "mirecovery_retention"
DEFAULT_RETENTION_DAYS = 90

# The shop's retention, the same for every desk: one number on the server (a manager changes it),
# and a function that deletes what is older. Every desk calls it hourly, and a shop may also run
# it from cron; it runs with its owner's rights, so a desk, which may not delete, can apply it.
_RETENTION = (
    f"CREATE TABLE IF NOT EXISTS {RETENTION_TABLE} (days integer NOT NULL CHECK (days BETWEEN 1 AND 3650))",
    f"INSERT INTO {RETENTION_TABLE} (days) SELECT {DEFAULT_RETENTION_DAYS} "
    f"WHERE NOT EXISTS (SELECT 1 FROM {RETENTION_TABLE})",
    f"""
    CREATE OR REPLACE FUNCTION mirecovery_purge() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
        cutoff text;
        gone integer;
    BEGIN
        -- The log's times are ISO 8601 text in UTC, so text order is time order.
        SELECT to_char((now() AT TIME ZONE 'UTC') - make_interval(days => min(days)), 'YYYY-MM-DD"T"HH24:MI:SS')
               || '+00:00'
          INTO cutoff FROM {RETENTION_TABLE};
        IF cutoff IS NULL THEN
            RETURN 0;
        END IF;
        DELETE FROM support_drafts WHERE id IN (SELECT draft_id FROM cases WHERE updated_at < cutoff);
        DELETE FROM cases WHERE updated_at < cutoff;
        GET DIAGNOSTICS gone = ROW_COUNT;
        DELETE FROM support_drafts WHERE updated_at < cutoff
            AND id NOT IN (SELECT draft_id FROM cases WHERE draft_id IS NOT NULL);
        -- What was uploaded and what was erased are kept a year at least, whatever the shop's retention: a
        -- desk away that long still cannot send a write twice, or write an erased customer back.
        cutoff := least(cutoff, to_char((now() AT TIME ZONE 'UTC') - interval '365 days', 'YYYY-MM-DD"T"HH24:MI:SS')
                                || '+00:00');
        DELETE FROM shop_uploads WHERE uploaded_at < cutoff;
        DELETE FROM shop_erased WHERE erased_at < cutoff;
        RETURN gone;
    END
    $$
    """,
)


# --- where the shop database is, and its password ---------------------------------------------

KEYRING_SERVICE = "mirecovery shop database"
SSL_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")


class ShopAddressError(ValueError):
    """A shop database address that cannot be used; its text says why, without repeating a secret.

    ``kind`` names the reason for a translated message: scheme, password, port, parts, sslmode, option.
    """

    def __init__(self, message: str, kind: str = "") -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class ShopAddress:
    """``postgresql://USER@HOST:PORT/DB`` with PostgreSQL's TLS options; never a password."""

    user: str
    host: str
    port: int
    database: str
    sslmode: str = "prefer"
    sslrootcert: str = ""

    @classmethod
    def parse(cls, url: str) -> ShopAddress:
        from urllib.parse import parse_qs, unquote, urlsplit

        parts = urlsplit(url.strip())
        if parts.scheme not in ("postgresql", "postgres"):
            raise ShopAddressError("a shop database address starts with postgresql:// (or postgres://)", "scheme")
        if parts.password is not None:
            # Never in an address: it would end up in settings, shell history and logs.
            raise ShopAddressError("the address holds a password: leave it out, mirecovery asks for it", "password")
        try:
            port = parts.port or 5432
        except ValueError:
            raise ShopAddressError("the port is not a number from 1 to 65535", "port") from None
        database = unquote(parts.path.lstrip("/"))
        if not parts.username or not parts.hostname or not database:
            raise ShopAddressError(
                "the address needs a user, a server and a database: postgresql://USER@HOST/DB", "parts"
            )
        options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        sslmode = options.pop("sslmode", "prefer")
        if sslmode not in SSL_MODES:
            raise ShopAddressError(f"sslmode is one of {', '.join(SSL_MODES)}", "sslmode")
        if "password" in options:
            raise ShopAddressError("the address holds a password: leave it out, mirecovery asks for it", "password")
        sslrootcert = options.pop("sslrootcert", "")
        if options:
            raise ShopAddressError(f"unknown option: {sorted(options)[0]}", "option")
        return cls(unquote(parts.username), parts.hostname, port, database, sslmode, sslrootcert)

    @property
    def key(self) -> str:
        """Who and where, for the keyring: ``USER@HOST:PORT/DB`` (an IPv6 host in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.user}@{host}:{self.port}/{self.database}"

    def __str__(self) -> str:
        """The address with its TLS options (as it was given; never a password)."""
        from urllib.parse import quote, urlencode

        options = {"sslmode": self.sslmode} if self.sslmode != "prefer" else {}
        if self.sslrootcert:
            options["sslrootcert"] = self.sslrootcert
        query = f"?{urlencode(options, quote_via=quote, safe='/')}" if options else ""
        return f"postgresql://{self.key}{query}"


# Passwords given on a computer whose keyring cannot keep them: for this run only, in memory.
_this_run: dict[str, str] = {}


def remember_password(address: ShopAddress, password: str) -> bool:
    """Keep the password in the operating system's keyring (never in settings, a file or a log).

    False when this computer has no keyring that can keep it: the password is then used until
    mirecovery closes, and asked again at the next start.
    """
    import keyring
    from keyring.errors import KeyringError

    _this_run.pop(address.key, None)
    try:
        keyring.set_password(KEYRING_SERVICE, address.key, password)
    except KeyringError as exc:
        # The caller tells the user; on a console a warning line would only repeat it.
        log.info("the keyring cannot keep the shop database's password (%s)", type(exc).__name__)
        _this_run[address.key] = password
        return False
    return True


def forget_password(address: ShopAddress) -> None:
    import keyring
    from keyring.errors import PasswordDeleteError

    _this_run.pop(address.key, None)
    with contextlib.suppress(PasswordDeleteError):
        keyring.delete_password(KEYRING_SERVICE, address.key)


def keyring_available() -> bool:
    """Whether this computer has a keyring that can keep the password (else it is asked at each start)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:
        return False


def connect(address: ShopAddress, *, timeout_s: float = 5.0, password: str | None = None) -> psycopg.Connection[Any]:
    """A connection to the shop database, with ``password`` or the one the keyring holds (if any).

    Without either, PostgreSQL's own ways apply (``PGPASSWORD``, ``~/.pgpass``).
    """
    import keyring
    import psycopg

    options: dict[str, Any] = {
        "host": address.host,
        "port": address.port,
        "dbname": address.database,
        "user": address.user,
        "sslmode": address.sslmode,
        "connect_timeout": max(1, round(timeout_s)),
        "application_name": "mirecovery",
        # A cable pulled out mid-read is noticed in seconds, not after the system's TCP timeout.
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 3,
        "keepalives_count": 3,
        "tcp_user_timeout": 5000,
    }
    if address.sslrootcert:
        options["sslrootcert"] = address.sslrootcert
    from keyring.errors import KeyringError

    if password is None:
        try:
            password = keyring.get_password(KEYRING_SERVICE, address.key)
        except KeyringError:
            password = None
        password = password or _this_run.get(address.key)
    if password:
        options["password"] = password
    return psycopg.connect(**options)
