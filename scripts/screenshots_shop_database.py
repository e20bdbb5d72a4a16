"""Screenshots of a desk on a shop database (run under Xvfb; needs Debian's ``postgresql`` programs).

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots_shop_database.py [--out docs/screenshots]
        [--lang en|id] [--scheme light|dark]

Starts a throwaway PostgreSQL cluster on 127.0.0.1 and a scratch MIRECOVERY_HOME; nothing real is
touched. Shots: the Shop database dialog (13), History with two desks (14), and the window while
the server is away, at the default size and on a 1024x600 screen (15).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--scheme", choices=("light", "dark"), default="light")
    args = parser.parse_args()
    os.environ["MIRECOVERY_HOME"] = tempfile.mkdtemp(prefix="mirecovery-shots-")
    from tests.pg.cluster import throwaway_cluster

    with throwaway_cluster() as server:
        return shoot(server, Path(args.out), args.lang, args.scheme)


def shoot(server: object, out: Path, lang: str, scheme: str) -> int:
    import psycopg
    from PySide6.QtWidgets import QApplication, QWidget

    from mirecovery_gui.app import SETTINGS_FILE, create_main_window
    from mirecovery_gui.core.flow import Step
    from mirecovery_gui.gui.shop_database_dialog import ShopDatabaseDialog
    from mirecovery_gui.self_test import FlowDriver
    from mirecovery_gui.store.cases import Case, Outcome
    from mirecovery_gui.store.database import Database
    from mirecovery_gui.store.paths import config_dir
    from mirecovery_gui.store.settings import Settings, save_settings
    from mirecovery_gui.store.shop_database import DESK_ROLE, ShopAddress, init_roles, remember_password
    from mirecovery_gui.store.shop_log import ShopCaseLog, ShopLink
    from tests.pg.cluster import PgServer

    assert isinstance(server, PgServer)
    suffix = lang + ("-dark" if scheme == "dark" else "")
    out.mkdir(parents=True, exist_ok=True)
    name = server.create_database()
    with psycopg.connect(server.url(name), autocommit=True) as owner:
        init_roles(owner)

    def login(user: str) -> ShopAddress:
        password = uuid.uuid4().hex
        with psycopg.connect(server.url(name), autocommit=True) as owner:
            owner.execute(f"CREATE ROLE {user} LOGIN PASSWORD '{password}' IN ROLE {DESK_ROLE}")
        address = ShopAddress.parse(server.tcp_url(name, user))
        remember_password(address, password)  # the keyring, or this run's memory where there is none
        return address

    app = QApplication(sys.argv[:1])
    now = dt.datetime.now(dt.UTC)

    def at(days: float) -> str:
        return (now - dt.timedelta(days=days)).isoformat(timespec="seconds")

    # The back desk's cases, written the way that desk writes them.
    back_folder = Path(tempfile.mkdtemp(prefix="mirecovery-shots-back-"))
    back_database = Database(back_folder / "cases.sqlite3")
    back_link = ShopLink(login("desk_back"), back_database, "Back")
    back = ShopCaseLog(back_link)
    back.save(
        Case(
            "live",
            opened_at=at(0.4),
            identifier_kind="email",
            identifier_masked="r***@gmail.com",
            steps=[("captcha", at(0.4)), ("send_code", at(0.4)), ("done", at(0.39))],
            outcome=Outcome.PASSWORD_RESET,
            staff="Budi",
            customer_name="Rina Wati",
            customer_contact="0812 9876 5432",
            closed_at=at(0.39),
        )
    )
    back.save(
        Case(
            "live",
            opened_at=at(0.01),
            identifier_kind="phone",
            identifier_masked="+62*****4421",
            steps=[("captcha", at(0.01)), ("send_code", at(0.01))],
            staff="Budi",
            customer_name="Pak Joko",
            device_model="Redmi 13C",
        )
    )
    assert back_link.flush(10.0)
    back.close()
    back_link.close()
    back_database.close()

    front_address = login("desk_front")
    save_settings(
        config_dir() / SETTINGS_FILE,
        Settings(shop_mode=True, staff_name="Sari", desk_name="Front", language=lang),
    )
    window = create_main_window(["--training", "--lang", lang, "--scheme", scheme, "--case-db", str(front_address)])
    window.show()
    driver = FlowDriver(window)

    def grab(widget: QWidget, shot: str) -> None:
        app.processEvents()
        frame = widget.frameGeometry()
        picture = widget.screen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        path = out / f"{shot}-{suffix}.png"
        picture.save(str(path))
        print(path)

    status = window.findChild(QWidget, "shop_status_label")
    driver.wait_for("the shop database", lambda: window.app.stores.link is not None)
    link = window.app.stores.link
    driver.wait_for("the shop database connected", lambda: link.status.reachable is True)

    dialog = ShopDatabaseDialog(str(front_address) + "?sslmode=verify-full&sslrootcert=/etc/mirecovery/shop-ca.pem",
                                "Front", "kasir-pc", window)  # fmt: skip
    dialog.show()
    dialog.move(40, 40)
    driver.wait_for("the shop database dialog", dialog.isVisible)
    grab(dialog, "13-shop-database-dialog")
    dialog.close()

    window.app.show_history()
    history = window.app.history
    assert history is not None
    history.move(20, 20)
    driver.wait_for("history", lambda: history.isVisible() and not history.searching and bool(history.model.cases))
    history.table.selectRow(0)
    driver.wait_for("the request", lambda: not history.searching)
    grab(history, "14-shop-history")
    history.close()

    # The server goes away mid-recovery: the desk works on, and the foot of the window counts what waits.
    driver.wait_for("the identifier page", driver.on_page(Step.IDENTIFIER))
    server.stop()
    try:
        driver.child(QWidget, "identifier_input").setText("demo@example.com")
        driver.press_next()
        driver.wait_for("the captcha page", driver.on_page(Step.CAPTCHA))
        status = window.findChild(QWidget, "shop_status_label")
        driver.wait_for("the server away", lambda: link.status.reachable is False and link.status.waiting > 0)
        grab(window, "15-shop-away")
        window.resize(1000, 536)  # a 1024x600 screen, less the window's frame and a taskbar
        grab(window, "15-shop-away-1024x600")
    finally:
        server.start()
    driver.wait_for("everything uploaded", lambda: link.flush(1.0))
    assert status is not None
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
