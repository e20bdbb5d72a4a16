"""Closing at any moment: within a second, nothing left running, nothing half-written."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from mirecovery_gui.core.flow import Step, SupportScreen
from mirecovery_gui.training.faults import Fault, FaultKind
from tests.gui.conftest import PASSWORD, Driver


def close_quickly(driver: Driver) -> None:
    began = time.monotonic()
    driver.window.close()
    assert time.monotonic() - began < 1.0
    runner = driver.wizard.runner
    assert runner is None or runner.wait_idle(timeout_s=1.0)
    QCoreApplication.processEvents()  # late answers and timers find nothing to touch, and raise nothing


def reach_and_hang(driver: Driver, step: str) -> None:
    """Bring the window to ``step`` and leave its request hanging on the server."""
    arm = lambda: driver.service.faults.add(Fault(FaultKind.HANG, step=step))  # noqa: E731
    if step == "captcha":
        arm()
        driver.identifier("demo@example.com")
        driver.qtbot.waitUntil(lambda: driver.service.hits("captcha") >= 1)
        return
    driver.identifier("demo@example.com")
    if step == "start":
        driver.captcha_loaded()
        arm()
        driver.solve_captcha()
    else:
        driver.solve_captcha()
        driver.wait_step(Step.SEND_CODE)
        if step == "quota":
            arm()
            driver.click("channel_email")
        elif step == "send":
            arm()
            driver.send()
        else:
            driver.send()
            code = driver.newest_code()
            if step == "verify":
                arm()
                driver.enter_code(code)
            else:
                driver.enter_code(code)
                driver.wait_step(Step.NEW_PASSWORD)
                arm()
                driver.new_password(PASSWORD)
    driver.qtbot.waitUntil(lambda: driver.service.hits(step) >= 1)


@pytest.mark.parametrize("step", ["captcha", "start", "quota", "send", "verify", "reset"])
def test_closing_while_a_request_hangs(driver: Driver, step: str) -> None:
    reach_and_hang(driver, step)
    close_quickly(driver)


def test_closing_during_the_resend_countdown(driver: Driver) -> None:
    driver.to_enter_code()
    resend = driver.button("resend_button")
    assert not resend.isEnabled() and "1:00" in resend.text()
    driver.clock.advance(20)
    driver.qtbot.waitUntil(lambda: "0:40" in resend.text())
    close_quickly(driver)
    driver.clock.advance(60)
    QCoreApplication.processEvents()


def test_closing_during_a_wait_the_server_asked_for(driver: Driver) -> None:
    driver.identifier("demo@example.com")
    driver.solve_captcha()
    driver.service.faults.add(Fault(FaultKind.STATUS, step="send", status=429, retry_after="600"))
    driver.send()
    driver.qtbot.waitUntil(lambda: "10:00" in driver.button("send_code_button").text())
    close_quickly(driver)


def test_a_pdf_that_cannot_be_written_leaves_the_old_file_and_no_half(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "request.pdf"
    target.write_bytes(b"%PDF- yesterday's request")

    def disk_error(_handle: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    # The disk fails as the new PDF is being made durable, after its bytes were written.
    monkeypatch.setattr(os, "fsync", disk_error)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    driver.wait_step(Step.IDENTIFIER)
    driver.type_into("identifier_input", "1234567890")
    driver.click("lost_everything_button")
    driver.wait_step(Step.LOST_EVERYTHING)
    driver.type_into("support_imei_input", "352099001761481")
    driver.type_into("support_contact_email_input", "budi.baru@gmail.com")
    driver.to_support_screen(SupportScreen.SEND)
    driver.click("pdf_request_button")
    driver.qtbot.waitUntil(lambda: "could not be saved" in driver.error_text())
    assert target.read_bytes() == b"%PDF- yesterday's request"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["request.pdf"]  # no temporary file left
    close_quickly(driver)
