"""Run the fault matrix and write docs/reliability.md from what each case recorded.

    python scripts/reliability.py            # run tests/gui/test_fault_matrix.py, write the page
    python scripts/reliability.py --check    # also exit 1 if any case failed (it always prints)

The page is generated, never edited by hand: a test checks that its rows and
columns are the matrix's steps and faults.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.gui.test_fault_matrix import CASES, STEPS, TROUBLES  # noqa: E402

PAGE = ROOT / "docs" / "reliability.md"

WAYS = {  # the button the message points at -> what the cell says
    "error_retry_button": "Try again",
    "error_wait_button": "countdown, then Try again",
    "send_code_button": "countdown on Send, then Send",
    "error_new_captcha_button": "New picture",
    "error_new_code_button": "Get a new code",
    "error_start_over_button": "Start again",
    "error_official_site_button": "Official website",
    "error_support_request_button": "Support request",
    "error_continue_button": "Go on (it may have been done)",
}
STEP_TITLES = {
    "captcha": "captcha picture",
    "start": "start",
    "quota": "codes left",
    "send": "send code",
    "verify": "verify code",
    "reset": "new password",
}


# Faults the matrix cannot make (they are not one step meeting one answer).
# Each family names its tests; the figures are what those tests measured on
# the CI machine when this text was last revised (the tests assert the bounds).
FAMILIES = """\
## Beyond the matrix: fault families

Every family below ran with **data lost: 0**: nothing a user typed or saved went missing, and nothing a
user deleted stayed behind.

### Erasure that erases (`tests/unit/test_store_faults.py`, `tests/e2e/test_crash.py`)

- Faults tried: delete one case, delete a draft, the retention purge, then `kill -9` with the database
  still open; the same through the real window (a support request typed, deleted in the case history,
  then `kill -9`).
- After the deletion the `-wal` file is emptied while the app still runs (a checkpoint with TRUNCATE and
  `secure_delete` on). Before: the deleted name, email and IMEI were still in the `-wal` after a kill -9
  (4 copies of the name, 23 draft versions). Now: **0 copies** in the database, `-wal`, `-shm`, journals,
  settings, logs and temporary files.
- The purge runs at start and every hour while the app is open. Files are 0600 and folders 0700 whatever
  the umask.

### No silent write failure (`test_store_faults.py`, `e2e/test_full_disk.py`, `gui/test_unwritable_home.py`)

- Faults tried: a real full file system (a 2 MB tmpfs filled up, in a private mount namespace), the same
  through RLIMIT_FSIZE, a damaged table page, a file that is not a database, a read-only data folder, a data
  folder that cannot be made, a second window on the same data folder.
- A full disk: **25 of 25** refused writes were kept in memory, the window said "The case log could not be
  saved: the disk is full…" at once (not after a timeout), and all 25 landed, in order, once there was room
  (retried with a growing wait, at most 30 s). Before: 10 writes failed with only a log line, and the case
  and draft were gone.
- A damaged database is set aside (renamed with the date) and a new one started, with a notice; a
  read-only or missing folder, or a file where the folder should be: the app starts, training works,
  the notice says cases are not being saved (before: no window at all).
- With changes waiting for the disk, closing the window asks first (the safe answer keeps it open),
  and "Delete all data" says "not deleted yet" until the deletion is on disk (before: "deleted", with
  200 copies of the name still in the file). Tested through the real window, in English and
  Indonesian, on a disk filled with RLIMIT_FSIZE (`tests/e2e/test_full_disk.py`).
- A second window says where the first one runs (process and start time) and changes nothing; the first
  window's case stays open.

### Honest messages after a lost answer (the matrix row "done, then the answer lost")

- Faults tried: the training service acts (starts the recovery, sends a code, accepts a code, sets the new
  password) and then the connection drops before the answer: 4 steps; then Enter pressed, as a user
  does (`tests/gui/test_lost_answers.py`).
- No message says nothing changed. After a send the code counts as sent (the countdown runs before
  another can be asked for); after a reset "The new password may already be active. Try signing in with
  it first"; the way forward is "Go on", and Next and Enter go on too: none repeats the POST (before the
  walk-through: Enter checked the accepted code again and sent the customer off for a new one).

### The client's parsing (`tests/unit/test_client_transport.py`)

- Faults tried: `1e999` and a 5000-digit number as the result code, `vCodeLen` 1e300 and `sendsLeft`
  10^20, JSON nested 100 000 deep, an object or a list where a number belongs, `Retry-After: Fri, 31 Dec
  9999` and a 5000-digit Retry-After, headers trickled a few bytes every 50 ms past the deadline, a code
  the server refused sent again.
- Every one becomes one of our errors with a way forward; the wait is capped at 24 h and shown as
  hours:minutes:seconds; the client alone ends a trickling answer at the step deadline, over plain HTTP
  and over TLS (before: over TLS the deadline cut nothing, and a trickling answer held the step 14 s
  instead of 1.5 s); a refused code cannot be sent again unchanged, and the page says why.

### Hostile sizes (`tests/gui/test_hostile_sizes.py`, `tests/unit/test_files.py`)

- Faults tried: a 10 MB paste into the description, the notes, the identifier and the code field; a
  7000 × 7000 captcha picture; `-o` on a folder, a link, a dangling link, a FIFO, a socket; a disk error
  during the write.
