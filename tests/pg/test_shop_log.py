"""Many desks, one shop: the case log on a real PostgreSQL server, through each desk's queue."""

from __future__ import annotations

import os
import stat
import threading

import pytest
from pytestqt.qtbot import QtBot

from mirecovery_gui.core.support_request import SupportFacts
from mirecovery_gui.store.cases import Case, CaseQuery, Outcome
from mirecovery_gui.store.drafts import Draft
from mirecovery_gui.store.shop_database import (
    MANAGER_ROLE,
    ShopAddress,
)
from mirecovery_gui.store.shop_log import Conflict, ShopStatus
from tests.pg.conftest import Desk, PgServer, Shop

psycopg = pytest.importorskip("psycopg")


def test_a_case_saved_at_one_desk_is_read_at_another_with_its_desk(shop: Shop) -> None:
    front, back = shop.desk("Front"), shop.desk("Back")
    case = Case("training", customer_name="Budi Santoso", imei="490154203237518", staff="Ana")
    front.log.save(case)
    assert front.log.flush()

    found = back.log.search(CaseQuery(text="budi"))
    assert [(c.id, c.desk, c.changed_at_desk, c.staff, c.version) for c in found] == [
        (case.id, "Front", "Front", "Ana", 1)
    ]
    assert back.log.desks() == ["Front"]
    assert back.log.search(CaseQuery(desk="Back")) == []
    assert front.statuses[-1] == ShopStatus(reachable=True, waiting=0)


def test_open_cases_are_only_this_desks_so_another_desk_never_closes_them(shop: Shop) -> None:
    front, back = shop.desk("Front"), shop.desk("Back")
    front.log.save(Case("training", customer_name="Budi"))
    assert front.log.flush()
    assert back.log.open_cases() == []
    assert [c.customer_name for c in front.log.open_cases()] == ["Budi"]


def test_five_desks_writing_at_once_lose_nothing(shop: Shop) -> None:
    desks = [shop.desk(f"Desk {number}") for number in range(5)]
    shared = Case("training", customer_name="Shared")
    desks[0].log.save(shared)
    assert desks[0].log.flush()
    errors: list[BaseException] = []

    def work(desk: Desk) -> None:
        try:
            for number in range(200):
                desk.log.save(Case("training", customer_name=f"{desk.link.desk} customer {number}"))
                if number % 20 == 0:
                    # Everyone adds a line to the same case's notes: a save over another desk's is refused,
                    # read again and made again, so no line is lost.
                    line = f"{desk.link.desk} line {number}"
                    while True:
                        current = desk.log.get(shared.id)
                        assert current is not None
                        notes = f"{current.notes}\n{line}".strip()
                        if desk.log.set_notes(shared.id, notes, expected=current.notes).saved:
                            break
            assert desk.log.flush(30.0)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    assert shop.count() == 1 + 1000
    notes = desks[0].log.get(shared.id).notes.splitlines()  # type: ignore[union-attr]
    assert len(notes) == 5 * 10
    assert len(set(notes)) == 50
    for desk in desks:
        assert desk.link.status.waiting == 0


def test_a_save_over_another_desks_change_overwrites_nothing_and_is_told(shop: Shop) -> None:
    front, back = shop.desk("Front"), shop.desk("Back")
    case = Case("training", customer_name="Budi", steps=[("identifier", "2026-12-01T10:00:00+00:00")])
    front.log.save(case)
    assert front.log.flush()

    picked_up = back.log.get(case.id)
    assert picked_up is not None
    picked_up.device_model = "Redmi Note 12"
    back.log.save(picked_up)
    assert back.log.flush()

    # The front desk, still on its old copy, reaches the end of its recovery with another model typed.
    case.device_model = "Poco X5"
    case.customer_contact = "0812 1111 2222"
    case.steps.append(("done", "2026-12-01T10:05:00+00:00"))
    case.outcome = Outcome.PASSWORD_RESET
    front.log.save(case)
    assert front.log.flush()
    assert front.conflicts == [Conflict(case.id, "Back", fields=("device_model",))]
    now = back.log.get(case.id)
    assert now is not None
    # Theirs kept where the two differ; the front desk's news where the back desk had nothing.
    assert (now.device_model, now.customer_contact, now.outcome, now.last_step) == (
        "Redmi Note 12",
        "0812 1111 2222",
        Outcome.PASSWORD_RESET,
        "done",
    )

    # Read again, the front desk's next change goes through whole, and the back desk is the one told next time.
    again = front.log.get(case.id)
    assert again is not None
    again.device_model = "Poco X5"
    front.log.save(again)
    assert front.log.flush()
    assert len(front.conflicts) == 1
    back.log.save(picked_up)
    assert back.log.flush()
    assert back.conflicts == [Conflict(case.id, "Front", fields=("device_model",))]
    final = front.log.get(case.id)
    assert final is not None and final.device_model == "Poco X5"


