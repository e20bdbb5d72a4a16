"""The support-request page through the real window: fields, outputs, drafts."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QComboBox, QFileDialog, QGroupBox, QLabel, QPlainTextEdit, QTabWidget
from pytestqt.qtbot import QtBot

from mirecovery_gui.app import create_main_window
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.core.support_request import QR_MAX, mail_link
from mirecovery_gui.training.service import TrainingService
from tests.conftest import FAST_TIMEOUTS
from tests.gui.conftest import Driver
from tests.tools import decode_qr, pdf_text

FACTS = {
    "support_imei_input": "35-209900-176148-1",
    "support_model_input": "Redmi Note 12",
    "support_owner_name_input": "Budi Santoso",
    "support_contact_email_input": "budi.baru@gmail.com",
}


def open_page(driver: Driver, identifier: str = "1234567890") -> None:
    driver.wait_step(Step.IDENTIFIER)
    driver.type_into("identifier_input", identifier)
    driver.click("lost_everything_button")
    driver.wait_step(Step.LOST_EVERYTHING)


def fill(driver: Driver, values: dict[str, str] = FACTS) -> None:
    for name, value in values.items():
        driver.type_into(name, value)


def page(driver: Driver):  # type: ignore[no-untyped-def]
    return driver.wizard.page_for(Step.LOST_EVERYTHING)


def show_send_tab(driver: Driver) -> None:
    driver.window.findChild(QTabWidget, "support_tabs").setCurrentIndex(1)


def test_the_page_starts_from_what_was_typed(driver: Driver) -> None:
    open_page(driver, "1234567890")
    assert driver.line("support_account_id_input").text() == "1234567890"
    driver.wizard.start_over()
    open_page(driver, "old.address@example.com")
    assert driver.line("support_old_email_input").text() == "old.address@example.com"
    assert driver.line("support_account_id_input").text() == ""


def test_each_field_is_checked_as_typed(driver: Driver) -> None:
    open_page(driver)
    problem = driver.child(QLabel, "support_imei_problem")
    driver.type_into("support_imei_input", "490154203237519")
    driver.qtbot.waitUntil(problem.isVisible)
    assert "last digit" in problem.text()
    driver.type_into("support_imei_input", "490154203237518")
    assert not problem.isVisible()  # a fix clears it at once
    driver.type_into("support_imei_input", "49015420323751")
    driver.qtbot.waitUntil(lambda: "490154203237518" in problem.text())
    driver.type_into("support_contact_email_input", "budi@gmail")
    email_problem = driver.child(QLabel, "support_contact_email_problem")
    driver.qtbot.waitUntil(email_problem.isVisible)


def test_the_outputs_wait_for_the_required_facts(driver: Driver) -> None:
    open_page(driver, "nobody@example.com")
    show_send_tab(driver)
    assert not driver.button("copy_request_button").isEnabled()
    missing = driver.child(QLabel, "support_missing_label").text()
    assert "Mi account ID" in missing and "IMEI 1" in missing
    driver.type_into("support_account_id_input", "1234567890")
    fill(driver)
    driver.qtbot.waitUntil(driver.button("copy_request_button").isEnabled)  # once typing pauses
    assert "Ready" in driver.child(QLabel, "support_missing_label").text()


def test_copy_mail_and_qr_carry_the_same_request(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(QUrl(url).toString(QUrl.ComponentFormattingOption.FullyEncoded))),
    )
    open_page(driver)
    fill(driver)
    show_send_tab(driver)
    prepared = page(driver).handover.prepared
    request = prepared.request
    assert request is not None
    preview = driver.window.findChild(QPlainTextEdit, "support_preview").toPlainText()
    assert preview == request.as_text()
    assert "352099001761481" in preview and "Redmi Note 12" in preview

    driver.click("copy_request_button")
    assert QGuiApplication.clipboard().text() == request.as_text()

    driver.click("mail_request_button")
    assert len(opened) == 1 and opened[0].startswith("mailto:?subject=")
    assert "352099001761481" in unquote(opened[0])

    qr = driver.window.findChild(type(page(driver).handover.qr_view), "support_qr")
    image = tmp_path / "qr.png"
    qr.grab().save(str(image))
    assert decode_qr(image) == [mail_link(request, "", QR_MAX).url] == [prepared.qr_link().url]


def test_choosing_an_email_contact_addresses_the_mail_and_warns(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(QUrl(url).toString())))
    open_page(driver)
    fill(driver)
    show_send_tab(driver)
    combo = driver.window.findChild(QComboBox, "destination_combo")
    combo.setCurrentIndex(combo.findData("id_email"))
    assert "Unverified" in driver.child(QLabel, "destination_note").text()
    assert "unverified, check before use" in combo.currentText()
    driver.click("mail_request_button")
    assert opened[-1].startswith("mailto:service.id@xiaomi.com?")


def test_the_request_in_indonesian(driver: Driver) -> None:
    open_page(driver)
    fill(driver)
    show_send_tab(driver)
    combo = driver.window.findChild(QComboBox, "request_language_combo")
    combo.setCurrentIndex(combo.findData("id"))
    preview = driver.window.findChild(QPlainTextEdit, "support_preview")
    driver.qtbot.waitUntil(lambda: preview.toPlainText().startswith("Permintaan pemulihan Akun Mi: ID akun 1234567890"))


def test_the_pdf_holds_the_facts_and_the_checklist(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "request.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    open_page(driver)
    fill(driver)
    box = driver.window.findChild(QGroupBox, "shop_checklist")
    box.setChecked(True)
    driver.click("check_proof_of_purchase")
    driver.type_into("check_by_input", "Sari")
    show_send_tab(driver)
    driver.click("pdf_request_button")
    assert target.is_file()
    text = pdf_text(target)
    assert "1234567890" in text and "352099001761481" in text
    assert "Proof of purchase seen: yes" in text and "Checked by: Sari" in text
    assert "Saved:" in driver.error_text()


def test_printing_goes_through_the_print_dialog(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    target = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return int(QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    open_page(driver)
    fill(driver)
    show_send_tab(driver)
    driver.click("print_request_button")
    assert "1234567890" in pdf_text(target)


def test_the_request_survives_a_restart_and_is_reopened_from_saved_requests(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    def window():  # type: ignore[no-untyped-def]
        main = create_main_window(
            ["--training", "--lang", "en"], clock=clock, training_service=service, timeouts=FAST_TIMEOUTS
        )
        qtbot.addWidget(main)
        main.show()
        return main

    first = window()
    driver = Driver(qtbot, first, service, clock)
    open_page(driver)
    fill(driver)
    first.close()  # saves and flushes on the way out

    second = window()
    driver = Driver(qtbot, second, service, clock)
    driver.wait_step(Step.IDENTIFIER)
    driver.click("lost_everything_button")
    driver.wait_step(Step.LOST_EVERYTHING)
    # Another customer may be at the desk now: the page starts empty...
    assert driver.line("support_account_id_input").text() == ""
    assert driver.line("support_owner_name_input").text() == ""
    # ...and the earlier request is one choice away.
    combo = second.findChild(QComboBox, "drafts_combo")
    index = next(i for i in range(combo.count()) if "Budi Santoso" in combo.itemText(i))
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert driver.line("support_account_id_input").text() == "1234567890"
    for name, value in FACTS.items():
        assert driver.line(name).text() == value
    assert "is open again" in driver.error_text()
    assert "Budi Santoso" in combo.currentText()
    second.close()


def test_a_new_request_starts_empty_and_the_old_one_can_be_reopened(driver: Driver) -> None:
    open_page(driver)
    fill(driver)
    driver.click("new_draft_button")
    assert driver.line("support_owner_name_input").text() == ""
    combo = driver.window.findChild(QComboBox, "drafts_combo")
    index = next(i for i in range(combo.count()) if "Budi Santoso" in combo.itemText(i))
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert driver.line("support_owner_name_input").text() == "Budi Santoso"


def test_no_draft_file_is_written_outside_the_case_database(driver: Driver, private_home: Path) -> None:
    open_page(driver)
    fill(driver)
    driver.window.session.save_support()
    driver.window.app.stores.flush()
    written = sorted(p.relative_to(private_home).as_posix() for p in private_home.rglob("*") if p.is_file())
    assert all(name.startswith("data/mirecovery.sqlite3") for name in written), written
