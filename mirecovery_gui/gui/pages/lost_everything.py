"""When the email and the phone are gone: a complete request to Xiaomi support.

The page joins two parts: the details form (the facts, each checked as it is
typed) and the hand-over (the letter, where it goes, copy, mail, PDF, print,
QR code). The request itself belongs to the recovery session and its case:
the page passes on every change, and the session writes it to the case
database after a pause in typing, so a crash or a closed window loses nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QTabWidget, QWidget

from mirecovery_gui.core.flow import Step, SupportReason
from mirecovery_gui.core.support_request import SupportFacts, prepare
from mirecovery_gui.gui.i18n import shown
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.widgets.support_form import SupportDetailsForm
from mirecovery_gui.gui.widgets.support_handover import SupportHandover, compact_combo

if TYPE_CHECKING:
    from mirecovery_gui.core.support_directory import SupportContact
    from mirecovery_gui.gui.pages.base import PageHost
    from mirecovery_gui.store.drafts import Draft

AUTOSAVE_MS = 600
# Composing the letter and its QR code costs tens of milliseconds: not per
# keystroke, only once typing pauses (and at once when the Send tab opens).
REFRESH_MS = 250


class LostEverythingPage(RecoveryPage):
    step = Step.LOST_EVERYTHING

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.keep(self.set_heading, lambda: self.tr("Ask Xiaomi support"))
        self.reason_label = self.paragraph("", "support_reason_label")
        self._directory: list[SupportContact] | None = None
        self._draft_id = ""  # the session's request on show

        drafts_row = QHBoxLayout()
        self.drafts_combo = QComboBox(self)
        self.drafts_combo.setObjectName("drafts_combo")
        self.keep(self.drafts_combo.setAccessibleName, lambda: self.tr("Saved requests"))
        self.drafts_combo.activated.connect(self._on_drafts_combo_activated)
        compact_combo(self.drafts_combo)
        self.new_draft_button = QPushButton(self)
        self.keep(self.new_draft_button.setText, lambda: self.tr("&New request"))
        self.new_draft_button.setObjectName("new_draft_button")
        self.new_draft_button.clicked.connect(self._on_new_draft_button_clicked)
        drafts_label = QLabel(self)
        self.keep(drafts_label.setText, lambda: self.tr("Sa&ved requests:"))
        drafts_label.setBuddy(self.drafts_combo)
        drafts_row.addWidget(drafts_label)
        drafts_row.addWidget(self.drafts_combo, 1)
        drafts_row.addWidget(self.new_draft_button)
        self.body.addLayout(drafts_row)

        self.details = SupportDetailsForm(self.session.default_region, self)
        self.details.edited.connect(self._on_details_edited)
        self.handover = SupportHandover(
            self.error_panel.show_message, host.open_url, host.secret_clipboard.copy_personal, self
        )
        self.handover.choice_changed.connect(self._on_handover_choice_changed)
        self.handover.handed_over.connect(self._on_handover_handed_over)
        scroll = QScrollArea(self)
        scroll.setObjectName("support_details_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.details)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("support_tabs")
        self.tabs.addTab(scroll, "")
        self.tabs.addTab(self.handover, "")
        self.keep(lambda text: self.tabs.setTabText(0, text), lambda: self.tr("1. &Details"))
        self.keep(lambda text: self.tabs.setTabText(1, text), lambda: self.tr("2. &Send"))
        self.tabs.currentChanged.connect(lambda _: self._refresh_request())
        self.body.addWidget(self.tabs, 1)

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self._save)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_request)

    # --- showing the session ------------------------------------------------------------------------

    def entered(self) -> None:
        self._fill_drafts_combo()

    def show_state(self) -> None:
        session = self.session
        texts = {
            SupportReason.NOTHING_BOUND: self.tr(
                "No email address or phone number is linked to this account, so Xiaomi cannot send "
                "a code. The way back is a request to Xiaomi support."
            ),
            SupportReason.SEND_LIMIT: self.tr(
                "No more codes can be sent today. You can wait 24 hours and try again, or ask Xiaomi support now."
            ),
            SupportReason.RESTRICTED: self.tr(
                "Xiaomi has paused recovery for this account for now. You can try again later, "
                "or ask Xiaomi support now."
            ),
            SupportReason.CONTACTS_LOST: self.tr(
                "Without the email or the phone number, Xiaomi cannot send a code. "
                "The way back is a request to Xiaomi support with proof that the phone is the owner's."
            ),
        }
        reason = session.support_reason
        self.reason_label.setText(texts[reason] if reason is not None else "")
        draft = session.support_draft
        if draft is not None and draft.id != self._draft_id:
            # Another request on show: a new one, one reopened, or one back after a crash.
            self._draft_id = draft.id
            self._autosave_timer.stop()
            self.details.set_facts(draft.facts)
            self.handover.set_language(draft.language)
            self.tabs.setCurrentIndex(0)
            self._fill_drafts_combo()
            self._refresh_request()

    def _fill_drafts_combo(self) -> None:
        current = self.session.support_draft
        self.drafts_combo.blockSignals(True)
        self.drafts_combo.clear()
        for draft in self.session.saved_requests():
            self.drafts_combo.addItem(self._draft_label(draft), draft.id)
        if current is not None:
            self.drafts_combo.setCurrentIndex(max(0, self.drafts_combo.findData(current.id)))
        self.drafts_combo.blockSignals(False)

    def _draft_label(self, draft: Draft) -> str:
        title = draft.title or self.tr("(no name yet)")
        when = (draft.updated_at or draft.created_at)[:16].replace("T", " ")
        return f"{shown(title, 60)} · {when}"

    def retranslate(self) -> None:
        super().retranslate()
        self._fill_drafts_combo()
        self._refresh_request()

    # --- forwarding ------------------------------------------------------------------------------------

    def _on_details_edited(self) -> None:
        self._pass_on()
        self._autosave_timer.start()
        self._refresh_timer.start()

    def _on_handover_choice_changed(self) -> None:
        # A choice, not typing: the letter and where it goes follow at once.
        self._pass_on()
        self._autosave_timer.start()
        self._refresh_request()

    def _pass_on(self) -> None:
        self.session.edit_support(self.details.facts(), self.handover.language(), self.handover.destination())

    def _save(self) -> None:
        self._autosave_timer.stop()
        self._pass_on()
        self.session.save_support()
        self._name_current_draft()

    def _name_current_draft(self) -> None:
        # The list is read once per visit; typing renames the request in hand in place.
        draft = self.session.support_draft
        index = self.drafts_combo.findData(draft.id) if draft is not None else -1
        if draft is not None and index >= 0:
            self.drafts_combo.setItemText(index, self._draft_label(draft))

    def _refresh_request(self) -> None:
        self._refresh_timer.stop()
        draft = self.session.support_draft
        if draft is None:
            return
        if self._directory is None:
            self._directory = self.session.directory()
        self.handover.show_request(prepare(draft.facts, self._directory, draft.language, draft.destination))

    def _on_handover_handed_over(self) -> None:
        self._pass_on()
        self.session.support_handed_over()
        self._name_current_draft()

    def _on_drafts_combo_activated(self, index: int) -> None:
        draft_id = self.drafts_combo.itemData(index)
        if draft_id:
            self._pass_on()
            self.session.open_saved_request(str(draft_id))

    def _on_new_draft_button_clicked(self) -> None:
        self._pass_on()
        self.session.new_support_request()
        self.details.first_input().setFocus()

    # --- leaving ---------------------------------------------------------------------------------------

    def is_final(self) -> bool:
        return True

    def left(self) -> None:
        super().left()
        self._autosave_timer.stop()
        self._refresh_timer.stop()

    def about_to_close(self) -> None:
        self.details.stop()
        self._refresh_timer.stop()
        if self._autosave_timer.isActive():
            self._autosave_timer.stop()
            self._pass_on()  # the session writes it as the window closes

    def reset(self) -> None:
        """A new case: the fields empty until the session's next request is shown."""
        super().reset()
        self._autosave_timer.stop()
        self._refresh_timer.stop()
        self._draft_id = ""
        self.details.set_facts(SupportFacts(country=self.session.default_region))

    def focus_first(self) -> QWidget | None:
        return self.details.first_input()
