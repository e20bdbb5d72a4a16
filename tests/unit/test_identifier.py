from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mirecovery_gui.core.identifier import (
    Identifier,
    IdentifierKind,
    IdentifierProblem,
    InvalidIdentifier,
    parse_identifier,
)


@pytest.mark.parametrize(
    ("typed", "kind", "normalized", "display"),
    [
        ("demo@example.com", IdentifierKind.EMAIL, "demo@example.com", "demo@example.com"),
        ("  Demo@Example.COM ", IdentifierKind.EMAIL, "demo@example.com", "Demo@example.com"),
        ("0812 0000 0001", IdentifierKind.PHONE, "+6281200000001", "+62 812-0000-0001"),
        ("+62 812-0000-0001", IdentifierKind.PHONE, "+6281200000001", "+62 812-0000-0001"),
        ("+6281200000001", IdentifierKind.PHONE, "+6281200000001", "+62 812-0000-0001"),
        ("0062 812 0000 0001", IdentifierKind.PHONE, "+6281200000001", "+62 812-0000-0001"),
        ("1234567890", IdentifierKind.ACCOUNT_ID, "1234567890", "1234567890"),
    ],
)
def test_each_kind_is_recognised_and_normalized(
    typed: str, kind: IdentifierKind, normalized: str, display: str
) -> None:
    parsed = parse_identifier(typed)
    assert isinstance(parsed, Identifier)
    assert (parsed.kind, parsed.normalized, parsed.display) == (kind, normalized, display)


def test_local_numbers_follow_the_chosen_region() -> None:
    parsed = parse_identifier("012-345 6789", default_region="MY")
    assert isinstance(parsed, Identifier)
    assert parsed.normalized == "+60123456789"


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", IdentifierProblem.EMPTY),
        ("   ", IdentifierProblem.EMPTY),
        ("demo.example.com", IdentifierProblem.EMAIL_NO_AT),
        ("demo@example", IdentifierProblem.EMAIL_DOMAIN),
        ("@example.com", IdentifierProblem.EMAIL_INVALID),
        ("de mo@example.com", IdentifierProblem.EMAIL_INVALID),
        ("0812", IdentifierProblem.PHONE_TOO_SHORT),
        ("+999 1234 5678", IdentifierProblem.PHONE_COUNTRY),
        ("0812 0000 0001 2345 6789", IdentifierProblem.PHONE_TOO_LONG),
        ("hello", IdentifierProblem.UNRECOGNISED),
        ("a" * 300 + "@example.com", IdentifierProblem.TOO_LONG),
    ],
)
def test_bad_input_gets_a_reason(typed: str, problem: IdentifierProblem) -> None:
    parsed = parse_identifier(typed)
    assert isinstance(parsed, InvalidIdentifier)
    assert parsed.problem is problem
    assert parsed.message.render()  # every reason has words for the user


@given(st.text(max_size=400))
def test_no_input_makes_the_parser_raise(text: str) -> None:
    result = parse_identifier(text)
    assert isinstance(result, Identifier | InvalidIdentifier)


@given(
    st.text(alphabet=st.sampled_from("0123456789 +-()./"), max_size=40),
    st.sampled_from(["ID", "MY", "IN", "US", "zz", ""]),
)
def test_phone_like_input_never_raises_in_any_region(text: str, region: str) -> None:
    assert isinstance(parse_identifier(text, region), Identifier | InvalidIdentifier)


def test_masked_forms_hide_most_of_the_identifier() -> None:
    email = parse_identifier("demo@example.com")
    phone = parse_identifier("+6281200000001")
    account = parse_identifier("1234567890")
    assert isinstance(email, Identifier) and isinstance(phone, Identifier) and isinstance(account, Identifier)
    assert email.masked() == "d***@example.com"
    assert phone.masked() == "+62*****0001"
    assert account.masked() == "12******90"


def test_context_words_include_the_parts_of_an_email() -> None:
    parsed = parse_identifier("budi.santoso@example.co.id")
    assert isinstance(parsed, Identifier)
    words = parsed.context_words()
    assert {"budi", "santoso", "budi.santoso", "example"} <= set(words)


def test_the_shortcut_calling_codes_agree_with_libphonenumber() -> None:
    import phonenumbers

    from mirecovery_gui.gui.widgets.country_combo import CALLING_CODES

    assert {region: phonenumbers.country_code_for_region(region) for region in CALLING_CODES} == CALLING_CODES
