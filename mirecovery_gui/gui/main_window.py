"""The top-level window: the wizard, the training phone in training mode, a menu."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui import __version__
from mirecovery_gui.core.clock import Clock
from mirecovery_gui.gui import dialogs
from mirecovery_gui.gui.i18n import TextBook, shown
from mirecovery_gui.gui.widgets.error_panel import announce
from mirecovery_gui.gui.wizard import RecoveryWizard

if TYPE_CHECKING:
    from mirecovery_gui.client.results import TrainingMessage, TrainingPeek
    from mirecovery_gui.gui.widgets.training_phone import TrainingPhonePanel
    from mirecovery_gui.recovery.session import RecoverySession
    from mirecovery_gui.store.shop_log import ShopStatus

log = logging.getLogger(__name__)


_Action = tuple[str, str, Callable[[], None]]


class NoticeBar(QFrame):
    """A band across the top of the window for things to know now (not a blocking dialog).

    One notice shows at a time; one that comes while another is on show goes
    in front, and the earlier one comes back when it is dismissed, so "the disk
    is full" is never lost under "continue the last case?" (or the reverse).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setObjectName("notice_label")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.close_button = QPushButton(self)
        self._texts = TextBook()
        self._texts.keep(self.close_button.setText, lambda: self.tr("&Dismiss"))
        self.close_button.setObjectName("notice_dismiss_button")
        self.close_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addLayout(self.buttons)
        row.addWidget(self.close_button)
        # (key, text, actions): the one on show last; the ones under it before.
        self._notices: list[tuple[str, str, list[_Action]]] = []
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._texts.apply()
        super().changeEvent(event)

    def show_notice(self, text: str, actions: list[_Action] | None = None, key: str = "") -> None:
        """``actions``: (object name, label, handler); each also dismisses the notice.

        A notice with the same non-empty ``key`` as one already there replaces it
        ("saved again" replaces "could not be saved").
        """
        if key:
            self._notices = [notice for notice in self._notices if notice[0] != key]
        self._notices.append((key, text, list(actions or [])))
        self._show_latest()

    def withdraw(self, key: str) -> None:
        """Take back the notice with ``key`` (its news is out of date), wherever it is."""
        self._notices = [notice for notice in self._notices if notice[0] != key]
        self._show_latest()

    def dismiss(self) -> None:
        """The notice on show goes; the one it covered (if any) comes back."""
        if self._notices:
            self._notices.pop()
        self._show_latest()

    def clear(self) -> None:
        self._notices.clear()
        self._show_latest()

    def _show_latest(self) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Deleted later (it may be the button being pressed); nameless and hidden at once,
                # so an automation looking it up by name never finds the old one.
                widget.setObjectName("")
                widget.hide()
                widget.deleteLater()
        if not self._notices:
            self.label.clear()
            self.hide()
            return
        _key, text, actions = self._notices[-1]
        self.label.setText(shown(text, 600))
        for name, label, handler in actions:
            button = QPushButton(label, self)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, run=handler: self._act(run))
            self.buttons.addWidget(button)
        self.show()
        announce(self.label, self.label.text())

    def _act(self, handler: Callable[[], None]) -> None:
        self.dismiss()
        handler()


