"""The shop case log, the history window, settings, erasure and the secrets audit."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from mirecovery_gui.app import SETTINGS_FILE
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step, SupportScreen
from mirecovery_gui.gui.history import HistoryWindow
from mirecovery_gui.logs import configure_logging, remove_handlers
from mirecovery_gui.store.cases import Case, CaseLog, CaseQuery, Outcome
from mirecovery_gui.store.paths import config_dir, log_dir
from mirecovery_gui.store.settings import Settings, save_settings
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import PASSWORD, Driver, open_window, using_dialog, while_dialogs_open
from tests.tools import pdf_text


def case_log(driver: Driver) -> CaseLog:
    log = driver.window.app.stores.case_log()
    assert log is not None
    log.database.writer.flush()
    return log  # type: ignore[no-any-return]


def recover(driver: Driver, user: str = "demo@example.com") -> None:
    driver.enter_code(driver.to_enter_code(user))
    driver.new_password()
    driver.wait_step(Step.DONE)


def test_a_recovery_is_recorded_with_a_masked_identifier(shop: Driver) -> None:
    shop.wait_step(Step.IDENTIFIER)
    shop.type_into("customer_name_input", "Budi Santoso")
    shop.type_into("customer_contact_input", "0813 1111 2222")
    recover(shop)
    cases = case_log(shop).search(CaseQuery())
    assert len(cases) == 1
    case = cases[0]
    assert case.identifier_kind == "email" and case.identifier_masked == "d***@example.com"
    assert case.outcome is Outcome.PASSWORD_RESET and case.closed_at
    assert [step for step, _ in case.steps] == ["captcha", "send_code", "enter_code", "new_password", "done"]
    assert (case.staff, case.customer_name, case.customer_contact, case.provider) == (
        "Sari",
        "Budi Santoso",
        "0813 1111 2222",
        "training",
    )


def test_a_support_request_case_keeps_device_imei_and_checklist(shop: Driver) -> None:
    shop.wait_step(Step.IDENTIFIER)
    shop.type_into("identifier_input", "1234567890")
    shop.click("lost_everything_button")
    shop.wait_step(Step.LOST_EVERYTHING)
    shop.type_into("support_imei_input", "35-209900-176148-1")
    shop.type_into("support_model_input", "Redmi Note 12")
    shop.type_into("support_owner_name_input", "Budi Santoso")
    box = shop.window.findChild(
        type(shop.wizard.page_for(Step.LOST_EVERYTHING).details.checklist_box), "shop_checklist"
    )  # type: ignore[attr-defined]
    box.setChecked(True)
    shop.click("check_box_imei")
    shop.type_into("check_by_input", "Sari")
    shop.to_support_screen(SupportScreen.SEND)
    shop.click("copy_request_button")
    case = case_log(shop).search(CaseQuery())[0]
    assert case.outcome is Outcome.SUPPORT_REQUEST
    assert (case.device_model, case.imei, case.customer_name) == ("Redmi Note 12", "352099001761481", "Budi Santoso")
    assert case.checklist == {
        "proof_of_purchase_seen": False,
        "box_imei_matches": True,
        "owner_identity_checked": False,
        "checked_by": "Sari",
    }
    assert case.identifier_masked == "12******90" and case.draft_id


def test_starting_another_recovery_closes_the_case_as_stopped(shop: Driver) -> None:
    shop.identifier("demo@example.com")
    shop.solve_captcha()
    shop.wait_step(Step.SEND_CODE)
    shop.wizard.start_over()
    case = case_log(shop).search(CaseQuery())[0]
    assert case.outcome is Outcome.ABANDONED and case.last_step == "send_code"


def history(driver: Driver) -> HistoryWindow:
    driver.window.findChild(type(driver.window.settings_action), "history_action").trigger()
    window = driver.window.findChild(HistoryWindow, "history_window")
    assert window is not None and window.isVisible()
    return window  # type: ignore[no-any-return]


def test_finding_yesterdays_customer_and_reprinting_the_request(
    shop: Driver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Yesterday: a support request for Budi.
    shop.wait_step(Step.IDENTIFIER)
    shop.type_into("identifier_input", "1234567890")
    shop.click("lost_everything_button")
    shop.wait_step(Step.LOST_EVERYTHING)
    shop.type_into("support_imei_input", "490154203237518")
    shop.type_into("support_owner_name_input", "Budi Santoso")
    shop.window.session.save_support()
    log = case_log(shop)
    case = log.search(CaseQuery())[0]
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    case.opened_at = yesterday.isoformat(timespec="seconds")
    log.save(case)
    # Today: another customer.
    log.save(Case("training", customer_name="Sari Dewi"))
    log.database.writer.flush()

    window = history(shop)
    table = window.findChild(QTableView, "history_table")
    period = window.findChild(QComboBox, "history_period_combo")
    period.setCurrentIndex(period.findData("yesterday"))
    shop.qtbot.keyClicks(window.findChild(QLineEdit, "history_search_input"), "budi")
    shop.qtbot.waitUntil(lambda: table.model().rowCount() == 1 and "Budi" in table.model().index(0, 1).data())
    assert "490154203237518" in window.findChild(QLabel, "history_details_label").text()

    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    target = tmp_path / "reprint.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return int(QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    reprint = window.findChild(QAbstractButton, "history_reprint_button")
    shop.qtbot.waitUntil(reprint.isEnabled)  # the request is read off the window's thread
    shop.qtbot.mouseClick(reprint, Qt.MouseButton.LeftButton)
    text = pdf_text(target)
    assert "1234567890" in text and "490154203237518" in text


def test_notes_and_csv_export(shop: Driver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    recover(shop)
    log = case_log(shop)
    log.save(Case("live", customer_name="=cmd|' /C calc'!A0"))
    window = history(shop)
    table = window.findChild(QTableView, "history_table")
    shop.qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    table.selectRow(1)
    notes = window.notes_input
    notes.setPlainText("Customer came back with the box.")
    shop.qtbot.mouseClick(window.findChild(QAbstractButton, "history_save_notes_button"), Qt.MouseButton.LeftButton)
    log.database.writer.flush()
    assert any(case.notes == "Customer came back with the box." for case in log.search(CaseQuery()))
    target = tmp_path / "cases.csv"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    shop.qtbot.mouseClick(window.findChild(QAbstractButton, "history_csv_button"), Qt.MouseButton.LeftButton)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0][:3] == ["Opened", "Customer", "Account"] and len(rows) == 3
    assert "'=cmd|' /C calc'!A0" in [row[1] for row in rows]  # no formula injection


def test_deleting_a_customers_data(shop: Driver, answer_yes: None) -> None:
    recover(shop)
    window = history(shop)
    table = window.findChild(QTableView, "history_table")
    shop.qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    shop.qtbot.mouseClick(window.findChild(QAbstractButton, "history_delete_button"), Qt.MouseButton.LeftButton)
    shop.qtbot.waitUntil(lambda: table.model().rowCount() == 0)
    assert case_log(shop).search(CaseQuery()) == []


def test_the_history_is_a_shop_mode_thing(driver: Driver) -> None:
    assert not driver.window.history_action.isVisible()
    assert not driver.window.findChild(QLineEdit, "customer_name_input").isVisibleTo(driver.window)


def test_turning_recording_off_records_nothing(qtbot: QtBot, clock: ManualClock, service: TrainingService) -> None:
    save_settings(config_dir() / SETTINGS_FILE, Settings(record_cases=False))
    window = open_window(qtbot, clock, service)
    driver = Driver(qtbot, window, service, clock)
    recover(driver)
    assert case_log(driver).search(CaseQuery()) == []
    window.close()


def test_old_cases_are_purged_at_start(qtbot: QtBot, clock: ManualClock, service: TrainingService) -> None:
    save_settings(config_dir() / SETTINGS_FILE, Settings(retention_days=30))
    first = open_window(qtbot, clock, service)
    log = case_log(Driver(qtbot, first, service, clock))
    old = Case("live", customer_name="old customer")
    log.save(old)
    log.database.writer.flush()
    stamp = (dt.datetime.now(dt.UTC) - dt.timedelta(days=31)).isoformat(timespec="seconds")
    log.database.writer.submit("age", lambda c: c.execute("UPDATE cases SET updated_at = ?", (stamp,)))
    log.database.writer.flush()
    first.close()
    second = open_window(qtbot, clock, service)
    driver = Driver(qtbot, second, service, clock)
    qtbot.waitUntil(lambda: second.app.stores.case_log() is not None)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: case_log(driver).search(CaseQuery()) == [])
    second.close()


def test_a_damaged_settings_file_is_replaced_with_a_message(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    (config_dir() / SETTINGS_FILE).write_text("{{{", encoding="utf-8")
    window = open_window(qtbot, clock, service)
    notice = window.findChild(QLabel, "notice_label")
    qtbot.waitUntil(lambda: notice.isVisible() and "settings file was damaged" in notice.text())
    assert list(config_dir().glob(f"{SETTINGS_FILE}.damaged-*"))
    assert json.loads((config_dir() / SETTINGS_FILE).read_text(encoding="utf-8"))["shop_mode"] is False
    window.close()


def test_settings_turn_shop_mode_on_and_erase_everything(driver: Driver, answer_yes: None) -> None:
    from mirecovery_gui.gui.settings_dialog import SettingsDialog

    recover(driver)
    driven: list[SettingsDialog] = []

    def use_the_dialog(dialog: SettingsDialog) -> None:
        driven.append(dialog)
        dialog.shop_mode_checkbox.setChecked(True)
        dialog.staff_input.setText("Sari")
        dialog.erase_button.click()  # asks first; answer_yes presses the real dialog's Yes
        dialog.accept()

    with while_dialogs_open(using_dialog(SettingsDialog, use_the_dialog)):
        driver.window.settings_action.trigger()
    assert driven
    assert driver.window.history_action.isVisible()
    assert case_log(driver).search(CaseQuery()) == []
    saved = json.loads((config_dir() / SETTINGS_FILE).read_text(encoding="utf-8"))
    assert saved["shop_mode"] is True and saved["staff_name"] == "Sari"


def test_the_secrets_audit(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, private_home: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A whole recovery and a support request with everything logged: no secret anywhere on disk or on screen output,
    personal data only in the case database."""
    configure_logging(log_dir(), level=logging.DEBUG)
    try:
        save_settings(config_dir() / SETTINGS_FILE, Settings(shop_mode=True, staff_name="Sari"))
        window = open_window(qtbot, clock, service)
        driver = Driver(qtbot, window, service, clock)
        driver.identifier("demo@example.com")
        driver.wait_step(Step.CAPTCHA)
        driver.captcha_loaded()
        driver.click("training_show_answer_button")
        answer_label = driver.child(QLabel, "training_captcha_answer")
        qtbot.waitUntil(lambda: bool(answer_label.text()))
        captcha_answer = answer_label.text()
        driver.type_into("captcha_input", captcha_answer)
        driver.press_next()
        driver.send()
        code = driver.newest_code()
        client = window.wizard.runner.client  # type: ignore[union-attr]
        cookies = [cookie.value for cookie in client._session.cookies if cookie.value]  # type: ignore[union-attr]
        driver.enter_code(code)
        driver.new_password(PASSWORD)
        driver.wait_step(Step.DONE)
        ticket = [c for c in client._session.cookies if c.name == "passToken"]  # type: ignore[union-attr]
        secrets = {"password": PASSWORD, "code": code, "captcha answer": captcha_answer}
        secrets |= {f"cookie {i}": value for i, value in enumerate(cookies + [c.value for c in ticket])}
        # Then a support request with personal data.
        driver.wizard.start_over()
        driver.type_into("identifier_input", "1234567890")
        driver.click("lost_everything_button")
        driver.wait_step(Step.LOST_EVERYTHING)
        driver.type_into("support_imei_input", "352099001761481")
        driver.type_into("support_owner_name_input", "Zebulon Quartz")
        window.close()
        for handler in logging.getLogger().handlers:
            handler.flush()
    finally:
        remove_handlers()
    captured = capfd.readouterr()
    files = [path for path in private_home.rglob("*") if path.is_file()]
    assert any(path.name == "mirecovery.log" and path.stat().st_size > 0 for path in files)
    for path in files:
        data = path.read_bytes()
        for name, secret in secrets.items():
            assert secret.encode() not in data, f"{name} found in {path.relative_to(private_home)}"
        if not path.name.startswith("mirecovery.sqlite3"):
            for personal in ("352099001761481", "Zebulon Quartz", "demo@example.com", "1234567890"):
                assert personal.encode() not in data, f"{personal} found in {path.relative_to(private_home)}"
    for name, secret in secrets.items():
        assert secret not in captured.out and secret not in captured.err, f"{name} printed"
    assert "demo@example.com" not in captured.out + captured.err


def test_settings_say_what_each_real_account_mode_promises(driver: Driver) -> None:
    from mirecovery_gui.gui.settings_dialog import SettingsDialog

    said: dict[str, str] = {}

    def use_the_dialog(dialog: SettingsDialog) -> None:
        combo, label = dialog.real_account_combo, dialog.real_account_label
        said[str(combo.currentData())] = label.text()
        combo.setCurrentIndex(combo.findData("direct"))
        said["direct"] = label.text()
        dialog.reject()

    with while_dialogs_open(using_dialog(SettingsDialog, use_the_dialog)):
        driver.window.settings_action.trigger()
    assert said["embedded"].startswith("Recommended.") and "cannot see whether it worked" in said["embedded"]
    assert said["direct"].startswith("Experimental.") and "hands over to Xiaomi's page" in said["direct"]
