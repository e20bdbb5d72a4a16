"""What every wizard page shares: the busy state, the error panel, async steps.

A page that talks to the server does it in two halves. ``validatePage()``
starts the request and returns False (the wizard stays); when the answer
arrives on the GUI thread the page updates the flow state and calls
``advance()``, which runs ``validatePage()`` again, now True, and the wizard
moves on. While a request is in flight the page is busy: its action button
says so, ``isComplete()`` is False so Next cannot be pressed twice, and a
thin progress bar moves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from mirecovery_gui.client.errors import NextAction, RecoveryError
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.i18n import TextBook
from mirecovery_gui.gui.theme import ToneLabel
from mirecovery_gui.gui.widgets.error_panel import ErrorPanel

if TYPE_CHECKING:
    from mirecovery_gui.client.base import RecoveryClient
    from mirecovery_gui.gui.wizard import RecoveryWizard

T = TypeVar("T")


class RecoveryPage(QWizardPage):
    step: Step

    def __init__(self, wizard: RecoveryWizard) -> None:
        super().__init__()
        self._wizard_ref = wizard
        self.setObjectName(f"page_{self.step.name.lower()}")
        # Our own heading instead of QWizard's header: larger, wrapped, and the
        # same on every platform style.
        self.heading_label = QLabel(self)
        self.heading_label.setObjectName("page_heading")
        self.heading_label.setTextFormat(Qt.TextFormat.PlainText)
        self.heading_label.setWordWrap(True)
        heading_font = self.heading_label.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.5)
        heading_font.setBold(True)
        self.heading_label.setFont(heading_font)
        self.intro_label = QLabel(self)
        self.intro_label.setObjectName("page_intro")
        self.intro_label.setTextFormat(Qt.TextFormat.PlainText)
        self.intro_label.setWordWrap(True)
        self.intro_label.hide()
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        # The page scrolls rather than push the window past the screen: large
        # fonts, 200% scaling and long Indonesian texts on a 1366x768 laptop.
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("page_scroll_area")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # A viewport of our own that paints nothing, so the page's colour shows
        # through. (Asking the scroll area for its own costs 9 ms the first time:
        # PySide works out which Python type that widget is.)
        self.scroll_area.setViewport(QWidget())
        self.content = QWidget()
        self.content.setObjectName("page_content")
        self.content.setBackgroundRole(QPalette.ColorRole.Base)
        page_layout = QVBoxLayout(self)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.scroll_area)
        outer = QVBoxLayout(self.content)
        outer.setContentsMargins(0, 6, 12, 8)  # room between the fields and the scroll bar or panel
        outer.addWidget(self.heading_label)
        outer.addWidget(self.intro_label)
        outer.addSpacing(8)
        outer.addLayout(self.body)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busy_bar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(6)
        self.busy_bar.hide()
        # Right under the page's fields, where the eye already is.
        self.error_panel = ErrorPanel(wizard.clock, self)
        outer.addSpacing(6)
        outer.addWidget(self.busy_bar)
        outer.addWidget(self.error_panel)
        outer.addStretch(1)
        self.scroll_area.setWidget(self.content)
        self.error_panel.revealed.connect(self._on_error_panel_revealed)
        self.content.setAutoFillBackground(False)
        self.texts = TextBook()
        self.texts.keep(self.busy_bar.setAccessibleName, lambda: self.tr("Working"))
        self._busy = False
        self._busy_button: QAbstractButton | None = None
        self._busy_button_text = ""
        self._accepted = False
        self._last_action: Callable[[], None] | None = None
        self.last_request = ""  # the name of the latest request, e.g. "send"

    def _on_error_panel_revealed(self) -> None:
        # After the layout has made room for it: a scrolled page must not hide the news.
        QTimer.singleShot(0, self, lambda: self.scroll_area.ensureWidgetVisible(self.error_panel))

    # --- language ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text in the current language; called at start and on every language change.

        Pages override it (calling this one), set their static texts, then refresh
        what depends on the state (errors, counts, checklists)."""
        self.texts.apply()
        self.error_panel.retranslate()

    def keep(self, setter: Callable[[str], object], text: Callable[[], str]) -> None:
        """Set a text now and again after every language change."""
        self.texts.keep(setter, text)

    def keep_heading(self, title: Callable[[], str], intro: Callable[[], str] | None = None) -> None:
        self.keep(lambda text: self.set_heading(text), title)
        if intro is not None:
            self.keep(self.set_intro, intro)

    def set_heading(self, title: str, intro: str | None = None) -> None:
        self.heading_label.setText(title)
        self.setAccessibleName(title)
        if intro is not None:
            self.set_intro(intro)

    def set_intro(self, intro: str) -> None:
        self.intro_label.setText(intro)
        self.intro_label.setVisible(bool(intro))

    # --- access ----------------------------------------------------------------------

    def recovery(self) -> RecoveryWizard:
        return self._wizard_ref

    def client(self) -> RecoveryClient:
        return self.recovery().require_runner().client

    def paragraph(self, text: str | Callable[[], str] = "", name: str | None = None) -> ToneLabel:
        """A word-wrapped plain-text label added to the page body (``text`` a callable: kept translated)."""
        label = ToneLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if name:
            label.setObjectName(name)
        if callable(text):
            self.keep(label.setText, text)
        else:
            label.setText(text)
        self.body.addWidget(label)
        return label

    def close_button_text(self) -> None:
        """On a last page, Finish closes the window: say so."""
        self.keep(lambda text: self.setButtonText(QWizard.WizardButton.FinishButton, text), lambda: self.tr("&Close"))

    # --- busy and complete -------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def ready(self) -> bool:
        """Whether the page's own input allows going on (busy aside)."""
        return True

    def isComplete(self) -> bool:
        return not self._busy and self.ready()

    def set_busy(self, busy: bool, button: QAbstractButton | None = None, text: str = "") -> None:
        if busy == self._busy:
            return
        self._busy = busy
        self.busy_bar.setVisible(busy)
        if busy and button is not None:
            self._busy_button = button
            self._busy_button_text = button.text()
            button.setText(text or self.tr("Working…"))
            button.setEnabled(False)
        elif not busy and self._busy_button is not None:
            self._busy_button.setText(self._busy_button_text)
            self._busy_button.setEnabled(True)
            self._busy_button = None
        self.busy_changed(busy)
        self.completeChanged.emit()

    def busy_changed(self, busy: bool) -> None:
        """Pages disable their own controls here."""

    # --- requests ----------------------------------------------------------------------

    def run(
        self,
        call: Callable[[RecoveryClient], T],
        on_done: Callable[[T], None],
        *,
        button: QAbstractButton | None = None,
        busy_text: str = "",
        name: str = "request",
        retry: Callable[[], None] | None = None,
    ) -> None:
        """Run ``call`` off the GUI thread; ``on_done`` or the error display follows."""
        self.error_panel.clear()
        self._last_action = retry
        self.last_request = name
        self.set_busy(True, button, busy_text)

        def done(result: Any) -> None:
            self.set_busy(False)
            on_done(cast(T, result))

        def failed(error: RecoveryError) -> None:
            self.set_busy(False)
            self.handle_error(error)

        self.recovery().require_runner().submit(call, done, failed, name=name)

    def handle_error(self, error: RecoveryError) -> None:
        """Show ``error`` with the ways forward this page can take."""
        self.error_panel.show_error(error, self.error_actions(error))

    def error_actions(self, error: RecoveryError) -> dict[NextAction, Callable[[], None]]:
        wizard = self.recovery()
        actions: dict[NextAction, Callable[[], None]] = {
            NextAction.SUPPORT_REQUEST: wizard.go_support,
            NextAction.OFFICIAL_SITE: wizard.go_official_site,
            NextAction.START_OVER: wizard.start_over,
        }
        if self._last_action is not None:
            actions[NextAction.RETRY] = self._last_action
            actions[NextAction.WAIT] = self._last_action
        return actions

    def cancel_request(self) -> None:
        """Drop the page's request in flight (Back, Cancel): its answer will be ignored."""
        self.set_busy(False)

    # --- wizard plumbing -----------------------------------------------------------------

    def advance(self) -> None:
        """The page's step succeeded: let the wizard move on."""
        self._accepted = True
        self.recovery().next()

    def validatePage(self) -> bool:
        if self.recovery().leaving_for_detour or self._accepted:
            self._accepted = False
            return True
        if self._busy:
            return False
        return self.validate_step()

    def validate_step(self) -> bool:
        """Start the page's request and return False, or return True to move on at once."""
        return True

    def initializePage(self) -> None:
        self._accepted = False
        self.error_panel.clear()

    def cleanupPage(self) -> None:
        self.cancel_request()
        self.error_panel.clear()
        self.clear_secrets()

    def revisited(self) -> None:
        """The page is shown again after Back (or a detour): refresh what went stale."""
        self._accepted = False

    def clear_secrets(self) -> None:
        """Wipe codes, answers and passwords from the page's fields."""

    def reset(self) -> None:
        """Forget everything typed (a new recovery starts)."""
        self.clear_secrets()

    def about_to_close(self) -> None:
        """The window is closing: finish what must be kept (drafts) before the stores close."""

    def focus_first(self) -> QWidget | None:
        return None
