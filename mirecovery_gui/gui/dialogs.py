"""Questions and notes in our words: Qt ships no Indonesian strings for its standard buttons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox


def _run(box: QMessageBox) -> None:
    import shiboken6

    # Give the keyboard back to where it was: not every platform reactivates
    # the window's last focus after a modal box, and typing then goes nowhere.
    before = QApplication.focusWidget()
    box.exec()
    # The box runs its own event loop: the widget that had the keyboard may be
    # gone by now (an error's buttons are replaced while the question is open).
    if before is not None and shiboken6.isValid(before) and before.isVisible() and before.isEnabled():
        window = before.window()
        if QApplication.activeWindow() is None:
            window.activateWindow()
        before.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    box.deleteLater()  # a shop keeps the window open all day: do not collect old boxes


def ask(parent: QWidget | None, title: str, text: str, yes: str | None = None, no: str | None = None) -> bool:
    """A yes/no question; the safe answer (No) is the default. True when the user said yes."""
    from PySide6.QtWidgets import QMessageBox  # the first question pays for it, not the start-up

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes or QCoreApplication.translate("Dialogs", "&Yes"), QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(no or QCoreApplication.translate("Dialogs", "&No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    _run(box)
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, parent)
    ok = box.addButton(QCoreApplication.translate("Dialogs", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    _run(box)


def offer_copy(parent: QWidget | None, title: str, text: str, content: str, copy: Callable[[str], None]) -> QDialog:
    """``text`` and ``content`` to copy by hand (a link nothing on this computer could open).

    Not blocking (``open()``, not ``exec()``): the window stays usable behind it.
    """
    from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

    dialog = QDialog(parent)
    dialog.setObjectName("copy_offer_dialog")
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    label = QLabel(text, dialog)
    label.setObjectName("copy_offer_label")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    box = QPlainTextEdit(dialog)
    box.setObjectName("copy_offer_text")
    box.setReadOnly(True)
    box.setPlainText(content)
    box.setMinimumSize(420, 160)
    copy_button = QPushButton(QCoreApplication.translate("Dialogs", "&Copy"), dialog)
    copy_button.setObjectName("copy_offer_button")
    copied = QLabel(dialog)
    copied.setObjectName("copy_offer_done_label")

    def on_copy() -> None:
        copy(content)
        copied.setText(QCoreApplication.translate("Dialogs", "Copied."))

    copy_button.clicked.connect(on_copy)
    close_button = QPushButton(QCoreApplication.translate("Dialogs", "Close"), dialog)
    close_button.setObjectName("copy_offer_close_button")
    close_button.clicked.connect(dialog.accept)
    row = QHBoxLayout()
    row.addWidget(copy_button)
    row.addWidget(copied, 1)
    row.addWidget(close_button)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(box, 1)
    layout.addLayout(row)
    copy_button.setDefault(True)
    copy_button.setFocus()
    dialog.open()
    return dialog


def ask_save_path(parent: QWidget, title: str, file_name: str, kind: str) -> Path | None:
    """Where to save ``file_name`` (Documents first), with its suffix kept; None when the user cancels.

    ``kind`` is the file filter's words, e.g. "PDF files (*.pdf)": its pattern gives the suffix.
    """
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / file_name), kind)
    if not path:
        return None
    suffix = Path(file_name).suffix
    return Path(path if not suffix or path.lower().endswith(suffix.lower()) else path + suffix)
