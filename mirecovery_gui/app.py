"""Composition root: settings, stores, the recovery session, the provider, the language, the window.

``create_main_window(argv)`` builds the window exactly as the command line
would (not shown); the caller has created the QApplication.
"""

from __future__ import annotations

import argparse
import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from mirecovery_gui.cli import build_parser
from mirecovery_gui.core.clock import Clock, SystemClock
from mirecovery_gui.core.resources import resource_path
from mirecovery_gui.gui import dialogs
from mirecovery_gui.gui.first_paint import after_first_page_paint
from mirecovery_gui.gui.language import LanguageSwitcher, choose_language, install_translators
from mirecovery_gui.gui.main_window import MainWindow
from mirecovery_gui.gui.theme import apply_scheme
from mirecovery_gui.providers import ProviderFactory
from mirecovery_gui.recovery.case_keeper import CaseKeeper
from mirecovery_gui.recovery.session import RecoverySession
from mirecovery_gui.store.stores import SettingsKeeper, Stores

if TYPE_CHECKING:
    from pathlib import Path

    from mirecovery_gui.client.profile import Timeouts
    from mirecovery_gui.core.support_directory import SupportContact
    from mirecovery_gui.gui.history import HistoryWindow
    from mirecovery_gui.store.cases import Case
    from mirecovery_gui.store.instance_lock import InstanceLock
    from mirecovery_gui.store.settings import Settings
    from mirecovery_gui.store.shop_database import ShopAddress
    from mirecovery_gui.store.shop_log import ShopStatus
    from mirecovery_gui.store.stores import ShopChoice
    from mirecovery_gui.training.service import TrainingService

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
RETENTION_EVERY_MS = 60 * 60 * 1000  # retention applies hourly while the app stays open all day

# Noise from the offscreen platform plugin, not a problem of ours.
_QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
# Qt WebEngine finding no GPU and drawing in software, as on most shop PCs and every test machine:
# normal, so into the log file only, never on the console.
_GRAPHICS_FALLBACK = re.compile(
    r"^(QRhi|Failed to create RHI|This plugin does not support createPlatformVulkanInstance|QVulkanInstance"
    r"|GBM is not supported|GPUInfo not initialized|Failed to load vulkan|initInstance: No Vulkan"
    r"|Failed to create platform Vulkan|Unable to detect GPU vendor|Sandboxing disabled)"
)
_qt_log = logging.getLogger("mirecovery_gui.qt")
_QT_LINK = re.compile(r"\b(mailto:|tel:|https?://)[^\s'\"]*", re.IGNORECASE)


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
    if level == logging.WARNING and _GRAPHICS_FALLBACK.match(message):
        level = logging.INFO
    # Qt quotes a link it could not open ("Unable to detect a web browser to launch '...'"): the wizard
    # already logged that it failed, by kind of link; the link itself stays out of the log.
    _qt_log.log(level, "%s", _QT_LINK.sub(lambda match: f"{match.group(1)}<link>", message))


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


def settings_path() -> Path:
    from mirecovery_gui.store.paths import config_dir

    return config_dir() / SETTINGS_FILE


def claim_data_folder() -> tuple[InstanceLock | None, str]:
    """One window per data folder: the lock to keep for the whole run, or where mirecovery already runs.

    A second window on the same folder would show the first one's live case as
    interrupted, and could close it; it stops here instead and says so.
    """
    from mirecovery_gui.store.instance_lock import InstanceLock
    from mirecovery_gui.store.paths import data_dir

    lock = InstanceLock(data_dir())
    if lock.acquire():
        return lock, ""
    holder = lock.holder()
    if holder is None:
        return None, QCoreApplication.translate("App", "mirecovery is already open on this computer. Use that window.")
    return None, QCoreApplication.translate(
        "App",
        "mirecovery is already open on this computer (process {pid}, since {time}). Use that window, "
        "or close it first.",
    ).format(pid=holder.pid, time=_local_time(holder.since))


