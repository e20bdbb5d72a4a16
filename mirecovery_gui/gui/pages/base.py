"""What every wizard page shares: a heading, a scrolling body, the busy bar and the error panel.

A page shows the recovery session and forwards what the user does; it
decides nothing. The wizard calls :meth:`RecoveryPage.sync` after every change
of the session while the page is on show; the page then shows the state
(:meth:`show_state`) and, when it has just come on show, gets ready
(:meth:`entered`). What the user does goes to the session through the
:class:`PageHost` (the wizard), which runs the client call the session returns.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui.client.errors import NextAction
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.i18n import TextBook, translate
from mirecovery_gui.gui.theme import ToneLabel
from mirecovery_gui.gui.widgets.error_panel import ErrorPanel

if TYPE_CHECKING:
    from mirecovery_gui.core.clock import Clock
    from mirecovery_gui.gui.clipboard import SecretClipboard
    from mirecovery_gui.recovery.calls import Call, Notice, Problem
    from mirecovery_gui.recovery.session import RecoverySession


class PageHost(Protocol):
    """What a page may ask of the wizard around it."""

    @property
    def session(self) -> RecoverySession: ...

    @property
    def clock(self) -> Clock: ...

    @property
    def secret_clipboard(self) -> SecretClipboard: ...

    def perform(self, call: Call[Any] | None, then: Callable[[Any], None] | None = None) -> None:
        """Run the session's ``call`` on the worker; ``then(result)`` after the session applied it."""
        ...

    def act(self, action: NextAction) -> None:
        """A way forward from the problem on show."""
        ...

    def input_changed(self) -> None:
        """The page's input became complete or not: the wizard's buttons follow."""
        ...

    def open_url(self, url: str, content: str = "") -> bool:
        """Open ``url`` with the system's app; when none can, offer ``content`` (else the link) to copy."""
        ...

    def choose_provider(self, provider: str) -> None: ...

    def reject(self) -> None:
        """Stop this recovery and start again (asks first when work would be lost): Esc, Cancel."""

    def server_url(self) -> str | None:
        """The address of the server the provider talks to (the training service is started if need be)."""
        ...


class RecoveryPage(QWidget):
    step: Step

    def __init__(self, host: PageHost) -> None:
        super().__init__()
        self.host = host
        self.setObjectName(f"page_{self.step.name.lower()}")
        # Can hold the keyboard itself while its own buttons are disabled (a request out):
        # Enter then reaches the wizard, never Back.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # Our own heading: larger, wrapped, the same on every platform style.
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
        self.error_panel = ErrorPanel(host.clock, self)
        outer.addSpacing(6)
        outer.addWidget(self.busy_bar)
        outer.addWidget(self.error_panel)
        outer.addStretch(1)
        self.scroll_area.setWidget(self.content)
        self.error_panel.revealed.connect(self._on_error_panel_revealed)
        self.content.setAutoFillBackground(False)
        self.texts = TextBook()
        self.texts.keep(self.busy_bar.setAccessibleName, lambda: self.tr("Working"))
        self._visit = -1
        self._problem: Problem | None = None
        self._notice: Notice | None = None

    @property
    def session(self) -> RecoverySession:
        return self.host.session

    def _on_error_panel_revealed(self) -> None:
        # After the layout has made room for it: a scrolled page must not hide the news.
        QTimer.singleShot(0, self, lambda: self.scroll_area.ensureWidgetVisible(self.error_panel))

    # --- language ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text in the current language; called on every language change.

        Pages override it (calling this one) and then show the state again."""
        self.texts.apply()
        self.error_panel.retranslate()
        if self.isVisible():
            self.show_state()

    def keep(self, setter: Callable[[str], object], text: Callable[[], str]) -> None:
        """Set a text now and again after every language change."""
        self.texts.keep(setter, text)

    def set_heading(self, title: str) -> None:
        self.heading_label.setText(title)
        self.setAccessibleName(title)

    def set_intro(self, intro: str) -> None:
        self.intro_label.setText(intro)
        self.intro_label.setVisible(bool(intro))

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

    # --- showing the session -----------------------------------------------------------------

    def sync(self) -> None:
        """Show the session as it is now (the wizard calls this after every change)."""
        session = self.session
        if session.visit != self._visit:
            self._visit = session.visit
            self._problem = self._notice = None
            self.error_panel.clear()
            self.entered()
        self.busy_bar.setVisible(session.busy is not None and self.shows_busy())
        self._show_news(session.problem, session.notice)
        self.show_state()

    def _show_news(self, problem: Problem | None, notice: Notice | None) -> None:
        if problem is self._problem and notice is self._notice:
            return  # already on show (a running countdown keeps running)
        self._problem, self._notice = problem, notice
        if problem is not None:
            handlers: dict[NextAction, Callable[[], None]] = {
                action: partial(self.host.act, action) for action in problem.actions
            }
            waits = {action: self.session.wait_before(action) for action in problem.actions}
            self.error_panel.show_error(problem.error, handlers, waits=waits)
            self.problem_shown(problem)
        elif notice is not None:
            message = notice.message
            self.error_panel.show_message(lambda: translate(message), notice.tone)
        else:
            self.error_panel.clear()

    def shows_busy(self) -> bool:
        """Whether the busy bar runs while a request is out (pages whose buttons say so themselves: no)."""
        return True

    def entered(self) -> None:
        """The page has just come on show (forward, back or a new recovery)."""

    def show_state(self) -> None:
        """Show what the session holds now."""

    def problem_shown(self, problem: Problem) -> None:
        """A new problem is on show: put the keyboard where fixing it starts."""

    # --- what the wizard asks -------------------------------------------------------------------

    def ready(self) -> bool:
        """Whether the page's own input allows the main action."""
        return True

    def next_text(self) -> str:
        """The label of the wizard's Next button on this page."""
        return self.tr("&Next >")

    def is_final(self) -> bool:
        """A last page: no Next or Cancel; the page's own button goes on, and Enter is :meth:`main_action`."""
        return False

    def main_action(self) -> None:
        """Next was pressed (or Enter)."""

    def after_action(self, action: NextAction) -> None:
        """A way forward was taken; the session has done its part (focus follows here)."""

    def left(self) -> None:
        """The page goes off screen: secrets typed here go with it."""
        self.clear_secrets()

    def clear_secrets(self) -> None:
        """Wipe codes, answers and passwords from the page's fields."""

    def reset(self) -> None:
        """A new case: forget everything typed."""
        self.clear_secrets()
        self._visit = -1

    def about_to_close(self) -> None:
        """The window is closing: hand what must be kept (the support request) to the session."""

    def focus_first(self) -> QWidget | None:
        return None
