"""RecoveryWizard: QWizard pages on top of the pure flow in ``core.flow``.

Navigation is never decided here: ``nextId()`` asks ``flow.next_step`` and
Back asks ``flow.after_back``. Two things QWizard cannot do alone are added:

* detours that return: QWizard refuses ``next()`` to a page already in its
  history, so a captcha demanded by a later step (87001) *rewinds* to the
  captcha page with ``back()`` (keeping the server session), and the captcha
  page's Next then moves forward to the code page again;
* Cancel does not close anything: it asks, then clears everything and starts
  a new recovery (a shop keeps the window open all day).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from mirecovery_gui.core import flow
from mirecovery_gui.core.clock import Clock
from mirecovery_gui.core.flow import RecoveryState, Step, SupportReason
from mirecovery_gui.gui import dialogs
from mirecovery_gui.gui.clipboard import SecretClipboard
from mirecovery_gui.gui.widgets.step_list import StepList

if TYPE_CHECKING:
    from mirecovery_gui.client.profile import ProviderProfile
    from mirecovery_gui.client.results import SendResult
    from mirecovery_gui.core.support_directory import SupportContact
    from mirecovery_gui.gui.pages.base import RecoveryPage
    from mirecovery_gui.gui.worker import RequestRunner
    from mirecovery_gui.store.drafts import DraftStore

log = logging.getLogger(__name__)

# Step -> (module in gui/pages, class): imported when the page is first needed.
_PAGE_CLASSES = {
    Step.START: ("start", "StartPage"),
    Step.IDENTIFIER: ("identifier", "IdentifierPage"),
    Step.CAPTCHA: ("captcha", "CaptchaPage"),
    Step.SEND_CODE: ("send_code", "SendCodePage"),
    Step.ENTER_CODE: ("enter_code", "EnterCodePage"),
    Step.NEW_PASSWORD: ("new_password", "NewPasswordPage"),
    Step.DONE: ("done", "DonePage"),
    Step.LOST_EVERYTHING: ("lost_everything", "LostEverythingPage"),
    Step.OFFICIAL_SITE: ("official_site", "OfficialSitePage"),
}


class RecoveryWizard(QWizard):
    state_changed = Signal()
    provider_requested = Signal(str)  # profile id chosen on the start page
    training_messages_requested = Signal()
    restarting = Signal()  # before anything is cleared
    restarted = Signal()
    close_requested = Signal()
    page_built = Signal(object)  # RecoveryPage, the first time the wizard needs it

    def __init__(self, clock: Clock, default_region: str = "ID", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_wizard")
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.clock = clock
        self.default_region = default_region
        self.state = RecoveryState()
        self.profile: ProviderProfile | None = None
        self.runner: RequestRunner | None = None
        self._make_runner: Callable[[], RequestRunner] | None = None
        self.training = False
        self.last_send: SendResult | None = None
        self.resend_ready_at: float | None = None
        self.leaving_for_detour = False
        self.language = "en"
        self.shop_mode = False
        # Set by the composition root; opened on first use (start-up stays light).
        self.draft_store_factory: Callable[[], DraftStore | None] = lambda: None
        self.directory_factory: Callable[[], list[SupportContact]] = list
        self._rewinding = False
        self._restarting = False
        self._previous_id = -1
        self.secret_clipboard = SecretClipboard(clock, self)
        self.step_list = StepList(self)
        self.setSideWidget(self.step_list)
        self._build_pages()
        self.currentIdChanged.connect(self._on_wizard_current_id_changed)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        # Ours, not Qt's: Qt has no Indonesian catalogue for its wizard buttons.
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Continue"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def _build_pages(self) -> None:
        # Only the pages a start can show are built now; the others (and the
        # modules behind them: the support letter, PDF, QR, strength
        # estimator) when the wizard first goes there. A placeholder holds
        # each place so QWizard knows the ids.
        self.pages: dict[Step, RecoveryPage] = {}
        self._placeholders: dict[Step, QWizardPage] = {}
        for step in Step:
            if step in (Step.START, Step.IDENTIFIER):
                page = self._make_page(step)
                self.pages[step] = page
                self.setPage(int(step), page)
            else:
                placeholder = QWizardPage()
                # The page's public name is there from the start (automation looks for it).
                placeholder.setObjectName(f"page_{step.name.lower()}")
                self._placeholders[step] = placeholder
                self.setPage(int(step), placeholder)
        self.setStartId(int(Step.START))

    def _make_page(self, step: Step) -> RecoveryPage:
        module_name, class_name = _PAGE_CLASSES[step]
        page_class = getattr(importlib.import_module(f"mirecovery_gui.gui.pages.{module_name}"), class_name)
        return page_class(self)  # type: ignore[no-any-return]

    def _build_page(self, step: Step) -> RecoveryPage:
        page = self._make_page(step)
        placeholder = self._placeholders.pop(step)
        self.removePage(int(step))
        placeholder.setObjectName("")
        placeholder.deleteLater()
        self.pages[step] = page
        self.setPage(int(step), page)
        log.debug("page %s built", step.name)
        self.page_built.emit(page)
        return page

    # --- provider ------------------------------------------------------------------------

    def set_provider(
        self, profile: ProviderProfile, make_runner: Callable[[], RequestRunner], *, training: bool
    ) -> None:
        """Use ``profile`` from now on; skips the start page next time.

        The runner (and with it the client, and the embedded training service)
        is made by ``make_runner`` on the first request, not at start-up.
        """
        if self.runner is not None:
            self.runner.shutdown(0.5)
        self.profile = profile
        self.runner = None
        self._make_runner = make_runner
        self.training = training
        self.state = RecoveryState(captcha_required=profile.captcha_required_at_start)
        self.setStartId(int(Step.IDENTIFIER))
        self.state_changed.emit()

    def require_runner(self) -> RequestRunner:
        if self.runner is None and self._make_runner is not None:
            self.runner = self._make_runner()
        if self.runner is None:
            raise RuntimeError("no provider chosen yet")
        return self.runner

    def set_state(self, state: RecoveryState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit()

    def set_shop_mode(self, enabled: bool) -> None:
        self.shop_mode = enabled
        identifier = self.pages[Step.IDENTIFIER]
        identifier.customer_box.setVisible(enabled)  # type: ignore[attr-defined]

    def customer(self) -> tuple[str, str]:
        """The customer's name and contact typed in shop mode (empty otherwise)."""
        if not self.shop_mode:
            return "", ""
        return self.pages[Step.IDENTIFIER].customer()  # type: ignore[attr-defined, no-any-return]

    def draft_store(self) -> DraftStore | None:
        return self.draft_store_factory()

    def support_directory(self) -> list[SupportContact]:
        return self.directory_factory()

    def page_for(self, step: Step) -> RecoveryPage:
        """The page for ``step``, built now if the wizard has not been there yet."""
        page = self.pages.get(step)
        return page if page is not None else self._build_page(step)

    # --- QWizard overrides -----------------------------------------------------------------

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return -1
        return int(flow.next_step(self.state, Step(current)))

    def validateCurrentPage(self) -> bool:
        # The one door forward (next(), detours included): build the page about to be shown.
        if not super().validateCurrentPage():
            return False
        following = self.nextId()
        if following >= 0 and Step(following) not in self.pages:
            self._build_page(Step(following))
        return True

    def initializePage(self, id: int) -> None:
        self.set_state(flow.entered(self.state, Step(id)))
        super().initializePage(id)

    def cleanupPage(self, id: int) -> None:
        # Back (and restart) leave a page: nothing in flight may land afterwards.
        if self.runner is not None:
            self.runner.cancel_all()
        if not self._rewinding and not self._restarting:
            self.set_state(flow.after_back(self.state, Step(id)))
        super().cleanupPage(id)

    def reject(self) -> None:
        """Cancel (and Esc): ask, then start a new recovery. The window stays open."""
        if self.currentId() in (int(Step.START), int(Step.IDENTIFIER), int(Step.DONE)) and not self.busy():
            self.start_over()
            return
        if dialogs.ask(
            self,
            self.tr("Stop this recovery?"),
            self.tr("Stop this recovery and start again? What was typed on these pages will be cleared."),
            self.tr("&Stop and start again"),
            self.tr("&Continue"),
        ):
            self.start_over()

    def accept(self) -> None:
        """Finish (on the last pages) closes the window."""
        self.close_requested.emit()

    def done(self, result: int) -> None:
        # QDialog.done would hide the embedded wizard; route both ways through ours.
        if result == int(QWizard.DialogCode.Accepted):
            self.accept()
        else:
            self.reject()

    def busy(self) -> bool:
        return self.runner is not None and self.runner.busy

    # --- flow actions for pages --------------------------------------------------------------

    def go_support(self, reason: SupportReason | None = None) -> None:
        """Leave for the support-request page (from any page)."""
        if reason is None:
            reason = self.state.support_reason or SupportReason.CONTACTS_LOST
            if self.currentId() == int(Step.SEND_CODE) or self.currentId() == int(Step.ENTER_CODE):
                reason = SupportReason.SEND_LIMIT
        self.set_state(flow.to_support(self.state, reason))
        self._detour_next()

    def go_official_site(self) -> None:
        self.set_state(flow.to_official_site(self.state))
        self._detour_next()

    def detour_to_captcha(self) -> None:
        """The server wants a captcha before it sends a code: go there, then come back."""
        self.set_state(flow.captcha_demanded(self.state))
        if int(Step.CAPTCHA) in self.visitedIds():
            self._rewinding = True
            try:
                while self.currentId() not in (int(Step.CAPTCHA), -1):
                    before = self.currentId()
                    self.back()
                    if self.currentId() == before:
                        break
            finally:
                self._rewinding = False
        else:
            self._detour_next()

    def _detour_next(self) -> None:
        self.leaving_for_detour = True
        try:
            self.next()
        finally:
            self.leaving_for_detour = False

    def start_over(self) -> None:
        """Clear everything (fields, state, server session) and show the first step again."""
        self.restarting.emit()
        self.secret_clipboard.clear()  # the next customer must not paste the last one's password
        if self.runner is not None:
            self.runner.cancel_all()
            self.runner.client.reset_session()
        captcha_first = self.profile.captcha_required_at_start if self.profile else True
        self.state = RecoveryState(captcha_required=captcha_first)
        self.last_send = None
        self.resend_ready_at = None
        self._restarting = True
        try:
            self.restart()
            for page in self.pages.values():
                page.reset()
        finally:
            self._restarting = False
        self.state_changed.emit()
        self.restarted.emit()

    def about_to_close(self) -> None:
        for page in self.pages.values():
            page.about_to_close()

    def clear_all_secrets(self) -> None:
        """Fields that held secrets, and a password still on the clipboard (quitting, or the next customer)."""
        self.secret_clipboard.clear()
        for page in self.pages.values():
            page.clear_secrets()

    def open_url(self, url: str) -> None:
        from PySide6.QtCore import QUrl  # with its enum classes, not needed before a link is opened
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(url))

    def code_was_sent(self, result: SendResult) -> None:
        """Record a successful send: flow state, the resend countdown, the training phone."""
        self.last_send = result
        self.resend_ready_at = self.clock.monotonic() + result.resend_after_s
        self.set_state(flow.code_sent(self.state, result.channel, result.code_length))
        if self.training:
            self.training_messages_requested.emit()

    # --- navigation bookkeeping ----------------------------------------------------------------

    def _on_wizard_current_id_changed(self, new_id: int) -> None:
        previous, self._previous_id = self._previous_id, new_id
        if new_id < 0:
            return
        step = Step(new_id)
        # On the last pages the Finish button closes the window: Enter in a
        # support-request field must not do that (nor on Done, where the
        # shop's next customer is one button away).
        self.setOption(
            QWizard.WizardOption.NoDefaultButton, step in (Step.DONE, Step.LOST_EVERYTHING, Step.OFFICIAL_SITE)
        )
        self.step_list.set_current(step)
        page = self.pages[step]
        went_back = previous >= 0 and new_id in self.visitedIds() and previous not in self.visitedIds()
        if went_back:
            page.revisited()
        self.focus_current_page()
        log.debug("page %s", step.name)

    def focusNextPrevChild(self, next: bool) -> bool:
        # QWizard hides its whole content for a moment whenever a page's
        # completeness changes (it calls that "disabling updates"). Qt then
        # moves the focus off the hidden field to the next visible widget: in
        # a standalone wizard there is none, but here the training phone or a
        # notice would take the keyboard after the first keystroke (and the
        # field's editingFinished would fire). Keep the focus where it is.
        content: QWidget | None = self.currentPage()
        while content is not None and content.parentWidget() is not self:
            content = content.parentWidget()
        if content is not None and self.isVisible() and content.isHidden():
            return True
        return super().focusNextPrevChild(next)

    def focus_current_page(self) -> None:
        """Put the keyboard where the page expects it (its first input or its main button)."""
        current = self.currentId()
        if current < 0:
            return
        focus = self.pages[Step(current)].focus_first()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