def _local_time(stamp: str) -> str:
    """An ISO time in UTC as this computer's clock shows it ("2026-12-01 07:08"); the text itself if unreadable."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp[:16]


def support_directory() -> list[SupportContact]:
    from mirecovery_gui.store.support_contacts import support_directory as shop_directory

    return shop_directory()


class StoreNews(QObject):
    """What the stores report from the writer thread, brought to the GUI thread (queued signals)."""

    trouble = Signal(object)  # "disk_full", "damaged", "read_only", "other", or None: saved again
    set_aside = Signal(object)  # the path a damaged database was renamed to
    shop_status = Signal(object)  # a ShopStatus: the shop database reachable or not, and what waits for it
    shop_conflict = Signal(object)  # a Conflict: a save of this desk's not applied over another desk's change


def trouble_reason(kind: str | None) -> str:
    """Why the case log cannot be written, in a few words, for the middle of a sentence."""
    reasons = {
        "disk_full": QCoreApplication.translate("App", "the disk is full"),
        "read_only": QCoreApplication.translate("App", "its folder cannot be written to"),
        "damaged": QCoreApplication.translate("App", "the file is damaged"),
    }
    return reasons.get(kind or "", QCoreApplication.translate("App", "the disk refused"))


def store_trouble_text(kind: str | None) -> str:
    """What the window says when the case log cannot be written (None: it can again)."""
    texts = {
        "disk_full": QCoreApplication.translate(
            "App",
            "The case log could not be saved: the disk is full. Free some space; it will be saved again. "
            "What was typed is kept meanwhile.",
        ),
        "read_only": QCoreApplication.translate(
            "App",
            "The case log could not be saved: its folder cannot be written to. What was typed is kept while "
            "mirecovery is open.",
        ),
        "damaged": QCoreApplication.translate(
            "App",
            "The case log is damaged, so changes are not saved. Close mirecovery and start it again: the "
            "damaged file is set aside and a new one started.",
        ),
        "other": QCoreApplication.translate(
            "App", "The case log could not be saved right now. mirecovery keeps trying; what was typed is kept."
        ),
    }
    if kind is None:
        return QCoreApplication.translate("App", "The case log is saved again.")
    return texts.get(kind, texts["other"])


def unavailable_text(reason: str | None) -> str:
    """Why no case is saved in this session (the database could not be opened at all)."""
    if reason == "read_only":
        return QCoreApplication.translate(
            "App",
            "The data folder cannot be written to, so cases and drafts are not saved in this session. "
            "The recovery itself, and training, work.",
        )
    if reason == "disk_full":
        return QCoreApplication.translate(
            "App",
            "The disk is full, so cases and drafts are not saved in this session. Free some space and start "
            "mirecovery again. The recovery itself works.",
        )
    if reason == "newer_version":
        return QCoreApplication.translate(
            "App",
            "The case database was made by a newer mirecovery, so cases and drafts are not saved in this "
            "session. The recovery itself works.",
        )
    return QCoreApplication.translate(
        "App",
        "The case database cannot be opened, so cases and drafts are not saved in this session. "
        "The recovery itself works.",
    )


class App:
    """What the window's menus and notices reach: settings, the case history, erasing, resuming."""

    def __init__(
        self,
        window: MainWindow,
        settings: SettingsKeeper,
        stores: Stores,
        languages: LanguageSwitcher,
        providers: ProviderFactory,
        damaged_settings: Path | None = None,
    ) -> None:
        self.window = window
        self.session = window.session
        self.settings = settings
        self.stores = stores
        self.languages = languages
        self.providers = providers
        self._real_account_given = False  # --real-account wins over Settings for this run
        self._damaged_settings = damaged_settings
        self.history: HistoryWindow | None = None
        self.closed = False
        self._store_trouble: str | None = None
        self._shop_status: ShopStatus | None = None
        self._password_entered = False  # the next refusal says "that password too"
        self._retention = QTimer(window)
        self._retention.setInterval(RETENTION_EVERY_MS)
        self._retention.timeout.connect(self._apply_retention)
        languages.follow(self._on_language_switched)
        settings.subscribe(self._on_settings_changed)
        settings.on_save_failed = self._on_settings_not_saved
        window.closing.connect(self._on_window_closing)
        window.close_guard = self._may_close
        window.settings_action.triggered.connect(self.show_settings)
        window.history_action.triggered.connect(self.show_history)
        window.language_requested.connect(self.set_language)
        window.wizard.provider_requested.connect(self.providers.use)
        self._apply(settings.settings)

    # --- settings ----------------------------------------------------------------------------------

    def set_language(self, choice: str) -> None:
        """The Language menu: switch now ("" follows the system) and remember the choice (saved once)."""
        self.languages.switch(choice)
        self.settings.update(language=choice)

    def _on_settings_changed(self, old: Settings, new: Settings) -> None:
        if new.language != old.language and choose_language(new.language or None) != self.languages.language:
            self.languages.switch(new.language)
        if new.scheme != old.scheme:
            apply_scheme(new.scheme)
        if new.real_account_mode != old.real_account_mode and not self._real_account_given:
            # From the next recovery on (one under way keeps the way it started).
            self.session.real_account_mode = new.real_account_mode
        self._apply(new)

    def _on_settings_not_saved(self) -> None:
        self.window.notice.show_notice(
            QCoreApplication.translate(
                "App",
                "The settings could not be saved (the config folder cannot be written to), so the change "
                "applies only until mirecovery closes.",
            ),
            key="settings",
        )

    def _apply(self, settings: Settings) -> None:
        window = self.window
        window.history_action.setVisible(settings.shop_mode)
        action = window.language_actions.get(settings.language)
        if action is not None:
            action.setChecked(True)
        self.session.settings_changed(default_region=settings.default_region)

    def _on_language_switched(self, language: str) -> None:
        self.session.language = language
        self.providers.follow_language(language)

    def show_settings(self) -> None:
        from mirecovery_gui.gui.settings_dialog import SettingsDialog

        shop = self.stores.shop
        dialog = SettingsDialog(
            self.settings.settings,
            self.window,
            computer=desk_name(replace(self.settings.settings, desk_name="")),
            shop_in_use=str(shop.address) if shop is not None else "",
            desk_in_use=self.stores.desk,
        )
        dialog.erase_requested.connect(lambda: self.erase_everything(dialog))
        try:
            if dialog.exec() == SettingsDialog.DialogCode.Accepted:
                old = self.settings.settings
                self.settings.replace(dialog.settings())
                self._take_shop_settings(old, self.settings.settings, dialog.shop_password())
        finally:
            dialog.deleteLater()  # open all day: one dialog at a time, not one more per visit

    def _take_shop_settings(self, old: Settings, new: Settings, password: str) -> None:
        """A new shop database or desk name applies at the next start; a password goes to the keyring now."""
        if password and new.shop_database:
            from mirecovery_gui.store.shop_database import ShopAddress, ShopAddressError

            try:
                address = ShopAddress.parse(new.shop_database)
            except ShopAddressError:
                address = None  # the dialog checked it; nothing to keep the password for otherwise
            if address is not None:
                self._keep_password(address, password)
            if self.stores.link is not None and self.stores.shop is not None and address == self.stores.shop.address:
                self.stores.link.wake()  # the same server: try the new password now
        if (new.shop_database, new.desk_name) != (old.shop_database, old.desk_name):
            self.window.notice.show_notice(
                QCoreApplication.translate("App", "The shop database setting applies when mirecovery starts again."),
                key="shop-restart",
            )

    # --- after the first paint ------------------------------------------------------------------------

    def after_start(self) -> None:
        """Work that must not delay the first page: retention, a crashed case, a damaged settings file."""
        if self.closed:
            return
        if self._damaged_settings is not None:
            self.window.notice.show_notice(
                QCoreApplication.translate(
                    "App", "The settings file was damaged, so the defaults are used. The old file was kept as {name}."
                ).format(name=self._damaged_settings.name)
            )
        if not self._apply_retention():
            return
        self._retention.start()
        interrupted = self.session.interrupted_case()
        if interrupted is not None:
            self._offer_resume(interrupted)

    def _apply_retention(self) -> bool:
        """Cases older than the setting go (at start, then hourly); False when there is no case log."""
        return self.stores.apply_retention(self.settings.settings.retention_days)

    def on_store_trouble(self, kind: object) -> None:
        """The case log cannot be written (or can again): the notice says so, in the user's language."""
        kind = None if kind is None else str(kind)
        if kind == self._store_trouble:
            return
        had_trouble, self._store_trouble = self._store_trouble is not None, kind
        if kind is not None or had_trouble:
            self.window.notice.show_notice(store_trouble_text(kind), key="store")

    def on_shop_status(self, status: object) -> None:
        """The shop database came or went, or the changes waiting for it changed: the foot of the window says so."""
        from mirecovery_gui.store.shop_log import ShopStatus

        if not isinstance(status, ShopStatus):
            return
        before, self._shop_status = self._shop_status, status
        self._show_shop_status(status)
        if self.history is not None and self.history.isVisible():
            self.history.server_state_changed()
            if status.reachable and before is not None and before.reachable is False:
                self.history.refresh()  # it showed only this desk's waiting cases: now the shop's again
        asking = status.problem in ("password", "password_needed")
        if not asking:
            self._password_entered = False
            self.window.notice.withdraw("shop-password")
            return
        again = self._password_entered and status.tries != (before.tries if before is not None else -1)
        first = before is None or before.problem not in ("password", "password_needed")
        if not (first or again):
            return
        self._password_entered = False
        if status.problem == "password_needed":
            text = QCoreApplication.translate(
                "App",
                "The shop database needs this desk's password (the login {user}, not a customer's). Until it is "
                "entered, cases wait on this computer.",
            )
        elif again:
            text = QCoreApplication.translate(
                "App", "The shop database refused that password. Check it with the manager and enter it again."
            )
        else:
            text = QCoreApplication.translate(
                "App",
                "The shop database refused this desk's password (the login {user}). Until it is entered again, "
                "cases wait on this computer.",
            )
        user = self.stores.shop.address.user if self.stores.shop is not None else ""
        self.window.notice.show_notice(
            text.format(user=user),
            [
                (
                    "shop_password_button",
                    QCoreApplication.translate("App", "Enter the &password…"),
                    self.ask_shop_password,
                )
            ],
            key="shop-password",
        )

    def _show_shop_status(self, status: ShopStatus) -> None:
        self.window.show_shop_status(status, self.stores.desk)

    def on_shop_conflict(self, conflict: object) -> None:
        """A save or a deletion of this desk's was not applied: the user hears whose change won, and why."""
        from mirecovery_gui.store.cases import case_number
        from mirecovery_gui.store.shop_log import Conflict

        if not isinstance(conflict, Conflict):
            return
        number = case_number(conflict.case_id)
        if conflict.kind == "deleted":
            in_hand = self.session.cases.case
            who = ""
            if in_hand is not None and in_hand.id == conflict.case_id:
                who = in_hand.customer_name or in_hand.identifier_masked
            # Erasure wins: the case in hand (if it is this one) ends unwritten, as when this desk deletes it.
            self.forget([conflict.case_id])
            text = QCoreApplication.translate(
                "App",
                "Case {number}{who} was deleted from the shop database by a manager while this desk had it, so "
                "this desk's changes to it were not kept.",
            ).format(number=number, who=f" ({who})" if who else "")
        elif conflict.kind == "dropped":
            text = QCoreApplication.translate(
                "App",
                "The shop database could not take a change to case {number} as it was, so that change is not "
                "there. The case shows what the shop database has; make the change again if it is still needed.",
            ).format(number=number or "?")
        elif conflict.kind == "refused" and not conflict.case_id:
            text = QCoreApplication.translate(
                "App", "The shop database did not allow this desk to delete the shop's cases (only a manager may)."
            )
        elif conflict.kind == "refused":
            text = QCoreApplication.translate(
                "App",
                "The shop database did not allow this desk to delete case {number} (only a manager's login may). "
                "Nothing was deleted there.",
            ).format(number=number)
        else:
            self.session.changed_elsewhere(conflict.case_id, conflict.taken, conflict.sent)
            desk = conflict.other_desk or "?"
            if conflict.values:
                text = QCoreApplication.translate(
                    "App",
                    "Case {number} was also changed at desk {desk}. Where both desks changed the same thing "
                    "({fields}) their entry was kept and is now shown here too; everything else from this desk "
                    "was saved.",
                ).format(number=number, desk=desk, fields=field_words(conflict.fields))
            else:
                words = field_words(tuple(name for name, _ in conflict.taken if name in _TOLD_FIELDS))
                if words:
                    text = QCoreApplication.translate(
                        "App",
                        "Case {number} was also worked on at desk {desk}; their changes ({fields}) are shown here "
                        "too, and this desk's were saved with them.",
                    ).format(number=number, desk=desk, fields=words)
                else:
                    text = QCoreApplication.translate(
                        "App",
                        "Case {number} was also worked on at desk {desk}; their changes are kept with this desk's.",
                    ).format(number=number, desk=desk)
        self.window.notice.show_notice(text, key=f"conflict-{conflict.case_id}")
        if self.history is not None and self.history.isVisible():
            self.history.refresh()

    def _keep_password(self, address: ShopAddress, password: str) -> None:
        """The password to the keyring; where there is none, for this run only, and the window says so."""
        from mirecovery_gui.store.shop_database import remember_password

        if not remember_password(address, password):
            self.window.notice.show_notice(
                QCoreApplication.translate(
                    "App",
                    "This computer has no keyring that can keep the password, so it is used until mirecovery "
                    "closes and asked again at the next start.",
                ),
                key="shop-keyring",
            )

    def ask_shop_password(self) -> None:
        """Ask for the shop database's password and give it to the keyring (never to settings or a log)."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        shop = self.stores.shop
        if shop is None:
            return
        password, ok = QInputDialog.getText(
            self.window,
            QCoreApplication.translate("App", "Shop database password"),
            QCoreApplication.translate(
                "App", "Password of the shop database login {user} on {host} (not a customer's Mi account password):"
            ).format(user=shop.address.user, host=shop.address.host),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not password:
            return
        self._keep_password(shop.address, password)
        self._password_entered = True
        if self.stores.link is not None:
            self.stores.link.wake()

    def on_set_aside(self, path: object) -> None:
        self.window.notice.show_notice(
            QCoreApplication.translate(
                "App", "The case database was damaged, so a new one was started. The old file was kept as {name}."
            ).format(name=getattr(path, "name", str(path)))
        )

    def _offer_resume(self, case: Case) -> None:
        from mirecovery_gui.gui.i18n import step_name

        who = case.customer_name or case.identifier_masked or QCoreApplication.translate("App", "a customer")
        self.window.notice.show_notice(
            QCoreApplication.translate(
                "App",
                "The last session ended unexpectedly during the case of {who} (last step: {step}). "
                "Continue where it stopped?",
            ).format(who=who, step=step_name(case.last_step) if case.last_step else "-"),
            [
                (
                    "resume_case_button",
                    QCoreApplication.translate("App", "&Continue"),
                    lambda: self.window.wizard.perform(self.session.resume(case)),
                ),
                (
                    "discard_case_button",
                    QCoreApplication.translate("App", "Close the &case"),
                    lambda: self.session.abandon(case),
                ),
            ],
            key="resume",
        )

    # --- the shop's data -------------------------------------------------------------------------------

    def show_history(self) -> None:
        from mirecovery_gui.gui.history import HistoryWindow

        case_log, drafts = self.stores.case_log(), self.stores.drafts()
        if case_log is None or drafts is None:
            return
        if self.history is None:
            self.history = HistoryWindow(case_log, drafts, support_directory, self.forget, self.window)
        self.history.refresh()
        self.history.show()
        self.history.raise_()
        self.history.activateWindow()

    def erase_everything(self, parent: QWidget | None = None) -> None:
        """Delete every case, draft and log file; the window stays usable."""
        from mirecovery_gui.logs import erase_logs
        from mirecovery_gui.store.paths import log_dir

        # The case in hand lets go first, unwritten: nothing writes it back afterwards.
        self.forget(None)
        case_log = self.stores.case_log()
        finished = True
        if case_log is not None:
            case_log.delete_everything()
            finished = self.stores.flush(10.0)
        self.stores.erase_set_aside()  # a damaged copy set aside holds customers too
        erase_logs(log_dir())
        if self.history is not None:
            self.history.refresh()
        if not finished:
            # Never "deleted" while the customers are still in the file.
            dialogs.inform(
                parent or self.window,
                QCoreApplication.translate("App", "Not deleted yet"),
                QCoreApplication.translate(
                    "App",
                    "The case log cannot be written right now ({reason}), so the cases and drafts are still on "
                    "this computer. Free some space and keep mirecovery open: they are deleted as soon as it can "
                    "write again. The logs were deleted.",
                ).format(reason=trouble_reason(self.stores.trouble)),
            )
            return
        dialogs.inform(
            parent or self.window,
            QCoreApplication.translate("App", "Deleted"),
            QCoreApplication.translate(
                "App",
                "The changes waiting on this computer and the logs were deleted. The shop's cases are on the shop "
                "database.",
            )
            if self.stores.shop is not None
            else QCoreApplication.translate(
                "App", "All cases, support-request drafts and logs were deleted from this computer."
            ),
        )

    def forget(self, case_ids: list[str] | None) -> None:
        """Cases are about to be deleted (None: all): the session lets go, and an offer to resume one goes."""
        self.session.forget(case_ids)
        self.window.notice.withdraw("resume")  # the offer to continue a case that is being deleted

    def _may_close(self) -> bool:
        """Whether the window may close now: not silently while changes to the case log wait for the disk."""
        stores = self.stores
        if stores.pending_writes == 0 or stores.trouble is None or stores.flush(2.0):
            return True
        return dialogs.ask(
            self.window,
            QCoreApplication.translate("App", "Close without saving?"),
            QCoreApplication.translate(
                "App",
                "Changes to the case log could not be saved yet ({reason}). If mirecovery closes now, they are "
                "lost. Keep it open and free some space: they are saved as soon as there is room.",
            ).format(reason=trouble_reason(stores.trouble)),
            QCoreApplication.translate("App", "&Close and lose them"),
            QCoreApplication.translate("App", "&Keep mirecovery open"),
        )

    def _on_window_closing(self) -> None:
        self.closed = True
        if self.history is not None:
            self.history.reads.shut()  # before the case log closes under a read


_TOLD_FIELDS = (
    "customer_name", "customer_contact", "device_model", "imei", "identifier_masked", "outcome", "staff", "provider",
)  # fmt: skip


def field_words(fields: tuple[str, ...]) -> str:
    """A case's fields in the user's words, for a sentence ("model, contact")."""
    words = {
        "customer_name": QCoreApplication.translate("App", "customer's name"),
        "customer_contact": QCoreApplication.translate("App", "contact"),
        "device_model": QCoreApplication.translate("App", "model"),
        "imei": QCoreApplication.translate("App", "IMEI"),
        "identifier_masked": QCoreApplication.translate("App", "account"),
        "identifier_kind": QCoreApplication.translate("App", "account"),
        "outcome": QCoreApplication.translate("App", "outcome"),
        "staff": QCoreApplication.translate("App", "staff"),
        "provider": QCoreApplication.translate("App", "mode"),
        "draft_id": QCoreApplication.translate("App", "support request"),
        "closed_at": QCoreApplication.translate("App", "closing time"),
    }
    checklist = QCoreApplication.translate("App", "ownership checklist")
    said = [checklist if name.startswith("checklist.") else words.get(name, name) for name in fields]
    return ", ".join(dict.fromkeys(said))


def desk_name(settings: Settings, given: str | None = None) -> str:
    """This desk's name as other desks see it: ``--desk``, else ``MIRECOVERY_DESK``, else Settings, else the
    computer's name."""
    import os
    import socket

    chosen = given or os.environ.get("MIRECOVERY_DESK", "") or settings.desk_name or socket.gethostname()
    return " ".join(chosen.split())[:40]


