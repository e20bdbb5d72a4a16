"""The catalogues: complete, current, consistent with the code that looks strings up."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_every_string_is_translated_and_the_catalogues_are_current() -> None:
    """Fails on a source string without Indonesian, a stale .ts, or a broken placeholder."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def run_check(root: Path, command: str = "check") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "translations.py"), command],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_check_fails_on_a_new_string_until_it_is_translated(tmp_path: Path) -> None:
    """What CI does when someone adds a text and forgets Indonesian."""
    for part in ("mirecovery_gui", "scripts", "resources/i18n"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__", "_resources"))
    page = tmp_path / "mirecovery_gui" / "gui" / "pages" / "done.py"
    with page.open("a", encoding="utf-8") as source:
        source.write(
            "\n\ndef never_translated() -> str:\n"
            '    return QCoreApplication.translate("DonePage", "A sentence nobody translated")\n'
        )

    stale = run_check(tmp_path)
    assert stale.returncode == 1
    assert "mirecovery_id.ts is stale: new string [DonePage] 'A sentence nobody translated'" in stale.stdout

    assert run_check(tmp_path, "update").returncode == 0
    untranslated = run_check(tmp_path)
    assert untranslated.returncode == 1
    assert untranslated.stdout.splitlines() == [
        "mirecovery_id.ts: not translated [DonePage] 'A sentence nobody translated'"
    ]


@pytest.mark.parametrize(
    "module",
    sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "mirecovery_gui").rglob("*.py")
        if "QT_TRANSLATE_NOOP(" in p.read_text()
    ),
)
def test_marked_strings_use_the_modules_context(module: str) -> None:
    """lupdate only reads literal contexts, and the lookup uses the module's _CTX: they must agree."""
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    module_context = next(
        (
            node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "_CTX" for t in node.targets)
            and isinstance(node.value, ast.Constant)
        ),
        None,
    )
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP" and node.args:
            first = node.args[0]
            assert isinstance(first, ast.Constant), f"{module}:{node.lineno}: the context must be a literal"
            if module_context is not None:
                assert first.value == module_context, f"{module}:{node.lineno}"


def test_the_compiled_catalogue_translates(tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    sys.path.insert(0, str(ROOT))
    from mirecovery_gui.catalogs import release

    built = {path.name: path for path in release(ROOT / "resources" / "i18n", tmp_path)}
    translator = QTranslator()
    assert translator.load(str(built["mirecovery_id.qm"]))
    assert translator.translate("RecoveryWizard", "< &Back") == "< &Kembali"
    assert translator.translate("SendCodePage", "&Send code") == "&Dapatkan kode"
    assert translator.translate("QLineEdit", "&Paste") == "&Tempel"  # Qt's own, from qt_extra_id.ts
    english = QTranslator()
    assert english.load(str(built["mirecovery_en.qm"]))
    source = "%n code(s) left today for this contact."
    assert english.translate("SendCodePage", source, None, 1) == "%n code left today for this contact."
    assert english.translate("SendCodePage", source, None, 5) == "%n codes left today for this contact."
