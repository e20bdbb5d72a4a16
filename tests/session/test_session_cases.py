"""The case belongs to the session: each customer's data on their own case, erasure that erases."""

from __future__ import annotations

from dataclasses import replace

from mirecovery_gui.core.flow import Channel, Step
from mirecovery_gui.core.support_request import ShopChecklist, SupportFacts
from mirecovery_gui.recovery.calls import Customer
from mirecovery_gui.store.cases import Case, CaseLog, Outcome
from mirecovery_gui.store.settings import Settings
from mirecovery_gui.store.stores import Stores
from tests.session.conftest import Recovery, identifier

FACTS = SupportFacts(
    account_id="1234567890",
    imei="490154203237518",
    model="Test phone",
    owner_name="Budi Santoso",
    contact_email="budi@example.com",
    country="ID",
)


def cases(stores: Stores) -> list[Case]:
    stores.flush()
    case_log = stores.case_log()
    assert case_log is not None
    return sorted(case_log.search(_everything()), key=lambda case: case.opened_at)


def _everything():  # type: ignore[no-untyped-def]
    from mirecovery_gui.store.cases import CaseQuery

    return CaseQuery()


def test_each_customer_is_on_their_own_case(recovery: Recovery, stores: Stores) -> None:
    recovery.to_done("demo@example.com", Customer("Ani Wijaya", "ani@example.com"))
    recovery.session.start_over()
    recovery.identifier("0812 0000 0001", Customer("Budi", ""))
    recovery.solve_captcha()
    by_account = {case.identifier_masked: case for case in cases(stores)}
    first, second = by_account["d***@example.com"], by_account["+62*****0001"]
    assert (first.customer_name, first.customer_contact) == ("Ani Wijaya", "ani@example.com")
    assert first.outcome is Outcome.PASSWORD_RESET and first.staff == "Ayu"
    assert (second.customer_name, second.customer_contact) == ("Budi", "")
    assert second.identifier_masked != first.identifier_masked


def test_another_identifier_is_another_case(recovery: Recovery, stores: Stores) -> None:
    recovery.identifier("demo@example.com", Customer("Ani", ""))
    recovery.solve_captcha()
    recovery.run(recovery.session.back())
    recovery.run(recovery.session.back())
    recovery.identifier("1234567890", Customer("Citra", ""))
    recovery.solve_captcha()
    by_account = {case.identifier_masked: case for case in cases(stores)}
    old, new = by_account["d***@example.com"], by_account["12******90"]
    assert old.customer_name == "Ani" and old.outcome is Outcome.ABANDONED
    assert new.customer_name == "Citra" and new.outcome is Outcome.OPEN


def test_notes_typed_in_the_history_survive_the_next_step(recovery: Recovery, stores: Stores) -> None:
    recovery.identifier("demo@example.com")
    recovery.solve_captcha()
    (case,) = cases(stores)
    case_log = stores.case_log()
    assert case_log is not None
    assert case_log.set_notes(case.id, "Customer will come back at 3", expected="").saved
    recovery.run(recovery.session.choose_channel(Channel.EMAIL))
    recovery.run(recovery.session.send_code())
    (after,) = cases(stores)
    assert after.notes == "Customer will come back at 3" and after.last_step == "enter_code"


def test_a_note_changed_elsewhere_meanwhile_is_reported_not_overwritten(stores: Stores) -> None:
    case_log = stores.case_log()
    assert case_log is not None
    case = Case(provider="training")
    case_log.save(case)
    assert case_log.set_notes(case.id, "first desk", expected="").saved
    second = case_log.set_notes(case.id, "second desk", expected="")
    assert not second.saved and second.meanwhile == "first desk"
    assert case_log.get(case.id).notes == "first desk"  # type: ignore[union-attr]
    case_log.delete([case.id])
    assert case_log.set_notes(case.id, "too late", expected="first desk").gone


def test_a_done_case_stays_done(recovery: Recovery, stores: Stores) -> None:
    recovery.to_done()
    (case,) = cases(stores)
    case_log = stores.case_log()
    assert case_log is not None
    stale = replace(case, outcome=Outcome.OPEN, closed_at=None)  # an older copy, saved late
    case_log.save(stale)
    (after,) = cases(stores)
    assert after.outcome is Outcome.PASSWORD_RESET and after.closed_at == case.closed_at


