from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mirecovery_gui.core.imei import ImeiProblem, check_imei, luhn_check_digit


@pytest.mark.parametrize("imei", ["490154203237518", "35-209900-176148-1", "353 918 058 120 383", "356938035643809"])
def test_known_valid_imeis(imei: str) -> None:
    result = check_imei(imei)
    assert result.valid, result.message
    assert len(result.normalized) == 15


def test_a_wrong_check_digit_is_rejected_with_a_reason() -> None:
    result = check_imei("490154203237519")
    assert not result.valid
    assert result.problem is ImeiProblem.CHECK_DIGIT
    assert result.message is not None and "last digit" in result.message.render()


def test_fourteen_digits_get_the_check_digit_suggested() -> None:
    result = check_imei("49015420323751")
    assert result.problem is ImeiProblem.MISSING_CHECK_DIGIT
    assert result.suggestion == "490154203237518"
    assert result.message is not None and "490154203237518" in result.message.render()


def test_sixteen_digits_are_explained_as_imeisv() -> None:
    result = check_imei("3591930402371201")
    assert result.problem is ImeiProblem.IMEISV
    assert result.message is not None and "IMEISV" in result.message.render()


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", ImeiProblem.EMPTY),
        ("49015420323751A", ImeiProblem.NOT_DIGITS),
        ("4901542032", ImeiProblem.TOO_SHORT),
        ("49015420323751812", ImeiProblem.TOO_LONG),
        ("000000000000000", ImeiProblem.ALL_ZERO),
        ("٤٩٠١٥٤٢٠٣٢٣٧٥١٨", ImeiProblem.NOT_DIGITS),
    ],
)
def test_every_rejection_says_why(typed: str, problem: ImeiProblem) -> None:
    result = check_imei(typed)
    assert result.problem is problem
    assert result.message is not None and result.message.render()


@given(st.text(alphabet="0123456789", min_size=14, max_size=14))
def test_the_suggested_check_digit_always_validates(body: str) -> None:
    full = body + str(luhn_check_digit(body))
    if set(full) != {"0"}:
        assert check_imei(full).valid


@given(st.text(max_size=200))
def test_no_input_makes_the_check_raise(text: str) -> None:
    check_imei(text)
