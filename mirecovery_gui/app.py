"""Composition root: settings, provider, runner, translator, main window.

``create_main_window(argv)`` builds the window exactly as the command line
would (not shown); the caller has created the QApplication.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from mirecovery_gui.cli import build_parser
from mirecovery_gui.core.clock import Clock, SystemClock
from mirecovery_gui.core.flow import Step, SupportReason
from mirecovery_gui.core.resources import resource_path, resources_root
from mirecovery_gui.gui import dialogs
from mirecovery_gui.gui.first_paint import after_first_page_paint
from mirecovery_gui.gui.main_window import MainWindow
from mirecovery_gui.gui.theme import apply_scheme

if TYPE_CHECKING:
    from mirecovery_gui.client.profile import Timeouts
    from mirecovery_gui.core.support_directory import SupportContact
    from mirecovery_gui.gui.history import HistoryWindow
    from mirecovery_gui.gui.worker import RequestRunner
    from mirecovery_gui.store.cases import Case, CaseLog
    from mirecovery_gui.store.database import Database
    from mirecovery_gui.store.drafts import DraftStore
    from mirecovery_gui.store.settings import LoadResult
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


def install_translators(language: str) -> list[QTranslator]:
    """Qt's own strings (where Qt has them) and ours, in ``language``.

    English loads ours too: it carries the plural forms ("1 code", "5 codes").
    Installing translators sends every widget a LanguageChange, and each one
    re-words itself: the language switches without a restart.
    """
    app = QCoreApplication.instance()
    if app is None:
        return []
    for old in getattr(app, "_mirecovery_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    qt = QTranslator(app)
    if language != "en" and qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    path = catalogue(language)
    ours = QTranslator(app)
    if path is not None and ours.load(str(path)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translation catalogue for %s", language)
    app._mirecovery_translators = installed  # type: ignore[attr-defined]
    # Qt announces a new translator only once the event loop runs (and then
    # posts it); re-word the open windows now, so a switch is immediate.
    if isinstance(app, QApplication):
        for widget in app.topLevelWidgets():
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    return installed


class AppContext:
    """What the window needs beyond widgets: settings, the provider, the stores, the case log."""

    def __init__(
        self,
        window: MainWindow,
        clock: Clock,
        locale: str,
        settings: LoadResult,
        training_service: TrainingService | None,
        timeouts: Timeouts | None = None,
    ) -> None:
        self.window = window
        self.clock = clock
        self.locale = locale
        self.settings = settings.settings
        self._settings_backup = settings.damaged_backup
        self.timeouts = timeouts
        self._training_service = training_service
        self.training_server: TrainingServer | None = None
        self._database: Database | None = None
        self._draft_store: DraftStore | None = None
        self._case_log: CaseLog | None = None
        self._database_failed = False
        self._history: HistoryWindow | None = None
        wizard = window.wizard
        wizard.provider_requested.connect(self.use_provider)
        wizard.draft_store_factory = self.draft_store
        wizard.directory_factory = self.support_directory
        from mirecovery_gui.gui.case_recorder import CaseRecorder

        self.recorder = CaseRecorder(wizard, self.case_log, lambda: self.settings)
        wizard.page_built.connect(self._on_wizard_page_built)
        self.closed = False
        window.closing.connect(self._on_window_closing)
        window.settings_action.triggered.connect(self.show_settings)
        window.history_action.triggered.connect(self.show_history)
        window.language_requested.connect(self.set_language)
        self.apply_settings()

    def _on_wizard_page_built(self, page: QWidget) -> None:
        if getattr(page, "step", None) is Step.LOST_EVERYTHING:
            page.draft_saved.connect(self.recorder.support_draft_saved)  # type: ignore[attr-defined]
            page.handed_over.connect(self.recorder.support_request_handed_over)  # type: ignore[attr-defined]

    def _on_window_closing(self) -> None:
        self.closed = True
        self.recorder.close_current()

    # --- provider ---------------------------------------------------------------------------

    def use_provider(self, provider: str, server_url: str | None = None) -> None:
        from mirecovery_gui.client.profile import load_profile

        training = provider == "training"
        profile = load_profile(provider)
        if self.timeouts is not None:
            profile = replace(profile, timeouts=self.timeouts)

        def make_runner() -> RequestRunner:
            # On the first request: the embedded training service, the client, the worker.
            from mirecovery_gui.client.passport import PassportClient
            from mirecovery_gui.gui.worker import RequestRunner

            url = server_url
            if provider == "training" and server_url is None:
                url = self._start_training_server()
            client = PassportClient(profile, url, locale=self.locale)
            self.window.add_shutdown_hook(client.close)
            log.info("provider %s ready", profile.id)
            return RequestRunner(client, parent=self.window)

        self.window.wizard.set_provider(profile, make_runner, training=training)
        self.window.set_training(training)

    def _start_training_server(self) -> str:
        from mirecovery_gui.training.server import TrainingServer
        from mirecovery_gui.training.service import TrainingService

        service = self._training_service or TrainingService(clock=self.clock)
        server = TrainingServer(service)
        url = server.start()
        self.training_server = server
        self.window.add_shutdown_hook(server.stop)
        return url

    # --- stores ---------------------------------------------------------------------------------

    def database(self) -> Database | None:
        """The case database, opened on first use; None when it cannot be opened or the window closed."""
        if self.closed:
            return None if self._database is None or self._database.closed else self._database
        if self._database is None and not self._database_failed:
            import sqlite3

            from mirecovery_gui.store.database import Database
            from mirecovery_gui.store.paths import database_path

            try:
                self._database = Database(database_path())
            except (OSError, sqlite3.Error, RuntimeError):
                log.exception("the case database cannot be opened")
                self._database_failed = True
                self.window.notice.show_notice(
                    QCoreApplication.translate(
                        "App",
                        "The case database cannot be opened, so cases and drafts are not saved in this session. "
                        "The recovery itself works.",
                    )
                )
                return None
            self.window.add_shutdown_hook(self._database.close)
        return self._database

    def draft_store(self) -> DraftStore | None:
        if self._draft_store is None and (database := self.database()) is not None:
            from mirecovery_gui.store.drafts import DraftStore

            self._draft_store = DraftStore(database)
        return self._draft_store

    def case_log(self) -> CaseLog | None:
        if self._case_log is None and (database := self.database()) is not None:
            from mirecovery_gui.store.cases import CaseLog

            self._case_log = CaseLog(database)
        return self._case_log

    def support_directory(self) -> list[SupportContact]:
        from mirecovery_gui.core.support_directory import load_directory
        from mirecovery_gui.store.paths import config_dir

        return load_directory(resource_path("support_contacts.json"), config_dir() / "support_contacts.json")

    # --- after the first paint --------------------------------------------------------------------

    def after_start(self) -> None:
        """Work that must not delay the first page: retention, a crashed case, a damaged settings file."""
        if self.closed:
            return
        if self._settings_backup is not None:
            self.window.notice.show_notice(
                QCoreApplication.translate(
                    "App", "The settings file was damaged, so the defaults are used. The old file was kept as {name}."
                ).format(name=self._settings_backup.name)
            )
        case_log = self.case_log()
        if case_log is None:
            return
        case_log.purge_older_than(self.settings.retention_days)
        if self.settings.record_cases:
            self._offer_resume(case_log)

    def _offer_resume(self, case_log: CaseLog) -> None:
        from mirecovery_gui.gui.i18n import step_name
        from mirecovery_gui.store.cases import Outcome

        current = self.recorder.current.id if self.recorder.current is not None else None
        open_cases = [case for case in case_log.open_cases() if case.id != current]
        if not open_cases:
            return
        latest, older = open_cases[0], open_cases[1:]
        for case in older:
            case.outcome = Outcome.ABANDONED
            case_log.save(case)
        who = latest.customer_name or latest.identifier_masked or QCoreApplication.translate("App", "a customer")
        self.window.notice.show_notice(
            QCoreApplication.translate(
                "App",
                "The last session ended unexpectedly during the case of {who} (last step: {step}). "
                "Continue where it stopped?",
            ).format(who=who, step=step_name(latest.last_step) if latest.last_step else "-"),
            [
                ("resume_case_button", QCoreApplication.translate("App", "&Continue"), lambda: self.resume(latest)),
                (
                    "discard_case_button",
                    QCoreApplication.translate("App", "Close the &case"),
                    lambda: self._discard(latest),
                ),
            ],
        )

    def resume(self, case: Case) -> None:
        """Pick an interrupted case up again; only what needs no secret is restored."""
        wizard = self.window.wizard
        self.recorder.close_current()
        wizard.start_over()
        self.recorder.adopt(case)
        store = self.draft_store()
        draft = store.load(case.draft_id) if store is not None and case.draft_id else None
        if draft is not None:
            wizard.go_support(SupportReason.CONTACTS_LOST)
            wizard.page_for(Step.LOST_EVERYTHING).open_draft(draft)  # type: ignore[attr-defined]
            return
        self.window.notice.show_notice(
            QCoreApplication.translate(
                "App",
                "Type the email, phone number or Mi account ID again ({masked}): only a masked form was kept, "
                "and codes or captchas are never kept. The case continues.",
            ).format(masked=case.identifier_masked or "-")
        )

    def _discard(self, case: Case) -> None:
        from mirecovery_gui.store.cases import Outcome

        case.outcome = Outcome.ABANDONED
        case_log = self.case_log()
        if case_log is not None:
            case_log.save(case)

    # --- settings and history -------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        """Switch the language now (code "" follows the system) and remember the choice."""
        from mirecovery_gui.store.paths import config_dir
        from mirecovery_gui.store.settings import save_settings

        language = choose_language(code or None)
        install_translators(language)
        self.locale = "id_ID" if language == "id" else "en_US"
        wizard = self.window.wizard
        wizard.language = language
        if wizard.runner is not None and hasattr(wizard.runner.client, "locale"):
            # The server's own words (tips) follow too, from the next request on.
            wizard.runner.client.locale = self.locale
        self.settings = replace(self.settings, language=code)
        try:
            save_settings(config_dir() / SETTINGS_FILE, self.settings)
        except OSError:
            log.exception("settings could not be saved")
        self.window.language_actions[code].setChecked(True)

    def apply_settings(self) -> None:
        self.window.wizard.set_shop_mode(self.settings.shop_mode)
        self.window.wizard.default_region = self.settings.default_region
        self.window.history_action.setVisible(self.settings.shop_mode)
        action = self.window.language_actions.get(self.settings.language)
        if action is not None:
            action.setChecked(True)

    def show_settings(self) -> None:
        from mirecovery_gui.gui.settings_dialog import SettingsDialog
        from mirecovery_gui.store.paths import config_dir
        from mirecovery_gui.store.settings import save_settings

        dialog = SettingsDialog(self.settings, self.window)
        dialog.erase_requested.connect(lambda: self.erase_everything(dialog))
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        new = dialog.settings()
        language_changed = new.language != self.settings.language
        scheme_changed = new.scheme != self.settings.scheme
        self.settings = new
        if language_changed:
            self.set_language(new.language)
        if scheme_changed:
            apply_scheme(new.scheme)
        try:
            save_settings(config_dir() / SETTINGS_FILE, new)
        except OSError:
            log.exception("settings could not be saved")
        self.apply_settings()

    def erase_everything(self, parent: QWidget | None = None) -> None:
        """Delete every case, draft and log file; the window stays usable."""
        from mirecovery_gui.store.paths import log_dir

        self.recorder.current = None
        self.window.wizard.start_over()
        case_log = self.case_log()
        if case_log is not None:
            case_log.delete_everything()
            case_log.database.writer.flush(10.0)
        for handler in logging.getLogger().handlers:
            handler.flush()
        for path in log_dir().glob("mirecovery.log*"):
            try:
                path.write_bytes(b"")  # the open handler keeps writing to an empty file
                if path.name != "mirecovery.log":
                    path.unlink()
            except OSError:
                log.warning("a log file could not be erased")
        if self._history is not None:
            self._history.refresh()
        dialogs.inform(
            parent or self.window,
            QCoreApplication.translate("App", "Deleted"),
            QCoreApplication.translate(
                "App", "All cases, support-request drafts and logs were deleted from this computer."
            ),
        )

    def show_history(self) -> None:
        from mirecovery_gui.gui.history import HistoryWindow

        case_log, drafts = self.case_log(), self.draft_store()
        if case_log is None or drafts is None:
            return
        if self._history is None:
            self._history = HistoryWindow(case_log, drafts, self.support_directory, self.window)
        self._history.refresh()
        self._history.show()
        self._history.raise_()
        self._history.activateWindow()


SETTINGS_FILE = "settings.json"


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
    return main_window_for(args, clock=clock, training_service=training_service, timeouts=timeouts)


def main_window_for(
    args: argparse.Namespace,
    *,
    clock: Clock | None = None,
    training_service: TrainingService | None = None,
    timeouts: Timeouts | None = None,
) -> MainWindow:
    """``create_main_window`` for a command line already parsed (``main`` has; parsing costs 4 ms)."""
    from mirecovery_gui.store.paths import config_dir
    from mirecovery_gui.store.settings import load_settings

    loaded = load_settings(config_dir() / SETTINGS_FILE)
    settings = loaded.settings
    language = choose_language(args.lang or settings.language or None)
    install_translators(language)
    scheme = settings.scheme if args.scheme is None else "" if args.scheme == "system" else args.scheme
    apply_scheme(scheme)
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.windowIcon().isNull():
        app.setWindowIcon(app_icon())
    clock = clock or SystemClock()
    window = MainWindow(clock, settings.default_region)
    window.wizard.language = language
    window.setWindowIcon(app_icon())
    context = AppContext(window, clock, "id_ID" if language == "id" else "en_US", loaded, training_service, timeouts)
    window.app_context = context
    if args.training:
        context.use_provider("training")
    elif args.server:
        context.use_provider("training", server_url=args.server)
    elif settings.provider:
        context.use_provider(settings.provider)
    window.wizard.restart()
    # After the first paint: the database, retention, and an interrupted case.
    after_first_page_paint(context.after_start, window, latest_ms=2000)
    return window
