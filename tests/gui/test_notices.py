"""The notice band: what the case log's troubles look like in the window, and notices that do not hide each other."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.gui.main_window import NoticeBar
from mirecovery_gui.store.cases import Case, CaseQuery
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import Driver, open_window


def test_a_notice_that_comes_on_top_gives_the_earlier_one_back_when_dismissed(qtbot: QtBot) -> None:
    bar = NoticeBar()
    qtbot.addWidget(bar)
    bar.show_notice("Continue the last case?", [("resume_case_button", "Continue", lambda: None)], key="resume")
    bar.show_notice("The case log could not be saved: the disk is full.", key="store")
    assert bar.label.text() == "The case log could not be saved: the disk is full."
    assert bar.findChild(QAbstractButton, "resume_case_button") is None
    # The news about the same thing replaces itself instead of piling up.
    bar.show_notice("The case log is saved again.", key="store")
    bar.dismiss()
    assert bar.label.text() == "Continue the last case?"
    assert bar.findChild(QAbstractButton, "resume_case_button") is not None
    bar.withdraw("resume")
    assert bar.isHidden() and bar.label.text() == ""


def test_a_damaged_case_database_is_set_aside_and_the_window_says_so(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, private_home: Path
) -> None:
    data = private_home / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "mirecovery.sqlite3").write_bytes(b"this is no database " * 400)
    window = open_window(qtbot, clock, service, "--lang", "id")
    try:
        notice = window.findChild(QLabel, "notice_label")
        qtbot.waitUntil(lambda: notice.isVisible() and "Database kasus rusak" in notice.text())
        (kept,) = sorted(data.glob("mirecovery.sqlite3.damaged-*"))
        assert kept.name in notice.text()
        assert kept.read_bytes().startswith(b"this is no database")
        assert window.app.stores.case_log() is not None  # a new, working one
    finally:
        window.close()


def test_retention_runs_again_every_hour_while_the_window_stays_open(driver: Driver) -> None:
    app = driver.window.app
    driver.qtbot.waitUntil(lambda: app._retention.isActive())
    assert app._retention.interval() == 60 * 60 * 1000
    case_log = app.stores.case_log()
    old = Case("live", customer_name="Customer from last spring")
    case_log.save(old)
    stamp = (dt.datetime.now(dt.UTC) - dt.timedelta(days=120)).isoformat(timespec="seconds")
    case_log.database.writer.submit(
        "age", lambda c: c.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (stamp, old.id))
    )
    assert app.stores.flush(5.0)
    app._retention.timeout.emit()  # an hour later
    assert app.stores.flush(5.0)
    assert [case.customer_name for case in case_log.search(CaseQuery())] == []
