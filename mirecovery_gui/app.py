"""Composition root: settings, provider, runner, translator, main window.

``create_main_window(argv)`` builds the window exactly as the command line
would (not shown); the caller has created the QApplication.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from mirecovery_gui.cli import build_parser
from mirecovery_gui.core.clock import Clock, SystemClock
from mirecovery_gui.core.resources import resource_path
from mirecovery_gui.gui.main_window import MainWindow

if TYPE_CHECKING:
    from mirecovery_gui.client.profile import Timeouts
    from mirecovery_gui.core.support_directory import SupportContact
    from mirecovery_gui.store.database import Database
    from mirecovery_gui.store.drafts import DraftStore
    from mirecovery_gui.training.server import TrainingServer
    from mirecovery_gui.training.service import TrainingService

log = logging.getLogger(__name__)

LANGUAGES = ("en", "id")


# Noise from the offscreen platform plugin, not a problem of ours.
_QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
_qt_log = logging.getLogger("mirecovery_gui.qt")


def _on_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in _QUIET_QT_MESSAGES:
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }.get(kind, logging.WARNING)
    _qt_log.log(level, "%s", message)


def install_qt_message_handler() -> None:
    """Route Qt's own messages through logging (and so through redaction)."""
    qInstallMessageHandler(_on_qt_message)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = resource_path("icons", f"mirecovery-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


def choose_language(requested: str | None) -> str:
    if requested in LANGUAGES:
        return str(requested)
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install_translators(language: str) -> list[QTranslator]:
    """Qt's own strings and ours, in ``language``; English needs none."""
    app = QCoreApplication.instance()
    if app is None:
        return []
    for old in getattr(app, "_mirecovery_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if language != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
        ours = QTranslator(app)
        catalogue = resource_path("i18n", f"mirecovery_{language}.qm")
        if catalogue.is_file() and ours.load(str(catalogue)):
            app.installTranslator(ours)
            installed.append(ours)
        else:
            log.warning("no translation catalogue for %s", language)
    app._mirecovery_translators = installed  # type: ignore[attr-defined]
    return installed


class AppContext:
    """What the window needs beyond widgets: the provider, the training service."""

    def __init__(
        self,
        window: MainWindow,
        clock: Clock,
        locale: str,
        training_service: TrainingService | None,
        timeouts: Timeouts | None = None,
    ) -> None:
        self.window = window
        self.timeouts = timeouts
        self.clock = clock
        self.locale = locale
        self._training_service = training_service
        self.training_server: TrainingServer | None = None
        self._database: Database | None = None
        self._draft_store: DraftStore | None = None
        self._database_failed = False
        window.wizard.provider_requested.connect(self.use_provider)
        window.wizard.draft_store_factory = self.draft_store
        window.wizard.directory_factory = self.support_directory

    def use_provider(self, provider: str, server_url: str | None = None) -> None:
        from mirecovery_gui.client.passport import PassportClient
        from mirecovery_gui.client.profile import load_profile
        from mirecovery_gui.gui.worker import RequestRunner

        training = provider == "training"
        profile = load_profile(provider)
        if self.timeouts is not None:
            profile = replace(profile, timeouts=self.timeouts)
        url = server_url
        if provider == "training" and server_url is None:
            url = self._start_training_server()
        client = PassportClient(profile, url, locale=self.locale)
        runner = RequestRunner(client, parent=self.window)
        self.window.wizard.set_provider(profile, runner, training=training)
        self.window.set_training(training)
        self.window.add_shutdown_hook(client.close)
        log.info("provider %s ready", profile.id)

    def draft_store(self) -> DraftStore | None:
        """The case database's drafts, opened on first use; None if it cannot be opened."""
        if self._draft_store is None and not self._database_failed:
            import sqlite3

            from mirecovery_gui.store.database import Database
            from mirecovery_gui.store.drafts import DraftStore
            from mirecovery_gui.store.paths import database_path

            try:
                self._database = Database(database_path())
            except (OSError, sqlite3.Error, RuntimeError):
                log.exception("the case database cannot be opened")
                self._database_failed = True
                return None
            self._draft_store = DraftStore(self._database)
            self.window.add_shutdown_hook(self._database.close)
        return self._draft_store

    def support_directory(self) -> list[SupportContact]:
        from mirecovery_gui.core.support_directory import load_directory
        from mirecovery_gui.store.paths import config_dir

        return load_directory(resource_path("support_contacts.json"), config_dir() / "support_contacts.json")

    def _start_training_server(self) -> str:
        from mirecovery_gui.training.server import TrainingServer
        from mirecovery_gui.training.service import TrainingService

        service = self._training_service or TrainingService(clock=self.clock)
        server = TrainingServer(service)
        url = server.start()
        self.training_server = server
        self.window.add_shutdown_hook(server.stop)
        return url


def create_main_window(
    argv: list[str],
    *,
    clock: Clock | None = None,
    training_service: TrainingService | None = None,
    timeouts: Timeouts | None = None,
) -> MainWindow:
    """The top-level window for ``argv`` (the command line without the program name).

    The keyword arguments let an embedding program (or a test) bring its own
    clock, training service and network timeouts.
    """
    args = build_parser().parse_args(argv)
    language = choose_language(args.lang)
    install_translators(language)
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.windowIcon().isNull():
        app.setWindowIcon(app_icon())
    clock = clock or SystemClock()
    window = MainWindow(clock)
    window.wizard.language = language
    window.setWindowIcon(app_icon())
    context = AppContext(window, clock, "id_ID" if language == "id" else "en_US", training_service, timeouts)
    window.app_context = context
    if args.training:
        context.use_provider("training")
    elif args.server:
        context.use_provider("training", server_url=args.server)
    window.wizard.restart()
    return window
