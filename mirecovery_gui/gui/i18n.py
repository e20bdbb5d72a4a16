"""Translation helpers for the Qt layer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

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
        "reopened": QT_TRANSLATE_NOOP("Steps", "request reopened"),
    }
    source = names.get(step)
    return QCoreApplication.translate("Steps", source) if source else step


class TextBook:
    """The texts a widget sets, remembered so a language change can set them again.

    ``keep(label.setText, lambda: self.tr("Name:"))`` sets the text now and
    again on every :meth:`apply` (called from the widget's LanguageChange).
    The ``self.tr("...")`` literal stays visible to ``pyside6-lupdate``.
    """

    def __init__(self) -> None:
        self._entries: list[tuple[Callable[[str], object], Callable[[], str]]] = []

    def keep(self, setter: Callable[[str], object], text: Callable[[], str]) -> None:
        self._entries.append((setter, text))
        setter(text())

    def apply(self) -> None:
        for setter, text in self._entries:
            setter(text())


def label_name(text: str) -> str:
    """A form label's text as a screen reader should say it: "&New password:" -> "New password"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def label_setter(label: QLabel, field: QWidget) -> Callable[[str], None]:
    """Set a form label's text and name its field after it.

    Qt looks for a buddy label only among the field's siblings, so a line edit
    inside a compound widget (a password field with its Show button) would
    otherwise have no accessible name. Use with ``keep``.
    """

    def set_text(text: str) -> None:
        label.setText(text)
        label.setBuddy(field)
        field.setAccessibleName(label_name(text))

    return set_text


def named(widget: QWidget) -> Callable[[str], None]:
    """Set a label-less widget's accessible name and tooltip together. Use with ``keep``."""

    def set_text(text: str) -> None:
        widget.setAccessibleName(text)
        widget.setToolTip(text)

    return set_text


def clear_button_setter(line_edit: QLineEdit) -> Callable[[str], None]:
    """Name the small clear button Qt draws in a line edit (it has none). Use with ``keep``."""

    def set_text(text: str) -> None:
        action = line_edit.findChild(QAction, "_q_qlineeditclearaction")
        if action is not None:
            action.setText(text)

    return set_text


def address_problem(error: Exception) -> str:
    """Why an address cannot be used, in the user's language (the error's own text is English)."""
    from mirecovery_gui.store.shop_database import ShopAddressError

    reasons = {
        "scheme": QCoreApplication.translate("ShopDatabase", "it must start with postgresql://"),
        "password": QCoreApplication.translate(
            "ShopDatabase", "it holds a password; leave it out, mirecovery asks for it"
        ),
        "port": QCoreApplication.translate("ShopDatabase", "the port is not a number from 1 to 65535"),
        "parts": QCoreApplication.translate(
            "ShopDatabase", "it needs a user, a server and a database: postgresql://USER@HOST/DB"
        ),
        "sslmode": QCoreApplication.translate("ShopDatabase", "sslmode is not one PostgreSQL knows"),
        "option": QCoreApplication.translate("ShopDatabase", "it has an option mirecovery does not know"),
    }
    kind = error.kind if isinstance(error, ShopAddressError) else ""
    return reasons.get(kind, str(error))
