"""The new-password rules (as data from the provider profile) and a strength estimate.

The rules are the provider's: Xiaomi wants 8-16 printable ASCII characters
with at least two of letters, digits and symbols, and not the account's email
or identifier. The client checks them before sending so the user sees each
rule turn green as they type; the server still decides.

The strength estimate is zxcvbn (the Rust port, ``zxcvbn-rs-py``: about
0.1 ms at 8 characters and 1-3 ms at 64-256, where the pure-Python port takes
50 ms), fed with the identifier's parts as context words. Its feedback comes
back as enums so the GUI can translate it.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Any

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
            _CTX, QT_TRANSLATE_NOOP("PasswordRule", "Not your email, phone number or Mi account ID")
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
        lowered = password.casefold()
        clash = any(ident and lowered == ident.casefold() for ident in identifiers)
        results.append(RuleResult(Rule.NOT_IDENTIFIER, bool(password) and not clash, messages[Rule.NOT_IDENTIFIER]))
    return results


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
    PERSONAL = "personal"


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


def estimate_strength(password: str, context_words: Iterable[str] = ()) -> Strength:
    """Score ``password`` 0-4 with zxcvbn; ``context_words`` (email, name, ...) count as weak."""
    if not password:
        return EMPTY_STRENGTH
    from zxcvbn_rs_py import zxcvbn

    # A lone surrogate (broken UTF-16 from a paste) cannot cross into the
    # estimator's Rust code; it counts as one unusual character all the same.
    sample = _whole_characters(password[:STRENGTH_INPUT_CAP])
    words = [_whole_characters(word) for word in context_words if word]
    result = zxcvbn(sample, words)
    score = StrengthScore(int(result.score))
    crack = _crack_time(float(result.crack_times_seconds.online_throttling_100_per_hour))
    warning: StrengthWarning | None = None
    suggestions: tuple[StrengthSuggestion, ...] = ()
    lowered = sample.casefold()
    if any(len(word) >= 4 and word.casefold() in lowered for word in words):
        # zxcvbn already discounts user inputs but says nothing about it; the
        # user should learn why, and anyone who knows the account knows these.
        warning = StrengthWarning.PERSONAL
        suggestions = (StrengthSuggestion.AVOID_PERSONAL_INFO,)
        score = min(score, StrengthScore.FAIR)
    if result.feedback is not None:
        if warning is None and result.feedback.warning is not None:
            warning = _WARNINGS.get(_variant_name(result.feedback.warning))
        names = (_variant_name(item) for item in result.feedback.suggestions)
        suggestions += tuple(_SUGGESTIONS[name] for name in names if name in _SUGGESTIONS)
    return Strength(score, crack, warning, suggestions)
