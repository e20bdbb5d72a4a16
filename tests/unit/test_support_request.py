"""The support-request composer, its validation, mail links and the support directory."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mirecovery_gui.core.resources import resource_path
from mirecovery_gui.core.support_directory import Channel, default_contact, for_region, load_directory
from mirecovery_gui.core.support_request import (
    MAILTO_MAX,
    MAX_LENGTH,
    QR_MAX,
    Field,
    ShopChecklist,
    SupportFacts,
    check_field,
    compose,
    mail_link,
    missing_recommended,
    normalized,
    prepare,
    validate,
)

FULL = SupportFacts(
    account_id="1234567890",
    old_email="budi.lama@yahoo.co.id",
    old_phone="0812 0000 0009",
    imei="49-015420-323751-8",
    imei2="356938035643809",
    model="Redmi Note 12",
    serial="SN-4411/22",
    purchase_date="2024-03-15",
    purchase_shop="Toko Maju Jaya, Bandung",
    country="ID",
    owner_name="Budi Santoso",
    contact_email="budi.baru@gmail.com",
    contact_phone="+62 813 1111 2222",
    description="The SIM was lost.\nThe old email was closed.",
    account_region="ID",
    restore_tried="yes",
    checklist=ShopChecklist(True, True, False, "Sari"),
)
MINIMAL = SupportFacts(account_id="1234567890", imei="490154203237518")


def test_complete_facts_pass() -> None:
    assert validate(FULL) == {}
    assert validate(MINIMAL) == {}
    assert missing_recommended(MINIMAL) == [Field.MODEL, Field.CONTACT_EMAIL, Field.OWNER_NAME, Field.PURCHASE_DATE]


@pytest.mark.parametrize(
    ("which", "value", "expected"),
    [
        (Field.IMEI, "490154203237518", None),
        (Field.IMEI, "490154203237519", "last digit"),
        (Field.IMEI, "49015420323751", "490154203237518"),  # 14 digits: the check digit is suggested
        (Field.IMEI, "3591930402371201", "IMEISV"),
        (Field.IMEI, "", "needed"),
        (Field.IMEI2, "", None),
        (Field.ACCOUNT_ID, "", "needed"),
        (Field.ACCOUNT_ID, "12345", "6 to 12 digits"),
        (Field.ACCOUNT_ID, "12 3456 7890", None),
        (Field.ACCOUNT_ID, "abc1234567", "6 to 12 digits"),
        (Field.CONTACT_EMAIL, "budi@gmail", "typing mistake"),
        (Field.CONTACT_EMAIL, "budi@gmail.com", None),
        (Field.CONTACT_PHONE, "0812", "not a valid phone"),
        (Field.CONTACT_PHONE, "0812 3456 7890", None),
        (Field.PURCHASE_DATE, "15/03/2024", "year-month-day"),
        (Field.PURCHASE_DATE, "2999-01-01", "future"),
        (Field.SERIAL, "SN<script>", "letters, digits"),
        (Field.OWNER_NAME, "x" * 101, "at most 100"),
    ],
)
def test_each_field_is_checked_with_a_reason(which: Field, value: str, expected: str | None) -> None:
    problem = check_field(which, value, today=dt.date(2026, 11, 28))
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem.render()


def test_imei2_must_differ_from_imei1() -> None:
    facts = SupportFacts(account_id="1234567890", imei="490154203237518", imei2="4901 5420 3237 518")
    assert "same as IMEI 1" in validate(facts)[Field.IMEI2].render()


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_text_holds_every_fact_given(language: str) -> None:
    request = compose(FULL, language)
    clean = normalized(FULL)
    for which in Field:
        value = clean.value(which)
        if which is Field.RESTORE_TRIED:
            value = {"en": "yes", "id": "ya"}[language]  # an answer, in the letter's language
        for line in value.splitlines():
            assert line in request.body, (which, line)
    assert "490154203237518" in request.body  # normalized: no dashes
    assert "1234567890" in request.subject
    assert "Sari" in request.body and ("no" in request.body or "tidak" in request.body)


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_text_holds_nothing_that_was_not_given(language: str) -> None:
    from mirecovery_gui.core.support_request import _LABELS

    minimal = compose(MINIMAL, language).body
    given = {Field.ACCOUNT_ID, Field.IMEI}
    for which, label in _LABELS[language].items():
        assert (f"- {label}:" in minimal) == (which in given), which
    assert "Budi" not in minimal
    checklist_titles = ("Ownership checked", "Kepemilikan sudah diperiksa")
    assert not any(title in minimal for title in checklist_titles)


def test_the_indonesian_text_uses_xiaomis_words() -> None:
    body = compose(FULL, "id").body
    assert "Akun Mi" in body and "Layanan Pelanggan" in body and "nota pembelian" in body
    assert "beberapa hari" in body  # support answers in days


def test_the_english_text_sets_an_honest_expectation() -> None:
    assert "a few days" in compose(MINIMAL, "en").body


def decode_mailto(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, keep_blank_values=True)
    return unquote(parts.path), query["subject"][0], query["body"][0]


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_mail_link_round_trips(language: str) -> None:
    request = compose(
        SupportFacts(**{**MINIMAL.to_mapping(), "model": "Redmi Note 12", "checklist": MINIMAL.checklist}), language
    )
    link = mail_link(request, "service.id@xiaomi.com")
    assert link.complete and len(link.url) <= MAILTO_MAX
    to, subject, body = decode_mailto(link.url)
    assert (to, subject, body.replace("\r\n", "\n")) == ("service.id@xiaomi.com", request.subject, request.body)
    assert "\r\n" in body  # RFC 6068 line breaks


def test_a_long_request_shortens_its_mail_link() -> None:
    long = SupportFacts(account_id="1234567890", imei="490154203237518", description="word " * 390)
    request = compose(long, "en")
    link = mail_link(request, "service.id@xiaomi.com")
    assert link is not None and not link.complete and len(link.url) <= MAILTO_MAX
    to, _, body = decode_mailto(link.url)
    assert to == "service.id@xiaomi.com"
    assert "1234567890" in body and "490154203237518" in body and "word" not in body
    assert "invoice, box label with the IMEI" in body
    qr = mail_link(request, "service.id@xiaomi.com", max_length=QR_MAX)
    assert qr is not None and len(qr.url) <= QR_MAX


@pytest.mark.parametrize("to", ["", "   ", "not-an-address", "a@example.com, b@example.com", "a@example.com?bcc=x@y.z"])
def test_there_is_no_mail_link_without_one_recipient(to: str) -> None:
    # A mail with no address leaves the owner to guess where it goes: there is none.
    assert mail_link(compose(MINIMAL, "en"), to) is None


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from([f.value for f in Field]), st.text(max_size=400)), st.sampled_from(["en", "id"]))
def test_any_input_never_breaks_validation_or_the_composer(values: dict[str, str], language: str) -> None:
    facts = SupportFacts.from_mapping(values)
    validate(facts)
    request = compose(facts, language)
    link = mail_link(request, "service.id@xiaomi.com")
    assert link is not None
    assert decode_mailto(link.url)[0] == "service.id@xiaomi.com"
    assert "\x00" not in request.body and "\u202e" not in request.body


def test_drafts_round_trip_through_a_mapping() -> None:
    assert SupportFacts.from_mapping(json.loads(json.dumps(FULL.to_mapping()))) == FULL


def test_a_draft_saved_before_the_new_facts_still_opens() -> None:
    # A draft in the database from an older version: no account region, no "Restore security info" answer.
    old = {key: value for key, value in FULL.to_mapping().items() if key not in ("account_region", "restore_tried")}
    facts = SupportFacts.from_mapping(json.loads(json.dumps(old)))
    assert facts.account_region == "" and facts.restore_tried == ""
    assert facts.account_id == FULL.account_id and facts.checklist == FULL.checklist
    assert validate(facts) == {}


@pytest.mark.parametrize(
    ("language", "region_line", "restore_line"),
    [
        (
            "en",
            "- Region where the account is registered: Indonesia (ID)",
            '- Already tried "Restore security info" on the help centre: no',
        ),
        (
            "id",
            "- Wilayah akun (tempat akun didaftarkan): Indonesia (ID)",
            '- Sudah mencoba "Pulihkan info keamanan" di pusat bantuan: tidak',
        ),
    ],
)
def test_the_account_region_and_restore_security_info_are_in_the_letter(
    language: str, region_line: str, restore_line: str
) -> None:
    facts = SupportFacts(account_id="1234567890", imei="490154203237518", account_region="id", restore_tried="No")
    prepared = prepare(facts, load_directory(resource_path("support_contacts.json")), language)
    assert prepared.request is not None
    assert region_line in prepared.request.body and restore_line in prepared.request.body


@pytest.mark.parametrize("answer", ["yes", "YES", "no", "ya", "tidak", ""])
def test_restore_tried_takes_yes_or_no(answer: str) -> None:
    assert check_field(Field.RESTORE_TRIED, answer) is None


@pytest.mark.parametrize("answer", ["maybe", "1", "sudah"])
def test_restore_tried_refuses_anything_else_with_a_reason(answer: str) -> None:
    problem = check_field(Field.RESTORE_TRIED, answer)
    assert problem is not None and "yes or no" in problem.render()


def test_no_fact_is_a_password() -> None:
    # Support never needs the password, and the letter must never carry one.
    assert not any("pass" in which.value or "sandi" in which.value for which in Field)
    assert set(MAX_LENGTH) == set(Field)


# --- the directory ------------------------------------------------------------------------------------


def test_the_shipped_directory() -> None:
    directory = load_directory(resource_path("support_contacts.json"))
    assert default_contact(directory) is not None and default_contact(directory).id == "help_center"  # type: ignore[union-attr]
    by_id = {c.id: c for c in directory}
    assert by_id["help_center"].verified and by_id["help_center"].channel is Channel.WEB
    # The Indonesian number and the email addresses have no official source.
    assert not by_id["id_phone"].verified and not by_id["id_email"].verified and not by_id["global_email"].verified
    assert all(c.last_checked for c in directory)


def test_a_shop_can_override_and_add_contacts(tmp_path: Path) -> None:
    user = tmp_path / "support_contacts.json"
    user.write_text(
        json.dumps(
            {
                "entries": [
                    {
                        "id": "id_phone",
                        "region": "ID",
                        "channel": "phone",
                        "address": "0800-0000-0000",
                        "verified": True,
                    },
                    {"id": "our_desk", "region": "ID", "channel": "email", "address": "desk@shop.example"},
                    {"id": "broken"},
                ]
            }
        ),
        encoding="utf-8",
    )
    directory = load_directory(resource_path("support_contacts.json"), user)
    by_id = {c.id: c for c in directory}
    assert by_id["id_phone"].address == "0800-0000-0000" and by_id["id_phone"].from_user
    assert by_id["our_desk"].channel is Channel.EMAIL
    assert "broken" not in by_id
    ordered = [c.id for c in for_region(directory, "ID")]
    assert ordered.index("our_desk") < ordered.index("help_center")  # local first
    assert "cn_phone" not in ordered


def test_a_damaged_user_directory_is_ignored(tmp_path: Path) -> None:
    user = tmp_path / "support_contacts.json"
    user.write_text("{not json", encoding="utf-8")
    assert len(load_directory(resource_path("support_contacts.json"), user)) == len(
        load_directory(resource_path("support_contacts.json"))
    )
