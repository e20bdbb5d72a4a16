"""History over many cases: read a page at a time off the window's thread, the next one as the list scrolls."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit

from mirecovery_gui.gui.history import PAGE, HistoryWindow
from mirecovery_gui.store.cases import Case, Outcome
from tests.gui.conftest import Driver


def many_cases(shop: Driver, count: int) -> None:
    log = shop.window.app.stores.case_log()
    assert log is not None
    start = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    for number in range(count):
        log.save(
            Case(
                "live",
                opened_at=(start + dt.timedelta(minutes=number)).isoformat(timespec="seconds"),
                identifier_kind="account_id",
                identifier_masked="61******11" if number == 7 else f"{10 + number % 80}******{10 + number % 89}",
                customer_name=f"Customer {number:03d}",
                outcome=Outcome.PASSWORD_RESET,
            )
        )
    assert log.flush(10.0)


def history_of(shop: Driver) -> HistoryWindow:
    shop.window.history_action.trigger()
    history = shop.window.findChild(HistoryWindow, "history_window")
    assert history is not None
    shop.qtbot.waitUntil(lambda: not history.searching)
    return history  # type: ignore[no-any-return]


def count_text(history: HistoryWindow) -> str:
    return history.findChild(QLabel, "history_count_label").text()


def test_the_list_reads_a_page_at_a_time_as_it_is_scrolled(shop: Driver) -> None:
    many_cases(shop, 2 * PAGE + 50)
    history = history_of(shop)
    assert history.model.rowCount() == PAGE
    assert count_text(history) == f"Cases shown: {PAGE}. Scroll down for older ones."
    assert history.model.cases[0].customer_name == f"Customer {2 * PAGE + 49:03d}"  # newest first
    bar = history.table.verticalScrollBar()
    for shown in (2 * PAGE, 2 * PAGE + 50):
        bar.setValue(bar.maximum())
        shop.qtbot.waitUntil(lambda shown=shown: history.model.rowCount() == shown)
        shop.qtbot.waitUntil(lambda: not history.searching)
    assert count_text(history) == f"Cases shown: {2 * PAGE + 50}"
    names = [case.customer_name for case in history.model.cases]
    assert len(set(names)) == len(names)  # no case twice at a page's edge
    assert names[-1] == "Customer 000"


def test_a_whole_account_id_finds_its_case_by_the_masked_form_kept(shop: Driver) -> None:
    many_cases(shop, 30)
    history = history_of(shop)
    search = history.findChild(QLineEdit, "history_search_input")
    shop.qtbot.keyClicks(search, "6187483211")
    shop.qtbot.waitUntil(lambda: history.model.rowCount() == 1 and not history.searching)
    assert history.model.cases[0].customer_name == "Customer 007"
    assert count_text(history) == "Cases shown: 1"
