"""The case database under real faults: kill -9 after a deletion, a full disk, a damaged page, a read-only folder.

Nothing here mocks our code: the faults are the operating system's. A fault
that would reach the test process itself (a file-size limit, a mount) is
made in a child process, which runs this module (``python -m
tests.unit.test_store_faults MODE FOLDER``) and answers on its standard
output, one JSON object a line.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mirecovery_gui.core.support_request import SupportFacts
from mirecovery_gui.store.cases import Case, CaseLog, CaseQuery
from mirecovery_gui.store.database import Database, Trouble, sidecars
from mirecovery_gui.store.drafts import Draft, DraftStore
from mirecovery_gui.store.stores import Stores

ROOT = Path(__file__).resolve().parents[2]
DB = "mirecovery.sqlite3"
DEADLINE_S = 60.0

# Values nobody else writes, so a byte search finds only these.
DELETED_CUSTOMER = ("Zebulon Quartz", "490154203237518")
DELETED_DRAFT_OWNER = "Ottoline Vexley"
PURGED_CUSTOMER = ("Perpetua Quillfeather", "356938035643809")
LONE_DRAFT_OWNER = "Barnaby Whitlock"
ERASED = (*DELETED_CUSTOMER, DELETED_DRAFT_OWNER, *PURGED_CUSTOMER, LONE_DRAFT_OWNER)
KEPT_CUSTOMER = "Kept Customer"
# Garbage that no page can start with (0xDE is no b-tree page type), so the damage is always seen.
GARBAGE = b"\xde\xad\xbe\xef"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX faults (signals, modes, mounts)")


# --- the parent's side ----------------------------------------------------------------------------------------


class Child:
    """A child process running one of this module's modes; its lines are read with a deadline."""

    def __init__(self, mode: str, folder: Path, *extra: str, prefix: tuple[str, ...] = ()) -> None:
        self.process = subprocess.Popen(
            [*prefix, sys.executable, "-m", "tests.unit.test_store_faults", mode, str(folder), *extra],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def answer(self, deadline_s: float = DEADLINE_S) -> dict[str, Any]:
        stdout = self.process.stdout
        assert stdout is not None
        if sys.platform != "win32":
            import select

            ready, _, _ = select.select([stdout], [], [], deadline_s)
            if not ready:
                self.process.kill()
                pytest.fail(f"the child said nothing in {deadline_s} s")
        line = stdout.readline()
        if not line:
            self.process.wait(DEADLINE_S)
            pytest.fail(f"the child ended ({self.process.returncode}): {self._stderr()}")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def tell(self, word: str) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(word + "\n")
        stdin.flush()

    def finish(self) -> None:
        """Wait for a child that has said all it had to say."""
        self.process.wait(DEADLINE_S)
        assert self.process.returncode == 0, self._stderr()
        self._close_pipes()

    def kill(self) -> None:
        self.process.kill()  # SIGKILL on POSIX: no clean-up, no checkpoint on close
        self.process.wait(DEADLINE_S)
        self._close_pipes()

    def _stderr(self) -> str:
        stderr = self.process.stderr
        return stderr.read()[-3000:] if stderr is not None else ""

    def _close_pipes(self) -> None:
        for pipe in (self.process.stdin, self.process.stdout, self.process.stderr):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def children() -> Iterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        if child.process.poll() is None:
            child.kill()


def copies(folder: Path, values: tuple[str, ...]) -> dict[str, int]:
    """How many times each value's bytes are in each file of ``folder`` (only files holding any)."""
    found: dict[str, int] = {}
    for file in sorted(folder.iterdir()):
        if file.is_file():
            data = file.read_bytes()
            count = sum(data.count(value.encode()) for value in values)
            if count:
                found[file.name] = count
    return found


@functools.cache
def private_mounts_possible() -> str:
    """Empty when a child can have mounts of its own (root, ``unshare``); else why not."""
    if sys.platform != "linux":
        return "mount namespaces are Linux only"
    if os.geteuid() != 0:
        return "mounting a file system needs root"
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return "unshare or mount is not installed"
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "true"], capture_output=True, timeout=DEADLINE_S
    )
    return "" if probe.returncode == 0 else "this system allows no mount namespace (unshare failed)"


