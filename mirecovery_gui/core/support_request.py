"""The request to Xiaomi support when the email and the phone are gone.

One composer serves the wizard page, the PDF, the case history's reprint and
``mirecovery support-request``: :func:`prepare` is the one entry all of them
use. :func:`validate` says what is wrong with each field (with a reason),
:func:`compose` writes subject and body in English or Indonesian with every
fact given and nothing that was not, and :func:`mail_link` makes a
``mailto:`` link (RFC 6068) that falls back to shorter bodies when the full
one is too long for a mail link or a QR code.

The text is addressed to Xiaomi, not shown as app chrome, so its two
languages live here as data rather than in the Qt catalogue.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field, fields, replace
from enum import Enum
from typing import Any
from urllib.parse import quote

from mirecovery_gui.core.countries import country_name
from mirecovery_gui.core.identifier import Identifier, IdentifierKind, parse_identifier, parse_phone
from mirecovery_gui.core.imei import check_imei
from mirecovery_gui.core.messages import QT_TRANSLATE_NOOP, Message
from mirecovery_gui.core.support_directory import GLOBAL, SupportContact, for_region
from mirecovery_gui.core.support_directory import Channel as ContactChannel
from mirecovery_gui.core.text import plain_text

_CTX = "SupportRequest"

# Windows' ShellExecute and several mail apps cut mailto links near 2,000
# characters. A QR code past about 900 bytes needs more than 120 modules a side:
# too fine to scan from a screen or a small printout, so longer bodies shorten.
MAILTO_MAX = 1900
QR_MAX = 900


class Field(Enum):
    ACCOUNT_ID = "account_id"
    OLD_EMAIL = "old_email"
    OLD_PHONE = "old_phone"
    IMEI = "imei"
    IMEI2 = "imei2"
    MODEL = "model"
    SERIAL = "serial"
    PURCHASE_DATE = "purchase_date"
    PURCHASE_SHOP = "purchase_shop"
    COUNTRY = "country"
    OWNER_NAME = "owner_name"
    CONTACT_EMAIL = "contact_email"
    CONTACT_PHONE = "contact_phone"
    DESCRIPTION = "description"


MAX_LENGTH: dict[Field, int] = {
    Field.ACCOUNT_ID: 20,
    Field.OLD_EMAIL: 254,
    Field.OLD_PHONE: 32,
    Field.IMEI: 32,
    Field.IMEI2: 32,
    Field.MODEL: 60,
    Field.SERIAL: 40,
    Field.PURCHASE_DATE: 10,
    Field.PURCHASE_SHOP: 100,
    Field.COUNTRY: 60,
    Field.OWNER_NAME: 100,
    Field.CONTACT_EMAIL: 254,
    Field.CONTACT_PHONE: 32,
    Field.DESCRIPTION: 2000,
}

REQUIRED = (Field.ACCOUNT_ID, Field.IMEI)
RECOMMENDED = (Field.MODEL, Field.CONTACT_EMAIL, Field.OWNER_NAME, Field.PURCHASE_DATE)


@dataclass(frozen=True)
class ShopChecklist:
    """How the shop checked ownership. Printed on the request, kept in the case."""

    proof_of_purchase_seen: bool = False
    box_imei_matches: bool = False
    owner_identity_checked: bool = False
    checked_by: str = ""

    @property
    def used(self) -> bool:
        return self.proof_of_purchase_seen or self.box_imei_matches or self.owner_identity_checked


@dataclass(frozen=True)
class SupportFacts:
    """What the owner knows. Strings as typed; :func:`normalized` cleans them."""

    account_id: str = ""
    old_email: str = ""
    old_phone: str = ""
    imei: str = ""
    imei2: str = ""
    model: str = ""
    serial: str = ""
    purchase_date: str = ""
    purchase_shop: str = ""
    country: str = ""
    owner_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    description: str = ""
    checklist: ShopChecklist = field(default_factory=ShopChecklist)

    def value(self, which: Field) -> str:
        return str(getattr(self, which.value))

    def to_mapping(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> SupportFacts:
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: str(v) for k, v in data.items() if k in known and k != "checklist"}
        checklist = data.get("checklist")
        if isinstance(checklist, dict):
            values["checklist"] = ShopChecklist(
                proof_of_purchase_seen=bool(checklist.get("proof_of_purchase_seen")),
                box_imei_matches=bool(checklist.get("box_imei_matches")),
                owner_identity_checked=bool(checklist.get("owner_identity_checked")),
                checked_by=str(checklist.get("checked_by", "")),
            )
        return cls(**values)


_PROBLEMS = {
    "required": QT_TRANSLATE_NOOP("SupportRequest", "This is needed: support cannot find the account without it."),
    "account_id": QT_TRANSLATE_NOOP(
        "SupportRequest",
        "A Mi account ID is a number of 6 to 12 digits, like 1234567890. Leave out spaces and letters.",
    ),
    "email": QT_TRANSLATE_NOOP("SupportRequest", "This email address is not complete or has a typing mistake."),
    "phone": QT_TRANSLATE_NOOP(
        "SupportRequest", "This is not a valid phone number. Start with + and the country code."
    ),
    "too_long": QT_TRANSLATE_NOOP("SupportRequest", "This is too long (at most {max} characters)."),
    "date": QT_TRANSLATE_NOOP("SupportRequest", "Write the date as year-month-day, for example 2024-03-15."),
    "future": QT_TRANSLATE_NOOP("SupportRequest", "The purchase date cannot be in the future."),
    "same_imei": QT_TRANSLATE_NOOP(
        "SupportRequest", "IMEI 2 is the same as IMEI 1. A dual-SIM phone has two different IMEIs."
    ),
    "serial": QT_TRANSLATE_NOOP("SupportRequest", "A serial number has only letters, digits and dashes."),
}


def _problem(key: str, **values: object) -> Message:
    return Message(_CTX, _PROBLEMS[key], tuple((name, str(value)) for name, value in values.items()))


def check_field(
    which: Field, value: str, facts: SupportFacts | None = None, today: dt.date | None = None
) -> Message | None:
    """The problem with one field as typed, or None when it is fine (or empty and optional)."""
    text = value.strip()
    if not text:
        return _problem("required") if which in REQUIRED else None
    if len(text) > MAX_LENGTH[which]:
        return _problem("too_long", max=MAX_LENGTH[which])
    if which is Field.ACCOUNT_ID:
        compact = re.sub(r"[\s-]", "", text)
        return None if re.fullmatch(r"[0-9]{6,12}", compact) else _problem("account_id")
    if which in (Field.IMEI, Field.IMEI2):
        result = check_imei(text)
        if not result.valid:
            return result.message
        if which is Field.IMEI2 and facts is not None:
            first = check_imei(facts.imei)
            if first.valid and first.normalized == result.normalized:
                return _problem("same_imei")
        return None
    if which in (Field.OLD_EMAIL, Field.CONTACT_EMAIL):
        parsed = parse_identifier(text)
        ok = isinstance(parsed, Identifier) and parsed.kind is IdentifierKind.EMAIL
        return None if ok else _problem("email")
    if which in (Field.OLD_PHONE, Field.CONTACT_PHONE):
        return None if isinstance(parse_phone(text, _region(facts)), Identifier) else _problem("phone")
    if which is Field.PURCHASE_DATE:
        try:
            when = dt.date.fromisoformat(text)
        except ValueError:
            return _problem("date")
        return _problem("future") if when > (today or dt.date.today()) else None
    if which is Field.SERIAL:
        return None if re.fullmatch(r"[A-Za-z0-9/\- ]+", text) else _problem("serial")
    return None


def _region(facts: SupportFacts | None) -> str:
    country = (facts.country if facts else "").strip().upper()
    return country if re.fullmatch(r"[A-Z]{2}", country) else "ID"


def validate(facts: SupportFacts, today: dt.date | None = None) -> dict[Field, Message]:
    """Every field's problem; an empty dict means the request can be composed."""
    problems: dict[Field, Message] = {}
    for which in Field:
        problem = check_field(which, facts.value(which), facts, today)
        if problem is not None:
            problems[which] = problem
    return problems


