"""One rule for "the password contains the account's email, phone or ID": the checklist and the meter agree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mirecovery_gui.client.profile import load_profile
from mirecovery_gui.core.identifier import Identifier, parse_identifier, phone_digit_forms
from mirecovery_gui.core.password import (
    Rule,
    StrengthScore,
    StrengthSuggestion,
    StrengthWarning,
    check_password,
    estimate_strength,
    identifier_forms,
    suggest_password,
)

XIAOMI = load_profile("xiaomi").password_policy
PHONE = "+6281200000001"


def identifiers_of(typed: str, region: str = "ID") -> list[str]:
    """What the new-password page passes on for what the user typed on the first page."""
    parsed = parse_identifier(typed, region)
    assert isinstance(parsed, Identifier)
    return [parsed.normalized, parsed.display]


def passes(password: str, identifiers: list[str] | tuple[str, ...]) -> bool:
    (rule,) = [r for r in check_password(XIAOMI, password, identifiers) if r.rule is Rule.NOT_IDENTIFIER]
    return rule.passed


def test_a_phone_number_has_its_usual_digit_forms() -> None:
    assert phone_digit_forms(PHONE) == ("+6281200000001", "6281200000001", "081200000001", "81200000001")
    assert identifier_forms([PHONE]) == ["+6281200000001", "6281200000001", "081200000001", "81200000001"]


@pytest.mark.parametrize(
    "password",
    [
        "ab6281200000001",  # international, the finding
        "+6281200000001",
        "x+6281200000001",
        "x081200000001",  # national, with the trunk 0
        "Pw81200000001",  # without it
        "006281200000001",  # dialled from abroad
        "Aku-0812-0000-0001",  # written with dashes
        "(0812) 0000 0001!",  # with spaces and brackets
    ],
)
def test_a_password_holding_the_phone_in_any_form_fails(password: str) -> None:
    assert not passes(password, [PHONE])
    assert not passes(password, identifiers_of("+62 812 0000 0001"))


@pytest.mark.parametrize(
    "password",
    [
        "Sunny-day-42",
        "ab8120000000",  # one digit short of the number: not the number
        "Pw-0001-xyzw",  # its last four digits: any password might hold them
        "62-812-abc-00",
    ],
)
def test_a_password_without_the_whole_phone_passes(password: str) -> None:
    assert passes(password, [PHONE])


def test_the_phone_typed_in_national_form_is_known_in_every_form() -> None:
    # The user typed 0812... with Indonesia chosen; the number is kept with its
    # country code, so the international forms are refused too.
    identifiers = identifiers_of("0812 0000 0001")
    assert not passes("ab6281200000001", identifiers)
    assert not passes("ab81200000001", identifiers)


def test_the_country_comes_from_the_number_not_from_indonesia() -> None:
    identifiers = identifiers_of("(201) 555-0123", "US")
    assert set(identifier_forms(identifiers)) >= {"+12015550123", "12015550123", "2015550123"}
    assert not passes("pw2015550123", identifiers)
    assert not passes("pw12015550123", identifiers)
    # Indonesia's trunk 0 is not a US form; the US number without it is caught anyway.
    assert "02015550123" not in identifier_forms(identifiers)


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("demo@example.com", False),
        ("Demo@Example.COM", False),  # any letter case
        ("my-DEMO@example.com", False),
        ("demo-pass-12", False),  # the local part
        ("x-DeMo-9", False),
        ("Dem0@Example.co", True),
        ("example-12345", True),  # the domain alone is not the email
    ],
)
def test_the_email_counts_whole_and_as_its_local_part(password: str, ok: bool) -> None:
    assert passes(password, ["demo@example.com"]) is ok


def test_a_short_local_part_counts_only_in_the_whole_email() -> None:
    # "bob" is ordinary text; refusing every password with it would refuse good ones.
    assert passes("bob-is-great-1", ["bob@example.com"])
    assert not passes("Bob@Example.com1", ["bob@example.com"])


@pytest.mark.parametrize(("password", "ok"), [("pw1234567890", False), ("12-345-67890x", False), ("pw123456789", True)])
def test_the_mi_account_id_counts_as_its_digits(password: str, ok: bool) -> None:
    assert passes(password, ["1234567890"]) is ok


def test_the_meter_warns_about_the_phone_exactly_as_the_checklist() -> None:
    strength = estimate_strength("ab6281200000001", [PHONE])
    assert strength.warning is StrengthWarning.PERSONAL
    assert StrengthSuggestion.AVOID_PERSONAL_INFO in strength.suggestions
    assert strength.score <= StrengthScore.WEAK
    assert estimate_strength("Sunny-day-42", [PHONE]).warning is None


def test_a_part_of_the_email_weakens_the_estimate_without_failing_the_rule() -> None:
    identifiers = ["budi.santoso@example.com"]
    alone = estimate_strength("budisantoso-77x")
    with_context = estimate_strength("budisantoso-77x", identifiers)
    assert with_context.score < alone.score
    assert with_context.warning is StrengthWarning.PERSONAL_PART
    assert passes("budisantoso-77x", identifiers)


def test_a_suggested_password_never_holds_the_identifiers() -> None:
    identifiers = [PHONE, "demo@example.com", "1234567890"]
    for _ in range(50):
        password = suggest_password(XIAOMI, identifiers)
        assert passes(password, identifiers)
        assert estimate_strength(password, identifiers).warning not in {
            StrengthWarning.PERSONAL,
            StrengthWarning.PERSONAL_PART,
        }


ACCOUNT = [PHONE, "owner1234@example.com", "1234567890"]
FORMS = identifier_forms(ACCOUNT)


@given(
    st.one_of(
        st.text(max_size=40),
        st.builds(lambda a, form, b: a + form + b, st.text(max_size=8), st.sampled_from(FORMS), st.text(max_size=8)),
    )
)
def test_the_meter_and_the_checklist_never_disagree(password: str) -> None:
    warned = estimate_strength(password, ACCOUNT).warning is StrengthWarning.PERSONAL
    assert warned == (bool(password) and not passes(password, ACCOUNT))
