"""Hygiene for text that comes from a server or a user and is shown back."""

from __future__ import annotations

import unicodedata

# Bidirectional embeddings, overrides and isolates can reorder what the user
# sees (a code or an address shown backwards); they have no place in a label.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


# Zero-width (non-)joiners shape Persian, Indic scripts and emoji sequences: kept.
_JOINERS = frozenset("\u200c\u200d")


def plain_text(value: str, max_length: int = 500) -> str:
    """``value`` with control, bidi-control and invisible format characters removed, whitespace collapsed.

    Line breaks and tabs become single spaces. The result is cut to
    ``max_length`` characters (with an ellipsis) so a hostile server cannot
    fill the window.
    """
    cleaned: list[str] = []
    for char in value:
        if char in "\r\n\t\v\f":
            cleaned.append(" ")
        elif char in _BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
            continue
        elif unicodedata.category(char) == "Cf" and char not in _JOINERS:
            continue  # zero-width spaces, soft hyphens, BOMs: invisible, and able to hide text
        else:
            cleaned.append(char)
    text = " ".join("".join(cleaned).split())
    if len(text) > max_length:
        text = text[: max(0, max_length - 1)].rstrip() + "…"
    return text


def digits_only(value: str) -> str:
    """The ASCII digits of ``value`` in order (other digit scripts are folded to ASCII)."""
    out: list[str] = []
    for char in value:
        if char.isdigit():
            try:
                out.append(str(unicodedata.digit(char)))
            except (TypeError, ValueError):
                continue
    return "".join(out)


def clock_face(seconds: int) -> str:
    """0:59, 1:00, 24:00:00: a wait as a clock shows it (digits read the same in any language)."""
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
