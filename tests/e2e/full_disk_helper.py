"""The real window on a disk that fills up (RLIMIT_FSIZE), for tests/e2e/test_full_disk.py.

python tests/e2e/full_disk_helper.py LANG

Prints one JSON line per stage: what the window said, what it asked, whether
it stayed open; the test reads them. Questions are answered by recording them
(the user presses the safe answer), so the helper never waits on a dialog.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit

from mirecovery_gui.app import create_main_window
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui import dialogs
from mirecovery_gui.self_test import FlowDriver
from mirecovery_gui.store.paths import data_dir

asked: list[str] = []
told: list[str] = []


def say(**values: Any) -> None:
    print(json.dumps(values), flush=True)


def keep_open(_parent: Any, _title: str, text: str, *_args: Any, **_kwargs: Any) -> bool:
    asked.append(text)
    return False  # the safe answer: keep mirecovery open


def main() -> int:
    language = sys.argv[1]
    app = QApplication(sys.argv[:1])
    dialogs.ask = keep_open
    dialogs.inform = lambda _parent, title, text: told.append(f"{title}: {text}")
    window = create_main_window(["--training", "--lang", language])
    window.show()
    driver = FlowDriver(window)
    driver.wait_for("identifier page", driver.on_page(Step.IDENTIFIER))
    stores = window.app.stores
    assert stores.case_log() is not None and stores.flush(10.0)
    notice = window.findChild(QLabel, "notice_label")

    # The disk fills up: no file of this process may grow any more.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of the signal that would end us
    largest = max(path.stat().st_size for path in data_dir().iterdir() if path.is_file())
    resource.setrlimit(resource.RLIMIT_FSIZE, (largest, resource.RLIM_INFINITY))

    driver.child(QLineEdit, "identifier_input").setText("1234567890")
    driver.child(QAbstractButton, "lost_everything_button").click()
    driver.wait_for("support page", driver.on_page(Step.LOST_EVERYTHING))
    driver.child(QLineEdit, "support_owner_name_input").setText("Budi Santoso")
    driver.child(QLineEdit, "support_imei_input").setText("490154203237518")
    window.session.save_support()
    driver.wait_for("the disk-full notice", lambda: stores.trouble is not None and notice.isVisible())
    full = notice.text()
    say(stage="full", notice=full, pending=stores.pending_writes)

    window.close()
    say(stage="close", asked=asked[-1:], open=window.isVisible())

    window.app.erase_everything(window)
    say(stage="erase", told=told[-1:])

    # Room again.
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    assert stores.flush(30.0)
    driver.wait_for("the saved-again notice", lambda: notice.isVisible() and notice.text() not in ("", full))
    questions = len(asked)
    case_log = stores.case_log()
    from mirecovery_gui.store.cases import CaseQuery

    left = len(case_log.search(CaseQuery())) if case_log is not None else -1
    window.close()
    say(
        stage="room", notice=notice.text(), cases_left=left, asked_again=len(asked) > questions, open=window.isVisible()
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
