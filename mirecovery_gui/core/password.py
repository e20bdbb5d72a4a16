"""The new-password rules (as data from the provider profile) and a strength estimate.

The rules are the provider's: Xiaomi wants 8-16 printable ASCII characters
with at least two of letters, digits and symbols, and not holding the
account's email, phone number or ID. The client checks them before sending
so the user sees each rule turn green as they type; the server still decides.

What counts as "the account's email, phone or ID" is decided once, by
:func:`identifier_forms`: the checklist (:func:`check_password`), the strength
meter (:func:`estimate_strength`) and the training service all ask it, so the
checklist can never pass a password that the meter says contains the phone.

The strength estimate is zxcvbn (the Rust port, ``zxcvbn-rs-py``: about
0.1 ms at 8 characters and 1-3 ms at 64-256, where the pure-Python port takes
50 ms), fed with the identifier's forms and parts as context words. Its
feedback comes back as enums so the GUI can translate it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum, IntEnum
from functools import lru_cache
from typing import Any

from mirecovery_gui.core.identifier import phone_digit_forms
from mirecovery_gui.core.messages import QT_TRANSLATE_NOOP, Message

_CTX = "PasswordRule"
# zxcvbn's matching is superlinear in length; nothing useful is learned past
# this, and a pasted novel must not stall a keystroke (KeePassXC caps the same).
STRENGTH_INPUT_CAP = 256
_SYMBOLS = frozenset(string.punctuation + " ")


@dataclass(frozen=True)
class PasswordPolicy:
    min_length: int = 8
    max_length: int = 16
    printable_ascii_only: bool = True
    min_character_classes: int = 2
    forbid_only_digits_or_letters: bool = True
    forbid_identifier: bool = True

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> PasswordPolicy:
        known = {name for name in cls.__dataclass_fields__}
        values = {key: data[key] for key in data if key in known}
        policy = cls(**values)
        if not 1 <= policy.min_length <= policy.max_length:
            raise ValueError("password policy: min_length must be between 1 and max_length")
        if not 1 <= policy.min_character_classes <= 3:
            raise ValueError("password policy: min_character_classes must be 1, 2 or 3")
        return policy


class Rule(Enum):
    LENGTH = "length"
    CHARACTERS = "characters"
    CLASSES = "classes"
    NOT_IDENTIFIER = "not_identifier"


@dataclass(frozen=True)
class RuleResult:
    rule: Rule
    passed: bool
    message: Message


def _rule_messages(policy: PasswordPolicy) -> dict[Rule, Message]:
    return {
        Rule.LENGTH: Message.of(
            _CTX,
            QT_TRANSLATE_NOOP("PasswordRule", "{min} to {max} characters"),
            min=policy.min_length,
            max=policy.max_length,
        ),
        Rule.CHARACTERS: Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "PasswordRule", "Only English letters, digits and keyboard symbols (no emoji or accents)"
            ),
        ),
        Rule.CLASSES: Message(
            _CTX,
            QT_TRANSLATE_NOOP("PasswordRule", "At least two of: letters, digits, symbols")
            if policy.min_character_classes == 2
            else QT_TRANSLATE_NOOP("PasswordRule", "Letters, digits and symbols")
            if policy.min_character_classes == 3
            else QT_TRANSLATE_NOOP("PasswordRule", "Letters, digits or symbols"),
        ),
        Rule.NOT_IDENTIFIER: Message(
            _CTX, QT_TRANSLATE_NOOP("PasswordRule", "Does not contain your email, phone number or Mi account ID")
        ),
    }


def character_classes(password: str) -> int:
    letters = any(c.isascii() and c.isalpha() for c in password)
    digits = any(c.isascii() and c.isdigit() for c in password)
    symbols = any(c in _SYMBOLS for c in password)
    return int(letters) + int(digits) + int(symbols)


def check_password(policy: PasswordPolicy, password: str, identifiers: Iterable[str] = ()) -> list[RuleResult]:
    """Each rule of ``policy`` with whether ``password`` meets it, in display order."""
    messages = _rule_messages(policy)
    results = [
        RuleResult(
            Rule.LENGTH,
            policy.min_length <= len(password) <= policy.max_length,
            messages[Rule.LENGTH],
        )
    ]
    if policy.printable_ascii_only:
        printable = bool(password) and all(" " <= c <= "~" for c in password)
        results.append(RuleResult(Rule.CHARACTERS, printable, messages[Rule.CHARACTERS]))
    classes_ok = character_classes(password) >= policy.min_character_classes
    if policy.forbid_only_digits_or_letters:
        classes_ok = classes_ok and not (password.isdigit() or password.isalpha())
    results.append(RuleResult(Rule.CLASSES, classes_ok and bool(password), messages[Rule.CLASSES]))
    if policy.forbid_identifier:
        clash = contains_identifier(password, identifiers)
        results.append(RuleResult(Rule.NOT_IDENTIFIER, bool(password) and not clash, messages[Rule.NOT_IDENTIFIER]))
    return results


# --- the account's identifiers inside a password -----------------------------------------

# Shorter than this, a piece of an identifier is ordinary text ("bob", "62"):
# refusing every password that holds it would refuse good passwords for nothing.
MIN_FORM_LENGTH = 4
# Phone numbers are written with these between the digit groups ("0812-0000-0001");
# a password holding the number so written still holds the number.
_DIGIT_SEPARATORS = re.compile(r"[\s\-.()/]")
_PHONE_WRITTEN = re.compile(r"(\+|00)[0-9\s\-.()/]+")


@dataclass(frozen=True)
class _Forms:
    whole: tuple[str, ...]  # the identifier as a person types it: never allowed in a password
    digits: tuple[str, ...]  # those of ``whole`` that are digit strings (matched across separators too)
    parts: tuple[str, ...]  # pieces of it ("budi" of budi.santoso@...): only weaken the estimate


@lru_cache(maxsize=64)
def _forms_of(identifier: str) -> _Forms:
    text = identifier.strip().casefold()
    if not text:
        return _Forms((), (), ())
    if "@" in text:
        local, _, domain = text.rpartition("@")
        whole = [text, local]
        pieces = [piece for piece in re.split(r"[._+\-]", local) if len(piece) >= 3]
        labels = [label for label in domain.split(".")[:-1] if len(label) >= 3]
        return _Forms(_long(whole), (), _long([*pieces, *labels], minimum=3))
    if _PHONE_WRITTEN.fullmatch(text):
        # Kept with its country code (E.164), so every national form can be derived.
        digits = "".join(c for c in text.removeprefix("00") if c.isdigit())
        forms = phone_digit_forms("+" + digits)
        return _Forms(_long(forms), _long(f for f in forms if f.isdigit()), _long([digits[-8:], digits[-4:]]))
    if text.isascii() and text.isdigit():  # a Mi account ID
        return _Forms(_long([text]), _long([text]), ())
    return _Forms(_long([text]), (), ())


def _long(forms: Iterable[str], minimum: int = MIN_FORM_LENGTH) -> tuple[str, ...]:
    return tuple(dict.fromkeys(form for form in forms if len(form) >= minimum))


def identifier_forms(identifiers: Iterable[str]) -> list[str]:
    """Every form of the account's identifiers that a password may not contain, lower case.

    ``identifiers`` are as the service keeps them: emails, phone numbers in
    E.164 (``+6281200000001``), Mi account IDs. An email counts whole and as
    its local part; a phone in every digits-only form (international with and
    without +, national with and without the trunk prefix: see
    :func:`~mirecovery_gui.core.identifier.phone_digit_forms`); an ID as its
    digits. Anything shorter than :data:`MIN_FORM_LENGTH` is left out.
    """
    return list(dict.fromkeys(form for ident in identifiers for form in _forms_of(ident).whole))


def contains_identifier(password: str, identifiers: Iterable[str]) -> bool:
    """Whether ``password`` holds one of :func:`identifier_forms`, in any letter case.

    A phone number or ID also counts when written with spaces, dashes, dots
    or brackets between its digits.
    """
    if not password:
        return False
    lowered = password.casefold()
    compact = _DIGIT_SEPARATORS.sub("", lowered)
    for ident in identifiers:
        forms = _forms_of(ident)
        if any(form in lowered for form in forms.whole) or any(form in compact for form in forms.digits):
            return True
    return False


def _contains_part(password: str, identifiers: Iterable[str]) -> bool:
    lowered = password.casefold()
    return any(len(part) >= MIN_FORM_LENGTH and part in lowered for i in identifiers for part in _forms_of(i).parts)


def meets_policy(policy: PasswordPolicy, password: str, identifiers: Iterable[str] = ()) -> bool:
    return all(result.passed for result in check_password(policy, password, identifiers))


# Letters and digits that cannot be mistaken for each other when the owner
# copies the password onto paper or into the phone by hand (no 0/O, 1/l/I).
_READABLE = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def suggest_password(policy: PasswordPolicy, identifiers: Iterable[str] = ()) -> str:
    """A random password that meets ``policy``: groups of readable characters joined by dashes.

    Up to 16 characters: "k7Pm-Wq3z-Hn4c" (three groups of four, about 70
    bits from the operating system's random source).
    """
    import secrets

    known = list(identifiers)
    group, groups = 4, 3
    while group * groups + groups - 1 > policy.max_length and group > 2:
        group -= 1
    while True:
        parts = ["".join(secrets.choice(_READABLE) for _ in range(group)) for _ in range(groups)]
        candidate = "-".join(parts)
        if len(candidate) < policy.min_length:
            candidate += "-" + "".join(secrets.choice(_READABLE) for _ in range(policy.min_length - len(candidate) - 1))
        has_digit = any(c.isdigit() for c in candidate)
        has_letter = any(c.isalpha() for c in candidate)
        if has_digit and has_letter and meets_policy(policy, candidate, known):
            return candidate


class StrengthScore(IntEnum):
    VERY_WEAK = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3
    VERY_STRONG = 4


class CrackTime(Enum):
    """How long an online attacker (throttled, 100 guesses an hour) would need."""

    INSTANT = "instant"
    HOURS = "hours"
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"
    CENTURIES = "centuries"


class StrengthWarning(Enum):
    KEYBOARD_ROW = "keyboard_row"
    KEYBOARD_PATTERN = "keyboard_pattern"
    REPEATS = "repeats"
    REPEATED_PATTERN = "repeated_pattern"
    TOP_10 = "top_10"
    TOP_100 = "top_100"
    COMMON = "common"
    SIMILAR_TO_COMMON = "similar_to_common"
    SEQUENCE = "sequence"
    RECENT_YEAR = "recent_year"
    SINGLE_WORD = "single_word"
    DATE = "date"
    NAME = "name"
    COMMON_NAME = "common_name"
    PERSONAL = "personal"  # the account's email, phone or ID: the same finding as Rule.NOT_IDENTIFIER
    PERSONAL_PART = "personal_part"  # a piece of it (a name from the email, the phone's last digits)


class StrengthSuggestion(Enum):
    FEW_WORDS = "few_words"
    NO_NEED_FOR_SYMBOLS = "no_need_for_symbols"
    ADD_WORD = "add_word"
    CAPITALIZATION = "capitalization"
    ALL_UPPERCASE = "all_uppercase"
    REVERSED = "reversed"
    SUBSTITUTIONS = "substitutions"
    LONGER_KEYBOARD_PATTERN = "longer_keyboard_pattern"
    AVOID_REPEATS = "avoid_repeats"
    AVOID_SEQUENCES = "avoid_sequences"
    AVOID_RECENT_YEARS = "avoid_recent_years"
    AVOID_PERSONAL_YEARS = "avoid_personal_years"
    AVOID_PERSONAL_DATES = "avoid_personal_dates"
    AVOID_PERSONAL_INFO = "avoid_personal_info"


_WARNINGS: dict[str, StrengthWarning] = {
    "StraightRowsOfKeysAreEasyToGuess": StrengthWarning.KEYBOARD_ROW,
    "ShortKeyboardPatternsAreEasyToGuess": StrengthWarning.KEYBOARD_PATTERN,
    "RepeatsLikeAaaAreEasyToGuess": StrengthWarning.REPEATS,
    "RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess": StrengthWarning.REPEATED_PATTERN,
    "ThisIsATop10Password": StrengthWarning.TOP_10,
    "ThisIsATop100Password": StrengthWarning.TOP_100,
    "ThisIsACommonPassword": StrengthWarning.COMMON,
    "ThisIsSimilarToACommonlyUsedPassword": StrengthWarning.SIMILAR_TO_COMMON,
    "SequencesLikeAbcAreEasyToGuess": StrengthWarning.SEQUENCE,
    "RecentYearsAreEasyToGuess": StrengthWarning.RECENT_YEAR,
    "AWordByItselfIsEasyToGuess": StrengthWarning.SINGLE_WORD,
    "DatesAreOftenEasyToGuess": StrengthWarning.DATE,
    "NamesAndSurnamesByThemselvesAreEasyToGuess": StrengthWarning.NAME,
    "CommonNamesAndSurnamesAreEasyToGuess": StrengthWarning.COMMON_NAME,
}

_SUGGESTIONS: dict[str, StrengthSuggestion] = {
    "UseAFewWordsAvoidCommonPhrases": StrengthSuggestion.FEW_WORDS,
    "NoNeedForSymbolsDigitsOrUppercaseLetters": StrengthSuggestion.NO_NEED_FOR_SYMBOLS,
    "AddAnotherWordOrTwo": StrengthSuggestion.ADD_WORD,
    "CapitalizationDoesntHelpVeryMuch": StrengthSuggestion.CAPITALIZATION,
    "AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase": StrengthSuggestion.ALL_UPPERCASE,
    "ReversedWordsArentMuchHarderToGuess": StrengthSuggestion.REVERSED,
    "PredictableSubstitutionsDontHelpVeryMuch": StrengthSuggestion.SUBSTITUTIONS,
    "UseALongerKeyboardPatternWithMoreTurns": StrengthSuggestion.LONGER_KEYBOARD_PATTERN,
    "AvoidRepeatedWordsAndCharacters": StrengthSuggestion.AVOID_REPEATS,
    "AvoidSequences": StrengthSuggestion.AVOID_SEQUENCES,
    "AvoidRecentYears": StrengthSuggestion.AVOID_RECENT_YEARS,
    "AvoidYearsThatAreAssociatedWithYou": StrengthSuggestion.AVOID_PERSONAL_YEARS,
    "AvoidDatesAndYearsThatAreAssociatedWithYou": StrengthSuggestion.AVOID_PERSONAL_DATES,
}


@dataclass(frozen=True)
class Strength:
    score: StrengthScore
    crack_time: CrackTime
    warning: StrengthWarning | None = None
    suggestions: tuple[StrengthSuggestion, ...] = ()


EMPTY_STRENGTH = Strength(StrengthScore.VERY_WEAK, CrackTime.INSTANT)

_HOUR = 3600.0
_DAY = 24 * _HOUR
_SECONDS_PER_GUESS = _HOUR / 100  # the online, throttled attacker of CrackTime
# zxcvbn's score thresholds: below 10^3 guesses is 0, below 10^6 is 1, and so on.
_MOST_GUESSES: dict[StrengthScore, float] = {
    StrengthScore.VERY_WEAK: 1e3,
    StrengthScore.WEAK: 1e6,
    StrengthScore.FAIR: 1e8,
    StrengthScore.STRONG: 1e10,
}


def _crack_time(seconds: float) -> CrackTime:
    if seconds < _HOUR:
        return CrackTime.INSTANT
    if seconds < _DAY:
        return CrackTime.HOURS
    if seconds < 31 * _DAY:
        return CrackTime.DAYS
    if seconds < 365 * _DAY:
        return CrackTime.MONTHS
    if seconds < 100 * 365 * _DAY:
        return CrackTime.YEARS
    return CrackTime.CENTURIES


def _variant_name(value: object) -> str:
    # zxcvbn-rs-py's enums are pyo3 enums: comparable and int()-able but
    # unhashable and without .name; their repr is "Warning.ThisIsATop10Password".
    return repr(value).rpartition(".")[2]


def _whole_characters(text: str) -> str:
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def estimate_strength(password: str, identifiers: Iterable[str] = ()) -> Strength:
    """Score ``password`` 0-4 with zxcvbn; the account's ``identifiers`` count against it.

    ``identifiers`` are those :func:`check_password` gets: the meter warns that
    the password contains the account's email, phone or ID exactly when the
    checklist's :attr:`Rule.NOT_IDENTIFIER` fails.
    """
    if not password:
        return EMPTY_STRENGTH
    from zxcvbn_rs_py import zxcvbn

    known = [ident for ident in identifiers if ident]
    # A lone surrogate (broken UTF-16 from a paste) cannot cross into the
    # estimator's Rust code; it counts as one unusual character all the same.
    sample = _whole_characters(password[:STRENGTH_INPUT_CAP])
    forms = [form for ident in known for form in (*_forms_of(ident).whole, *_forms_of(ident).parts)]
    words = [_whole_characters(word) for word in dict.fromkeys(forms)]
    result = zxcvbn(sample, words)
    score = StrengthScore(int(result.score))
    seconds = float(result.crack_times_seconds.online_throttling_100_per_hour)
    warning: StrengthWarning | None = None
    suggestions: tuple[StrengthSuggestion, ...] = ()
    # zxcvbn already discounts user inputs but says nothing about it; the user
    # should learn why, and anyone who knows the account knows these.
    if contains_identifier(password, known):
        warning = StrengthWarning.PERSONAL
        suggestions = (StrengthSuggestion.AVOID_PERSONAL_INFO,)
        # Guessable by whoever knows the account, whatever zxcvbn thinks of the rest
        # (it does not see a phone number written with dashes, for one).
        score = min(score, StrengthScore.WEAK)
    elif _contains_part(sample, known):
        warning = StrengthWarning.PERSONAL_PART
        suggestions = (StrengthSuggestion.AVOID_PERSONAL_INFO,)
        score = min(score, StrengthScore.FAIR)
    # The time said must not contradict the level shown: no longer than zxcvbn
    # allows a password of that score (its thresholds, at 100 guesses an hour).
    seconds = min(seconds, _MOST_GUESSES.get(score, seconds) * _SECONDS_PER_GUESS)
    crack = _crack_time(seconds)
    if result.feedback is not None:
        if warning is None and result.feedback.warning is not None:
            warning = _WARNINGS.get(_variant_name(result.feedback.warning))
        names = (_variant_name(item) for item in result.feedback.suggestions)
        suggestions += tuple(_SUGGESTIONS[name] for name in names if name in _SUGGESTIONS)
    return Strength(score, crack, warning, suggestions)
