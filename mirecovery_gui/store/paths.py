"""Folders for data, config and logs, from platformdirs.

``appauthor=False`` on purpose: on Windows the folders are
``%LOCALAPPDATA%\\mirecovery`` rather than ``...\\mirecovery\\mirecovery``.
``MIRECOVERY_HOME`` puts everything under one folder instead (a portable
install on a USB stick, or a test's temporary directory).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

APP = "mirecovery"
HOME_ENV = "MIRECOVERY_HOME"
PRIVATE_FOLDER = 0o700


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value) if value else None


def _folder(name: str, platform_function: str) -> Path:
    """``MIRECOVERY_HOME/<name>`` when set (tests, a portable install), else the platform's folder."""
    home = _home()
    if home is None:
        import platformdirs  # only when it is asked: a portable install never needs it

        path: Path = getattr(platformdirs, platform_function)(APP, appauthor=False)
    else:
        path = home / name
    try:
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    except OSError as exc:
        # A write-protected stick, a file in the way: the folder is returned all
        # the same. Whoever opens a file in it meets the error and says what it
        # means (the database: "cases are not saved"; settings: the defaults),
        # so the app starts and training works.
        log.warning("the %s folder cannot be made (%s)", name, type(exc).__name__)
        return path
    _make_private(path)
    return path


def _make_private(folder: Path) -> None:
    """Only the user may list or open what is inside (POSIX): the data and logs name customers.

    Set again on every start, so a folder made by an older version, or under a
    loose umask, is closed too. Windows needs nothing: these folders are in
    the user's own profile. A file system without modes (a FAT stick) keeps
    what it has.
    """
    if os.name != "posix":
        return
    try:
        if folder.stat().st_mode & 0o777 != PRIVATE_FOLDER:
            os.chmod(folder, PRIVATE_FOLDER)
    except OSError:
        pass


def data_dir() -> Path:
    return _folder("data", "user_data_path")


def config_dir() -> Path:
    return _folder("config", "user_config_path")


def log_dir() -> Path:
    return _folder("logs", "user_log_path")


def database_path() -> Path:
    return data_dir() / "mirecovery.sqlite3"
