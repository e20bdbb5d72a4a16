"""The support-request page through the real window: fields, outputs, drafts."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from mirecovery_gui.app import SETTINGS_FILE, create_main_window
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step, SupportScreen
from mirecovery_gui.store.paths import config_dir
from mirecovery_gui.store.settings import Settings, save_settings
from mirecovery_gui.training.service import TrainingService
from tests.conftest import FAST_TIMEOUTS
from tests.gui.conftest import Driver, open_window, using_dialog, while_dialogs_open
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
    driver.to_support_screen(SupportScreen.SEND)


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


def test_next_waits_for_the_required_facts_and_says_which(driver: Driver) -> None:
    open_page(driver, "nobody@example.com")
    driver.press_next()
    assert driver.window.session.support_screen is SupportScreen.FACTS
    assert driver.child(QLabel, "support_account_id_problem").isVisible()
    assert driver.child(QLabel, "support_imei_problem").isVisible()
    assert QApplication.focusWidget() is driver.line("support_account_id_input")
    driver.type_into("support_account_id_input", "1234567890")
    fill(driver)
    show_send_tab(driver)
    driver.qtbot.waitUntil(driver.button("copy_request_button").isEnabled)
    assert "Ready" in driver.child(QLabel, "support_missing_label").text()


def test_copy_mail_and_qr_carry_the_same_request(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(
            lambda url: opened.append(QUrl(url).toString(QUrl.ComponentFormattingOption.FullyEncoded)) or True
        ),
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

    # The help centre (a web form, the default): the mail button gives way to the form, with the text copied.
    assert not driver.button("mail_request_button").isVisible()
    QGuiApplication.clipboard().clear()
    driver.click("web_request_button")
    assert opened == ["https://account.xiaomi.com/helpcenter"]
    assert QGuiApplication.clipboard().text() == request.as_text()
    qr = driver.window.findChild(type(page(driver).handover.qr_view), "support_qr")
    image = tmp_path / "qr.png"
    qr.grab().save(str(image))
    assert decode_qr(image) == ["https://account.xiaomi.com/helpcenter"]
    caption = driver.child(QLabel, "support_qr_caption").text()
    # The copied text is on this computer only: the caption never asks the owner to paste it on the phone.
    assert "https://account.xiaomi.com/helpcenter" in caption and "a web form" in caption
    assert "on this computer" in caption


def test_the_qr_code_for_an_email_address_carries_the_recipient_and_the_facts(driver: Driver, tmp_path: Path) -> None:
    """Scanned from the screen, at the window's size: the owner's phone gets a mail to support with the facts."""
    open_page(driver)
    fill(driver)
    driver.type_into("support_purchase_date_input", "2024-01-31")
    driver.type_into("support_contact_phone_input", "0812 3456 7890")
    show_send_tab(driver)
    combo = driver.window.findChild(QComboBox, "destination_combo")
    combo.setCurrentIndex(combo.findData("id_email"))
    qr = driver.window.findChild(type(page(driver).handover.qr_view), "support_qr")
    image = tmp_path / "qr.png"
    driver.qtbot.waitUntil(lambda: "service.id@xiaomi.com" in driver.child(QLabel, "support_qr_caption").text())
    qr.grab().save(str(image))
    (text,) = decode_qr(image)
    mail = unquote(text)
    assert mail.startswith("mailto:service.id@xiaomi.com?")
    assert "1234567890" in mail and "352099001761481" in mail and "2024-01-31" in mail
    assert "budi.baru@gmail.com" in mail and "clipboard" not in mail


def test_choosing_an_email_contact_addresses_the_mail_and_warns(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(QUrl(url).toString()) or True)
    )
    open_page(driver)
    fill(driver)
    show_send_tab(driver)
    combo = driver.window.findChild(QComboBox, "destination_combo")
    combo.setCurrentIndex(combo.findData("id_email"))
    assert "Unverified" in driver.child(QLabel, "destination_note").text()
    assert "(unverified)" in combo.currentText()
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
    driver.to_support_screen(SupportScreen.PROOF)
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


def finish_answering(driver: Driver, role: QMessageBox.ButtonRole) -> str:
    """Press Finish on the review screen; answer its question with ``role``; the question's text."""
    asked: list[str] = []

    def answer(box: QMessageBox) -> None:
        asked.append(box.text())
        next(button for button in box.buttons() if box.buttonRole(button) is role).click()

    with while_dialogs_open(using_dialog(QMessageBox, answer)):
        driver.press_next()
        driver.qtbot.waitUntil(lambda: bool(asked))
    return asked[0]


def test_finish_before_handing_over_asks_and_keeps_the_request(driver: Driver) -> None:
    open_page(driver)
    fill(driver)
    show_send_tab(driver)
    assert driver.next_button().text().replace("&", "") == "Finish"
    question = finish_answering(driver, QMessageBox.ButtonRole.NoRole)  # "Stay here"
    assert "stays under Saved requests" in question
    assert driver.step is Step.LOST_EVERYTHING and driver.wizard.session.support_screen is SupportScreen.SEND
    finish_answering(driver, QMessageBox.ButtonRole.YesRole)
    driver.wait_step(Step.IDENTIFIER)  # the next customer, not a closed window
    assert driver.window.isVisible()
    open_page(driver, "")
    titles = [page(driver).drafts_combo.itemText(index) for index in range(page(driver).drafts_combo.count())]
    assert any("Budi Santoso" in title for title in titles)


def test_finish_without_case_recording_says_the_request_is_lost(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    save_settings(config_dir() / SETTINGS_FILE, Settings(record_cases=False))
    window = open_window(qtbot, clock, service)
    driver = Driver(qtbot, window, service, clock)
    open_page(driver)
    fill(driver)
    show_send_tab(driver)
    question = finish_answering(driver, QMessageBox.ButtonRole.NoRole)
    # Never the promise of a saved request that is not written anywhere.
    assert "not kept" in question and "Saved requests" not in question
    window.close()


def test_next_with_the_imei_missing_keeps_saying_why_after_more_typing(driver: Driver) -> None:
    driver.wait_step(Step.IDENTIFIER)
    driver.click("lost_everything_button")
    driver.wait_step(Step.LOST_EVERYTHING)
    driver.type_into("support_account_id_input", "1234567890")
    driver.press_next()  # at once, before the pause after typing
    problem = driver.child(QLabel, "support_imei_problem")
    driver.qtbot.waitUntil(problem.isVisible)
    assert "IMEI" in problem.text()
    assert driver.line("support_imei_input").hasFocus()
    # More typing elsewhere, and the check after its pause: the reason stays until the IMEI is right.
    driver.type_into("support_model_input", "e.g. phone")
    form = page(driver).details
    driver.qtbot.waitUntil(lambda: not form._problem_timer.isActive())
    assert problem.isVisible()
    driver.type_into("support_imei_input", "352099001761481")
    driver.qtbot.waitUntil(lambda: not problem.isVisible())


def test_the_densest_qr_code_we_make_gets_two_whole_pixels_a_module() -> None:
    from mirecovery_gui.core.support_request import QR_MAX
    from mirecovery_gui.gui.widgets.qr_view import QUIET_ZONE, qr_matrix
    from mirecovery_gui.gui.widgets.support_handover import QR_SIDE

    # The longest link a QR code of ours holds: a phone camera still reads it from the screen.
    modules = len(qr_matrix("m" * QR_MAX)) + 2 * QUIET_ZONE
    assert QR_SIDE // modules >= 2
