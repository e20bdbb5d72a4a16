"""The done page: how the owner finishes on the phone, and a slip to take home that never holds the password."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

from mirecovery_gui.core.flow import Step
from mirecovery_gui.store.cases import CaseQuery
from tests.gui.conftest import PASSWORD, Driver
from tests.tools import pdf_text


def test_the_done_page_says_the_owner_types_the_password_and_nothing_keeps_it(driver: Driver) -> None:
    driver.enter_code(driver.to_enter_code())
    driver.new_password()
    driver.wait_step(Step.DONE)
    steps = driver.window.findChild(QLabel, "done_steps_label").text()
    assert "Type the new password into the phone yourself" in steps and "Find device" in steps
    assert "cannot show it again" in driver.window.findChild(QLabel, "done_not_kept_label").text()
    assert PASSWORD not in steps


def test_the_owners_slip_has_the_case_number_and_the_steps_never_the_password(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "slip.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    driver.enter_code(driver.to_enter_code())
    driver.new_password()
    driver.wait_step(Step.DONE)
    driver.click("slip_pdf_button")
    driver.qtbot.waitUntil(target.exists)
    text = " ".join(pdf_text(target).split())
    case_log = driver.window.app.stores.case_log()
    (case,) = case_log.search(CaseQuery())
    number = case.id[:8].upper()
    assert f"Case number {number}" in text and "d***@example.com" in text
    assert "Type the new password into the phone yourself" in text and "Find device" in text
    assert PASSWORD not in text and "never shows the password" in text
    # The number on the slip finds the case in the history.
    assert [found.id for found in case_log.search(CaseQuery(text=number.lower()))] == [case.id]
