"""Write resources/countries.json: two-letter region codes and their English names.

    python scripts/make_countries.py

The names come from Qt's copy of the Unicode CLDR (QLocale), so the letter to
Xiaomi support, the PDF and the command line name a country the same way
without importing Qt at run time. Run again after a Qt upgrade; the file is
committed.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QLocale

TARGET = Path(__file__).resolve().parents[1] / "resources" / "countries.json"


def main() -> None:
    names: dict[str, str] = {}
    for territory in QLocale.Country:
        code = QLocale.territoryToCode(territory)
        if len(code) == 2 and code.isalpha():
            names[code] = QLocale.territoryToString(territory)
    TARGET.write_text(json.dumps(dict(sorted(names.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{TARGET.name}: {len(names)} regions")


if __name__ == "__main__":
    main()
