"""The request to Xiaomi support when the email and the phone are gone.

One composer serves the wizard page, the PDF, the case history's reprint and
``mirecovery support-request``: :func:`prepare` is the one entry all of them
use. :func:`validate` says what is wrong with each field (with a reason),
:func:`compose` writes subject and body in English or Indonesian with every
fact given and nothing that was not, and :func:`mail_link` makes a
``mailto:`` link (RFC 6068) to a support address that falls back to shorter
bodies when the full one is too long for a mail link or a QR code: the facts
without the description, then the main facts. There is no link without a
recipient: the owner would not know where to send it.

:meth:`PreparedRequest.qr` is what the QR code on the page and on paper holds:
a mail draft to the support address, or the web form's address when the
request goes to one, and :func:`describe_qr` says so in the request's
language. The QR code is scanned by the owner's phone, so it never refers to
anything on the shop's computer (its clipboard, a file).

The text is addressed to Xiaomi, not shown as app chrome, so its two
languages live here as data rather than in the Qt catalogue; so are the PDF's
own lines, which go with the letter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field, fields, replace
from enum import Enum
from typing import Any
from urllib.parse import quote

from mirecovery_gui.core.countries import country_code, country_name
from mirecovery_gui.core.identifier import Identifier, IdentifierKind, parse_identifier, parse_phone
from mirecovery_gui.core.imei import check_imei
from mirecovery_gui.core.messages import QT_TRANSLATE_NOOP, Message
from mirecovery_gui.core.support_directory import GLOBAL, SupportContact, for_region, pick_destination
from mirecovery_gui.core.support_directory import Channel as ContactChannel
from mirecovery_gui.core.text import plain_text

_CTX = "SupportRequest"

# Windows' ShellExecute and several mail apps cut mailto links near 2,000
# characters. A QR code past about 900 bytes needs more than 121 modules a side with its quiet zone:
# under 2 pixels a module in the page's 250-pixel square, too fine to scan from a screen or a small
# printout, so longer bodies shorten.
MAILTO_MAX = 1900
QR_MAX = 900


class Field(Enum):
    """The facts, in the order the letter gives them."""

    ACCOUNT_ID = "account_id"
    ACCOUNT_REGION = "account_region"  # where the Mi Account was registered: an ISO country code
    OLD_EMAIL = "old_email"
    OLD_PHONE = "old_phone"
    RESTORE_TRIED = "restore_tried"  # "Restore security info" on the help centre: "", "yes" or "no"
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
    # Room for the name the letter gives a code ("Indonesia (ID)"); a typed code has two letters.
    Field.ACCOUNT_REGION: 60,
    Field.OLD_EMAIL: 254,
    Field.OLD_PHONE: 32,
    Field.RESTORE_TRIED: 5,  # "tidak"
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
# What a shortened mail must still say: who the account is, which phone, and where to answer.
MAIN_FACTS = (
    Field.ACCOUNT_ID,
    Field.IMEI,
    Field.IMEI2,
    Field.MODEL,
    Field.PURCHASE_DATE,
    Field.CONTACT_EMAIL,
    Field.CONTACT_PHONE,
)
# Digits of a bounded length: with the subject and the notes they fit any QR code we make.
ALWAYS_IN_MAIL = (Field.ACCOUNT_ID, Field.IMEI, Field.IMEI2)
COUNTRY_FIELDS = (Field.COUNTRY, Field.ACCOUNT_REGION)

_YES = frozenset({"yes", "y", "ya"})
_NO = frozenset({"no", "n", "tidak"})


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
    # Added later: drafts saved before have no such keys and read as "" (not given).
    account_region: str = ""
    restore_tried: str = ""
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
    "required_imei": QT_TRANSLATE_NOOP(
        "SupportRequest", "This is needed: the IMEI is how support sees that the phone is the owner's."
    ),
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
    "country": QT_TRANSLATE_NOOP(
        "SupportRequest",
        "This is not a country or region code. Use its two letters (ISO 3166), for example ID for Indonesia.",
    ),
    "yes_no": QT_TRANSLATE_NOOP("SupportRequest", "Answer yes or no, or leave it empty if you do not know."),
}


def _problem(key: str, **values: object) -> Message:
    return Message(_CTX, _PROBLEMS[key], tuple((name, str(value)) for name, value in values.items()))


def check_field(
    which: Field, value: str, facts: SupportFacts | None = None, today: dt.date | None = None
) -> Message | None:
    """The problem with one field as typed, or None when it is fine (or empty and optional)."""
    text = value.strip()
    if not text:
        if which not in REQUIRED:
            return None
        return _problem("required_imei" if which is Field.IMEI else "required")
    if which in COUNTRY_FIELDS:
        # Before the length: "Indonesia" is not too long, it is not a code.
        return None if country_code(text) else _problem("country")
    if which is Field.RESTORE_TRIED:
        return None if text.lower() in _YES | _NO else _problem("yes_no")
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
        elif which is Field.RESTORE_TRIED:
            answer = raw.strip().lower()
            raw = "yes" if answer in _YES else "no" if answer in _NO else raw
        values[which.value] = raw
    checklist = replace(facts.checklist, checked_by=plain_text(facts.checklist.checked_by, 100))
    return SupportFacts(**values, checklist=checklist)


# --- the letter ------------------------------------------------------------------------------

_LABELS: dict[str, dict[Field, str]] = {
    "en": {
        Field.ACCOUNT_ID: "Mi account ID",
        Field.ACCOUNT_REGION: "Region where the account is registered",
        Field.OLD_EMAIL: "Email address once linked to the account",
        Field.OLD_PHONE: "Phone number once linked to the account",
        Field.RESTORE_TRIED: 'Already tried "Restore security info" on the help centre',
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
        Field.ACCOUNT_REGION: "Wilayah akun (tempat akun didaftarkan)",
        Field.OLD_EMAIL: "Email yang dulu terhubung ke akun",
        Field.OLD_PHONE: "Nomor telepon yang dulu terhubung ke akun",
        Field.RESTORE_TRIED: 'Sudah mencoba "Pulihkan info keamanan" di pusat bantuan',
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
        "attach_screen": "Photo of the phone's own IMEI screen (dial *#06#)",
        "closing": (
            "I understand that you will check these details before restoring access and that this can take "
            "a few days. Thank you."
        ),
        "regards": "Kind regards,",
        "compact_note": (
            "I can no longer reach the email or phone number of my Mi Account and ask for your help to get "
            "back into it. Here are the details:"
        ),
        "main_note": (
            "I lost the email and phone number of my Mi Account; please help me get back into it. Main details:"
        ),
        "attach_line": "Photos to attach before sending: invoice, box label with the IMEI, *#06# screen.",
        "send_to": "Send to:",
        "unverified": "unverified, check before use",
        "qr_letter": (
            "Scan with the owner's phone: it opens an email to {address} with this whole request. "
            "Add the photos of the invoice, the box label and the *#06# screen, then send it."
        ),
        "qr_facts": (
            "Scan with the owner's phone: it opens an email to {address} with the facts above, without the "
            "description and the shop's checklist. Add the photos of the invoice, the box label and the *#06# screen, "
            "then send it."
        ),
        "qr_main": (
            "Scan with the owner's phone: it opens an email to {address} with only these facts: {facts}. "
            "Add the photos of the invoice, the box label and the *#06# screen, then send it."
        ),
        "qr_web": (
            "Scan with the owner's phone to open {address}: a web form, not an email. "
            "Fill it in with the facts above and add the photos it asks for."
        ),
        "qr_call": "Scan with the owner's phone to call {address}; have the account ID and the IMEI at hand.",
        "footer": "Prepared with mirecovery on {date}. Support answers in days; keep this page until then.",
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
        "attach_screen": "Foto layar IMEI di ponsel itu sendiri (tekan *#06#)",
        "closing": (
            "Saya mengerti bahwa data ini akan diperiksa sebelum akses dipulihkan dan prosesnya bisa memakan "
            "waktu beberapa hari. Terima kasih."
        ),
        "regards": "Salam,",
        "compact_note": (
            "Saya tidak bisa lagi mengakses email atau nomor telepon Akun Mi saya dan mohon bantuan untuk "
            "masuk kembali. Berikut datanya:"
        ),
        "main_note": "Email dan nomor telepon Akun Mi saya hilang; mohon bantu saya masuk kembali. Data utama:",
        "attach_line": "Foto yang perlu dilampirkan: nota pembelian, label kotak dengan IMEI, layar *#06#.",
        "send_to": "Kirim ke:",
        "unverified": "belum terverifikasi, periksa sebelum dipakai",
        "qr_letter": (
            "Pindai dengan ponsel pemilik: akan terbuka email ke {address} berisi seluruh permintaan ini. "
            "Tambahkan foto nota pembelian, label kotak, dan layar *#06#, lalu kirim."
        ),
        "qr_facts": (
            "Pindai dengan ponsel pemilik: akan terbuka email ke {address} berisi data di atas, tanpa "
            "keterangan kejadian dan daftar periksa toko. Tambahkan foto nota pembelian, label kotak, "
            "dan layar *#06#, lalu kirim."
        ),
        "qr_main": (
            "Pindai dengan ponsel pemilik: akan terbuka email ke {address} yang hanya berisi data ini: {facts}. "
            "Tambahkan foto nota pembelian, label kotak, dan layar *#06#, lalu kirim."
        ),
        "qr_web": (
            "Pindai dengan ponsel pemilik untuk membuka {address}: formulir web, bukan email. "
            "Isi dengan data di atas dan tambahkan foto yang diminta."
        ),
        "qr_call": "Pindai dengan ponsel pemilik untuk menelepon {address}; siapkan ID Akun Mi dan IMEI.",
        "footer": (
            "Disiapkan dengan mirecovery pada {date}. Layanan Pelanggan menjawab dalam beberapa hari; "
            "simpan halaman ini sampai saat itu."
        ),
    },
}

LANGUAGES = tuple(_TEXT)


def _language(language: str) -> str:
    return language if language in _TEXT else "en"


def text_for(key: str, language: str) -> str:
    """One of the letter's own lines (the PDF's "Send to:", its footer...) in ``language``."""
    return _TEXT[_language(language)][key]


@dataclass(frozen=True)
class ComposedRequest:
    subject: str
    body: str
    compact_body: str  # every fact, without the description and the shop's checklist
    language: str
    facts: SupportFacts = field(default_factory=SupportFacts)  # as the letter gives them (normalized)

    def as_text(self) -> str:
        return f"{self.subject}\n\n{self.body}\n"


def _fact_value(facts: SupportFacts, which: Field, language: str) -> str:
    value = facts.value(which)
    if which is Field.RESTORE_TRIED and value in ("yes", "no"):
        return _TEXT[language][value]
    return value


def _fact_lines(facts: SupportFacts, language: str, only: tuple[Field, ...] | None = None) -> list[str]:
    labels = _LABELS[language]
    lines = []
    for which in Field:
        if which is Field.DESCRIPTION or (only is not None and which not in only):
            continue
        value = _fact_value(facts, which, language)
        if value:
            lines.append(f"- {labels[which]}: {value}")
    return lines


def compose(facts: SupportFacts, language: str = "en") -> ComposedRequest:
    """The request in ``language``; ``facts`` should have passed :func:`validate`."""
    language = _language(language)
    text = _TEXT[language]
    clean = normalized(facts)
    facts_block = _fact_lines(clean, language)
    parts = [text["greeting"], "", text["intro"], "", *facts_block]
    if clean.description:
        parts += ["", f"{_LABELS[language][Field.DESCRIPTION]}:", clean.description]
    checklist = clean.checklist
    # Only what was ticked: a staff name alone (filled in from the settings) checked nothing.
    if checklist.used:
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
        f"- {text['attach_screen']}",
        "",
        text["closing"],
        "",
        text["regards"],
    ]
    if clean.owner_name:
        parts.append(clean.owner_name)
    subject = text["subject"].format(account_id=clean.account_id or "?")
    compact = _short_body(language, "compact_note", facts_block, clean.owner_name)
    return ComposedRequest(subject, "\n".join(parts), compact, language, clean)


def _short_body(language: str, note: str, lines: list[str], signed: str = "") -> str:
    text = _TEXT[language]
    signed = plain_text(signed, 60)
    if len(quote(signed)) > 90:
        signed = ""  # a name, not a second letter: the QR code's room is for the facts
    ending = [text["regards"], signed] if signed else [text["regards"]]
    return "\n".join([text["greeting"], "", text[note], "", *lines, "", text["attach_line"], "", *ending])


# --- mail links and the QR code ------------------------------------------------------------------


class Holds(Enum):
    """How much of the request a mail link or QR code carries."""

    LETTER = "letter"  # the whole letter
    FACTS = "facts"  # every fact, without the description and the shop's checklist
    MAIN_FACTS = "main_facts"  # the account ID and IMEIs, and as many other facts as fit (``facts``)
    NOTHING = "nothing"  # a web form or a phone line: the request goes there by hand


class Opens(Enum):
    """What the owner's phone does with the QR code."""

    MAIL_DRAFT = "mail_draft"
    WEB_PAGE = "web_page"
    PHONE_CALL = "phone_call"


