"""A password line edit with a show/hide button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

# Far beyond any policy (Xiaomi's is 8-16), so a too-long password is shown as
# too long by the meter instead of being cut without a word; the limit only
# keeps a pasted document out of the field and out of the strength check.
MAX_LENGTH = 128


class PasswordField(QWidget):
    """``line_edit`` hides what is typed until ``show_button`` is toggled.

    Paste and password managers work (ASVS 6.2.7); input methods are told the
    text is sensitive so they do not learn it.
    """

    text_changed = Signal(str)

    def __init__(self, input_name: str, show_button_name: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName(input_name)
        self.line_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.line_edit.setMaxLength(MAX_LENGTH)
        self.line_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhHiddenText
        )
        self.line_edit.textChanged.connect(self.text_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit, 1)
        self.show_button: QToolButton | None = None
        if show_button_name:
            button = QToolButton(self)
            button.setObjectName(show_button_name)
            button.setCheckable(True)
            button.toggled.connect(self._on_show_button_toggled)
            layout.addWidget(button)
            self.show_button = button
            self._on_show_button_toggled(False)
        # No focus proxy: Qt 6 would hand Tab from a button after this box back to the line edit, a loop
        # (the page sets the tab order between the fields and the buttons itself).

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.show_button is not None:
            self._on_show_button_toggled(self.show_button.isChecked())

    def text(self) -> str:
        return self.line_edit.text()

    def set_revealed(self, revealed: bool) -> None:
        if self.show_button is not None:
            self.show_button.setChecked(revealed)
        else:
            self._apply_echo(revealed)

    def clear(self) -> None:
        self.line_edit.clear()

    def _on_show_button_toggled(self, revealed: bool) -> None:
        self._apply_echo(revealed)
        if self.show_button is not None:
            text = self.tr("Hide") if revealed else self.tr("Show")
            self.show_button.setText(text)
            self.show_button.setAccessibleName(self.tr("Hide password") if revealed else self.tr("Show password"))
            self.show_button.setToolTip(self.show_button.accessibleName())

    def _apply_echo(self, revealed: bool) -> None:
        self.line_edit.setEchoMode(QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password)
