"""One window per data folder: a lock that the system lets go of when its process ends.

Two windows on one case database would each keep their own case in hand and
write over each other's steps and notes. The lock is an operating-system
lock on a file in the data folder (``flock`` on POSIX, ``msvcrt.locking`` on
Windows), so it goes with its process however that ends, ``kill -9`` and a
power cut included; a pid file alone would outlive a crash and keep the shop
out until someone deleted it. The file also says who holds the lock (process
id and the time it was taken), for the message the second window shows.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_FILE = "mirecovery.lock"
# Windows locks are mandatory: a locked byte cannot be read by anyone else. The
# lock is taken on a byte far past the text, so the second window can still
# read who holds it.
_WINDOWS_LOCK_OFFSET = 1 << 20


@dataclass(frozen=True)
class Holder:
    """The process that holds the lock."""

    pid: int
    since: str  # when it took the lock: ISO 8601, UTC, to the second


class InstanceLock:
    """``acquire()`` once at start; ``release()`` at the end (or let the process end: the system releases it)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_FILE
        self._descriptor: int | None = None

    @property
    def held(self) -> bool:
        """Whether this process holds the lock."""
        return self._descriptor is not None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it (:meth:`holder` says which).

        True also when no lock file can be made there (a read-only folder):
        nothing can be written to that folder by any window, so there is
        nothing to guard, and the case database reports the folder itself.
        :attr:`held` tells the two apart.
        """
        if self._descriptor is not None:
            return True
        try:
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            log.warning("no lock file in the data folder (%s); two windows are not kept apart", type(exc).__name__)
            return True
        try:
            locked = _lock(descriptor)
        except OSError as exc:
            # A file system without locks (some network shares): as above, go on unguarded.
            os.close(descriptor)
            log.warning("the data folder cannot be locked (%s); two windows are not kept apart", type(exc).__name__)
            return True
        if not locked:
            os.close(descriptor)
            return False
        self._descriptor = descriptor
        # A full disk: the lock holds all the same; the second window just cannot say whose it is.
        with contextlib.suppress(OSError):
            self._write_holder(descriptor)
        return True

    def holder(self) -> Holder | None:
        """Who holds the lock, as its file says; None when the file names no one or cannot be read.

        Read only when :meth:`acquire` said False: the file of a process that
        was killed still names it until the next window takes the lock.
        """
        try:
            with open(self.path, encoding="ascii") as handle:
                text = handle.read(200)
        except (OSError, ValueError):
            return None
        parts = text.split()
        if len(parts) != 2 or not parts[0].isdigit():
            return None  # being written this very moment, or not ours
        return Holder(int(parts[0]), parts[1])

    def release(self) -> None:
        """Let go of the lock (the file stays: removing it could let two windows lock two different files)."""
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        try:
            with contextlib.suppress(OSError):  # closing the file releases the lock all the same
                os.ftruncate(descriptor, 0)
                _unlock(descriptor)
        finally:
            os.close(descriptor)

    def _write_holder(self, descriptor: int) -> None:
        import datetime as dt

        since = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        os.ftruncate(descriptor, 0)
        os.lseek(descriptor, 0, os.SEEK_SET)
        os.write(descriptor, f"{os.getpid()} {since}\n".encode("ascii"))


def _lock(descriptor: int) -> bool:
    """Lock without waiting; False when another process holds the lock."""
    if sys.platform == "win32":  # sys.platform, not os.name: mypy then checks each branch on its own system
        import msvcrt

        os.lseek(descriptor, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(descriptor: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(descriptor, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(descriptor, fcntl.LOCK_UN)