@dataclass(frozen=True)
class MailLink:
    url: str
    complete: bool  # False when the body had to be shortened to fit
    to: str = ""  # the recipient (never empty from mail_link)
    holds: Holds = Holds.LETTER
    facts: tuple[Field, ...] = ()  # the facts the body gives


@dataclass(frozen=True)
class SupportQr:
    """What the request's QR code holds, for the owner's phone.

    ``text`` is what to encode; ``target`` is the recipient's address, the web
    page or the phone number it opens; ``facts`` are the facts a mail draft
    gives (empty for a web page or a call).
    """

    text: str
    opens: Opens
    holds: Holds
    target: str
    facts: tuple[Field, ...] = ()

    @property
    def whole_letter(self) -> bool:
        return self.holds is Holds.LETTER


def _mailto(to: str, subject: str, body: str) -> str:
    # RFC 6068: the address part keeps '@'; headers are percent-encoded UTF-8,
    # line breaks as %0D%0A.
    address = quote(to.strip(), safe="@")
    crlf_body = body.replace("\n", "\r\n")
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(crlf_body, safe='')}"


def email_address(text: str) -> str:
    """``text`` as one plain email address, or "" (several addresses, a header smuggled in, not an address)."""
    parsed = parse_identifier(text) if text.strip() else None
    return parsed.normalized if isinstance(parsed, Identifier) and parsed.kind is IdentifierKind.EMAIL else ""


