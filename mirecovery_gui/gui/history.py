"""The shop's case history: find a case, open it, reprint its request, export, delete."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui.core.support_directory import SupportContact
from mirecovery_gui.core.support_request import PreparedRequest, prepare
from mirecovery_gui.gui import dialogs
from mirecovery_gui.gui.background_reads import BackgroundReads
from mirecovery_gui.gui.i18n import TextBook, clear_button_setter, named, shown, step_name
from mirecovery_gui.gui.widgets.limited_text import LimitedTextEdit
from mirecovery_gui.store.cases import Case, CaseLog, CaseQuery, NotesSaved, Outcome
from mirecovery_gui.store.drafts import DraftStore
from mirecovery_gui.store.settings import write_atomically

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

NOTES_MAX = 4000  # characters of a case's notes that are saved
PAGE = 100  # cases read at a time; the next page when the list is scrolled to its end


@dataclass(frozen=True)
class _Found:
    """A search's first page, with what the window shows around it."""

    cases: list[Case]
    words: list[list[str]]  # each case's row as shown
    desks: list[str]
    may_delete: bool


def local_time(stamp: str | None) -> str:
    if not stamp:
        return ""
    try:
        when = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


class CaseTableModel(QAbstractTableModel):
    def __init__(
        self, describe_outcome: Callable[[Outcome], str], describe_step: Callable[[str], str], desks: bool = False
    ) -> None:
        super().__init__()
        self.cases: list[Case] = []
        self.desks = desks  # a shop's log: which desk each case is from
        self.more = False  # older cases are there to read
        self.fetching = False
        self.fetch_more: Callable[[], None] | None = None
        # Each row's words, made once: the view asks for them cell by cell, again at every paint.
        self._shown: list[list[str]] = []
        self._outcome = describe_outcome
        self._step = describe_step
        self.headers: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.headers = [
            self.tr("Opened"),
            self.tr("Customer"),
            self.tr("Account"),
            self.tr("Mode"),
            self.tr("Last step"),
            self.tr("Outcome"),
            self.tr("Staff"),
            *([self.tr("Desk")] if self.desks else []),
            self.tr("Model"),
            self.tr("IMEI"),
        ]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)
        self._shown = [self.words(case) for case in self.cases]
        if self.cases:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.cases) - 1, len(self.headers) - 1))

    def set_cases(self, cases: list[Case], more: bool = False, words: list[list[str]] | None = None) -> None:
        """``words``: each case's row, made beforehand (History makes them on its reading thread)."""
        self.beginResetModel()
        self.cases = cases
        self._shown = words if words is not None else [self.words(case) for case in cases]
        self.more = more
        self.fetching = False
        self.endResetModel()

    def add_cases(self, cases: list[Case], more: bool, words: list[list[str]] | None = None) -> None:
        if cases:
            self.beginInsertRows(QModelIndex(), len(self.cases), len(self.cases) + len(cases) - 1)
            self.cases = self.cases + cases
            self._shown += words if words is not None else [self.words(case) for case in cases]
            self.endInsertRows()
        self.more = more
        self.fetching = False

    # The view asks for the next page when it is scrolled to the end.
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self.more and not self.fetching and self.fetch_more is not None

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if self.canFetchMore(parent) and self.fetch_more is not None:
            self.fetching = True
            self.fetch_more()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.cases)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def values(self, case: Case) -> list[str]:
        return [
            local_time(case.opened_at),
            case.customer_name,
            case.identifier_masked,
            self._mode(case),
            self._step(case.last_step),
            self._outcome(case.outcome),
            case.staff,
            *([case.desk] if self.desks else []),
            case.device_model,
            case.imei,
        ]

    def words(self, case: Case) -> list[str]:
        """The row's cells as shown (plain, cut to length); pure, so any thread may make them."""
        return [shown(value, 200) for value in self.values(case)]

    def _mode(self, case: Case) -> str:
        if case.self_test:
            return self.tr("self-test")
        return self.tr("training") if case.provider == "training" else self.tr("live")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._shown[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class HistoryWindow(QDialog):
    """Non-modal: the wizard stays usable while the history is open."""

    def __init__(
        self,
        case_log: CaseLog,
        drafts: DraftStore,
        directory: Callable[[], list[SupportContact]],
        forget: Callable[[list[str] | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history_window")
        self.texts = TextBook()
        self.texts.keep(
            self.setWindowTitle,
            lambda: self.tr("Case history: the shop's cases") if case_log.shared else self.tr("Case history"),
        )
        # As wide as the table wants, never wider than the screen (a 1024-wide shop screen included).
        screen = parent.screen() if parent is not None else None
        room = screen.availableSize() if screen is not None else None
        self.resize(min(1300, room.width() - 24) if room else 1100, min(600, room.height() - 64) if room else 600)
        self.case_log = case_log
        self.drafts = drafts
        self.directory = directory
        self._forget = forget  # the recovery in hand lets go of a case before it is deleted
        self.reads = BackgroundReads(case_log.release_thread, self)
        self._query: CaseQuery | None = None  # the search on show (a newer one makes older answers stale)
        self._requests: dict[str, PreparedRequest | None] = {}  # each case's support request, once read
        self._notes_shown: tuple[str, str] | None = None  # the case whose notes are in the field, as put there

        self.search_input = QLineEdit(self)
        self.search_input.setObjectName("history_search_input")
        self.search_input.setMaxLength(200)  # longer than anything stored is searched for; a pasted log is not
        self.texts.keep(
            self.search_input.setPlaceholderText, lambda: self.tr("Name, phone, masked account, IMEI, model, notes…")
        )
        self.search_input.setClearButtonEnabled(True)
        self.texts.keep(clear_button_setter(self.search_input), lambda: self.tr("Clear"))
        search_label = QLabel(self)
        self.texts.keep(search_label.setText, lambda: self.tr("&Find:"))
        search_label.setBuddy(self.search_input)
        # A shop's log: which desk. Filled from the cases on the server at each refresh.
        self.desk_combo = QComboBox(self)
        self.desk_combo.setObjectName("history_desk_combo")
        self.desk_combo.addItem("", None)
        self.desk_combo.setVisible(case_log.shared)
        self.desk_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.texts.keep(named(self.desk_combo), lambda: self.tr("Desk"))
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.setObjectName("history_outcome_combo")
        self.outcome_combo.addItem("", None)
        for outcome in Outcome:
            self.outcome_combo.addItem("", outcome.value)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("history_period_combo")
        for key in ("any", "today", "yesterday", "week", "month", "custom"):
            self.period_combo.addItem("", key)
        self._combo_texts()
        self.since_edit = QDateEdit(QDate.currentDate().addDays(-7), self)
        self.since_edit.setObjectName("history_since_edit")
        self.until_edit = QDateEdit(QDate.currentDate(), self)
        self.until_edit.setObjectName("history_until_edit")
        self.texts.keep(named(self.since_edit), lambda: self.tr("From (date)"))
        self.texts.keep(named(self.until_edit), lambda: self.tr("Until (date)"))
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search_input, 2)
        filters.addWidget(self.desk_combo)
        filters.addWidget(self.outcome_combo)
        filters.addWidget(self.period_combo)
        filters.addWidget(self.since_edit)
        filters.addWidget(self.until_edit)

        self.model = CaseTableModel(self.describe_outcome, self.describe_step, desks=case_log.shared)
        self.model.fetch_more = self._on_model_fetch_more
        self.table = QTableView(self)
        self.table.setObjectName("history_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Column widths from the first rows (a screenful and more), not every row read so far (thousands).
        self.table.horizontalHeader().setResizeContentsPrecision(30)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.texts.keep(self.table.setAccessibleName, lambda: self.tr("Cases"))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_case(current.row()))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("history_count_label")

        self.details_label = QLabel(self)
        self.details_label.setObjectName("history_details_label")
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Notes are saved up to NOTES_MAX characters: the field stops there, and says so when a paste is cut.
        self.notes_input = LimitedTextEdit(NOTES_MAX, self)
        self.notes_input.setObjectName("history_notes_input")
        self.notes_input.cut_note.setObjectName("history_notes_note")
        self.texts.keep(self.notes_input.setPlaceholderText, lambda: self.tr("Notes for this case"))
        self.notes_input.setTabChangesFocus(True)
        self.notes_input.setMaximumHeight(90)
        notes_label = QLabel(self)
        self.texts.keep(notes_label.setText, lambda: self.tr("&Notes:"))
        notes_label.setBuddy(self.notes_input)
        self.save_notes_button = QPushButton(self)
        self.texts.keep(self.save_notes_button.setText, lambda: self.tr("Save &notes"))
        self.save_notes_button.setObjectName("history_save_notes_button")
        self.save_notes_button.clicked.connect(self._on_save_notes_button_clicked)
        self.reprint_button = QPushButton(self)
        self.texts.keep(self.reprint_button.setText, lambda: self.tr("&Print the request again…"))
        self.reprint_button.setObjectName("history_reprint_button")
        self.reprint_button.clicked.connect(self._on_reprint_button_clicked)
        self.pdf_button = QPushButton(self)
        self.texts.keep(self.pdf_button.setText, lambda: self.tr("Save the request as P&DF…"))
        self.pdf_button.setObjectName("history_pdf_button")
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.delete_button = QPushButton(self)
        self.texts.keep(self.delete_button.setText, lambda: self.tr("De&lete this customer's data…"))
        self.delete_button.setObjectName("history_delete_button")
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        # A shop's log: a manager's login deletes every case of the shop (Settings' "Delete all data"
        # deletes only what this computer holds).
        self.delete_all_button = QPushButton(self)
        self.texts.keep(self.delete_all_button.setText, lambda: self.tr("Delete &all the shop's cases…"))
        self.delete_all_button.setObjectName("history_delete_all_button")
        self.delete_all_button.clicked.connect(self._on_delete_all_button_clicked)
        self.delete_all_button.setVisible(False)
        details = QWidget(self)
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.details_label)
        details_layout.addWidget(notes_label)
        details_layout.addWidget(self.notes_input)
        details_layout.addWidget(self.notes_input.cut_note)
        for button in (self.save_notes_button, self.reprint_button, self.pdf_button, self.delete_button):
            details_layout.addWidget(button)
        details_layout.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self.width() * 3 // 4, self.width() // 4])
        self.csv_button = QPushButton(self)
        self.texts.keep(self.csv_button.setText, lambda: self.tr("&Export this list as CSV…"))
        self.csv_button.setObjectName("history_csv_button")
        self.csv_button.clicked.connect(self._on_csv_button_clicked)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.delete_all_button)
        bottom.addWidget(self.csv_button)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("history_status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.refresh)
        self.search_input.textChanged.connect(lambda _: self._search_timer.start())
        self.outcome_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.desk_combo.activated.connect(lambda _: self.refresh())
        self.period_combo.currentIndexChanged.connect(lambda _: self._on_period_changed())
        self.since_edit.dateChanged.connect(lambda _: self.refresh())
        self.until_edit.dateChanged.connect(lambda _: self.refresh())
        self.refresh()

    def _combo_texts(self) -> None:
        self.desk_combo.setItemText(0, self.tr("All desks"))
        self.outcome_combo.setItemText(0, self.tr("All outcomes"))
        for index, outcome in enumerate(Outcome, start=1):
            self.outcome_combo.setItemText(index, self.describe_outcome(outcome))
        periods = {
            "any": self.tr("Any date"),
            "today": self.tr("Today"),
            "yesterday": self.tr("Yesterday"),
            "week": self.tr("Last 7 days"),
            "month": self.tr("Last 30 days"),
            "custom": self.tr("From… to…"),
        }
        for index in range(self.period_combo.count()):
            self.period_combo.setItemText(index, periods[str(self.period_combo.itemData(index))])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.apply()
            self._combo_texts()
            self.model.retranslate()
            self.refresh()
        super().changeEvent(event)

    # --- words ---------------------------------------------------------------------------

    def describe_outcome(self, outcome: Outcome) -> str:
        return {
            Outcome.OPEN: self.tr("in progress"),
            Outcome.PASSWORD_RESET: self.tr("password changed"),
            Outcome.SUPPORT_REQUEST: self.tr("support request"),
            Outcome.OFFICIAL_SITE: self.tr("official website"),
            Outcome.CODE_NOT_RECEIVED: self.tr("code did not come"),
            Outcome.ABANDONED: self.tr("stopped"),
        }[outcome]

    def describe_step(self, step: str) -> str:
        return step_name(step)

    # --- finding ---------------------------------------------------------------------------

    def query(self) -> CaseQuery:
        outcome_value = self.outcome_combo.currentData()
        today = dt.date.today()
        period = self.period_combo.currentData()
        since: dt.date | None = None
        until: dt.date | None = None
        if period == "today":
            since = until = today
        elif period == "yesterday":
            since = until = today - dt.timedelta(days=1)
        elif period == "week":
            since = today - dt.timedelta(days=6)
        elif period == "month":
            since = today - dt.timedelta(days=29)
        elif period == "custom":
            since = self.since_edit.date().toPython()  # type: ignore[assignment]
            until = self.until_edit.date().toPython()  # type: ignore[assignment]
        return CaseQuery(
            text=self.search_input.text(),
            outcome=Outcome(outcome_value) if outcome_value else None,
            since=since,
            until=until,
            desk=self.desk_combo.currentData(),
        )

    def _on_period_changed(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.since_edit.setEnabled(custom)
        self.until_edit.setEnabled(custom)
        self.refresh()

    def refresh(self) -> None:
        """Search again (off the window's thread); the list is replaced when the answer comes."""
        self._search_timer.stop()
        query = replace(self.query(), limit=PAGE)
        self._query = query
        self.count_label.setText(self.tr("Searching…"))
        case_log, model = self.case_log, self.model

        def search() -> _Found:
            if not case_log.shared:
                case_log.flush(2.0)  # what was just saved is found (a shop's reads put waiting writes on top)
            cases = case_log.search(query)
            desks = case_log.desks() if case_log.shared else []
            return _Found(cases, [model.words(case) for case in cases], desks, case_log.may_delete())

        self.reads.run("search", search, lambda result: self._on_search_done(query, result))

    @property
    def searching(self) -> bool:
        """A search or a page is being read."""
        return self.reads.busy

    def _on_search_done(self, query: CaseQuery, result: object) -> None:
        if query is not self._query:
            return  # a newer search is under way
        if not isinstance(result, _Found):
            log.warning("the case history could not be read (%s)", type(result).__name__)
            self.count_label.setText(self.tr("The cases could not be read. Try again in a moment."))
            return
        selected = self.selected_case()
        cases = result.cases
        self.model.set_cases(cases, more=len(cases) == PAGE, words=result.words)
        self._show_count()
        if self.case_log.shared:
            self._fill_desks(result.desks)
            self._show_server_state()
        self.delete_button.setVisible(result.may_delete)
        self.delete_all_button.setVisible(result.may_delete and self.case_log.shared)
        # A shop's list leaves the building only through a manager (the same role that may delete).
        self.csv_button.setVisible(result.may_delete or not self.case_log.shared)
        row = next((i for i, case in enumerate(cases) if selected and case.id == selected.id), 0 if cases else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._show_case(row)

    def _on_model_fetch_more(self) -> None:
        base = self._query
        if base is None or not self.model.cases:
            self.model.fetching = False
            return
        last = self.model.cases[-1]
        query = replace(base, after=(last.opened_at, last.id))
        case_log, model = self.case_log, self.model

        def more() -> _Found:
            cases = case_log.search(query)
            return _Found(cases, [model.words(case) for case in cases], [], False)

        self.reads.run("more", more, lambda result: self._on_more_found(base, result))

    def _on_more_found(self, base: CaseQuery, result: object) -> None:
        if base is not self._query:
            return
        if not isinstance(result, _Found):
            self.model.fetching = False  # scrolling to the end again tries again
            self.count_label.setText(self.tr("Older cases could not be read. Scroll down again to try again."))
            return
        self.model.add_cases(result.cases, more=len(result.cases) == PAGE, words=result.words)
        self._show_count()

    def _show_count(self) -> None:
        if self.model.more:
            text = self.tr("Cases shown: {count}. Scroll down for older ones.")
        else:
            text = self.tr("Cases shown: {count}")
        self.count_label.setText(text.format(count=len(self.model.cases)))

    def _fill_desks(self, desks: list[str]) -> None:
        chosen = self.desk_combo.currentData()
        desks = list(desks)
        if chosen is not None and chosen not in desks:
            desks.append(chosen)
        shown_now = [self.desk_combo.itemData(index) for index in range(1, self.desk_combo.count())]
        if shown_now == desks:
            return
        self.desk_combo.blockSignals(True)
        while self.desk_combo.count() > 1:
            self.desk_combo.removeItem(1)
        for desk in desks:
            self.desk_combo.addItem(shown(desk, 40), desk)
        self.desk_combo.setCurrentIndex(max(0, self.desk_combo.findData(chosen)) if chosen is not None else 0)
        self.desk_combo.blockSignals(False)

    def server_state_changed(self) -> None:
        """The shop database came or went: what the window says about it follows."""
        if self.case_log.shared:
            self._show_server_state()

    def _show_server_state(self) -> None:
        link = getattr(self.case_log, "link", None)
        if link is not None and link.status.reachable is False:
            self.status_label.setText(
                self.tr("The shop database cannot be reached, so only this desk's cases that wait to go up are shown.")
            )
        elif self.status_label.property("server") == "away":
            self.status_label.clear()
        self.status_label.setProperty("server", "away" if link is not None and link.status.reachable is False else "")

    def selected_case(self) -> Case | None:
        row = self.table.currentIndex().row()
        return self.model.cases[row] if 0 <= row < len(self.model.cases) else None

    def _show_case(self, row: int) -> None:
        case = self.model.cases[row] if 0 <= row < len(self.model.cases) else None
        for widget in (self.notes_input, self.save_notes_button, self.delete_button):
            widget.setEnabled(case is not None)
        # Save and print only a request that is ready (its account ID and IMEI are right): read, then enabled.
        self.reprint_button.setEnabled(False)
        self.pdf_button.setEnabled(False)
        if case is not None and case.draft_id:
            self._read_request(case)
        if case is None:
            self.details_label.setText(self.tr("No case selected."))
            self.notes_input.clear()
            self._notes_shown = None
            return
        checks = case.checklist
        lines = [
            self.tr("Opened: {time}").format(time=local_time(case.opened_at)),
            self.tr("Closed: {time}").format(time=local_time(case.closed_at) or "-"),
            self.tr("Outcome: {outcome}").format(outcome=self.describe_outcome(case.outcome)),
            self.tr("Account: {account}").format(account=case.identifier_masked or "-"),
            self.tr("Customer: {name}").format(
                name=" · ".join(part for part in (case.customer_name, case.customer_contact) if part) or "-"
            ),
            self.tr("Device: {model} {imei}").format(model=case.device_model or "-", imei=case.imei),
            *self._desk_lines(case),
            self.tr("Steps: {steps}").format(steps=", ".join(self.describe_step(step) for step, _ in case.steps)),
        ]
        if checks:
            yes, no = self.tr("yes"), self.tr("no")
            lines.append(
                self.tr(
                    "Ownership: proof of purchase {proof}, box IMEI matches {box}, identity checked {identity}"
                ).format(
                    proof=yes if checks.get("proof_of_purchase_seen") else no,
                    box=yes if checks.get("box_imei_matches") else no,
                    identity=yes if checks.get("owner_identity_checked") else no,
                )
            )
            if checks.get("checked_by"):
                lines.append(self.tr("Checked by: {name}").format(name=checks["checked_by"]))
        self.details_label.setText("\n".join(shown(line, 300) for line in lines))
        typing = self._notes_shown is not None and self._notes_shown[0] == case.id
        if typing and self.notes_input.toPlainText() != self._notes_shown[1]:  # type: ignore[index]
            return  # the list was read again while notes were being typed for this case: they stay
        self.notes_input.set_text(case.notes)
        self._notes_shown = (case.id, self.notes_input.toPlainText())

    def _desk_lines(self, case: Case) -> list[str]:
        """Where the case is from, and who has it when it is open at another desk."""
        marks = [self.tr("A self-test of the desk's connection (mirecovery --self-test).")] if case.self_test else []
        if not self.case_log.shared or not case.desk:
            return marks
        holder = case.changed_at_desk or case.desk
        if case.outcome is Outcome.OPEN and holder != self.case_log.desk:
            who = self.tr("Open at desk {desk}, with {staff}.").format(desk=holder, staff=case.staff or "-")
            return [*marks, who]
        lines = [*marks, self.tr("Desk: {desk}").format(desk=case.desk)]
        if case.changed_at_desk and case.changed_at_desk != case.desk:
            lines.append(self.tr("Last changed at desk {desk}").format(desk=case.changed_at_desk))
        return lines

    # --- acting -----------------------------------------------------------------------------------

    def _on_save_notes_button_clicked(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        notes = self.notes_input.toPlainText()[:NOTES_MAX]
        case_log, expected = self.case_log, case.notes
        self.save_notes_button.setEnabled(False)
        self.reads.run(
            "notes",
            lambda: case_log.set_notes(case.id, notes, expected=expected),
            lambda result: self._on_notes_saved(case, notes, result),
        )

    def _on_notes_saved(self, case: Case, notes: str, result: object) -> None:
        self.save_notes_button.setEnabled(self.selected_case() is not None)
        if not isinstance(result, NotesSaved):
            log.warning("notes could not be saved (%s)", type(result).__name__)
            if self.case_log.shared:
                # Notes go to the shop database at once (they are compared with theirs there): not queued.
                self.status_label.setText(
                    self.tr(
                        "The shop database cannot be reached, so the notes could not be saved. They are still in "
                        "the field: save them again when the foot of the window says connected."
                    )
                )
            else:
                self.status_label.setText(
                    self.tr("The notes could not be saved. They are still in the field; try again in a moment.")
                )
            return
        if result.saved:
            case.notes = notes
            if self._notes_shown is not None and self._notes_shown[0] == case.id:
                self._notes_shown = (case.id, self.notes_input.toPlainText())
            self.status_label.setText(self.tr("Notes saved."))
        elif result.gone:
            self.status_label.setText(self.tr("This case was deleted meanwhile, so there is nothing to add notes to."))
        else:
            # Someone saved other notes meanwhile (another window): nothing is overwritten.
            # What was typed stays in the field; a second press replaces theirs knowingly.
            case.notes = result.meanwhile
            self.status_label.setText(
                self.tr(
                    "These notes were changed elsewhere meanwhile, so yours were not saved. Theirs: «{notes}». "
                    "Press Save notes again to replace them with yours."
                ).format(notes=shown(result.meanwhile, 200))
            )

    def _read_request(self, case: Case) -> None:
        drafts, directory, draft_id = self.drafts, self.directory, case.draft_id

        def compose() -> PreparedRequest | None:
            draft = drafts.load(draft_id) if draft_id else None
            if draft is None:
                return None
            prepared = prepare(draft.facts, directory(), draft.language, draft.destination)
            return prepared if prepared.ready else None

        self.reads.run("request", compose, lambda result: self._on_request_read(case.id, result))

    def _on_request_read(self, case_id: str, result: object) -> None:
        self._requests[case_id] = result if isinstance(result, PreparedRequest) else None
        selected = self.selected_case()
        if selected is not None and selected.id == case_id:
            ready = self._requests[case_id] is not None
            self.reprint_button.setEnabled(ready)
            self.pdf_button.setEnabled(ready)

    def _prepared(self, case: Case) -> PreparedRequest | None:
        """The case's support request, composed as the page composed it; None unless it is ready (and read)."""
        return self._requests.get(case.id)

    def _on_reprint_button_clicked(self) -> None:
        case = self.selected_case()
        prepared = self._prepared(case) if case else None
        if prepared is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from mirecovery_gui.gui.support_document import print_request

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        print_request(prepared, printer)
        self.status_label.setText(self.tr("Sent to the printer."))

    def _on_pdf_button_clicked(self) -> None:
        case = self.selected_case()
        prepared = self._prepared(case) if case else None
        if prepared is None:
            return
        target = dialogs.ask_save_path(
            self, self.tr("Save the request as PDF"), "mi-account-support.pdf", self.tr("PDF files (*.pdf)")
        )
        if target is None:
            return
        from mirecovery_gui.gui.support_document import write_pdf

        try:
            write_pdf(prepared, target)
        except OSError:
            log.exception("saving the PDF failed")
            self.status_label.setText(self.tr("The PDF could not be saved there. Choose another folder."))
            return
        self.status_label.setText(self.tr("Saved: {path}").format(path=shown(str(target), 300)))

    def _on_delete_button_clicked(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        who = case.customer_name or case.identifier_masked or self.tr("this case")
        holder = case.changed_at_desk or case.desk  # the desk that has it: the one that changed it last
        elsewhere = self.case_log.shared and case.outcome is Outcome.OPEN and holder != self.case_log.desk
        question = (
            self.tr(
                "The case of {who} is in progress at desk {desk} (with {staff}). Delete it and its support request "
                "from the shop database anyway? That desk's recovery of it ends, and nothing of it is kept. This "
                "cannot be undone."
            )
            if elsewhere
            else self.tr(
                "Delete the case of {who} and its support request from the shop database, for every desk? "
                "This cannot be undone."
            )
            if self.case_log.shared
            else self.tr("Delete the case of {who} and its support request from this computer? This cannot be undone.")
        )
        if not dialogs.ask(
            self,
            self.tr("Delete this customer's data?"),
            question.format(who=shown(who, 80), desk=shown(holder, 40), staff=shown(case.staff or "-", 80)),
            self.tr("&Delete"),
            self.tr("&Keep"),
        ):
            return
        self._forget([case.id])
        self._requests.pop(case.id, None)
        self.case_log.delete([case.id], drafts_of=[case.draft_id] if case.draft_id else [])
        self._after_deleting()

    def _after_deleting(self) -> None:
        """Says when the deletion is done (waiting for it off the window's thread), then shows the list again."""
        case_log = self.case_log
        self.reads.run("deleted", lambda: case_log.flush(5.0), self._on_deleted)

    def _on_deleted(self, done: object) -> None:
        if done is True:
            self.status_label.setText(self.tr("Deleted."))
        elif self.case_log.shared:
            self.status_label.setText(
                self.tr(
                    "Not deleted yet: the shop database cannot be reached. It is deleted there as soon as it can "
                    "be; this desk keeps no copy meanwhile."
                )
            )
        else:
            # The disk refused: the customer is still in the file until the writer gets through.
            self.status_label.setText(
                self.tr(
                    "Not deleted yet: the case log cannot be written right now. It is deleted as soon as it can "
                    "be, while mirecovery stays open."
                )
            )
        self.refresh()

    def _on_delete_all_button_clicked(self) -> None:
        if not dialogs.ask(
            self,
            self.tr("Delete all the shop's cases?"),
            self.tr(
                "Delete every case and support request of the shop, from every desk, from the shop database? "
                "This cannot be undone."
            ),
            self.tr("&Delete everything"),
            self.tr("&Keep"),
        ):
            return
        self._forget(None)
        self._requests.clear()
        self.case_log.delete_shop_cases()
        self._after_deleting()

    def csv_text(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(self.model.headers)
        for case in self.model.cases:
            writer.writerow([_csv_safe(value) for value in self.model.values(case)])
        return buffer.getvalue()

    def _on_csv_button_clicked(self) -> None:
        target = dialogs.ask_save_path(self, self.tr("Export the list"), "mirecovery-cases.csv", "CSV (*.csv)")
        if target is None:
            return
        try:
            write_atomically(target, self.csv_text())
        except OSError:
            log.exception("CSV export failed")
            self.status_label.setText(self.tr("The file could not be saved there. Choose another folder."))
            return
        self.status_label.setText(self.tr("Exported {count} cases.").format(count=len(self.model.cases)))


def _csv_safe(value: str) -> str:
    # A cell starting with = + - @ runs as a formula in a spreadsheet (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
