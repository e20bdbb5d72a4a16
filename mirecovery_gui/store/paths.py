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


def _folder(name: str, platform_function: str) -> Path:
    """``MIRECOVERY_HOME/<name>`` when set (tests, a portable install), else the platform's folder."""
    home = _home()
    if home is None:
        import platformdirs  # only when it is asked: a portable install never needs it

        path: Path = getattr(platformdirs, platform_function)(APP, appauthor=False)
    else:
        path = home / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    return _folder("data", "user_data_path")


def config_dir() -> Path:
    return _folder("config", "user_config_path")


def log_dir() -> Path:
    return _folder("logs", "user_log_path")


def database_path() -> Path:
    return data_dir() / "mirecovery.sqlite3"
