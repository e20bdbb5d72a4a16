"""The training phone: messages the training service 'delivered', as on a phone."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui.core.flow import Channel
from mirecovery_gui.gui.i18n import TextBook, shown

if TYPE_CHECKING:
    from mirecovery_gui.client.results import TrainingMessage


class _BubbleDelegate(QStyledItemDelegate):
    """Draws each message as a rounded bubble: a bold header line, then the wrapped text."""

    MARGIN = 4
    PADDING = 8

    def _parts(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        header, _, body = str(index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        return header, body

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListWidget) else option.rect.width()
        return max(80, width - 2 * (self.MARGIN + self.PADDING) - 4)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        header, body = self._parts(index)
        width = self._text_width(option)
        bold = QFont(option.font)
        bold.setBold(True)
        flags = int(Qt.TextFlag.TextWordWrap)
        head = QFontMetrics(bold).boundingRect(QRect(0, 0, width, 100000), flags, header)
        text = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 100000), flags, body)
        height = head.height() + 4 + text.height() + 2 * (self.MARGIN + self.PADDING)
        return QSize(width + 2 * (self.MARGIN + self.PADDING), height)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        header, body = self._parts(index)
        palette = option.palette
        bubble = option.rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.mid().color()))
        painter.setBrush(palette.alternateBase())
        painter.drawRoundedRect(bubble, 10, 10)
        inner = bubble.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        bold = QFont(option.font)
        bold.setBold(True)
        flags = int(Qt.TextFlag.TextWordWrap)
        painter.setPen(palette.text().color())
        painter.setFont(bold)
        head = painter.boundingRect(inner, flags, header)
        painter.drawText(inner, flags, header)
        painter.setFont(option.font)
        painter.drawText(inner.adjusted(0, head.height() + 4, 0, 0), flags, body)
        painter.restore()


class TrainingPhonePanel(QFrame):
    """A side panel listing delivered SMS and emails, newest last."""

    refresh_requested = Signal()
    checked = Signal()  # the server was asked, and what it holds for this recovery is on show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_phone_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.texts = TextBook()
        self.title_label = QLabel(self)
        self.texts.keep(self.title_label.setText, lambda: self.tr("Training phone"))
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.hint_label = QLabel(self)
        self.texts.keep(
            self.hint_label.setText,
            lambda: self.tr(
                "Practice mode: codes the training service sends by SMS or email show up here, "
                "as they would on the customer's phone."
            ),
        )
        self.hint_label.setWordWrap(True)
        # Which classroom server this window practises on (a student can check the trainer's address).
        self.server_label = QLabel(self)
        self.server_label.setObjectName("training_server_label")
        self.server_label.setTextFormat(Qt.TextFormat.PlainText)
        self.server_label.setWordWrap(True)
        self.server_label.hide()
        self._server = ""
        self.messages_list = QListWidget(self)
        self.messages_list.setObjectName("training_phone")
        self.messages_list.setWordWrap(True)
        self.texts.keep(self.messages_list.setAccessibleName, lambda: self.tr("Messages on the training phone"))
        self.messages_list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        # Wrap to the panel's width instead of scrolling sideways.
        self.messages_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.messages_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.messages_list.setItemDelegate(_BubbleDelegate(self.messages_list))
        self.empty_label = QLabel(self)
        self.texts.keep(self.empty_label.setText, lambda: self.tr("No messages yet."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refresh_button = QPushButton(self)
        self.texts.keep(self.refresh_button.setText, lambda: self.tr("Check for messages"))
        self.refresh_button.setObjectName("training_refresh_button")
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.setMinimumWidth(280)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.server_label)
        layout.addWidget(self.messages_list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.refresh_button)
        self._shown: tuple[TrainingMessage, ...] = ()
        self.set_messages(())

    def set_server(self, address: str) -> None:
        """``host:port`` of the training server in use ("": the app's own, nothing to show)."""
        self._server = address
        self._show_server()

    def _show_server(self) -> None:
        self.server_label.setText(self.tr("Training server: {address}").format(address=self._server))
        self.server_label.setVisible(bool(self._server))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.texts.apply()
        self._show_server()
        self.set_messages(self._shown, force=True)

    def set_messages(self, messages: tuple[TrainingMessage, ...], force: bool = False) -> None:
        if messages == self._shown and not force:
            return
        self._shown = messages
        self.messages_list.clear()
        for message in messages:
            if message.channel is Channel.PHONE:
                header = self.tr("SMS to {to} · {time}")
            else:
                header = self.tr("Email to {to} · {time}")
            when = time.strftime("%H:%M", time.localtime(message.sent_at))
            item = QListWidgetItem(f"{header.format(to=shown(message.to), time=when)}\n{shown(message.text)}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.messages_list.addItem(item)
        self.empty_label.setVisible(not messages)
        if messages:
            self.messages_list.scrollToBottom()

    def messages(self) -> tuple[TrainingMessage, ...]:
        return self._shown

    def clear(self) -> None:
        self.set_messages(())
