"""The real window, offscreen, on a real training service over loopback HTTP."""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import pytest
from PySide6.QtCore import QElapsedTimer, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mirecovery_gui.app import SETTINGS_FILE, create_main_window
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step, SupportScreen
from mirecovery_gui.gui.main_window import MainWindow
from mirecovery_gui.gui.theme import apply_scheme
from mirecovery_gui.store.paths import config_dir
from mirecovery_gui.store.settings import Settings, save_settings
from mirecovery_gui.training.service import TrainingService
from tests.conftest import FAST_TIMEOUTS

PASSWORD = "Sunny-day-42"
D = TypeVar("D", bound=QWidget)


class Driver:
    """Drives the window the way a person does: typing, clicking, reading."""

    def __init__(self, qtbot: QtBot, window: MainWindow, service: TrainingService, clock: ManualClock) -> None:
        self.qtbot = qtbot
        self.window = window
        self.wizard = window.wizard
        self.service = service
        self.clock = clock

    # --- finding -------------------------------------------------------------------------

    def child(self, kind: type, name: str):  # type: ignore[no-untyped-def]
        page = self.wizard.currentPage()
        widget = page.findChild(kind, name) if page is not None else None
        if widget is None or not widget.isVisible():
            widget = self.window.findChild(kind, name)
        assert widget is not None, f"no {name}"
        return widget

    def button(self, name: str) -> QAbstractButton:
        return self.child(QAbstractButton, name)

    def line(self, name: str) -> QLineEdit:
        return self.child(QLineEdit, name)

    def error_text(self) -> str:
        page = self.wizard.currentPage()
        label = page.findChild(QLabel, "error_label")
        return label.text() if label is not None and label.isVisible() else ""

    def error_button(self, action: str) -> QAbstractButton:
        page = self.wizard.currentPage()
        button = page.findChild(QAbstractButton, f"error_{action}_button")
        assert button is not None, f"no {action} button; error: {self.error_text()!r}"
        return button

    @property
    def step(self) -> Step:
        return self.wizard.current_step

    # --- acting --------------------------------------------------------------------------

    def wait_step(self, step: Step, timeout: int = 5000) -> None:
        self.qtbot.waitUntil(lambda: self.wizard.current_step is step, timeout=timeout)

    def type_into(self, name: str, text: str) -> None:
        field = self.line(name)
        field.setFocus()
        field.selectAll()
        self.qtbot.keyClicks(field, text)

    def click(self, name: str) -> None:
        button = self.button(name)
        self.qtbot.waitUntil(button.isEnabled)
        # A radio button reacts on its circle and its words, not the empty rest of its row.
        if isinstance(button, QRadioButton | QCheckBox):
            self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
        else:
            self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def next_button(self) -> QAbstractButton:
        return self.wizard.next_button

    def press_next(self) -> None:
        button = self.next_button()
        self.qtbot.waitUntil(button.isEnabled)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def press_back(self) -> None:
        self.qtbot.mouseClick(self.wizard.back_button, Qt.MouseButton.LeftButton)

    def identifier(self, text: str) -> None:
        self.wait_step(Step.IDENTIFIER)
        self.type_into("identifier_input", text)
        self.press_next()

    def captcha_loaded(self) -> None:
        page = self.wizard.page_for(Step.CAPTCHA)
        self.qtbot.waitUntil(lambda: getattr(page, "image_loaded", False))

    def solve_captcha(self, press: bool = True) -> None:
        self.wait_step(Step.CAPTCHA)
        self.captcha_loaded()
        self.click("training_show_answer_button")
        answer = self.child(QLabel, "training_captcha_answer")
        self.qtbot.waitUntil(lambda: bool(answer.text()))
        self.type_into("captcha_input", answer.text())
        if press:
            self.press_next()

    def send(self, channel: str = "channel_email") -> None:
        self.wait_step(Step.SEND_CODE)
        if self.button(channel).isVisible():
            self.click(channel)
        self.click("send_code_button")

    def messages(self) -> list[str]:
        phone = self.window.findChild(QListWidget, "training_phone")
        return [phone.item(i).text() for i in range(phone.count())]

    def newest_code(self, count: int = 1) -> str:
        self.qtbot.waitUntil(lambda: len(self.messages()) >= count)
        match = re.search(r"\b(\d{6})\b", self.messages()[-1])
        assert match, self.messages()[-1]
        return match.group(1)

    def enter_code(self, code: str) -> None:
        self.wait_step(Step.ENTER_CODE)
        self.type_into("code_input", code)
        self.press_next()

    def new_password(self, password: str = PASSWORD) -> None:
        self.wait_step(Step.NEW_PASSWORD)
        self.type_into("new_password_input", password)
        self.type_into("confirm_password_input", password)
        self.press_next()

    def to_support_screen(self, screen: SupportScreen) -> None:
        """Press Next on the support request until ``screen`` is on show (the facts must allow it)."""
        self.wait_step(Step.LOST_EVERYTHING)
        session = self.window.session
        while session.support_screen.index < screen.index:
            before = session.support_screen
            self.press_next()
            self.qtbot.waitUntil(lambda was=before: session.support_screen != was, timeout=2000)

    def to_enter_code(self, user: str = "demo@example.com", channel: str = "channel_email") -> str:
        self.identifier(user)
        self.solve_captcha()
        self.send(channel)
        self.wait_step(Step.ENTER_CODE)
        return self.newest_code()


