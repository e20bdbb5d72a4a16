"""A plain-text field with a length limit, which says when it cut a paste.

QPlainTextEdit has no maxLength; the support description and the case notes
need one, so a paste of a whole log cannot hold the window or fill the disk.
"""

from __future__ import annotations

import codecs

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from mirecovery_gui.gui.theme import Tone, ToneLabel


def text_head(text: str, room: int) -> str:
    """The start of ``text`` that is at most ``room`` UTF-16 units long (as Qt counts), no character cut in two."""
    if room <= 0:
        return ""
    # ``room`` code points hold at least ``room`` units: a huge text is sliced before it is encoded.
    head = text[:room]
    units = head.encode("utf-16-le")
    if len(units) <= 2 * room:
        return head
    return units[: 2 * room].decode("utf-16-le", "ignore")  # "ignore": half an emoji at the end goes


def clipped_text(source: QMimeData, room: int) -> tuple[str, bool]:
    """At most ``room`` UTF-16 units of the text in ``source``, and whether there was more.

    ``source.text()`` would bring the whole clipboard into Python first (10 MB:
    10-90 ms on the GUI thread, and several times the memory); the UTF-8 bytes
    are cut inside Qt instead, so only what fits crosses over.
    """
    for kind in ("text/plain;charset=utf-8", "text/plain"):  # the order QMimeData.text() looks in
        if source.hasFormat(kind):
            raw = source.data(kind)
            break
    else:
        whole = source.text() if source.hasText() else ""  # text offered some other way (rare, and small)
        kept = text_head(whole, room)
        return kept, len(kept) < len(whole)
    head = raw.left(3 * max(0, room))  # a UTF-16 unit takes at most 3 UTF-8 bytes
    # Not final: a character cut in two at the end is left out, not turned into U+FFFD.
    decoded = codecs.getincrementaldecoder("utf-8")("replace").decode(head.data())
    kept = text_head(decoded, room)
    return kept, raw.size() > head.size() or len(kept) < len(decoded)


class LimitedTextEdit(QPlainTextEdit):
    """A plain-text field that holds at most ``max_length`` characters, and says so when it cuts.

    QPlainTextEdit has no maxLength. A paste or drop is cut before it reaches
    the document (a 12.5-million-character paste once held the window for 11 s
    and stored a 27 MB draft); whatever else overflows (typing at the limit, an
    input method) is taken back at once, in the same undo step. Lengths are
    counted as Qt counts them (UTF-16 units, like QLineEdit.maxLength), so the
    text never has more characters than the limit. ``cut_note`` (for the owner
    to place under the field) tells the user when text was left out.
    """

    def __init__(self, max_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_length = max_length
        self.cut_note = ToneLabel(parent, Tone.WARNING)
        self.cut_note.setTextFormat(Qt.TextFormat.PlainText)
        self.cut_note.setWordWrap(True)
        self.cut_note.hide()
        self._set_note_text()
        self._change_end = 0  # where the latest change to the document ended
        self.document().contentsChange.connect(self._on_contents_change)
        self.textChanged.connect(self._keep_within_limit)

    def _set_note_text(self) -> None:
        self.cut_note.setText(self.tr("Only the first {count} characters were kept.").format(count=self.max_length))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._set_note_text()
        super().changeEvent(event)

    def length(self) -> int:
        """The text's length in UTF-16 units (the document's, without its final paragraph end)."""
        return self.document().characterCount() - 1

    def set_text(self, text: str) -> None:
        """Show ``text`` (a draft, saved notes), cut to the limit before it reaches the document."""
        kept = text_head(text, self.max_length)
        if self.toPlainText() != kept:
            self.setPlainText(kept)
        self.cut_note.setVisible(len(kept) < len(text))

    def insertFromMimeData(self, source: QMimeData) -> None:
        # Paste (Ctrl+V, Shift+Insert, the context menu) and drop all come here.
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        staying = self.length() - (cursor.selectionEnd() - cursor.selectionStart())
        text, cut = clipped_text(source, self.max_length - staying)
        if text:
            self.insertPlainText(text)
            self.ensureCursorVisible()
        if cut:
            self.cut_note.show()

    def _on_contents_change(self, position: int, _removed: int, added: int) -> None:
        self._change_end = position + added

    def _keep_within_limit(self) -> None:
        length = self.length()
        if length < self.max_length:
            self.cut_note.hide()  # there is room again: the note is about an older paste
        if length <= self.max_length:
            return
        excess = length - self.max_length
        # What overflowed is the end of the newest change (the key just typed);
        # if that cannot be told, the end of the text goes.
        end = min(self._change_end, length)
        start = end - excess
        if start < 0:
            start, end = self.max_length, length
        document = self.document()
        if start > 0 and "\udc00" <= document.characterAt(start) <= "\udfff":
            start -= 1  # not half of an emoji: the whole of it goes
        cursor = QTextCursor(document)
        cursor.joinPreviousEditBlock()  # one Undo takes back the change and the cut together
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.endEditBlock()
        self.cut_note.show()