def test_a_note_added_at_another_desk_never_stands_in_the_way_of_the_desk_with_the_case(shop: Shop) -> None:
    front, back = shop.desk("Front"), shop.desk("Back")
    case = Case("training", customer_name="Budi")
    front.log.save(case)
    assert front.log.flush()
    assert back.log.set_notes(case.id, "Customer called back", expected="").saved
    case.outcome = Outcome.PASSWORD_RESET
    front.log.save(case)
    assert front.log.flush()
    assert front.conflicts == []
    now = back.log.get(case.id)
    assert now is not None and (now.outcome, now.notes) == (Outcome.PASSWORD_RESET, "Customer called back")


def test_the_server_stopped_mid_session_loses_nothing_and_doubles_nothing(shop: Shop, pg_server: PgServer) -> None:
    front = shop.desk("Front")
    before = Case("training", customer_name="Before the cut")
    front.log.save(before)
    assert front.log.flush()

    pg_server.stop()
    try:
        during = Case("training", customer_name="During the cut", imei="490154203237518")
        front.log.save(during)
        front.log.close_open(during.id, Outcome.PASSWORD_RESET)
        front.drafts.save(Draft(SupportFacts(owner_name="During the cut")))
        assert not front.log.flush(5.0)
        status = front.link.status
        assert (status.reachable, status.waiting, status.problem) == (False, 3, "unreachable")
        # The window still finds what was typed: from the desk's queue.
        found = front.log.search(CaseQuery(text="during"))
        assert [(c.id, c.outcome) for c in found] == [(during.id, Outcome.PASSWORD_RESET)]
        assert front.log.get(during.id) is not None
        assert [d.facts.owner_name for d in front.drafts.recent()] == ["During the cut"]
    finally:
        pg_server.start()

    front.link.wake()
    assert front.log.flush(20.0)
    assert front.link.status == ShopStatus(reachable=True, waiting=0)
    assert shop.count() == 2
    assert shop.count("SELECT count(*) FROM cases WHERE outcome = 'password_reset'") == 1
    assert shop.count("SELECT count(*) FROM support_drafts") == 1


def test_a_write_the_server_took_but_whose_answer_was_lost_is_applied_once(shop: Shop) -> None:
    front = shop.desk("Front")
    case = Case("training", customer_name="Budi")
    op = {"kind": "case", "row": list(case.row()), "base": 0}
    with psycopg.connect(**_options(front.link.address, shop)) as server:
        server.autocommit = True
        assert front.link._apply_once(server, "op-1", op) is None
        # The desk never heard back, so it sends the same write again.
        assert front.link._apply_once(server, "op-1", op) is None
    assert shop.count("SELECT version FROM cases") == 1


def _options(address: ShopAddress, shop: Shop) -> dict[str, object]:
    password = shop.keyring.get_password("mirecovery shop database", address.key)
    return {"host": address.host, "port": address.port, "dbname": address.database, "user": address.user,
            "password": password}  # fmt: skip