def test_after_delete_all_nothing_is_written_again(recovery: Recovery, stores: Stores) -> None:
    session = recovery.session
    session.lost_everything(None, Customer("Dewi", "0812 1111 2222"))
    session.edit_support(FACTS, "en", "")
    session.save_support()
    assert len(cases(stores)) == 1
    session.forget(None)  # "Delete all data": the session lets go first
    case_log = stores.case_log()
    assert case_log is not None
    case_log.delete_everything()
    session.edit_support(FACTS, "en", "")  # a late keystroke
    session.save_support()
    session.close()
    stores.close()
    assert stores.closed
    reopened = Stores(lambda: stores._path())
    try:
        assert cases(reopened) == []
        drafts = reopened.drafts()
        assert drafts is not None and drafts.recent() == []
    finally:
        reopened.close()


def test_deleting_another_case_leaves_the_one_in_hand(recovery: Recovery, stores: Stores) -> None:
    recovery.identifier("demo@example.com")
    recovery.solve_captcha()
    recovery.session.forget(["someone-else"])
    assert recovery.step is Step.SEND_CODE and recovery.session.cases.case is not None


def test_lost_everything_without_an_identifier_opens_an_empty_request(recovery: Recovery, stores: Stores) -> None:
    session = recovery.session
    session.lost_everything(None, Customer("Eka", ""))
    session.edit_support(FACTS, "en", "")
    session.support_handed_over()
    session.start_over()
    session.lost_everything(None)
    draft = session.support_draft
    # Empty but for the country and who checks at this desk (the staff name from the settings).
    assert draft is not None and draft.facts == SupportFacts(country="ID", checklist=ShopChecklist(checked_by="Ayu"))
    assert [d.facts.owner_name for d in session.saved_requests()] == ["", "Budi Santoso"]


def test_the_support_request_fills_the_case(recovery: Recovery, stores: Stores) -> None:
    session = recovery.session
    session.lost_everything(None)
    checked = replace(FACTS, checklist=ShopChecklist(proof_of_purchase_seen=True, checked_by="Ayu"))
    session.edit_support(checked, "id", "help_center")
    session.support_handed_over()
    (case,) = cases(stores)
    assert (case.device_model, case.imei, case.customer_name) == ("Test phone", "490154203237518", "Budi Santoso")
    assert case.outcome is Outcome.SUPPORT_REQUEST and case.checklist["checked_by"] == "Ayu"
    assert case.identifier_masked  # the account ID, masked


def test_new_request_and_reopening_a_saved_one(recovery: Recovery, stores: Stores) -> None:
    session = recovery.session
    session.lost_everything(None)
    session.edit_support(FACTS, "en", "")
    session.save_support()
    first = session.support_draft
    assert first is not None
    session.new_support_request()
    assert session.support_draft is not None and session.support_draft.facts.owner_name == ""
    session.edit_support(replace(FACTS, owner_name="Fajar", imei="356938035643809"), "en", "")
    session.save_support()
    session.open_saved_request(first.id)
    assert session.support_draft is not None and session.support_draft.facts.owner_name == "Budi Santoso"
    assert session.notice is not None and "open again" in session.notice.message.render()
    session.close()
    by_draft = {case.draft_id: case for case in cases(stores)}
    budi = by_draft[first.id]
    (fajar,) = (case for draft_id, case in by_draft.items() if draft_id != first.id)
    assert budi.draft_id == first.id and budi.last_step == "reopened"
    assert fajar.customer_name == "Fajar"


def test_with_recording_off_nothing_is_written(recovery: Recovery, stores: Stores, settings: list[Settings]) -> None:
    settings[0] = Settings(record_cases=False)
    recovery.to_done(customer=Customer("Gita", ""))
    recovery.session.start_over()
    recovery.session.lost_everything(None)
    recovery.session.edit_support(FACTS, "en", "")
    recovery.session.support_handed_over()
    assert cases(stores) == []
    drafts = stores.drafts()
    assert drafts is not None and drafts.recent() == []