IN_PRIVATE_MOUNTS = ("unshare", "--mount", "--propagation", "private")


def modes_stop_us(tmp_path: Path) -> bool:
    """Whether a folder's mode stops this process writing in it (not for root, which overrides modes)."""
    probe = tmp_path / "mode-probe"
    probe.mkdir(mode=0o500)
    try:
        (probe / "file").touch()
    except PermissionError:
        return True
    finally:
        probe.chmod(0o700)
    return False


# --- 1. erasure that erases ---------------------------------------------------------------------------------


@posix_only
def test_deleted_customers_are_in_no_file_after_a_kill_9(tmp_path: Path, children: list[Child]) -> None:
    child = Child("erase", tmp_path)
    children.append(child)
    assert child.answer()["saved"]
    # The scan can see them: before the deletion they are in the journal.
    before = copies(tmp_path, ERASED)
    assert before.get(f"{DB}-wal", 0) > 0, before
    child.tell("delete")
    answer = child.answer()
    assert answer["deleted"] and answer["kept"] == [KEPT_CUSTOMER]
    assert (tmp_path / f"{DB}-wal").stat().st_size == 0  # emptied while the app still runs
    child.kill()
    assert copies(tmp_path, ERASED) == {}, f"before the deletion: {before}"
    # What was not deleted is still there, and the database opens.
    database = Database(tmp_path / DB)
    try:
        assert [case.customer_name for case in CaseLog(database).search(CaseQuery())] == [KEPT_CUSTOMER]
    finally:
        database.close()


def _erase(folder: Path) -> None:
    import datetime as dt

    database = Database(folder / DB)
    cases, drafts = CaseLog(database), DraftStore(database)
    draft = Draft(SupportFacts(account_id="1234567890", imei=DELETED_CUSTOMER[1], owner_name=DELETED_DRAFT_OWNER))
    drafts.save(draft)
    deleted = Case("live", customer_name=DELETED_CUSTOMER[0], imei=DELETED_CUSTOMER[1], draft_id=draft.id)
    cases.save(deleted)
    purged = Case("live", customer_name=PURGED_CUSTOMER[0], imei=PURGED_CUSTOMER[1])
    cases.save(purged)
    cases.save(Case("live", customer_name=KEPT_CUSTOMER))
    lone = Draft(SupportFacts(owner_name=LONE_DRAFT_OWNER))
    drafts.save(lone)
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=120)).isoformat(timespec="seconds")
    database.writer.submit("age", lambda c: c.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (old, purged.id)))
    assert database.writer.flush(DEADLINE_S)
    # The window reads meanwhile, as the case history does.
    assert len(cases.search(CaseQuery())) == 3 and drafts.load(lone.id) is not None
    _say(saved=True)
    assert sys.stdin.readline().strip() == "delete"
    cases.delete([deleted.id])
    drafts.delete(lone.id)
    cases.purge_older_than(90)
    assert database.writer.flush(DEADLINE_S)
    kept = [case.customer_name for case in cases.search(CaseQuery())]
    _say(deleted=True, kept=kept)
    sys.stdin.readline()  # killed here, the database still open


# --- 2. no silent write failure -------------------------------------------------------------------------------


def full_disk_kinds() -> list[Any]:
    why = private_mounts_possible()
    return [
        pytest.param("file_size_limit", marks=posix_only),
        pytest.param("full_file_system", marks=pytest.mark.skipif(bool(why), reason=why)),
    ]


