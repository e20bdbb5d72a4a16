"""The package as a user gets it: the command, the resources, the Qt release."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import urllib.request
import zipfile
from pathlib import Path

import pytest

from mirecovery_gui import __version__
from mirecovery_gui.core.resources import resource_path, resources_root

ROOT = Path(__file__).resolve().parents[2]


def command() -> list[str]:
    """The installed console script when there is one, else ``python -m``."""
    script = shutil.which("mirecovery", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-m", "mirecovery_gui"]


def test_version() -> None:
    out = subprocess.run([*command(), "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    assert out.stdout.strip() == f"mirecovery {__version__}"


def test_training_server_prints_its_address_at_once_and_serves_peek() -> None:
    process = subprocess.Popen(
        [*command(), "training-server", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # arrives through a pipe, so it must be flushed
        assert line.startswith("listening on http://127.0.0.1:")
        url = line.split()[-1]
        with urllib.request.urlopen(url + "/_training/peek", timeout=10) as answer:
            assert json.load(answer) == {"captcha_answer": None, "messages": []}
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
    assert process.returncode == 0


def test_training_server_refuses_a_bad_port() -> None:
    out = subprocess.run(
        [*command(), "training-server", "--port", "70000"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "--port" in out.stderr


def test_resources_are_found_from_the_checkout() -> None:
    assert resource_path("providers", "xiaomi.json").is_file()
    assert resources_root().name in ("resources", "_resources")


def _lookup_in(path_entry: Path, meipass: Path | None = None) -> str:
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(path_entry)!r})
        if {str(meipass) if meipass else ""!r}:
            sys._MEIPASS = {str(meipass) if meipass else ""!r}
        from mirecovery_gui.core.resources import resources_root
        print(resources_root())
        """
    )
    out = subprocess.run([sys.executable, "-S", "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


@pytest.mark.slow
def test_resources_are_found_from_an_installed_wheel(tmp_path: Path) -> None:
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("mirecovery-*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "mirecovery_gui/_resources/providers/training.json" in names
    assert not any(name.startswith("resources/") for name in names)
    assert _lookup_in(site) == str(site / "mirecovery_gui" / "_resources")


def test_resources_are_found_in_a_pyinstaller_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "resources" / "providers").mkdir(parents=True)
    shutil.copy(resource_path("providers", "training.json"), bundle / "resources" / "providers")
    assert _lookup_in(ROOT, meipass=bundle) == str(bundle / "resources")


def test_no_qt_release_that_leaks_none_is_installed() -> None:
    """PySide6 6.12.0 on CPython 3.11 leaks a reference to None per void call and aborts.

    20,000 calls in a fresh process must end cleanly with None's count intact,
    so a future release that brings the leak back fails here, not at a counter.
    """
    script = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        before = sys.getrefcount(None)
        for index in range(20000):
            label.setText(str(index))
        lost = before - sys.getrefcount(None)
        print(lost)
        sys.exit(0 if lost < 1000 else 3)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, f"exit {out.returncode}: {out.stderr[-500:]} lost={out.stdout}"
