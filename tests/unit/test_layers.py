"""The layers import one way: core <- client <- training <- gui <- app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "mirecovery_gui"
FORBIDDEN = {
    "core": (
        "PySide6",
        "requests",
        "urllib3",
        "mirecovery_gui.client",
        "mirecovery_gui.training",
        "mirecovery_gui.gui",
    ),
    "client": ("PySide6", "mirecovery_gui.training", "mirecovery_gui.gui", "mirecovery_gui.app"),
    # The training service may draw with QtGui, never with widgets.
    "training": ("PySide6.QtWidgets", "mirecovery_gui.gui", "mirecovery_gui.app"),
    # No network in the GUI: requests go through the client, on the runner's threads.
    "gui": ("requests", "urllib3", "socket", "http.client", "urllib.request", "mirecovery_gui.app"),
}


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(layer: str) -> None:
    offences = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in imports_of(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer]):
                offences.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offences == []


def test_importing_the_client_does_not_import_requests_or_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, mirecovery_gui.client.passport, mirecovery_gui.core.flow;"
        "print(sorted(m for m in ('requests', 'PySide6') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]"  # requests loads on the first request (start-up cost)
