"""Translation helpers for the Qt layer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mirecovery_gui.core.messages import Message
from mirecovery_gui.core.text import plain_text


def translate(message: Message) -> str:
    """A core or client message in the installed language."""

    def qt(context: str, source: str, n: int) -> str:
        return QCoreApplication.translate(context, source, None, n)

    return message.render(qt)


def shown(text: str, max_length: int = 500) -> str:
    """Server or user text made safe for a plain-text label."""
    return plain_text(text, max_length)
