"""Start to first page painted, and peak memory, against a bare PySide6 window in the same run.

    python benchmarks/startup.py [--runs 20] [--xcb]

Targets: at most 1.15x the floor's time and 1.2x its memory. The floor is a
window with one label, shown and painted once (benchmarks/_floor_window.py);
the app is `mirecovery` as an owner starts it (the start page) and
`mirecovery --training`, each quitting after its first wizard page painted
(MIRECOVERY_QUIT_AFTER_FIRST_PAINT=1). Offscreen by default; --xcb runs on
the X display in DISPLAY (e.g. under xvfb-run).

A second reference is printed too, not a target: a bare six-page QWizard
with no application code (benchmarks/_floor_wizard.py), what Qt and PySide
alone cost for a window of the app's shape.

Every program runs with compiled bytecode, as an installed app does
(``_measure.with_bytecode``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import compare, verdict, with_bytecode

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--xcb", action="store_true", help="use the X display in DISPLAY, not offscreen")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="xcb" if args.xcb else "offscreen", LANG="C.UTF-8")
    env["MIRECOVERY_HOME"] = tempfile.mkdtemp(prefix="mirecovery-bench-")
    env = with_bytecode(env)
    env["MIRECOVERY_QUIT_AFTER_FIRST_PAINT"] = "1"  # the app quits once its first page has painted
    python = sys.executable
    subjects = {
        "floor: bare PySide6 window": [python, str(HERE / "_floor_window.py")],
        "reference: bare 6-page QWizard": [python, str(HERE / "_floor_wizard.py")],
        "mirecovery (start page)": [python, "-m", "mirecovery_gui"],
        "mirecovery --training": [python, "-m", "mirecovery_gui", "--training"],
    }
    results = compare(subjects, env, args.runs)
    floor = results["floor: bare PySide6 window"]
    print(f"platform {env['QT_QPA_PLATFORM']}, {args.runs} runs each, taking turns; medians compared")
    for runs in results.values():
        print(runs.line())
    worst = 0
    reference = results["reference: bare 6-page QWizard"]
    print(f"{'reference vs floor':<34} time {reference.ms / floor.ms:6.3f}x   memory {reference.mib / floor.mib:6.3f}x")
    for label in ("mirecovery (start page)", "mirecovery --training"):
        app = results[label]
        time_ratio, memory_ratio = app.ms / floor.ms, app.mib / floor.mib
        print(f"{label:<34} time {verdict(time_ratio, 1.15)}   memory {verdict(memory_ratio, 1.2)}")
        against = f"time {app.ms / reference.ms:6.3f}x   memory {app.mib / reference.mib:6.3f}x"
        print(f"{'  against the reference':<34} {against}")
        worst |= time_ratio > 1.15 or memory_ratio > 1.2
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
