"""After an answer lost on the way, Enter and Next go on: they never repeat a step that may be done.

A walk-through pressed Enter after "the answer was lost" on the code page: the
code was checked again, refused as used, and the customer sent off to spend
another code although the first had been accepted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.training.faults import Fault, FaultKind
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import PASSWORD, Driver


def lose_the_answer(driver: Driver, step: str) -> None:
    driver.service.faults.add(Fault(FaultKind.LOST_ANSWER, step=step))


def press_enter(driver: Driver) -> None:
    focus = driver.window.focusWidget() or driver.window
    driver.qtbot.keyClick(focus, Qt.Key.Key_Return)


def test_enter_after_a_lost_code_check_goes_on_without_checking_again(driver: Driver) -> None:
    code = driver.to_enter_code()
    lose_the_answer(driver, "verify")
    driver.line("code_input").setFocus()
    driver.qtbot.keyClicks(driver.line("code_input"), code)
    press_enter(driver)
    driver.qtbot.waitUntil(lambda: "may already have been accepted" in driver.error_text())
    checks = driver.service.hits("verify")
    assert driver.next_button().text().replace("&", "") == "Go on >"
    press_enter(driver)  # focus is still in the code field, as after typing
    driver.wait_step(Step.NEW_PASSWORD)
    assert driver.service.hits("verify") == checks
    intro = driver.wizard.page_for(Step.NEW_PASSWORD).findChild(QLabel, "page_intro")
    assert intro.text().startswith("If Xiaomi accepted the code")


def test_enter_after_a_lost_reset_goes_on_and_the_done_page_is_not_sure(driver: Driver) -> None:
    driver.enter_code(driver.to_enter_code())
    driver.wait_step(Step.NEW_PASSWORD)
    lose_the_answer(driver, "reset")
    driver.type_into("new_password_input", PASSWORD)
    driver.type_into("confirm_password_input", PASSWORD)
    driver.press_next()
    driver.qtbot.waitUntil(lambda: "may already be active" in driver.error_text())
    resets = driver.service.hits("reset")
    driver.line("confirm_password_input").setFocus()
    press_enter(driver)
    driver.wait_step(Step.DONE)
    assert driver.service.hits("reset") == resets
    done = driver.wizard.page_for(Step.DONE)
    assert done.findChild(QLabel, "page_heading").text() == "The new password should now be active"
    assert "not confirmed" in done.findChild(QLabel, "page_intro").text()


def test_after_a_lost_send_the_page_does_not_also_say_the_code_was_sent(driver: Driver) -> None:
    driver.identifier("demo@example.com")
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)
    lose_the_answer(driver, "send")
    driver.send()
    driver.qtbot.waitUntil(lambda: "may have been sent" in driver.error_text())
    assert not driver.window.findChild(QLabel, "sent_label").isVisible()
    sends = driver.service.hits("send")
    press_enter(driver)
    driver.wait_step(Step.ENTER_CODE)
    assert driver.service.hits("send") == sends


def test_a_student_on_a_classroom_server_sees_which_one_and_a_missing_code_is_named(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    from mirecovery_gui.app import create_main_window
    from mirecovery_gui.training.server import TrainingServer

    with TrainingServer(service, join_code="ABCD23") as server:
        address = server.url.removeprefix("http://")
        # The student left the code off the address the trainer gave.
        window = create_main_window(["--server", server.url, "--lang", "en"], clock=clock)
        qtbot.addWidget(window)
        window.show()
        try:
            label = window.findChild(QLabel, "training_server_label")
            assert label.isVisible() and label.text() == f"Training server: {address}"
            driver = Driver(qtbot, window, service, clock)
            driver.identifier("demo@example.com")
            qtbot.waitUntil(lambda: "needs its join code" in driver.error_text())
        finally:
            window.close()


def test_a_code_xiaomi_refused_cannot_be_sent_again_and_the_page_says_why(driver: Driver) -> None:
    from tests.flows import wrong

    code = driver.to_enter_code()
    refused = wrong(code)
    driver.type_into("code_input", refused)
    driver.press_next()
    driver.qtbot.waitUntil(lambda: "wrong" in driver.error_text().lower())
    note = driver.window.findChild(QLabel, "code_refused_label")
    driver.line("code_input").setText(refused)  # the same digits again
    assert note.isVisible() and "already refused" in note.text()
    assert not driver.next_button().isEnabled()
    driver.line("code_input").setText(code)
    assert not note.isVisible() and driver.next_button().isEnabled()
