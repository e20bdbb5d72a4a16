"""Find files under the top-level ``resources/`` folder wherever the app runs.

Three layouts exist:

* a PyInstaller bundle: ``build.spec`` copies ``resources/`` next to the
  frozen code, under ``sys._MEIPASS``;
* an installed wheel: ``pyproject.toml`` force-includes ``resources/`` as
  ``mirecovery_gui/_resources``;
* a source checkout (also an editable install): ``resources/`` beside the
  package folder.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

# A file that every layout has; it tells a real resources folder from an
# unrelated "resources" directory that some other package left in site-packages.
_MARKER = Path("providers") / "training.json"


def _candidates() -> list[Path]:
    package_dir = Path(__file__).resolve().parent.parent
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    found.append(package_dir / "_resources")
    found.append(package_dir.parent / "resources")
    return found


@cache
def resources_root() -> Path:
    """The folder holding providers/, i18n/, icons/ and support_contacts.json."""
    for candidate in _candidates():
        if (candidate / _MARKER).is_file():
            return candidate
    searched = ", ".join(str(path) for path in _candidates())
    raise FileNotFoundError(f"mirecovery resources not found (looked in: {searched})")


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/, e.g. ``resource_path("providers", "xiaomi.json")``."""
    return resources_root().joinpath(*parts)
