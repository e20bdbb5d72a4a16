"""The new-password page: a password holding the account's phone or email fails the checklist and the meter alike."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from mirecovery_gui.core.flow import Step
from tests.gui.conftest import PASSWORD, Driver

WARNING = "It contains the account's email, phone number or ID."


def to_new_password(driver: Driver, user: str, channel: str) -> None:
    driver.enter_code(driver.to_enter_code(user, channel))
    driver.wait_step(Step.NEW_PASSWORD)


def type_twice(driver: Driver, password: str) -> None:
    driver.type_into("new_password_input", password)
    driver.type_into("confirm_password_input", password)


def identifier_rule(driver: Driver) -> QLabel:
    return driver.child(QLabel, "rule_not_identifier")


@pytest.mark.parametrize(
    ("user", "password"),
    [
        ("+6281200000001", "ab6281200000001"),  # the finding: the international form inside
        ("0812 0000 0001", "Aku081200000001"),  # the national form, as the user typed it
        ("+6281200000001", "Pw81200000001"),  # without the trunk 0
    ],
)
def test_the_phone_inside_the_password_fails_the_checklist_and_the_meter_says_so(
    driver: Driver, user: str, password: str
) -> None:
    to_new_password(driver, user, "channel_sms")
    type_twice(driver, password)

    rule = identifier_rule(driver)
    assert rule.text() == "✗ Does not contain your email, phone number or Mi account ID"
    assert rule.accessibleDescription() == "not met yet"
    advice = driver.child(QLabel, "strength_advice_label")
    assert advice.isVisible() and WARNING in advice.text()
    assert driver.child(QLabel, "match_label").text() == "✓ The two passwords match."
    others = [driver.child(QLabel, f"rule_{name}").text() for name in ("length", "characters", "classes")]
    assert all(text.startswith("✓ ") for text in others)
    assert not driver.next_button().isEnabled()  # the only rule broken is this one, and Reset waits

    driver.qtbot.keyClick(driver.line("confirm_password_input"), Qt.Key.Key_Return)
    assert driver.step is Step.NEW_PASSWORD
    assert driver.service.hits("reset") == 0  # nothing was sent
    assert driver.service.password_of(user) == "Old-pass-2"

    type_twice(driver, PASSWORD)
    assert rule.text() == "✓ Does not contain your email, phone number or Mi account ID"
    assert WARNING not in advice.text()
    driver.press_next()
    driver.wait_step(Step.DONE)
    assert driver.service.password_of(user) == PASSWORD


def test_the_emails_name_inside_the_password_fails_too(driver: Driver) -> None:
    to_new_password(driver, "demo@example.com", "channel_email")
    type_twice(driver, "DEMO-pass-12")
    assert identifier_rule(driver).text().startswith("✗ ")
    assert WARNING in driver.child(QLabel, "strength_advice_label").text()
    assert not driver.next_button().isEnabled()