def mail_link(request: ComposedRequest, to: str, max_length: int = MAILTO_MAX) -> MailLink | None:
    """A mailto link to ``to`` under ``max_length`` characters, or None when ``to`` is not an email address.

    A link without a recipient leaves the owner to find Xiaomi's address on
    their own, so there is none: a caller without an address sends the request
    another way (the help centre's form). The body is the whole letter when it
    fits, else every fact without the description, else the account ID and
    the IMEIs with as many of the other facts as fit, the :data:`MAIN_FACTS`
    first (``facts`` says which). Every body asks for the photos of the invoice,
    the box label and the ``*#06#`` screen. For facts that passed :func:`validate`, the last one
    fits :data:`QR_MAX` with any address up to 254 characters (the most mail
    systems take), so a QR code always carries the account ID and the IMEIs.
    """
    address = email_address(to)
    if not address:
        return None
    facts = request.facts
    given = tuple(which for which in Field if facts.value(which))
    tiers = (
        (request.body, Holds.LETTER, given),
        (request.compact_body, Holds.FACTS, tuple(which for which in given if which is not Field.DESCRIPTION)),
    )
    for body, holds, carried in tiers:
        url = _mailto(address, request.subject, body)
        if len(url) <= max_length:
            return MailLink(url, holds is Holds.LETTER, address, holds, carried)
    chosen = [which for which in ALWAYS_IN_MAIL if which in given]
    # The owner's name under the letter only while the account ID and the IMEIs still fit with it.
    signed = len(_mailto(address, request.subject, _main_body(request, tuple(chosen)))) <= max_length
    for which in (*MAIN_FACTS, *Field):
        if which in given and which not in chosen and which is not Field.DESCRIPTION:
            trial = [w for w in Field if w in (*chosen, which)]
            body = _main_body(request, tuple(trial), signed=signed)
            if len(_mailto(address, request.subject, body)) <= max_length:
                chosen = trial
    main = tuple(w for w in Field if w in chosen)
    url = _mailto(address, request.subject, _main_body(request, main, signed=signed))
    # Only facts that failed validate() get past this (an account ID or IMEI typed as
    # emoji): cut them until the link fits, so no input makes a code too dense to scan.
    for cut in (12, 6, 0):
        if len(url) <= max_length:
            break
        values: dict[str, Any] = {which.value: request.facts.value(which)[:cut] for which in main}
        short = replace(request.facts, **values)
        subject = _TEXT[request.language]["subject"].format(account_id=short.account_id or "?")
        url = _mailto(address, subject, _main_body(request, main, short, signed=False))
    return MailLink(url, False, address, Holds.MAIN_FACTS, main)


