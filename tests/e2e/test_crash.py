"""kill -9 mid-flow: what was saved survives, and the next start offers to go on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from mirecovery_gui.app import create_main_window
from mirecovery_gui.core.flow import Step
from mirecovery_gui.store.cases import CaseQuery, Outcome

HELPER = Path(__file__).with_name("crash_helper.py")


def crash_during(*args: str, env: dict[str, str] | None = None) -> None:
    process = subprocess.Popen(
        [sys.executable, str(HELPER), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.strip() == "ready", process.stderr.read() if process.stderr else ""
    finally:
        process.kill()  # SIGKILL, or TerminateProcess on Windows: no clean-up of any kind
        process.wait(timeout=10)
    assert process.returncode != 0


def resume_offer(qtbot: QtBot):  # type: ignore[no-untyped-def]
    window = create_main_window(["--training", "--lang", "en"])
    qtbot.addWidget(window)
    window.show()
    notice = window.findChild(QLabel, "notice_label")
    qtbot.waitUntil(lambda: notice.isVisible() and "ended unexpectedly" in notice.text())
    return window, notice


@pytest.mark.slow
def test_a_recovery_killed_mid_flow_is_offered_again(qtbot: QtBot) -> None:
    crash_during()
    window, notice = resume_offer(qtbot)
    assert "d***@example.com" in notice.text() and "last step: enter the code" in notice.text()
    qtbot.mouseClick(window.findChild(QAbstractButton, "resume_case_button"), Qt.MouseButton.LeftButton)
    assert window.wizard.current_step is Step.IDENTIFIER
    # Where the identifier is typed again, the page says why.
    message = window.wizard.currentPage().findChild(QLabel, "error_label")
    qtbot.waitUntil(lambda: message.isVisible() and "Type the email" in message.text())
    case = window.session.cases.case
    assert case is not None and case.identifier_masked == "d***@example.com"
    assert [step for step, _ in case.steps][:4] == ["captcha", "send_code", "enter_code", "resumed"]
    window.close()


@pytest.mark.slow
def test_a_support_request_killed_mid_typing_comes_back_whole(qtbot: QtBot) -> None:
    crash_during("support")
    window, _notice = resume_offer(qtbot)
    qtbot.mouseClick(window.findChild(QAbstractButton, "resume_case_button"), Qt.MouseButton.LeftButton)
    assert window.wizard.current_step is Step.LOST_EVERYTHING
    assert window.findChild(QLineEdit, "support_imei_input").text() == "490154203237518"
    assert window.findChild(QLineEdit, "support_owner_name_input").text() == "Budi Santoso"
    window.close()


@pytest.mark.slow
def test_closing_the_case_instead(qtbot: QtBot) -> None:
    crash_during()
    window, _notice = resume_offer(qtbot)
    qtbot.mouseClick(window.findChild(QAbstractButton, "discard_case_button"), Qt.MouseButton.LeftButton)
    case_log = window.app.stores.case_log()
    case_log.database.writer.flush()
    assert case_log.open_cases() == []
    assert [c.outcome for c in case_log.search(CaseQuery())] == [Outcome.ABANDONED]
    window.close()


@pytest.mark.slow
def test_a_second_window_on_the_same_data_says_where_the_first_runs_and_touches_nothing(
    private_home: Path,
) -> None:
    import os

    first = subprocess.Popen([sys.executable, str(HELPER)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second: subprocess.Popen[str] | None = None
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "ready"  # the first window has a live case
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        for language, words in (("en", "already open on this computer"), ("id", "sudah terbuka di komputer ini")):
            second = subprocess.Popen(
                [sys.executable, "-m", "mirecovery_gui", "--training", "--lang", language],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                cwd=Path(__file__).resolve().parents[2],
            )
            assert second.stderr is not None
            said = second.stderr.readline()
            assert words in said and f"{first.pid}" in said, said
            second.kill()
            second.wait(timeout=10)
    finally:
        for process in (second, first):
            if process is not None:
                process.kill()
                process.wait(timeout=10)
    # The first window's case is as it left it: open, with its steps, not closed by the second one.
    from mirecovery_gui.store.stores import Stores

    stores = Stores(lambda: private_home / "data" / "mirecovery.sqlite3")
    try:
        case_log = stores.case_log()
        assert case_log is not None
        (case,) = case_log.search(CaseQuery())
        assert case.outcome is Outcome.OPEN and case.last_step == "enter_code"
    finally:
        stores.close()


@pytest.mark.slow
def test_a_deleted_customer_is_in_no_file_after_a_kill_9(private_home: Path, tmp_path: Path) -> None:
    import os

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    # The app's own folders (data, settings, logs) and its temporary files, all under the test's eyes.
    crash_during("erase", env=dict(os.environ, TMPDIR=str(temporary), TMP=str(temporary), TEMP=str(temporary)))
    typed = ("Budi Santoso", "490154203237518")
    found = {
        str(file): [value for value in typed if value.encode() in file.read_bytes()]
        for folder in (private_home, temporary)
        for file in folder.rglob("*")
        if file.is_file()
    }
    assert {name: values for name, values in found.items() if values} == {}
    assert any(name.endswith("mirecovery.sqlite3") for name in found), found  # the scan saw the database
