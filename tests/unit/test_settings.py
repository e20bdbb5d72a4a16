"""Settings: defaults in code, damaged files set aside, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

from mirecovery_gui.store.settings import Settings, load_settings, save_settings


def test_no_file_means_defaults(tmp_path: Path) -> None:
    result = load_settings(tmp_path / "settings.json")
    assert result.settings == Settings() and result.damaged_backup is None
    assert Settings().retention_days == 90 and Settings().record_cases and Settings().default_region == "ID"


def test_settings_round_trip_and_leave_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    wanted = Settings(language="id", default_region="MY", shop_mode=True, staff_name="Sari", retention_days=30)
    save_settings(path, wanted)
    assert load_settings(path).settings == wanted
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_damaged_file_is_set_aside_and_replaced(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{ this is not json", encoding="utf-8")
    result = load_settings(path)
    assert result.settings == Settings()
    assert result.damaged_backup is not None and result.damaged_backup.read_text() == "{ this is not json"
    assert json.loads(path.read_text(encoding="utf-8"))["retention_days"] == 90


def test_wrong_types_count_as_damage(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"shop_mode": "yes", "retention_days": 30}), encoding="utf-8")
    assert load_settings(path).damaged_backup is not None


def test_unknown_keys_are_ignored_and_bad_values_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "future_option": 1,
                "language": "fr",
                "retention_days": 0,
                "default_region": "zz",
                "staff_name": "  Sari  ",
            }
        ),
        encoding="utf-8",
    )
    result = load_settings(path)
    assert result.damaged_backup is None
    assert result.settings == Settings(staff_name="Sari")
