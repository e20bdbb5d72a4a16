"""Whole recoveries through the real window and the training service over HTTP."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from mirecovery_gui.core.flow import Step
from tests.flows import wrong
from tests.gui.conftest import PASSWORD, Driver


def test_the_email_account_end_to_end(driver: Driver) -> None:
    driver.identifier("demo@example.com")
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)
    assert driver.button("channel_sms").text().replace("&", "") == "SMS to +62 812****0002"
    assert driver.button("channel_email").text().replace("&", "") == "Email to d***@example.com"
    driver.send("channel_email")
    driver.enter_code(driver.newest_code())
    driver.new_password()
    driver.wait_step(Step.DONE)
    assert driver.service.password_of("demo@example.com") == PASSWORD
    assert not driver.wizard.back_button.isEnabled()  # after the reset, no way back


def test_the_phone_only_account_by_sms(driver: Driver) -> None:
    driver.identifier("0812 0000 0001")
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)
    assert not driver.button("channel_email").isVisible()
    assert driver.button("channel_sms").isChecked()
    driver.send("channel_sms")
    code = driver.newest_code()
    assert driver.messages()[-1].startswith("SMS to +6281200000001")
    driver.enter_code(code)
    driver.new_password()
    driver.wait_step(Step.DONE)
    assert driver.service.password_of("+6281200000001") == PASSWORD


def test_the_mi_account_id(driver: Driver) -> None:
    driver.identifier("1234567890")
    driver.solve_captcha()
    driver.send("channel_sms")
    driver.enter_code(driver.newest_code())
    driver.new_password()
    driver.wait_step(Step.DONE)
    assert driver.service.password_of("1234567890") == PASSWORD


def test_nothing_bound_leads_to_the_support_request(driver: Driver) -> None:
    driver.identifier("nocontact@example.com")
    driver.solve_captcha()
    driver.wait_step(Step.LOST_EVERYTHING)
    reason = driver.child(QLabel, "support_reason_label").text()
    assert "No email address or phone number is linked" in reason


def test_the_send_limit_leads_to_the_support_request(driver: Driver) -> None:
    driver.identifier("limit@example.com")
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)
    sends_left = driver.child(QLabel, "sends_left_label")
    driver.qtbot.waitUntil(lambda: "No codes left today" in sends_left.text())
    # Said at once, from the codes left: no Send press, and Send is off (it would only be refused).
    driver.qtbot.waitUntil(lambda: "24 hours" in driver.error_text())
    assert not driver.button("send_code_button").isEnabled()
    driver.qtbot.mouseClick(driver.error_button("support_request"), driver_left())
    driver.wait_step(Step.LOST_EVERYTHING)
    assert "No more codes can be sent today" in driver.child(QLabel, "support_reason_label").text()


def test_the_lost_everything_button_opens_the_support_route(driver: Driver) -> None:
    driver.wait_step(Step.IDENTIFIER)
    driver.click("lost_everything_button")
    driver.wait_step(Step.LOST_EVERYTHING)
    driver.press_back()
    driver.wait_step(Step.IDENTIFIER)
    driver.identifier("demo@example.com")
    driver.wait_step(Step.CAPTCHA)


def test_a_wrong_captcha_says_so_and_brings_a_new_picture(driver: Driver) -> None:
    driver.identifier("demo@example.com")
    driver.wait_step(Step.CAPTCHA)
    driver.captcha_loaded()
    first = driver.child(QLabel, "captcha_image").pixmap().toImage()
    driver.type_into("captcha_input", "WRONG")
    driver.press_next()
    driver.qtbot.waitUntil(lambda: "did not match" in driver.error_text())
    driver.captcha_loaded()
    assert driver.child(QLabel, "captcha_image").pixmap().toImage() != first
    assert driver.line("captcha_input").text() == ""
    assert driver.step is Step.CAPTCHA
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)


def test_an_unknown_account_gets_the_neutral_message(driver: Driver) -> None:
    driver.identifier("nobody@example.com")
    driver.solve_captcha()
    driver.qtbot.waitUntil(lambda: "could not be started" in driver.error_text())
    assert driver.error_button("support_request").isVisible()
    driver.qtbot.mouseClick(driver.error_button("fix_input"), driver_left())
    driver.wait_step(Step.IDENTIFIER)
    assert driver.line("identifier_input").text() == "nobody@example.com"  # nothing typed is lost


def test_wrong_codes_until_a_new_one_is_needed(driver: Driver) -> None:
    code = driver.to_enter_code()
    for shift, left in enumerate((4, 3, 2, 1), start=1):
        driver.type_into("code_input", wrong(code, shift))
        driver.press_next()
        driver.qtbot.waitUntil(lambda left=left: f"Tries left before it is blocked: {left}." in driver.error_text())
        assert driver.step is Step.ENTER_CODE
    # The same refused code again: Verify stays off (it would only burn a try).
    driver.type_into("code_input", wrong(code, 1))
    assert not driver.next_button().isEnabled()
    driver.type_into("code_input", wrong(code, 5))
    driver.press_next()
    driver.qtbot.waitUntil(lambda: "no longer works" in driver.error_text() and "new code" in driver.error_text())
    assert not driver.next_button().isEnabled()
    # The resend waits out the cooldown; the clock is the test's.
    resend = driver.button("resend_button")
    assert not resend.isEnabled()
    driver.clock.advance(60)
    driver.qtbot.waitUntil(resend.isEnabled)
    driver.click("resend_button")
    # Three failures: the service wants a captcha before it sends again.
    driver.wait_step(Step.CAPTCHA)
    assert driver.next_button().text().replace("&", "") == "Send code"
    driver.solve_captcha()
    driver.wait_step(Step.ENTER_CODE)
    driver.enter_code(driver.newest_code(count=2))
    driver.new_password()
    driver.wait_step(Step.DONE)


def test_resend_counts_down_from_the_servers_cooldown(driver: Driver) -> None:
    driver.to_enter_code()
    resend = driver.button("resend_button")
    assert resend.text() == "Resend in 1:00"
    assert not resend.isEnabled()
    driver.clock.advance(45)
    driver.qtbot.waitUntil(lambda: resend.text() == "Resend in 0:15")
    driver.clock.advance(15)
    driver.qtbot.waitUntil(resend.isEnabled)
    assert resend.text().replace("&", "") == "Resend code"
    driver.click("resend_button")
    driver.qtbot.waitUntil(lambda: len(driver.messages()) == 2)
    driver.qtbot.waitUntil(lambda: "new code is on its way" in driver.error_text())
    assert not resend.isEnabled()
    driver.enter_code(driver.newest_code(count=2))
    driver.wait_step(Step.NEW_PASSWORD)


def test_back_from_the_code_page_keeps_the_sent_code(driver: Driver) -> None:
    code = driver.to_enter_code()
    driver.press_back()
    driver.wait_step(Step.SEND_CODE)
    assert "A code was sent to d***@example.com" in driver.child(QLabel, "sent_label").text()
    driver.press_next()
    driver.enter_code(code)
    driver.wait_step(Step.NEW_PASSWORD)


def test_a_rejected_password_shows_the_servers_reason(driver: Driver) -> None:
    driver.enter_code(driver.to_enter_code())
    driver.new_password("Old-pass-1")  # the account's current password
    driver.qtbot.waitUntil(lambda: "used on this account before" in driver.error_text())
    assert driver.step is Step.NEW_PASSWORD
    driver.new_password("Brand-new-77")
    driver.wait_step(Step.DONE)


def test_start_another_recovery_clears_everything(driver: Driver) -> None:
    driver.enter_code(driver.to_enter_code())
    driver.new_password()
    driver.wait_step(Step.DONE)
    driver.click("start_another_button")
    driver.wait_step(Step.IDENTIFIER)
    assert driver.line("identifier_input").text() == ""
    assert driver.messages() == []
    assert driver.wizard.session.state.identifier is None
    for name in ("captcha_input", "code_input", "new_password_input", "confirm_password_input"):
        assert driver.window.findChild(type(driver.line("identifier_input")), name).text() == ""


def test_cancel_asks_then_starts_again(driver: Driver, answer_yes: None) -> None:
    driver.identifier("demo@example.com")
    driver.solve_captcha(press=False)
    driver.qtbot.mouseClick(driver.wizard.cancel_button, driver_left())
    driver.wait_step(Step.IDENTIFIER)
    assert driver.line("identifier_input").text() == ""
    assert driver.window.isVisible()


@pytest.mark.parametrize("typed", ["123 456", "Your code is 123456. It expires in 10 minutes.", "123-456"])
def test_pasted_codes_are_cleaned(driver: Driver, typed: str) -> None:
    driver.to_enter_code()
    field = driver.line("code_input")
    field.clear()
    field.insert(typed)  # what a paste does
    assert field.text() == "123456"


def driver_left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_new_recovery_does_not_inherit_the_last_channel_choice(driver: Driver, answer_yes: None) -> None:
    driver.identifier("demo@example.com")
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)
    driver.click("channel_sms")
    driver.qtbot.waitUntil(lambda: driver.button("send_code_button").isEnabled())
    driver.wizard.reject()  # Cancel: asked, and answered "stop and start again"
    driver.identifier("demo@example.com")
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)
    sms, email, send = driver.button("channel_sms"), driver.button("channel_email"), driver.button("send_code_button")
    assert not sms.isChecked() and not email.isChecked() and not send.isEnabled()
    driver.click("channel_sms")  # the same choice as last time still counts
    driver.qtbot.waitUntil(send.isEnabled)
