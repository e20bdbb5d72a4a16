"""Start to first page painted, and peak memory, against a bare six-page QWizard in the same run.

    python benchmarks/startup.py [--runs 20] [--xcb]

Targets: at most 1.0x the time and 1.1x the memory of a bare six-page QWizard
with no application code (benchmarks/_floor_wizard.py): what Qt and PySide
alone cost for a window of the app's shape. A window with one label
(benchmarks/_floor_window.py) is printed too, the lowest floor there is.
The app is `mirecovery` as an owner starts it (the start page) and
`mirecovery --training`, each quitting after its first wizard page painted
(MIRECOVERY_QUIT_AFTER_FIRST_PAINT=1). Offscreen by default; --xcb runs on
the X display in DISPLAY (e.g. under xvfb-run). benchmarks/startup_phases.py
shows where the time goes, phase by phase.

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
    worst = False
    reference = results["reference: bare 6-page QWizard"]
    print(f"{'reference vs floor':<34} time {reference.ms / floor.ms:6.3f}x   memory {reference.mib / floor.mib:6.3f}x")
    for label in ("mirecovery (start page)", "mirecovery --training"):
        app = results[label]
        time_ratio, memory_ratio = app.ms / reference.ms, app.mib / reference.mib
        print(f"{label:<34} time {verdict(time_ratio, 1.0)}   memory {verdict(memory_ratio, 1.1)}")
        against = f"time {app.ms / floor.ms:6.3f}x   memory {app.mib / floor.mib:6.3f}x"
        print(f"{'  against the one-label floor':<34} {against}")
        worst |= time_ratio > 1.0 or memory_ratio > 1.1
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
