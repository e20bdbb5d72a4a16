"""A data folder that cannot be made or written (a write-protected stick): the app starts and says so.

Root ignores file modes, so the folders are made impossible the way any user
can: a file where a folder should be. The start itself runs as a real process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.main_window import MainWindow
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import Driver, open_window

ROOT = Path(__file__).resolve().parents[2]


def blocked_home(tmp_path: Path, how: str) -> Path:
    """``home``: MIRECOVERY_HOME itself is a file (no folder at all); ``data``: only the data folder is."""
    if how == "home":
        home = tmp_path / "stick"
        home.write_text("not a folder")
        return home
    home = tmp_path / "home"
    home.mkdir()
    (home / "data").write_text("not a folder")
    return home


@pytest.mark.parametrize("how", ["home", "data"])
def test_the_app_starts_and_paints_its_first_page(tmp_path: Path, how: str) -> None:
    env = dict(
        os.environ,
        MIRECOVERY_HOME=str(blocked_home(tmp_path, how)),
        QT_QPA_PLATFORM="offscreen",
        MIRECOVERY_QUIT_AFTER_FIRST_PAINT="1",
    )
    # A crash at start would show a modal box and never quit: the timeout catches that.
    done = subprocess.run(
        [sys.executable, "-m", "mirecovery_gui", "--training", "--lang", "en"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr


@pytest.fixture
def unwritable(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: ManualClock, service: TrainingService
) -> Iterator[Driver]:
    monkeypatch.setenv("MIRECOVERY_HOME", str(blocked_home(tmp_path, "home")))
    window: MainWindow = open_window(qtbot, clock, service)
    yield Driver(qtbot, window, service, clock)
    window.close()


def test_the_window_says_nothing_is_saved_and_training_works(unwritable: Driver) -> None:
    notice = unwritable.window.findChild(QLabel, "notice_label")
    unwritable.qtbot.waitUntil(lambda: notice.isVisible() and "not saved in this session" in notice.text())
    assert "cannot be written to" in notice.text()
    code = unwritable.to_enter_code()
    unwritable.enter_code(code)
    unwritable.new_password()
    unwritable.wait_step(Step.DONE)


def test_a_setting_that_cannot_be_saved_applies_and_says_for_how_long(unwritable: Driver) -> None:
    window = unwritable.window
    notice = window.findChild(QLabel, "notice_label")
    window.app.set_language("id")
    unwritable.qtbot.waitUntil(lambda: notice.isVisible() and "mirecovery ditutup" in notice.text())
    assert window.app.languages.language == "id"  # the switch itself happened
