"""Translatable messages that pure-Python layers can carry without Qt.

``core`` and ``client`` may not import Qt, yet everything they say to a user
must be translated. They mark source strings with :func:`QT_TRANSLATE_NOOP`,
which ``pyside6-lupdate`` extracts by name, and hand a :class:`Message` up to
the GUI, which translates it with ``QCoreApplication.translate`` and then fills
in the named ``{placeholders}``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum

Translator = Callable[[str, str, int], str]
"""(context, source text, n) -> translated text; n is -1 without a plural."""


class Tone(Enum):
    """What a message is: the window gives each its colour and mark (never colour alone)."""

    ERROR = "error"
    SUCCESS = "success"
    WARNING = "warning"
    INFO = "info"  # the palette's own text colour


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction into the ``context`` catalogue; returns it unchanged."""
    del context
    return text


def _untranslated(context: str, text: str, n: int) -> str:
    del context
    return text.replace("%n", str(n)) if n >= 0 else text


@dataclass(frozen=True)
class Message:
    """A user-facing sentence: a catalogue context, its English source and its values.

    ``values`` fill ``{name}`` placeholders after translation; ``n`` selects a
    plural form (``%n`` in the source).
    """

    context: str
    source: str
    values: tuple[tuple[str, str], ...] = field(default=())
    n: int = -1

    @classmethod
    def of(cls, context: str, source: str, n: int = -1, **values: object) -> Message:
        return cls(context, source, tuple((k, str(v)) for k, v in values.items()), n)

    def render(self, translate: Translator | None = None) -> str:
        """The sentence in the translator's language (English without one)."""
        text = (translate or _untranslated)(self.context, self.source, self.n)
        return _fill(text, dict(self.values))

    def __str__(self) -> str:
        return self.render()


class _KeepMissing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(text: str, values: Mapping[str, str]) -> str:
    # A translation with a broken placeholder must never crash the app; the
    # catalogue check in CI catches it instead.
    try:
        return text.format_map(_KeepMissing(values))
    except (ValueError, IndexError, AttributeError):
        return text
