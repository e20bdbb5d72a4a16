"""Screenshots of the shop features (run under Xvfb): history, settings, the resume and not-saved notices.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots_shop.py [--out docs/screenshots]
        [--lang en|id] [--scheme light|dark]

Uses a scratch MIRECOVERY_HOME with a few sample cases; nothing real is touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--scheme", choices=("light", "dark"), default="light")
    args = parser.parse_args()
    suffix = args.lang + ("-dark" if args.scheme == "dark" else "")
    os.environ["MIRECOVERY_HOME"] = tempfile.mkdtemp(prefix="mirecovery-shots-")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from mirecovery_gui.app import SETTINGS_FILE, create_main_window
    from mirecovery_gui.core.support_request import ShopChecklist, SupportFacts
    from mirecovery_gui.gui.settings_dialog import SettingsDialog
    from mirecovery_gui.self_test import FlowDriver
    from mirecovery_gui.store.cases import Case, CaseLog, Outcome
    from mirecovery_gui.store.database import Database
    from mirecovery_gui.store.drafts import Draft, DraftStore
    from mirecovery_gui.store.paths import config_dir, database_path
    from mirecovery_gui.store.settings import Settings, save_settings

    app = QApplication(sys.argv[:1])
    save_settings(config_dir() / SETTINGS_FILE, Settings(shop_mode=True, staff_name="Sari", language=args.lang))
    database = Database(database_path())
    cases, drafts = CaseLog(database), DraftStore(database)
    now = dt.datetime.now(dt.UTC)

    def at(days: float) -> str:
        return (now - dt.timedelta(days=days)).isoformat(timespec="seconds")

    draft = Draft(
        SupportFacts(
            account_id="6187483211",
            imei="352099001761481",
            model="Redmi Note 12",
            owner_name="Budi Santoso",
            contact_email="budi.baru@gmail.com",
            checklist=ShopChecklist(True, True, True, "Sari"),
        )
    )
    drafts.save(draft)
    samples = [
        Case(
            "live",
            opened_at=at(1.2),
            identifier_kind="account_id",
            identifier_masked="61******11",
            steps=[("lost_everything", at(1.2))],
            outcome=Outcome.SUPPORT_REQUEST,
            staff="Sari",
            customer_name="Budi Santoso",
            customer_contact="0813 1111 2222",
            device_model="Redmi Note 12",
            imei="352099001761481",
            checklist={
                "proof_of_purchase_seen": True,
                "box_imei_matches": True,
                "owner_identity_checked": True,
                "checked_by": "Sari",
            },
            draft_id=draft.id,
            closed_at=at(1.15),
        ),
        Case(
            "live",
            opened_at=at(0.3),
            identifier_kind="email",
            identifier_masked="r***@gmail.com",
            steps=[
                ("captcha", at(0.3)),
                ("send_code", at(0.3)),
                ("enter_code", at(0.29)),
                ("new_password", at(0.29)),
                ("done", at(0.28)),
            ],
            outcome=Outcome.PASSWORD_RESET,
            staff="Sari",
            customer_name="Rina Wati",
            customer_contact="0812 9876 5432",
            closed_at=at(0.28),
        ),
        Case(
            "live",
            opened_at=at(0.1),
            identifier_kind="phone",
            identifier_masked="+62*****4421",
            steps=[("captcha", at(0.1)), ("send_code", at(0.1))],
            outcome=Outcome.ABANDONED,
            staff="Andi",
            customer_name="Pak Joko",
            notes="Customer will come back tomorrow with the box.",
            closed_at=at(0.09),
        ),
        Case(
            "training",
            opened_at=at(0.02),
            identifier_kind="email",
            identifier_masked="d***@example.com",
            steps=[("captcha", at(0.02)), ("send_code", at(0.02)), ("enter_code", at(0.02))],
            staff="Sari",
        ),
    ]
    for case in samples:
        cases.save(case)
    database.close()

    window = create_main_window(["--training", "--lang", args.lang, "--scheme", args.scheme])
    window.show()
    driver = FlowDriver(window)
    notice = window.notice

    def grab(widget: QWidget, name: str) -> None:
        app.processEvents()
        frame = widget.frameGeometry()
        shot = widget.screen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        path = out / f"{name}-{suffix}.png"
        shot.save(str(path))
        print(path)

    driver.wait_for("the resume notice", notice.isVisible)
    grab(window, "09-resume-notice")
    window.app.show_history()
    history = window.app.history
    history.move(20, 20)
    driver.wait_for("history", lambda: history.isVisible() and not history.searching and bool(history.model.cases))
    history.table.selectRow(0)
    driver.wait_for("the request", lambda: not history.searching)
    grab(history, "10-history")

    def snap_settings() -> None:
        dialog = app.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, snap_settings)
            return
        grab(dialog, "11-settings")
        dialog.reject()

    QTimer.singleShot(200, snap_settings)
    window.app.show_settings()
    assert isinstance(app.activeModalWidget(), SettingsDialog | None)
    window.close()

    # A data folder that cannot be made (as on a write-protected stick): the app runs and says so.
    blocked = Path(tempfile.mkdtemp(prefix="mirecovery-shots-"))
    (blocked / "data").write_text("not a folder")
    os.environ["MIRECOVERY_HOME"] = str(blocked)
    window = create_main_window(["--training", "--lang", args.lang, "--scheme", args.scheme])
    window.show()
    driver = FlowDriver(window)
    driver.wait_for("the not-saved notice", window.notice.isVisible)
    grab(window, "12-not-saved")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
