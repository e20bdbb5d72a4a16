"""Indonesian from the start, and switching language while a recovery is under way."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from mirecovery_gui.app import create_main_window
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.main_window import MainWindow
from mirecovery_gui.training.service import TrainingService
from tests.conftest import FAST_TIMEOUTS
from tests.gui.conftest import Driver, open_window
from tests.gui.ui_walk import pages_of_a_recovery, visible

ROOT = Path(__file__).resolve().parents[2]


def english_sources() -> set[str]:
    """Every English source string whose Indonesian differs (so seeing it on an Indonesian screen is a miss)."""
    found = set()
    tree = ET.parse(ROOT / "resources" / "i18n" / "mirecovery_id.ts")
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if text and text.replace("&", "") != source.replace("&", ""):
            found.add(source.replace("&", ""))
    return found


def window_in(qtbot: QtBot, clock: ManualClock, service: TrainingService, language: str) -> MainWindow:
    return open_window(qtbot, clock, service, "--lang", language)


def test_every_page_reads_indonesian(qtbot: QtBot, clock: ManualClock, service: TrainingService) -> None:
    window = window_in(qtbot, clock, service, "id")
    driver = Driver(qtbot, window, service, clock)
    english = english_sources()
    misses: list[str] = []

    def look(step: Step) -> None:
        texts = [label.text() for label in visible(window, QLabel)]
        texts += [button.text() for button in visible(window, QAbstractButton)]
        misses.extend(f"{step.name}: {text!r}" for text in texts if text.replace("&", "") in english)

    pages_of_a_recovery(driver, look)
    assert window.wizard.back_button.text() == "< &Kembali"
    window.close()
    assert misses == []


def test_switching_language_mid_recovery_rewords_everything(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    window = window_in(qtbot, clock, service, "en")
    driver = Driver(qtbot, window, service, clock)
    code = driver.to_enter_code()
    wrong = "".join(str((int(c) + 1) % 10) for c in code)
    driver.type_into("code_input", wrong)
    driver.press_next()
    qtbot.waitUntil(lambda: "Tries left before it is blocked: 4." in driver.error_text())
    resend = driver.button("resend_button")
    assert resend.text() == "Resend in 1:00"

    window.findChild(type(window.language_actions["id"]), "language_id_action").trigger()
    page = window.wizard.currentPage()
    assert page.findChild(QLabel, "page_heading").text() == "Masukkan kode verifikasi"
    assert "lewat email ke d***@example.com" in page.findChild(QLabel, "page_intro").text()
    assert "Sisa percobaan sebelum diblokir: 4." in driver.error_text()  # the error shown is re-worded too
    assert resend.text() == "Kirim lagi dalam 1:00" and not resend.isEnabled()
    assert window.wizard.next_button.text() == "&Verifikasi"
    assert window.findChild(QLabel, "page_heading") is not None
    assert driver.line("code_input").text() == wrong  # nothing typed is lost

    # The server's own words follow: the next answer carries Indonesian tips.
    driver.type_into("code_input", "".join(str((int(c) + 2) % 10) for c in code))  # another wrong one
    driver.press_next()
    qtbot.waitUntil(lambda: "Sisa percobaan sebelum diblokir: 3." in driver.error_text())

    window.findChild(type(window.language_actions["en"]), "language_en_action").trigger()
    assert page.findChild(QLabel, "page_heading").text() == "Enter the verification code"
    assert "Tries left before it is blocked: 3." in driver.error_text()
    window.close()


def test_the_language_choice_is_remembered(qtbot: QtBot, clock: ManualClock, service: TrainingService) -> None:
    window = window_in(qtbot, clock, service, "en")
    window.findChild(type(window.language_actions["id"]), "language_id_action").trigger()
    window.close()
    again = create_main_window(["--training"], clock=clock, training_service=service, timeouts=FAST_TIMEOUTS)
    qtbot.addWidget(again)
    assert again.session.language == "id"
    assert again.language_actions["id"].isChecked()
    again.close()


def test_a_language_change_is_saved_once(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mirecovery_gui.gui.settings_dialog import SettingsDialog
    from mirecovery_gui.store import stores
    from tests.gui.conftest import using_dialog, while_dialogs_open

    saved: list[str] = []
    real_save = stores.save_settings
    monkeypatch.setattr(
        stores, "save_settings", lambda path, settings: (saved.append(settings.language), real_save(path, settings))
    )
    window = window_in(qtbot, clock, service, "en")
    window.findChild(type(window.language_actions["id"]), "language_id_action").trigger()
    heading = window.wizard.currentPage().findChild(QLabel, "page_heading")
    assert saved == ["id"] and heading.text() == "Akun yang mana?"

    def choose_english(dialog: SettingsDialog) -> None:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
        dialog.accept()

    with while_dialogs_open(using_dialog(SettingsDialog, choose_english)):
        window.settings_action.trigger()
    assert saved == ["id", "en"] and heading.text() == "Which account?"
    window.close()
