"""Records the case as the wizard moves: every step saved as it happens.

A case opens when a recovery really starts (the identifier is accepted) or
when the support page is reached. The recorder only ever writes what the
case log can hold: the identifier's kind and masked form, the steps, the
outcome, the staff member, the customer fields, the device, the checklist.
Nothing here can see a password, a code or a captcha answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from mirecovery_gui.core.flow import Step
from mirecovery_gui.core.imei import check_imei
from mirecovery_gui.store.cases import Case, CaseLog, Outcome, now
from mirecovery_gui.store.settings import Settings

if TYPE_CHECKING:
    from mirecovery_gui.gui.wizard import RecoveryWizard
    from mirecovery_gui.store.drafts import Draft

log = logging.getLogger(__name__)

_OUTCOME_OF_STEP = {Step.DONE: Outcome.PASSWORD_RESET, Step.OFFICIAL_SITE: Outcome.OFFICIAL_SITE}


class CaseRecorder(QObject):
    def __init__(
        self,
        wizard: RecoveryWizard,
        case_log: Callable[[], CaseLog | None],
        settings: Callable[[], Settings],
    ) -> None:
        super().__init__(wizard)
        self.wizard = wizard
        self._case_log = case_log
        self._settings = settings
        self.current: Case | None = None
        wizard.currentIdChanged.connect(self._on_wizard_current_id_changed)
        wizard.state_changed.connect(self._on_wizard_state_changed)
        wizard.restarting.connect(self._on_wizard_restarting)

    @property
    def enabled(self) -> bool:
        return self._settings().record_cases and self._case_log() is not None

    # --- the case's life ----------------------------------------------------------------

    def _open(self) -> Case | None:
        if self.current is None and self.enabled:
            settings = self._settings()
            provider = "training" if self.wizard.training else (self.wizard.profile.id if self.wizard.profile else "")
            self.current = Case(provider=provider, staff=settings.staff_name if settings.shop_mode else "")
            log.info("case opened")
        return self.current

    def _save(self) -> None:
        case_log = self._case_log()
        if self.current is not None and case_log is not None and self.enabled:
            case_log.save(self.current)

    def adopt(self, case: Case) -> None:
        """Continue a case from an earlier session (after a crash)."""
        self.current = case
        case.steps.append(("resumed", now()))
        self._save()

    def close_current(self, outcome: Outcome = Outcome.ABANDONED) -> None:
        """End the case in hand: a new recovery starts, or the window closes."""
        case = self.current
        if case is None:
            return
        if case.outcome is Outcome.OPEN:
            case.outcome = outcome
        if case.closed_at is None:
            case.closed_at = now()
        self._save()
        self.current = None

    # --- what the wizard tells us ---------------------------------------------------------------

    def _on_wizard_current_id_changed(self, step_id: int) -> None:
        if step_id < 0:
            return
        step = Step(step_id)
        if step in (Step.START, Step.IDENTIFIER):
            return  # a case starts with what follows the identifier
        case = self._open()
        if case is None:
            return
        self._take_identifier(case)
        self._take_customer(case)
        if not case.steps or case.steps[-1][0] != step.name.lower():
            case.steps.append((step.name.lower(), now()))
        outcome = _OUTCOME_OF_STEP.get(step)
        if outcome is not None:
            case.outcome = outcome
            if outcome is Outcome.PASSWORD_RESET:
                case.closed_at = now()
        self._save()

    def _on_wizard_state_changed(self) -> None:
        if self.current is not None and self._take_identifier(self.current):
            self._save()

    def _on_wizard_restarting(self) -> None:
        self.close_current(Outcome.ABANDONED)

    def _take_identifier(self, case: Case) -> bool:
        identifier = self.wizard.state.identifier
        if identifier is None:
            return False
        masked = identifier.masked()
        if case.identifier_masked == masked:
            return False
        case.identifier_kind = identifier.kind.value
        case.identifier_masked = masked
        return True

    def _take_customer(self, case: Case) -> None:
        name, contact = self.wizard.customer()
        if name:
            case.customer_name = name
        if contact:
            case.customer_contact = contact

    def support_draft_saved(self, draft: Draft) -> None:
        """The support page saved its draft: the device and the checklist go into the case."""
        case = self._open()
        if case is None:
            return
        facts = draft.facts
        case.draft_id = draft.id
        case.device_model = facts.model.strip()
        imei = check_imei(facts.imei)
        case.imei = imei.normalized if imei.valid else ""
        if not case.customer_name and facts.owner_name.strip():
            case.customer_name = facts.owner_name.strip()
        if not case.customer_contact:
            case.customer_contact = (facts.contact_email or facts.contact_phone).strip()
        checklist = facts.checklist
        case.checklist = {
            "proof_of_purchase_seen": checklist.proof_of_purchase_seen,
            "box_imei_matches": checklist.box_imei_matches,
            "owner_identity_checked": checklist.owner_identity_checked,
            "checked_by": checklist.checked_by,
        }
        if not case.identifier_kind and facts.account_id.strip():
            from mirecovery_gui.core.identifier import IdentifierKind, mask_identifier

            case.identifier_kind = IdentifierKind.ACCOUNT_ID.value
            case.identifier_masked = mask_identifier(IdentifierKind.ACCOUNT_ID, facts.account_id.strip())
        self._save()

    def support_request_handed_over(self) -> None:
        """Copied, mailed, saved or printed: the request is prepared."""
        case = self._open()
        if case is None:
            return
        case.outcome = Outcome.SUPPORT_REQUEST
        if case.closed_at is None:
            case.closed_at = now()
        self._save()