def missing_recommended(facts: SupportFacts) -> list[Field]:
    return [which for which in RECOMMENDED if not facts.value(which).strip()]


def normalized(facts: SupportFacts) -> SupportFacts:
    """Facts cleaned for the letter: IMEIs as 15 digits, phones in E.164, text without control characters."""
    values: dict[str, str] = {}
    for which in Field:
        raw = facts.value(which)
        if which is Field.DESCRIPTION:
            # Keep the owner's line breaks, drop everything else a label or PDF should not see.
            lines = [plain_text(line, MAX_LENGTH[which]) for line in raw.splitlines()]
            raw = "\n".join(lines).strip()[: MAX_LENGTH[which]]
        else:
            raw = plain_text(raw, MAX_LENGTH[which])
        if which in (Field.IMEI, Field.IMEI2):
            result = check_imei(raw)
            raw = result.normalized if result.valid else raw
        elif which is Field.ACCOUNT_ID:
            raw = re.sub(r"[\s-]", "", raw)
        elif which in (Field.OLD_PHONE, Field.CONTACT_PHONE) and raw:
            parsed = parse_phone(raw, _region(facts))
            raw = parsed.display if isinstance(parsed, Identifier) else raw
        elif which in (Field.OLD_EMAIL, Field.CONTACT_EMAIL):
            raw = raw.strip()
        values[which.value] = raw
    checklist = replace(facts.checklist, checked_by=plain_text(facts.checklist.checked_by, 100))
    return SupportFacts(**values, checklist=checklist)


