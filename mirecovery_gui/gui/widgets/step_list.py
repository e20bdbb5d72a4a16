"""The steps down the side of the wizard, with the current one marked.

Three routes: the six steps of a recovery, the support request's own (the
account, then its three screens), and Xiaomi's page (its steps are its own:
the page, then done). The list is as wide as its widest entry of
either route, so the page beside it never moves sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mirecovery_gui.core.flow import Step, SupportScreen
from mirecovery_gui.gui.theme import quiet_colour

MAIN_LINE = (
    Step.IDENTIFIER,
    Step.CAPTCHA,
    Step.SEND_CODE,
    Step.ENTER_CODE,
    Step.NEW_PASSWORD,
    Step.DONE,
)
# The support route: the account, then the request's screens.
SUPPORT_LINE: tuple[Step | SupportScreen, ...] = (
    Step.IDENTIFIER,
    SupportScreen.FACTS,
    SupportScreen.PROOF,
    SupportScreen.SEND,
)
# Xiaomi's own page: what it asks is its business (the guide beside it says), the app's steps are two.
OFFICIAL_LINE: tuple[Step, ...] = (Step.OFFICIAL_SITE, Step.DONE)


class StepList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_list")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 16, 8)
        self._layout = layout
        layout.setSpacing(10)
        self._labels: list[QLabel] = []
        for _ in MAIN_LINE:
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self._labels.append(label)
            layout.addWidget(label)
        layout.addStretch(1)
        self._current: Step | None = None
        self._screen: SupportScreen | None = None
        self._official = False
        self.set_current(None)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._fit()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.set_current(self._current, self._screen, self._official)  # the steps to come in the new colours
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.set_current(self._current, self._screen, self._official)
        self._fit()

    def _fit(self) -> None:
        # As wide as the widest step of either route in bold: the page beside it
        # never moves sideways when another step becomes the current one.
        bold = self.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        names = self._names()
        widest = max(
            metrics.horizontalAdvance(f"▶ {number}. {names[entry]}")
            for line in (MAIN_LINE, SUPPORT_LINE, OFFICIAL_LINE)
            for number, entry in enumerate(line, 1)
        )
        margins = self._layout.contentsMargins()
        self.setFixedWidth(widest + margins.left() + margins.right() + 4)

    def _names(self) -> dict[Step | SupportScreen, str]:
        return {
            Step.IDENTIFIER: self.tr("Account"),
            Step.CAPTCHA: self.tr("Captcha"),
            Step.SEND_CODE: self.tr("Get a code"),
            Step.ENTER_CODE: self.tr("Enter the code"),
            Step.NEW_PASSWORD: self.tr("New password"),
            Step.DONE: self.tr("Done"),
            Step.OFFICIAL_SITE: self.tr("Xiaomi's page"),
            SupportScreen.FACTS: self.tr("The facts"),
            SupportScreen.PROOF: self.tr("The proof"),
            SupportScreen.SEND: self.tr("Review and send"),
        }

    def set_current(self, current: Step | None, screen: SupportScreen | None = None, official: bool = False) -> None:
        """Mark ``current``; on the support request, ``screen`` is the one of its screens on show;
        ``official``: the recovery went on Xiaomi's page (its Done follows that page, not the app's steps)."""
        self._current, self._screen, self._official = current, screen, official
        names = self._names()
        line: tuple[Step | SupportScreen, ...]
        here: Step | SupportScreen | None
        if current is Step.LOST_EVERYTHING:
            line, here = SUPPORT_LINE, screen if screen is not None else SupportScreen.FACTS
        elif current is Step.OFFICIAL_SITE or (current is Step.DONE and official):
            line, here = OFFICIAL_LINE, current
        else:
            line, here = MAIN_LINE, current
        position = line.index(here) if here in line else -1
        for index, label in enumerate(self._labels):
            if index >= len(line):
                label.hide()
                continue
            # The mark and the weight carry the state, not colour alone.
            mark = "✓" if index < position else "▶" if index == position else " "
            label.setText(f"{mark} {index + 1}. {names[line[index]]}")
            font = label.font()
            font.setBold(index == position)
            label.setFont(font)
            # Steps to come in a softer colour that still reads (never Qt's disabled grey).
            later = position >= 0 and index > position
            palette = QPalette(self.palette())
            if later:
                palette.setColor(QPalette.ColorRole.WindowText, quiet_colour(self.palette()))
            label.setPalette(palette)
            label.setAccessibleDescription(self.tr("still to come") if later else "")
            label.show()
        self.setAccessibleDescription(
            self.tr("Step {number} of {total}").format(number=position + 1, total=len(line)) if position >= 0 else ""
        )
