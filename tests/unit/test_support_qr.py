"""The support request's QR code: what the owner's phone opens when it scans it, and what the page says it holds."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mirecovery_gui.core.resources import resource_path
from mirecovery_gui.core.support_directory import SupportContact, load_directory, pick_destination
from mirecovery_gui.core.support_request import (
    MAILTO_MAX,
    QR_MAX,
    Field,
    Holds,
    Opens,
    PreparedRequest,
    SupportFacts,
    compose,
    describe_qr,
    mail_link,
    normalized,
    prepare,
)
from tests.tools import decode_qr
from tests.unit.test_support_request import FULL

SHORT = SupportFacts(account_id="1234567890", imei="490154203237518", model="Redmi Note 12", country="ID")
IMEI = "490154203237518"
IMEI2 = "356938035643809"
CLIPBOARD_WORDS = ("clipboard", "paste", "tempel", "disalin")


def shipped() -> list[SupportContact]:
    return load_directory(resource_path("support_contacts.json"))


def with_shop_file(tmp_path: Path, *entries: dict[str, object]) -> list[SupportContact]:
    user = tmp_path / "support_contacts.json"
    user.write_text(json.dumps({"entries": list(entries)}), encoding="utf-8")
    return load_directory(resource_path("support_contacts.json"), user)


VERIFIED_ID_EMAIL = {
    "id": "id_email",
    "region": "ID",
    "channel": "email",
    "address": "service.id@xiaomi.com",
    "verified": True,
}


def decode_mailto(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert sorted(query) == ["body", "subject"]
    return unquote(parts.path), query["subject"][0], query["body"][0].replace("\r\n", "\n")


def mail_qr(prepared: PreparedRequest) -> tuple[str, str, str]:
    qr = prepared.qr()
    assert qr is not None and qr.opens is Opens.MAIL_DRAFT
    assert len(qr.text) <= QR_MAX
    return decode_mailto(qr.text)


# --- where it goes ---------------------------------------------------------------------------------------


def test_an_unverified_only_country_gets_the_help_centre_not_a_guessed_address() -> None:
    prepared = prepare(FULL, shipped(), "en")
    assert prepared.destination is not None and prepared.destination.id == "help_center"
    assert "id_email" in [c.id for c in prepared.contacts]  # still there to choose, with its warning
    assert not prepared.unverified
    qr = prepared.qr()
    assert qr is not None
    assert (qr.text, qr.opens, qr.holds) == ("https://account.xiaomi.com/helpcenter", Opens.WEB_PAGE, Holds.NOTHING)
    assert prepared.mail() is None  # no mail link without an address


def test_a_verified_contact_of_the_country_comes_first(tmp_path: Path) -> None:
    directory = with_shop_file(tmp_path, VERIFIED_ID_EMAIL)
    assert pick_destination(directory, "id") is not None
    prepared = prepare(FULL, directory, "en")
    assert prepared.destination is not None and prepared.destination.id == "id_email"
    to, _, _ = mail_qr(prepared)
    assert to == "service.id@xiaomi.com"
    # Another country still goes to the help centre.
    other = prepare(SupportFacts(**{**FULL.to_mapping(), "country": "MY", "checklist": FULL.checklist}), directory)
    assert other.destination is not None and other.destination.id == "help_center"


def test_a_verified_phone_line_is_not_where_a_letter_goes() -> None:
    china = prepare(SupportFacts(account_id="1234567890", imei=IMEI, country="CN"), shipped())
    assert china.destination is not None and china.destination.id == "help_center"
    assert "cn_phone" in [c.id for c in china.contacts]


def test_an_unverified_address_chosen_by_the_user_is_used_and_flagged() -> None:
    prepared = prepare(FULL, shipped(), "en", destination="id_email")
    assert prepared.unverified
    to, subject, body = mail_qr(prepared)
    assert to == "service.id@xiaomi.com" and "1234567890" in subject
    assert "1234567890" in body and IMEI in body


def test_a_phone_line_chosen_by_the_user_is_a_call() -> None:
    prepared = prepare(FULL, shipped(), "id", destination="id_phone")
    qr = prepared.qr()
    assert qr is not None and qr.opens is Opens.PHONE_CALL and qr.text == "tel:08001401558"
    assert "0800-1-401558" in prepared.qr_description() and "menelepon" in prepared.qr_description()


# --- what the mail draft holds -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_fully_filled_request_carries_the_facts_support_needs(language: str) -> None:
    prepared = prepare(FULL, shipped(), language, to="service.id@xiaomi.com")
    qr = prepared.qr()
    assert qr is not None and qr.target == "service.id@xiaomi.com"
    to, subject, body = mail_qr(prepared)
    assert to == "service.id@xiaomi.com" and "1234567890" in subject
    phone = normalized(FULL).contact_phone
    assert phone.startswith("+62")
    for value in ("1234567890", IMEI, IMEI2, "Redmi Note 12", "2024-03-15", "budi.baru@gmail.com", phone):
        assert value in body, value
    photos = {"en": "invoice, box label with the IMEI", "id": "nota pembelian, label kotak"}
    assert photos[language] in body
    assert not any(word in body.lower() for word in CLIPBOARD_WORDS)
    assert "The SIM was lost" not in body  # the description went first
    # What the page says is what the code holds.
    assert qr.holds is Holds.MAIN_FACTS
    assert set(qr.facts) >= {Field.ACCOUNT_ID, Field.IMEI, Field.IMEI2, Field.MODEL, Field.CONTACT_EMAIL}
    words = prepared.qr_description()
    assert "service.id@xiaomi.com" in words
    assert {"en": "only these facts: Mi account ID", "id": "hanya berisi data ini: ID Akun Mi"}[language] in words
    serial_named = "Serial" in words or "Nomor seri" in words
    assert serial_named == (Field.SERIAL in qr.facts)  # what is left out is not claimed


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_short_request_carries_every_fact(language: str) -> None:
    prepared = prepare(SHORT, shipped(), language, to="service.id@xiaomi.com")
    qr = prepared.qr()
    assert qr is not None and qr.holds is Holds.FACTS
    _, _, body = mail_qr(prepared)
    assert "1234567890" in body and IMEI in body and "Redmi Note 12" in body and "Indonesia (ID)" in body
    assert {"en": "with the facts above", "id": "berisi data di atas"}[language] in prepared.qr_description()
    # A mail app on the computer takes the whole letter.
    link = prepared.mail()
    assert link is not None and link.holds is Holds.LETTER and link.complete and len(link.url) <= MAILTO_MAX
    assert decode_mailto(link.url)[2] == prepared.request.body  # type: ignore[union-attr]


def test_a_long_description_never_pushes_the_facts_out() -> None:
    long = SupportFacts(**{**FULL.to_mapping(), "description": "kata " * 400, "checklist": FULL.checklist})
    for language in ("en", "id"):
        prepared = prepare(long, shipped(), language, to="service.id@xiaomi.com")
        _, _, body = mail_qr(prepared)
        assert "kata" not in body and "1234567890" in body and IMEI in body and IMEI2 in body
        link = prepared.mail()
        assert link is not None and not link.complete and len(link.url) <= MAILTO_MAX
        assert "kata" not in decode_mailto(link.url)[2] and IMEI in decode_mailto(link.url)[2]


digits = st.text("0123456789", min_size=6, max_size=12)
anything = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
LONGEST_ADDRESS = "a+b'c" * 12 + "abcd@" + ("b" * 63 + ".") * 2 + "b" * 57 + ".com"  # 254 characters


@settings(max_examples=60, deadline=None)
@given(
    account=digits,
    model=anything,
    email=anything,
    shop=anything,
    name=anything,
    description=st.text(max_size=2000),
    language=st.sampled_from(["en", "id"]),
    to=st.sampled_from(["service.id@xiaomi.com", LONGEST_ADDRESS]),
)
def test_the_account_id_and_imeis_always_fit(
    account: str, model: str, email: str, shop: str, name: str, description: str, language: str, to: str
) -> None:
    facts = SupportFacts(
        account_id=account,
        imei=IMEI,
        imei2=IMEI2,
        model=model,
        contact_email=email,
        purchase_shop=shop,
        owner_name=name,
        description=description,
    )
    link = mail_link(compose(facts, language), to, QR_MAX)
    assert link is not None and len(link.url) <= QR_MAX
    address, subject, body = decode_mailto(link.url)
    assert address == to and account in subject
    assert account in body and IMEI in body and IMEI2 in body
    assert {Field.ACCOUNT_ID, Field.IMEI, Field.IMEI2} <= set(link.facts)


# --- what the page says ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_description_is_in_the_requests_language_and_names_where_it_leads(language: str) -> None:
    cases = [
        prepare(FULL, shipped(), language),  # the help centre
        prepare(FULL, shipped(), language, destination="id_phone"),
        prepare(SHORT, shipped(), language, to="desk@shop.example"),
        prepare(FULL, shipped(), language, to="desk@shop.example"),
    ]
    seen = set()
    for prepared in cases:
        qr = prepared.qr()
        assert qr is not None
        words = describe_qr(qr, language)
        assert words == prepared.qr_description() and qr.target in words
        assert not any(word in words.lower() for word in ("clipboard", "papan klip"))
        assert ("Scan" in words) == (language == "en") and ("Pindai" in words) == (language == "id")
        seen.add(qr.holds)
    assert seen == {Holds.NOTHING, Holds.FACTS, Holds.MAIN_FACTS}
    assert {"en": "a web form, not an email", "id": "formulir web, bukan email"}[language] in describe_qr(
        cases[0].qr(),  # type: ignore[arg-type]
        language,
    )


def test_the_qr_code_scans_back_to_its_text(qapp: object, tmp_path: Path) -> None:
    from mirecovery_gui.gui.widgets.qr_view import qr_image

    for prepared in (prepare(FULL, shipped(), "id", to="service.id@xiaomi.com"), prepare(FULL, shipped(), "en")):
        qr = prepared.qr()
        assert qr is not None
        image = tmp_path / "qr.png"
        assert qr_image(qr.text, modules_px=4).save(str(image))
        assert decode_qr(image) == [qr.text]
