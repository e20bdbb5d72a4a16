"""docs/reliability.md is generated from the fault matrix; it must show the matrix as it is now."""

from __future__ import annotations

import re
from pathlib import Path

from tests.gui.test_fault_matrix import CASES, STEPS, TROUBLES

PAGE = Path(__file__).resolve().parents[2] / "docs" / "reliability.md"


def test_the_page_shows_every_step_and_fault_of_the_matrix_all_passing() -> None:
    from scripts.reliability import STEP_TITLES

    text = PAGE.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")][1:]
    assert header == [STEP_TITLES[step] for step in STEPS], "run: python scripts/reliability.py"
    faults = [row.strip("|").split("|")[0].strip() for row in rows[1 : 1 + len(TROUBLES)]]
    assert faults == [trouble.name for trouble in TROUBLES], "run: python scripts/reliability.py"
    total = len(CASES)
    assert re.search(rf"\*\*{total} of {total} cases pass\*\*", text)
    assert "✗" not in text and "not run" not in text
