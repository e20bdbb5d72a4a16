"""The identifier a recovery starts from: an email, a phone number or a Mi account ID.

:func:`parse_identifier` never raises: garbage comes back as an
:class:`InvalidIdentifier` whose message says what is wrong and how to fix it.
Phone numbers go through Google's libphonenumber port (``phonenumbers``) and
emails through ``email-validator`` (syntax only; nothing is looked up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from mirecovery_gui.core.messages import QT_TRANSLATE_NOOP, Message

DEFAULT_REGION = "ID"
MAX_LENGTH = 254  # the longest email address SMTP allows; nothing valid is longer

_CTX = "Identifier"

# Mi account IDs are plain numbers; those seen in public sources have 6 to 10
# digits. Longer digit runs are read as phone numbers.
_ACCOUNT_ID = re.compile(r"[1-9][0-9]{5,9}")
_PHONE_CHARS = re.compile(r"[0-9+\-().\s/]+")


class IdentifierKind(Enum):
    EMAIL = "email"
    PHONE = "phone"
    ACCOUNT_ID = "account_id"


class IdentifierProblem(Enum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    EMAIL_NO_AT = "email_no_at"
    EMAIL_INVALID = "email_invalid"
    EMAIL_DOMAIN = "email_domain"
    PHONE_TOO_SHORT = "phone_too_short"
    PHONE_TOO_LONG = "phone_too_long"
    PHONE_COUNTRY = "phone_country"
    PHONE_INVALID = "phone_invalid"
    UNRECOGNISED = "unrecognised"


_PROBLEM_TEXT: dict[IdentifierProblem, str] = {
    IdentifierProblem.EMPTY: QT_TRANSLATE_NOOP(
        "Identifier", "Type the email, phone number or Mi account ID of the account."
    ),
    IdentifierProblem.TOO_LONG: QT_TRANSLATE_NOOP(
        "Identifier", "This is too long for an email, phone number or Mi account ID."
    ),
    IdentifierProblem.EMAIL_NO_AT: QT_TRANSLATE_NOOP(
        "Identifier", "An email address needs an @, for example name@gmail.com."
    ),
    IdentifierProblem.EMAIL_INVALID: QT_TRANSLATE_NOOP(
        "Identifier",
        "This email address is not complete or has a typing mistake. Check it, for example name@gmail.com.",
    ),
    IdentifierProblem.EMAIL_DOMAIN: QT_TRANSLATE_NOOP(
        "Identifier",
        "Check the part after the @: it should look like gmail.com or yahoo.co.id.",
    ),
    IdentifierProblem.PHONE_TOO_SHORT: QT_TRANSLATE_NOOP(
        "Identifier", "This phone number is too short. Check that no digit is missing."
    ),
    IdentifierProblem.PHONE_TOO_LONG: QT_TRANSLATE_NOOP(
        "Identifier", "This phone number has too many digits. Check it again."
    ),
    IdentifierProblem.PHONE_COUNTRY: QT_TRANSLATE_NOOP(
        "Identifier",
        "The country code is not known. Start with + and the country code, for example +62 812 0000 0001.",
    ),
    IdentifierProblem.PHONE_INVALID: QT_TRANSLATE_NOOP(
        "Identifier",
        "This is not a valid phone number for the chosen country. Check the digits or choose another country.",
    ),
    IdentifierProblem.UNRECOGNISED: QT_TRANSLATE_NOOP(
        "Identifier",
        "This does not look like an email, a phone number or a Mi account ID. "
        "Examples: name@gmail.com, 0812 0000 0001, 1234567890.",
    ),
}


@dataclass(frozen=True)
class Identifier:
    """A checked identifier.

    ``normalized`` is what the server gets (E.164 for phones), ``display`` is
    how the app shows it back to the user.
    """

    kind: IdentifierKind
    normalized: str
    display: str

    def masked(self) -> str:
        """A form that lets staff recognise a case without storing the identifier."""
        return mask_identifier(self.kind, self.normalized)

    def context_words(self) -> list[str]:
        """Words a password must not be built from (for the strength estimate)."""
        words = {self.normalized}
        if self.kind is IdentifierKind.EMAIL:
            local, _, domain = self.normalized.partition("@")
            words.add(local)
            words.update(part for part in re.split(r"[._+\-]", local) if len(part) >= 3)
            words.update(part for part in domain.split(".")[:-1] if len(part) >= 3)
        elif self.kind is IdentifierKind.PHONE:
            digits = self.normalized.lstrip("+")
            words.update({digits, digits[-8:], digits[-4:]})
        return sorted(words)


@dataclass(frozen=True)
class InvalidIdentifier:
    problem: IdentifierProblem

    @property
    def message(self) -> Message:
        return Message(_CTX, _PROBLEM_TEXT[self.problem])


def mask_identifier(kind: IdentifierKind, normalized: str) -> str:
    if kind is IdentifierKind.EMAIL:
        local, _, domain = normalized.partition("@")
        return f"{local[:1]}***@{domain}"
    if kind is IdentifierKind.PHONE:
        return f"{normalized[:3]}*****{normalized[-4:]}" if len(normalized) > 7 else "*****"
    return f"{normalized[:2]}******{normalized[-2:]}" if len(normalized) > 4 else "******"


def parse_identifier(text: str, default_region: str = DEFAULT_REGION) -> Identifier | InvalidIdentifier:
    """Classify and check what the user typed. Never raises."""
    value = text.strip()
    if not value:
        return InvalidIdentifier(IdentifierProblem.EMPTY)
    if len(value) > MAX_LENGTH:
        return InvalidIdentifier(IdentifierProblem.TOO_LONG)
    if "@" in value:
        return _parse_email(value)
    compact = re.sub(r"\s", "", value)
    if _ACCOUNT_ID.fullmatch(compact) and compact == value:
        return Identifier(IdentifierKind.ACCOUNT_ID, compact, compact)
    if _PHONE_CHARS.fullmatch(value) and any(c.isdigit() for c in value):
        return parse_phone(value, default_region)
    if "." in value and not any(c.isspace() for c in value):
        # "name.gmail.com": most often an email with the @ forgotten
        return InvalidIdentifier(IdentifierProblem.EMAIL_NO_AT)
    return InvalidIdentifier(IdentifierProblem.UNRECOGNISED)


def _parse_email(value: str) -> Identifier | InvalidIdentifier:
    from email_validator import EmailNotValidError, validate_email

    local, _, domain = value.rpartition("@")
    if not local or any(c.isspace() for c in value):
        return InvalidIdentifier(IdentifierProblem.EMAIL_INVALID)
    if "." not in domain or domain.startswith(".") or domain.endswith("."):
        return InvalidIdentifier(IdentifierProblem.EMAIL_DOMAIN)
    try:
        checked = validate_email(value, check_deliverability=False, allow_smtputf8=True)
    except EmailNotValidError:
        return InvalidIdentifier(IdentifierProblem.EMAIL_INVALID)
    except Exception:  # the library must never take the app down on odd Unicode
        return InvalidIdentifier(IdentifierProblem.EMAIL_INVALID)
    normalized = str(checked.normalized)
    # Mail providers treat the local part case-insensitively in practice and
    # Xiaomi matches accounts that way; compare in lower case.
    return Identifier(IdentifierKind.EMAIL, normalized.lower(), normalized)


def parse_phone(value: str, default_region: str = DEFAULT_REGION) -> Identifier | InvalidIdentifier:
    """A phone number, international (+62..., 0062...) or local to ``default_region``."""
    import phonenumbers
    from phonenumbers import NumberParseException, ValidationResult

    candidate = value.strip()
    if candidate.startswith("00"):
        candidate = "+" + candidate[2:]
    region = default_region.upper() if default_region else DEFAULT_REGION
    try:
        number = phonenumbers.parse(candidate, None if candidate.startswith("+") else region)
    except NumberParseException as exc:
        if exc.error_type == NumberParseException.INVALID_COUNTRY_CODE:
            return InvalidIdentifier(IdentifierProblem.PHONE_COUNTRY)
        if exc.error_type == NumberParseException.TOO_LONG:
            return InvalidIdentifier(IdentifierProblem.PHONE_TOO_LONG)
        if exc.error_type in (
            NumberParseException.TOO_SHORT_NSN,
            NumberParseException.TOO_SHORT_AFTER_IDD,
        ):
            return InvalidIdentifier(IdentifierProblem.PHONE_TOO_SHORT)
        return InvalidIdentifier(IdentifierProblem.PHONE_INVALID)
    except Exception:
        return InvalidIdentifier(IdentifierProblem.PHONE_INVALID)
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        return InvalidIdentifier(IdentifierProblem.PHONE_COUNTRY)
    if reason == ValidationResult.TOO_SHORT:
        return InvalidIdentifier(IdentifierProblem.PHONE_TOO_SHORT)
    if reason == ValidationResult.TOO_LONG:
        return InvalidIdentifier(IdentifierProblem.PHONE_TOO_LONG)
    if not phonenumbers.is_valid_number(number):
        return InvalidIdentifier(IdentifierProblem.PHONE_INVALID)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return Identifier(IdentifierKind.PHONE, e164, display)


def phone_digit_forms(e164: str) -> tuple[str, ...]:
    """The digits-only ways a person writes the phone number ``e164``, longest first.

    The country comes from the number's own country code, not from the region
    the user picked: a number is kept in E.164 once parsed, so it is known here
    even when it was typed in national form. For +6281200000001: ``+6281200000001``,
    ``6281200000001`` (international), ``081200000001`` (national, with the
    trunk prefix) and ``81200000001`` (without it). Never raises; what is not
    a phone number comes back as its digits.
    """
    import phonenumbers

    digits = "".join(c for c in e164 if c.isascii() and c.isdigit())
    if not digits:
        return ()
    forms = ["+" + digits, digits]
    try:
        number = phonenumbers.parse("+" + digits, None)
        significant = phonenumbers.national_significant_number(number)
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        region = phonenumbers.region_code_for_number(number)
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
    except Exception:  # odd input must not break a keystroke's check
        return tuple(forms)
    # The national format carries the trunk prefix where the country writes one
    # (0 in Indonesia, 8 in Russia, none in the US); the metadata's prefix covers
    # a country whose format rule leaves it out.
    forms.append("".join(c for c in national if c.isascii() and c.isdigit()))
    prefix = metadata.national_prefix if metadata is not None else None
    if prefix and prefix.isdigit():
        forms.append(prefix + significant)
    forms.append(significant)
    unique = dict.fromkeys(form for form in forms if form)
    return tuple(sorted(unique, key=len, reverse=True))


def supported_regions() -> list[tuple[str, int]]:
    """(ISO region code, country calling code) for every region phonenumbers knows."""
    import phonenumbers

    return sorted((region, phonenumbers.country_code_for_region(region)) for region in phonenumbers.SUPPORTED_REGIONS)
