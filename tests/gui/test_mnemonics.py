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
