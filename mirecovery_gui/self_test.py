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
ROOT_WITHOUT_SANDBOX = (
    "Qt WebEngine does not run as root with its sandbox on: run the self-test as a normal user "
    "(on a test machine only: QTWEBENGINE_DISABLE_SANDBOX=1)"
)


class SelfTestError(Exception):
    pass


class FlowDriver:
    def __init__(self, window: MainWindow, timeout_s: float = 20.0) -> None:
        self.recovered_case = ""  # the case the recovery was recorded in, once it is done
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
        case = self.window.session.cases.case
        self.recovered_case = case.id if case is not None else ""
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
            import os

            if hasattr(os, "geteuid") and os.geteuid() == 0:
                raise SelfTestError(ROOT_WITHOUT_SANDBOX)
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


def run_self_test(extra_args: list[str] | None = None, case_db: str = "") -> int:
    """A training recovery end to end, in a data folder of its own.

    Never the shop's: a self-test run beside an open window would otherwise
    see that window's live case as interrupted, and add a case to the log.
    With ``case_db`` (a shop database's address) the recovery is recorded there,
    marked as a self-test, so a shop can check each desk's connection and role.
    """
    from mirecovery_gui.gui.pages.official_site import root_without_sandbox_switch

    if root_without_sandbox_switch():
        # Known before anything runs: no half-done self-test is recorded on a shop database.
        print(f"self-test FAILED: {ROOT_WITHOUT_SANDBOX}", file=sys.stderr, flush=True)
        return 1
    missing = _keyring_parts_missing()
    if missing:
        print(f"self-test FAILED: {missing}", file=sys.stderr, flush=True)
        return 1
    if case_db:
        problem = check_shop_database(case_db)
        if problem:
            print(f"self-test FAILED: {problem}", file=sys.stderr, flush=True)
            return 1
        # The self-test runs in a data folder of its own; its case carries this desk's name all the same.
        extra_args = ["--desk", _this_desk(extra_args or []), *(extra_args or [])]
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
            return _run_self_test(extra_args, case_db)
        finally:
            if previous is None:
                os.environ.pop(HOME_ENV, None)
            else:
                os.environ[HOME_ENV] = previous


def _keyring_parts_missing() -> str:
    """What this build lacks to keep a shop database's password in the system's keyring ("" : nothing).

    A keyring service need not run here (CI has none); the parts that talk to one must be there.
    """
    import importlib

    needed = ["keyring"] + (["secretstorage", "keyring.backends.SecretService"] if sys.platform == "linux" else [])
    for module in needed:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            return f"this build cannot reach the system's keyring ({module} missing: {exc.name})"
    return ""


def _this_desk(extra_args: list[str]) -> str:
    """The desk's name: ``--desk`` given, else the one its own settings give (read before the scratch folder)."""
    from mirecovery_gui.app import desk_name, settings_path
    from mirecovery_gui.store.settings import load_settings

    given = extra_args[extra_args.index("--desk") + 1] if "--desk" in extra_args[:-1] else None
    return desk_name(load_settings(settings_path()).settings, given)


def check_shop_database(url: str) -> str:
    """What keeps this desk from recording cases on the shop database at ``url``; "" when nothing does."""
    from mirecovery_gui.store.database import SCHEMA_VERSION
    from mirecovery_gui.store.shop_database import (
        ShopAddress,
        ShopAddressError,
        connect,
        schema_version,
    )

    try:
        address = ShopAddress.parse(url)
    except ShopAddressError as exc:
        return f"the shop database address cannot be used: {exc}"
    try:
        import psycopg
    except ImportError:
        return "this mirecovery has no PostgreSQL driver (psycopg)"
    try:
        with connect(address, timeout_s=5.0) as server:
            found = schema_version(server)
            if found < SCHEMA_VERSION:
                return (
                    f"the shop database {address} is not set up for this mirecovery (schema {found} of "
                    f"{SCHEMA_VERSION}); its owner runs: mirecovery shop-db init --case-db URL"
                )
            if found > SCHEMA_VERSION:
                return f"the shop database {address} was set up by a newer mirecovery: update this desk"
            row = server.execute(
                "SELECT has_table_privilege('cases', 'INSERT') AND has_table_privilege('cases', 'UPDATE') "
                "AND has_table_privilege('shop_uploads', 'INSERT')"
            ).fetchone()
            if row is None or not row[0]:
                return (
                    f"the login {address.user} may not record cases on {address}: give it the desk role "
                    "(GRANT mirecovery_desk TO ...)"
                )
    except psycopg.errors.InsufficientPrivilege:
        return (
            f"the login {address.user} may not use the case log on {address}: give it the desk role "
            "(GRANT mirecovery_desk TO ...)"
        )
    except psycopg.Error as exc:
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        text = detail.lower()
        if "permission denied" in text:
            return (
                f"the login {address.user} may not use the case log on {address}: give it the desk role "
                f"(GRANT mirecovery_desk TO {address.user})"
            )
        if "no password supplied" in text:
            from mirecovery_gui.store.shop_database import keyring_available

            if keyring_available():
                return (
                    f"no password for {address.user} on {address}: enter it in Settings > Shop database (the "
                    "system's keyring keeps it), or set PGPASSWORD for this command"
                )
            return (
                f"no password for {address.user} on {address}: this computer has no keyring to keep it, so set "
                "PGPASSWORD for this command"
            )
        if "password" in text:
            return f"the shop database {address} refused the password of {address.user} ({detail})"
        if "ssl" in text or "certificate" in text:
            return f"the secure connection (TLS) to {address} failed: {detail}"
        return f"the shop database {address} cannot be used: {detail}"
    return ""


def _run_self_test(extra_args: list[str] | None, case_db: str = "") -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from mirecovery_gui.app import create_main_window, install_qt_message_handler

    install_qt_message_handler()
    if QApplication.instance() is None:
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)  # Qt WebEngine's need
    app = QApplication.instance() or QApplication(["mirecovery", "-platform", "offscreen"])
    began = time.monotonic()
    window = create_main_window(
        ["--training", *(["--case-db", case_db] if case_db else []), *(extra_args or [])], self_test=True
    )
    window.show()
    recorded = ""
    driver = FlowDriver(window)
    try:
        driver.run()
        server = window.app.providers.training_server
        if server is None or server.service.password_of("demo@example.com") != PASSWORD:
            raise SelfTestError("the training service did not get the new password")
        if case_db:
            recorded = _recorded_on_shop_database(window, driver.recovered_case)
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
        f"self-test ok: training recovery and Xiaomi's practice page inside in {time.monotonic() - began:.1f} s"
        + (f"; recorded on the shop database as case {recorded} (marked self-test)" if recorded else ""),
        flush=True,
    )
    return 0


def _recorded_on_shop_database(window: MainWindow, case_id: str) -> str:
    """The self-test's recovery, read back from the shop database; its case number."""
    from mirecovery_gui.store.cases import Outcome, case_number

    stores = window.app.stores
    case_log = stores.case_log()
    if case_log is None or not case_id:
        raise SelfTestError("no case was recorded (the case log could not be opened on this computer)")
    if not case_log.flush(15.0):
        status = stores.link.status if stores.link is not None else None
        problem = status.problem if status is not None else None
        raise SelfTestError(f"the case did not reach the shop database ({problem or 'it cannot be reached'})")
    stored = case_log.get(case_id)
    if stored is None or not stored.self_test or stored.outcome is not Outcome.PASSWORD_RESET:
        raise SelfTestError("the shop database does not hold the self-test's case as it was saved")
    return case_number(case_id)
