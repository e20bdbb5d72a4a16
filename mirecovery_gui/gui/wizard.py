"""RecoveryWizard: the recovery session's step on show, with Back, Next and Cancel.

Our own stacked wizard, not QWizard: the session decides every move (detours
to the captcha and back, "go to support" from any step, a new recovery), and
the wizard only shows the step the session is on. It also runs the client
calls the session hands out, on the request runner's worker threads, and
hands their answers back.

Pages never import this module: they talk to it as a
:class:`~mirecovery_gui.gui.pages.base.PageHost`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui.client.errors import NextAction, RecoveryError
from mirecovery_gui.core.clock import Clock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui import dialogs
from mirecovery_gui.gui.clipboard import SecretClipboard
from mirecovery_gui.gui.i18n import TextBook, shown
from mirecovery_gui.gui.widgets.step_list import StepList
from mirecovery_gui.recovery.session import RecoverySession

if TYPE_CHECKING:
    from mirecovery_gui.gui.pages.base import RecoveryPage
    from mirecovery_gui.gui.worker import RequestRunner
    from mirecovery_gui.recovery.calls import Call

log = logging.getLogger(__name__)


class RecoveryWizard(QWidget):
    provider_requested = Signal(str)  # "training" or "xiaomi", chosen on the start page
    code_sent = Signal()  # a code went out: the training phone looks for it
    restarted = Signal()  # a new case began

    def __init__(self, session: RecoverySession, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_wizard")
        self._session = session
        self._clock = clock
        self._secret_clipboard = SecretClipboard(clock, self)
        self.runner: RequestRunner | None = None
        self._make_runner: Callable[[], RequestRunner] | None = None
        self.pages: dict[Step, RecoveryPage] = {}
        self.texts = TextBook()
        self.step_list = StepList(self)
        self.stack = QStackedWidget(self)
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("back_button")
        self.texts.keep(self.back_button.setText, lambda: self.tr("< &Back"))
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("next_button")
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancel_button")
        self.texts.keep(self.cancel_button.setText, lambda: self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.back_button, self.next_button, self.cancel_button):
            button.setAutoDefault(False)
        self.next_button.setDefault(True)  # drawn as the one Enter presses (keyPressEvent)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.cancel_button)
        # The buttons run under the step list and the page alike: a narrow window
        # (large fonts, the training phone beside it) still has room for them.
        pages = QHBoxLayout()
        pages.addWidget(self.step_list)
        pages.addWidget(self.stack, 1)
        column = QVBoxLayout(self)
        column.addLayout(pages, 1)
        column.addWidget(rule)
        column.addLayout(buttons)
        self._shown: Step | None = None
        self._restarts = session.restarts
        self._cases_begun = session.cases_begun
        self._sent_count = session.sent_count
        self._syncing = False
        self._again = False
        session.subscribe(self._on_session_changed)
        self._on_session_changed()

    # --- what pages see (PageHost) ----------------------------------------------------------------

    @property
    def session(self) -> RecoverySession:
        return self._session

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def secret_clipboard(self) -> SecretClipboard:
        return self._secret_clipboard

    def perform(self, call: Call[Any] | None, then: Callable[[Any], None] | None = None) -> None:
        """Run ``call`` off the GUI thread; its answer goes back to the session (and to ``then``)."""
        if call is None:
            return
        try:
            runner = self.require_runner()
            runner.submit(
                call.run,
                lambda result: self._on_call_finished(call, result, then),
                lambda error: self.perform(self._session.fail(call, error)),
                name=call.name,
            )
        except RuntimeError:
            # No provider yet, or the window is closing: the step says so and offers a way on.
            log.info("%s could not be sent", call.name)
            self.perform(self._session.fail(call, RecoveryError()))

    def _on_call_finished(self, call: Call[Any], result: Any, then: Callable[[Any], None] | None) -> None:
        current = call.epoch == self._session.epoch
        follow = self._session.finish(call, result)
        if current and then is not None:
            then(result)
        self.perform(follow)

    def act(self, action: NextAction) -> None:
        problem = self._session.problem
        page = self.currentPage()
        if action in (NextAction.RETRY, NextAction.WAIT) and problem is not None and problem.retry_by_page:
            if page is not None:
                page.main_action()  # it needs what was typed: the page sends it again
            return
        self.perform(self._session.act(action))
        page = self.currentPage()
        if page is not None:
            page.after_action(action)

    def input_changed(self) -> None:
        self._update_buttons()

    def open_url(self, url: str, content: str = "") -> bool:
        """Open ``url`` with the system's app; when none can, say so and offer ``content`` (or the link) to copy.

        Nothing silent: a shop PC without a mail app, or a locked-down one without
        a browser, gets the words to copy by hand.
        """
        from PySide6.QtCore import QUrl  # with its enum classes, not needed before a link is opened
        from PySide6.QtGui import QDesktopServices

        qurl = QUrl(url)
        if QDesktopServices.openUrl(qurl):
            return True
        mail = qurl.scheme().lower() == "mailto"
        # The action, never the link: a mail link carries the customer's request.
        log.warning("the system could not open a %s link", "mail" if mail else qurl.scheme().lower() or "?")
        if mail:
            address = qurl.path()
            text = (
                self.tr(
                    "No mail app could be opened on this computer. Copy the request and paste it into an email "
                    "to {address}."
                ).format(address=address)
                if address
                else self.tr(
                    "No mail app could be opened on this computer. Copy the request and paste it into an email."
                )
            )
        elif content:
            # The request is what to keep (already on the clipboard); the address is said in the words.
            text = self.tr(
                "No web browser could be opened on this computer. Open {address} in a browser on any "
                "device and paste the request below into its form."
            ).format(address=shown(url, 200))
        else:
            text = self.tr(
                "No web browser could be opened on this computer. Copy the address and open it in a browser."
            )
        dialogs.offer_copy(
            self.window(),
            self.tr("Could not open it"),
            text,
            content or url,
            self._secret_clipboard.copy_personal,
        )
        return False

    def choose_provider(self, provider: str) -> None:
        self.provider_requested.emit(provider)

    # --- the provider's worker ---------------------------------------------------------------------

    def set_runner_factory(self, make_runner: Callable[[], RequestRunner]) -> None:
        """Calls go through the runner ``make_runner`` builds at the first call (not at start-up)."""
        if self.runner is not None:
            self.runner.shutdown(0.5)
        self.runner = None
        self._make_runner = make_runner

    def server_url(self) -> str | None:
        try:
            client = self.require_runner().client
        except RuntimeError:
            return None
        base = str(getattr(client, "base_url", ""))
        code = str(getattr(client, "join_code", ""))
        # A classroom server's join code goes along in the address: a web page cannot send the header.
        return (f"{base}?code={code}" if code else base) or None

    def require_runner(self) -> RequestRunner:
        if self.runner is None and self._make_runner is not None:
            self.runner = self._make_runner()
        if self.runner is None:
            raise RuntimeError("no provider chosen yet")
        return self.runner

    # --- pages -------------------------------------------------------------------------------------

    def currentPage(self) -> RecoveryPage | None:
        """The page on show."""
        return self.pages.get(self._shown) if self._shown is not None else None

    @property
    def current_step(self) -> Step:
        return self._session.step

    def page_for(self, step: Step) -> RecoveryPage:
        """The page for ``step``, built the first time it is needed (start-up builds only the first ones)."""
        page = self.pages.get(step)
        if page is None:
            page = _build_page(step, self)
            self.pages[step] = page
            self.stack.addWidget(page)
            log.debug("page %s built", step.name)
        return page

    # --- following the session -----------------------------------------------------------------------

    def _on_session_changed(self) -> None:
        # A page may cause another change while it renders: show the last state once it settles.
        if self._syncing:
            self._again = True
            return
        self._syncing = True
        try:
            self._again = True
            while self._again:
                self._again = False
                self._sync()
        finally:
            self._syncing = False

    def _sync(self) -> None:
        session = self._session
        if session.cases_begun != self._cases_begun:
            self._cases_begun = session.cases_begun
            # Another customer: the last one's password and request leave the clipboard.
            self._secret_clipboard.clear()
            self._secret_clipboard.forget_personal()
        if session.restarts != self._restarts:
            self._restarts = session.restarts
            # A new recovery: nothing of the last one stays in any field, and no request is in flight.
            if self.runner is not None:
                self.runner.cancel_all()
                self.runner.client.reset_session()
            for built in self.pages.values():
                built.reset()
            self.restarted.emit()
        if session.sent_count != self._sent_count:
            self._sent_count = session.sent_count
            if session.sent_count:
                self.code_sent.emit()
        step = session.step
        page = self.page_for(step)
        moved = step is not self._shown
        if moved:
            previous = self.currentPage()
            if previous is not None:
                previous.left()
            self._shown = step
            self.stack.setCurrentWidget(page)
            log.debug("page %s", step.name)
        self.step_list.set_current(step, session.support_screen, official=session.state.handoff)
        focus_was_on_page = not moved and self._focus_in(page)
        page.sync()
        self._update_buttons()
        if moved:
            self.focus_current_page()
        elif focus_was_on_page and not self._focus_in(page):
            # The focused button was disabled while a request is out, and Qt
            # passed the focus on, to Back or Cancel: Enter would go back.
            self._keep_focus_on(page)

    def _focus_in(self, page: RecoveryPage) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and (focus is page or page.isAncestorOf(focus))

    def _keep_focus_on(self, page: RecoveryPage) -> None:
        """The page's own next place for the keyboard: the way forward on show, its first input, or itself."""
        for candidate in (page.error_panel.first_button(), page.focus_first()):
            if candidate is not None and candidate.isVisible() and candidate.isEnabled():
                candidate.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        page.setFocus(Qt.FocusReason.OtherFocusReason)  # Enter then reaches the wizard: Next, once it is enabled

    def _update_buttons(self) -> None:
        session = self._session
        page = self.currentPage()
        if page is None:
            return
        self.back_button.setVisible(session.step is not Step.START)
        self.back_button.setEnabled(session.can_go_back())
        final = page.is_final()
        going_on = session.offers_going_on()  # the step may be done: Next must not do it again
        # A last page has its own way on (Start another recovery, Open the website): no Next, and
        # nothing here closes the window, which a shop keeps open all day (File > Quit does).
        self.next_button.setVisible(not final)
        self.next_button.setText(self.tr("Go &on >") if going_on else page.next_text())
        self.next_button.setEnabled(not final and session.busy is None and (going_on or page.ready()))
        self.cancel_button.setVisible(not final)

    def focus_current_page(self) -> None:
        """Put the keyboard where the page expects it (its first input or its main button)."""
        page = self.currentPage()
        focus = page.focus_first() if page is not None else None
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the user's moves ------------------------------------------------------------------------------

    def _on_next_button_clicked(self) -> None:
        page = self.currentPage()
        if page is None:
            return
        if self.next_button.isEnabled():
            if self._session.offers_going_on():
                self.act(NextAction.CONTINUE)
            else:
                page.main_action()

    def _on_back_button_clicked(self) -> None:
        if self.runner is not None:
            self.runner.cancel_all()  # nothing sent from the page being left may land afterwards
        self.perform(self._session.back())

    def start_over(self) -> None:
        """A new recovery: fields, state and server session cleared, the first step again."""
        self._session.start_over()

    def reject(self) -> None:
        """Cancel, Esc and File > New recovery: ask when work would be lost, then start again. The window stays open."""
        if not self._session.stopping_loses_work():
            self.start_over()
            return
        question = self.tr("Stop this recovery and start again? What was typed on these pages will be cleared.")
        if self._session.step is Step.OFFICIAL_SITE:
            question = self.tr(
                "Stop and start again? What was typed on Xiaomi's page will be cleared. If it already sent a "
                "code, that code may still arrive: the next try on the page will send a new one."
            )
        if dialogs.ask(
            self,
            self.tr("Stop this recovery?"),
            question,
            self.tr("&Stop and start again"),
            self.tr("&Continue"),
        ):
            self.start_over()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.reject()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # As in a dialog: Enter presses the focused push button, or else the page's main action
            # (a radio button or a check box only chooses).
            focus = QApplication.focusWidget()
            if isinstance(focus, QPushButton) and focus.isEnabled() and self.isAncestorOf(focus):
                focus.click()
                return
            page = self.currentPage()
            if page is not None and page.is_final():
                page.main_action()
            elif page is not None and self.next_button.isEnabled():
                self.next_button.click()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.apply()
            self._update_buttons()
        super().changeEvent(event)

    # --- closing -------------------------------------------------------------------------------------

    def about_to_close(self) -> None:
        """The window closes: pages hand over what must be kept, then the session writes its case."""
        for page in self.pages.values():
            page.about_to_close()
        self._session.close()

    def clear_all_secrets(self) -> None:
        """Fields that held secrets, and what the clipboard still holds of ours (quitting)."""
        self._secret_clipboard.clear()
        self._secret_clipboard.forget_personal()
        for page in self.pages.values():
            page.clear_secrets()