def test_an_interrupted_case_comes_back_with_its_request(recovery: Recovery, stores: Stores) -> None:
    session = recovery.session
    session.lost_everything(None)
    session.edit_support(FACTS, "en", "")
    session.save_support()
    stores.flush()
    # A crash: the case stays open in the database. The next start finds it.
    case_log = stores.case_log()
    assert isinstance(case_log, CaseLog)
    session.cases.discard()
    session.start_over()
    interrupted = session.interrupted_case()
    assert interrupted is not None and interrupted.customer_name == "Budi Santoso"
    session.resume(interrupted)
    assert recovery.step is Step.LOST_EVERYTHING
    assert session.support_draft is not None and session.support_draft.facts == FACTS
    session.close()
    (case,) = cases(stores)
    assert [step for step, _ in case.steps][-2:] == ["resumed", "lost_everything"]


def test_back_then_another_account_is_another_case_without_the_last_request(recovery: Recovery, stores: Stores) -> None:
    session = recovery.session
    session.lost_everything(None, Customer("Ani", ""))
    session.edit_support(FACTS, "en", "")
    session.save_support()
    first = session.support_draft
    recovery.run(session.back())
    session.lost_everything(identifier("nocontact@example.com"), Customer("Budi", ""))
    draft = session.support_draft
    assert draft is not None and first is not None and draft.id != first.id
    assert draft.facts.imei == "" and draft.facts.old_email == "nocontact@example.com"
    session.edit_support(replace(draft.facts, imei="356938035643809"), "en", "")
    session.close()
    by_draft = {case.draft_id: case for case in cases(stores)}
    assert by_draft[first.id].customer_name == "Ani" and by_draft[first.id].imei == "490154203237518"
    assert by_draft[draft.id].customer_name == "Budi" and by_draft[draft.id].identifier_masked == "n***@example.com"


def test_a_cleared_field_then_lost_everything_is_a_new_empty_request(recovery: Recovery, stores: Stores) -> None:
    session = recovery.session
    recovery.identifier("demo@example.com", Customer("Ani", "ani@example.com"))
    recovery.run(session.back())
    session.lost_everything(None, Customer("Budi", "budi@example.com"))
    draft = session.support_draft
    assert draft is not None and draft.facts == SupportFacts(country="ID", checklist=ShopChecklist(checked_by="Ayu"))
    session.edit_support(FACTS, "en", "")
    session.close()
    by_account = {case.identifier_masked: case for case in cases(stores)}
    assert by_account["d***@example.com"].customer_name == "Ani"
    assert by_account["12******90"].customer_name == "Budi"


def test_a_resumed_case_goes_on_only_with_its_own_account(recovery: Recovery, stores: Stores) -> None:
    session = recovery.session
    recovery.identifier("demo@example.com", Customer("Ani", "0812-555"))
    recovery.solve_captcha()
    session.cases.discard()  # a crash: the case stays open in the database
    session.start_over()
    interrupted = session.interrupted_case()
    assert interrupted is not None
    recovery.run(session.resume(interrupted))
    recovery.identifier("1234567890")  # someone else's account
    recovery.solve_captcha()
    session.close()
    by_account = {case.identifier_masked: case for case in cases(stores)}
    assert by_account["d***@example.com"].customer_contact == "0812-555"
    assert by_account["d***@example.com"].outcome is Outcome.ABANDONED
    assert by_account["12******90"].customer_name == ""


def test_resuming_a_case_deleted_meanwhile_brings_nothing_back(recovery: Recovery, stores: Stores) -> None:
    session = recovery.session
    session.lost_everything(None)
    session.edit_support(FACTS, "en", "")
    session.save_support()
    session.cases.discard()
    session.start_over()
    interrupted = session.interrupted_case()
    assert interrupted is not None
    case_log = stores.case_log()
    assert case_log is not None
    case_log.delete([interrupted.id])
    assert session.resume(interrupted) is None
    session.close()
    assert cases(stores) == []


def test_resuming_keeps_the_customers_contact(recovery: Recovery, stores: Stores) -> None:
    session = recovery.session
    session.lost_everything(None, Customer("Dewi", "0812-555"))
    session.edit_support(replace(FACTS, contact_email=""), "en", "")
    session.save_support()
    session.cases.discard()
    session.start_over()
    interrupted = session.interrupted_case()
    assert interrupted is not None
    session.resume(interrupted)
    session.edit_support(replace(FACTS, contact_email="", description="came back"), "en", "")
    session.close()
    (case,) = cases(stores)
    assert (case.customer_name, case.customer_contact) == ("Dewi", "0812-555")