def _main_body(
    request: ComposedRequest, only: tuple[Field, ...], facts: SupportFacts | None = None, signed: bool = True
) -> str:
    lines = _fact_lines(facts or request.facts, request.language, only)
    return _short_body(request.language, "main_note", lines, request.facts.owner_name if signed else "")


def _web_address(text: str) -> str:
    # Only a web page: a shop's own directory entry must not turn the QR code into a script or a file.
    url = text.strip()
    return url if re.fullmatch(r"https?://[^\s\"'<>]+", url, flags=re.IGNORECASE) else ""


def _tel(text: str) -> str:
    number = re.sub(r"[^0-9+]", "", text)
    return f"tel:{number}" if re.fullmatch(r"\+?[0-9]{3,20}", number) else ""


def qr_code(
    request: ComposedRequest, destination: SupportContact | None, to: str = "", max_length: int = QR_MAX
) -> SupportQr | None:
    """What the QR code holds for ``request`` going to ``to`` (an address) or else ``destination``.

    A mail draft to the address (see :func:`mail_link` for how it shortens),
    the web form's address, or a phone number to call; None when there is
    nowhere to send the request.
    """
    address = email_address(to)
    if not address and destination is not None and destination.channel is ContactChannel.EMAIL:
        address = email_address(destination.address)
    if address:
        link = mail_link(request, address, max_length)
        if link is not None:
            return SupportQr(link.url, Opens.MAIL_DRAFT, link.holds, link.to, link.facts)
    if destination is None:
        return None
    if destination.channel is ContactChannel.WEB and (url := _web_address(destination.address)):
        return SupportQr(url, Opens.WEB_PAGE, Holds.NOTHING, url)
    if destination.channel is ContactChannel.PHONE and (tel := _tel(destination.address)):
        return SupportQr(tel, Opens.PHONE_CALL, Holds.NOTHING, destination.address)
    return None


