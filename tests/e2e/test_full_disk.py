"""A disk that fills up while the window is open: it says so, keeps the changes, never closes on them.

The disk is filled for real, in a child process (RLIMIT_FSIZE: no file of the
process may grow), so the database, its journal and the logs all meet it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HELPER = Path(__file__).with_name("full_disk_helper.py")

TEXTS = {
    "en": {
        "full": "The case log could not be saved: the disk is full.",
        "close": "If mirecovery closes now, they are lost.",
        "erase": "Not deleted yet",
        "room": "The case log is saved again.",
    },
    "id": {
        "full": "Catatan kasus tidak bisa disimpan: disk penuh.",
        "close": "hilang",
        "erase": "Belum dihapus",
        "room": "Catatan kasus sudah tersimpan lagi.",
    },
}


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("language", ["en", "id"])
def test_the_window_tells_keeps_asks_and_saves_when_there_is_room(private_home: Path, language: str) -> None:
    done = subprocess.run(
        [sys.executable, str(HELPER), language],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    said = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    stages = {line["stage"]: line for line in said}
    texts = TEXTS[language]
    full, close, erase, room = stages["full"], stages["close"], stages["erase"], stages["room"]
    assert full["notice"].startswith(texts["full"]) and full["pending"] > 0
    # Closing with unsaved changes asks; the safe answer keeps the window open.
    assert len(close["asked"]) == 1 and texts["close"] in close["asked"][0] and close["open"] is True
    # "Delete all data" never says "deleted" while the customers are still in the file.
    assert texts["erase"] in erase["told"][0]
    # With room again: everything lands (the deletion too), the window says so and closes without asking.
    assert room["notice"] == texts["room"]
    assert room["cases_left"] == 0 and room["asked_again"] is False and room["open"] is False
