"""Settings > Shop database: where the shop's case log is, this desk's name, TLS, and the password."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui.gui.i18n import TextBook, address_problem, named
from mirecovery_gui.store.shop_database import SSL_MODES, ShopAddress, ShopAddressError


class ShopDatabaseDialog(QDialog):
    """Asks for the address without its TLS options (they have fields of their own) and never shows a password."""

    def __init__(self, url: str, desk: str, computer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shop_database_dialog")
        self.texts = TextBook()
        self.texts.keep(self.setWindowTitle, lambda: self.tr("Shop database"))
        try:
            address: ShopAddress | None = ShopAddress.parse(url) if url else None
        except ShopAddressError:
            address = None

        intro = QLabel(self)
        intro.setWordWrap(True)
        self.texts.keep(
            intro.setText,
            lambda: self.tr(
                "Several desks can keep one case log on the shop's PostgreSQL server. Leave the address empty "
                "to keep cases on this computer only. The change applies when mirecovery starts again."
            ),
        )
        self.address_input = QLineEdit(self)
        self.address_input.setObjectName("shop_db_address_input")
        self.address_input.setPlaceholderText("postgresql://desk1@192.168.1.10:5432/mirecovery")
        self.address_input.setText(_without_tls(address) if address is not None else url)
        self.desk_input = QLineEdit(desk, self)
        self.desk_input.setObjectName("shop_db_desk_input")
        self.desk_input.setMaxLength(40)
        self.desk_input.setPlaceholderText(computer)
        self.sslmode_combo = QComboBox(self)
        self.sslmode_combo.setObjectName("shop_db_sslmode_combo")
        for mode in SSL_MODES:
            self.sslmode_combo.addItem("", mode)
        self.sslmode_combo.setCurrentIndex(self.sslmode_combo.findData(address.sslmode if address else "prefer"))
        self.ca_input = QLineEdit(address.sslrootcert if address else "", self)
        self.ca_input.setObjectName("shop_db_ca_input")
        self.ca_button = QPushButton(self)
        self.ca_button.setObjectName("shop_db_ca_button")
        self.texts.keep(self.ca_button.setText, lambda: self.tr("C&hoose…"))
        self.texts.keep(named(self.ca_button), lambda: self.tr("Choose the CA file"))
        self.ca_button.clicked.connect(self._on_ca_button_clicked)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_input, 1)
        ca_row.addWidget(self.ca_button)
        self.password_input = QLineEdit(self)
        self.password_input.setObjectName("shop_db_password_input")
        self.password_input.setEchoMode(QLineEdit.EchoMode.Password)
        from mirecovery_gui.store.shop_database import keyring_available

        if keyring_available():
            self.texts.keep(
                self.password_input.setPlaceholderText, lambda: self.tr("Unchanged (kept in the system's keyring)")
            )
        else:
            # Nothing could keep it until the next start, when the setting applies: asked for then instead.
            self.password_input.setEnabled(False)
            self.texts.keep(
                self.password_input.setPlaceholderText, lambda: self.tr("No keyring here: asked at each start")
            )
        self.error_label = QLabel(self)
        self.error_label.setObjectName("shop_db_error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: list[tuple[QLabel, str]] = []
        self._row(form, "Server &address:", self.address_input)
        self._row(form, "&This desk's name:", self.desk_input)
        self._row(form, "TL&S (sslmode):", self.sslmode_combo)
        self._row(form, "&CA file (sslrootcert):", ca_row, self.ca_input)
        self._row(form, "&Password:", self.password_input)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._retranslate()
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    def _row(self, form: QFormLayout, text: str, field: QWidget | QHBoxLayout, buddy: QWidget | None = None) -> None:
        label = QLabel(self)
        label.setBuddy(buddy or field)  # type: ignore[arg-type]
        self._labels.append((label, text))
        form.addRow(label, field)

    def _retranslate(self) -> None:
        texts = {
            "Server &address:": self.tr("Server &address:"),
            "&This desk's name:": self.tr("&This desk's name:"),
            "TL&S (sslmode):": self.tr("TL&S (sslmode):"),
            "&CA file (sslrootcert):": self.tr("&CA file (sslrootcert):"),
            "&Password:": self.tr("&Password:"),
        }
        for label, key in self._labels:
            label.setText(texts[key])
        modes = {
            "disable": self.tr("disable: never encrypted"),
            "prefer": self.tr("prefer: encrypted when the server offers it"),
            "require": self.tr("require: always encrypted, server not checked"),
            "verify-ca": self.tr("verify-ca: encrypted, certificate checked against the CA file"),
            "verify-full": self.tr("verify-full: encrypted, certificate and server name checked (best)"),
        }
        for index in range(self.sslmode_combo.count()):
            self.sslmode_combo.setItemText(index, modes[str(self.sslmode_combo.itemData(index))])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.apply()
            self._retranslate()
        super().changeEvent(event)

    def _on_ca_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The shop's CA certificate"), self.ca_input.text(), self.tr("Certificates (*.pem *.crt)")
        )
        if path:
            self.ca_input.setText(path)

    def url(self) -> str:
        """The address with its TLS options, as Settings keeps it ("" : cases stay on this computer)."""
        text = self.address_input.text().strip()
        if not text:
            return ""
        base = text.split("?", 1)[0]
        options = {"sslmode": str(self.sslmode_combo.currentData())}
        if self.ca_input.text().strip():
            options["sslrootcert"] = self.ca_input.text().strip()
        if options == {"sslmode": "prefer"}:
            return base
        return f"{base}?{urlencode(options, quote_via=quote, safe='/')}"

    def desk(self) -> str:
        return " ".join(self.desk_input.text().split())

    def password(self) -> str:
        """The password typed ("" : unchanged); the caller gives it to the keyring, never to settings."""
        return self.password_input.text()

    def _take_typed_options(self) -> None:
        """TLS options typed (or pasted) into the address go to their own fields, never silently dropped."""
        text = self.address_input.text().strip()
        if "?" not in text:
            return
        try:
            typed = ShopAddress.parse(text)
        except ShopAddressError:
            return  # the check on Save says why
        self.sslmode_combo.setCurrentIndex(self.sslmode_combo.findData(typed.sslmode))
        if typed.sslrootcert:
            self.ca_input.setText(typed.sslrootcert)
        self.address_input.setText(_without_tls(typed))

    def _on_buttons_accepted(self) -> None:
        self._take_typed_options()
        if str(self.sslmode_combo.currentData()).startswith("verify") and not self.ca_input.text().strip():
            self.error_label.setText(
                self.tr("{mode} checks the server against the shop's CA file: choose the CA file.").format(
                    mode=self.sslmode_combo.currentData()
                )
            )
            self.error_label.show()
            self.ca_input.setFocus()
            return
        url = self.url()
        if url:
            try:
                ShopAddress.parse(url)
            except ShopAddressError as exc:
                self.error_label.setText(
                    self.tr("This address cannot be used: {reason}").format(reason=address_problem(exc))
                )
                self.error_label.show()
                self.address_input.setFocus()
                return
        self.accept()


def _without_tls(address: ShopAddress) -> str:
    host = f"[{address.host}]" if ":" in address.host else address.host
    return f"postgresql://{quote(address.user)}@{host}:{address.port}/{quote(address.database)}"