def test_the_queue_is_private_and_keeps_nothing_once_uploaded(shop: Shop, pg_server: PgServer) -> None:
    front = shop.desk("Front")
    pg_server.stop()
    try:
        front.log.save(Case("training", customer_name="Siti Rahayu Queue"))
        assert not front.log.flush(5.0)
        if os.name == "posix":
            mode = stat.S_IMODE(front.database.path.stat().st_mode)
            assert mode == 0o600
    finally:
        pg_server.start()
    front.link.wake()
    assert front.log.flush(20.0)
    files = [front.database.path, *front.database.path.parent.glob("cases.sqlite3-*")]
    for file in files:
        assert b"Siti Rahayu Queue" not in file.read_bytes(), file.name


def test_a_desk_is_refused_delete_and_a_manager_deletes(shop: Shop) -> None:
    front, manager = shop.desk("Front"), shop.desk("Office", MANAGER_ROLE)
    case = Case("training", customer_name="Budi")
    front.log.save(case)
    assert front.log.flush()
    assert not front.log.may_delete()
    assert manager.log.may_delete()

    front.log.delete([case.id])
    assert front.log.flush()
    assert front.conflicts == [Conflict(case.id, "", kind="refused")]
    assert shop.count() == 1

    manager.log.delete([case.id])
    assert manager.log.flush()
    assert shop.count() == 0
    assert front.log.get(case.id) is None


def test_retention_runs_on_the_server_for_every_desk(shop: Shop) -> None:
    front = shop.desk("Front")
    old = Case("training", customer_name="Old")
    front.log.save(old)
    front.log.save(Case("training", customer_name="New"))
    assert front.log.flush()
    with shop.owner() as owner:
        owner.execute("UPDATE cases SET updated_at = '2020-01-01T00:00:00+00:00' WHERE id = %s", (old.id,))
    front.log.purge_older_than(90)
    front.link.wake()
    assert front.log.flush()
    assert [c.customer_name for c in front.log.search(CaseQuery())] == ["New"]


def test_a_case_a_manager_erased_is_not_written_back_by_a_desk_that_still_had_it(shop: Shop) -> None:
    front, manager = shop.desk("Front"), shop.desk("Office", MANAGER_ROLE)
    draft = Draft(SupportFacts(owner_name="Andi Wijaya", imei="490154203237518"))
    case = Case("training", customer_name="Andi Wijaya", draft_id=draft.id)
    front.drafts.save(draft)
    front.log.save(case)
    assert front.log.flush()

    manager.log.delete([case.id])
    assert manager.log.flush()
    # The front desk still has the case open and saves it again, with its request.
    case.device_model = "Redmi 13C"
    front.drafts.save(draft)
    front.log.save(case)
    assert front.log.flush()
    assert front.conflicts == [Conflict(case.id, "", kind="deleted")]
    assert shop.count() == 0
    assert shop.count("SELECT count(*) FROM support_drafts") == 0
    with shop.owner() as owner:
        kept = owner.execute("SELECT id FROM shop_erased ORDER BY id").fetchall()
    assert sorted(row[0] for row in kept) == sorted([case.id, draft.id])  # ids only: nothing of the customer


def test_what_waits_is_counted_at_start_while_the_server_is_away(shop: Shop, pg_server: PgServer, qtbot: QtBot) -> None:
    front = shop.desk("Front")
    folder, address = front.database.path.parent, front.link.address
    pg_server.stop()
    try:
        front.log.save(Case("training", customer_name="Waiting 1"))
        front.log.save(Case("training", customer_name="Waiting 2"))
        assert not front.log.flush(5.0)
        front.close()
        shop.desks.remove(front)
        again = Desk(folder, address, "Front")
        shop.desks.append(again)
        qtbot.waitUntil(lambda: again.link.status.reachable is False)
        assert again.link.status.waiting == 2
    finally:
        pg_server.start()
    again.link.wake()
    assert again.log.flush(20.0)
    assert shop.count() == 2


def test_a_tls_failure_is_told_as_such(shop: Shop, qtbot: QtBot) -> None:
    plain = shop.login()
    address = ShopAddress.parse(f"{plain}?sslmode=require")  # the test server offers no TLS
    desk = Desk(shop.folder / "tls", address, "Front")
    shop.desks.append(desk)
    qtbot.waitUntil(lambda: desk.link.status.reachable is False)
    assert desk.link.status.problem == "tls"
