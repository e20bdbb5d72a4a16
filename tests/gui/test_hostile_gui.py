"""Hostile text through the window: the server's words shown as plain text, and a monkey on every page."""

from __future__ import annotations

import itertools
import random
import string
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.training.faults import Fault, FaultKind
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import Driver, open_window, while_dialogs_open

NASTY_TIPS = (
    "<b>Akun</b> <a href='http://evil.example'>klik di sini</a> <img src=x onerror=alert(1)>"
    "\x1b[31m\x07\u202eevil\u202c\u200b\r\nline two\x00" + "z" * 10_000
)


def test_the_servers_words_are_plain_text_without_controls(driver: Driver) -> None:
    driver.identifier("demo@example.com")
    driver.wait_step(Step.CAPTCHA)
    driver.captcha_loaded()
    driver.service.faults.add(Fault(FaultKind.RESULT, step="start", code=10031, tips=NASTY_TIPS))
    driver.solve_captcha()
    driver.qtbot.waitUntil(lambda: bool(driver.error_text()))
    detail = driver.wizard.currentPage().findChild(QLabel, "error_detail_label")
    assert detail is not None and detail.isVisible()
    assert detail.textFormat() == Qt.TextFormat.PlainText  # markup is shown, never followed
    text = detail.text()
    assert "<b>Akun</b>" in text and "<a href=" in text
    assert not any(ch in text for ch in "\x1b\x07\x00\r\n\u202e\u202c\u200b")
    assert len(text) < 400  # a hostile server cannot fill the window
    assert not detail.openExternalLinks()


class UrlCatcher(QObject):
    """Where the app's "open" goes during the monkey test: recorded, never launched."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def caught_urls() -> Iterator[UrlCatcher]:
    catcher = UrlCatcher()
    for scheme in ("http", "https", "mailto", "file"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher
    for scheme in ("http", "https", "mailto", "file"):
        QDesktopServices.unsetUrlHandler(scheme)


PASTES = [
    "demo@example.com",
    "0812 0000 0001",
    "1234567890",
    "35-209900-176148-2",
    "[Xiaomi] Kode verifikasi Anda 123456. Berlaku 10 menit.",
    "\u202eevil\u202c",
    "<b>bold</b>",
    "=cmd|' /C calc'!A0",
    "١٢٣٤٥٦",
    "😀" * 50,
    "x" * 10_000,
    "line\r\nline\x00\x07",
    "Sunny-day-42",
]


def monkey_text(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(PASTES)
    alphabet = string.printable + "éñüßあ漢字\u200b\u202e\ufeff😀"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))


def answer_any_dialog(rng: random.Random) -> None:
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QMessageBox):
        buttons = [b for b in dialog.buttons() if b.isVisible()]
        if buttons:
            rng.choice(buttons).click()
    elif isinstance(dialog, QDialog):
        dialog.reject()  # file, print and settings dialogs: cancelled


def playable(window: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for widget in window.findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled()):
            continue
        if isinstance(widget, QAbstractButton | QLineEdit | QPlainTextEdit | QComboBox | QTabBar):
            found.append(widget)
    return found


FRESH = itertools.count(100)


def go_to(driver: Driver, target: Step) -> None:
    """Put the window on ``target`` the way a user gets there."""
    wizard = driver.wizard
    driver.clock.advance(25 * 3600)  # a new day: the training service's daily send limit starts again
    wizard.start_over()
    if target is Step.LOST_EVERYTHING:
        wizard.session.go_support()
    elif target is Step.OFFICIAL_SITE:
        wizard.session.go_official_site()
    elif target is not Step.IDENTIFIER:
        driver.identifier("demo@example.com")
        if target is not Step.CAPTCHA:
            driver.solve_captcha()
            if target is not Step.SEND_CODE:
                driver.send()
                if target is not Step.ENTER_CODE:
                    driver.enter_code(driver.newest_code())
                    if target is not Step.NEW_PASSWORD:
                        driver.new_password(f"Sunny-day-{next(FRESH)}")  # never the one set last time
    driver.wait_step(target)


TOUR = [
    Step.IDENTIFIER,
    Step.CAPTCHA,
    Step.SEND_CODE,
    Step.ENTER_CODE,
    Step.NEW_PASSWORD,
    Step.DONE,
    Step.LOST_EVERYTHING,
    Step.OFFICIAL_SITE,
]
ACTIONS_PER_PAGE = 40


def monkey_step(qtbot: QtBot, window: QWidget, rng: random.Random, clock: ManualClock) -> None:
    """One random thing a person (or a cat on the keyboard) might do."""
    if rng.random() < 0.1:
        clock.advance(rng.choice([1, 30, 61, 700]))
    widgets = playable(window)
    if not widgets:
        QApplication.processEvents()
        return
    widget = rng.choice(widgets)
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.setFocus()
        if rng.random() < 0.5:
            QApplication.clipboard().setText(monkey_text(rng))
            qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        else:
            qtbot.keyClicks(widget, "".join(rng.choice(string.printable[:94]) for _ in range(rng.randint(1, 12))))
        if rng.random() < 0.3:
            qtbot.keyClick(widget, rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Backspace]))
    elif isinstance(widget, QComboBox | QTabBar) and widget.count():
        widget.setCurrentIndex(rng.randrange(widget.count()))
    elif isinstance(widget, QAbstractButton):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    if rng.random() < 0.05:
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    QApplication.processEvents()


@pytest.mark.parametrize("seed", [11, 22, 33])
def test_a_monkey_on_every_page_breaks_nothing(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, caught_urls: UrlCatcher, seed: int
) -> None:
    """On each page in turn, random typing, pasting, clicking and keys: no crash, no escaped exception."""
    rng = random.Random(seed)
    window = open_window(qtbot, clock, service, "--lang", rng.choice(["en", "id"]))
    driver = Driver(qtbot, window, service, clock)
    runner_idle = lambda: window.wizard.runner is None or not window.wizard.runner.busy  # noqa: E731
    with while_dialogs_open(lambda: answer_any_dialog(rng)):
        for target in TOUR:
            qtbot.waitUntil(runner_idle, timeout=10_000)
            go_to(driver, target)
            for _ in range(ACTIONS_PER_PAGE):
                monkey_step(qtbot, window, rng, clock)
                assert window.isVisible(), f"the window closed on {target.name}"
        qtbot.waitUntil(runner_idle, timeout=10_000)
        # The window still does its job afterwards.
        go_to(driver, Step.DONE)
    # Xiaomi's pages, mail drafts, and the practice site on this computer ("Open in the browser").
    assert all(url.startswith(("https://", "mailto:", "http://127.0.0.1:")) for url in caught_urls.urls)
    window.close()
