"""Without a mouse, and through the accessibility tree."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mirecovery_gui.app import SETTINGS_FILE
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.settings_dialog import SettingsDialog
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import PASSWORD, Driver, answering, open_window, using_dialog, while_dialogs_open
from tests.gui.ui_walk import INTERACTIVE, pages_of_a_recovery, visible


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def keys(qtbot: QtBot, text: str) -> None:
    """Type into whatever has the keyboard focus."""
    qtbot.keyClicks(QApplication.focusWidget(), text)


def key(qtbot: QtBot, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), which, modifier)


def alt(qtbot: QtBot, letter: str) -> None:
    key(qtbot, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_whole_recovery_with_the_keyboard_only(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, language: str
) -> None:
    window = open_window(qtbot, clock, service, "--lang", language)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.waitUntil(lambda: QApplication.focusWidget().objectName() == "identifier_input")
    wizard = window.wizard
    mnemonic = {"en": {"answer": "a", "characters": "c"}, "id": {"answer": "j", "characters": "r"}}[language]

    # 1. The identifier field has the focus; Enter goes on.
    assert QApplication.focusWidget().objectName() == "identifier_input"
    keys(qtbot, "demo@example.com")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.current_step is Step.CAPTCHA)
    captcha = wizard.page_for(Step.CAPTCHA)
    qtbot.waitUntil(lambda: captcha.image_loaded)  # type: ignore[attr-defined]

    # 2. The training answer by its mnemonic, then back to the field by its label's.
    alt(qtbot, mnemonic["answer"])
    answer = window.findChild(QLabel, "training_captcha_answer")
    qtbot.waitUntil(lambda: bool(answer.text()))
    alt(qtbot, mnemonic["characters"])
    assert QApplication.focusWidget().objectName() == "captcha_input"
    keys(qtbot, answer.text())
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.current_step is Step.SEND_CODE)

    # 3. Email by its mnemonic, then Send (the page's default button) with Enter.
    alt(qtbot, "e")
    qtbot.waitUntil(lambda: window.findChild(QWidget, "send_code_button").isEnabled())
    window.findChild(QWidget, "send_code_button").setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget().objectName() == "send_code_button")
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: wizard.current_step is Step.ENTER_CODE)

    # 4. The code from the training phone; Enter verifies.
    phone = window.findChild(QListWidget, "training_phone")
    qtbot.waitUntil(lambda: phone.count() > 0)
    code = re.search(r"\b(\d{6})\b", phone.item(phone.count() - 1).text())
    assert code and QApplication.focusWidget().objectName() == "code_input"
    keys(qtbot, code.group(1))
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.current_step is Step.NEW_PASSWORD)

    # 5. Password, Tab past show/hide to the second field, Enter resets.
    assert QApplication.focusWidget().objectName() == "new_password_input"
    keys(qtbot, PASSWORD)
    key(qtbot, Qt.Key.Key_Tab)
    if QApplication.focusWidget().objectName() == "show_password_button":
        key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "confirm_password_input"
    keys(qtbot, PASSWORD)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.current_step is Step.DONE)
    assert service.password_of("demo@example.com") == PASSWORD
    window.close()


def test_escape_asks_before_stopping(driver: Driver) -> None:
    driver.window.activateWindow()
    driver.identifier("demo@example.com")
    driver.wait_step(Step.CAPTCHA)
    driver.captcha_loaded()
    driver.qtbot.waitUntil(lambda: focused() == "captcha_input")
    driver.window.findChild(QLineEdit, "captcha_input").setText("ab")

    with answering(QMessageBox.ButtonRole.NoRole):
        key(driver.qtbot, Qt.Key.Key_Escape)
    # "Continue" keeps the recovery, what was typed, and the keyboard where it was.
    assert driver.step is Step.CAPTCHA
    assert driver.window.findChild(QLineEdit, "captcha_input").text() == "ab"
    driver.qtbot.waitUntil(lambda: focused() == "captcha_input")

    with answering(QMessageBox.ButtonRole.YesRole):
        key(driver.qtbot, Qt.Key.Key_Escape)
    driver.wait_step(Step.IDENTIFIER)
    assert driver.window.findChild(QLineEdit, "identifier_input").text() == ""
    driver.qtbot.waitUntil(lambda: focused() == "identifier_input")


def test_enter_in_a_support_field_does_not_close_the_window(driver: Driver) -> None:
    driver.window.activateWindow()
    driver.wait_step(Step.IDENTIFIER)
    driver.type_into("identifier_input", "1234567890")
    driver.click("lost_everything_button")
    driver.wait_step(Step.LOST_EVERYTHING)
    model = driver.line("support_model_input")
    model.setFocus()
    driver.qtbot.keyClicks(model, "Redmi Note 12")
    key(driver.qtbot, Qt.Key.Key_Return)
    assert driver.window.isVisible() and driver.step is Step.LOST_EVERYTHING
    assert model.text() == "Redmi Note 12"


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_interactive_widget_has_an_accessible_name(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, language: str
) -> None:
    window = open_window(qtbot, clock, service, "--lang", language)
    driver = Driver(qtbot, window, service, clock)
    unnamed: list[str] = []

    def look(step: Step) -> None:
        unnamed.extend(f"{step.name}: {what}" for what in unnamed_in(window))
        meter = window.findChild(QWidget, "strength_meter")
        if step is Step.NEW_PASSWORD:
            # Not colour alone: the level is readable as text.
            assert meter.accessibleDescription().startswith(
                QCoreApplication.translate("StrengthMeter", "Strength: {level}. {time}").split("{")[0]
            )

    pages_of_a_recovery(driver, look)
    window.close()
    assert sorted(set(unnamed)) == []


def part_of_another(widget: QWidget) -> bool:
    """Qt's own parts (a spin box's line edit, a table's header) are read out with their owner."""
    parent = widget.parentWidget()
    return (
        isinstance(widget, QHeaderView)
        or isinstance(parent, (QAbstractSpinBox, QComboBox))
        or (parent is not None and parent.objectName() == "qt_scrollarea_viewport")
    )


def unnamed_in(root: QWidget) -> list[str]:
    return [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in visible(root, INTERACTIVE)  # type: ignore[arg-type]
        if not accessible_name(widget).strip() and not part_of_another(widget)
    ]


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_shop_windows_are_named_too(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, language: str
) -> None:
    from mirecovery_gui.store.paths import config_dir
    from mirecovery_gui.store.settings import Settings, save_settings

    save_settings(config_dir() / SETTINGS_FILE, Settings(shop_mode=True, staff_name="Sari"))
    window = open_window(qtbot, clock, service, "--lang", language)
    window.history_action.trigger()  # type: ignore[attr-defined]
    history = window.findChild(QWidget, "history_window")
    qtbot.waitUntil(history.isVisible)
    assert unnamed_in(history) == []
    history.close()

    seen: list[list[str]] = []

    def look_and_close(dialog: SettingsDialog) -> None:
        seen.append(unnamed_in(dialog))
        dialog.reject()

    with while_dialogs_open(using_dialog(SettingsDialog, look_and_close)):
        window.settings_action.trigger()  # type: ignore[attr-defined]
    assert seen == [[]]
    window.close()
