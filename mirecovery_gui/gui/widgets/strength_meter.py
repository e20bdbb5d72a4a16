"""How strong the new password is: a bar, words and suggestions.

The bar is never the only signal: the words say the level, the accessible
description reads it out, and the suggestions say what to change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from mirecovery_gui.core.password import (
    CrackTime,
    Strength,
    StrengthScore,
    StrengthSuggestion,
    StrengthWarning,
)
from mirecovery_gui.gui.theme import strength_colour, surface


class _Bar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filled = 0
        self.level = 0  # 0 very weak .. 4 very strong
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(240, 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        gap = 4.0
        width = (self.width() - gap * 3) / 4
        colour = strength_colour(self.level, self.palette(), surface(self.parentWidget() or self))
        empty = self.palette().mid().color()
        painter.setPen(Qt.PenStyle.NoPen)
        for index in range(4):
            painter.setBrush(colour if index < self.filled else empty)
            painter.drawRoundedRect(QRectF(index * (width + gap), 0, width, self.height()), 3, 3)
        painter.end()


class StrengthMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strength_meter")
        self.bar = _Bar(self)
        self.level_label = QLabel(self)
        self.level_label.setObjectName("strength_level_label")
        self.level_label.setTextFormat(Qt.TextFormat.PlainText)
        self.level_label.setWordWrap(True)
        self.advice_label = QLabel(self)
        self.advice_label.setObjectName("strength_advice_label")
        self.advice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.advice_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.level_label)
        layout.addWidget(self.advice_label)
        self.strength: Strength | None = None
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Password strength"))
        self.set_strength(self.strength)

    def set_strength(self, strength: Strength | None) -> None:
        self.strength = strength
        if strength is None:
            self.bar.filled = 0
            level = self.tr("Strength: type a password")
            advice = ""
        else:
            self.bar.filled = max(1, int(strength.score))
            self.bar.level = int(strength.score)
            level = self.tr("Strength: {level}. {time}").format(
                level=self._level_text(strength.score), time=self._crack_text(strength.crack_time)
            )
            advice = " ".join(
                ([self._warning_text(strength.warning)] if strength.warning else [])
                + [self._suggestion_text(s) for s in strength.suggestions[:2]]
            )
        self.bar.update()
        if self.level_label.text() != level:
            self.level_label.setText(level)
        if self.advice_label.text() != advice:
            self.advice_label.setText(advice)
        self.advice_label.setVisible(bool(advice))
        self.setAccessibleDescription(f"{level} {advice}".strip())

    def _level_text(self, score: StrengthScore) -> str:
        return {
            StrengthScore.VERY_WEAK: self.tr("very weak"),
            StrengthScore.WEAK: self.tr("weak"),
            StrengthScore.FAIR: self.tr("fair"),
            StrengthScore.STRONG: self.tr("strong"),
            StrengthScore.VERY_STRONG: self.tr("very strong"),
        }[score]

    def _crack_text(self, crack: CrackTime) -> str:
        return {
            CrackTime.INSTANT: self.tr("Someone could guess it in minutes."),
            CrackTime.HOURS: self.tr("Someone could guess it in hours."),
            CrackTime.DAYS: self.tr("Someone could guess it in days."),
            CrackTime.MONTHS: self.tr("Guessing it would take months."),
            CrackTime.YEARS: self.tr("Guessing it would take years."),
            CrackTime.CENTURIES: self.tr("Guessing it would take centuries."),
        }[crack]

    def _warning_text(self, warning: StrengthWarning) -> str:
        return {
            StrengthWarning.KEYBOARD_ROW: self.tr("A row of keys like qwerty is easy to guess."),
            StrengthWarning.KEYBOARD_PATTERN: self.tr("Short keyboard patterns are easy to guess."),
            StrengthWarning.REPEATS: self.tr("Repeats like aaa are easy to guess."),
            StrengthWarning.REPEATED_PATTERN: self.tr("Repeats like abcabc are easy to guess."),
            StrengthWarning.TOP_10: self.tr("This is one of the ten most used passwords."),
            StrengthWarning.TOP_100: self.tr("This is one of the hundred most used passwords."),
            StrengthWarning.COMMON: self.tr("This is a very common password."),
            StrengthWarning.SIMILAR_TO_COMMON: self.tr("This is close to a very common password."),
            StrengthWarning.SEQUENCE: self.tr("Sequences like abc or 6543 are easy to guess."),
            StrengthWarning.RECENT_YEAR: self.tr("Recent years are easy to guess."),
            StrengthWarning.SINGLE_WORD: self.tr("A single word is easy to guess."),
            StrengthWarning.DATE: self.tr("Dates are easy to guess."),
            StrengthWarning.NAME: self.tr("Names on their own are easy to guess."),
            StrengthWarning.COMMON_NAME: self.tr("Common names are easy to guess."),
            StrengthWarning.PERSONAL: self.tr("It contains the account's email, phone number or ID."),
            StrengthWarning.PERSONAL_PART: self.tr("It contains a part of the account's email or phone number."),
        }[warning]

    def _suggestion_text(self, suggestion: StrengthSuggestion) -> str:
        return {
            StrengthSuggestion.FEW_WORDS: self.tr("Use a few words together, not a common phrase."),
            StrengthSuggestion.NO_NEED_FOR_SYMBOLS: self.tr("Length helps more than symbols or capitals."),
            StrengthSuggestion.ADD_WORD: self.tr("Add another word or two."),
            StrengthSuggestion.CAPITALIZATION: self.tr("Capital letters alone do not help much."),
            StrengthSuggestion.ALL_UPPERCASE: self.tr("All capitals is almost as easy to guess as none."),
            StrengthSuggestion.REVERSED: self.tr("Words spelled backwards are not much harder to guess."),
            StrengthSuggestion.SUBSTITUTIONS: self.tr("Swaps like @ for a do not help much."),
            StrengthSuggestion.LONGER_KEYBOARD_PATTERN: self.tr("Use a longer keyboard pattern with more turns."),
            StrengthSuggestion.AVOID_REPEATS: self.tr("Avoid repeated words and characters."),
            StrengthSuggestion.AVOID_SEQUENCES: self.tr("Avoid sequences."),
            StrengthSuggestion.AVOID_RECENT_YEARS: self.tr("Avoid recent years."),
            StrengthSuggestion.AVOID_PERSONAL_YEARS: self.tr("Avoid years that are linked to you."),
            StrengthSuggestion.AVOID_PERSONAL_DATES: self.tr("Avoid dates and years that are linked to you."),
            StrengthSuggestion.AVOID_PERSONAL_INFO: self.tr("Leave out the email, phone number and account ID."),
        }[suggestion]
