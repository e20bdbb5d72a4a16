"""Xiaomi's page inside the wizard, driven against the practice website over loopback.

The test drives the page the way a person would fill it in; it types through the page's own fields
with JavaScript (test only: the app itself runs no script in the page and reads nothing from it).
Anything the view asks of another host goes to a closed loopback port (tests/conftest.py).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.main_window import MainWindow
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import Driver, answering, open_window, while_dialogs_open

pytest.importorskip("PySide6.QtWebEngineWidgets")

NEW_PASSWORD = "Rainy-day-43"


class Page:
    """The embedded page, read and filled as a person would (in the test only)."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.view = window.findChild(QWidget, "official_page_view")
        assert self.view is not None

    def screen(self) -> str:
        found: list[str] = []
        self.view.page().runJavaScript("document.body ? document.body.dataset.screen || '' : ''", 0, found.append)
        self.qtbot.waitUntil(lambda: bool(found) or found == [""], timeout=5000)
        return str(found[0] or "")

    def wait_screen(self, screen: str) -> None:
        self.qtbot.waitUntil(lambda: self.screen() == screen, timeout=10000)

    def fill(self, values: dict[str, str], submit: str) -> None:
        script = "".join(
            f"document.getElementById({json.dumps(k)}).value = {json.dumps(v)};" for k, v in values.items()
        )
        done: list[object] = []
        self.view.page().runJavaScript(
            script + f"document.getElementById({json.dumps(submit)}).click(); 1", 0, done.append
        )
        self.qtbot.waitUntil(lambda: bool(done), timeout=5000)

    def click(self, element: str) -> None:
        done: list[object] = []
        self.view.page().runJavaScript(f"document.getElementById({json.dumps(element)}).click(); 1", 0, done.append)
        self.qtbot.waitUntil(lambda: bool(done), timeout=5000)


def practise(qtbot: QtBot, clock: ManualClock, service: TrainingService) -> tuple[MainWindow, Driver, Page]:
    window = open_window(qtbot, clock, service)
    driver = Driver(qtbot, window, service, clock)
    driver.wait_step(Step.IDENTIFIER)
    assert window.practice_site_action.isVisible()
    window.practice_site_action.trigger()
    driver.wait_step(Step.OFFICIAL_SITE)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "official_page_view") is not None)
    page = Page(qtbot, window)
    page.wait_screen("account")
    return window, driver, page


