"""The layers import one way: core <- client <- store <- recovery <- gui <- app (training beside them)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "mirecovery_gui"
QT = ("PySide6", "shiboken6")
NETWORK = ("requests", "urllib3", "socket", "http.client", "urllib.request")
APP = "mirecovery_gui.app"
FORBIDDEN = {
    "core": (
        *QT,
        *NETWORK,
        "mirecovery_gui.client",
        "mirecovery_gui.store",
        "mirecovery_gui.recovery",
        "mirecovery_gui.training",
        "mirecovery_gui.gui",
        APP,
    ),
    "client": (
        *QT,
        "mirecovery_gui.store",
        "mirecovery_gui.recovery",
        "mirecovery_gui.training",
        "mirecovery_gui.gui",
        APP,
    ),
    "store": (*QT, *NETWORK, "mirecovery_gui.recovery", "mirecovery_gui.training", "mirecovery_gui.gui", APP),
    # The session decides; it never draws and never talks to the network itself.
    "recovery": (*QT, *NETWORK, "mirecovery_gui.training", "mirecovery_gui.gui", "mirecovery_gui.app"),
    # The training service may draw with QtGui, never with widgets.
    "training": ("PySide6.QtWidgets", "mirecovery_gui.recovery", "mirecovery_gui.gui", "mirecovery_gui.app"),
    # No network in the GUI: requests go through the client, on the runner's threads.
    "gui": (*NETWORK, "mirecovery_gui.app", "mirecovery_gui.providers"),
    # Pages talk to the wizard through PageHost; the wizard imports them, never the other way.
    "gui/pages": ("mirecovery_gui.gui.wizard",),
}


def imports_of(path: Path, *, typing_too: bool = True) -> set[str]:
    """Absolute imports in ``path``; ``typing_too=False`` leaves out those under ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    if not typing_too:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
                skipped.update(id(inner) for inner in ast.walk(node))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(layer: str) -> None:
    offences = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in imports_of(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer]):
                offences.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offences == []


def test_the_session_imports_only_core_client_store_and_the_standard_library() -> None:
    allowed = ("mirecovery_gui.core", "mirecovery_gui.client", "mirecovery_gui.store", "mirecovery_gui.recovery")
    offences = []
    for path in sorted((PACKAGE / "recovery").rglob("*.py")):
        for name in imports_of(path):
            top = name.split(".")[0]
            ours = name.startswith("mirecovery_gui")
            if (ours and not name.startswith(allowed)) or (not ours and top not in sys.stdlib_module_names):
                offences.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offences == []


def test_no_module_imports_itself_round_a_circle() -> None:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {
        name: {other for other in imports_of(path) if other in modules and other != name}
        for name, path in modules.items()
    }
    circles: list[str] = []

    def visit(name: str, trail: list[str]) -> None:
        for other in sorted(graph[name]):
            if other in trail:
                circles.append(" -> ".join([*trail[trail.index(other) :], other]))
            elif len(trail) < 12:
                visit(other, [*trail, other])

    # Type-only imports count too: the pages and the wizard know each other through PageHost only.
    for start in sorted(modules):
        visit(start, [start])
    assert circles == []


def test_importing_the_client_does_not_import_requests_or_qt() -> None:
    code = (
        "import sys, mirecovery_gui.client.passport, mirecovery_gui.core.flow;"
        "print(sorted(m for m in ('requests', 'PySide6') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.stdout.strip() == "[]"  # requests loads on the first request (start-up cost)


@pytest.mark.slow
def test_the_session_suite_runs_with_qt_not_importable() -> None:
    """The way electrum tests its wizard: the whole flow, with PySide6 blocked (tests/conftest.py)."""
    env = dict(os.environ, MIRECOVERY_BLOCK_QT="1")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/session",
            "-p",
            "no:pytest-qt",
            "-q",
            "-W",
            "ignore::pytest.PytestConfigWarning",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=env,
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert " passed" in out.stdout and "failed" not in out.stdout