# --- the letter ------------------------------------------------------------------------------

_LABELS: dict[str, dict[Field, str]] = {
    "en": {
        Field.ACCOUNT_ID: "Mi account ID",
        Field.OLD_EMAIL: "Email address once linked to the account",
        Field.OLD_PHONE: "Phone number once linked to the account",
        Field.IMEI: "IMEI 1",
        Field.IMEI2: "IMEI 2",
        Field.MODEL: "Device model",
        Field.SERIAL: "Serial number",
        Field.PURCHASE_DATE: "Purchase date",
        Field.PURCHASE_SHOP: "Bought at",
        Field.COUNTRY: "Country/region",
        Field.OWNER_NAME: "Owner's name",
        Field.CONTACT_EMAIL: "Contact email (please reply here)",
        Field.CONTACT_PHONE: "Contact phone",
        Field.DESCRIPTION: "What happened",
    },
    "id": {
        Field.ACCOUNT_ID: "ID Akun Mi",
        Field.OLD_EMAIL: "Email yang dulu terhubung ke akun",
        Field.OLD_PHONE: "Nomor telepon yang dulu terhubung ke akun",
        Field.IMEI: "IMEI 1",
        Field.IMEI2: "IMEI 2",
        Field.MODEL: "Model perangkat",
        Field.SERIAL: "Nomor seri",
        Field.PURCHASE_DATE: "Tanggal pembelian",
        Field.PURCHASE_SHOP: "Dibeli di",
        Field.COUNTRY: "Negara/Wilayah",
        Field.OWNER_NAME: "Nama pemilik",
        Field.CONTACT_EMAIL: "Email untuk balasan",
        Field.CONTACT_PHONE: "Nomor telepon yang bisa dihubungi",
        Field.DESCRIPTION: "Apa yang terjadi",
    },
}

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "subject": "Mi Account recovery request: account ID {account_id}",
        "greeting": "Hello Xiaomi support,",
        "intro": (
            "I can no longer reach the email address or phone number linked to my Mi Account, so I cannot "
            "reset its password myself. I am the owner of the phone below and ask you to help me get back "
            "into the account. Here are the details:"
        ),
        "checklist_title": "Ownership checked at the shop",
        "proof": "Proof of purchase seen",
        "box": "IMEI on the box matches the phone",
        "identity": "Owner's identity checked",
        "by": "Checked by",
        "yes": "yes",
        "no": "no",
        "attachments_title": "Attached (please add the photos before sending)",
        "attach_invoice": "Photo of the purchase invoice or receipt",
        "attach_box": "Photo of the box label showing the IMEI",
        "closing": (
            "I understand that you will check these details before restoring access and that this can take "
            "a few days. Thank you."
        ),
        "regards": "Kind regards,",
        "compact_note": (
            "I can no longer reach the email or phone number of my Mi Account and ask for your help to get "
            "back into it. Photos of the purchase invoice and of the box label are attached."
        ),
        "paste_note": "The full request did not fit in a mail link: it is on the clipboard, please paste it here.",
    },
    "id": {
        "subject": "Permintaan pemulihan Akun Mi: ID akun {account_id}",
        "greeting": "Halo Layanan Pelanggan Xiaomi,",
        "intro": (
            "Saya tidak bisa lagi mengakses email atau nomor telepon yang terhubung ke Akun Mi saya, jadi saya "
            "tidak bisa menyetel ulang sandinya sendiri. Saya pemilik ponsel di bawah ini dan mohon bantuan "
            "untuk masuk kembali ke akun tersebut. Berikut datanya:"
        ),
        "checklist_title": "Kepemilikan sudah diperiksa di toko",
        "proof": "Bukti pembelian sudah dilihat",
        "box": "IMEI di kotak ponsel sama dengan ponselnya",
        "identity": "Identitas pemilik sudah diperiksa",
        "by": "Diperiksa oleh",
        "yes": "ya",
        "no": "tidak",
        "attachments_title": "Lampiran (tambahkan fotonya sebelum mengirim)",
        "attach_invoice": "Foto nota pembelian atau faktur",
        "attach_box": "Foto label kotak ponsel yang memperlihatkan IMEI",
        "closing": (
            "Saya mengerti bahwa data ini akan diperiksa sebelum akses dipulihkan dan prosesnya bisa memakan "
            "waktu beberapa hari. Terima kasih."
        ),
        "regards": "Salam,",
        "compact_note": (
            "Saya tidak bisa lagi mengakses email atau nomor telepon Akun Mi saya dan mohon bantuan untuk "
            "masuk kembali. Foto nota pembelian dan label kotak ponsel terlampir."
        ),
        "paste_note": "Permintaan lengkap tidak muat di tautan email: sudah disalin, silakan tempel di sini.",
    },
}

