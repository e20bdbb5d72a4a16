"""A throwaway PostgreSQL cluster in a temp folder, for the tests, the benchmarks and the screenshots.

Debian's ``postgresql`` package gives ``initdb`` and ``pg_ctl``; the cluster runs under its own
user (``postgres`` when run as root, since the server refuses to run as root), listens on
127.0.0.1 on a free port only, and is removed at the end. The owner connects through the
cluster's own socket (trusted); everyone else over TCP with a password (SCRAM), as desks do.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ADMIN = "mirecovery_admin"


def server_bin() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True):
        return Path(candidate).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PgServer:
    port: int
    folder: Path
    bindir: Path
    run_as: list[str]

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            [*self.run_as, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options,
             "-l", str(self.folder / "log"), "-w", "start"],
            check=True, capture_output=True,
        )  # fmt: skip

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"],
            check=False, capture_output=True,
        )  # fmt: skip

    def url(self, database: str = "postgres", user: str = ADMIN) -> str:
        """The owner's (or ``user``'s) address through the cluster's socket: no password asked."""
        return f"postgresql://{user}@/{database}?host={self.folder}&port={self.port}"

    def tcp_url(self, database: str, user: str) -> str:
        """A desk's address: over TCP, where the server asks for the password."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return name


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[PgServer]:
    """A new cluster, started; stopped and removed on leaving."""
    bindir = server_bin()
    if bindir is None:
        raise FileNotFoundError("no PostgreSQL server programs (Debian: postgresql)")
    as_root = os.geteuid() == 0
    run_as = ["runuser", "-u", "postgres", "--"] if as_root else []
    folder = Path(tempfile.mkdtemp(prefix="mirecovery-pg-"))
    data = folder / "data"
    if as_root:
        shutil.chown(folder, "postgres", "postgres")
    port = free_port()
    subprocess.run(
        [*run_as, str(bindir / "initdb"), "-D", str(data), "-U", ADMIN, "-E", "UTF8", "--no-sync",
         "--auth-local=trust", "--auth-host=scram-sha-256"],
        check=True, capture_output=True,
    )  # fmt: skip
    server = PgServer(port, folder, bindir, run_as)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
