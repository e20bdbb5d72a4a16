"""The top-level window: the wizard, the training phone in training mode, a menu."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QWidget

from mirecovery_gui import __version__
from mirecovery_gui.client.errors import RecoveryError
from mirecovery_gui.client.results import TrainingPeek
from mirecovery_gui.core.clock import Clock
from mirecovery_gui.gui.widgets.training_phone import TrainingPhonePanel
from mirecovery_gui.gui.wizard import RecoveryWizard

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, clock: Clock, default_region: str = "ID", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("mirecovery: Mi Account recovery assistant"))
        self.wizard = RecoveryWizard(clock, default_region, self)
        self.training_phone = TrainingPhonePanel(self)
        self.training_phone.hide()
        self.training_phone.refresh_requested.connect(self.refresh_training_phone)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.wizard)
        self.splitter.addWidget(self.training_phone)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.wizard.training_messages_requested.connect(self.refresh_training_phone)
        self.wizard.restarted.connect(self.training_phone.clear)
        self.wizard.close_requested.connect(self.close)
        self._shutdown_hooks: list[Callable[[], None]] = []
        self.app_context: object | None = None  # set by app.create_main_window
        self._build_menu()
        self.resize(self.sizeHint())

    def sizeHint(self) -> QSize:
        # Fits a 1366x768 screen with the taskbar; the training phone takes the right quarter.
        return QSize(1040, 680)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = QAction(self.tr("&New recovery"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.wizard.start_over)
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        official = QAction(self.tr("Xiaomi's &official forgot-password page"), self)
        official.triggered.connect(self._on_official_action_triggered)
        help_menu.addAction(official)
        about = QAction(self.tr("&About mirecovery"), self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _on_official_action_triggered(self) -> None:
        profile = self.wizard.profile
        self.wizard.open_url(
            profile.help_urls.forgot_password if profile else "https://account.xiaomi.com/pass/forgetPassword"
        )

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About mirecovery"),
            self.tr(
                "mirecovery {version}\n\nA desktop assistant for the official Mi Account recovery "
                "steps. It does not bypass captchas, codes, the activation lock or FRP. "
                "Not made by or affiliated with Xiaomi."
            ).format(version=__version__),
        )

    def set_training(self, enabled: bool) -> None:
        self.training_phone.setVisible(enabled)
        title = self.tr("mirecovery: Mi Account recovery assistant")
        self.setWindowTitle(title + (self.tr(" (training)") if enabled else ""))

    def add_shutdown_hook(self, hook: Callable[[], None]) -> None:
        self._shutdown_hooks.append(hook)

    def refresh_training_phone(self) -> None:
        runner = self.wizard.runner
        if runner is None or not self.wizard.training:
            return
        runner.submit(
            lambda client: client.training_peek(),
            self._on_training_peek,
            self._on_training_peek_failed,
            name="peek",
        )

    def _on_training_peek(self, peek: TrainingPeek) -> None:
        self.training_phone.set_messages(peek.messages)

    def _on_training_peek_failed(self, error: RecoveryError) -> None:
        log.info("training phone could not refresh: %s", type(error).__name__)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Drafts first, while the case database is still open; then whatever is
        # in flight is cut, and the window closes within a second.
        self.wizard.about_to_close()
        if self.wizard.runner is not None:
            self.wizard.runner.shutdown(timeout_s=0.8)
        for hook in self._shutdown_hooks:
            try:
                hook()
            except Exception:
                log.exception("shutdown step failed")
        self._shutdown_hooks.clear()
        self.wizard.clear_all_secrets()
        super().closeEvent(event)