LANGUAGES = tuple(_TEXT)


@dataclass(frozen=True)
class ComposedRequest:
    subject: str
    body: str
    compact_body: str
    language: str

    def as_text(self) -> str:
        return f"{self.subject}\n\n{self.body}\n"


def _fact_lines(facts: SupportFacts, language: str) -> list[str]:
    labels = _LABELS[language]
    lines = []
    for which in Field:
        if which is Field.DESCRIPTION:
            continue
        value = facts.value(which)
        if value:
            lines.append(f"- {labels[which]}: {value}")
    return lines


def compose(facts: SupportFacts, language: str = "en") -> ComposedRequest:
    """The request in ``language``; ``facts`` should have passed :func:`validate`."""
    if language not in _TEXT:
        language = "en"
    text = _TEXT[language]
    clean = normalized(facts)
    facts_block = _fact_lines(clean, language)
    parts = [text["greeting"], "", text["intro"], "", *facts_block]
    if clean.description:
        parts += ["", f"{_LABELS[language][Field.DESCRIPTION]}:", clean.description]
    checklist = clean.checklist
    if checklist.used or checklist.checked_by:
        yes, no = text["yes"], text["no"]
        parts += [
            "",
            f"{text['checklist_title']}:",
            f"- {text['proof']}: {yes if checklist.proof_of_purchase_seen else no}",
            f"- {text['box']}: {yes if checklist.box_imei_matches else no}",
            f"- {text['identity']}: {yes if checklist.owner_identity_checked else no}",
        ]
        if checklist.checked_by:
            parts.append(f"- {text['by']}: {checklist.checked_by}")
    parts += [
        "",
        f"{text['attachments_title']}:",
        f"- {text['attach_invoice']}",
        f"- {text['attach_box']}",
        "",
        text["closing"],
        "",
        text["regards"],
    ]
    if clean.owner_name:
        parts.append(clean.owner_name)
    subject = text["subject"].format(account_id=clean.account_id or "?")
    compact = "\n".join([text["greeting"], "", text["compact_note"], "", *facts_block, "", text["regards"]])
    return ComposedRequest(subject, "\n".join(parts), compact, language)


