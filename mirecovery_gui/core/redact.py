"""Keep secrets and personal data out of logs.

:func:`redact` masks, in any string, email addresses, phone numbers, IMEIs,
Mi account IDs and verification codes (every run of four or more digits, with
or without separators, is treated as one of them), the values of fields
that carry secrets (``password=...``, ``ticket: ...``, cookies), and
everything after a link's address (a mail link carries a whole support
request; a query string can carry anything). It errs on the
side of masking: a log line that loses a harmless number is cheap, a log line
that keeps a customer's IMEI is not.

:class:`RedactingFilter` applies it to every record (message, arguments,
traceback and stack) and is installed on every handler.
"""

from __future__ import annotations

import logging
import re

_SECRET_KEYS = (
    r"pass(?:word|wd)?|pwd|new_?password|ticket|icode|capt_?code|captcha(?:_answer)?"
    r"|code|ick|identity_session|pass_?token|service_?token|cookie|set-cookie"
    r"|authorization|session|token|answer"
)
# key=value, key: value, "key": "value" (JSON), key=value in a query string
_KEY_VALUE = re.compile(
    r"(?P<key>[\"']?\b(?:" + _SECRET_KEYS + r")\b[\"']?\s*[:=]\s*)"
    r"(?P<value>\"[^\"]*\"|'[^']*'|[^\s,;&}\]]+)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A + or digit, then digits with optional single separators: phone numbers,
# IMEIs, account IDs and codes alike, as long as four digits appear in total.
_NUMBER = re.compile(r"(?<![\w.])\+?\d(?:[\s\-./()]?\d){3,}(?![\w])")

# Result codes, HTTP statuses, ports and durations are what a log is read for;
# written as rc=87001, HTTP 503, port=8080 or elapsed=1234ms they are kept.
_KEEP = re.compile(r"\b(?:rc=|HTTP |status=|port=|elapsed=|pid=|line )\d{1,9}(?:ms)?\b")

# A mail link to the end of its line (Qt's own warnings quote a link they could
# not open, decoded: spaces and all); a web address from its query or fragment on.
_LINK = re.compile(r"(?P<scheme>mailto:)[^\n]*|(?P<address>https?://[^\s?#'\"]+)[?#][^\s'\"]*", re.IGNORECASE)

MASK = "<redacted>"


def _link(match: re.Match[str]) -> str:
    return (match.group("scheme") or match.group("address") + "?") + MASK


def _redact_part(text: str) -> str:
    text = _LINK.sub(_link, text)
    text = _KEY_VALUE.sub(lambda m: m.group("key") + MASK, text)
    text = _EMAIL.sub("<email>", text)
    return _NUMBER.sub("<number>", text)


def redact(text: str) -> str:
    """``text`` with secrets and personal data replaced by placeholders."""
    if not text:
        return text
    out: list[str] = []
    position = 0
    for kept in _KEEP.finditer(text):
        out.append(_redact_part(text[position : kept.start()]))
        out.append(kept.group(0))
        position = kept.end()
    out.append(_redact_part(text[position:]))
    return "".join(out)


class RedactingFilter(logging.Filter):
    """Rewrites each record so no handler can see the unredacted text."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} (unformattable arguments)"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
            # The traceback is now text; the live exception (with its locals'
            # reprs in some formatters) must not reach another handler.
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def install_redaction(logger: logging.Logger | None = None) -> RedactingFilter:
    """Put one redaction filter on every handler of ``logger`` (the root by default)."""
    target = logger or logging.getLogger()
    redactor = RedactingFilter()
    for handler in target.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(redactor)
    return redactor
