"""Faults through the window: a message, a way forward that works, and never a freeze."""

from __future__ import annotations

import itertools
import time

import pytest
from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mirecovery_gui.app import create_main_window
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.training.faults import Fault, FaultKind
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import Driver


def arm(driver: Driver, step: str, kind: FaultKind = FaultKind.STATUS, **fields: object) -> None:
    driver.service.faults.add(Fault(kind, step=step, **fields))  # type: ignore[arg-type]


def retry(driver: Driver) -> None:
    driver.qtbot.mouseClick(driver.error_button("retry"), Qt.MouseButton.LeftButton)


def wait_error(driver: Driver, text: str) -> None:
    driver.qtbot.waitUntil(lambda: text in driver.error_text())


def test_a_server_error_fetching_the_captcha(driver: Driver) -> None:
    arm(driver, "captcha", status=500)
    driver.identifier("demo@example.com")
    wait_error(driver, "error 500")
    retry(driver)
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)


def test_a_server_error_starting(driver: Driver) -> None:
    driver.identifier("demo@example.com")
    arm(driver, "start", status=502)
    driver.solve_captcha()
    wait_error(driver, "error 502")
    assert driver.step is Step.CAPTCHA
    retry(driver)  # brings a fresh picture: the old answer went with the failed request
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)


def test_a_server_error_reading_the_quota(driver: Driver) -> None:
    arm(driver, "quota", status=500)
    driver.identifier("demo@example.com")
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)
    driver.click("channel_email")
    wait_error(driver, "error 500")
    retry(driver)
    label = driver.child(QLabel, "sends_left_label")
    driver.qtbot.waitUntil(lambda: label.text().startswith("3 codes left today for this contact. "))


def test_a_server_error_sending(driver: Driver) -> None:
    driver.identifier("demo@example.com")
    driver.solve_captcha()
    arm(driver, "send", status=500)
    driver.send()
    wait_error(driver, "error 500")
    assert driver.messages() == []
    retry(driver)
    driver.wait_step(Step.ENTER_CODE)
    assert driver.service.hits("send") == 2  # once per press, never by itself


def test_a_server_error_verifying(driver: Driver) -> None:
    code = driver.to_enter_code()
    arm(driver, "verify", status=503)
    driver.enter_code(code)
    wait_error(driver, "error 503")
    assert driver.line("code_input").text() == code  # what was typed stays
    retry(driver)
    driver.wait_step(Step.NEW_PASSWORD)


def test_a_server_error_resetting(driver: Driver) -> None:
    driver.enter_code(driver.to_enter_code())
    arm(driver, "reset", status=500)
    driver.new_password()
    wait_error(driver, "error 500")
    retry(driver)
    driver.wait_step(Step.DONE)


def test_429_turns_into_a_countdown_on_the_send_button(driver: Driver) -> None:
    driver.identifier("demo@example.com")
    driver.solve_captcha()
    arm(driver, "send", status=429, retry_after="30")
    driver.send()
    wait_error(driver, "0:30")
    send = driver.button("send_code_button")
    assert not send.isEnabled() and send.text() == "Send again in 0:30"
    driver.clock.advance(30)
    driver.qtbot.waitUntil(send.isEnabled)
    driver.click("send_code_button")
    driver.wait_step(Step.ENTER_CODE)


def test_the_window_keeps_turning_while_the_server_is_slow(driver: Driver) -> None:
    driver.identifier("demo@example.com")
    driver.wait_step(Step.CAPTCHA)
    driver.captcha_loaded()
    driver.service.faults.latency_s = 0.45  # below the tests' 0.6 s read timeout
    ticks: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: ticks.append(clock.elapsed()))
    heartbeat.start()
    driver.solve_captcha()
    session = driver.wizard.session
    driver.qtbot.waitUntil(lambda: session.busy is not None or driver.step is Step.SEND_CODE)
    assert not driver.next_button().isEnabled()  # no double submit while busy
    driver.wait_step(Step.SEND_CODE, timeout=10000)
    heartbeat.stop()
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert len(ticks) > 20  # the timer kept firing during the wait
    assert max(gaps) < 250, max(gaps)


def test_back_drops_a_late_answer(driver: Driver) -> None:
    driver.identifier("demo@example.com")
    driver.wait_step(Step.CAPTCHA)
    driver.captcha_loaded()
    driver.service.faults.latency_s = 0.45
    driver.solve_captcha()
    driver.qtbot.waitUntil(lambda: driver.service.hits("start") == 1)
    driver.press_back()
    driver.wait_step(Step.IDENTIFIER)
    runner = driver.wizard.runner
    assert runner is not None
    driver.qtbot.waitUntil(lambda: not any(thread.is_alive() for thread in runner._threads), timeout=5000)
    QCoreApplication.processEvents()  # deliver anything still queued: it must change nothing
    assert driver.step is Step.IDENTIFIER
    assert not driver.wizard.session.state.started


def test_cancel_mid_request_starts_again_with_nothing_running(driver: Driver, answer_yes: None) -> None:
    driver.identifier("demo@example.com")
    driver.solve_captcha()
    arm(driver, "send", FaultKind.HANG)
    driver.send()
    driver.qtbot.waitUntil(lambda: driver.service.hits("send") == 1)
    driver.qtbot.mouseClick(driver.wizard.cancel_button, Qt.MouseButton.LeftButton)
    driver.wait_step(Step.IDENTIFIER)
    runner = driver.wizard.runner
    assert runner is not None
    assert runner.wait_idle(timeout_s=1.0)
    assert not runner.busy


def test_closing_mid_request_exits_within_a_second(driver: Driver) -> None:
    code = driver.to_enter_code()
    arm(driver, "verify", FaultKind.HANG)
    driver.enter_code(code)
    driver.qtbot.waitUntil(lambda: driver.service.hits("verify") == 1)
    began = time.monotonic()
    driver.window.close()
    assert time.monotonic() - began < 1.0
    runner = driver.wizard.runner
    assert runner is not None and runner.wait_idle(timeout_s=1.0)


@pytest.mark.slow
def test_a_server_that_never_answers_is_reported_within_twenty_seconds(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    # Production timeouts here, not the tests' short ones.
    window = create_main_window(["--training", "--lang", "en"], clock=clock, training_service=service)
    qtbot.addWidget(window)
    window.show()
    driver = Driver(qtbot, window, service, clock)
    driver.identifier("demo@example.com")
    arm(driver, "start", FaultKind.HANG)
    began = time.monotonic()
    driver.solve_captcha()
    qtbot.waitUntil(lambda: "did not answer in time" in driver.error_text(), timeout=20000)
    assert time.monotonic() - began < 20
    window.close()
