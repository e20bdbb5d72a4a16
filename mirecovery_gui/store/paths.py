"""Folders for data, config and logs, from platformdirs.

``appauthor=False`` on purpose: on Windows the folders are
``%LOCALAPPDATA%\\mirecovery`` rather than ``...\\mirecovery\\mirecovery``.
``MIRECOVERY_HOME`` puts everything under one folder instead (a portable
install on a USB stick, or a test's temporary directory).
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "mirecovery"
HOME_ENV = "MIRECOVERY_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    if home is not None:
        path = home / "data"
        path.mkdir(parents=True, exist_ok=True)
        return path
    import platformdirs

    return platformdirs.user_data_path(APP, appauthor=False, ensure_exists=True)


def config_dir() -> Path:
    home = _home()
    if home is not None:
        path = home / "config"
        path.mkdir(parents=True, exist_ok=True)
        return path
    import platformdirs

    return platformdirs.user_config_path(APP, appauthor=False, ensure_exists=True)


def log_dir() -> Path:
    home = _home()
    if home is not None:
        path = home / "logs"
        path.mkdir(parents=True, exist_ok=True)
        return path
    import platformdirs

    return platformdirs.user_log_path(APP, appauthor=False, ensure_exists=True)


def database_path() -> Path:
    return data_dir() / "mirecovery.sqlite3"
