from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mirecovery_gui.client.profile import load_profile
from mirecovery_gui.core.password import (
    PasswordPolicy,
    Rule,
    StrengthScore,
    StrengthSuggestion,
    StrengthWarning,
    check_password,
    estimate_strength,
    meets_policy,
)

XIAOMI = load_profile("xiaomi").password_policy


def failed(password: str, identifiers: tuple[str, ...] = ()) -> set[Rule]:
    return {r.rule for r in check_password(XIAOMI, password, identifiers) if not r.passed}


def test_the_xiaomi_policy_comes_from_the_profile() -> None:
    assert PasswordPolicy(8, 16, True, 2, True, True) == XIAOMI


@pytest.mark.parametrize(
    ("password", "broken"),
    [
        ("Sunny-day-42", set()),
        ("short1!", {Rule.LENGTH}),
        ("a" * 8 + "1" * 9, {Rule.LENGTH}),
        ("12345678", {Rule.CLASSES}),
        ("abcdefgh", {Rule.CLASSES}),
        ("abcd efg", set()),  # a space is a printable ASCII symbol
        ("pässwort12", {Rule.CHARACTERS}),
        ("emoji😀pass1", {Rule.CHARACTERS}),
    ],
)
def test_each_rule_is_reported_on_its_own(password: str, broken: set[Rule]) -> None:
    assert failed(password) == broken


def test_the_identifier_itself_is_refused_as_a_password() -> None:
    assert failed("Demo@Example.com", ("demo@example.com",)) == {Rule.NOT_IDENTIFIER}
    assert meets_policy(XIAOMI, "Dem0@Example.co", ("demo@example.com",))


def test_rules_come_in_display_order_with_words() -> None:
    results = check_password(XIAOMI, "")
    assert [r.rule for r in results] == [
        Rule.LENGTH,
        Rule.CHARACTERS,
        Rule.CLASSES,
        Rule.NOT_IDENTIFIER,
    ]
    assert not any(r.passed for r in results)
    assert results[0].message.render() == "8 to 16 characters"


def test_common_passwords_score_low_with_feedback() -> None:
    strength = estimate_strength("password1")
    assert strength.score <= StrengthScore.WEAK
    assert strength.warning in {
        StrengthWarning.TOP_100,
        StrengthWarning.TOP_10,
        StrengthWarning.COMMON,
    }


def test_a_long_random_password_scores_high() -> None:
    assert estimate_strength("vX9#qLm2!rT7zPw4").score == StrengthScore.VERY_STRONG


def test_the_identifier_parts_count_against_strength() -> None:
    alone = estimate_strength("budisantoso-77x")
    with_context = estimate_strength("budisantoso-77x", ["budi.santoso@example.com"])
    assert with_context.score < alone.score
    assert with_context.warning is StrengthWarning.PERSONAL_PART
    assert StrengthSuggestion.AVOID_PERSONAL_INFO in with_context.suggestions


def test_an_empty_password_is_very_weak_without_calling_the_estimator() -> None:
    assert estimate_strength("").score == StrengthScore.VERY_WEAK


@given(st.text(max_size=300))
def test_no_input_makes_the_checks_raise(text: str) -> None:
    check_password(XIAOMI, text, ("demo@example.com",))
    estimate_strength(text, ["demo"])


def test_a_policy_with_impossible_numbers_is_refused() -> None:
    with pytest.raises(ValueError):
        PasswordPolicy.from_mapping({"min_length": 20, "max_length": 8})
