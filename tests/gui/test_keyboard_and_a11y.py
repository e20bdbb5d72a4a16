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
from mirecovery_gui.core.flow import Step, SupportScreen
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
    """Every page by keys alone; after each key the keyboard is where the next one should go."""
    window = open_window(qtbot, clock, service, "--lang", language)
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() == "identifier_input")
    wizard = window.wizard
    mnemonic = {"en": "a", "id": "j"}[language]  # "Show the answer (training)"

    # 1. The identifier field has the focus; Enter goes on.
    keys(qtbot, "demo@example.com")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.current_step is Step.CAPTCHA)
    captcha = wizard.page_for(Step.CAPTCHA)
    qtbot.waitUntil(lambda: captcha.image_loaded)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: focused() == "captcha_input")

    # 2. "Show the answer": the keyboard comes back to the field, where the answer is typed.
    alt(qtbot, mnemonic)
    answer = window.findChild(QLabel, "training_captcha_answer")
    qtbot.waitUntil(lambda: bool(answer.text()))
    qtbot.waitUntil(lambda: focused() == "captcha_input")
    keys(qtbot, answer.text())
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.current_step is Step.SEND_CODE)

    # 3. Two contacts: the keyboard starts on the choice; an arrow moves, Space chooses, Enter sends.
    qtbot.waitUntil(lambda: focused() == "channel_sms")
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.session.state.channel is not None and focused() == "channel_email")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.current_step is Step.ENTER_CODE)

    # 4. The code from the training phone; the field has the keyboard; Enter verifies.
    phone = window.findChild(QListWidget, "training_phone")
    qtbot.waitUntil(lambda: phone.count() > 0)
    code = re.search(r"\b(\d{6})\b", phone.item(phone.count() - 1).text())
    assert code
    qtbot.waitUntil(lambda: focused() == "code_input")
    keys(qtbot, code.group(1))
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.current_step is Step.NEW_PASSWORD)

    # 5. Password, Tab straight to the repeat field (show/hide comes after).
    qtbot.waitUntil(lambda: focused() == "new_password_input")
    keys(qtbot, PASSWORD)
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() == "confirm_password_input"
    keys(qtbot, PASSWORD)
    # Tab on past Show to Suggest and press it: the keyboard then lands on the repeat field, so the next
    # Enter resets with the suggestion the owner has just written down and never suggests another.
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() == "show_password_button"
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() == "suggest_password_button"
    key(qtbot, Qt.Key.Key_Return)
    suggested = window.findChild(QLineEdit, "new_password_input").text()
    assert suggested != PASSWORD
    assert focused() == "confirm_password_input"
    # Not copied: Enter asks once whether the owner has it written down, the safe answer first.
    with answering(QMessageBox.ButtonRole.YesRole):
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: wizard.current_step is Step.DONE)
    assert service.password_of("demo@example.com") == suggested

    # 6. Done: the keyboard is on "Start another recovery"; Enter starts the next customer.
    qtbot.waitUntil(lambda: focused() == "start_another_button")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.current_step is Step.IDENTIFIER and focused() == "identifier_input")
    window.close()


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_support_request_with_the_keyboard_only(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, language: str
) -> None:
    window = open_window(qtbot, clock, service, "--lang", language)
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() == "identifier_input")
    wizard, session = window.wizard, window.session
    keys(qtbot, "1234567890")
    # Tab to "I no longer have this email or phone number" (reading order), Space presses it.
    for _ in range(6):
        if focused() == "lost_everything_button":
            break
        key(qtbot, Qt.Key.Key_Tab)
    assert focused() == "lost_everything_button"
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: wizard.current_step is Step.LOST_EVERYTHING)
    qtbot.waitUntil(lambda: focused() == "support_account_id_input")

    # Enter is Next: with the IMEI missing it stays, says why, and puts the keyboard there.
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused() == "support_imei_input")
    assert session.support_screen is SupportScreen.FACTS
    assert window.findChild(QLabel, "support_imei_problem").isVisible()
    keys(qtbot, "352099001761481")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.support_screen is SupportScreen.PROOF)
    qtbot.waitUntil(lambda: focused() == "check_proof_of_purchase")
    key(qtbot, Qt.Key.Key_Space)  # ticks it
    assert window.findChild(QWidget, "check_proof_of_purchase").isChecked()  # type: ignore[attr-defined]
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.support_screen is SupportScreen.SEND)
    # The keyboard starts on where it goes (Enter there would be Finish, never a copy by surprise);
    # Tab reaches the ways to hand it over, in reading order, and Enter presses the one focused.
    qtbot.waitUntil(lambda: focused() == "destination_combo")
    assert not session.support_handed_over_yet
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() == "copy_request_button"
    key(qtbot, Qt.Key.Key_Return)  # copies: the focused button is pressed
    assert session.support_handed_over_yet
    for expected in ("web_request_button", "pdf_request_button", "print_request_button", "support_preview"):
        key(qtbot, Qt.Key.Key_Tab)
        assert focused() == expected
    # Back goes to the screen before, with the keyboard on its first field.
    alt(qtbot, {"en": "b", "id": "k"}[language])
    qtbot.waitUntil(lambda: session.support_screen is SupportScreen.PROOF)
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


def test_enter_in_a_support_field_is_next_and_never_closes_the_window(driver: Driver) -> None:
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
    driver.qtbot.waitUntil(lambda: focused() == "support_imei_input")  # what is missing


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