def test_a_whole_recovery_on_the_embedded_practice_page(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    window, driver, page = practise(qtbot, clock, service)
    address = window.findChild(QLabel, "official_address_label").toolTip()
    assert address.startswith("http://127.0.0.1:") and address.endswith("/pass/forgetPassword")
    assert "Practice site" in window.findChild(QLabel, "official_tls_label").text()
    assert "3 codes a day" in window.findChild(QLabel, "official_guide_label").text()

    qtbot.waitUntil(lambda: bool(json.loads(service.peek({}).body)["captcha_answer"]))
    answer = json.loads(service.peek({}).body)["captcha_answer"]
    page.fill({"user": "demo@example.com", "icode": answer}, "next")
    page.wait_screen("send")
    page.fill({}, "send")
    page.wait_screen("code")
    qtbot.waitUntil(lambda: bool(service.inbox()))
    page.fill({"ticket": service.inbox()[-1].code}, "verify")
    page.wait_screen("password")
    page.fill({"password": NEW_PASSWORD, "password2": NEW_PASSWORD}, "submit")
    page.wait_screen("done")
    assert service.password_of("demo@example.com") == NEW_PASSWORD

    driver.click("official_worked_button")
    driver.wait_step(Step.DONE)
    window.close()


def test_the_code_does_not_come_says_what_to_try_and_no_contact_leads_to_support(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    window, driver, _page = practise(qtbot, clock, service)
    hint = window.findChild(QLabel, "official_hint_label")
    assert not hint.isVisible()
    driver.click("official_no_code_button")
    qtbot.waitUntil(hint.isVisible)
    assert "WhatsApp" in hint.text() and "Spam" in hint.text()
    driver.click("official_no_contact_button")
    driver.wait_step(Step.LOST_EVERYTHING)
    window.close()


def test_a_link_to_another_site_opens_outside_and_the_page_stays(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(QUrl(url).toString()) or True)
    )
    window, _driver, page = practise(qtbot, clock, service)
    page.click("elsewhere")
    qtbot.waitUntil(lambda: opened == ["https://www.mi.com/global/support/"])
    assert page.screen() == "account"
    assert "did not load" not in _driver.error_text()  # a link sent outside is not a failure of the page
    assert page.view.url().host() == "127.0.0.1"
    window.close()


def _webengine_files(roots: list[Path]) -> set[str]:
    found: set[str] = set()
    for root in roots:
        if root.exists():
            found |= {
                str(p) for p in root.rglob("*") if any(w in p.name.lower() for w in ("webengine", "cookies", "cache"))
            }
    return found


def test_the_page_keeps_nothing_on_disk(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, private_home: Path
) -> None:
    roots = [private_home, Path(tempfile.gettempdir()), Path.home() / ".local" / "share", Path.home() / ".cache"]
    before = _webengine_files(roots)
    window, _driver, page = practise(qtbot, clock, service)
    answer = json.loads(service.peek({}).body)["captcha_answer"]
    page.fill({"user": "demo@example.com", "icode": answer}, "next")  # a session cookie now exists
    page.wait_screen("send")
    window.close()
    assert _webengine_files(roots) - before == set()


def test_qt_webengine_is_not_imported_until_the_page_is_shown() -> None:
    import subprocess
    import sys

    # A fresh process: this one has WebEngine loaded by the tests above. Start-up must not grow.
    script = (
        "import sys;"
        "from PySide6.QtWidgets import QApplication;"
        "app = QApplication(['t', '-platform', 'offscreen']);"
        "from mirecovery_gui.app import create_main_window;"
        "w = create_main_window(['--training']); w.show(); app.processEvents();"
        "print(sorted(m for m in sys.modules if 'WebEngine' in m))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("[]"), out.stdout


def test_starting_on_xiaomis_page_paints_the_window_before_qt_webengine_loads(tmp_path: Path) -> None:
    """Settings "Start with: Xiaomi account" in the embedded mode: the first page is Xiaomi's, and the
    window still paints first (Qt WebEngine takes a third of a second to load)."""
    import os
    import subprocess
    import sys

    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text('{"provider": "xiaomi"}', encoding="utf-8")
    script = (
        "import sys;"
        "from PySide6.QtCore import QCoreApplication, Qt;"
        "QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts);"
        "from PySide6.QtWidgets import QApplication;"
        "app = QApplication(['t', '-platform', 'offscreen']);"
        "from mirecovery_gui.app import create_main_window;"
        "w = create_main_window(['--official-url', 'http://127.0.0.1:9/pass/forgetPassword']); w.show();"
        "print(w.wizard.current_step.name);"
        "app.exec();"  # until the first page has painted (MIRECOVERY_QUIT_AFTER_FIRST_PAINT)
        "print(sorted(m for m in sys.modules if 'WebEngine' in m))"
    )
    env = dict(os.environ, MIRECOVERY_HOME=str(home), MIRECOVERY_QUIT_AFTER_FIRST_PAINT="1")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["OFFICIAL_SITE", "[]"], out.stdout


def test_when_webengine_cannot_load_the_real_account_mode_opens_the_page_outside(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from mirecovery_gui.training.server import TrainingServer

    # Installed, but its libraries cannot load (a PC without libnss3): the import itself fails.
    monkeypatch.setitem(sys.modules, "mirecovery_gui.gui.widgets.official_view", None)
    with TrainingServer(service) as server:
        window = open_window(
            qtbot, clock, service, "--lang", "en", "--official-url", server.url + "/pass/forgetPassword"
        )
        window.app.providers.use("xiaomi", server_url=server.url)
        driver = Driver(qtbot, window, service, clock)
        driver.wait_step(Step.OFFICIAL_SITE)
        qtbot.waitUntil(driver.button("open_site_button").isVisible)  # once the import has failed
        assert window.findChild(QWidget, "official_page_view") is None
        assert window.findChild(QWidget, "official_worked_button").isVisible()
        # Chosen, not a failure: the page says why it opens outside.
        intro = window.wizard.currentPage().findChild(QLabel, "page_intro").text()
        assert "cannot show Xiaomi's page inside the app" in intro
        # How it went is said here too, and recorded: it worked on the website.
        driver.click("official_no_code_button")
        qtbot.waitUntil(lambda: window.findChild(QLabel, "official_hint_label").isVisible())
        driver.click("official_worked_button")
        driver.wait_step(Step.DONE)
        window.close()


def test_the_default_real_account_mode_is_xiaomis_page_inside(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    from mirecovery_gui.training.server import TrainingServer

    with TrainingServer(service) as server:
        page_url = server.url + "/pass/forgetPassword"
        window = open_window(qtbot, clock, service, "--lang", "en", "--official-url", page_url)
        window.app.providers.use("xiaomi", server_url=server.url)
        driver = Driver(qtbot, window, service, clock)
        driver.wait_step(Step.OFFICIAL_SITE)  # no identifier page: Xiaomi's page asks for it
        qtbot.waitUntil(lambda: window.findChild(QWidget, "official_page_view") is not None)
        page = Page(qtbot, window)
        page.wait_screen("account")
        assert "Xiaomi's page" in window.wizard.currentPage().findChild(QLabel, "page_heading").text()
        assert not window.training_phone.isVisible()
        window.close()


def test_a_page_that_does_not_load_says_so_with_reload_and_the_browser(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(QUrl(url).toString()) or True)
    )
    closed = "http://127.0.0.1:9/pass/forgetPassword"  # nothing listens there
    window = open_window(qtbot, clock, service, "--lang", "en", "--official-url", closed)
    window.app.providers.use("xiaomi", server_url="http://127.0.0.1:9")
    driver = Driver(qtbot, window, service, clock)
    driver.wait_step(Step.OFFICIAL_SITE)
    qtbot.waitUntil(lambda: "did not load" in driver.error_text(), timeout=15000)
    assert driver.button("official_reload_button").isVisible()
    assert window.findChild(QLabel, "official_tls_label").text() == "Not loaded:"  # never "Encrypted"
    driver.click("official_outside_button")
    assert opened == [closed]
    window.close()


def test_how_it_went_is_recorded_on_the_case(qtbot: QtBot, clock: ManualClock, service: TrainingService) -> None:
    from mirecovery_gui.store.cases import CaseQuery, Outcome

    window, driver, _page = practise(qtbot, clock, service)
    steps = window.findChild(QWidget, "step_list")

    def shown_steps() -> list[str]:
        return [label.text() for label in steps.findChildren(QLabel) if label.isVisible()]

    # Xiaomi's page asks its own steps: the app does not pretend to have done them.
    assert shown_steps() == ["▶ 1. Xiaomi's page", "  2. Done"]
    driver.click("official_worked_button")
    driver.wait_step(Step.DONE)
    assert shown_steps() == ["✓ 1. Xiaomi's page", "▶ 2. Done"]
    log = window.app.stores.case_log()
    log.database.writer.flush()
    cases = log.search(CaseQuery())
    assert len(cases) == 1
    case = cases[0]
    assert case.provider == "training" and case.outcome is Outcome.PASSWORD_RESET
    assert [name for name, _when in case.steps][-2:] == ["official_site", "done"]
    window.close()


def test_reload_fetches_the_page_again_and_never_sends_the_last_form_again(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    window, driver, page = practise(qtbot, clock, service)
    answer = json.loads(service.peek({}).body)["captcha_answer"]
    page.fill({"user": "demo@example.com", "icode": answer}, "next")
    page.wait_screen("send")
    page.fill({}, "send")
    page.wait_screen("code")
    sent = service.hits("send")
    # The training phone looked by itself after the page's step.
    qtbot.waitUntil(lambda: window.findChild(QWidget, "training_phone").count() == 1)
    driver.click("official_reload_button")
    page.wait_screen("account")  # the page afresh, as a browser's address bar would fetch it
    assert service.hits("send") == sent and len(service.inbox()) == 1
    window.close()


def test_the_direct_profile_hands_over_to_xiaomis_page_inside_with_what_was_typed(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    """An answer the direct profile does not understand leads to Xiaomi's page inside the app (not an outside
    browser), with the account typed before ready to copy (the page's fields are never filled by the app) and,
    in shop mode, the customer typed on the first page still on the case."""
    from urllib.request import urlopen

    from PySide6.QtGui import QGuiApplication

    from mirecovery_gui.app import SETTINGS_FILE, create_main_window
    from mirecovery_gui.store.paths import config_dir
    from mirecovery_gui.store.settings import Settings, save_settings
    from mirecovery_gui.training.faults import Fault, FaultKind
    from mirecovery_gui.training.server import TrainingServer
    from tests.conftest import FAST_TIMEOUTS

    save_settings(config_dir() / SETTINGS_FILE, Settings(shop_mode=True, staff_name="Sari"))
    with TrainingServer(service) as server:
        window = create_main_window(
            ["--lang", "en", "--real-account", "direct", "--official-url", server.url + "/pass/forgetPassword"],
            clock=clock,
            training_service=service,
            timeouts=FAST_TIMEOUTS,
        )
        qtbot.addWidget(window)
        window.show()
        window.app.providers.use("xiaomi", server_url=server.url)  # the live profile, on loopback
        driver = Driver(qtbot, window, service, clock)
        driver.wait_step(Step.IDENTIFIER)
        driver.type_into("customer_name_input", "Budi Santoso")
        driver.identifier("demo@example.com")
        driver.wait_step(Step.CAPTCHA)
        driver.captcha_loaded()
        with urlopen(server.url + "/_training/peek", timeout=5) as answer:  # the trainer's screen
            captcha = json.loads(answer.read())["captcha_answer"]
        driver.type_into("captcha_input", captcha)
        service.faults.add(Fault(FaultKind.CONTENT_TYPE, step="identity_list"))
        driver.press_next()
        driver.wait_step(Step.OFFICIAL_SITE)  # at once: no button to find first
        qtbot.waitUntil(lambda: window.findChild(QWidget, "official_page_view") is not None)
        Page(qtbot, window).wait_screen("account")
        page = window.wizard.currentPage()
        assert "could not go on" in page.findChild(QLabel, "page_intro").text()
        typed = window.findChild(QLabel, "official_identifier_label")
        assert typed.isVisible() and typed.text() == "Account typed before: demo@example.com"
        driver.click("official_copy_identifier_button")
        assert QGuiApplication.clipboard().text() == "demo@example.com"
        name = window.findChild(QLineEdit, "official_customer_name_input")
        assert name.isVisible() and name.text() == "Budi Santoso"  # the same customer, not an empty case
        window.close()


def test_in_shop_mode_the_customer_beside_xiaomis_page_goes_on_the_case(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    """The customer typed beside the page is recorded (the page tells the app nothing), "the code does not
    come" is an outcome of its own in the case log, and the next customer starts with empty fields."""
    from mirecovery_gui.app import SETTINGS_FILE
    from mirecovery_gui.store.cases import CaseQuery, Outcome
    from mirecovery_gui.store.paths import config_dir
    from mirecovery_gui.store.settings import Settings, save_settings

    save_settings(config_dir() / SETTINGS_FILE, Settings(shop_mode=True, staff_name="Sari"))
    window, driver, _page = practise(qtbot, clock, service)
    name = window.findChild(QWidget, "official_customer_name_input")
    assert window.findChild(QWidget, "official_customer_box").isVisible() and name.isVisible()
    driver.type_into("official_customer_name_input", "Budi Santoso")
    driver.type_into("official_customer_contact_input", "0812 3456 7890")
    log = window.app.stores.case_log()
    log.database.writer.flush()
    (case,) = log.search(CaseQuery())
    assert (case.customer_name, case.outcome) == ("Budi Santoso", Outcome.OPEN)  # in progress at the desk
    driver.click("official_no_code_button")
    log.database.writer.flush()
    (case,) = log.search(CaseQuery())
    assert case.outcome is Outcome.CODE_NOT_RECEIVED and case.staff == "Sari"
    assert case.customer_contact == "0812 3456 7890"
    with answering(QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole):
        window.new_action.trigger()  # the next customer (a code may be on its way: it asks first)
        qtbot.waitUntil(lambda: name.text() == "")
    log.database.writer.flush()
    (case,) = log.search(CaseQuery())
    assert case.outcome is Outcome.CODE_NOT_RECEIVED  # said, so not turned into "stopped"
    window.close()


def test_esc_inside_the_page_asks_before_it_starts_again(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window, driver, page = practise(qtbot, clock, service)
    page.click("user")  # typing in Xiaomi's page: the keyboard is inside the web view
    page.view.setFocus()
    qtbot.waitUntil(lambda: page.view.focusProxy() is not None and page.view.focusProxy().hasFocus())
    asked: list[str] = []

    def answer_continue() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and not asked:
            asked.append(box.text())
            box.reject()  # "Continue": the page stays, as it was

    with while_dialogs_open(answer_continue):
        QTest.keyClick(page.view.focusProxy(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: bool(asked))
    assert "Stop and start again?" in asked[0] and "code may still arrive" in asked[0]
    assert driver.step is Step.OFFICIAL_SITE and page.screen() == "account"
    window.close()


def test_without_qt_webengine_practice_opens_the_practice_copy_in_the_browser(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Training never opens Xiaomi's real page, and shows no QR code a phone could not open (loopback)."""
    import sys

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(QUrl(url).toString()) or True)
    )
    monkeypatch.setitem(sys.modules, "mirecovery_gui.gui.widgets.official_view", None)
    window = open_window(qtbot, clock, service)
    driver = Driver(qtbot, window, service, clock)
    driver.wait_step(Step.IDENTIFIER)
    window.practice_site_action.trigger()
    driver.wait_step(Step.OFFICIAL_SITE)
    qtbot.waitUntil(driver.button("open_site_button").isVisible)
    assert not window.findChild(QWidget, "qr_view").isVisible()
    driver.click("open_site_button")
    assert len(opened) == 1 and opened[0].startswith("http://127.0.0.1:") and "/pass/forgetPassword" in opened[0]
    assert "xiaomi.com" not in window.findChild(QLabel, "official_url_label").text()
    window.close()


def test_a_language_switch_never_reloads_the_page_by_itself(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    """What was typed in the page is never thrown away by a language switch: the page says to press Reload,
    and Reload brings the page in the new language."""
    window, driver, page = practise(qtbot, clock, service)
    assert page.view.title() == "TRAINING · Reset password"
    page.fill({"user": "demo@example.com"}, "user")  # typed, not sent
    window.findChild(QAction, "language_id_action").trigger()
    qtbot.waitUntil(lambda: "Muat ulang" in driver.error_text() or "Reload" in driver.error_text())
    typed: list[object] = []
    page.view.page().runJavaScript("document.getElementById('user').value", 0, typed.append)
    qtbot.waitUntil(lambda: bool(typed))
    assert typed == ["demo@example.com"] and page.view.title() == "TRAINING · Reset password"
    driver.click("official_reload_button")
    qtbot.waitUntil(lambda: page.view.title() == "TRAINING · Atur ulang sandi")
    window.close()


def test_the_training_phone_shows_the_codes_the_practice_page_sent(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    """The page has a session of its own (its own cookies): its codes reach the training phone all the same,
    even when the app's own recovery had begun (a classroom server shows a student their sessions only)."""
    from PySide6.QtWidgets import QListWidget

    def latest_answer() -> str:
        return str(json.loads(service.peek({}).body)["captcha_answer"])

    window = open_window(qtbot, clock, service)
    driver = Driver(qtbot, window, service, clock)
    driver.identifier("0812 0000 0001")  # the app's own recovery begins: its session exists
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)
    apps_answer = latest_answer()
    window.practice_site_action.trigger()
    driver.wait_step(Step.OFFICIAL_SITE)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "official_page_view") is not None)
    page = Page(qtbot, window)
    page.wait_screen("account")
    qtbot.waitUntil(lambda: latest_answer() != apps_answer)  # the page's own picture
    page.fill({"user": "demo@example.com", "icode": latest_answer()}, "next")
    page.wait_screen("send")
    page.fill({}, "send")  # by SMS, the page's first choice
    page.wait_screen("code")
    phone = window.findChild(QListWidget, "training_phone")
    qtbot.waitUntil(lambda: any("+6281200000002" in phone.item(i).text() for i in range(phone.count())))
    window.close()
