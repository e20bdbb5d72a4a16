"""The app's language: which one, the Qt translators for it, and switching at run time.

Installing translators sends every widget a LanguageChange, and each one
re-words itself: the language switches without a restart and without losing
anything typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from mirecovery_gui.core.resources import resource_path, resources_root

log = logging.getLogger(__name__)

LANGUAGES = ("en", "id")


def choose_language(requested: str | None) -> str:
    """``requested`` when we have it, else the system's language when we have that, else English."""
    if requested in LANGUAGES:
        return str(requested)
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def client_locale(language: str) -> str:
    """The locale the passport service is asked to answer in (its ``tips``)."""
    return "id_ID" if language == "id" else "en_US"


def catalogue(language: str) -> Path | None:
    """Our compiled catalogue for ``language``: shipped in a wheel or bundle, or built in a checkout."""
    shipped = resource_path("i18n", f"mirecovery_{language}.qm")
    if shipped.is_file():
        return shipped
    root = resources_root()
    if root.name == "resources":  # a source checkout: compile on first use
        from mirecovery_gui.catalogs import checkout_catalogue

        return checkout_catalogue(root, language)
    return None


_installed: list[QTranslator] = []


def install_translators(language: str) -> None:
    """Qt's own strings (where Qt has them) and ours, in ``language``.

    English loads ours too: it carries the plural forms ("1 code", "5 codes").
    """
    app = QCoreApplication.instance()
    if app is None:
        return
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt = QTranslator(app)
    if language != "en" and qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    path = catalogue(language)
    ours = QTranslator(app)
    if path is not None and ours.load(str(path)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no translation catalogue for %s", language)
    # Qt announces a new translator only once the event loop runs (and then
    # posts it); re-word the open windows now, so a switch is immediate.
    if isinstance(app, QApplication):
        for widget in app.topLevelWidgets():
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


class LanguageSwitcher:
    """Switches the app's language at once and tells whoever follows it (the session, the client)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._followers: list[Callable[[str], None]] = []

    def follow(self, follower: Callable[[str], None]) -> None:
        """``follower(language)`` after every switch."""
        self._followers.append(follower)

    def switch(self, choice: str) -> str:
        """Switch to ``choice`` ("" follows the system); returns the language now in use."""
        language = choose_language(choice or None)
        install_translators(language)
        self.language = language
        for follower in list(self._followers):
            follower(language)
        return language
