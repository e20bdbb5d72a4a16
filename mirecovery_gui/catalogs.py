"""Compile the translation catalogues (.ts -> .qm) with the lrelease that ships in PySide6.

Used by the wheel build (hatch_build.py), the PyInstaller spec, the
maintainer script (scripts/translations.py), and a source checkout that
finds its catalogues missing or older than their .ts files.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def qt_tool(name: str) -> str:
    """A Qt translation tool shipped with PySide6 (``lupdate``, ``lrelease``)."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "bin" / name):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise FileNotFoundError(f"{name} not found next to PySide6")


def sources(i18n: Path) -> dict[str, list[Path]]:
    """For each .qm to produce, the .ts files compiled into it (Qt's extra strings included)."""
    out: dict[str, list[Path]] = {}
    for ts in sorted(i18n.glob("mirecovery_*.ts")):
        language = ts.stem.split("_", 1)[1]
        files = [ts]
        extra = i18n / f"qt_extra_{language}.ts"
        if extra.exists():
            files.append(extra)
        out[f"mirecovery_{language}.qm"] = files
    return out


def release(i18n: Path, target: Path) -> list[Path]:
    import subprocess

    target.mkdir(parents=True, exist_ok=True)
    written = []
    for qm, files in sources(i18n).items():
        destination = target / qm
        subprocess.run(
            [qt_tool("lrelease"), "-silent", *map(str, files), "-qm", str(destination)],
            check=True,
            capture_output=True,
            text=True,
        )
        written.append(destination)
    return written


def stale(i18n: Path, built: Path, language: str) -> bool:
    """True when ``built/mirecovery_<language>.qm`` is missing or older than one of its sources."""
    qm = built / f"mirecovery_{language}.qm"
    files = sources(i18n).get(qm.name, [])
    if not files:
        return False
    if not qm.exists():
        return True
    built_at = qm.stat().st_mtime
    return any(path.stat().st_mtime > built_at for path in files)


def checkout_catalogue(resources: Path, language: str) -> Path | None:
    """In a source checkout, the compiled catalogue for ``language`` (compiling it when needed).

    The .qm goes to ``build/i18n`` beside ``resources/``: never into
    ``resources/``, which ships as it is.
    """
    i18n = resources / "i18n"
    built = resources.parent / "build" / "i18n"
    try:
        needed = stale(i18n, built, language)
    except OSError:
        return None
    if needed:
        import subprocess  # only to compile: a checkout that is up to date starts without it

        try:
            release(i18n, built)
        except (OSError, subprocess.CalledProcessError):
            return None
    qm = built / f"mirecovery_{language}.qm"
    return qm if qm.exists() else None
