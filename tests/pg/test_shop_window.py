"""The window on a shop database: what a desk sees when the server is there, away, or says no."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from mirecovery_gui.app import SETTINGS_FILE
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.history import HistoryWindow
from mirecovery_gui.gui.main_window import MainWindow
from mirecovery_gui.gui.settings_dialog import SettingsDialog
from mirecovery_gui.gui.shop_database_dialog import ShopDatabaseDialog
from mirecovery_gui.store.cases import Case
from mirecovery_gui.store.paths import config_dir, data_dir, log_dir
from mirecovery_gui.store.settings import Settings, load_settings, save_settings
from mirecovery_gui.store.shop_database import KEYRING_SERVICE, MANAGER_ROLE, ShopAddress
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import Driver, answering, open_window, using_dialog, while_dialogs_open
from tests.pg.cluster import free_port
from tests.pg.conftest import MemoryKeyring, PgServer, Shop

pytest.importorskip("psycopg")


@pytest.fixture
def front_settings() -> None:
    save_settings(config_dir() / SETTINGS_FILE, Settings(shop_mode=True, staff_name="Sari", desk_name="Front"))


def shop_window(qtbot: QtBot, clock: ManualClock, service: TrainingService, address: ShopAddress) -> Driver:
    window = open_window(qtbot, clock, service, "--lang", "en", "--case-db", str(address))
    return Driver(qtbot, window, service, clock)


def status_text(window: MainWindow) -> str:
    label = window.findChild(QLabel, "shop_status_label")
    return label.text() if label is not None and label.isVisible() else ""


def notice_text(window: MainWindow) -> str:
    label = window.findChild(QLabel, "notice_label")
    return label.text() if label is not None and label.isVisible() else ""


@pytest.fixture
def front(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, shop: Shop, front_settings: None
) -> Iterator[Driver]:
    driver = shop_window(qtbot, clock, service, shop.login())
    yield driver
    driver.window.close()


def test_a_recovery_is_recorded_on_the_shop_database_with_its_desk_and_staff(front: Driver, shop: Shop) -> None:
    front.qtbot.waitUntil(lambda: "connected, everything saved (desk Front)" in status_text(front.window))
    code = front.to_enter_code()
    front.enter_code(code)
    front.new_password()
    front.wait_step(Step.DONE)
    front.qtbot.waitUntil(
        lambda: (
            shop.count(
                "SELECT count(*) FROM cases WHERE desk = 'Front' AND staff = 'Sari' AND outcome = 'password_reset' "
                "AND identifier_masked <> ''"
            )
            == 1
        ),
        timeout=10000,
    )
    front.qtbot.waitUntil(lambda: "everything saved" in status_text(front.window))


def test_with_the_server_away_the_desk_works_on_and_the_window_counts_what_waits(
    front: Driver, shop: Shop, pg_server: PgServer
) -> None:
    front.qtbot.waitUntil(lambda: "connected" in status_text(front.window))
    front.identifier("demo@example.com")
    front.solve_captcha()
    pg_server.stop()
    try:
        front.send()
        front.enter_code(front.newest_code())
        front.new_password()
        front.wait_step(Step.DONE)
        front.qtbot.waitUntil(lambda: "cannot be reached" in status_text(front.window), timeout=10000)
        assert "changes wait on this computer" in status_text(
            front.window
        ) or "change waits on this computer" in status_text(front.window)
        assert "0 change" not in status_text(front.window)
        # History still shows the case, from this desk's queue.
        front.window.app.show_history()
        history = front.window.app.history
        assert history is not None
        front.qtbot.waitUntil(lambda: not history.searching)
        assert history.model.rowCount() == 1
        assert "cannot be reached" in history.status_label.text()
    finally:
        pg_server.start()
    front.qtbot.waitUntil(lambda: "everything saved" in status_text(front.window), timeout=20000)
    assert shop.count("SELECT count(*) FROM cases WHERE outcome = 'password_reset'") == 1
    assert shop.count() == 1


def test_history_shows_every_desk_with_a_filter_and_who_has_an_open_case(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, shop: Shop, front_settings: None
) -> None:
    back = shop.desk("Back")
    open_there = Case("training", customer_name="Dewi at the back", staff="Budi")
    back.log.save(open_there)
    assert back.log.flush()
    driver = shop_window(qtbot, clock, service, shop.login())
    try:
        driver.window.app.show_history()
        history = driver.window.app.history
        assert isinstance(history, HistoryWindow)
        qtbot.waitUntil(lambda: not history.searching)
        table = history.findChild(QTableView, "history_table")
        assert table is not None and table.model().rowCount() == 1
        assert "Desk" in history.model.headers
        desks = history.findChild(QComboBox, "history_desk_combo")
        assert desks is not None and desks.isVisible()
        assert [desks.itemText(i) for i in range(desks.count())] == ["All desks", "Back"]
        table.selectRow(0)
        assert "Open at desk Back, with Budi." in history.details_label.text()
        # A desk's login: no Delete offered.
        assert not history.findChild(QPushButton, "history_delete_button").isVisible()
        assert not history.findChild(QPushButton, "history_delete_all_button").isVisible()
    finally:
        driver.window.close()


def test_a_manager_is_offered_delete_and_it_reaches_every_desk(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, shop: Shop, front_settings: None
) -> None:
    back = shop.desk("Back")
    case = Case("training", customer_name="Dewi")
    back.log.save(case)
    assert back.log.flush()
    driver = shop_window(qtbot, clock, service, shop.login(MANAGER_ROLE))
    try:
        driver.window.app.show_history()
        history = driver.window.app.history
        assert history is not None
        qtbot.waitUntil(lambda: not history.searching and history.model.rowCount() == 1)
        history.table.selectRow(0)
        delete = history.findChild(QPushButton, "history_delete_button")
        assert delete.isVisible()
        with answering(QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.AcceptRole):
            delete.click()
        qtbot.waitUntil(lambda: history.status_label.text() == "Deleted.")
        assert shop.count() == 0
        assert back.log.get(case.id) is None
    finally:
        driver.window.close()


def test_a_missing_or_refused_password_is_asked_for_and_kept_in_the_keyring_only(
    qtbot: QtBot,
    clock: ManualClock,
    service: TrainingService,
    shop: Shop,
    front_settings: None,
    memory_keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "desk-secret-4821"
    address = shop.login(password=secret)  # not in the keyring yet
    driver = shop_window(qtbot, clock, service, address)
    window = driver.window

    def enter(password: str) -> None:
        def type_password(dialog: QInputDialog) -> None:
            field = dialog.findChild(QLineEdit)
            assert field.echoMode() == QLineEdit.EchoMode.Password
            assert "not a customer's Mi account password" in dialog.labelText()
            qtbot.keyClicks(field, password)
            dialog.accept()

        button = window.findChild(QPushButton, "shop_password_button")
        assert button is not None and button.isVisible()
        with while_dialogs_open(using_dialog(QInputDialog, type_password)):
            button.click()

    try:
        qtbot.waitUntil(lambda: "enter this desk's password" in status_text(window), timeout=10000)
        assert f"needs this desk's password (the login {address.user}" in notice_text(window)
        enter("not-the-password")
        qtbot.waitUntil(lambda: "refused that password" in notice_text(window), timeout=15000)
        assert "password was refused" in status_text(window)
        enter(secret)
        qtbot.waitUntil(lambda: "connected" in status_text(window), timeout=15000)
        assert memory_keyring.secrets == {(KEYRING_SERVICE, address.key): secret}
        assert "password" not in notice_text(window)
    finally:
        window.close()
    for file in [*config_dir().rglob("*"), *data_dir().rglob("*"), *log_dir().rglob("*")]:
        if file.is_file():
            assert secret.encode() not in file.read_bytes(), file.name
    assert caplog.records and secret not in caplog.text  # and in no log line, at any level


def test_settings_take_the_shop_database_without_its_password(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, memory_keyring: MemoryKeyring
) -> None:
    window = open_window(qtbot, clock, service)

    def fill_shop_database(dialog: ShopDatabaseDialog) -> None:
        try:
            fill(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()  # a failed step must not leave it open (the test would hang)

    def fill(dialog: ShopDatabaseDialog) -> None:
        address = dialog.findChild(QLineEdit, "shop_db_address_input")
        address.setText("postgresql://desk1:hunter2@shop.local/cases")
        dialog._on_buttons_accepted()
        error = dialog.findChild(QLabel, "shop_db_error_label")
        assert error.isVisible() and "holds a password" in error.text()
        assert address.text() == "postgresql://desk1:hunter2@shop.local/cases"  # nothing typed is lost
        address.setText("postgresql://desk1@shop.local/cases")
        dialog.findChild(QLineEdit, "shop_db_desk_input").setText("Front")
        dialog.sslmode_combo.setCurrentIndex(dialog.sslmode_combo.findData("verify-full"))
        dialog.findChild(QLineEdit, "shop_db_ca_input").setText("/etc/shop-ca.pem")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "shop_db_password_input"), "desk-pass-77")
        dialog._on_buttons_accepted()

    shown: list[str] = []

    def use_settings(dialog: SettingsDialog) -> None:
        try:
            with while_dialogs_open(using_dialog(ShopDatabaseDialog, fill_shop_database)):
                dialog.findChild(QPushButton, "settings_shop_database_button").click()
            shown.append(dialog.shop_database_label.text())
        finally:
            dialog.accept()  # never left open: a failed step must not hang the test

    with while_dialogs_open(using_dialog(SettingsDialog, use_settings)):
        window.app.show_settings()
    assert shown == [
        "Shop database: postgresql://desk1@shop.local/cases?sslmode=verify-full&sslrootcert=/etc/shop-ca.pem "
        "(desk Front)"
    ]
    saved = load_settings(config_dir() / SETTINGS_FILE).settings
    assert saved.shop_database == "postgresql://desk1@shop.local/cases?sslmode=verify-full&sslrootcert=/etc/shop-ca.pem"
    assert saved.desk_name == "Front"
    assert "desk-pass-77" not in (config_dir() / SETTINGS_FILE).read_text()
    key = ShopAddress.parse(saved.shop_database).key
    assert memory_keyring.secrets == {(KEYRING_SERVICE, key): "desk-pass-77"}
    assert "applies when mirecovery starts again" in notice_text(window)
    window.close()


def test_a_change_made_at_another_desk_is_not_overwritten_unseen(front: Driver, shop: Shop) -> None:
    front.qtbot.waitUntil(lambda: "connected" in status_text(front.window))
    front.wait_step(Step.IDENTIFIER)
    front.type_into("customer_name_input", "Ani")
    front.identifier("demo@example.com")
    front.solve_captcha()
    front.wait_step(Step.SEND_CODE)
    case = front.window.session.cases.case
    assert case is not None
    front.qtbot.waitUntil(lambda: "everything saved" in status_text(front.window))
    back = shop.desk("Back")
    theirs = back.log.get(case.id)
    assert theirs is not None
    theirs.customer_name = "Ani Wijaya"  # the back desk writes the whole name
    theirs.device_model = "Redmi Note 12"
    back.log.save(theirs)
    assert back.log.flush()

    front.send()
    front.wait_step(Step.ENTER_CODE)
    front.qtbot.waitUntil(lambda: "also worked on at desk Back" in notice_text(front.window), timeout=10000)
    assert "(customer's name, model)" in notice_text(front.window)
    assert front.window.session.cases.case.customer_name == "Ani Wijaya"  # shown here too
    # The desk's next changes go through, and never lay its old copy over theirs.
    front.enter_code(front.newest_code())
    front.wait_step(Step.NEW_PASSWORD)

    def on_server() -> tuple[str, str, bool]:
        with shop.owner() as owner:
            row = owner.execute("SELECT customer_name, device_model, steps FROM cases WHERE id = %s", (case.id,))
            name, model, steps = row.fetchone()
        return name, model, "enter_code" in steps

    front.qtbot.waitUntil(lambda: on_server() == ("Ani Wijaya", "Redmi Note 12", True), timeout=10000)


def test_an_address_that_cannot_be_used_keeps_cases_on_this_computer_and_says_so(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, tmp_path: Path
) -> None:
    window = open_window(qtbot, clock, service, "--lang", "en", "--case-db", "mysql://desk@shop/cases")
    try:
        assert "cannot be used (it must start with postgresql://)" in notice_text(window)
        assert window.findChild(QLabel, "shop_status_label") is None
    finally:
        window.close()


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_shop_database_dialog_reads_whole_with_distinct_shortcuts(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, language: str
) -> None:
    from collections import Counter

    from PySide6.QtWidgets import QAbstractButton

    from tests.gui.ui_walk import clipped_once_laid_out, mnemonic, visible

    window = open_window(qtbot, clock, service, "--lang", language)
    dialog = ShopDatabaseDialog("postgresql://desk1@shop.local/cases?sslmode=verify-full", "", "shop-pc-2", window)
    dialog.show()
    qtbot.waitExposed(dialog)
    try:
        letters = [mnemonic(button.text()) for button in visible(dialog, QAbstractButton)]
        letters += [mnemonic(label.text()) for label in visible(dialog, QLabel) if label.buddy() is not None]
        repeated = [letter for letter, count in Counter(letter for letter in letters if letter).items() if count > 1]
        assert repeated == []
        assert clipped_once_laid_out(qtbot, dialog) == []
        assert dialog.findChild(QLineEdit, "shop_db_address_input").text() == "postgresql://desk1@shop.local:5432/cases"
        assert dialog.sslmode_combo.currentData() == "verify-full"
        assert dialog.findChild(QLineEdit, "shop_db_desk_input").placeholderText() == "shop-pc-2"
    finally:
        dialog.close()
        window.close()


def test_a_case_erased_by_a_manager_ends_at_the_desk_that_had_it(front: Driver, shop: Shop) -> None:
    front.qtbot.waitUntil(lambda: "connected" in status_text(front.window))
    front.identifier("demo@example.com")
    front.solve_captcha()
    front.wait_step(Step.SEND_CODE)
    case = front.window.session.cases.case
    assert case is not None
    front.qtbot.waitUntil(lambda: "everything saved" in status_text(front.window))
    manager = shop.desk("Office", MANAGER_ROLE)
    manager.log.delete([case.id])
    assert manager.log.flush()

    front.send()  # the desk goes on, and its next save meets the erasure
    front.qtbot.waitUntil(lambda: "deleted from the shop database by a manager" in notice_text(front.window))
    front.wait_step(Step.IDENTIFIER)  # its recovery of that case ended
    front.qtbot.waitUntil(lambda: "everything saved" in status_text(front.window))
    assert shop.count() == 0


def test_tls_options_typed_into_the_address_are_kept_and_verify_needs_the_ca_file(
    qtbot: QtBot, clock: ManualClock, service: TrainingService
) -> None:
    window = open_window(qtbot, clock, service)
    dialog = ShopDatabaseDialog("", "", "shop-pc", window)
    dialog.show()
    try:
        address = dialog.findChild(QLineEdit, "shop_db_address_input")
        address.setText("postgresql://desk1@shop.local/cases?sslmode=verify-full")
        dialog._on_buttons_accepted()
        error = dialog.findChild(QLabel, "shop_db_error_label")
        assert error.isVisible() and "choose the CA file" in error.text()
        assert dialog.sslmode_combo.currentData() == "verify-full"  # taken from the address, not dropped
        assert address.text() == "postgresql://desk1@shop.local:5432/cases"
        dialog.findChild(QLineEdit, "shop_db_ca_input").setText("/etc/shop-ca.pem")
        dialog._on_buttons_accepted()
        assert dialog.result() == ShopDatabaseDialog.DialogCode.Accepted
        assert (
            dialog.url() == "postgresql://desk1@shop.local:5432/cases?sslmode=verify-full&sslrootcert=/etc/shop-ca.pem"
        )
    finally:
        dialog.close()
        window.close()


def self_test(url: str, *extra: str, password: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PGPASSWORD": password, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("MIRECOVERY_CASE_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "mirecovery_gui", "--self-test", "--case-db", url, *extra],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_the_self_test_records_its_case_for_the_desk_or_says_why_it_cannot(shop: Shop) -> None:
    password = "desk-self-test-1"
    desk = shop.login(password=password)
    ran = self_test(str(desk), "--desk", "Front", password=password)
    assert ran.returncode == 0, ran.stderr
    assert "recorded on the shop database as case" in ran.stdout
    assert (
        shop.count("SELECT count(*) FROM cases WHERE self_test = 1 AND desk = 'Front' AND outcome = 'password_reset'")
        == 1
    )

    no_role = shop.login(group="", password=password)
    ran = self_test(str(no_role), password=password)
    assert ran.returncode == 1 and "give it the desk role" in ran.stderr
    ran = self_test(str(desk), password="wrong")
    assert ran.returncode == 1 and "refused the password" in ran.stderr
    ran = self_test(str(desk), password="")
    assert ran.returncode == 1 and "no password for" in ran.stderr
    away = ShopAddress(desk.user, "127.0.0.1", free_port(), desk.database)
    ran = self_test(str(away), password=password)
    assert ran.returncode == 1 and "cannot be used" in ran.stderr and "refused" in ran.stderr.lower()
