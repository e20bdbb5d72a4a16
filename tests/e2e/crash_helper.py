"""Run the app to the code page, say "ready", then wait to be killed (tests/e2e/test_crash.py).

python tests/e2e/crash_helper.py [support | erase]

``erase``: type a support request, then delete its case in the case history
(answering Delete to the question), as a shop does when a customer asks.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QTableView, QWidget

from mirecovery_gui.app import claim_data_folder, create_main_window
from mirecovery_gui.core.flow import Step
from mirecovery_gui.self_test import FlowDriver
from mirecovery_gui.store.cases import CaseQuery


def erase_in_history(window: QWidget) -> None:
    from mirecovery_gui.gui import dialogs

    dialogs.ask = lambda *_args, **_kwargs: True  # the user answers Delete
    window.app.show_history()
    history = window.app.history
    table = history.findChild(QTableView, "history_table")
    driver = FlowDriver(window)  # type: ignore[arg-type]
    driver.wait_for("the history", lambda: not history.searching and bool(history.model.cases))
    table.selectRow(0)
    history.findChild(QAbstractButton, "history_delete_button").click()
    driver.wait_for("the deletion", lambda: not history.searching)
    assert history.case_log.search(CaseQuery()) == [], "the case is still listed"


def main() -> int:
    app = QApplication(sys.argv[:1])
    lock, _elsewhere = claim_data_folder()  # as the app does: one window per data folder
    assert lock is not None, _elsewhere
    window = create_main_window(["--training", "--lang", "en"])
    window.show()
    driver = FlowDriver(window)
    driver.wait_for("identifier page", driver.on_page(Step.IDENTIFIER))
    if sys.argv[1:] in (["support"], ["erase"]):
        driver.child(QLineEdit, "identifier_input").setText("1234567890")
        driver.child(QAbstractButton, "lost_everything_button").click()
        driver.wait_for("support page", driver.on_page(Step.LOST_EVERYTHING))
        driver.child(QLineEdit, "support_imei_input").setText("490154203237518")
        driver.child(QLineEdit, "support_owner_name_input").setText("Budi Santoso")
        window.session.save_support()
    else:
        driver.reach_code_page()
    store = window.app.stores.case_log()
    store.database.writer.flush()
    if sys.argv[1:] == ["erase"]:
        erase_in_history(window)
        store.database.writer.flush()
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