@pytest.mark.parametrize("how", full_disk_kinds())
def test_a_full_disk_keeps_every_write_and_they_land_in_order_when_there_is_room(
    tmp_path: Path, children: list[Child], how: str
) -> None:
    """``file_size_limit``: RLIMIT_FSIZE, SIGXFSZ ignored; ``full_file_system``: a small tmpfs filled up."""
    folder = tmp_path / "data"
    folder.mkdir()
    prefix = IN_PRIVATE_MOUNTS if how == "full_file_system" else ()
    child = Child("disk_full", folder, how, prefix=prefix)
    children.append(child)
    full = child.answer()
    assert full["troubles"] == ["disk_full"], full
    assert full["flushed"] is False and full["flush_s"] < 5.0  # told at once, not after the 30 s timeout
    assert full["call_error"] and full["call_s"] < 5.0
    assert full["pending"] + full["landed"] == full["submitted"] + 1 and full["pending"] > 0  # the base saved again
    roomy = child.answer()
    child.finish()
    assert roomy["troubles"] == ["disk_full", None] and roomy["timer_s"] < 31.0  # the timer's longest wait is 30 s
    assert roomy["flushed"] is True and roomy["pending"] == 0
    assert roomy["names"] == ["base", *(f"customer {i:02d}" for i in range(full["submitted"]))]
    assert roomy["base_model"] == "saved again last"
    assert roomy["base_notes"] == ""  # the call that was refused was not made later
    assert roomy["integrity"] == "ok"


