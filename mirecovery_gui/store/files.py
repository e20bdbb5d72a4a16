"""Writing a file the user named (``-o FILE``): whole or not at all, and never somewhere it must not go.

The file holds personal data (an owner's name, IMEI, email), so the bytes go
to a private temporary file beside the target (mode 0600, a random name that
no one can guess or plant a link at), are flushed to disk, and only then take
the target's name in one rename. A failure at any point removes the temporary
file: nothing half-written and nothing personal is left behind.

A folder, a symbolic link or a special file (device, pipe, socket) is refused
before anything is written: renaming over a link replaces the link (not what
it points at), and renaming over ``/dev/stdout`` or a device node, as root,
would replace the node itself.
"""

from __future__ import annotations

import contextlib
import enum
import os
import stat
import tempfile
from pathlib import Path


class TargetKind(enum.Enum):
    """Why a path was refused."""

    FOLDER = "folder"
    LINK = "symbolic link"
    SPECIAL = "special file"


_REASONS = {
    TargetKind.FOLDER: "is a folder",
    TargetKind.LINK: "is a symbolic link; name the file itself (a link is not replaced)",
    TargetKind.SPECIAL: "is not a regular file (a device, pipe or socket); name a regular file",
}


class RefusedTargetError(OSError):
    """``path`` is a folder, a symbolic link or a special file: no file is written there.

    An OSError, so a window that says "could not be saved there, choose another
    folder" for a full disk says the same for a link it will not follow.
    """

    def __init__(self, path: Path, kind: TargetKind) -> None:
        super().__init__(f"{path} {_REASONS[kind]}")
        self.path = path
        self.kind = kind

    @property
    def reason(self) -> str:
        """Why, after the path as the user typed it ("is a folder"); for the command line, in English."""
        return _REASONS[self.kind]


def check_target(path: str | os.PathLike[str]) -> None:
    """Raise :class:`RefusedTargetError` unless ``path`` is a regular file or does not exist yet.

    The link itself is looked at (``lstat``): a link to a regular file is
    refused too, since replacing it would silently turn it into a file.
    """
    name = os.fspath(path)
    target = Path(name)
    # Path() drops a trailing slash; the user who typed one meant a folder.
    if name.endswith(os.sep) or (os.altsep is not None and name.endswith(os.altsep)):
        raise RefusedTargetError(target, TargetKind.FOLDER)
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise RefusedTargetError(target, TargetKind.LINK)
    if stat.S_ISDIR(mode):
        raise RefusedTargetError(target, TargetKind.FOLDER)
    if not stat.S_ISREG(mode):
        raise RefusedTargetError(target, TargetKind.SPECIAL)


def write_file_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Put ``data`` at ``path``: the old file or the new one is there afterwards, never a part of either.

    Raises :class:`RefusedTargetError` for a folder, a link or a special file, and
    :class:`OSError` when the disk says no; either way no temporary file is left.
    The new file is readable by its owner only (0600).
    """
    check_target(path)
    target = Path(path)
    folder = target.parent
    # The folder of the target, so the rename stays on one file system (atomic);
    # the prefix is cut so a long name still leaves room for the random part.
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=folder)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
            os.fsync(handle)
        finally:
            os.close(handle)
        # Looked at again just before the rename: a link or device put there meanwhile is still refused.
        check_target(path)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where folders cannot be opened (Windows) there is nothing to do."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems cannot sync a folder: the file's own data is already on disk
    finally:
        os.close(handle)
