"""IMEI checks (3GPP TS 23.003): 14 digits of TAC and serial, then a Luhn check digit.

Users copy IMEIs from ``*#06#``, the box label or the SIM tray, with spaces,
dashes or slashes in between, sometimes without the check digit (14 digits)
or as the 16-digit IMEISV. :func:`check_imei` accepts the separators, suggests
the missing check digit, explains the IMEISV and says why anything else fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from mirecovery_gui.core.messages import QT_TRANSLATE_NOOP, Message

_CTX = "Imei"
_SEPARATORS = re.compile(r"[\s\-/.]")


class ImeiProblem(Enum):
    EMPTY = "empty"
    NOT_DIGITS = "not_digits"
    TOO_SHORT = "too_short"
    MISSING_CHECK_DIGIT = "missing_check_digit"
    IMEISV = "imeisv"
    TOO_LONG = "too_long"
    CHECK_DIGIT = "check_digit"
    ALL_ZERO = "all_zero"


_TEXT: dict[ImeiProblem, str] = {
    ImeiProblem.EMPTY: QT_TRANSLATE_NOOP(
        "Imei", "Type the 15-digit IMEI. Dial *#06# on the phone or look at the box label."
    ),
    ImeiProblem.NOT_DIGITS: QT_TRANSLATE_NOOP("Imei", "An IMEI has digits only. Remove letters and other characters."),
    ImeiProblem.TOO_SHORT: QT_TRANSLATE_NOOP(
        "Imei", "An IMEI has 15 digits; this has {count}. Check that no digit is missing."
    ),
    ImeiProblem.MISSING_CHECK_DIGIT: QT_TRANSLATE_NOOP(
        "Imei",
        "These are 14 digits: the last digit of the IMEI is missing. "
        "If the label shows 14 digits, the full IMEI is {suggestion}.",
    ),
    ImeiProblem.IMEISV: QT_TRANSLATE_NOOP(
        "Imei",
        "These 16 digits are the IMEISV (IMEI and software version), not the IMEI. "
        "Use the 15-digit IMEI shown by *#06# or on the box.",
    ),
    ImeiProblem.TOO_LONG: QT_TRANSLATE_NOOP("Imei", "An IMEI has 15 digits; this has {count}. Check it again."),
    ImeiProblem.CHECK_DIGIT: QT_TRANSLATE_NOOP(
        "Imei",
        "This IMEI has a typing mistake: its last digit does not match the others. "
        "Compare it with *#06# or the box label digit by digit.",
    ),
    ImeiProblem.ALL_ZERO: QT_TRANSLATE_NOOP(
        "Imei",
        "An IMEI of zeros means the phone's IMEI was erased. Use the IMEI printed on the box or the invoice.",
    ),
}


@dataclass(frozen=True)
class ImeiCheck:
    """The outcome of :func:`check_imei`; ``normalized`` holds the digits when valid."""

    normalized: str
    problem: ImeiProblem | None = None
    suggestion: str | None = None
    digit_count: int = 0

    @property
    def valid(self) -> bool:
        return self.problem is None

    @property
    def message(self) -> Message | None:
        if self.problem is None:
            return None
        return Message.of(
            _CTX,
            _TEXT[self.problem],
            count=self.digit_count,
            suggestion=self.suggestion or "",
        )


def luhn_check_digit(body: str) -> int:
    """The Luhn digit that completes ``body`` (the 14 digits before it, for an IMEI)."""
    total = 0
    # Doubling starts from the rightmost digit of the body, which becomes the
    # second digit from the right once the check digit is appended.
    for position, char in enumerate(reversed(body)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


def check_imei(text: str) -> ImeiCheck:
    """Check an IMEI as typed. Never raises."""
    compact = _SEPARATORS.sub("", text)
    if not compact:
        return ImeiCheck("", ImeiProblem.EMPTY)
    if not (compact.isascii() and compact.isdigit()):
        return ImeiCheck("", ImeiProblem.NOT_DIGITS)
    count = len(compact)
    if count == 14:
        suggestion = compact + str(luhn_check_digit(compact))
        return ImeiCheck("", ImeiProblem.MISSING_CHECK_DIGIT, suggestion, count)
    if count == 16:
        return ImeiCheck("", ImeiProblem.IMEISV, digit_count=count)
    if count < 15:
        return ImeiCheck("", ImeiProblem.TOO_SHORT, digit_count=count)
    if count > 15:
        return ImeiCheck("", ImeiProblem.TOO_LONG, digit_count=count)
    if set(compact) == {"0"}:
        return ImeiCheck("", ImeiProblem.ALL_ZERO, digit_count=count)
    if luhn_check_digit(compact[:14]) != int(compact[14]):
        return ImeiCheck("", ImeiProblem.CHECK_DIGIT, digit_count=count)
    return ImeiCheck(compact, digit_count=count)
