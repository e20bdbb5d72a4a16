"""Settings: language, region, shop mode, staff, case recording, retention, provider, erase."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui.gui import dialogs
from mirecovery_gui.gui.i18n import TextBook
from mirecovery_gui.gui.widgets.country_combo import CountryCombo
from mirecovery_gui.store.settings import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, Settings


class SettingsDialog(QDialog):
    erase_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        computer: str = "",
        shop_in_use: str = "",
        desk_in_use: str = "",
    ) -> None:
        super().__init__(parent)
        self._desk_in_use = desk_in_use  # this run's desk name (--desk, MIRECOVERY_DESK or Settings)
        self._computer = computer  # the desk's name when none is set
        self._shop_in_use = shop_in_use  # the shop database this run uses (--case-db may differ from Settings)
        self._shop_url = settings.shop_database
        self._desk = settings.desk_name
        self._shop_password = ""
        self.setObjectName("settings_dialog")
        self.texts = TextBook()
        self.texts.keep(self.setWindowTitle, lambda: self.tr("Settings"))
        self._settings = settings

        general = QGroupBox(self)

        self.texts.keep(general.setTitle, lambda: self.tr("General"))
        # A wrapped label gets its height in a box layout (a form layout row would cut its lines off).
        general_column = QVBoxLayout(general)
        form = QFormLayout()
        general_column.addLayout(form)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("settings_language_combo")
        self.language_combo.addItem(self.tr("Same as the system"), "")
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("Bahasa Indonesia", "id")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self._row(form, self.tr("&Language:"), self.language_combo)
        self.scheme_combo = QComboBox(self)
        self.scheme_combo.setObjectName("settings_scheme_combo")
        self.scheme_combo.addItem(self.tr("Same as the system"), "")
        self.scheme_combo.addItem(self.tr("Light"), "light")
        self.scheme_combo.addItem(self.tr("Dark"), "dark")
        self.scheme_combo.setCurrentIndex(max(0, self.scheme_combo.findData(settings.scheme)))
        self._row(form, self.tr("C&olours:"), self.scheme_combo)
        self.region_combo = CountryCombo(settings.default_region, self)
        self.region_combo.setObjectName("settings_region_combo")
        self.region_combo.fill()
        self._row(form, self.tr("Country for local &numbers:"), self.region_combo)
        self.provider_combo = QComboBox(self)
        self.provider_combo.setObjectName("settings_provider_combo")
        self.provider_combo.addItem(self.tr("Ask at start"), "")
        self.provider_combo.addItem(self.tr("Training (offline practice)"), "training")
        self.provider_combo.addItem(self.tr("Xiaomi account"), "xiaomi")
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(settings.provider)))
        self._row(form, self.tr("Start &with:"), self.provider_combo)
        self.real_account_combo = QComboBox(self)
        self.real_account_combo.setObjectName("settings_real_account_combo")
        self.real_account_combo.addItem(self.tr("Xiaomi's own page inside the app"), "embedded")
        self.real_account_combo.addItem(self.tr("Direct to Xiaomi's service (experimental)"), "direct")
        self.real_account_combo.setCurrentIndex(max(0, self.real_account_combo.findData(settings.real_account_mode)))
        self._row(form, self.tr("&Real accounts:"), self.real_account_combo)
        # What each mode can and cannot promise, under the choice (the README says the same at length).
        self.real_account_label = QLabel(self)
        self.real_account_label.setObjectName("settings_real_account_label")
        self.real_account_label.setWordWrap(True)
        self.real_account_label.setTextFormat(Qt.TextFormat.PlainText)
        general_column.addWidget(self.real_account_label)
        self.real_account_combo.currentIndexChanged.connect(self._on_real_account_combo_changed)
        self._on_real_account_combo_changed()

        shop = QGroupBox(self)

        self.texts.keep(shop.setTitle, lambda: self.tr("Shop"))
        # A wrapped label gets its height in a box layout (a form layout row would cut its lines off).
        shop_column = QVBoxLayout(shop)
        shop_form = QFormLayout()
        shop_column.addLayout(shop_form)
        self.shop_mode_checkbox = QCheckBox(self)
        self.texts.keep(
            self.shop_mode_checkbox.setText, lambda: self.tr("Shop &mode: customer fields and the case history")
        )
        self.shop_mode_checkbox.setObjectName("settings_shop_mode")
        self.shop_mode_checkbox.setChecked(settings.shop_mode)
        shop_form.addRow(self.shop_mode_checkbox)
        self.staff_input = QLineEdit(settings.staff_name, self)
        self.staff_input.setObjectName("settings_staff_input")
        self.staff_input.setMaxLength(80)
        self._row(shop_form, self.tr("&Staff name:"), self.staff_input)
        self.shop_database_label = QLabel(self)
        self.shop_database_label.setObjectName("settings_shop_database_label")
        self.shop_database_label.setTextFormat(Qt.TextFormat.PlainText)
        self.shop_database_label.setWordWrap(True)
        self.shop_database_button = QPushButton(self)
        self.shop_database_button.setObjectName("settings_shop_database_button")
        self.texts.keep(self.shop_database_button.setText, lambda: self.tr("Shop data&base…"))
        self.shop_database_button.clicked.connect(self._on_shop_database_button_clicked)
        shop_column.addWidget(self.shop_database_label)
        shop_row = QHBoxLayout()
        shop_row.addWidget(self.shop_database_button)
        shop_row.addStretch(1)
        shop_column.addLayout(shop_row)
        self._show_shop_database()

        privacy = QGroupBox(self)

        self.texts.keep(privacy.setTitle, lambda: self.tr("Privacy"))
        privacy_form = QFormLayout(privacy)
        self.record_checkbox = QCheckBox(self)
        self.texts.keep(
            self.record_checkbox.setText, lambda: self.tr("&Record cases (a masked identifier, the steps, the outcome)")
        )
        self.record_checkbox.setObjectName("settings_record_cases")
        self.record_checkbox.setChecked(settings.record_cases)
        privacy_form.addRow(self.record_checkbox)
        self.retention_spin = QSpinBox(self)
        self.retention_spin.setObjectName("settings_retention_spin")
        self.retention_spin.setRange(MIN_RETENTION_DAYS, MAX_RETENTION_DAYS)
        self.retention_spin.setValue(settings.retention_days)
        self.retention_spin.setSuffix(self.tr(" days"))
        retention_label = self._row(privacy_form, self.tr("&Keep cases for:"), self.retention_spin)
        note = QLabel(
            self.tr(
                "Passwords, codes and captcha answers are never stored. Cases and support-request drafts are "
                "kept on the shop database, which deletes them after the shop's own number of days (its owner "
                "sets it). This computer keeps only what waits to go up."
            )
            if shop_in_use
            else self.tr(
                "Passwords, codes and captcha answers are never stored. Cases and support-request "
                "drafts stay on this computer and are deleted after this many days."
            ),
            self,
        )
        # On a shop database the server's retention applies (its owner sets it): no number here to mislead.
        self.retention_spin.setVisible(not shop_in_use)
        retention_label.setVisible(not shop_in_use)
        note.setWordWrap(True)
        privacy_form.addRow(note)
        self.erase_button = QPushButton(self)
        self.texts.keep(self.erase_button.setText, lambda: self.tr("&Delete all data…"))
        self.erase_button.setObjectName("delete_all_button")
        self.erase_button.clicked.connect(self._on_erase_button_clicked)
        privacy_form.addRow(self.erase_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for box in (general, shop, privacy):
            layout.addWidget(box)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        # The wrapped texts need more lines in some languages: the window takes the height they need at
        # its width, so no field is squeezed (a window's first size ignores height-for-width).
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            width = self.width()
            needed = layout.totalHeightForWidth(width)
            screen = self.screen()
            if screen is not None:
                # On a low screen (1024x600) wider is shorter: the wrapped texts take fewer lines.
                room = screen.availableGeometry()
                while needed > room.height() - 48 and width < room.width() - 48:
                    width = min(room.width() - 48, width + 80)
                    needed = layout.totalHeightForWidth(width)
            if needed > self.height() or width > self.width():
                self.resize(width, max(needed, self.height()))

    def _on_real_account_combo_changed(self) -> None:
        if self.real_account_combo.currentData() == "direct":
            text = self.tr(
                "Experimental. The app's own pages talk to Xiaomi's service the way public code does. Public "
                "evidence contradicts parts of it, so it may stop at the first step; it then hands over to "
                "Xiaomi's page inside the app."
            )
        else:
            text = self.tr(
                "Recommended. Xiaomi's own forgot-password page inside the app: its captcha and codes work as "
                "in a browser. Nothing of it is kept, and the app cannot see whether it worked: the buttons "
                "above it say how it went."
            )
        self.real_account_label.setText(text)
        if self.isVisible():
            self._fit_height()

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        form.addRow(label, field)
        return label

    def settings(self) -> Settings:
        return replace(
            self._settings,
            language=str(self.language_combo.currentData()),
            scheme=str(self.scheme_combo.currentData()),
            default_region=self.region_combo.region(),
            provider=str(self.provider_combo.currentData()),
            real_account_mode=str(self.real_account_combo.currentData()),
            shop_mode=self.shop_mode_checkbox.isChecked(),
            staff_name=self.staff_input.text(),
            record_cases=self.record_checkbox.isChecked(),
            retention_days=self.retention_spin.value(),
            shop_database=self._shop_url,
            desk_name=self._desk,
        ).checked()

    def shop_password(self) -> str:
        """A new password for the shop database ("" : unchanged): for the keyring, never for the settings file."""
        return self._shop_password

    def _show_shop_database(self) -> None:
        in_use = self._shop_in_use
        if in_use and in_use != self._shop_url:
            # --case-db or MIRECOVERY_CASE_DB for this run: what is in use, and what Settings keep apart.
            text = self.tr(
                "Shop database in use now: {address} (desk {desk}; given when mirecovery was started)."
            ).format(address=in_use, desk=self._desk_in_use or self._computer)
            if self._shop_url:
                text += " " + self.tr("Settings keep: {address}.").format(address=self._shop_url)
            self.shop_database_label.setText(text)
            return
        if self._shop_url:
            text = self.tr("Shop database: {address} (desk {desk})").format(
                address=self._shop_url, desk=self._desk or self._desk_in_use or self._computer
            )
        else:
            text = self.tr("Shop database: none, cases stay on this computer")
        self.shop_database_label.setText(text)

    def _on_shop_database_button_clicked(self) -> None:
        from mirecovery_gui.gui.shop_database_dialog import ShopDatabaseDialog

        desk = self._desk or (self._desk_in_use if self._desk_in_use != self._computer else "")
        dialog = ShopDatabaseDialog(self._shop_url or self._shop_in_use, desk, self._computer, self)
        try:
            if dialog.exec() == ShopDatabaseDialog.DialogCode.Accepted:
                self._shop_url, self._desk = dialog.url(), dialog.desk()
                self._shop_password = dialog.password() or self._shop_password
                self._show_shop_database()
        finally:
            dialog.deleteLater()

    def _on_erase_button_clicked(self) -> None:
        question = (
            self.tr(
                "Delete the changes waiting on this computer and the log files? The shop's cases stay on the "
                "shop database: a manager deletes them in Case history. This cannot be undone."
            )
            if self._shop_in_use
            else self.tr(
                "Delete every case, every support-request draft and the log files from this computer? "
                "This cannot be undone."
            )
        )
        if dialogs.ask(
            self,
            self.tr("Delete all data?"),
            question,
            self.tr("&Delete everything"),
            self.tr("&Keep"),
        ):
            self.erase_requested.emit()
