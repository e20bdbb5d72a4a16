"""Countries and regions by their two-letter code, with English names.

The names are CLDR's (``resources/countries.json``, written from Qt's copy by
``scripts/make_countries.py``), read without Qt so that every place that writes
the support letter (the page, the case history, the command line) names a
country the same way.
"""

from __future__ import annotations

import json
from functools import cache

from mirecovery_gui.core.resources import resource_path


@cache
def _names() -> dict[str, str]:
    data = json.loads(resource_path("countries.json").read_text(encoding="utf-8"))
    return {str(code): str(name) for code, name in data.items()}


def country_name(code: str) -> str:
    """``"Indonesia (ID)"`` for ``"id"``; an unknown code comes back as typed."""
    key = code.strip().upper()
    name = _names().get(key)
    return f"{name} ({key})" if name else code.strip()
