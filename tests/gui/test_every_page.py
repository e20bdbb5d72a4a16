"""Every page and support screen, as a newcomer meets them: it fits, it reads, it follows the language.

Walks the whole training flow (and the support request's three screens) at the window's default size and
at 1024x600, in both languages, in both colour schemes, with the training phone beside the wizard.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
)
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.main_window import MainWindow
from mirecovery_gui.gui.theme import apply_scheme, contrast
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import Driver, open_window
from tests.gui.ui_walk import pages_of_a_recovery, visible

SMALL = (1024, 600)
# Shown as it is in any language: an address (the practice site's port differs between two windows).
DATA = {"official_address_label"}


def open_at(qtbot: QtBot, clock: ManualClock, service: TrainingService, language: str, size: str) -> MainWindow:
    window = open_window(qtbot, clock, service, "--lang", language)
    assert window.training_phone.isVisible()  # the phone takes its room beside the wizard
    if size == "small":
        window.resize(*SMALL)
        qtbot.waitUntil(lambda: window.width() == SMALL[0])
    return window


def sideways_scrolling(window: QWidget) -> list[str]:
    return [
        area.objectName() or type(area).__name__
        for area in visible(window, QAbstractScrollArea)
        if area.horizontalScrollBar().isVisible()  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("size", ["default", "small"])
@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("text_size", [1.0, 1.5])
def test_no_page_scrolls_sideways(
    qtbot: QtBot,
    clock: ManualClock,
    service: TrainingService,
    restore_look: None,
    size: str,
    language: str,
    text_size: float,
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if text_size != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * text_size)
        app.setFont(font)
    window = open_at(qtbot, clock, service, language, size)
    driver = Driver(qtbot, window, service, clock)
    found: list[str] = []

    def cut_combos(page: QWidget) -> list[str]:
        """Every combo shows its whole current text (no "Send to: Xiaomi supp…")."""
        cut = []
        for combo in visible(page, QComboBox):
            assert isinstance(combo, QComboBox)
            option = QStyleOptionComboBox()
            combo.initStyleOption(option)
            room = combo.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
            )
            if combo.fontMetrics().horizontalAdvance(combo.currentText()) > room.width():
                cut.append(f"{combo.objectName()} cut ({combo.currentText()!r})")
        return cut

    def look(step: Step) -> None:
        page = window.wizard.currentPage()
        qtbot.waitUntil(page.isVisible)
        # The layouts catch up with the last change later (a page that rearranges itself to its width,
        # a saved request renamed in its combo).
        with contextlib.suppress(TimeoutError):
            qtbot.waitUntil(lambda: not sideways_scrolling(window) and not cut_combos(page), timeout=1000)
        screen = f"{step.name}/{window.session.support_screen.name}" if step is Step.LOST_EVERYTHING else step.name
        found.extend(f"{screen}: {area}" for area in sideways_scrolling(window))
        found.extend(f"{screen}: {cut}" for cut in cut_combos(page))

    pages_of_a_recovery(driver, look)
    window.close()
    assert found == [], "\n".join(found)


# --- contrast ------------------------------------------------------------------------------------------


def drawn_contrast(widget: QWidget, window_image: QImage | None = None) -> float:
    """The contrast of a widget's text as drawn in the window, inside its frame.

    Cut from a picture of the whole window (a widget grabbed alone paints its own background, not the
    page's). The background is the commonest shade (shades of a button's gradient count as one); the text
    is the pixel that stands out most from it.
    """
    window = widget.window()
    whole = window_image if window_image is not None else window.grab().toImage()
    shown = widget.visibleRegion().boundingRect()  # a field half scrolled away: only the half on screen
    corner = widget.mapTo(window, shown.topLeft())
    image = whole.copy(corner.x(), corner.y(), shown.width(), shown.height())
    inset = 3 if image.width() > 12 and image.height() > 12 else 0
    shades: dict[tuple[int, int, int], list[QColor]] = {}
    pixels: set[int] = set()
    for y in range(inset, image.height() - inset):
        for x in range(inset, image.width() - inset):
            rgb = image.pixel(x, y)
            pixels.add(rgb)
            colour = QColor(rgb)
            shades.setdefault((colour.red() // 24, colour.green() // 24, colour.blue() // 24), []).append(colour)
    commonest = max(shades.values(), key=len)
    background = QColor(
        sum(c.red() for c in commonest) // len(commonest),
        sum(c.green() for c in commonest) // len(commonest),
        sum(c.blue() for c in commonest) // len(commonest),
    )
    return max(contrast(QColor(rgb), background) for rgb in pixels)


def link_contrast(label: QLabel) -> float:
    """A label's links in the palette colour Qt draws them in, against the label's background."""
    palette = label.palette()
    return contrast(palette.color(palette.ColorRole.Link), palette.color(label.backgroundRole()))


def unreadable(window: QWidget) -> list[str]:
    problems = []
    texts: list[QWidget] = []
    for widget in visible(window, (QLabel, QAbstractButton, QLineEdit, QComboBox)):
        shown = widget.visibleRegion().boundingRect()
        if not widget.isEnabled() or shown.width() < 4 or shown.height() < 4:
            continue  # WCAG leaves out inactive controls
        if isinstance(widget, QLabel):
            pixmap = widget.pixmap()
            if not widget.text().strip() or (pixmap is not None and not pixmap.isNull()):
                continue
            if "<a " in widget.text() and link_contrast(widget) < 4.5:
                problems.append(f"link in {widget.objectName() or widget.text()[:30]!r}: {link_contrast(widget):.1f}")
        elif (isinstance(widget, QAbstractButton) and not widget.text().strip()) or (
            isinstance(widget, QLineEdit) and not widget.text()
        ):
            continue
        elif (
            isinstance(widget, QToolButton)
            and widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
            and not widget.icon().isNull()
        ):
            continue  # an icon, its text only for screen readers (a field's clear button)
        texts.append(widget)
    picture = window.grab().toImage()
    for widget in texts:
        ratio = drawn_contrast(widget, picture)
        if ratio < 4.5:
            name = widget.objectName() or type(widget).__name__
            problems.append(f"{name}: {ratio:.1f}")
    return problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_meets_aa_contrast_after_switching_scheme(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, restore_look: None, scheme: str
) -> None:
    """Switched while the app runs (the way a user does it in Settings), both ways round."""
    window = open_at(qtbot, clock, service, "en", "default")
    driver = Driver(qtbot, window, service, clock)
    # Every page built and shown in the other scheme first: what was drawn before the switch must follow.
    apply_scheme("dark" if scheme == "light" else "light")
    pages_of_a_recovery(driver, lambda step: None, password="Rainy-day-43")
    driver.wizard.start_over()
    apply_scheme(scheme)
    found: list[str] = []

    def look(step: Step) -> None:
        page = window.wizard.currentPage()
        qtbot.waitUntil(page.isVisible)
        QApplication.processEvents()
        screen = f"{step.name}/{window.session.support_screen.name}" if step is Step.LOST_EVERYTHING else step.name
        found.extend(f"{screen}: {problem}" for problem in unreadable(window))

    pages_of_a_recovery(driver, look)
    # And the error panel, with its frame and its buttons: a wrong code.
    driver.wizard.start_over()
    code = driver.to_enter_code()
    driver.enter_code("".join(str((int(digit) + 1) % 10) for digit in code))
    qtbot.waitUntil(lambda: "Tries left" in driver.error_text())
    look(Step.ENTER_CODE)
    window.close()
    assert found == [], "\n".join(found)


# --- language ------------------------------------------------------------------------------------------


def words_on_screen(window: MainWindow) -> list[str]:
    """Everything a reader meets: labels, buttons, placeholders, combo items, tooltips, title and menus."""
    words = [window.windowTitle()]
    words += [action.text() for action in window.menuBar().actions()]
    for widget in visible(window, QWidget):
        if widget.objectName() in DATA:
            continue
        if isinstance(widget, QLabel) and not widget.buddy():
            words.append(widget.text())
        elif isinstance(widget, QLabel | QAbstractButton):
            words.append(widget.text())  # type: ignore[union-attr]
        elif isinstance(widget, QLineEdit):
            words.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            words += [widget.itemText(index) for index in range(widget.count())]
        words.append(widget.toolTip())
        words.append(widget.accessibleName())
    # A saved request is stamped with the wall clock, so two walks a minute apart differ there.
    return sorted(SAVED_AT.sub("<time>", word) for word in words if word)


SAVED_AT = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


def switch_language(window: MainWindow, language: str) -> None:
    window.language_actions[language].trigger()


def test_switching_language_on_every_page_reads_as_a_fresh_start(
    qtbot: QtBot,
    clock: ManualClock,
    service: TrainingService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fresh: list[list[str]] = []
    fresh_window = open_at(qtbot, clock, service, "id", "default")

    def look_fresh(step: Step) -> None:
        QApplication.processEvents()
        fresh.append(words_on_screen(fresh_window))

    pages_of_a_recovery(Driver(qtbot, fresh_window, service, clock), look_fresh)
    fresh_window.close()

    # The same walk on a service and a home of its own, so "codes left today" and the saved requests
    # read the same.
    monkeypatch.setenv("MIRECOVERY_HOME", str(tmp_path / "second"))
    second_service = TrainingService(clock=clock)
    window = open_at(qtbot, clock, second_service, "en", "default")
    switched: list[list[str]] = []

    def look_switched(step: Step) -> None:
        switch_language(window, "id")
        QApplication.processEvents()
        switched.append(words_on_screen(window))
        switch_language(window, "en")

    pages_of_a_recovery(Driver(qtbot, window, second_service, clock), look_switched)
    window.close()

    assert len(switched) == len(fresh)
    differences = []
    for index, (after_switch, from_start) in enumerate(zip(switched, fresh, strict=True)):
        only_switched = sorted((Counter(after_switch) - Counter(from_start)).elements())
        only_fresh = sorted((Counter(from_start) - Counter(after_switch)).elements())
        if only_switched or only_fresh:
            differences.append((index, only_switched, only_fresh))
    assert differences == []
