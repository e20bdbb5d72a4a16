"""Run as root, where Qt WebEngine aborts with its sandbox on: the app says so and never crashes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root meets this")
def test_the_self_test_as_root_says_why_instead_of_crashing() -> None:
    env = {key: value for key, value in os.environ.items() if key != "QTWEBENGINE_DISABLE_SANDBOX"}
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--proxy-server=http://127.0.0.1:9"
    env["QT_QPA_PLATFORM"] = "offscreen"
    ran = subprocess.run(
        [sys.executable, "-m", "mirecovery_gui", "--self-test"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert ran.returncode == 1, (ran.returncode, ran.stderr[-2000:])
    assert "does not run as root with its sandbox on" in ran.stderr