def _disk_full(folder: Path, how: str) -> None:
    import resource

    if how == "full_file_system":
        _run("mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(folder))
    troubles: list[Trouble | None] = []
    told = threading.Condition()

    def on_trouble(kind: Trouble | None) -> None:
        with told:
            troubles.append(kind)
            told.notify_all()

    database = Database(folder / DB, on_trouble)
    cases = CaseLog(database)
    base = Case("live", customer_name="base")
    cases.save(base)
    assert database.writer.flush(DEADLINE_S)
    ballast = folder / "ballast"
    if how == "file_size_limit":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of the signal that would end us
        largest = max(path.stat().st_size for path in (folder / DB, *sidecars(folder / DB)) if path.exists())
        resource.setrlimit(resource.RLIMIT_FSIZE, (largest + 16 * 1024, resource.RLIM_INFINITY))
    else:
        descriptor = os.open(ballast, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for size in (65536, 4096, 512):
                with contextlib.suppress(OSError):  # ENOSPC: full at this size, then smaller
                    while True:
                        os.write(descriptor, b"\0" * size)
        finally:
            os.close(descriptor)
    submitted = 24
    for number in range(submitted):
        cases.save(Case("live", customer_name=f"customer {number:02d}", notes="n" * 3000))
    base.device_model = "saved again last"
    cases.save(base)
    with told:
        assert told.wait_for(lambda: troubles, DEADLINE_S)
    started = time.monotonic()
    flushed = database.writer.flush(30.0)
    flush_s = time.monotonic() - started
    started = time.monotonic()
    try:
        cases.set_notes(base.id, "written later?", expected="")
        call_error = ""
    except sqlite3.OperationalError as exc:
        call_error = str(exc)
    call_s = time.monotonic() - started
    pending = database.writer.pending
    landed = len(database.read("SELECT id FROM cases")) - 1
    _say(
        troubles=troubles,
        flushed=flushed,
        flush_s=flush_s,
        call_error=call_error,
        call_s=call_s,
        pending=pending,
        landed=landed,
        submitted=submitted,
    )
    if how == "file_size_limit":
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    else:
        ballast.unlink()
    # Nobody writes or flushes now: the writer's own timer tries again.
    started = time.monotonic()
    with told:
        told.wait_for(lambda: troubles[-1] is None, DEADLINE_S)
    timer_s = time.monotonic() - started
    flushed = database.writer.flush(DEADLINE_S)
    rows = database.read("SELECT customer_name, device_model, notes FROM cases ORDER BY rowid")
    _say(
        troubles=troubles,
        timer_s=timer_s,
        flushed=flushed,
        pending=database.writer.pending,
        names=[row["customer_name"] for row in rows],
        base_model=rows[0]["device_model"],
        base_notes=rows[0]["notes"],
        integrity=database.read("PRAGMA integrity_check")[0][0],
    )
    database.close()


def test_a_damaged_page_is_set_aside_and_a_new_database_started(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB
    database = Database(path)
    cases = CaseLog(database)
    for number in range(300):
        cases.save(Case("live", customer_name=f"customer {number}", notes="n" * 500))
    assert database.writer.flush()
    database.close()
    size = path.stat().st_size
    assert size > 40 * 4096
    with open(path, "r+b") as handle:  # a page in the middle of the file overwritten
        handle.seek((size // 4096 // 2) * 4096)
        handle.write(GARBAGE * 1024)
    damaged = path.read_bytes()
    told: list[Path] = []
    unavailable: list[str | None] = []
    stores = Stores(lambda: path, lambda: unavailable.append(stores.unavailable_reason), on_set_aside=told.append)
    try:
        case_log = stores.case_log()
        assert case_log is not None and unavailable == []
        assert told == [stores.set_aside] and stores.set_aside is not None
        aside = stores.set_aside
        assert aside.parent == path.parent and aside.name.startswith(f"{DB}.damaged-")
        assert len(aside.name) == len(f"{DB}.damaged-YYYYmmdd-HHMMSS")
        assert aside.read_bytes() == damaged  # kept as it was, for whoever wants to recover it
        assert case_log.search(CaseQuery()) == []
        case_log.save(Case("live", customer_name="after"))
        assert stores.flush()
        assert [case.customer_name for case in case_log.search(CaseQuery())] == ["after"]
        assert stores.trouble is None
    finally:
        stores.close()


def test_a_file_that_is_not_a_database_is_set_aside_too(tmp_path: Path) -> None:
    path = tmp_path / DB
    Database(path).close()
    with open(path, "r+b") as handle:
        handle.write(GARBAGE * 25)  # the header
    database = Database(path)
    try:
        assert database.set_aside is not None and database.set_aside.exists()
        assert database.read("PRAGMA quick_check")[0][0] == "ok"
    finally:
        database.close()


def test_damage_found_by_a_read_while_open_is_told(tmp_path: Path) -> None:
    path = tmp_path / DB
    told: list[Trouble | None] = []
    database = Database(path, told.append)
    cases = CaseLog(database)
    try:
        for number in range(300):
            cases.save(Case("live", customer_name=f"customer {number}", notes="n" * 500))
        assert database.writer.flush()
        assert database.writer.call(lambda connection: connection.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            for page in range(2, size // 4096):  # every page but the first: whichever the search reads
                handle.seek(page * 4096)
                handle.write(GARBAGE * 16)
        # A write makes the reader drop the pages it has in memory and read the file again.
        DraftStore(database).save(Draft(SupportFacts()))
        database.writer.flush()
        assert cases.search(CaseQuery()) == []  # nothing, rather than an error the window cannot handle
        assert "damaged" in told and database.trouble == "damaged"
    finally:
        database.close()


# --- a read-only or missing folder ---------------------------------------------------------------------------


def opened_in(folder: Path) -> dict[str, Any]:
    """What Stores does with its database in ``folder``."""
    calls: list[str | None] = []
    stores = Stores(lambda: folder / DB, lambda: calls.append(stores.unavailable_reason))
    try:
        return {
            "database": stores.database() is not None,
            "case_log": stores.case_log() is not None,
            "drafts": stores.drafts() is not None,
            "calls": calls,
            "flushed": stores.flush(),
            "retention": stores.apply_retention(90),
        }
    finally:
        stores.close()


NOTHING_OPENED = {
    "database": False,
    "case_log": False,
    "drafts": False,
    "calls": ["read_only"],
    "flushed": True,
    "retention": False,
}


def test_a_data_folder_that_cannot_be_made_leaves_the_app_without_a_database(tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("not a folder")
    assert opened_in(tmp_path / "a file" / "data") == NOTHING_OPENED


@posix_only
@pytest.mark.parametrize("with_database", [False, True], ids=["new", "existing"])
def test_a_read_only_data_folder_leaves_the_app_without_a_database(
    tmp_path: Path, children: list[Child], with_database: bool
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    if with_database:
        database = Database(folder / DB)
        CaseLog(database).save(Case("live", customer_name="someone"))
        database.close()
    if modes_stop_us(tmp_path):
        folder.chmod(0o500)
        try:
            assert opened_in(folder) == NOTHING_OPENED
        finally:
            folder.chmod(0o700)
        return
    # Root (CAP_DAC_OVERRIDE) writes through any mode: a read-only mount stops it instead.
    why = private_mounts_possible()
    if why:
        pytest.skip(f"running as root, where only a read-only mount stops writes, and {why}")
    child = Child("read_only", folder, prefix=IN_PRIVATE_MOUNTS)
    children.append(child)
    answer = child.answer()
    child.finish()
    assert answer == NOTHING_OPENED


def _read_only(folder: Path) -> None:
    _run("mount", "--bind", str(folder), str(folder))
    _run("mount", "-o", "remount,bind,ro", str(folder))
    _say(**opened_in(folder))


# --- files and folders are the user's only ----------------------------------------------------------------


@posix_only
def test_files_and_folders_are_the_users_only_whatever_the_umask(private_home: Path) -> None:
    import logging

    from mirecovery_gui.logs import configure_logging, remove_handlers
    from mirecovery_gui.store.paths import config_dir, data_dir, database_path, log_dir
    from mirecovery_gui.store.settings import Settings, save_settings

    # An older install left everything open to all.
    for name in ("data", "config", "logs"):
        (private_home / name).mkdir(mode=0o777)
        (private_home / name).chmod(0o777)
    (private_home / "logs" / "mirecovery.log.1").write_text("old")
    (private_home / "logs" / "mirecovery.log.1").chmod(0o666)
    previous = os.umask(0)  # the loosest: every mode below is our own doing
    try:
        folders = (data_dir(), config_dir(), log_dir())
        database = Database(database_path())
        CaseLog(database).save(Case("live", customer_name="someone"))
        assert database.writer.flush()
        save_settings(config_dir() / "settings.json", Settings(staff_name="Ayu"))
        configure_logging(log_dir(), console=False)
        try:
            logging.getLogger("mirecovery_gui.test").warning("a line")
            handler = next(h for h in logging.getLogger().handlers if getattr(h, "_mirecovery", False))
            handler.doRollover()  # type: ignore[attr-defined]
            logging.getLogger("mirecovery_gui.test").warning("a line in the new file")
        finally:
            remove_handlers()
        database.close()
        database = Database(database_path())  # the journal files again, while open
        files = [database_path(), *(p for p in sidecars(database_path()) if p.exists())]
        files += [config_dir() / "settings.json", *sorted(log_dir().iterdir())]
        modes = {p.relative_to(private_home).as_posix(): oct(p.stat().st_mode & 0o777) for p in files}
        database.close()
    finally:
        os.umask(previous)
    assert {str(f.relative_to(private_home)): oct(f.stat().st_mode & 0o777) for f in folders} == {
        "data": "0o700",
        "config": "0o700",
        "logs": "0o700",
    }
    assert "data/mirecovery.sqlite3-wal" in modes and "logs/mirecovery.log.2" in modes
    assert set(modes.values()) == {"0o600"}, modes


# --- the child's side ---------------------------------------------------------------------------------------


def _say(**answer: Any) -> None:
    print(json.dumps(answer), flush=True)


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=DEADLINE_S)


MODES: dict[str, Callable[..., None]] = {
    "erase": _erase,
    "disk_full": _disk_full,
    "read_only": _read_only,
}


def main(arguments: list[str]) -> None:
    mode, folder, *extra = arguments
    MODES[mode](Path(folder), *extra)


if __name__ == "__main__":
    main(sys.argv[1:])