def _build_page(step: Step, host: RecoveryWizard) -> RecoveryPage:
    # Imported when first needed: the support letter, PDF, QR and strength
    # estimator behind the later pages cost start-up time the first page does not need.
    if step is Step.START:
        from mirecovery_gui.gui.pages.start import StartPage

        return StartPage(host)
    if step is Step.IDENTIFIER:
        from mirecovery_gui.gui.pages.identifier import IdentifierPage

        return IdentifierPage(host)
    if step is Step.CAPTCHA:
        from mirecovery_gui.gui.pages.captcha import CaptchaPage

        return CaptchaPage(host)
    if step is Step.SEND_CODE:
        from mirecovery_gui.gui.pages.send_code import SendCodePage

        return SendCodePage(host)
    if step is Step.ENTER_CODE:
        from mirecovery_gui.gui.pages.enter_code import EnterCodePage

        return EnterCodePage(host)
    if step is Step.NEW_PASSWORD:
        from mirecovery_gui.gui.pages.new_password import NewPasswordPage

        return NewPasswordPage(host)
    if step is Step.DONE:
        from mirecovery_gui.gui.pages.done import DonePage

        return DonePage(host)
    if step is Step.LOST_EVERYTHING:
        from mirecovery_gui.gui.pages.lost_everything import LostEverythingPage

        return LostEverythingPage(host)
    from mirecovery_gui.gui.pages.official_site import OfficialSitePage

    return OfficialSitePage(host)