# --- mail links ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MailLink:
    url: str
    complete: bool  # False when the body had to be shortened to fit


def _mailto(to: str, subject: str, body: str) -> str:
    # RFC 6068: the address part keeps '@'; headers are percent-encoded UTF-8,
    # line breaks as %0D%0A.
    address = quote(to.strip(), safe="@")
    crlf_body = body.replace("\n", "\r\n")
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(crlf_body, safe='')}"


def mail_link(request: ComposedRequest, to: str = "", max_length: int = MAILTO_MAX) -> MailLink:
    """A mailto link under ``max_length`` characters: the full body, else the facts only, else a paste note.

    ``to`` is used only when it is one plain email address; anything else
    (several addresses, a header smuggled in) leaves the address for the
    user to fill in.
    """
    address = parse_identifier(to) if to.strip() else None
    to = address.normalized if isinstance(address, Identifier) and address.kind is IdentifierKind.EMAIL else ""
    for body, complete in ((request.body, True), (request.compact_body, False)):
        url = _mailto(to, request.subject, body)
        if len(url) <= max_length:
            return MailLink(url, complete)
    note = _TEXT[request.language]["paste_note"]
    return MailLink(_mailto(to, request.subject, note), False)


# --- the request as handed over -----------------------------------------------------------------


@dataclass(frozen=True)
class PreparedRequest:
    """Everything a hand-over needs, from one :func:`prepare`: the page, the case history and the CLI.

    ``request`` is None while a field has a problem (``problems`` says which).
    """

    facts: SupportFacts
    language: str
    problems: dict[Field, Message]
    recommended_missing: tuple[Field, ...]
    request: ComposedRequest | None
    contacts: tuple[SupportContact, ...]  # where it can go from the owner's country, the default first
    destination: SupportContact | None
    to: str = ""  # an address given instead of the directory's (the command line's --to)

    @property
    def ready(self) -> bool:
        return self.request is not None

    @property
    def mail_to(self) -> str:
        """The support address for a mail link; empty when the destination is not an email address."""
        if self.to:
            return self.to
        contact = self.destination
        return contact.address if contact is not None and contact.channel is ContactChannel.EMAIL else ""

    @property
    def destination_text(self) -> str:
        if self.to:
            return self.to
        return self.destination.address if self.destination is not None else ""

    def mail_link(self, max_length: int = MAILTO_MAX) -> MailLink:
        if self.request is None:
            raise ValueError("the request is not ready")
        return mail_link(self.request, self.mail_to, max_length)

    def qr_link(self) -> MailLink:
        return self.mail_link(QR_MAX)


def prepare(
    facts: SupportFacts,
    directory: list[SupportContact],
    language: str = "en",
    destination: str = "",
    today: dt.date | None = None,
    to: str = "",
) -> PreparedRequest:
    """Check ``facts``, compose the letter in ``language`` and pick where it goes.

    ``destination`` is the id of the contact the user chose; otherwise the
    country's default channel (``to``, an address typed instead, overrides
    both). The letter names the country in words ("Indonesia (ID)"); the facts
    keep the code.
    """
    if language not in _TEXT:
        language = "en"
    problems = validate(facts, today)
    contacts = tuple(for_region(directory, facts.country or GLOBAL))
    chosen = next((c for c in contacts if destination and c.id == destination), None)
    if chosen is None:
        chosen = next((c for c in contacts if c.default), contacts[0] if contacts else None)
    request = None
    if not problems:
        named = replace(facts, country=country_name(facts.country) if facts.country.strip() else "")
        request = compose(named, language)
    return PreparedRequest(
        facts=facts,
        language=language,
        problems=problems,
        recommended_missing=tuple(missing_recommended(facts)),
        request=request,
        contacts=contacts,
        destination=chosen,
        to=to.strip(),
    )