class MainWindow(QMainWindow):
    closing = Signal()
    language_requested = Signal(str)  # "" follows the system

    def __init__(self, session: RecoverySession, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.texts = TextBook()
        self.session = session
        self.wizard = RecoveryWizard(session, clock, self)
        self._training_phone: TrainingPhonePanel | None = None  # built for training mode only
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.wizard)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setChildrenCollapsible(False)
        self.notice = NoticeBar(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.wizard.code_sent.connect(self.refresh_training_phone)
        # The training phone shows this customer's messages only: a new recovery starts it empty, and the
        # messages it showed stay hidden (known by themselves, not by the time: a classroom server's clock
        # may differ from this one; the phone looks after every code sent, so it has seen them).
        self._phone_earlier: set[TrainingMessage] = set()
        self._shutdown_hooks: list[Callable[[], None]] = []
        # The composition root's App (app.py, which the gui layer never imports): set by create_main_window.
        self.app: Any = None
        # Asked before the window closes; False keeps it open (unsaved case-log changes).
        self.close_guard: Callable[[], bool] | None = None
        self.shop_status_label: QLabel | None = None  # made when a shop database is used
        self._shop_status: tuple[ShopStatus, str] | None = None
        self._build_menu()
        self._update_title()
        self.resize(self.sizeHint())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Once the window is really on screen (and active), the keyboard goes to
        # the page's field, not to whichever widget comes first in the tab chain.
        QTimer.singleShot(0, self.wizard.focus_current_page)

    def sizeHint(self) -> QSize:
        # 1040x680 with the usual 9-point font: fits a 1366x768 screen with the
        # taskbar; the training phone takes the right quarter. Larger fonts ask
        # for more room, but never more than the screen has (the pages scroll).
        metrics = self.fontMetrics()
        wanted = QSize(173 * metrics.averageCharWidth(), 48 * metrics.lineSpacing())
        screen = self.screen()
        if screen is not None:
            room = screen.availableSize() - QSize(24, 64)  # the window frame and title
            wanted = wanted.boundedTo(room)
        return wanted

    def _build_menu(self) -> None:
        texts = self.texts
        file_menu = self.menuBar().addMenu("")
        texts.keep(file_menu.setTitle, lambda: self.tr("&File"))
        self.new_action = QAction(self)
        texts.keep(self.new_action.setText, lambda: self.tr("&New recovery"))
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(lambda: self.wizard.reject())  # asks first when a recovery is under way
        file_menu.addAction(self.new_action)
        self.history_action = QAction(self)
        texts.keep(self.history_action.setText, lambda: self.tr("Case &history…"))
        self.history_action.setObjectName("history_action")
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        self.history_action.setVisible(False)
        file_menu.addAction(self.history_action)
        self.settings_action = QAction(self)
        texts.keep(self.settings_action.setText, lambda: self.tr("&Settings…"))
        self.settings_action.setObjectName("settings_action")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        file_menu.addAction(self.settings_action)
        self.practice_site_action = QAction(self)
        texts.keep(self.practice_site_action.setText, lambda: self.tr("Practise on Xiaomi's &page (training)"))
        self.practice_site_action.setObjectName("practice_site_action")
        self.practice_site_action.setVisible(False)
        self.practice_site_action.triggered.connect(lambda: self.wizard.perform(self.session.practise_on_website()))
        file_menu.addAction(self.practice_site_action)
        file_menu.addSeparator()
        quit_action = QAction(self)
        texts.keep(quit_action.setText, lambda: self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        language_menu = self.menuBar().addMenu("")
        language_menu.setObjectName("language_menu")
        texts.keep(language_menu.setTitle, lambda: self.tr("&Language"))
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (
            ("", lambda: self.tr("Same as the &system")),
            ("en", lambda: "&English"),
            ("id", lambda: "Bahasa &Indonesia"),
        ):
            action = QAction(self)
            action.setCheckable(True)
            action.setObjectName(f"language_{code or 'system'}_action")
            texts.keep(action.setText, name)
            action.triggered.connect(lambda _checked=False, c=code: self.language_requested.emit(c))
            self.language_group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = self.menuBar().addMenu("")
        texts.keep(help_menu.setTitle, lambda: self.tr("&Help"))
        official = QAction(self)
        texts.keep(official.setText, lambda: self.tr("Xiaomi's &official forgot-password page"))
        official.triggered.connect(self._on_official_action_triggered)
        help_menu.addAction(official)
        about = QAction(self)
        texts.keep(about.setText, lambda: self.tr("&About mirecovery"))
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.apply()
            self._update_title()
            if self._shop_status is not None:
                self.show_shop_status(*self._shop_status)
        super().changeEvent(event)

    def _update_title(self) -> None:
        title = self.tr("mirecovery: Mi Account recovery assistant")
        self.setWindowTitle(title + (self.tr(" (training)") if self.session.training else ""))

    def _on_official_action_triggered(self) -> None:
        self.wizard.open_url(self.session.official_url)

    def _show_about(self) -> None:
        dialogs.inform(
            self,
            self.tr("About mirecovery"),
            self.tr(
                "mirecovery {version}\n\nA desktop assistant for the official Mi Account recovery "
                "steps. It does not bypass captchas, codes, the activation lock or FRP. "
                "Not made by or affiliated with Xiaomi."
            ).format(version=__version__),
        )

    @property
    def training_phone(self) -> TrainingPhonePanel:
        """The training phone beside the wizard, made the first time training mode needs it."""
        if self._training_phone is None:
            from mirecovery_gui.gui.widgets.training_phone import TrainingPhonePanel

            panel = TrainingPhonePanel(self)
            panel.hide()
            panel.refresh_requested.connect(self.refresh_training_phone)
            self.wizard.restarted.connect(self._on_wizard_restarted)
            self.splitter.addWidget(panel)
            self.splitter.setStretchFactor(1, 1)
            self._training_phone = panel
        return self._training_phone

    def set_training(self, enabled: bool, server: str = "") -> None:
        """Training on or off; ``server`` is the classroom server's ``host:port`` ("" for the app's own)."""
        if enabled or self._training_phone is not None:
            self.training_phone.setVisible(enabled)
            self.training_phone.set_server(server if enabled else "")
        self.practice_site_action.setVisible(enabled)
        self._update_title()

    def show_shop_status(self, status: ShopStatus, desk: str) -> None:
        """The shop database's state at the foot of the window (shown only when a shop database is used)."""
        if self.shop_status_label is None:
            label = QLabel(self)
            label.setObjectName("shop_status_label")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setContentsMargins(8, 2, 8, 2)
            self.statusBar().addWidget(label, 1)
            self.statusBar().setSizeGripEnabled(False)
            self.shop_status_label = label
        self._shop_status = (status, desk)
        trouble = status.problem is not None or status.reachable is False
        self.shop_status_label.setText(self._shop_status_text(status, desk))
        self.shop_status_label.setProperty("trouble", trouble)
        font = self.shop_status_label.font()
        font.setBold(trouble)
        self.shop_status_label.setFont(font)

    def _shop_status_text(self, status: ShopStatus, desk: str) -> str:
        waiting = status.waiting
        if status.problem == "password":
            return self.tr(
                "Shop database: the password was refused; enter it again (the button above, or File > Settings > "
                "Shop database). %n change(s) wait on this computer.",
                "",
                waiting,
            )
        if status.problem == "password_needed":
            return self.tr(
                "Shop database: enter this desk's password (the button above, or File > Settings > Shop database). "
                "%n change(s) wait on this computer.",
                "",
                waiting,
            )
        if status.problem == "tls":
            return self.tr(
                "Shop database: the secure connection (TLS) failed; check sslmode and the CA file in Settings > "
                "Shop database. %n change(s) wait on this computer.",
                "",
                waiting,
            )
        if status.problem == "not_set_up":
            return self.tr(
                "Shop database: not set up for mirecovery yet (its owner runs: mirecovery shop-db init). %n "
                "change(s) wait on this computer.",
                "",
                waiting,
            )
        if status.problem == "newer_version":
            return self.tr(
                "Shop database: set up by a newer mirecovery; update this desk. %n change(s) wait on this computer.",
                "",
                waiting,
            )
        if status.problem == "refused":
            return self.tr(
                "Shop database: this login may not use the case log (ask the manager for the desk role). %n "
                "change(s) wait on this computer.",
                "",
                waiting,
            )
        if status.reachable is False:
            return self.tr(
                "Shop database cannot be reached. Work goes on: %n change(s) wait on this computer and go up "
                "when it is back.",
                "",
                waiting,
            )
        if status.reachable is None:
            return self.tr("Shop database: connecting… (desk {desk})").format(desk=desk)
        if waiting:
            return self.tr("Shop database: sending %n change(s)…", "", waiting)
        return self.tr("Shop database: connected, everything saved (desk {desk})").format(desk=desk)

    def add_shutdown_hook(self, hook: Callable[[], None]) -> None:
        self._shutdown_hooks.append(hook)

    def refresh_training_phone(self) -> None:
        self.wizard.perform(self.session.peek(), self._on_training_peek)

    def _on_wizard_restarted(self) -> None:
        if self._training_phone is not None:
            self._phone_earlier |= set(self._training_phone.messages())
            self._training_phone.clear()

    def _on_training_peek(self, peek: TrainingPeek) -> None:
        # Sent since this recovery began: "Check for messages" never shows the last customer's code.
        mine = tuple(m for m in peek.messages if m not in self._phone_earlier)
        self.training_phone.set_messages(mine)
        self.training_phone.checked.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Drafts and the case first, while the case database is still open; then
        # whatever is in flight is cut, and the window closes within a second.
        self.wizard.about_to_close()
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        self.closing.emit()
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
