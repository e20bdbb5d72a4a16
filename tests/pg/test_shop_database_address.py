"""Where the shop database is, and its password: in the keyring, never in an address, a file or a log."""

from __future__ import annotations

import logging
import uuid

import pytest

from mirecovery_gui.store.shop_database import (
    KEYRING_SERVICE,
    ShopAddress,
    ShopAddressError,
    connect,
    forget_password,
    remember_password,
)
from tests.pg.conftest import MemoryKeyring, PgServer

psycopg = pytest.importorskip("psycopg")


@pytest.mark.parametrize(
    ("url", "parsed"),
    [
        ("postgresql://desk1@shop.local/cases", ShopAddress("desk1", "shop.local", 5432, "cases")),
        (
            "postgresql://desk1@10.0.0.5:6543/cases?sslmode=verify-full&sslrootcert=/etc/shop-ca.pem",
            ShopAddress("desk1", "10.0.0.5", 6543, "cases", "verify-full", "/etc/shop-ca.pem"),
        ),
    ],
)
def test_an_address_is_read_with_its_tls_options(url: str, parsed: ShopAddress) -> None:
    assert ShopAddress.parse(url) == parsed
    # Shown with its TLS options, as given (and read back the same).
    assert ShopAddress.parse(str(parsed)) == parsed
    assert str(parsed).startswith(f"postgresql://desk1@{parsed.host}:{parsed.port}/cases")


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("postgresql://desk1:hunter2@shop.local/cases", "leave it out, mirecovery asks for it"),
        ("mysql://desk1@shop.local/cases", "starts with postgresql://"),
        ("postgresql://shop.local/cases", "needs a user, a server and a database"),
        ("postgresql://desk1@shop.local/", "needs a user, a server and a database"),
        ("postgresql://desk1@shop.local:99999/cases", "port"),
        ("postgresql://desk1@shop.local/cases?sslmode=maybe", "sslmode is one of"),
        ("postgresql://desk1@shop.local/cases?password=x", "leave it out, mirecovery asks for it"),
        ("postgresql://desk1@shop.local/cases?sslcompression=1", "unknown option"),
    ],
)
def test_an_address_that_cannot_be_used_says_why_and_never_repeats_a_password(url: str, says: str) -> None:
    with pytest.raises(ShopAddressError) as caught:
        ShopAddress.parse(url)
    assert says in str(caught.value)
    assert "hunter2" not in str(caught.value)


def test_the_password_comes_from_the_keyring_and_goes_nowhere_else(
    pg_server: PgServer, memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    database = pg_server.create_database()
    desk, secret = f"desk_{uuid.uuid4().hex[:8]}", f"pw-{uuid.uuid4().hex}"
    with psycopg.connect(pg_server.url(database), autocommit=True) as owner:
        owner.execute(f"CREATE ROLE {desk} LOGIN PASSWORD '{secret}'")
    address = ShopAddress.parse(pg_server.tcp_url(database, desk) + "?sslmode=disable")
    caplog.set_level(logging.DEBUG)
    with pytest.raises(psycopg.OperationalError):
        connect(address).close()  # no password yet: the server refuses
    remember_password(address, secret)
    assert memory_keyring.secrets == {(KEYRING_SERVICE, f"{desk}@127.0.0.1:{pg_server.port}/{database}"): secret}
    with connect(address) as connection:
        assert connection.execute("SELECT current_user").fetchone()[0] == desk
    forget_password(address)
    forget_password(address)  # twice: nothing to forget, no error
    assert memory_keyring.secrets == {}
    assert secret not in caplog.text and secret not in str(address)
