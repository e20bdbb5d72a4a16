"""Time from choosing Xiaomi's page to the page painted, against a bare Qt WebEngine view of the same page.

    python benchmarks/official_page.py [--runs 5]

Each run is a fresh process (Qt WebEngine starts once per process, and that start is most of the
cost). The app: the training window, then File > Practise on Xiaomi's page, until the practice
page has loaded in the embedded view. The floor: a bare QWebEngineView loading the same practice
page from the same kind of training server. Offscreen, as root without WebEngine's sandbox (as the
tests run); medians compared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

CHILD = r"""
import os, sys, time
began = time.perf_counter()
from PySide6.QtCore import QCoreApplication, Qt, QTimer
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(["bench", "-platform", "offscreen"])
mode = sys.argv[1]
if mode == "app":
    from mirecovery_gui.app import create_main_window
    window = create_main_window(["--training", "--lang", "en"])
    window.show()
    app.processEvents()
    chosen = time.perf_counter()
    window.practice_site_action.trigger()
    def check():
        view = window.findChild(QWidget, "official_page_view")
        if view is None:
            QTimer.singleShot(5, check)
            return
        view.loadFinished.connect(lambda ok: (print(f"{(time.perf_counter() - chosen) * 1000:.0f}"), app.quit()))
    check()
else:
    from mirecovery_gui.training.server import TrainingServer
    from mirecovery_gui.training.service import TrainingService
    server = TrainingServer(TrainingService())
    url = server.start()
    chosen = time.perf_counter()
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    view = QWebEngineView()
    def loaded(ok):
        print(f"{(time.perf_counter() - chosen) * 1000:.0f}")
        server.stop()
        app.quit()
    view.loadFinished.connect(loaded)
    view.setUrl(QUrl(url + "/pass/forgetPassword"))
    view.resize(800, 600)
    view.show()
QTimer.singleShot(30000, app.quit)
app.exec()
"""


def run(mode: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1", LANG="C.UTF-8")
    # Nothing may reach a host but loopback: anything else meets a closed port.
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--proxy-server=http://127.0.0.1:9"
    env.setdefault("MIRECOVERY_HOME", tempfile.mkdtemp(prefix="mirecovery-bench-"))
    out = subprocess.run([sys.executable, "-c", CHILD, mode], capture_output=True, text=True, timeout=60, env=env)
    lines = [line for line in out.stdout.splitlines() if line.strip().isdigit()]
    if not lines:
        raise SystemExit(f"{mode}: no figure\n{out.stderr[-2000:]}")
    return float(lines[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app, floor = [], []
    for _ in range(args.runs):  # taking turns: a busy machine slows both alike
        app.append(run("app"))
        floor.append(run("floor"))
    a, f = statistics.median(app), statistics.median(floor)
    print(f"choosing Xiaomi's page to the practice page loaded: app {a:.0f} ms, bare QWebEngineView {f:.0f} ms")
    print(f"ratio {a / f:.2f}x ({args.runs} runs each, medians)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
