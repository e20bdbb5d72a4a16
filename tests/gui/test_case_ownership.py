"""Each customer's data on their own case, through the real window in shop mode.

These are the walk-through's findings, one test each: the next customer's
case held the last one's name; "lost everything" reopened the last
customer's request; Delete all left the data on disk; History notes vanished
at the next step; an old History view reopened a finished case; a reprint
was not the letter that was sent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QPlainTextEdit, QTableView
from pytestqt.qtbot import QtBot

from mirecovery_gui.__main__ import main as command_line
from mirecovery_gui.app import SETTINGS_FILE
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step, SupportScreen
from mirecovery_gui.gui.history import HistoryWindow
from mirecovery_gui.store.cases import Case, CaseLog, CaseQuery, Outcome
from mirecovery_gui.store.paths import config_dir
from mirecovery_gui.store.settings import Settings, save_settings
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import Driver, open_window, using_dialog, while_dialogs_open
from tests.tools import pdf_text

FIRST = {"name": "Ani Wijaya", "contact": "ani.wijaya@example.com"}
REQUEST = {
    "support_account_id_input": "1234567890",
    "support_imei_input": "490154203237518",
    "support_model_input": "Test phone 7",
    "support_owner_name_input": "Citra Lestari",
    "support_contact_email_input": "citra.lestari@example.com",
}


def case_log(driver: Driver) -> CaseLog:
    log = driver.window.app.stores.case_log()
    assert log is not None
    driver.window.app.stores.flush()
    return log  # type: ignore[no-any-return]


def cases_by_account(driver: Driver) -> dict[str, Case]:
    return {case.identifier_masked: case for case in case_log(driver).search(CaseQuery())}


def recover(driver: Driver, user: str) -> None:
    driver.enter_code(driver.to_enter_code(user))
    driver.new_password()
    driver.wait_step(Step.DONE)


def customer(driver: Driver, name: str, contact: str) -> None:
    driver.wait_step(Step.IDENTIFIER)
    driver.type_into("customer_name_input", name)
    driver.type_into("customer_contact_input", contact)


def support_request(driver: Driver, values: dict[str, str] = REQUEST) -> None:
    driver.wait_step(Step.IDENTIFIER)
    driver.click("lost_everything_button")
    driver.wait_step(Step.LOST_EVERYTHING)
    for name, value in values.items():
        driver.type_into(name, value)


def open_history(driver: Driver) -> HistoryWindow:
    driver.window.history_action.trigger()
    window = driver.window.findChild(HistoryWindow, "history_window")
    assert window is not None and window.isVisible()
    driver.qtbot.waitUntil(lambda: not window.searching)  # History reads off the window's thread
    return window  # type: ignore[no-any-return]


def select_case(driver: Driver, history: HistoryWindow, masked: str) -> None:
    table = history.findChild(QTableView, "history_table")
    driver.qtbot.waitUntil(lambda: any(case.identifier_masked == masked for case in history.model.cases))
    table.selectRow(next(i for i, case in enumerate(history.model.cases) if case.identifier_masked == masked))


def test_the_next_customers_case_holds_none_of_the_last_ones_data(shop: Driver) -> None:
    customer(shop, FIRST["name"], FIRST["contact"])
    recover(shop, "demo@example.com")
    shop.click("start_another_button")
    shop.wait_step(Step.IDENTIFIER)
    assert shop.line("customer_name_input").text() == "" and shop.line("customer_contact_input").text() == ""
    recover(shop, "0812 0000 0001")  # nobody's name typed this time
    cases = cases_by_account(shop)
    first, second = cases["d***@example.com"], cases["+62*****0001"]
    assert (first.customer_name, first.customer_contact) == (FIRST["name"], FIRST["contact"])
    assert (second.customer_name, second.customer_contact) == ("", "")


def test_lost_everything_without_an_identifier_shows_an_empty_request(shop: Driver) -> None:
    support_request(shop)
    shop.window.new_action.trigger()  # the next customer
    support_request(shop, {})
    for name in REQUEST:
        assert shop.line(name).text() == "", name
    # The earlier request is there to pick, not opened behind the user's back.
    combo = shop.window.findChild(QComboBox, "drafts_combo")
    items = [combo.itemText(i) for i in range(combo.count())]
    assert "Citra Lestari" not in combo.currentText() and any("Citra Lestari" in item for item in items)


def test_after_delete_all_and_closing_no_file_holds_the_deleted_data(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, private_home: Path, answer_yes: None
) -> None:
    from mirecovery_gui.gui.settings_dialog import SettingsDialog

    save_settings(config_dir() / SETTINGS_FILE, Settings(shop_mode=True, staff_name="Sari"))
    window = open_window(qtbot, clock, service)
    driver = Driver(qtbot, window, service, clock)
    customer(driver, FIRST["name"], FIRST["contact"])
    recover(driver, "demo@example.com")
    driver.click("start_another_button")
    support_request(driver)  # and still on screen when everything is deleted
    qtbot.waitUntil(lambda: on_disk(private_home, REQUEST["support_imei_input"]))  # the autosave wrote it
    assert on_disk(private_home, FIRST["name"])

    def erase(dialog: SettingsDialog) -> None:
        dialog.erase_button.click()  # asks first; answer_yes presses the real dialog's Yes
        dialog.accept()

    with while_dialogs_open(using_dialog(SettingsDialog, erase)):
        window.settings_action.trigger()
    assert window.wizard.current_step is Step.IDENTIFIER
    window.close()

    deleted = [FIRST["name"], FIRST["contact"], *REQUEST.values()]
    assert [value for value in deleted if on_disk(private_home, value)] == []


def test_deleting_one_customer_leaves_no_copy_of_them(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, private_home: Path, answer_yes: None
) -> None:
    save_settings(config_dir() / SETTINGS_FILE, Settings(shop_mode=True, staff_name="Sari"))
    window = open_window(qtbot, clock, service)
    driver = Driver(qtbot, window, service, clock)
    support_request(driver)  # on screen while its case is deleted from the history
    qtbot.waitUntil(lambda: on_disk(private_home, REQUEST["support_imei_input"]))
    history = open_history(driver)
    select_case(driver, history, "12******90")
    qtbot.mouseClick(history.findChild(QAbstractButton, "history_delete_button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not history.model.cases)
    assert window.wizard.current_step is Step.IDENTIFIER  # the case on screen let go first
    window.close()
    assert [value for value in REQUEST.values() if on_disk(private_home, value)] == []


def on_disk(home: Path, value: str) -> bool:
    """Whether any file under ``home`` (database, -wal, -shm, logs, settings) holds ``value``."""
    return any(value.encode() in path.read_bytes() for path in home.rglob("*") if path.is_file())


def test_history_notes_survive_the_next_step(shop: Driver) -> None:
    shop.identifier("demo@example.com")
    shop.solve_captcha()
    shop.wait_step(Step.SEND_CODE)
    history = open_history(shop)
    select_case(shop, history, "d***@example.com")
    history.findChild(QPlainTextEdit, "history_notes_input").setPlainText("Comes back at three.")
    shop.qtbot.mouseClick(history.findChild(QAbstractButton, "history_save_notes_button"), Qt.MouseButton.LeftButton)
    shop.qtbot.waitUntil(lambda: history.status_label.text() == "Notes saved.")
    shop.send("channel_email")
    shop.wait_step(Step.ENTER_CODE)
    case = cases_by_account(shop)["d***@example.com"]
    assert case.notes == "Comes back at three." and case.last_step == "enter_code"


def test_a_done_case_stays_done_when_an_older_history_view_saves_notes(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    save_settings(config_dir() / SETTINGS_FILE, Settings(shop_mode=True, staff_name="Sari"))
    window = open_window(qtbot, clock, service)
    shop = Driver(qtbot, window, service, clock)
    shop.identifier("demo@example.com")
    shop.solve_captcha()
    history = open_history(shop)
    select_case(shop, history, "d***@example.com")  # seen while it was still open
    shop.send("channel_email")
    shop.enter_code(shop.newest_code())
    shop.new_password()
    shop.wait_step(Step.DONE)
    history.findChild(QPlainTextEdit, "history_notes_input").setPlainText("Owner signed in again.")
    shop.qtbot.mouseClick(history.findChild(QAbstractButton, "history_save_notes_button"), Qt.MouseButton.LeftButton)
    shop.qtbot.waitUntil(lambda: history.status_label.text() == "Notes saved.")
    case = cases_by_account(shop)["d***@example.com"]
    assert case.outcome is Outcome.PASSWORD_RESET and case.notes == "Owner signed in again."
    window.close()
    # The next start offers nothing to resume: the case is done.
    again = open_window(qtbot, clock, service)
    qtbot.waitUntil(lambda: again.app.stores.case_log() is not None)
    assert again.session.interrupted_case() is None
    again.close()


def test_historys_reprint_is_the_pages_letter_and_the_command_lines(
    shop: Driver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    support_request(shop)
    shop.to_support_screen(SupportScreen.SEND)
    letter = shop.window.findChild(QPlainTextEdit, "support_preview").toPlainText()
    assert "Indonesia (ID)" in letter  # the country in words, everywhere
    pdfs = {name: tmp_path / f"{name}.pdf" for name in ("page", "history", "cli")}
    target: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target[-1]), "")))
    target.append(pdfs["page"])
    shop.click("pdf_request_button")  # handed over: the case is a support request now

    history = open_history(shop)
    select_case(shop, history, "12******90")
    target.append(pdfs["history"])
    shop.qtbot.waitUntil(history.pdf_button.isEnabled)  # the request is read off the window's thread
    shop.qtbot.mouseClick(history.findChild(QAbstractButton, "history_pdf_button"), Qt.MouseButton.LeftButton)

    flags = [
        "support-request",
        "--account-id", REQUEST["support_account_id_input"],
        "--imei", REQUEST["support_imei_input"],
        "--model", REQUEST["support_model_input"],
        "--owner-name", REQUEST["support_owner_name_input"],
        "--contact-email", REQUEST["support_contact_email_input"],
        "--country", "ID",
        "--lang", "en",
    ]  # fmt: skip
    capsys.readouterr()
    assert command_line(flags) == 0
    assert capsys.readouterr().out == letter
    assert command_line([*flags, "--format", "pdf", "-o", str(pdfs["cli"])]) == 0
    texts = {name: pdf_text(path) for name, path in pdfs.items()}
    assert texts["page"] == texts["history"] == texts["cli"]
    assert "490154203237518" in texts["page"]


def test_history_offers_save_and_print_only_for_a_ready_request(shop: Driver) -> None:
    support_request(shop, {"support_account_id_input": "1234567890", "support_owner_name_input": "Eko"})
    shop.window.session.save_support()  # no IMEI yet: not ready
    history = open_history(shop)
    select_case(shop, history, "12******90")
    shop.qtbot.waitUntil(lambda: not history.searching)  # the request read, and found not ready
    assert not history.pdf_button.isEnabled() and not history.reprint_button.isEnabled()
    shop.type_into("support_imei_input", REQUEST["support_imei_input"])
    shop.window.session.save_support()
    history.refresh()
    shop.qtbot.waitUntil(lambda: not history.searching)
    select_case(shop, history, "12******90")
    shop.qtbot.waitUntil(lambda: history.pdf_button.isEnabled() and history.reprint_button.isEnabled())


def test_practising_on_xiaomis_page_after_a_recovery_leaves_that_customers_case_as_it_ended(shop: Driver) -> None:
    pytest.importorskip("PySide6.QtWebEngineWidgets")
    customer(shop, FIRST["name"], FIRST["contact"])
    recover(shop, "demo@example.com")
    shop.window.practice_site_action.trigger()
    shop.wait_step(Step.OFFICIAL_SITE)
    finished = cases_by_account(shop)["d***@example.com"]
    assert (finished.outcome, finished.last_step) == (Outcome.PASSWORD_RESET, "done")
    assert finished.customer_name == FIRST["name"]
