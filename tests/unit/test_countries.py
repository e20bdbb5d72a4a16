"""Country codes: what the support request accepts as the owner's country and the account's region."""

from __future__ import annotations

import pytest

from mirecovery_gui.core.countries import country_code, country_name, is_country
from mirecovery_gui.core.identifier import supported_regions
from mirecovery_gui.core.support_request import Field, SupportFacts, check_field, validate


@pytest.mark.parametrize(("typed", "code"), [("ID", "ID"), ("id", "ID"), (" sg ", "SG"), ("XK", "XK")])
def test_a_two_letter_code_is_known(typed: str, code: str) -> None:
    assert country_code(typed) == code and is_country(typed)


@pytest.mark.parametrize("typed", ["XX", "ZZ", "EU", "QO", "IDN", "Indonesia", "I", "", "1D", "İD"])
def test_anything_else_is_not_a_country(typed: str) -> None:
    assert country_code(typed) is None and not is_country(typed)


def test_every_country_the_form_offers_is_accepted() -> None:
    # The form's country list comes from libphonenumber (Ascension, Kosovo... included).
    offered = [code for code, _ in supported_regions()]
    assert offered and [code for code in offered if not is_country(code)] == []


def test_the_letter_names_a_country_in_words() -> None:
    assert country_name("id") == "Indonesia (ID)"
    assert country_name("XX") == "XX"


@pytest.mark.parametrize("which", [Field.COUNTRY, Field.ACCOUNT_REGION])
def test_an_unknown_code_is_a_field_problem_with_a_reason(which: Field) -> None:
    problem = check_field(which, "XX")
    assert problem is not None and problem.context == "SupportRequest"
    assert "not a country or region code" in problem.render() and "ID for Indonesia" in problem.render()
    # A name is not a code either, and it is not "too long".
    named = check_field(which, "Indonesia")
    assert named is not None and "not a country or region code" in named.render()
    assert check_field(which, "my") is None and check_field(which, "") is None


def test_validate_names_the_country_fields() -> None:
    facts = SupportFacts(account_id="1234567890", imei="490154203237518", country="XX", account_region="EU")
    assert set(validate(facts)) == {Field.COUNTRY, Field.ACCOUNT_REGION}
