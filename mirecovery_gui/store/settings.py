"""Settings: a small JSON file in the config folder, defaults in code.

Nothing secret and nothing personal beyond the staff name lives here. A
missing file means defaults; a damaged one (not JSON, not an object, values
of the wrong type) is set aside as ``settings.json.damaged-<time>`` and
replaced, and :func:`load_settings` says so, so the app can tell the user.
Writes are atomic: a temporary file, flushed, then moved over the old one.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from mirecovery_gui.store.files import write_file_atomically

log = logging.getLogger(__name__)

LANGUAGES = ("", "en", "id")  # "" follows the system
SCHEMES = ("", "light", "dark")  # "" follows the system
PROVIDERS = ("", "training", "xiaomi")  # "" asks at start
MIN_RETENTION_DAYS = 1
MAX_RETENTION_DAYS = 3650


@dataclass(frozen=True)
class Settings:
    language: str = ""
    scheme: str = ""
    default_region: str = "ID"
    shop_mode: bool = False
    staff_name: str = ""
    retention_days: int = 90
    provider: str = ""
    record_cases: bool = True
    real_account_mode: str = "embedded"  # or "direct" (the experimental profile)
    # A shop's case log on PostgreSQL: postgresql://USER@HOST:PORT/DB (never a password: the keyring keeps it).
    shop_database: str = ""
    desk_name: str = ""  # this desk, as other desks see it ("" : the computer's name)

    def checked(self) -> Settings:
        """The same settings with every out-of-range value replaced by its default."""
        default = Settings()
        values = asdict(self)
        if self.language not in LANGUAGES:
            values["language"] = default.language
        if self.scheme not in SCHEMES:
            values["scheme"] = default.scheme
        if not re.fullmatch(r"[A-Z]{2}", self.default_region or ""):
            values["default_region"] = default.default_region
        if self.provider not in PROVIDERS:
            values["provider"] = default.provider
        if self.real_account_mode not in ("embedded", "direct"):
            values["real_account_mode"] = default.real_account_mode
        if not MIN_RETENTION_DAYS <= self.retention_days <= MAX_RETENTION_DAYS:
            values["retention_days"] = default.retention_days
        values["staff_name"] = " ".join(str(self.staff_name).split())[:80]
        values["desk_name"] = " ".join(str(self.desk_name).split())[:40]
        values["shop_database"] = str(self.shop_database).strip()[:500]
        return Settings(**values)


@dataclass(frozen=True)
class LoadResult:
    settings: Settings
    damaged_backup: Path | None = None  # set when the file was damaged and set aside


def _coerce(data: dict[str, Any]) -> Settings:
    defaults = Settings()
    values: dict[str, Any] = {}
    for item in fields(Settings):
        if item.name not in data:
            continue
        value = data[item.name]
        expected = type(getattr(defaults, item.name))
        if expected is bool and not isinstance(value, bool):
            raise TypeError(f"{item.name} must be true or false")
        if expected is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise TypeError(f"{item.name} must be a number")
        if expected is str and not isinstance(value, str):
            raise TypeError(f"{item.name} must be text")
        values[item.name] = value
    return replace(defaults, **values).checked()


def load_settings(path: Path) -> LoadResult:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadResult(Settings())
    except OSError as exc:
        log.warning("settings unreadable (%s); using defaults", type(exc).__name__)
        return LoadResult(Settings())
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise TypeError("settings must be a JSON object")
        return LoadResult(_coerce(data))
    except (ValueError, TypeError) as exc:
        import datetime as dt  # 2 ms, for a damaged file only

        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.name}.damaged-{stamp}")
        try:
            path.replace(backup)
        except OSError:
            backup = None  # type: ignore[assignment]
        log.warning("settings file damaged (%s); set aside and replaced with defaults", type(exc).__name__)
        settings = Settings()
        save_settings(path, settings)
        return LoadResult(settings, backup)


def save_settings(path: Path, settings: Settings) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(asdict(settings.checked()), indent=2, ensure_ascii=False) + "\n")


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves the old file or the new one, never half.

    0600 (the staff name is in the settings); a failed write leaves no temporary file.
    """
    write_file_atomically(path, text.encode("utf-8"))