def shop_choice(
    given: str | None, settings: Settings, news: StoreNews, desk: str = ""
) -> tuple[ShopChoice | None, str]:
    """The shop database this run uses (``--case-db``, else ``MIRECOVERY_CASE_DB``, else Settings), or none.

    An address that cannot be used keeps the case log on this computer for the run; the second
    value says why, for the window to show.
    """
    import os

    url = given or os.environ.get("MIRECOVERY_CASE_DB", "") or settings.shop_database
    if not url:
        return None, ""
    from mirecovery_gui.gui.i18n import address_problem
    from mirecovery_gui.store.shop_database import ShopAddress, ShopAddressError
    from mirecovery_gui.store.stores import ShopChoice

    try:
        address = ShopAddress.parse(url)
    except ShopAddressError as exc:
        log.warning("the shop database address cannot be used (%s)", exc)
        return None, QCoreApplication.translate(
            "App",
            "The shop database address cannot be used ({reason}), so cases are kept on this computer for now. "
            "Correct it in File > Settings.",
        ).format(reason=address_problem(exc))
    return ShopChoice(address, desk or desk_name(settings), news.shop_status.emit, news.shop_conflict.emit), ""


def create_main_window(
    argv: list[str],
    *,
    clock: Clock | None = None,
    training_service: TrainingService | None = None,
    timeouts: Timeouts | None = None,
    self_test: bool = False,
) -> MainWindow:
    """The top-level window for ``argv`` (the command line without the program name).

    The keyword arguments let an embedding program (or a test) bring its own
    clock, training service and network timeouts; ``self_test`` marks the cases it records.
    """
    args = build_parser().parse_args(argv)
    return main_window_for(args, clock=clock, training_service=training_service, timeouts=timeouts, self_test=self_test)


