"""Countries and regions by their two-letter code, with English names.

The names are CLDR's (``resources/countries.json``, written from Qt's copy by
``scripts/make_countries.py``), read without Qt so that every place that writes
the support letter (the page, the case history, the command line) names a
country the same way.

A code is an ISO 3166-1 alpha-2 code, plus the few places CLDR and phone
numbering treat as regions of their own (Ascension Island AC, Tristan da Cunha
TA, Kosovo XK and the like): the country list of the support form offers them,
so the request must accept them. Groupings that no one lives in as a country
(the European Union, Outlying Oceania) are not a country of an owner or an
account.
"""

from __future__ import annotations

import json
import re
from functools import cache

from mirecovery_gui.core.resources import resource_path

_GROUPINGS = frozenset({"EU", "QO"})


@cache
def _names() -> dict[str, str]:
    data = json.loads(resource_path("countries.json").read_text(encoding="utf-8"))
    return {str(code): str(name) for code, name in data.items() if str(code) not in _GROUPINGS}


def country_code(text: str) -> str | None:
    """``"ID"`` for ``" id "``; None when ``text`` is not a known two-letter code."""
    key = text.strip().upper()
    return key if re.fullmatch(r"[A-Z]{2}", key) and key in _names() else None


def is_country(text: str) -> bool:
    return country_code(text) is not None


def country_name(code: str) -> str:
    """``"Indonesia (ID)"`` for ``"id"``; an unknown code comes back as typed."""
    key = code.strip().upper()
    name = _names().get(key)
    return f"{name} ({key})" if name else code.strip()
