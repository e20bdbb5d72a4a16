"""``mirecovery --self-test``: the whole training flow, offscreen, through the real widgets.

It drives the window the way a person would (typing, clicking, reading the
training phone) and exits 0 when the password was changed and the practice
copy of Xiaomi's page has loaded inside the window (Qt WebEngine). It runs the
same from source and from the packaged bundle, so a bundle missing a plugin or
a resource fails here instead of at a customer's counter. Qt WebEngine is
pointed at a closed loopback port for anything but loopback: the self-test
never reaches a real host.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget, QWidget

from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.main_window import MainWindow

PASSWORD = "Self-test-42!"


class SelfTestError(Exception):
    pass


class FlowDriver:
    def __init__(self, window: MainWindow, timeout_s: float = 20.0) -> None:
        self.window = window
        self.wizard = window.wizard
        self.timeout_s = timeout_s

    def wait_for(self, what: str, condition: Callable[[], bool]) -> None:
        """Let the event loop run until ``condition`` holds (no sleeping)."""
        deadline = time.monotonic() + self.timeout_s
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(lambda: loop.quit() if condition() or time.monotonic() > deadline else None)
        timer.start()
        if not condition():
            loop.exec()
        timer.stop()
        if not condition():
            page = self.wizard.currentPage()
            errors = page.findChild(QLabel, "error_label") if page else None
            detail = f" (page {page.objectName() if page else '?'}: {errors.text() if errors else ''})"
            raise SelfTestError(f"timed out waiting for {what}{detail}")

    def child(self, kind: type, name: str):  # type: ignore[no-untyped-def]
        widget = self.window.findChild(kind, name)
        if widget is None:
            raise SelfTestError(f"missing widget {name}")
        return widget

    def on_page(self, step: Step) -> Callable[[], bool]:
        return lambda: self.wizard.current_step is step

    def press_next(self) -> None:
        button = self.wizard.next_button
        self.wait_for("the Next button", button.isEnabled)
        button.click()

    def run(self) -> None:
        self.reach_code_page()
        self.enter_code_and_password()
        self.open_practice_page()

    def open_practice_page(self) -> None:
        """File > Practise on Xiaomi's page: the practice copy loads inside the window."""
        self.window.practice_site_action.trigger()
        self.wait_for("Xiaomi's page (practice copy)", self.on_page(Step.OFFICIAL_SITE))
        page = self.wizard.page_for(Step.OFFICIAL_SITE)
        view: QWidget | None = None

        def view_or_fallback() -> bool:
            nonlocal view
            view = self.window.findChild(QWidget, "official_page_view")
            return view is not None or getattr(page, "_webengine_ok", None) is False

        self.wait_for("Xiaomi's page inside (Qt WebEngine)", view_or_fallback)
        if view is None:
            raise SelfTestError("Qt WebEngine cannot start here: Xiaomi's page would open in the system browser")
        self.wait_for(
            "the practice page to load inside", lambda: str(getattr(view, "title", str)()).startswith("TRAINING")
        )

    def reach_code_page(self) -> None:
        """From the identifier page to the code page, with a code sent by email to demo@example.com."""
        self.wait_for("the identifier page", self.on_page(Step.IDENTIFIER))
        self.child(QLineEdit, "identifier_input").setText("demo@example.com")
        self.press_next()

        self.wait_for("the captcha page", self.on_page(Step.CAPTCHA))
        captcha_page = self.wizard.page_for(Step.CAPTCHA)
        self.wait_for("the captcha picture", lambda: getattr(captcha_page, "image_loaded", False))
        self.child(QAbstractButton, "training_show_answer_button").click()
        answer = self.child(QLabel, "training_captcha_answer")
        self.wait_for("the training answer", lambda: bool(answer.text()))
        self.child(QLineEdit, "captcha_input").setText(answer.text())
        self.press_next()

        self.wait_for("the send-code page", self.on_page(Step.SEND_CODE))
        self.child(QAbstractButton, "channel_email").click()
        send = self.child(QAbstractButton, "send_code_button")
        self.wait_for("the Send button", send.isEnabled)
        send.click()

        self.wait_for("the code page", self.on_page(Step.ENTER_CODE))

    def enter_code_and_password(self) -> None:
        phone = self.child(QListWidget, "training_phone")
        self.wait_for("a message on the training phone", lambda: phone.count() > 0)
        newest = phone.item(phone.count() - 1).text()
        match = re.search(r"\b(\d{6})\b", newest)
        if not match:
            raise SelfTestError("the training message holds no code")
        self.child(QLineEdit, "code_input").setText(match.group(1))
        self.press_next()

        self.wait_for("the new-password page", self.on_page(Step.NEW_PASSWORD))
        self.child(QLineEdit, "new_password_input").setText(PASSWORD)
        self.child(QLineEdit, "confirm_password_input").setText(PASSWORD)
        self.press_next()

        self.wait_for("the done page", self.on_page(Step.DONE))


def run_self_test(extra_args: list[str] | None = None) -> int:
    """A training recovery end to end, in a data folder of its own.

    Never the shop's: a self-test run beside an open window would otherwise
    see that window's live case as interrupted, and add a case to the log.
    """
    import os
    import tempfile

    from mirecovery_gui.store.paths import HOME_ENV

    # Chromium's own requests (and any link) meet a closed port; loopback is never proxied.
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--proxy-server" not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --proxy-server=http://127.0.0.1:9".strip()
    with tempfile.TemporaryDirectory(prefix="mirecovery-self-test-") as scratch:
        previous = os.environ.get(HOME_ENV)
        os.environ[HOME_ENV] = scratch
        try:
            return _run_self_test(extra_args)
        finally:
            if previous is None:
                os.environ.pop(HOME_ENV, None)
            else:
                os.environ[HOME_ENV] = previous


def _run_self_test(extra_args: list[str] | None) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from mirecovery_gui.app import create_main_window, install_qt_message_handler

    install_qt_message_handler()
    if QApplication.instance() is None:
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)  # Qt WebEngine's need
    app = QApplication.instance() or QApplication(["mirecovery", "-platform", "offscreen"])
    began = time.monotonic()
    window = create_main_window(["--training", *(extra_args or [])])
    window.show()
    try:
        FlowDriver(window).run()
        server = window.app.providers.training_server
        if server is None or server.service.password_of("demo@example.com") != PASSWORD:
            raise SelfTestError("the training service did not get the new password")
    except SelfTestError as failure:
        print(f"self-test FAILED: {failure}", file=sys.stderr, flush=True)
        return 1
    finally:
        window.close()
        # Gone before the interpreter tears down: Qt WebEngine wants its page deleted before its profile.
        window.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    print(
        f"self-test ok: training recovery and Xiaomi's practice page inside in {time.monotonic() - began:.1f} s",
        flush=True,
    )
    return 0
