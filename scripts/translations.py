"""Translation catalogues the Qt way: pyside6-lupdate to .ts, pyside6-lrelease to .qm.

    python scripts/translations.py update     # refresh resources/i18n/*.ts from the sources
    python scripts/translations.py release DIR  # compile .qm files into DIR
    python scripts/translations.py check      # fail on a stale .ts or an untranslated string

Catalogues:

* ``mirecovery_id.ts``: every source string, translated into Indonesian;
* ``mirecovery_en.ts``: only the strings with plural forms (``%n``), so
  English says "1 code" and "5 codes";
* ``qt_extra_id.ts``: Qt's own strings the app shows (line-edit menus and the
  like) that PySide6 has no Indonesian catalogue for; written by hand and
  compiled into ``mirecovery_id.qm``.

The .qm files are build products: the wheel build (hatch_build.py), the
PyInstaller spec and a source checkout on first start compile them; they are
not committed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mirecovery_gui.catalogs import qt_tool  # noqa: E402
from mirecovery_gui.catalogs import release as compile_catalogues  # noqa: E402

SOURCES = ROOT / "mirecovery_gui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("id",)
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")


def tool(name: str) -> str:
    return qt_tool(name)


def python_sources() -> list[str]:
    return sorted(str(path) for path in SOURCES.rglob("*.py"))


def run_lupdate(target: Path, plural_only: bool = False) -> None:
    command = [tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", *python_sources(), "-ts", str(target)]
    if plural_only:
        command.insert(1, "-pluralonly")
    subprocess.run(command, check=True, capture_output=True, text=True)


def update() -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        target = I18N / f"mirecovery_{language}.ts"
        known = finished(target) if target.exists() else {}
        run_lupdate(target)
        carry_over(target, known)
    target = I18N / "mirecovery_en.ts"
    known = finished(target) if target.exists() else {}
    run_lupdate(target, plural_only=True)
    carry_over(target, known)


def finished(ts: Path) -> dict[str, ET.Element]:
    """Every finished translation in ``ts`` by its source text (the first one where contexts differ)."""
    found: dict[str, ET.Element] = {}
    for _context, message in messages(ts):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and source not in found:
            found[source] = translation
    return found


def carry_over(ts: Path, known: dict[str, ET.Element]) -> None:
    """A string that moved to another class keeps its translation (lupdate sees a new one).

    Only unfinished entries whose source text is exactly one already translated
    are filled; everything else still waits for a translator.
    """
    tree = ET.parse(ts)
    changed = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") != "unfinished" or source not in known:
            continue
        message.remove(translation)
        message.append(known[source])
        changed = True
    if changed:
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def release(target: Path) -> list[Path]:
    return compile_catalogues(I18N, target)


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    tree = ET.parse(ts)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message))
    return found


def keys(ts: Path) -> set[tuple[str, str]]:
    return {(context, message.findtext("source") or "") for context, message in messages(ts)}


def problems() -> list[str]:
    found: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, plural_only in [(f"mirecovery_{lang}.ts", False) for lang in LANGUAGES] + [
            ("mirecovery_en.ts", True)
        ]:
            committed = I18N / name
            if not committed.exists():
                found.append(f"{name} is missing: run python scripts/translations.py update")
                continue
            fresh = Path(scratch) / name
            shutil.copy(committed, fresh)
            run_lupdate(fresh, plural_only=plural_only)
            new, gone = keys(fresh) - keys(committed), keys(committed) - keys(fresh)
            for context, source in sorted(new):
                found.append(f"{name} is stale: new string [{context}] {source!r}")
            for context, source in sorted(gone):
                found.append(f"{name} is stale: string no longer in the sources [{context}] {source!r}")
    for ts in sorted(I18N.glob("*.ts")):
        for context, message in messages(ts):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
                found.append(f"{ts.name}: not translated [{context}] {source!r}")
                continue
            wanted = sorted(PLACEHOLDER.findall(source))
            for form in forms:
                got = sorted(PLACEHOLDER.findall(form))
                if got != wanted and not (message.get("numerus") == "yes" and "%n" not in got and wanted == ["%n"]):
                    found.append(f"{ts.name}: placeholders differ [{context}] {source!r}: {wanted} vs {got}")
                if source.count("&") - source.count("&&") == 1 and form.count("&") - form.count("&&") != 1:
                    found.append(f"{ts.name}: the translation needs one & mnemonic [{context}] {source!r}")
    return found


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("update", "release", "check"):
        print(__doc__)
        return 2
    if argv[0] == "update":
        update()
        return 0
    if argv[0] == "release":
        target = Path(argv[1]) if len(argv) > 1 else I18N
        for path in release(target):
            print(path)
        return 0
    issues = problems()
    for issue in issues:
        print(issue)
    return 1 if issues else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
