"""The details people notice: names, keys, secrets wiped, the hand-off, the self-test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from mirecovery_gui.app import create_main_window
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.widgets.qr_view import qr_image
from mirecovery_gui.training.faults import Fault, FaultKind
from mirecovery_gui.training.server import TrainingServer
from mirecovery_gui.training.service import TrainingService
from tests.conftest import FAST_TIMEOUTS
from tests.gui.conftest import Driver
from tests.tools import decode_qr

DESIGN_NAMES = [
    "recovery_wizard",
    "page_identifier",
    "page_captcha",
    "page_send_code",
    "page_enter_code",
    "page_new_password",
    "page_done",
    "page_lost_everything",
    "identifier_input",
    "lost_everything_button",
    "captcha_image",
    "captcha_refresh_button",
    "captcha_input",
    "channel_sms",
    "channel_email",
    "send_code_button",
    "code_input",
    "resend_button",
    "new_password_input",
    "confirm_password_input",
    "show_password_button",
    "strength_meter",
    "training_phone",
    "training_show_answer_button",
    "training_captcha_answer",
]


def test_every_object_name_of_the_contract_exists(driver: Driver) -> None:
    for step in Step:
        # A page (and its widgets) exists from the first time it is needed: built then, not at start-up.
        driver.wizard.page_for(step)
        assert driver.window.findChild(QWidget, f"page_{step.name.lower()}") is not None, step
    for name in DESIGN_NAMES:
        assert driver.window.findChild(QWidget, name) is not None, name
    for page in driver.wizard.pages.values():
        labels = [label for label in page.findChildren(QLabel) if label.objectName() == "error_label"]
        assert len(labels) == 1, page.objectName()


def test_the_start_page_offers_both_providers(qtbot: QtBot, clock: ManualClock, service: TrainingService) -> None:
    window = create_main_window(["--lang", "en"], clock=clock, training_service=service, timeouts=FAST_TIMEOUTS)
    qtbot.addWidget(window)
    window.show()
    driver = Driver(qtbot, window, service, clock)
    driver.wait_step(Step.START)
    assert "Xiaomi's own page" in driver.button("provider_live").text()
    assert not driver.next_button().isEnabled()  # a conscious choice, not a default
    driver.click("provider_training")
    driver.press_next()
    driver.wait_step(Step.IDENTIFIER)
    assert window.session.training and window.training_phone.isVisible()
    window.close()


def test_enter_on_the_captcha_submits(driver: Driver) -> None:
    driver.identifier("demo@example.com")
    driver.solve_captcha(press=False)
    driver.qtbot.keyClick(driver.line("captcha_input"), Qt.Key.Key_Return)
    driver.wait_step(Step.SEND_CODE)


def test_the_identifier_is_checked_as_typed(driver: Driver) -> None:
    driver.wait_step(Step.IDENTIFIER)
    label = driver.child(QLabel, "validation_label")
    driver.type_into("identifier_input", "0812 0000 0001")
    assert label.text() == "✓ Phone number: +62 812-0000-0001"
    assert driver.next_button().isEnabled()
    driver.type_into("identifier_input", "demo.example.com")
    assert not driver.next_button().isEnabled()
    driver.qtbot.waitUntil(lambda: "needs an @" in label.text())


def test_secrets_are_wiped_when_going_back(driver: Driver) -> None:
    code = driver.to_enter_code()
    driver.type_into("code_input", code[:3])
    driver.press_back()
    driver.wait_step(Step.SEND_CODE)
    assert driver.window.findChild(QLineEdit, "code_input").text() == ""
    driver.press_back()
    driver.wait_step(Step.CAPTCHA)
    assert driver.line("captcha_input").text() == ""
    assert driver.child(QLabel, "training_captcha_answer").text() == ""
    driver.solve_captcha()  # the old picture was spent: a new one came
    driver.wait_step(Step.SEND_CODE)


def test_passwords_are_wiped_after_the_reset(driver: Driver) -> None:
    driver.enter_code(driver.to_enter_code())
    driver.new_password()
    driver.wait_step(Step.DONE)
    for name in ("new_password_input", "confirm_password_input", "code_input", "captcha_input"):
        assert driver.window.findChild(QLineEdit, name).text() == ""


def test_the_password_page_shows_the_rules_strength_and_match(driver: Driver) -> None:
    driver.enter_code(driver.to_enter_code())
    driver.wait_step(Step.NEW_PASSWORD)
    driver.type_into("new_password_input", "password")
    rules = {label.objectName(): label.text() for label in driver.wizard.currentPage().findChildren(QLabel)}
    assert rules["rule_length"].startswith("✓")
    assert rules["rule_classes"].startswith("✗")
    level = driver.child(QLabel, "strength_level_label").text()
    assert level.startswith("Strength: very weak")
    assert "most used passwords" in driver.child(QLabel, "strength_advice_label").text()
    driver.type_into("confirm_password_input", "passwor")
    assert "do not match" in driver.child(QLabel, "match_label").text()
    assert not driver.next_button().isEnabled()
    driver.click("show_password_button")
    assert driver.line("new_password_input").echoMode() == QLineEdit.EchoMode.Normal
    assert driver.line("confirm_password_input").echoMode() == QLineEdit.EchoMode.Normal


def test_a_rejected_password_shows_the_servers_words(driver: Driver) -> None:
    driver.enter_code(driver.to_enter_code())
    driver.new_password("Old-pass-1")
    driver.qtbot.waitUntil(lambda: "used on this account before" in driver.error_text())
    detail = driver.wizard.currentPage().findChild(QLabel, "error_detail_label")
    assert detail.text() == "Xiaomi says: The new password must differ from the current one."


def test_without_qt_webengine_the_direct_profile_hands_over_to_the_website_outside(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(QUrl(url).toString()) or True)
    )
    # PySide6-Addons not installed (or its libraries missing): importing Qt WebEngine fails, for real.
    monkeypatch.setitem(sys.modules, "PySide6.QtWebEngineWidgets", None)
    monkeypatch.setitem(sys.modules, "mirecovery_gui.gui.widgets.official_view", None)
    with TrainingServer(service) as server:
        # The live profile, pointed at loopback: nothing goes to Xiaomi.
        window = create_main_window(
            ["--lang", "en", "--real-account", "direct"], clock=clock, training_service=service, timeouts=FAST_TIMEOUTS
        )
        qtbot.addWidget(window)
        window.show()
        window.app.providers.use("xiaomi", server_url=server.url)
        driver = Driver(qtbot, window, service, clock)
        service.faults.add(Fault(FaultKind.NO_PREFIX, step="captcha"))
        driver.identifier("demo@example.com")
        # An answer the direct profile does not understand: Xiaomi's website takes over at once.
        driver.wait_step(Step.OFFICIAL_SITE)
        assert not window.training_phone.isVisible()
        intro = window.wizard.currentPage().findChild(QLabel, "page_intro").text()
        assert "could not go on with Xiaomi's answer" in intro
        qtbot.waitUntil(driver.button("open_site_button").isVisible)
        driver.click("open_site_button")
        assert opened == ["https://account.xiaomi.com/pass/forgetPassword"]
        assert window.findChild(QWidget, "qr_view").text == "https://account.xiaomi.com/pass/forgetPassword"
        window.close()


def test_the_qr_code_decodes_to_the_address(tmp_path: Path) -> None:
    url = "https://account.xiaomi.com/pass/forgetPassword"
    path = tmp_path / "qr.png"
    assert qr_image(url).save(str(path))
    assert decode_qr(path) == [url]


def test_the_self_test_passes_and_leaves_the_shops_data_alone(private_home: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mirecovery_gui", "--self-test"], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("self-test ok")
    assert out.stderr == ""  # no Qt noise, no warnings
    # Run beside an open window, it must not add a case to the shop's log or see that window's case.
    assert not (private_home / "data" / "mirecovery.sqlite3").exists()


def secret_formats() -> list[str]:
    data = QApplication.clipboard().mimeData()
    return [kind for kind in data.formats() if kind != "text/plain"] if data is not None else []


def test_a_suggested_password_is_strong_and_its_copy_does_not_linger(driver: Driver) -> None:
    driver.enter_code(driver.to_enter_code())
    driver.wait_step(Step.NEW_PASSWORD)
    driver.click("suggest_password_button")
    new, again = driver.line("new_password_input"), driver.line("confirm_password_input")
    suggested = new.text()
    assert suggested and again.text() == suggested
    assert new.echoMode() == QLineEdit.EchoMode.Normal  # shown, so the owner can write it down
    assert driver.next_button().isEnabled()  # every rule met, the two fields match
    assert driver.child(QLabel, "strength_level_label").text().startswith("Strength: very strong")

    driver.click("copy_password_button")
    clipboard = QApplication.clipboard()
    assert clipboard.text() == suggested
    assert "x-kde-passwordManagerHint" in secret_formats()  # password managers and history keep out
    assert any("CanIncludeInClipboardHistory" in kind for kind in secret_formats())
    note = driver.child(QLabel, "clipboard_label")
    assert note.isVisible() and "0:30" in note.text()

    driver.clock.advance(29)
    driver.qtbot.waitUntil(lambda: "0:01" in note.text())
    assert clipboard.text() == suggested
    driver.clock.advance(1)
    driver.qtbot.waitUntil(lambda: clipboard.text() == "")
    assert not note.isVisible()


def test_something_copied_afterwards_is_left_alone(driver: Driver) -> None:
    driver.enter_code(driver.to_enter_code())
    driver.wait_step(Step.NEW_PASSWORD)
    driver.click("suggest_password_button")
    driver.click("copy_password_button")
    QApplication.clipboard().setText("the customer's own note")
    driver.clock.advance(31)
    note = driver.child(QLabel, "clipboard_label")
    driver.qtbot.waitUntil(lambda: not note.isVisible())
    assert QApplication.clipboard().text() == "the customer's own note"


def test_quitting_and_the_next_customer_clear_a_copied_password(driver: Driver, answer_yes: None) -> None:
    driver.enter_code(driver.to_enter_code())
    driver.wait_step(Step.NEW_PASSWORD)
    driver.click("suggest_password_button")
    driver.click("copy_password_button")
    assert QApplication.clipboard().text()
    driver.wizard.start_over()
    assert QApplication.clipboard().text() == ""
    driver.enter_code(driver.to_enter_code())
    driver.wait_step(Step.NEW_PASSWORD)
    driver.click("suggest_password_button")
    driver.click("copy_password_button")
    driver.window.close()
    assert QApplication.clipboard().text() == ""


def test_a_link_nothing_can_open_is_offered_to_copy_and_the_log_names_no_content(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from PySide6.QtWidgets import QDialog, QPlainTextEdit, QPushButton

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))  # no mail app, no browser
    request = "Hello Xiaomi support,\nOwner: Siti Rahma, siti.rahma@example.com"
    with caplog.at_level("DEBUG"):
        assert not driver.wizard.open_url("mailto:service@example.com?subject=x&body=Siti%20Rahma", request)
    dialog = driver.window.findChild(QDialog, "copy_offer_dialog")
    driver.qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert "No mail app" in dialog.findChild(QLabel, "copy_offer_label").text()
    assert "service@example.com" in dialog.findChild(QLabel, "copy_offer_label").text()
    assert dialog.findChild(QPlainTextEdit, "copy_offer_text").toPlainText() == request
    dialog.findChild(QPushButton, "copy_offer_button").click()
    assert QApplication.clipboard().text() == request
    assert "Siti" not in caplog.text and "could not open a mail link" in caplog.text
    dialog.reject()


def test_a_help_centre_no_browser_can_open_names_its_address_beside_the_request(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QPlainTextEdit

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    request = "Hello Xiaomi support,\nMi account ID: 1234567890"
    assert not driver.wizard.open_url("https://account.xiaomi.com/helpcenter", request)
    dialog = driver.window.findChild(QDialog, "copy_offer_dialog")
    driver.qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    # The request is in the box to copy; the page to paste it into is named in the words above it.
    assert "https://account.xiaomi.com/helpcenter" in dialog.findChild(QLabel, "copy_offer_label").text()
    assert dialog.findChild(QPlainTextEdit, "copy_offer_text").toPlainText() == request
    dialog.reject()


def test_a_suggested_password_not_copied_is_asked_about_before_the_reset(
    driver: Driver, service: TrainingService
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.gui.conftest import answering

    driver.enter_code(driver.to_enter_code())
    driver.wait_step(Step.NEW_PASSWORD)
    driver.click("suggest_password_button")
    suggested = driver.line("new_password_input").text()
    with answering(QMessageBox.ButtonRole.NoRole):  # "Not yet": back to the field, nothing sent
        driver.press_next()
        driver.qtbot.waitUntil(lambda: driver.line("new_password_input").hasFocus())
    assert driver.step is Step.NEW_PASSWORD and driver.line("new_password_input").text() == suggested
    assert service.password_of("demo@example.com") != suggested
    driver.click("copy_password_button")  # copied: no question
    driver.press_next()
    driver.wait_step(Step.DONE)
    assert service.password_of("demo@example.com") == suggested


def test_qt_warnings_about_a_link_keep_the_link_out_of_the_log(caplog: pytest.LogCaptureFixture) -> None:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from mirecovery_gui.app import _on_qt_message

    with caplog.at_level("DEBUG"):
        _on_qt_message(
            QtMsgType.QtWarningMsg,
            QMessageLogContext(),
            "Unable to detect a web browser to launch 'https://account.xiaomi.com/helpcenter/x'",
        )
    assert "Unable to detect a web browser" in caplog.text
    assert "account.xiaomi.com" not in caplog.text and "https://<link>" in caplog.text


def test_the_training_phone_starts_empty_for_the_next_customer(driver: Driver) -> None:
    """After a new recovery, the training phone holds nothing of the last customer (their code), even when
    it asks the server before the next customer's recovery has begun."""
    from PySide6.QtWidgets import QListWidget, QMessageBox

    from tests.gui.conftest import answering

    driver.to_enter_code()  # the first customer: a code by email
    phone = driver.child(QListWidget, "training_phone")
    driver.qtbot.waitUntil(lambda: phone.count() == 1)
    with answering(QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole):
        driver.window.new_action.trigger()
        driver.wait_step(Step.IDENTIFIER)
    assert phone.count() == 0
    driver.clock.advance(1)
    with driver.qtbot.waitSignal(driver.window.training_phone.checked):
        driver.click("training_refresh_button")  # the server still holds the last customer's code
    assert phone.count() == 0