- 10 MB paste into the description: **11 ms**, longest GUI pause **18 ms** (before: 11 s and 1.58 GB, a
  27.5 MB draft); notes 6 ms / 19 ms; the identifier and code field 1 ms / 12 ms. The description keeps its
  first 2000 characters and the notes 4000, and the field says so.
- The 7000 × 7000 captcha is refused off the GUI thread (longest GUI pause 11 ms; before: 250 ms and
  +188 MB on the GUI thread); the next picture works.
- A refused target keeps its reason and no file; no temporary file is ever left.

### The classroom training server (`tests/unit/test_training_classroom.py`, `tests/unit/test_training_rules.py`)

- Faults tried: 100 students connecting at once; faults and peeks from another machine; a wrong or
  missing join code; fault values that are infinite, huge or carry CR/LF; two students behind one address.
- 100 at once: **0 timeouts**, slowest answer 92-105 ms (before, with a listen queue of 5: 14 timeouts).
- Beyond loopback the server prints a warning and a join code and refuses requests without it (the
  app then says the join code is missing); faults are armed only from the trainer's own machine; the
  inbox (peek) shows a student their own codes only, and the trainer's machine every student's; send
  limits are per session.
"""


def run_matrix() -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "matrix.jsonl"
        env = dict(os.environ, MIRECOVERY_MATRIX_REPORT=str(report), QT_QPA_PLATFORM="offscreen")
        subprocess.run(
            [sys.executable, "-m", "pytest", "tests/gui/test_fault_matrix.py", "-q", "-p", "no:cacheprovider"],
            cwd=ROOT,
            env=env,
            check=False,
        )
        if not report.exists():
            return []
        return [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines() if line.strip()]


def render(cases: list[dict[str, object]]) -> str:
    by_cell = {(str(case["step"]), str(case["fault"])): case for case in cases}
    passed = sum(1 for case in cases if case.get("passed"))
    total = len(CASES)
    gaps = [int(str(case["longest_gap_ms"])) for case in cases if "longest_gap_ms" in case]
    lines = [
        "# Reliability: every step against every fault",
        "",
        "<!-- Generated by `python scripts/reliability.py` from tests/gui/test_fault_matrix.py; do not edit. -->",
        "",
        f"**{passed} of {total} cases pass** (run {dt.date.today().isoformat()}, "
        f"longest pause of the window in any case: {max(gaps, default=0)} ms).",
        "",
        "Each case drives the real window (in Indonesian) through the real client, over TLS, to the training",
        "service on 127.0.0.1, and arms one fault just before the user's action meets one step. It passes when:",
        "",
        "1. a message in the user's language says what happened and shows a button for the way forward;",
        "2. the event loop never stalls for 250 ms or more (a 10 ms heartbeat timer on the GUI thread);",
        "3. nothing crashes and no exception escapes;",
        "4. what the user typed is still there (the account, the chosen channel, the code, the new password);",
        "5. the server saw no repeated POST: one request per press of a button;",
        "6. once the fault clears, the way forward (after its countdown, if the server asked to wait)",
        "   completes the step.",
        "",
        "How the faults are made: *connection refused*, *connect timeout* (a full accept queue), *TLS failure*",
        "(a certificate from a CA the system does not trust) and *name does not resolve* (a resolver that",
        "fails the name; no query leaves the machine) come from a TLS door in front of the training server",
        "(`tests/fault_door.py`); the others are the training service's own fault knobs",
        "(`mirecovery_gui/training/faults.py`). Cells name the way forward the message offers.",
        "",
        "| fault \\ step | " + " | ".join(STEP_TITLES[step] for step in STEPS) + " |",
        "|---|" + "---|" * len(STEPS),
    ]
    for trouble in TROUBLES:
        cells = []
        for step in STEPS:
            case = by_cell.get((step, trouble.name))
            if not trouble.applies(step):
                cells.append("—")
            elif case is None:
                cells.append("not run")
            elif case.get("passed"):
                cells.append("✓ " + WAYS.get(str(case.get("way_forward", "")), str(case.get("way_forward", ""))))
            else:
                cells.append("✗ failed")
        lines.append(f"| {trouble.name} | " + " | ".join(cells) + " |")
    messages: dict[str, set[str]] = defaultdict(set)
    for case in cases:
        if case.get("message"):
            messages[str(case["fault"])].add(str(case["message"]))
    lines += [
        "",
        "## What the user reads",
        "",
        "The English wording (the matrix runs in Indonesian; both come from the same catalogue).",
        "",
        "| fault | message |",
        "|---|---|",
    ]
    for trouble in TROUBLES:
        for message in sorted(messages.get(trouble.name, ())):
            lines.append(f"| {trouble.name} | {message} |")
    lines += ["", FAMILIES.rstrip("\n")]
    lines += [
        "",
        "## Run it",
        "",
        "```sh",
        "python scripts/reliability.py   # runs the matrix (about a minute) and rewrites this page",
        "```",
        "",
        "The same cases run in CI as part of the test suite (`tests/gui/test_fault_matrix.py`).",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="exit 1 when a case failed")
    args = parser.parse_args()
    cases = run_matrix()
    PAGE.parent.mkdir(parents=True, exist_ok=True)
    PAGE.write_text(render(cases), encoding="utf-8")
    passed = sum(1 for case in cases if case.get("passed"))
    print(f"{PAGE.relative_to(ROOT)}: {passed} of {len(CASES)} cases pass")
    return 1 if args.check and passed != len(CASES) else 0


if __name__ == "__main__":
    sys.exit(main())
