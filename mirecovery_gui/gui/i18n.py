"""Translation helpers for the Qt layer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mirecovery_gui.core.messages import QT_TRANSLATE_NOOP, Message
from mirecovery_gui.core.text import plain_text


def translate(message: Message) -> str:
    """A core or client message in the installed language."""

    def qt(context: str, source: str, n: int) -> str:
        return QCoreApplication.translate(context, source, None, n)

    return message.render(qt)


def shown(text: str, max_length: int = 500) -> str:
    """Server or user text made safe for a plain-text label."""
    return plain_text(text, max_length)


def step_name(step: str) -> str:
    """A step as recorded in a case ("send_code"), in words ("get a code")."""
    names = {
        "identifier": QT_TRANSLATE_NOOP("Steps", "account"),
        "captcha": QT_TRANSLATE_NOOP("Steps", "captcha"),
        "send_code": QT_TRANSLATE_NOOP("Steps", "get a code"),
        "enter_code": QT_TRANSLATE_NOOP("Steps", "enter the code"),
        "new_password": QT_TRANSLATE_NOOP("Steps", "new password"),
        "done": QT_TRANSLATE_NOOP("Steps", "done"),
        "lost_everything": QT_TRANSLATE_NOOP("Steps", "support request"),
        "official_site": QT_TRANSLATE_NOOP("Steps", "official website"),
        "resumed": QT_TRANSLATE_NOOP("Steps", "resumed after a crash"),
    }
    source = names.get(step)
    return QCoreApplication.translate("Steps", source) if source else step
