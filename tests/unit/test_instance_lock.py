"""One window per data folder: the lock is held by one process, says whose it is, and dies with it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mirecovery_gui.store.instance_lock import LOCK_FILE, InstanceLock

ROOT = Path(__file__).resolve().parents[2]
DEADLINE_S = 60.0

HOLD = """
import sys
from pathlib import Path
from mirecovery_gui.store.instance_lock import InstanceLock

lock = InstanceLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "refused", flush=True)
sys.stdin.readline()  # killed here, the lock never released by us
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another window: a process that took the lock on ``tmp_path`` and waits."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first_line(process) == "held"
        yield process
    finally:
        process.kill()
        process.wait(DEADLINE_S)
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()


def first_line(process: subprocess.Popen[str]) -> str:
    stdout = process.stdout
    assert stdout is not None
    if sys.platform != "win32":
        import select

        ready, _, _ = select.select([stdout], [], [], DEADLINE_S)
        assert ready, f"the other process said nothing in {DEADLINE_S} s"
    return stdout.readline().strip()


def test_a_second_process_is_refused_and_learns_whose_the_lock_is(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    lock = InstanceLock(tmp_path)
    assert lock.acquire() is False and not lock.held
    who = lock.holder()
    assert who is not None and who.pid == holder.pid and who.pid != os.getpid()
    assert who.since[:4].isdigit() and who.since.endswith("+00:00")


def test_the_lock_goes_with_a_process_killed_with_kill_9(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    lock = InstanceLock(tmp_path)
    assert not lock.acquire()
    holder.kill()  # SIGKILL on POSIX: nothing of ours runs
    holder.wait(DEADLINE_S)
    try:
        assert lock.acquire() and lock.held
        who = lock.holder()
        assert who is not None and who.pid == os.getpid()
    finally:
        lock.release()
    assert not lock.held


def test_after_a_release_another_can_take_it(tmp_path: Path) -> None:
    first, second = InstanceLock(tmp_path), InstanceLock(tmp_path)
    assert first.acquire()
    assert first.acquire()  # taking it again is a no-op
    assert not second.acquire()  # one lock per open file, even within one process
    first.release()
    first.release()
    try:
        assert second.acquire()
    finally:
        second.release()
    assert (tmp_path / LOCK_FILE).exists()  # kept: removing it could let two windows lock two files


@pytest.mark.skipif(sys.platform == "win32", reason="file modes are POSIX")
def test_the_lock_file_is_the_users_only(tmp_path: Path) -> None:
    lock = InstanceLock(tmp_path)
    previous = os.umask(0)
    try:
        assert lock.acquire()
    finally:
        os.umask(previous)
        lock.release()
    assert (tmp_path / LOCK_FILE).stat().st_mode & 0o777 == 0o600


def test_a_folder_where_no_lock_file_can_be_made_does_not_stop_the_app(tmp_path: Path) -> None:
    lock = InstanceLock(tmp_path / "missing")
    assert lock.acquire() and not lock.held
    assert lock.holder() is None
    lock.release()
