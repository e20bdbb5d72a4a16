"""The six steps down the side of the wizard, with the current one marked."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mirecovery_gui.core.flow import Step

MAIN_LINE = (
    Step.IDENTIFIER,
    Step.CAPTCHA,
    Step.SEND_CODE,
    Step.ENTER_CODE,
    Step.NEW_PASSWORD,
    Step.DONE,
)


class StepList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_list")
        self._labels: dict[Step, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 16, 8)
        self._layout = layout
        layout.setSpacing(10)
        self._current: Step | None = None
        for number, step in enumerate(MAIN_LINE, start=1):
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setProperty("number", number)
            self._labels[step] = label
            layout.addWidget(label)
        layout.addStretch(1)
        self.set_current(None)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._fit()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.set_current(self._current)
        self._fit()

    def _fit(self) -> None:
        # As wide as the widest step in bold: the page beside it never moves
        # sideways when another step becomes the current one.
        bold = self.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        names = self._names()
        widest = max(
            metrics.horizontalAdvance(f"▶ {number}. {names[step]}") for number, step in enumerate(MAIN_LINE, 1)
        )
        margins = self._layout.contentsMargins()
        self.setFixedWidth(widest + margins.left() + margins.right() + 4)

    def _names(self) -> dict[Step, str]:
        return {
            Step.IDENTIFIER: self.tr("Account"),
            Step.CAPTCHA: self.tr("Captcha"),
            Step.SEND_CODE: self.tr("Get a code"),
            Step.ENTER_CODE: self.tr("Enter the code"),
            Step.NEW_PASSWORD: self.tr("New password"),
            Step.DONE: self.tr("Done"),
        }

    def set_current(self, current: Step | None) -> None:
        self._current = current
        names = self._names()
        order = {step: index for index, step in enumerate(MAIN_LINE)}
        position = order.get(current, -1) if current is not None else -1
        for step, label in self._labels.items():
            number = label.property("number")
            index = order[step]
            # The mark and the weight carry the state, not colour alone.
            mark = "✓" if index < position else "▶" if index == position else " "
            label.setText(f"{mark} {number}. {names[step]}")
            font = label.font()
            font.setBold(index == position)
            label.setFont(font)
            label.setEnabled(index <= position or position < 0)
        self.setAccessibleDescription(
            self.tr("Step {number} of {total}").format(number=position + 1, total=len(MAIN_LINE))
            if position >= 0
            else ""
        )
