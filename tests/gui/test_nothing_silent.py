"""Nothing silent: every press either does something or says why not, and a cooldown shows on its button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from mirecovery_gui.core.flow import Step
from tests.flows import wrong
from tests.gui.conftest import Driver


def test_codes_used_up_show_the_support_way_before_any_send_press(driver: Driver) -> None:
    driver.identifier("limit@example.com")
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)
    driver.qtbot.waitUntil(lambda: "Too many verification codes" in driver.error_text())
    assert driver.error_button("support_request").isVisible()
    assert driver.service.hits("send") == 0  # said from the codes left, not from a refused send
    # Nothing to send today: Send is off, and the keyboard is on the way that is left.
    assert not driver.button("send_code_button").isEnabled()
    driver.qtbot.waitUntil(lambda: QApplication.focusWidget() is driver.error_button("support_request"))
    driver.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    driver.wait_step(Step.LOST_EVERYTHING)
    assert driver.service.hits("send") == 0


def test_back_to_send_again_waits_for_the_same_cooldown_as_resend(driver: Driver) -> None:
    driver.to_enter_code()
    driver.press_back()
    driver.wait_step(Step.SEND_CODE)
    send = driver.button("send_code_button")
    # "Send again" is the same new code as Resend: it counts the same minute down, never a refused send.
    driver.qtbot.waitUntil(lambda: not send.isEnabled() and "Send again in" in send.text())
    driver.clock.advance(61)
    driver.qtbot.waitUntil(send.isEnabled)
    send.click()
    driver.qtbot.waitUntil(lambda: driver.service.hits("send") == 2)


def test_get_a_new_code_counts_down_on_its_button_while_the_cooldown_runs(driver: Driver) -> None:
    code = driver.to_enter_code()
    for shift in range(1, 6):  # five wrong codes block this one
        driver.enter_code(wrong(code, shift))
        driver.qtbot.waitUntil(lambda: driver.error_text() != "" and driver.window.session.busy is None)
    driver.qtbot.waitUntil(lambda: "no longer works" in driver.error_text())
    button = driver.window.findChild(QPushButton, "error_new_code_button")
    driver.qtbot.waitUntil(lambda: not button.isEnabled() and ":" in button.text())
    assert "new code" in button.text().lower()
    driver.clock.advance(61)
    driver.qtbot.waitUntil(button.isEnabled)
    button.click()
    driver.qtbot.waitUntil(lambda: driver.service.hits("send") == 2)  # the new code went out


def test_an_older_code_after_a_resend_says_it_was_replaced(driver: Driver) -> None:
    first = driver.to_enter_code()
    driver.clock.advance(61)
    driver.qtbot.waitUntil(driver.button("resend_button").isEnabled)
    driver.click("resend_button")
    second = driver.newest_code(count=2)
    assert second != first
    driver.enter_code(first)
    driver.qtbot.waitUntil(lambda: "replaced by the newer one" in driver.error_text())
    # The tries still count, so they are still said.
    assert "Tries left before it is blocked: 4." in driver.error_text()


def test_the_help_for_a_code_that_does_not_come_has_a_real_link(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver.to_enter_code()
    driver.click("code_help_button")
    help_label = driver.window.findChild(QLabel, "code_help_label")
    assert help_label.isVisible() and "WhatsApp" in help_label.text() and "3 codes a day" in help_label.text()
    faq = "https://account.xiaomi.com/helpcenter/faq/en_US/02.faqs/05.sms-and-email-verification-code/faq-1"
    assert f"<a href='{faq}'>" in help_label.text()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    help_label.linkActivated.emit(faq)  # what a click or Enter on the link sends
    assert opened == [faq]