def open_window(qtbot: QtBot, clock: ManualClock, service: TrainingService, *args: str) -> MainWindow:
    """The training window for ``args`` (default ``--lang en``), shown and exposed."""
    main = create_main_window(
        ["--training", *(args or ("--lang", "en"))], clock=clock, training_service=service, timeouts=FAST_TIMEOUTS
    )
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def window(qtbot: QtBot, clock: ManualClock, service: TrainingService) -> Iterator[MainWindow]:
    main = open_window(qtbot, clock, service)
    yield main
    main.close()


@pytest.fixture
def driver(qtbot: QtBot, window: MainWindow, service: TrainingService, clock: ManualClock) -> Driver:
    return Driver(qtbot, window, service, clock)


def press_in_dialog(roles: tuple[QMessageBox.ButtonRole, ...]) -> None:
    """Press the first button with one of ``roles`` in the message box on screen, if any."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        return
    for button in box.buttons():
        if box.buttonRole(button) in roles:
            button.click()
            return


@contextmanager
def while_dialogs_open(handle: Callable[[], None]) -> Iterator[None]:
    """Call ``handle`` every 20 ms meanwhile: it answers whatever modal dialog the app opened, as a user would."""
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(handle)
    timer.start()
    try:
        yield
    finally:
        timer.stop()


@contextmanager
def answering(*roles: QMessageBox.ButtonRole) -> Iterator[None]:
    """Press the button with one of ``roles`` in each question box that opens meanwhile."""
    with while_dialogs_open(lambda: press_in_dialog(roles)):
        yield


def using_dialog(kind: type[D], use: Callable[[D], None]) -> Callable[[], None]:
    """For :func:`while_dialogs_open`: ``use`` the first dialog of ``kind`` that opens, once."""
    used: list[D] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and not used:
            used.append(dialog)
            use(dialog)

    return handle


@pytest.fixture
def answer_yes() -> Iterator[None]:
    """Say yes (or OK) to every question the app asks, by pressing the real dialog's button."""
    with answering(QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.AcceptRole):
        yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """With MIRECOVERY_MATRIX_REPORT set, note each fault-matrix case's outcome for scripts/reliability.py."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    target = os.environ.get("MIRECOVERY_MATRIX_REPORT")
    callspec = getattr(item, "callspec", None)
    if not target or callspec is None or "trouble" not in callspec.params:
        return
    if report.when == "call" or (report.when == "setup" and report.failed):
        details = dict(item.user_properties).get("matrix", {})
        line = {
            "step": callspec.params["step"],
            "fault": callspec.params["trouble"].name,
            "passed": report.passed,
            **(details if isinstance(details, dict) else {}),
        }
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps(line) + "\n")


@pytest.fixture
def shop(qtbot: QtBot, clock: ManualClock, service: TrainingService) -> Iterator[Driver]:
    """The window in shop mode, with a staff name in Settings."""
    save_settings(config_dir() / SETTINGS_FILE, Settings(shop_mode=True, staff_name="Sari"))
    window = open_window(qtbot, clock, service)
    yield Driver(qtbot, window, service, clock)
    window.close()


@pytest.fixture
def restore_look() -> Iterator[None]:
    """The application's font and colour scheme as they were, after a test that changes them."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    yield
    apply_scheme("")
    app.setFont(font)


class Heartbeat:
    """A 10 ms timer on the GUI thread: the largest gap between its ticks is the longest freeze."""

    def __init__(self) -> None:
        self.ticks: list[int] = []
        self._elapsed = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(lambda: self.ticks.append(self._elapsed.elapsed()))

    def __enter__(self) -> Heartbeat:
        self._elapsed.start()
        self._timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._timer.stop()

    @property
    def longest_gap_ms(self) -> int:
        return max((b - a for a, b in itertools.pairwise(self.ticks)), default=0)

    def beats(self, qtbot: QtBot, count: int) -> None:
        """Let ``count`` more ticks pass: the window's follow-up work (checks, autosave) falls in the measure."""
        target = len(self.ticks) + count
        qtbot.waitUntil(lambda: len(self.ticks) >= target, timeout=5000)
