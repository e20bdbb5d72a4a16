"""Wheel build hook: compile resources/i18n/*.ts to .qm and ship them in the wheel.

The .qm files are build products (not committed); PySide6's lrelease comes
from the build environment (see [build-system] in pyproject.toml).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        sys.path.insert(0, str(root))
        from mirecovery_gui.catalogs import release

        target = Path(self.directory) / "i18n-build"
        for qm in release(root / "resources" / "i18n", target):
            build_data["force_include"][str(qm)] = f"mirecovery_gui/_resources/i18n/{qm.name}"
