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


def crash_during(*args: str) -> None:
    process = subprocess.Popen(
        [sys.executable, str(HELPER), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
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