def main_window_for(
    args: argparse.Namespace,
    *,
    clock: Clock | None = None,
    training_service: TrainingService | None = None,
    timeouts: Timeouts | None = None,
    self_test: bool = False,
) -> MainWindow:
    """``create_main_window`` for a command line already parsed (``main`` has; parsing costs 4 ms)."""
    from mirecovery_gui.store.paths import database_path
    from mirecovery_gui.store.settings import load_settings

    loaded = load_settings(settings_path())
    settings = SettingsKeeper(loaded.settings, settings_path)
    language = choose_language(args.lang or loaded.settings.language or None)
    install_translators(language)
    scheme = loaded.settings.scheme if args.scheme is None else "" if args.scheme == "system" else args.scheme
    apply_scheme(scheme)
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.windowIcon().isNull():
        app.setWindowIcon(app_icon())
    clock = clock or SystemClock()
    window_ref: list[MainWindow] = []
    news = StoreNews()

    def database_unavailable() -> None:
        if window_ref:
            window_ref[0].notice.show_notice(unavailable_text(stores.unavailable_reason))

    desk = desk_name(loaded.settings, getattr(args, "desk", None))
    shop, shop_error = shop_choice(getattr(args, "case_db", None), loaded.settings, news, desk)
    stores = Stores(
        database_path,
        database_unavailable,
        on_trouble=news.trouble.emit,  # from the writer thread: queued to the GUI thread
        on_set_aside=news.set_aside.emit,
        shop=shop,
        desk=desk,
    )
    session = RecoverySession(
        clock,
        CaseKeeper(stores, lambda: settings.settings, self_test=self_test),
        default_region=loaded.settings.default_region,
        language=language,
        directory=support_directory,
    )
    # Before the window: its first page says which way a real account goes.
    session.real_account_mode = getattr(args, "real_account", None) or loaded.settings.real_account_mode
    session.official_url_override = getattr(args, "official_url", None) or ""
    window = MainWindow(session, clock)
    window_ref.append(window)
    window.setWindowIcon(app_icon())
    window.add_shutdown_hook(stores.close)
    languages = LanguageSwitcher(language)
    providers = ProviderFactory(window, clock, lambda: languages.language, training_service, timeouts)
    window.app = App(window, settings, stores, languages, providers, loaded.damaged_backup)
    news.setParent(window)
    news.trouble.connect(window.app.on_store_trouble)
    news.set_aside.connect(window.app.on_set_aside)
    news.shop_status.connect(window.app.on_shop_status)
    news.shop_conflict.connect(window.app.on_shop_conflict)
    if shop is not None:
        from mirecovery_gui.store.shop_log import ShopStatus

        window.app.on_shop_status(ShopStatus(reachable=None, waiting=0))
    if shop_error:
        window.notice.show_notice(shop_error, key="shop-address")
    window.app._real_account_given = bool(getattr(args, "real_account", None))
    if args.training:
        providers.use("training")
    elif args.server:
        providers.use("training", server_url=args.server)
    elif loaded.settings.provider:
        providers.use(loaded.settings.provider)
    # After the first paint: the database, retention, and an interrupted case.
    after_first_page_paint(window.app.after_start, window, latest_ms=2000)
    return window
