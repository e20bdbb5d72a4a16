"""Every page, both languages: keyboard mnemonics that do not collide, texts that are not clipped."""

from __future__ import annotations

from collections import defaultdict

import pytest
from pytestqt.qtbot import QtBot

from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.training.service import TrainingService
from tests.gui.conftest import Driver, open_window
from tests.gui.ui_walk import clipped_once_laid_out, mnemonics, pages_of_a_recovery


@pytest.mark.parametrize("language", ["en", "id"])
def test_mnemonics_do_not_collide_and_nothing_is_clipped(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, language: str
) -> None:
    window = open_window(qtbot, clock, service, "--lang", language)
    driver = Driver(qtbot, window, service, clock)
    collisions: list[str] = []
    cut: list[str] = []

    def look(step: Step) -> None:
        qtbot.waitUntil(lambda: window.wizard.currentPage().isVisible())
        page = window.wizard.currentPage()
        by_letter: dict[str, list[str]] = defaultdict(list)
        for letter, what in mnemonics(window, page):
            by_letter[letter].append(what)
        for letter, whats in by_letter.items():
            # Two labels may share a letter (Qt cycles focus); a button may not (it would focus, not press).
            if len(whats) > 1 and any(not what.startswith("label") for what in whats):
                collisions.append(f"{step.name} Alt+{letter}: {whats}")
        cut.extend(f"{step.name}: {problem}" for problem in clipped_once_laid_out(qtbot, page))

    pages_of_a_recovery(driver, look)
    window.close()
    assert "\n".join(collisions) == ""
    assert "\n".join(cut) == ""


@pytest.mark.parametrize("language", ["en", "id"])
def test_xiaomis_page_in_shop_mode_has_no_colliding_mnemonics(
    qtbot: QtBot, clock: ManualClock, service: TrainingService, language: str
) -> None:
    """The page with everything it can show: the buttons, the guide's button, the customer fields."""
    pytest.importorskip("PySide6.QtWebEngineWidgets")
    from PySide6.QtWidgets import QWidget

    from mirecovery_gui.app import SETTINGS_FILE
    from mirecovery_gui.store.paths import config_dir
    from mirecovery_gui.store.settings import Settings, save_settings

    save_settings(config_dir() / SETTINGS_FILE, Settings(shop_mode=True, staff_name="Sari"))
    window = open_window(qtbot, clock, service, "--lang", language)
    driver = Driver(qtbot, window, service, clock)
    driver.wait_step(Step.IDENTIFIER)
    window.practice_site_action.trigger()
    driver.wait_step(Step.OFFICIAL_SITE)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "official_page_view") is not None)
    window.resize(1000, 536)  # a 1024x600 screen: the guide's button shows too
    page = window.wizard.currentPage()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "official_guide_button").isVisible())
    by_letter: dict[str, list[str]] = defaultdict(list)
    for letter, what in mnemonics(window, page):
        by_letter[letter].append(what)
    collisions = [f"Alt+{letter}: {whats}" for letter, whats in by_letter.items() if len(whats) > 1]
    assert collisions == []
    window.close()
