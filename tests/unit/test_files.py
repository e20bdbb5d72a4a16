"""store.files: a file the user named is written whole or not at all, and never through a link or a device."""

from __future__ import annotations

import errno
import os
import socket
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mirecovery_gui.store.files import RefusedTargetError, TargetKind, check_target, write_file_atomically

LETTER = b"Mi Account recovery request: account ID 1234567890\n- IMEI 1: 490154203237518\n"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fifos, sockets and file modes are POSIX")


def entries(folder: Path) -> set[str]:
    return {entry.name for entry in folder.iterdir()}


def test_a_new_file_holds_the_bytes_for_its_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "request.txt"
    write_file_atomically(target, LETTER)
    assert target.read_bytes() == LETTER
    assert entries(tmp_path) == {"request.txt"}  # no temporary file beside it
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_old_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "request.txt"
    target.write_bytes(b"an older, much longer request " * 100)
    write_file_atomically(str(target), LETTER)  # a str path works as well as a Path
    assert target.read_bytes() == LETTER
    assert entries(tmp_path) == {"request.txt"}


def test_a_name_in_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_file_atomically("request.txt", LETTER)
    assert (tmp_path / "request.txt").read_bytes() == LETTER
    assert entries(tmp_path) == {"request.txt"}


def test_a_very_long_name_still_gets_a_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / ("r" * 200 + ".txt")
    write_file_atomically(target, LETTER)
    assert entries(tmp_path) == {target.name}


def test_a_folder_is_refused_and_nothing_is_put_in_it(tmp_path: Path) -> None:
    folder = tmp_path / "requests"
    folder.mkdir()
    with pytest.raises(RefusedTargetError) as refused:
        write_file_atomically(folder, LETTER)
    assert refused.value.kind is TargetKind.FOLDER
    assert entries(folder) == set() and entries(tmp_path) == {"requests"}


def test_a_trailing_slash_means_a_folder(tmp_path: Path) -> None:
    with pytest.raises(RefusedTargetError) as refused:
        write_file_atomically(f"{tmp_path / 'not-yet'}{os.sep}", LETTER)
    assert refused.value.kind is TargetKind.FOLDER
    assert entries(tmp_path) == set()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_link_is_refused_and_what_it_points_at_is_untouched(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_bytes(b"keep me")
    link = tmp_path / "request.txt"
    link.symlink_to(precious)
    with pytest.raises(RefusedTargetError) as refused:
        write_file_atomically(link, LETTER)
    assert refused.value.kind is TargetKind.LINK
    assert link.is_symlink() and os.readlink(link) == str(precious)
    assert precious.read_bytes() == b"keep me"
    assert entries(tmp_path) == {"precious.txt", "request.txt"}


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_dangling_link_is_refused_and_nothing_is_created_where_it_points(tmp_path: Path) -> None:
    link = tmp_path / "request.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    with pytest.raises(RefusedTargetError):
        write_file_atomically(link, LETTER)
    assert entries(tmp_path) == {"request.txt"}


@posix_only
def test_a_fifo_is_refused_without_waiting_for_a_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "request.txt"
    os.mkfifo(fifo)  # stands for /dev/null and friends: never replaced, never opened
    with pytest.raises(RefusedTargetError) as refused:
        write_file_atomically(fifo, LETTER)
    assert refused.value.kind is TargetKind.SPECIAL
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert entries(tmp_path) == {"request.txt"}


@posix_only
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listening:
        listening.bind(str(path))
        with pytest.raises(RefusedTargetError) as refused:
            check_target(path)
    assert refused.value.kind is TargetKind.SPECIAL


def test_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_file_atomically(tmp_path / "no-such-folder" / "request.txt", LETTER)
    assert entries(tmp_path) == set()


def failing(name: str) -> Callable[..., object]:
    def fail(*_args: object) -> object:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)

    return fail


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_disk_error_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "request.txt"
    target.write_bytes(b"the old request")
    monkeypatch.setattr(os, step, failing(step))
    with pytest.raises(OSError) as error:
        write_file_atomically(target, LETTER)
    assert error.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert target.read_bytes() == b"the old request"
    assert entries(tmp_path) == {"request.txt"}


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_file_atomically(tmp_path / "request.txt", LETTER)
    monkeypatch.undo()
    assert entries(tmp_path) == set()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_link_put_in_place_during_the_write_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_bytes(b"keep me")
    target = tmp_path / "request.txt"
    real_fsync = os.fsync

    def plant_a_link(handle: int) -> None:
        real_fsync(handle)
        target.symlink_to(precious)

    monkeypatch.setattr(os, "fsync", plant_a_link)
    with pytest.raises(RefusedTargetError):
        write_file_atomically(target, LETTER)
    monkeypatch.undo()
    assert target.is_symlink() and precious.read_bytes() == b"keep me"
    assert entries(tmp_path) == {"precious.txt", "request.txt"}
