"""Light and dark, large fonts: what is on screen stays readable and fits."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.settings_dialog import SettingsDialog
from mirecovery_gui.gui.theme import Tone, contrast, is_dark, strength_colour, tone_colour
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import Driver, open_window, using_dialog, while_dialogs_open
from tests.gui.ui_walk import clipped_once_laid_out, pages_of_a_recovery


def text_colour(label: QLabel) -> QColor:
    return label.palette().color(label.foregroundRole())


def page_background(widget: QWidget) -> QColor:
    page = widget.window().findChild(QWidget, "page_content") or widget.window()
    return page.palette().color(QPalette.ColorRole.Base)


def edge_contrast(field: QWidget) -> float:
    """How well a field's edge stands out from the page around it, as drawn."""
    image: QImage = field.grab().toImage()
    middle = image.height() // 2
    background = page_background(field)
    return max(contrast(QColor(image.pixel(x, middle)), background) for x in range(3))


def test_dark_scheme_keeps_every_colour_readable(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, restore_look: None
) -> None:
    window = open_window(qtbot, clock, service, "--lang", "id", "--scheme", "dark")
    driver = Driver(qtbot, window, service, clock)
    assert is_dark(window.palette())
    field = driver.line("identifier_input")
    # A field's edge shows on the dark page (Fusion's own would vanish).
    assert edge_contrast(field) >= 3.0

    driver.identifier("demo@example.com")
    validation = window.findChild(QLabel, "validation_label")
    assert validation.text().startswith("✓")
    assert contrast(text_colour(validation), page_background(validation)) >= 4.5
    driver.wait_step(Step.CAPTCHA)
    driver.solve_captcha()
    driver.wait_step(Step.SEND_CODE)
    driver.send()
    driver.wait_step(Step.ENTER_CODE)
    right = driver.newest_code()
    driver.enter_code("".join(str((int(c) + 1) % 10) for c in right))
    qtbot.waitUntil(lambda: bool(driver.error_text()))
    panel = window.wizard.currentPage().findChild(QWidget, "error_panel")
    frame = QColor(panel.styleSheet().split("solid ")[1].split(";")[0])
    assert contrast(frame, page_background(panel)) >= 3.0  # the frame around "wrong code" shows

    driver.enter_code(right)
    driver.wait_step(Step.NEW_PASSWORD)
    driver.type_into("new_password_input", "Sunny-day-42")
    driver.type_into("confirm_password_input", "Sunny-day")
    mismatch = window.findChild(QLabel, "match_label")
    assert mismatch.text().startswith("✗")
    assert text_colour(mismatch) != window.palette().color(QPalette.ColorRole.Text)  # it is in the error colour
    assert contrast(text_colour(mismatch), page_background(mismatch)) >= 4.5
    for rule in window.findChild(QWidget, "password_rules").findChildren(QLabel):
        assert contrast(text_colour(rule), page_background(rule)) >= 4.5, rule.text()
    for level in range(5):
        assert contrast(strength_colour(level, window.palette(), QPalette.ColorRole.Base), page_background(rule)) >= 3

    # Light again from the settings: the same texts follow at once.
    def choose_light(dialog: SettingsDialog) -> None:
        dialog.scheme_combo.setCurrentIndex(dialog.scheme_combo.findData("light"))
        dialog.accept()

    with while_dialogs_open(using_dialog(SettingsDialog, choose_light)):
        window.settings_action.trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not is_dark(window.palette()))
    assert contrast(text_colour(mismatch), page_background(mismatch)) >= 4.5
    assert text_colour(mismatch) == tone_colour(Tone.ERROR, mismatch.palette(), QPalette.ColorRole.Base)
    window.close()


def test_our_colours_give_way_when_they_would_not_stand_out() -> None:
    """A custom or high-contrast palette whose background is close to our red: its own text colour wins."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#b03030"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffffff"))
    assert tone_colour(Tone.ERROR, palette) == QColor("#ffffff")
    assert strength_colour(0, palette) == QColor("#ffffff")


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_large_font_fits_and_nothing_is_clipped(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, restore_look: None, language: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    app.setFont(font)
    window = open_window(qtbot, clock, service, "--lang", language)
    driver = Driver(qtbot, window, service, clock)
    room = window.screen().availableSize()
    cut: list[str] = []

    def look(step: Step) -> None:
        page = window.wizard.currentPage()
        qtbot.waitUntil(page.isVisible)
        # The window never grows past the screen: the page scrolls instead.
        assert window.frameGeometry().height() <= room.height() and window.width() <= room.width(), step
        cut.extend(f"{step.name}: {problem}" for problem in clipped_once_laid_out(qtbot, page))

    pages_of_a_recovery(driver, look)
    window.close()
    assert cut == []


def test_an_error_below_the_fold_is_scrolled_into_view(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, restore_look: None
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * 2.2)
    app.setFont(font)
    window = open_window(qtbot, clock, service, "--lang", "id")
    window.resize(window.width(), 360)
    driver = Driver(qtbot, window, service, clock)
    right = driver.to_enter_code()
    driver.enter_code("".join(str((int(c) + 1) % 10) for c in right))
    qtbot.waitUntil(lambda: bool(driver.error_text()))
    panel = window.wizard.currentPage().findChild(QWidget, "error_panel")
    scroll = window.wizard.currentPage().findChild(QWidget, "page_scroll_area")
    viewport = scroll.viewport()  # type: ignore[attr-defined]

    def on_screen() -> bool:
        top = panel.mapTo(viewport, panel.rect().topLeft())
        return top.y() >= 0 and top.y() + min(panel.height(), viewport.height()) <= viewport.height()

    qtbot.waitUntil(on_screen)
    assert isinstance(driver.line("code_input"), QLineEdit)
    window.close()
