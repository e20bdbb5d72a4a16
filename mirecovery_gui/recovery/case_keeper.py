"""The case being recorded, written as the recovery moves.

One case per recovery or support request: it opens with the first step after
the identifier (or the support page), takes the identifier's kind and masked
form, the customer typed for exactly this case, every step, the outcome, the
device and checklist of a support request. It never sees a password, a code
or a captcha answer: nothing here takes one.

A case that was erased (Delete, Delete all) is dropped without a write, and
once the keeper is closed nothing is written at all.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from mirecovery_gui.core.flow import Step
from mirecovery_gui.recovery.calls import Customer, HandOver

# The case log is opened after the first paint; its module comes with it.
if TYPE_CHECKING:
    from mirecovery_gui.core.identifier import Identifier
    from mirecovery_gui.store.cases import Case, Outcome
    from mirecovery_gui.store.drafts import Draft
    from mirecovery_gui.store.settings import Settings
    from mirecovery_gui.store.stores import Stores

log = logging.getLogger(__name__)

# A case's fields another desk's merged change may set, as the shop database stores them.
_TAKEN_AS_THEY_ARE = (
    "provider", "identifier_kind", "identifier_masked", "staff", "customer_name", "customer_contact",
    "device_model", "imei", "closed_at", "draft_id",
)  # fmt: skip


def _outcome_of(step: Step) -> Outcome | None:
    from mirecovery_gui.store.cases import Outcome

    return {Step.DONE: Outcome.PASSWORD_RESET, Step.OFFICIAL_SITE: Outcome.OFFICIAL_SITE}.get(step)


class CaseKeeper:
    def __init__(self, stores: Stores | None, settings: Callable[[], Settings], *, self_test: bool = False) -> None:
        self._stores = stores
        self._settings = settings
        self.self_test = self_test  # every case this keeper opens is marked as a self-test's
        self.case: Case | None = None
        self._provider = ""
        self._identifier: Identifier | None = None
        self._customer = Customer()
        self.closed = False

    @property
    def shop_mode(self) -> bool:
        return self._settings().shop_mode

    @property
    def staff_name(self) -> str:
        """Who works at this desk (shop mode's staff name), or ""."""
        settings = self._settings()
        return settings.staff_name if settings.shop_mode else ""

    @property
    def recording(self) -> bool:
        """Whether anything is written: recording is on, the database is there, the window is open."""
        if self.closed or self._stores is None or not self._settings().record_cases:
            return False
        return self._stores.case_log() is not None

    def hand_over(self) -> HandOver:
        from mirecovery_gui.store.cases import case_number

        case = self.case if self.recording else None
        masked = self._identifier.masked() if self._identifier is not None else ""
        settings = self._settings()
        return HandOver(
            case_number=case_number(case.id) if case is not None else "",
            account=masked or (case.identifier_masked if case is not None else ""),
            staff=settings.staff_name if settings.shop_mode else "",
        )

    # --- what the session tells us ---------------------------------------------------------

    def is_another_customer(self, identifier: Identifier | None, customer: Customer, *, has_request: bool) -> bool:
        """Whether what was just typed belongs to another customer than the case in hand.

        Another account than the case's is another case; so is a start without
        an account (the field cleared) once the case has one, an account typed
        after a support request with content was begun without one, and
        another customer's name. ``has_request``: the support request in hand
        holds something typed.
        """
        case = self.case
        if case is None:
            return False
        if identifier is not None:
            if self._identifier is not None:
                return identifier != self._identifier
            if case.identifier_masked:  # a case taken up again: only its masked form is known
                return identifier.masked() != case.identifier_masked
            if has_request:
                return True
        elif case.identifier_masked:
            return True
        typed = self._typed(customer)
        return bool(typed.name and case.customer_name and typed.name != case.customer_name)

    def begin(self, provider: str, identifier: Identifier | None, customer: Customer) -> None:
        """What was typed on the first page goes to the case in hand (see :meth:`is_another_customer`)."""
        self._provider = provider
        if identifier is not None:
            self._identifier = identifier
        self._customer = self._typed(customer)
        if self.case is not None:
            if not self.case.provider:
                self.case.provider = provider  # opened by a step before anything said which provider
            self._take_identifier(self.case)
            self._take_customer(self.case)
            self._save()

    def _typed(self, customer: Customer) -> Customer:
        """The customer fields count in shop mode only (they are not even shown otherwise)."""
        return customer.cleaned() if self._settings().shop_mode else Customer()

    def entered(self, step: Step) -> None:
        """The recovery reached ``step``: recorded, and the case opened if this is its first step."""
        if step in (Step.START, Step.IDENTIFIER):
            return
        if step is Step.LOST_EVERYTHING and self.case is None and self._identifier is None:
            return  # a support request begun from nothing is a case once something is typed in it
        if step is Step.OFFICIAL_SITE and self.case is None and self._identifier is None:
            return  # Xiaomi's page from nothing: a case once the customer or how it went is said
        case = self._open()
        if case is None:
            return
        from mirecovery_gui.store.cases import Outcome, now

        if not case.steps or case.steps[-1][0] != step.name.lower():
            case.steps.append((step.name.lower(), now()))
        outcome = _outcome_of(step)
        if outcome is not None:
            case.outcome = outcome
            if outcome is Outcome.PASSWORD_RESET and case.closed_at is None:
                case.closed_at = now()
        self._save()

    def opened_at(self, step: Step) -> None:
        """A case for what happens at ``step`` (Xiaomi's page inside), open until an outcome is said."""
        case = self._open(step)
        if case is None:
            return
        from mirecovery_gui.store.cases import now

        if not case.steps or case.steps[-1][0] != step.name.lower():
            case.steps.append((step.name.lower(), now()))
        self._save()

    @property
    def customer(self) -> Customer:
        """The customer typed for the case in hand (shop mode), as the case has it."""
        if self.case is not None:
            return Customer(self.case.customer_name, self.case.customer_contact)
        return self._customer

    def set_customer(self, customer: Customer) -> None:
        """The customer as typed beside Xiaomi's page: it replaces the case's (an emptied field empties it)."""
        self._customer = self._typed(customer)
        if self.case is not None:
            # A case begun before shop mode was on (or before a staff name was set) takes this desk's now.
            self.case.staff = self.case.staff or self.staff_name
            self.case.customer_name = self._customer.name
            self.case.customer_contact = self._customer.contact
            self._save()

    def record_outcome(self, outcome: Outcome) -> None:
        """How it went, as the person at the desk said it (Xiaomi's page tells the app nothing)."""
        case = self._open()
        if case is None:
            return
        case.outcome = outcome
        self._save()

    def handed_over(self) -> None:
        """The support request was copied, mailed, saved or printed."""
        case = self._open(Step.LOST_EVERYTHING)
        if case is None:
            return
        from mirecovery_gui.store.cases import Outcome, now

        case.outcome = Outcome.SUPPORT_REQUEST
        if case.closed_at is None:
            case.closed_at = now()
        self._save()

    def save_draft(self, draft: Draft) -> None:
        """The support request as typed, and what the case takes from it (device, IMEI, checklist)."""
        if not self.recording or self._stores is None:
            return
        store = self._stores.drafts()
        case = self._open(Step.LOST_EVERYTHING)
        if store is None or case is None:
            return
        from mirecovery_gui.core.identifier import IdentifierKind, mask_identifier
        from mirecovery_gui.core.imei import check_imei

        store.save(draft)
        facts = draft.facts
        case.draft_id = draft.id
        case.device_model = facts.model.strip()[:60]
        imei = check_imei(facts.imei)
        case.imei = imei.normalized if imei.valid else ""
        # The owner named on the request stands in for a customer nobody typed (never over one).
        owner = " ".join(facts.owner_name.split())[:100]
        reach = " ".join((facts.contact_email or facts.contact_phone).split())[:100]
        if not self._customer.name and owner:
            case.customer_name = owner
        if not self._customer.contact and reach:
            case.customer_contact = reach
        checklist = facts.checklist
        # Recorded when the shop used the checklist; an unticked one says nothing was checked, not "no".
        case.checklist = (
            {
                "proof_of_purchase_seen": checklist.proof_of_purchase_seen,
                "box_imei_matches": checklist.box_imei_matches,
                "owner_identity_checked": checklist.owner_identity_checked,
                "checked_by": checklist.checked_by,
            }
            if checklist.used or checklist.checked_by
            else {}
        )
        if self._identifier is None and facts.account_id.strip():
            case.identifier_kind = IdentifierKind.ACCOUNT_ID.value
            case.identifier_masked = mask_identifier(IdentifierKind.ACCOUNT_ID, facts.account_id.strip())
        self._save()

    def close(self, outcome: Outcome | None = None) -> None:
        """End the case in hand (a new recovery, another customer, the window closing): stopped, unless done."""
        case = self.case
        if case is not None:
            from mirecovery_gui.store.cases import Outcome, now

            outcome = outcome or Outcome.ABANDONED
            if case.outcome is Outcome.OPEN:
                case.outcome = outcome
            if case.closed_at is None:
                case.closed_at = now()
            self._save()
        self._forget()

    def discard(self) -> None:
        """Forget the case in hand without writing it (its data is being erased)."""
        self._forget()

    def adopt(self, case: Case, how: str) -> None:
        """Go on with an earlier case: ``how`` is "resumed" (after a crash) or "reopened" (a saved request)."""
        self.close()
        from mirecovery_gui.store.cases import now

        self.case = case
        self._provider = case.provider or self._provider
        # What the case already says about its customer stays: nothing typed later overwrites it unasked.
        self._customer = Customer(case.customer_name, case.customer_contact)
        case.steps.append((how, now()))
        self._save()

    def catch_up(self, case_id: str, taken: Sequence[tuple[str, Any]], sent: Sequence[tuple[str, Any]]) -> bool:
        """Another desk changed the case in hand too: what the shop database kept of theirs is taken here.

        Only where the case still holds what this desk had sent (a field typed again since is this
        desk's newer change, merged in its turn); the steps of both are kept. The window has told the
        user; with their values in the case in hand, this desk's next saves keep them. False when the
        case is not the one in hand.
        """
        case = self.case
        if case is None or case.id != case_id:
            return False
        import json

        from mirecovery_gui.store.cases import Outcome

        had = dict(sent)
        for name, value in taken:
            if name == "steps":
                with contextlib.suppress(ValueError, TypeError):
                    theirs = [tuple(step) for step in json.loads(value)]
                    case.steps = theirs + [step for step in case.steps if step not in theirs]
                    case.note_known(name, value)
                continue
            if name == "checklist":
                with contextlib.suppress(ValueError, TypeError):
                    loaded, before = json.loads(value), json.loads(had.get(name) or "{}")
                    if isinstance(loaded, dict) and case.checklist == before:
                        case.checklist = loaded
                        case.note_known(name, value)
                continue
            current = case.outcome.value if name == "outcome" else getattr(case, name, None)
            if name not in (*_TAKEN_AS_THEY_ARE, "outcome") or current != had.get(name):
                continue  # changed here since: this desk's newer value stands
            if name == "outcome":
                with contextlib.suppress(ValueError):
                    case.outcome = Outcome(value)
            else:
                setattr(case, name, value)
            case.note_known(name, value)
        self._customer = Customer(case.customer_name, case.customer_contact)
        return True

    def shut(self) -> None:
        """The window closes: the case ends, and nothing is written afterwards."""
        self.close()
        self.closed = True

    # --- reading ---------------------------------------------------------------------------------

    # Reads wait for this session's queued writes first (a local disk: milliseconds),
    # so what was just saved is what comes back.

    def load_draft(self, draft_id: str) -> Draft | None:
        store = self._stores.drafts() if self._stores is not None else None
        return store.load(draft_id) if store is not None and self._flushed() else None

    def recent_drafts(self) -> list[Draft]:
        store = self._stores.drafts() if self._stores is not None and self.recording else None
        return store.recent() if store is not None and self._flushed() else []

    def reload(self, case_id: str) -> Case | None:
        """The case as the database has it now (None when it was deleted)."""
        case_log = self._stores.case_log() if self._stores is not None else None
        return case_log.get(case_id) if case_log is not None and self._flushed() else None

    def case_of_draft(self, draft_id: str) -> Case | None:
        case_log = self._stores.case_log() if self._stores is not None else None
        return case_log.case_of_draft(draft_id) if case_log is not None and self._flushed() else None

    def interrupted(self) -> Case | None:
        """The latest case an earlier session left open (a crash); older ones are closed as stopped."""
        case_log = self._stores.case_log() if self._stores is not None and self.recording else None
        if case_log is None or not self._flushed():
            return None
        current = self.case.id if self.case is not None else None
        from mirecovery_gui.store.cases import Outcome

        cases = [case for case in case_log.open_cases() if case.id != current]
        for older in cases[1:]:
            case_log.close_open(older.id, Outcome.ABANDONED)
        return cases[0] if cases else None

    def abandon(self, case: Case) -> None:
        """Close a case left open by an earlier session, without going on with it."""
        case_log = self._stores.case_log() if self._stores is not None and self.recording else None
        if case_log is not None:
            from mirecovery_gui.store.cases import Outcome

            case_log.close_open(case.id, Outcome.ABANDONED)

    # --- internals ---------------------------------------------------------------------------------

    def _flushed(self) -> bool:
        return self._stores is None or self._stores.flush(2.0)

    def _forget(self) -> None:
        self.case = None
        self._identifier = None
        self._customer = Customer()

    def _open(self, step: Step | None = None) -> Case | None:
        """The case in hand, opened now if there is none (``step``: where it begins, when not entered)."""
        if self.case is None and self.recording:
            from mirecovery_gui.store.cases import Case, now

            settings = self._settings()
            self.case = Case(
                provider=self._provider,
                staff=settings.staff_name if settings.shop_mode else "",
                self_test=self.self_test,
            )
            self._take_identifier(self.case)
            self._take_customer(self.case)
            if step is not None:
                self.case.steps.append((step.name.lower(), now()))
            log.info("case opened")
        return self.case

    def _take_identifier(self, case: Case) -> None:
        if self._identifier is not None:
            case.identifier_kind = self._identifier.kind.value
            case.identifier_masked = self._identifier.masked()

    def _take_customer(self, case: Case) -> None:
        # What the shop typed for this case; an empty field leaves what the
        # support request named (the owner), never another case's customer.
        if self._customer.name:
            case.customer_name = self._customer.name
        if self._customer.contact:
            case.customer_contact = self._customer.contact

    def _save(self) -> None:
        case_log = self._stores.case_log() if self._stores is not None else None
        if self.case is not None and case_log is not None and self.recording:
            case_log.save(self.case)
