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
    [told] = front.conflicts
    assert (told.other_desk, told.values) == ("Back", (("device_model", "Redmi Note 12"),))
    now = back.log.get(case.id)
    assert now is not None
    # Theirs kept where the two differ; the front desk's news where the back desk had nothing.
    assert (now.device_model, now.customer_contact, now.outcome, now.last_step) == (
        "Redmi Note 12",
        "0812 1111 2222",
        Outcome.PASSWORD_RESET,
        "done",
    )

    # The front desk takes what it was told (the window does this), and its next save keeps their model.
    front.conflicts.clear()
    taken = dict(told.taken)
    assert taken["device_model"] == "Redmi Note 12"
    case.device_model = taken["device_model"]
    case.steps.append(("reopened", "2026-12-01T10:06:00+00:00"))
    front.log.save(case)
    assert front.log.flush()
    assert front.conflicts == []
    after = back.log.get(case.id)
    assert after is not None and (after.device_model, after.last_step) == ("Redmi Note 12", "reopened")

    # The back desk corrects its own model on its old copy: nobody else changed the model since it wrote it,
    # so it goes in; and nothing of the front desk's (the contact, the outcome, the steps) is lost.
    picked_up.device_model = "Redmi Note 13"
    back.log.save(picked_up)
    assert back.log.flush()
    assert [c.fields for c in back.conflicts if c.fields] == []
    final = front.log.get(case.id)
    assert final is not None
    assert (final.device_model, final.customer_contact, final.outcome, final.last_step) == (
        "Redmi Note 13",
        "0812 1111 2222",
        Outcome.PASSWORD_RESET,
        "reopened",
    )


def test_saves_waiting_through_a_cut_never_lay_an_old_copy_over_another_desks_change(
    shop: Shop, pg_server: PgServer
) -> None:
    front, back = shop.desk("Front"), shop.desk("Back")
    case = Case("training", customer_name="Budi")
    front.log.save(case)
    assert front.log.flush()
    theirs = back.log.get(case.id)
    assert theirs is not None
    theirs.device_model = "Redmi Note 12"
    back.log.save(theirs)
    assert back.log.flush()

    pg_server.stop()
    try:
        case.device_model = "Poco X5"
        front.log.save(case)
        case.customer_contact = "0812 1111 2222"
        front.log.save(case)  # a second save of the same old copy, waiting behind the first
        assert not front.log.flush(5.0)
    finally:
        pg_server.start()
    front.link.wake()
    assert front.log.flush(20.0)
    now = back.log.get(case.id)
    assert now is not None and (now.device_model, now.customer_contact) == ("Redmi Note 12", "0812 1111 2222")
    assert {c.fields for c in front.conflicts if c.fields} == {("device_model",)}


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


def test_a_server_taking_no_changes_keeps_them_waiting_and_says_so(shop: Shop, qtbot: QtBot) -> None:
    front = shop.desk("Front")
    with psycopg.connect(shop.server.url(), autocommit=True) as owner:  # from another database
        owner.execute(f'ALTER DATABASE "{shop.name}" SET default_transaction_read_only = on')
        owner.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (shop.name,),
        )
    try:
        front.log.save(Case("training", customer_name="Kept while read-only"))
        qtbot.waitUntil(lambda: front.link.status.problem == "read_only", timeout=10000)
        assert front.link.status.waiting == 1
    finally:
        with psycopg.connect(shop.server.url(), autocommit=True) as owner:  # from another database
            owner.execute(f'ALTER DATABASE "{shop.name}" SET default_transaction_read_only = off')
            owner.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (shop.name,),
            )
    front.link.wake()
    assert front.log.flush(20.0)
    assert shop.count() == 1


def test_deleting_a_case_drops_its_request_still_waiting_alone(shop: Shop, pg_server: PgServer) -> None:
    manager = shop.desk("Office", MANAGER_ROLE)
    draft = Draft(SupportFacts(owner_name="Andi Secret", imei="490154203237518"))
    case = Case("training", customer_name="Andi Secret", draft_id=draft.id)
    manager.drafts.save(draft)
    manager.log.save(case)
    assert manager.log.flush()
    pg_server.stop()
    try:
        manager.drafts.save(draft)  # typed again while the server is away: waits alone, without its case
        manager.log.delete([case.id], drafts_of=[draft.id])
        assert not manager.log.flush(5.0)
        assert manager.drafts.load(draft.id) is None
        files = [manager.database.path, *manager.database.path.parent.glob("cases.sqlite3-*")]
        assert all(b"Andi Secret" not in file.read_bytes() for file in files)
    finally:
        pg_server.start()
    manager.link.wake()
    assert manager.log.flush(20.0)
    assert shop.count("SELECT count(*) FROM support_drafts") == 0
    assert shop.count() == 0


def test_a_desk_saving_its_own_case_again_and_again_hears_of_no_other_desk(shop: Shop) -> None:
    front = shop.desk("Front")
    case = Case("training", customer_name="Budi")
    front.log.save(case)
    for number in range(5):
        # The checklist comes back in another order each time (as a support request rebuilds it).
        items = ["proof_of_purchase_seen", "box_imei_matches", "owner_identity_checked", "checked_by"]
        order = items[number % 4 :] + items[: number % 4]
        case.checklist = {key: ("Sari" if key == "checked_by" else True) for key in order}
        case.steps.append((f"step{number}", f"2026-12-01T10:0{number}:00+00:00"))
        front.log.save(case)
    case.checklist = {}  # untouched again
    front.log.save(case)
    assert front.log.flush()
    assert front.conflicts == []
    stored = front.log.get(case.id)
    assert stored is not None and stored.checklist == {} and len(stored.steps) == 5


def test_a_save_made_before_the_desk_heard_of_a_merge_keeps_the_other_desks_change(shop: Shop) -> None:
    front, back = shop.desk("Front"), shop.desk("Back")
    case = Case("training", customer_name="Budi")
    front.log.save(case)
    assert front.log.flush()
    theirs = back.log.get(case.id)
    assert theirs is not None
    theirs.device_model = "Redmi Note 12"
    back.log.save(theirs)
    assert back.log.flush()

    case.steps.append(("send_code", "2026-12-01T10:01:00+00:00"))
    front.log.save(case)  # merged: the model is theirs
    case.steps.append(("enter_code", "2026-12-01T10:02:00+00:00"))
    front.log.save(case)  # made before the window took their model: still on the old copy
    assert front.log.flush()
    stored = back.log.get(case.id)
    assert stored is not None
    assert (stored.device_model, [step for step, _ in stored.steps]) == ("Redmi Note 12", ["send_code", "enter_code"])


def test_a_write_the_server_cannot_take_as_it_is_is_dropped_and_told_without_holding_up_the_rest(
    shop: Shop,
) -> None:
    front = shop.desk("Front")
    broken = Case("training", customer_name="Broken")
    front.link.enqueue({"kind": "case", "row": list(broken.row())[:-1], "prev": None})  # a field short
    front.log.save(Case("training", customer_name="Behind it"))
    assert front.log.flush()
    assert front.conflicts == [Conflict(broken.id, "", kind="dropped")]
    assert [c.customer_name for c in front.log.search(CaseQuery())] == ["Behind it"]
