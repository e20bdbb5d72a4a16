"""Where a page says what went wrong and offers the ways forward.

The message is plain text (control characters removed); the server's own
words, when it sent any, follow on a second line. Each way forward the
session offers is a button; a "wait" way forward counts down before its
button comes alive.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui.client.errors import CaptchaError, NextAction, RecoveryError, WrongCodeError
from mirecovery_gui.core.clock import Clock
from mirecovery_gui.core.text import clock_face
from mirecovery_gui.gui.i18n import shown, translate
from mirecovery_gui.gui.theme import Tone, surface, tone_colour
from mirecovery_gui.gui.widgets.countdown import Countdown

# For these our own sentence says all the server's would; its words would only repeat it.
_SELF_EXPLAINED = (CaptchaError, WrongCodeError)


def announce(widget: QWidget, text: str) -> None:
    """Tell a screen reader about a change it would otherwise miss (errors, "code sent")."""
    # Imported here: its 8 enum classes cost 1-2 ms, and nothing is announced before the first paint.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


class ErrorPanel(QFrame):
    """A message line plus action buttons; hidden when there is nothing to say."""

    action_triggered = Signal(object)  # NextAction
    revealed = Signal()  # a message or an error is now on show

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._clock = clock
        self.label = QLabel(self)
        self.label.setObjectName("error_label")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("error_detail_label")
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setWordWrap(True)
        self.buttons_row = QHBoxLayout()
        self.buttons_row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.detail_label)
        layout.addLayout(self.buttons_row)
        self._buttons: dict[NextAction, QPushButton] = {}
        self._wait = Countdown(clock, self)
        self._wait.ticked.connect(self._on_wait_ticked)
        self._wait.finished.connect(self._on_wait_finished)
        self._wait_button: QPushButton | None = None
        self._wait_action = NextAction.RETRY
        self._wait_text = ""
        self._waits: dict[NextAction, float] = {}
        self.error: RecoveryError | None = None
        self._actions: dict[NextAction, Callable[[], None]] = {}
        self._message: Callable[[], str] | None = None
        self._tone = Tone.INFO
        self.clear()

    def clear(self) -> None:
        self.error = None
        self._message = None
        self._wait.stop()
        self._clear_buttons()
        self.label.clear()
        self.detail_label.clear()
        self.detail_label.hide()
        self.hide()

    def show_message(self, text: str | Callable[[], str], tone: Tone = Tone.INFO) -> None:
        """Show ``text``; pass a callable to have it re-worded when the language changes."""
        self.clear()
        self._set_tone(tone)
        self._message = text if callable(text) else None
        self.label.setText(shown(text() if callable(text) else text))
        self.show()
        self.revealed.emit()
        announce(self.label, self.label.text())

    def retranslate(self) -> None:
        """Re-word what is shown after a language change (errors keep their ways forward)."""
        if self.error is not None:
            error, actions = self.error, self._actions
            wait_left = self._wait.remaining() if self._wait.running else 0
            waits = {action: float(wait_left) for action in self._waits} if wait_left else {}
            self.show_error(error, actions, announce_it=False, waits=waits)
            if wait_left and self._wait_button is not None:
                self._wait.start(wait_left)
        elif self._message is not None and self.isVisible():
            self.label.setText(shown(self._message()))

    def show_error(
        self,
        error: RecoveryError,
        actions: dict[NextAction, Callable[[], None]],
        announce_it: bool = True,
        waits: dict[NextAction, float] | None = None,
    ) -> None:
        """Show ``error`` with a button for each way forward in ``actions`` (in that order).

        ``waits``: seconds before an action can do anything (a cooldown); its
        button is off and counts them down meanwhile, instead of doing nothing.
        """
        self.clear()
        self.error = error
        self._actions = actions
        self._waits = dict(waits or {})
        self._set_tone(Tone.ERROR)
        self.label.setText(shown(translate(error.message)))
        if error.tips and not isinstance(error, _SELF_EXPLAINED):
            self.detail_label.setText(self.tr("Xiaomi says: {tips}").format(tips=shown(error.tips, 300)))
            self.detail_label.show()
        for action, handler in actions.items():
            button = QPushButton(self._action_text(action), self)
            button.setObjectName(f"error_{action.value}_button")
            # clicked(bool) would hand `checked` to a handler with an optional argument
            button.clicked.connect(lambda _checked=False, run=handler: run())
            self.buttons_row.addWidget(button)
            self._buttons[action] = button
        self.buttons_row.addStretch(1)
        wait_action = NextAction.WAIT if NextAction.WAIT in self._buttons else NextAction.RETRY
        seconds = float(error.retry_after or 0)
        if not (seconds and wait_action in self._buttons):
            wait_action, seconds = next(
                ((action, left) for action, left in self._waits.items() if left > 0 and action in self._buttons),
                (wait_action, 0.0),
            )
        if seconds > 0:
            target = self._buttons[wait_action]
            self._wait_button = target
            self._wait_action = wait_action
            self._wait_text = target.text()
            target.setEnabled(False)
            self._wait.start(seconds)
        self.show()
        self.revealed.emit()
        if announce_it:
            announce(self.label, self.label.text())

    def button(self, action: NextAction) -> QPushButton | None:
        return self._buttons.get(action)

    def first_button(self) -> QPushButton | None:
        """The first way forward on show (where the keyboard goes when nothing else on the page can take it)."""
        if self.isHidden():
            return None
        return next(iter(self._buttons.values()), None)

    def _action_text(self, action: NextAction) -> str:
        texts = {
            NextAction.RETRY: self.tr("Try &again"),
            NextAction.WAIT: self.tr("Try &again"),
            NextAction.NEW_CAPTCHA: self.tr("New &picture"),
            NextAction.NEW_CODE: self.tr("Get a &new code"),
            NextAction.FIX_INPUT: self.tr("&Edit"),
            NextAction.START_OVER: self.tr("&Start again"),
            NextAction.SUPPORT_REQUEST: self.tr("Prepare a &support request"),
            NextAction.OFFICIAL_SITE: self.tr("Continue on the &official website"),
            NextAction.CONTINUE: self.tr("Go &on"),
        }
        return texts[action]

    def _on_wait_ticked(self, seconds: int) -> None:
        if self._wait_button is not None:
            if self._wait_action is NextAction.NEW_CODE:
                text = self.tr("Get a new code in {time}")
            else:
                text = self.tr("Try again in {time}")
            self._wait_button.setText(text.format(time=clock_face(seconds)))

    def _on_wait_finished(self) -> None:
        if self._wait_button is not None:
            self._wait_button.setText(self._wait_text)
            self._wait_button.setEnabled(True)
            self._wait_button = None

    def _clear_buttons(self) -> None:
        while self.buttons_row.count():
            item = self.buttons_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._buttons.clear()
        self._wait_button = None

    def _set_tone(self, tone: Tone) -> None:
        self.setProperty("tone", tone.value)
        self._tone = tone
        self._follow_palette()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._follow_palette()

    def _follow_palette(self) -> None:
        # Not colour alone: the frame and the words carry the meaning too.
        if self._tone is Tone.INFO:
            sheet = "#error_panel { border: 1px solid palette(mid); border-radius: 6px; }"
        else:
            colour = tone_colour(self._tone, self.palette(), surface(self)).name()
            sheet = f"#error_panel {{ border: 2px solid {colour}; border-radius: 6px; }}"
        if self.styleSheet() != sheet:  # setting it sends a palette change: do not loop
            self.setStyleSheet(sheet)
