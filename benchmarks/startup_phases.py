"""Where start-up time goes, phase by phase: the app beside the bare six-page QWizard, in the same run.

    python benchmarks/startup_phases.py [--runs 15] [--training]

Each run is a fresh process that stamps the time after each phase (from its
own first line: the interpreter's start is the same for both and left out):
Qt imported, our modules imported, QApplication made, the window built, shown,
and its first page painted. Medians per phase, app and reference side by side.
With compiled bytecode, as an installed app runs (``_measure.with_bytecode``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import with_bytecode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CHILD = r"""
import json, sys, time
began = time.perf_counter()
stamps = {}
def stamp(name): stamps[name] = (time.perf_counter() - began) * 1000
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
stamp("Qt imported")
KIND = sys.argv[1]
if KIND == "app":
    import mirecovery_gui.app as app_module
else:
    exec(open(sys.argv[2]).read().split("app = QApplication")[0])  # the reference's own imports and helpers
stamp("our modules imported")
app = QApplication(sys.argv[:1])
stamp("QApplication")
if KIND == "app":
    window = app_module.create_main_window(sys.argv[2:])
    pages = list(window.wizard.pages.values())
else:
    window = QWizard()
    for number in range(1, 7):
        page = QWizardPage(); page.setTitle(f"Step {number}"); page.setSubTitle("Fill in the fields")
        form = QFormLayout(page)
        for field in range(1, 4):
            form.addRow(f"Field {field}", QLineEdit(placeholderText=f"value {number}.{field}"))
        if number == 1:
            image = QLabel(); image.setPixmap(picture()); form.addRow("Code", image)
            bar = QProgressBar(); bar.setRange(0, 6); bar.setValue(1); form.addRow("Progress", bar)
        window.addPage(page)
    window.resize(640, 480)
    pages = []
stamp("window built")
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "first page painted" not in stamps:
            stamp("first page painted")
            QTimer.singleShot(0, app.quit)
        return False
watch = Watch()
window.show()
for page in pages or [window.currentPage()]:
    page.installEventFilter(watch)
stamp("shown")
QTimer.singleShot(10_000, app.quit)
app.exec()
print(json.dumps(stamps))
"""

PHASES = ("Qt imported", "our modules imported", "QApplication", "window built", "shown", "first page painted")


def run(kind: str, extra: list[str], env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, *extra], env=env, capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"{kind} failed: {out.stderr[-2000:]}")
    return dict(json.loads(lines[-1]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--training", action="store_true", help="the app with --training (the account page first)")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    env["MIRECOVERY_HOME"] = tempfile.mkdtemp(prefix="mirecovery-bench-")
    env = with_bytecode(env)
    app_args = ["--training"] if args.training else []
    subjects = {"app": ("app", app_args), "reference": ("reference", [str(HERE / "_floor_wizard.py")])}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in subjects}
    for _ in range(2):  # warm-up: bytecode written, files in the page cache
        for kind, extra in subjects.values():
            run(kind, extra, env)
    for _ in range(args.runs):
        for name, (kind, extra) in subjects.items():
            results[name].append(run(kind, extra, env))
    print(f"{args.runs} runs each, taking turns; milliseconds from the program's first line, medians")
    print(f"{'phase':<24}{'app':>10}{'reference':>12}{'app step':>12}{'ref step':>11}")
    previous = {name: 0.0 for name in subjects}
    for phase in PHASES:
        medians = {name: statistics.median(stamps[phase] for stamps in runs) for name, runs in results.items()}
        steps = {name: medians[name] - previous[name] for name in subjects}
        print(
            f"{phase:<24}{medians['app']:>10.1f}{medians['reference']:>12.1f}{steps['app']:>12.1f}{steps['reference']:>11.1f}"
        )
        previous = medians
    return 0


if __name__ == "__main__":
    sys.exit(main())
