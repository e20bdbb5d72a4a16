"""Walk every page of the window and look at what is on screen (for the i18n, keyboard and a11y tests)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from mirecovery_gui.core.flow import Step, SupportScreen
from tests.gui.conftest import Driver

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QAbstractSpinBox)


def visible(root: QWidget, kind: type | tuple[type, ...]) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if isinstance(w, kind) and w.isVisible()]


def mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def mnemonics(window: QWidget, page: QWidget) -> list[tuple[str, str]]:
    """(letter, what) for every visible button, buddied label, tab and menu title of the page."""
    found: list[tuple[str, str]] = []
    for widget in visible(window, QAbstractButton):
        if widget.isEnabled() and (letter := mnemonic(widget.text())):
            found.append((letter, f"button {widget.text()!r}"))
    for label in visible(page, QLabel):
        if label.buddy() is not None and (letter := mnemonic(label.text())):
            found.append((letter, f"label {label.text()!r}"))
    for bar in visible(page, QTabBar):
        for index in range(bar.count()):
            if letter := mnemonic(bar.tabText(index)):
                found.append((letter, f"tab {bar.tabText(index)!r}"))
    menu_bar = window.menuBar()  # type: ignore[attr-defined]
    for action in menu_bar.actions():
        if letter := mnemonic(action.text()):
            found.append((letter, f"menu {action.text()!r}"))
    for box in visible(page, QGroupBox):
        if box.isCheckable() and (letter := mnemonic(box.title())):
            found.append((letter, f"group {box.title()!r}"))
    return found


def clipped(page: QWidget) -> list[str]:
    """Texts that do not fit the room they were given."""
    problems = []
    for label in visible(page, QLabel):
        if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 2:
                problems.append(f"label {label.objectName() or label.text()[:40]!r}: {label.height()} < {needed}")
        elif label.sizeHint().width() > label.width() + 2:
            problems.append(f"label {label.text()[:40]!r}: {label.width()} < {label.sizeHint().width()}")
    for button in visible(page, QAbstractButton):
        if isinstance(button, QCheckBox) or not button.text():
            continue
        if button.sizeHint().width() > button.width() + 2:
            problems.append(f"button {button.text()!r}: {button.width()} < {button.sizeHint().width()}")
    return problems


def clipped_once_laid_out(qtbot: QtBot, page: QWidget) -> list[str]:
    """:func:`clipped` after the layouts have caught up with the last text change (they run later)."""
    with contextlib.suppress(TimeoutError):
        qtbot.waitUntil(lambda: not clipped(page), timeout=1000)
    return clipped(page)


def pages_of_a_recovery(driver: Driver, look: Callable[[Step], None], password: str = "Sunny-day-42") -> None:
    """Go through every page of the training flow (and the detours), calling ``look`` on each.

    A second walk in the same window needs another ``password``: Xiaomi refuses the one in use.
    """
    driver.wait_step(Step.IDENTIFIER)
    driver.type_into("identifier_input", "demo@example.com")
    look(Step.IDENTIFIER)
    driver.press_next()
    driver.wait_step(Step.CAPTCHA)
    driver.captcha_loaded()
    look(Step.CAPTCHA)
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)
    driver.click("channel_email")
    driver.qtbot.waitUntil(lambda: driver.wizard.runner is not None and not driver.wizard.runner.busy)
    look(Step.SEND_CODE)
    driver.click("send_code_button")
    driver.wait_step(Step.ENTER_CODE)
    code = driver.newest_code()
    look(Step.ENTER_CODE)
    driver.enter_code(code)
    driver.wait_step(Step.NEW_PASSWORD)
    driver.type_into("new_password_input", "password")
    look(Step.NEW_PASSWORD)
    driver.type_into("new_password_input", password)
    driver.type_into("confirm_password_input", password)
    driver.press_next()
    driver.wait_step(Step.DONE)
    look(Step.DONE)
    driver.click("start_another_button")
    driver.wait_step(Step.IDENTIFIER)
    driver.type_into("identifier_input", "1234567890")
    driver.click("lost_everything_button")
    driver.wait_step(Step.LOST_EVERYTHING)
    look(Step.LOST_EVERYTHING)
    driver.type_into("support_imei_input", "352099001761481")
    driver.type_into("support_owner_name_input", "Siti Nurhaliza Rahmawati Putri")
    # Saved as typed: the list of saved requests names it by the owner (a long name, shortened).
    drafts = driver.child(QComboBox, "drafts_combo")
    driver.qtbot.waitUntil(lambda: "Siti" in drafts.currentText())
    look(Step.LOST_EVERYTHING)
    driver.to_support_screen(SupportScreen.PROOF)
    look(Step.LOST_EVERYTHING)
    driver.to_support_screen(SupportScreen.SEND)
    look(Step.LOST_EVERYTHING)
    driver.wizard.start_over()
    driver.wizard.session.go_official_site()
    driver.wait_step(Step.OFFICIAL_SITE)
    look(Step.OFFICIAL_SITE)


def all_widgets(root: QWidget) -> Iterator[QWidget]:
    yield from (w for w in root.findChildren(QWidget) if w.isVisible())
