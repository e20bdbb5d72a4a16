"""When the email and the phone are gone: a complete request to Xiaomi support, one task per screen.

Three screens, moved through with the wizard's own Back and Next (the session
keeps which one is on show): the facts (each checked as it is typed), the
proof (how the shop checked ownership, and the photos to add), and review and
send (the letter, where it goes, copy, mail, PDF, print, QR code). The request
itself belongs to the recovery session and its case: the page passes on every
change, and the session writes it to the case database after a pause in
typing, so a crash or a closed window loses nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui.core.flow import Step, SupportReason, SupportScreen
from mirecovery_gui.core.support_request import Field, SupportFacts, prepare
from mirecovery_gui.gui import dialogs
from mirecovery_gui.gui.i18n import shown
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.widgets.flow_layout import flow_row
from mirecovery_gui.gui.widgets.support_form import SupportDetailsForm
from mirecovery_gui.gui.widgets.support_handover import SupportHandover

if TYPE_CHECKING:
    from mirecovery_gui.core.support_directory import SupportContact
    from mirecovery_gui.core.support_request import PreparedRequest
    from mirecovery_gui.gui.pages.base import PageHost
    from mirecovery_gui.store.drafts import Draft

AUTOSAVE_MS = 600
# Composing the letter and its QR code costs tens of milliseconds: not per
# keystroke, only once typing pauses (and at once when the review screen opens).
REFRESH_MS = 250


class LostEverythingPage(RecoveryPage):
    step = Step.LOST_EVERYTHING

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self._directory: list[SupportContact] | None = None
        self._draft_id = ""  # the session's request on show
        self._screen: SupportScreen | None = None  # the screen on show

        # 1. The facts: why support, what to try first, the saved requests, the form.
        facts_screen = QWidget(self)
        facts_screen.setObjectName("support_facts_screen")
        facts_layout = QVBoxLayout(facts_screen)
        facts_layout.setContentsMargins(0, 0, 0, 0)
        self.reason_label = self._label(facts_screen, "support_reason_label")
        facts_layout.addWidget(self.reason_label)
        self.restore_label = self._label(facts_screen, "support_restore_label")
        self.keep(
            self.restore_label.setText,
            lambda: self.tr(
                'Xiaomi\'s help centre also offers "Restore security info", which can be quicker than a '
                "request: try it first if the owner has not. The request says whether it was tried."
            ),
        )
        self.help_centre_button = QPushButton(self)
        self.keep(self.help_centre_button.setText, lambda: self.tr("Open Xiaomi's help &centre"))
        self.help_centre_button.setObjectName("help_centre_button")
        self.help_centre_button.clicked.connect(self._on_help_centre_button_clicked)
        facts_layout.addWidget(self.restore_label)
        facts_layout.addWidget(self.help_centre_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.drafts_combo = QComboBox(self)
        self.drafts_combo.setObjectName("drafts_combo")
        self.keep(self.drafts_combo.setAccessibleName, lambda: self.tr("Saved requests"))
        self.drafts_combo.activated.connect(self._on_drafts_combo_activated)
        # Whole entries ("12******90 · 2026-12-02 10:15"): the row wraps instead of cutting them.
        self.drafts_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.new_draft_button = QPushButton(self)
        self.keep(self.new_draft_button.setText, lambda: self.tr("New re&quest"))
        self.new_draft_button.setObjectName("new_draft_button")
        self.new_draft_button.clicked.connect(self._on_new_draft_button_clicked)
        drafts_label = QLabel(self)
        self.keep(drafts_label.setText, lambda: self.tr("Sa&ved requests:"))
        drafts_label.setBuddy(self.drafts_combo)
        facts_layout.addWidget(flow_row(facts_screen, drafts_label, self.drafts_combo, self.new_draft_button))
        self.details = SupportDetailsForm(self.session.default_region, facts_screen)
        self.details.edited.connect(self._on_details_edited)
        facts_layout.addWidget(self.details, 1)

        # 2. The proof: the photos to add, and what the shop checked.
        proof_screen = QWidget(self)
        proof_screen.setObjectName("support_proof_screen")
        proof_layout = QVBoxLayout(proof_screen)
        proof_layout.setContentsMargins(0, 0, 0, 0)
        proof_layout.addWidget(self.details.proof)

        # 3. Review and send.
        self.handover = SupportHandover(
            self.error_panel.show_message, host.open_url, host.secret_clipboard.copy_personal, self
        )
        self.handover.choice_changed.connect(self._on_handover_choice_changed)
        self.handover.handed_over.connect(self._on_handover_handed_over)

        # One screen on show at a time; the hidden ones take no room (a stack would be as
        # tall as its tallest screen, and a short screen would scroll for nothing).
        self.screens: list[QWidget] = [facts_screen, proof_screen, self.handover]
        for screen in self.screens:
            screen.hide()
            self.body.addWidget(screen, 1)

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self._save)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_request)

    def _label(self, parent: QWidget, name: str) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

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
            self._fill_drafts_combo()
            self._refresh_request()
        self._show_screen(session.support_screen)

    def _show_screen(self, screen: SupportScreen) -> None:
        headings = {
            SupportScreen.FACTS: self.tr("Ask Xiaomi support: the facts"),
            SupportScreen.PROOF: self.tr("Ask Xiaomi support: the proof"),
            SupportScreen.SEND: self.tr("Ask Xiaomi support: review and send"),
        }
        intros = {
            SupportScreen.FACTS: self.tr("Fill in what the owner knows; * marks what support needs."),
            SupportScreen.PROOF: self.tr(
                "Support restores an account only for its owner. Gather the proof before sending."
            ),
            SupportScreen.SEND: self.tr(
                "Check the request, choose where it goes, and hand it over: from the owner's phone by the QR "
                "code, or from this computer."
            ),
        }
        self.set_heading(headings[screen])
        self.set_intro(intros[screen])
        if screen is self._screen:
            return
        self._screen = screen
        for index, widget in enumerate(self.screens):
            widget.setVisible(index == screen.index)
        if screen is SupportScreen.SEND:
            self._pass_on()
            self._refresh_request()
        if self.isVisible():
            focus = self.focus_first()
            if focus is not None:
                focus.setFocus(Qt.FocusReason.OtherFocusReason)

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
        # Short enough to be read whole at 1024x600 with 150% text; the list of drafts is for picking.
        return f"{shown(title, 18)} · {when}"

    def retranslate(self) -> None:
        super().retranslate()
        self._fill_drafts_combo()
        self._refresh_request()
        self._show_screen(self.session.support_screen)

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
        if self.session.support_draft is None:
            return
        self.handover.show_request(self._prepared())

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

    def _on_help_centre_button_clicked(self) -> None:
        profile = self.session.profile
        if profile is not None and profile.help_urls.help_center:
            self.host.open_url(profile.help_urls.help_center)

    # --- the wizard's Next on each screen --------------------------------------------------------

    def next_text(self) -> str:
        if self.session.support_screen is SupportScreen.SEND:
            return self.tr("Fi&nish")
        return super().next_text()

    def main_action(self) -> None:
        session = self.session
        self._pass_on()
        if session.support_screen is SupportScreen.FACTS:
            problems = self._prepared().problems
            if problems:
                # Nothing moves on with a fact support cannot use: say which, and go there.
                self.details.show_all_problems(even_empty=True)
                first = next(which for which in Field if which in problems)
                self.details.focus_field(first)
                # The reason in sight too, once the label just shown has its height.
                label = self.details.problem_labels.get(first)
                if label is not None:
                    QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(label, 0, 24))
                return
        if session.support_forward():
            return
        if session.cases.recording:
            kept = self.tr(
                "The request was not copied, mailed, saved or printed yet. It stays under Saved requests, "
                "to send later."
            )
        else:
            # Nothing is written without case recording: say so rather than promise a saved request.
            kept = self.tr(
                "The request was not copied, mailed, saved or printed yet, and it is not kept: case "
                "recording is off (Settings), so finishing now loses it."
            )
        if not session.support_handed_over_yet and not dialogs.ask(
            self, self.tr("Finish without sending?"), kept, self.tr("&Finish"), self.tr("&Stay here")
        ):
            return
        session.finish_support()

    def _prepared(self) -> PreparedRequest:
        """The request as the session holds it (the page passes every change on first)."""
        draft = self.session.support_draft
        if self._directory is None:
            self._directory = self.session.directory()
        if draft is None:
            return prepare(self.details.facts(), self._directory, self.handover.language())
        return prepare(draft.facts, self._directory, draft.language, draft.destination)

    # --- leaving ---------------------------------------------------------------------------------------

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
        screen = self.session.support_screen
        if screen is SupportScreen.PROOF:
            return self.details.proof.first_input()
        if screen is SupportScreen.SEND:
            return self.handover.first_choice()
        return self.details.first_input()
