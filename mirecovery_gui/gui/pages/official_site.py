"""Xiaomi's own forgot-password page: inside the wizard when Qt WebEngine is there, else outside.

Embedded (the default real-account mode, and the practice site in training): the page in the middle,
the guide to what it will ask beside it, the address and whether it is encrypted above it, and the
buttons for how it went below. Without Qt WebEngine, and as the direct profile's last resort before it,
the page is opened in the system browser and as a QR code for the owner's phone.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QKeySequence, QPaintEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mirecovery_gui.core.flow import Step, SupportReason
from mirecovery_gui.gui.i18n import shown
from mirecovery_gui.gui.pages.base import RecoveryPage
from mirecovery_gui.gui.theme import Tone, ToneLabel
from mirecovery_gui.gui.widgets.flow_layout import flow_row
from mirecovery_gui.gui.widgets.link_button import LinkButton
from mirecovery_gui.gui.widgets.qr_view import QrView
from mirecovery_gui.recovery.calls import Customer

if TYPE_CHECKING:
    from PySide6.QtNetwork import QNetworkCookie

    from mirecovery_gui.gui.pages.base import PageHost

log = logging.getLogger(__name__)


class OfficialSitePage(RecoveryPage):
    step = Step.OFFICIAL_SITE

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.embedded_box: QWidget | None = None  # built the first time Xiaomi's page is shown inside
        self._view_url = ""  # the address the web view opens once the page has painted
        self._load_failed = False  # the last load of the page did not arrive
        self._webengine_ok: bool | None = None
        self.view: Any = None  # the OfficialView, with Qt WebEngine: imported only then
        self.keep(self.set_heading, self._heading)
        self.keep(self.set_intro, self._intro)
        self.checklist_label = self.paragraph(
            lambda: self.tr(
                "1. Open the page (button below, or scan the code with the phone's camera).\n"
                "2. Type the email, phone number or Mi account ID.\n"
                "3. Type the characters in the picture.\n"
                "4. Press Send to get a verification code by SMS or email.\n"
                "5. Type the code (Resend if it does not come in a minute; check Spam).\n"
                "6. Choose the new password, then sign in again on the phone."
            ),
            "official_checklist_label",
        )
        self.qr_view = QrView(self)
        self.keep(self.qr_view.setAccessibleName, lambda: self.tr("QR code of the official forgot-password page"))
        self.scan_label = QLabel(self)
        self.keep(self.scan_label.setText, lambda: self.tr("Scan to open it on the phone:"))
        self.url_label = QLabel(self)
        self.url_label.setObjectName("official_url_label")
        self.url_label.setTextFormat(Qt.TextFormat.PlainText)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_site_button = QPushButton(self)
        self.keep(self.open_site_button.setText, lambda: self.tr("&Open the official website"))
        self.open_site_button.setObjectName("open_site_button")
        self.open_site_button.clicked.connect(self._on_open_site_button_clicked)
        self.support_button = LinkButton(self)
        self.keep(self.support_button.setText, lambda: self.tr("No email or phone? Prepare a &support request"))
        self.support_button.setObjectName("official_support_button")
        self.support_button.clicked.connect(
            lambda: self.host.perform(self.session.go_support(SupportReason.CONTACTS_LOST))
        )
        actions_box = QWidget(self)
        actions = QVBoxLayout(actions_box)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.url_label)
        actions.addWidget(self.open_site_button, 0, Qt.AlignmentFlag.AlignLeft)
        actions.addWidget(self.support_button, 0, Qt.AlignmentFlag.AlignLeft)
        actions.addStretch(1)
        code_box = QWidget(self)
        code = QVBoxLayout(code_box)
        code.setContentsMargins(0, 0, 0, 0)
        code.addWidget(self.scan_label)
        code.addWidget(self.qr_view)
        # The code beside the buttons where there is room, under them where there is not.
        self.outside_box = flow_row(self, actions_box, code_box, spacing=16)
        self.body.addWidget(self.outside_box)
        # How it went, in either mode (the case records it): under the hand-off here, above the page
        # when Xiaomi's page is shown inside.
        self.worked_button = QPushButton(self)
        self.worked_button.setObjectName("official_worked_button")
        self.keep(self.worked_button.setText, lambda: self.tr("It &worked"))
        self.worked_button.clicked.connect(lambda: self.host.perform(self.session.official_worked()))
        self.no_code_button = QPushButton(self)
        self.no_code_button.setObjectName("official_no_code_button")
        self.keep(self.no_code_button.setText, lambda: self.tr("The code does not &come"))
        self.no_code_button.clicked.connect(self.session.official_code_missing)
        self.no_contact_button = QPushButton(self)
        self.no_contact_button.setObjectName("official_no_contact_button")
        self.keep(self.no_contact_button.setText, lambda: self.tr("No email or phone any &more"))
        self.no_contact_button.clicked.connect(lambda: self.host.perform(self.session.official_no_contact()))
        self.outcome_box = flow_row(self, self.worked_button, self.no_code_button, self.no_contact_button)
        # Shop mode: who the customer is, for the case log only (nothing is read from Xiaomi's page). One
        # row under the buttons (two where narrow): it takes no height the page needs.
        self.customer_name_input = QLineEdit(self)
        self.customer_name_input.setObjectName("official_customer_name_input")
        self.customer_name_input.setMaxLength(100)
        self.keep(self.customer_name_input.setPlaceholderText, lambda: self.tr("optional"))
        self.customer_contact_input = QLineEdit(self)
        self.customer_contact_input.setObjectName("official_customer_contact_input")
        self.customer_contact_input.setMaxLength(100)
        self.keep(self.customer_contact_input.setPlaceholderText, lambda: self.tr("phone or email"))
        name_label = QLabel(self)
        self.keep(name_label.setText, lambda: self.tr("Customer &name:"))
        name_label.setBuddy(self.customer_name_input)
        contact_label = QLabel(self)
        self.keep(contact_label.setText, lambda: self.tr("Customer con&tact:"))
        contact_label.setBuddy(self.customer_contact_input)
        pairs = []
        for label, field in ((name_label, self.customer_name_input), (contact_label, self.customer_contact_input)):
            pair = QWidget(self)
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.addWidget(label)
            pair_layout.addWidget(field)
            field.setMinimumWidth(self.fontMetrics().averageCharWidth() * 22)
            pairs.append(pair)
        self.customer_box = flow_row(self, *pairs, spacing=16)
        self.customer_box.setObjectName("official_customer_box")
        self.customer_name_input.textChanged.connect(self._on_customer_input_changed)
        self.customer_contact_input.textChanged.connect(self._on_customer_input_changed)
        self.customer_box.hide()
        self.body.addWidget(self.customer_box)
        self.support_button.hide()  # "No email or phone any more" does the same, beside the other outcomes
        self.body.addWidget(self.outcome_box)
        self.hint_label = self.paragraph(self._hint, "official_hint_label")
        self.hint_label.hide()

    # --- inside the wizard -------------------------------------------------------------------------

    def _embedded(self) -> bool:
        """Whether Xiaomi's page can be shown inside (Qt WebEngine there and loadable), asked cheaply."""
        if self._webengine_ok is None:
            import importlib.util

            try:
                self._webengine_ok = importlib.util.find_spec("PySide6.QtWebEngineWidgets") is not None
            except (ImportError, ValueError):
                self._webengine_ok = False
            if self._webengine_ok and root_without_sandbox_switch():
                # Chromium aborts the whole process when started as root with its sandbox on; the app
                # never turns the sandbox off, so Xiaomi's page opens in the system browser instead.
                log.warning("running as root: Xiaomi's page opens outside (Qt WebEngine needs its sandbox)")
                self._webengine_ok = False
        return self._webengine_ok

    def _build_embedded(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.address_label = QLabel(box)
        self.address_label.setObjectName("official_address_label")
        self.address_label.setTextFormat(Qt.TextFormat.PlainText)
        # An address has no spaces to wrap at: it is shown with invisible break points after its
        # slashes and dots, so it never widens the page (the tooltip has it as it is).
        self.address_label.setWordWrap(True)
        self.reload_button = QPushButton(box)
        self.reload_button.setObjectName("official_reload_button")
        self.keep(self.reload_button.setText, lambda: self.tr("&Reload"))
        self.reload_button.clicked.connect(self._on_reload_button_clicked)
        self.outside_button = QPushButton(box)
        self.outside_button.setObjectName("official_outside_button")
        self.keep(self.outside_button.setText, lambda: self.tr("&Open in the browser"))
        self.outside_button.clicked.connect(self._on_outside_button_clicked)
        self.tls_label = ToneLabel(box)
        self.tls_label.setObjectName("official_tls_label")
        self.tls_label.setTextFormat(Qt.TextFormat.PlainText)
        self._address = ("", False)
        self.keep(self.tls_label.setText, self._tls_text)
        layout.addWidget(self.tls_label)
        layout.addWidget(self.address_label)
        # Where the window is narrow the guide sits above the page, folded away until asked for.
        self.guide_button = QPushButton(box)
        self.guide_button.setObjectName("official_guide_button")
        self.guide_button.setCheckable(True)
        self.keep(self.guide_button.setText, lambda: self.tr("&Guide"))
        self.guide_button.toggled.connect(lambda _shown: self._fit_direction())
        layout.addWidget(flow_row(box, self.reload_button, self.outside_button, self.guide_button))
        # From the direct profile: what was typed there, to type (or paste) on Xiaomi's page. The app
        # never fills the page's fields itself.
        self.identifier_label = QLabel(box)
        self.identifier_label.setObjectName("official_identifier_label")
        self.identifier_label.setTextFormat(Qt.TextFormat.PlainText)
        self.identifier_label.setWordWrap(True)
        self.copy_identifier_button = QPushButton(box)
        self.copy_identifier_button.setObjectName("official_copy_identifier_button")
        self.keep(self.copy_identifier_button.setText, lambda: self.tr("Cop&y"))
        self.copy_identifier_button.clicked.connect(self._on_copy_identifier_button_clicked)
        self.identifier_row = flow_row(box, self.identifier_label, self.copy_identifier_button)
        layout.addWidget(self.identifier_row)
        self._outcomes_at = layout.count()
        # The guide beside the page in a wide window, above it in a narrow one.
        middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.middle = middle
        self.guide_label = QLabel(box)
        self.guide_label.setObjectName("official_guide_label")
        self.guide_label.setTextFormat(Qt.TextFormat.PlainText)
        self.guide_label.setWordWrap(True)
        self.guide_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.guide_label.setMaximumWidth(self.fontMetrics().averageCharWidth() * 34)
        self.keep(self.guide_label.setText, self._guide)
        middle.addWidget(self.guide_label)
        self.view_slot = QVBoxLayout()
        middle.addLayout(self.view_slot, 1)
        layout.addLayout(middle, 1)
        # How it went, above the page: in sight however far the page scrolls (it is what the case records).
        self.body.removeWidget(self.outcome_box)
        self.outcome_box.setParent(box)
        layout.insertWidget(self._outcomes_at, self.outcome_box)
        self.body.removeWidget(self.customer_box)
        self.customer_box.setParent(box)
        layout.insertWidget(self._outcomes_at + 1, self.customer_box)
        # What to try when the code does not come: right under the button that asked (in sight at once).
        self.body.removeWidget(self.hint_label)
        self.hint_label.setParent(box)
        layout.insertWidget(self._outcomes_at + 2, self.hint_label)
        self.body.addWidget(box, 1)
        return box

    def _heading(self) -> str:
        if not self._embedded():
            return self.tr("Continue on Xiaomi's website")
        if self.session.training:
            return self.tr("Practice: Xiaomi's page (training copy)")
        return self.tr("Xiaomi's page: reset the password")

    def _intro(self) -> str:
        if not self._embedded():
            if self.session.embedded_official or self.session.training:
                # Chosen, not a failure: this computer cannot show the page inside the app.
                return self.tr(
                    "This computer cannot show Xiaomi's page inside the app, so it opens in the browser: "
                    "the same steps, on Xiaomi's official website."
                )
            if self._typed_identifier():
                return self.tr(
                    "The app could not go on with Xiaomi's answer. The same steps work on Xiaomi's official "
                    "website: open it in the browser, or on the owner's phone with the code below."
                )
            return self.tr("The app cannot talk to Xiaomi right now. The same steps work on the official website.")
        if self.session.training:
            return self.tr(
                "The same page as Xiaomi's, on the training service: the training accounts, codes and phone. "
                "When you are done, press the button that says how it went."
            )
        if self._typed_identifier():
            return self.tr(
                "The app could not go on with Xiaomi's answer, so finish on Xiaomi's own page, here: the same "
                "steps, from the start. If it sends a new code, use that one. When you are done, press the "
                "button that says how it went."
            )
        return self.tr(
            "This is Xiaomi's own page, inside the app: type into it as on Xiaomi's website. The guide beside "
            "says what it asks next. When you are done, press the button that says how it went."
        )

    def _guide(self) -> str:
        return self.tr(
            "What Xiaomi's page asks, in order:\n"
            "1. The email, phone number or Mi account ID.\n"
            "2. The characters in the picture, or a puzzle to slide.\n"
            "3. Where the code goes (SMS or email), then Send.\n"
            "4. The code from the message. Email: look in Spam too. SMS: in some countries it comes by "
            "WhatsApp. Xiaomi sends at most 3 codes a day to one contact (5 in mainland China).\n"
            "5. The new password, twice: 8 to 16 characters with at least two of letters, numbers and "
            "symbols, and not the email, phone number or ID.\n"
            "Then press the button that says how it went."
        )

    def _typed_identifier(self) -> str:
        """What was typed on the identifier page before the direct profile handed over ("" otherwise)."""
        identifier = self.session.state.identifier
        if self.session.training or identifier is None:
            return ""
        return identifier.display

    def _show_identifier(self) -> None:
        typed = self._typed_identifier()
        self.identifier_label.setText(
            self.tr("Account typed before: {account}").format(account=shown(typed, 120)) if typed else ""
        )
        self.identifier_row.setVisible(bool(typed))

    def _on_copy_identifier_button_clicked(self) -> None:
        self.host.secret_clipboard.copy_personal(self._typed_identifier())

    def _hint(self) -> str:
        return self.tr(
            "Wait a minute or two, then check Spam, Promotions and WhatsApp; make sure the contact is the "
            "right one. Codes used up today: try again tomorrow. No code ever reaches the owner: prepare a "
            'support request with "No email or phone any more".'
        )

    def _show_embedded(self) -> bool:
        """Xiaomi's page inside: the frame now, the web view once the frame has painted (Qt WebEngine
        takes a third of a second to load: the window is never held back for it, even when the app
        starts on this page)."""
        url = self.session.official_page_url(self.host.server_url() if self.session.training else None)
        if not url:
            return False
        if self.embedded_box is None:
            self.embedded_box = self._build_embedded()
        self.outside_box.hide()
        self.checklist_label.hide()
        self.embedded_box.show()
        # The page takes the height the window has (the other pages keep their spare room at the bottom).
        outer = self.content.layout()
        if isinstance(outer, QBoxLayout):
            outer.setStretchFactor(self.body, 10)
            outer.setStretch(outer.count() - 1, 0)  # no spare room under the page: all of it to the page
        self._fit_direction()
        self.set_heading(self._heading())
        self.set_intro(self._intro())
        if self.view is None:
            self._view_url = url
            self.update()  # the view comes after the next paint (paintEvent)
        self.hint_label.setVisible(self.session.official_hint)
        self._show_identifier()
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._view_url and self.view is None:
            QTimer.singleShot(0, self, self._attach_view)

    def _attach_view(self) -> None:
        url, self._view_url = self._view_url, ""
        if not url or self.view is not None or not self.isVisible():
            return
        try:
            from mirecovery_gui.gui.widgets.official_view import OfficialView
        except ImportError:
            # Installed, but its libraries cannot load (a PC without libnss3): the page opens outside.
            log.warning("Qt WebEngine could not be loaded: Xiaomi's page opens outside")
            self._webengine_ok = False
            if self.embedded_box is not None:
                self.embedded_box.hide()
                # How it went, the customer and the hint go back under the hand-off.
                for widget in (self.outcome_box, self.customer_box, self.hint_label):
                    widget.setParent(self)  # hides it: show_state() below says which are on show
                    self.body.addWidget(widget)
                self.outcome_box.show()
            outer = self.content.layout()
            if isinstance(outer, QBoxLayout):
                outer.setStretchFactor(self.body, 0)
                outer.setStretch(outer.count() - 1, 1)
            self._show_outside()
            self.show_state()
            return
        self.view = OfficialView(
            url, lambda address: self.host.open_url(address), self.session.language, self.embedded_box
        )
        # Small enough that the page, its guide and its buttons fit a 1024x600 screen without the wizard
        # scrolling (Xiaomi's page scrolls inside); the window gives it all the height it has.
        self.view.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.view.address_changed.connect(self._on_view_address_changed)
        self.view.load_failed.connect(self._on_view_load_failed)
        self.view.loadFinished.connect(self._on_view_load_finished)
        self.view.refused.connect(self._on_view_refused)
        self.view_slot.addWidget(self.view)
        if self.session.training:
            # Our own practice site only (never Xiaomi's): the codes its session is sent go to the
            # training phone, on a classroom server too, where a student sees their own sessions only.
            self.view.profile.cookieStore().cookieAdded.connect(self._on_practice_cookie_added)
        # Esc inside the page does what it does everywhere else in the wizard (asks, then starts again);
        # the page itself would only ignore it.
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.view)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.host.reject)
        self.view.open()

    def _on_practice_cookie_added(self, cookie: QNetworkCookie) -> None:
        if bytes(cookie.name().data()) == b"identity_session":
            self.session.practice_session_began(bytes(cookie.value().data()).decode("ascii", "replace"))

    def _on_reload_button_clicked(self) -> None:
        self.error_panel.clear()
        if self.view is None:
            return
        if self.session.training:
            # The practice copy from its start, in the app's language now.
            self.view.open_at(self.session.official_page_url(self.host.server_url()))
        else:
            self.view.load_again()

    def _on_outside_button_clicked(self) -> None:
        address = self._address[0] or self.url()
        self.host.open_url(address)

    def _on_view_load_finished(self, ok: bool) -> None:
        if ok and self._load_failed:
            self._load_failed = False
            self.tls_label.setText(self._tls_text())
        # In training a step of the practice page may have sent a code: the training phone looks now.
        refresh = getattr(self.window(), "refresh_training_phone", None)
        if self.session.training and callable(refresh):
            refresh()

    def _on_view_load_failed(self) -> None:
        self._load_failed = True
        self.tls_label.setText(self._tls_text())
        # Never a blank box without a word: say it, and the two ways on.
        self.error_panel.show_message(
            lambda: self.tr(
                "Xiaomi's page did not load. Check the connection, then press Reload; or open it in the browser."
            ),
            Tone.ERROR,
        )

    def _on_view_refused(self, address: str) -> None:
        host = shown(QUrl(address).host() or address, 120)
        self.error_panel.show_message(
            lambda: self.tr(
                "The page went on to {host}, which the app does not open inside. If it is Xiaomi's, "
                "open the page in the browser."
            ).format(host=host),
            Tone.WARNING,
        )

    def _on_view_address_changed(self, address: str, encrypted: bool) -> None:
        self._address = (address, encrypted)
        clean = shown(address, 300)
        self.address_label.setText(clean.replace("/", "/\u200b").replace(".", ".\u200b"))
        self.address_label.setToolTip(clean)
        self.tls_label.setText(self._tls_text())

    def _tls_text(self) -> str:
        address, encrypted = self._address
        local = address.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]"))
        if self._load_failed:
            # Nothing came, so nothing was encrypted: never a reassuring word over an empty page.
            self.tls_label.set_tone(Tone.ERROR)
            return self.tr("Not loaded:")
        if encrypted:
            self.tls_label.set_tone(Tone.SUCCESS)
            # Words, not a padlock character: not every font a shop PC has draws one.
            return self.tr("Encrypted (HTTPS):")
        if local or not address:
            self.tls_label.set_tone(None)
            return self.tr("Practice site on this computer:") if address else ""
        if self.session.training:
            self.tls_label.set_tone(None)
            return self.tr("Practice site on the training server:")
        self.tls_label.set_tone(Tone.ERROR)
        return self.tr("Not encrypted:")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_direction()

    def _fit_direction(self) -> None:
        if self.embedded_box is not None:
            wide = self.width() >= self.fontMetrics().averageCharWidth() * 90
            self.middle.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)
            self.guide_label.setMaximumWidth(self.fontMetrics().averageCharWidth() * 34 if wide else 16777215)
            self.guide_button.setVisible(not wide)
            self.guide_label.setVisible(wide or self.guide_button.isChecked())

    def retranslate(self) -> None:
        super().retranslate()
        if self.view is not None and self.isVisible():
            # After the switch has reached the session (its followers run after the new catalogue).
            QTimer.singleShot(0, self, self._follow_language)

    def _follow_language(self) -> None:
        if self.view is None or not self.isVisible():
            return
        self.view.set_language(self.session.language)
        # The page keeps its language until it loads again, and the app never reloads it by itself: what
        # was typed in it would be lost, and the app cannot see whether anything was. It says how.
        self.error_panel.show_message(
            lambda: self.tr(
                "Xiaomi's page changes language when it loads again: press Reload (what was typed on it is "
                "cleared; a code already sent still comes)."
            ),
            Tone.INFO,
        )

    def show_state(self) -> None:
        self.hint_label.setVisible(self.session.official_hint)
        self.customer_box.setVisible(self.session.shop_mode)

        if self.embedded_box is not None:
            self._show_identifier()

    def _on_customer_input_changed(self) -> None:
        self.session.official_customer(Customer(self.customer_name_input.text(), self.customer_contact_input.text()))

    def reset(self) -> None:
        super().reset()
        self._view_url = ""
        self._load_failed = False
        # The next customer starts with empty fields (and this one's stay in their case).
        for field in (self.customer_name_input, self.customer_contact_input):
            field.blockSignals(True)
            field.clear()
            field.blockSignals(False)
        # The case ended: its page, cookies and cache go with it; the next one starts a fresh profile.
        if self.view is not None:
            self.view.forget()
            self.view.deleteLater()
            self.view = None

    def url(self) -> str:
        """Xiaomi's page; in training its practice copy (never Xiaomi's real page)."""
        if self.session.training:
            return self.session.official_page_url(self.host.server_url())
        return self.session.official_url

    def entered(self) -> None:
        if self.session.shop_mode and not (self.customer_name_input.text() or self.customer_contact_input.text()):
            # Handed over from the direct profile: the customer typed on its first page, to go on with.
            typed = self.session.customer_typed()
            for field, value in ((self.customer_name_input, typed.name), (self.customer_contact_input, typed.contact)):
                field.blockSignals(True)
                field.setText(value)
                field.blockSignals(False)
        if self._embedded() and self._show_embedded():
            return
        self._show_outside()

    def _show_outside(self) -> None:
        """The hand-off: the page in the system browser and as a QR code for the owner's phone."""
        self.outside_box.show()
        self.checklist_label.show()
        self.set_heading(self._heading())
        self.set_intro(self._intro())
        url = self.url()
        self.qr_view.set_text(url)
        self.url_label.setText(shown(url))
        # A phone cannot reach this computer's own loopback address: no code it could not open.
        on_this_computer = QUrl(url).host() in ("127.0.0.1", "localhost", "::1")
        self.qr_view.setVisible(not on_this_computer)
        self.scan_label.setVisible(not on_this_computer)

    def is_final(self) -> bool:
        return True

    def main_action(self) -> None:
        if self.view is None:
            self._on_open_site_button_clicked()

    def _on_open_site_button_clicked(self) -> None:
        self.host.open_url(self.url())

    def focus_first(self) -> QWidget | None:
        return self.view if self.view is not None else self.open_site_button


def root_without_sandbox_switch() -> bool:
    """Running as root, where Qt WebEngine would abort, and nobody turned its sandbox off for a test machine."""
    import os

    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    switched_off = os.environ.get("QTWEBENGINE_DISABLE_SANDBOX") == "1"
    return not switched_off and "--no-sandbox" not in os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