def describe_qr(qr: SupportQr, language: str) -> str:
    """One truthful line for beside the QR code, in the request's language: where it leads and what it holds."""
    language = _language(language)
    text = _TEXT[language]
    if qr.opens is Opens.WEB_PAGE:
        return text["qr_web"].format(address=qr.target)
    if qr.opens is Opens.PHONE_CALL:
        return text["qr_call"].format(address=qr.target)
    if qr.holds is Holds.LETTER:
        return text["qr_letter"].format(address=qr.target)
    if qr.holds is Holds.FACTS:
        return text["qr_facts"].format(address=qr.target)
    facts = ", ".join(_LABELS[language][which] for which in qr.facts)
    return text["qr_main"].format(address=qr.target, facts=facts)


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
            return email_address(self.to)
        contact = self.destination
        return email_address(contact.address) if contact is not None and contact.channel is ContactChannel.EMAIL else ""

    @property
    def destination_text(self) -> str:
        if self.to:
            return self.to
        return self.destination.address if self.destination is not None else ""

    @property
    def unverified(self) -> bool:
        """True when the request goes to a directory contact that no public source names."""
        return not self.to and self.destination is not None and not self.destination.verified

    def mail(self, max_length: int = MAILTO_MAX) -> MailLink | None:
        """The mail link to the support address; None while not ready or when the destination takes no email."""
        if self.request is None:
            return None
        return mail_link(self.request, self.mail_to, max_length)

    def qr(self) -> SupportQr | None:
        """What the QR code holds (:func:`qr_code`); None while not ready or with nowhere to send it."""
        if self.request is None:
            return None
        return qr_code(self.request, self.destination, self.to)

    def qr_description(self) -> str:
        """The line beside the QR code, in the request's language ("" without a QR code)."""
        qr = self.qr()
        return describe_qr(qr, self.language) if qr is not None else ""


def prepare(
    facts: SupportFacts,
    directory: list[SupportContact],
    language: str = "en",
    destination: str = "",
    today: dt.date | None = None,
    to: str = "",
) -> PreparedRequest:
    """Check ``facts``, compose the letter in ``language`` and pick where it goes.

    ``destination`` is the id of the contact the user chose; otherwise a
    verified channel of the owner's country that takes a letter, else the
    global default (the help centre): an unverified contact is listed in
    ``contacts`` but never picked for the user. ``to``, an address typed
    instead, overrides both. The letter names countries in words
    ("Indonesia (ID)"); the facts keep the codes.
    """
    language = _language(language)
    problems = validate(facts, today)
    region = country_code(facts.country) or ""
    contacts = tuple(for_region(directory, region or GLOBAL))
    chosen = next((c for c in contacts if destination and c.id == destination), None)
    if chosen is None:
        chosen = pick_destination(directory, region)
    request = None
    if not problems:
        named = replace(
            facts,
            country=country_name(facts.country) if facts.country.strip() else "",
            account_region=country_name(facts.account_region) if facts.account_region.strip() else "",
        )
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
