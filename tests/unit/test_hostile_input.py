"""Whatever a customer pastes: every validator and the support-request composer stay calm.

Any Unicode (lone surrogates, private use, unassigned code points included),
control characters, right-to-left and zero-width marks, markup and header
injection attempts, up to 10,000 characters. Each property says what the
user can rely on: an answer and a reason, never an exception; nothing that
reorders or hides text reaches a label, a letter or a link.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from urllib.parse import unquote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirecovery_gui.core.identifier import Identifier, InvalidIdentifier, parse_identifier, parse_phone
from mirecovery_gui.core.imei import check_imei
from mirecovery_gui.core.password import PasswordPolicy, check_password, estimate_strength
from mirecovery_gui.core.redact import redact
from mirecovery_gui.core.support_request import (
    QR_MAX,
    Field,
    SupportFacts,
    check_field,
    compose,
    mail_link,
    validate,
)
from mirecovery_gui.core.text import digits_only, plain_text

TRICKS = [
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\u2066",  # left-to-right isolate
    "\u200b",  # zero-width space
    "\ufeff",  # byte order mark
    "\x00",
    "\x1b[31m",
    "\r\n",
    "\ud800",  # a lone surrogate (broken UTF-16 from a paste, or bad bytes on a command line)
    "<b>bold</b><a href='x'>link</a>",
    '=HYPERLINK("http://x")',
    "?bcc=evil@example.com&subject=x",
    "%0D%0ABcc:evil@example.com",
    "&&&START&&&",
    "١٢٣٤٥٦٧٨٩٠",  # Arabic-Indic digits
    "𝟏𝟐𝟑",  # mathematical digits
    "😀👍🏽",
    "e\u0301\u0301\u0301",  # stacked combining marks
]
any_char = st.characters(codec=None, exclude_categories=())  # every code point, surrogates included
hostile = st.one_of(
    st.text(any_char, max_size=200),
    st.lists(st.sampled_from(TRICKS) | st.text(any_char, max_size=8), max_size=30).map("".join),
    st.builds(lambda base, n: base * n, st.text(any_char, min_size=1, max_size=5), st.integers(1000, 2000)),
    st.just("x" * 10_000),
)
HOSTILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
POLICY = PasswordPolicy()


def readable(text: str) -> bool:
    """Nothing in ``text`` is invisible-but-active: no control, bidi control, surrogate or unassigned."""
    return not any(
        unicodedata.category(char) in ("Cc", "Cs", "Cn")
        or char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        for char in text
        if char != "\n"
    )


@HOSTILE
@given(hostile, st.sampled_from(["ID", "MY", "US", "XX", ""]))
def test_an_identifier_is_understood_or_refused_with_a_reason(text: str, region: str) -> None:
    parsed = parse_identifier(text, region)
    if isinstance(parsed, Identifier):
        assert readable(parsed.normalized) and readable(parsed.display)
        assert len(parsed.normalized) <= 254
    else:
        assert isinstance(parsed, InvalidIdentifier) and parsed.message.render()
    phone = parse_phone(text, region)
    assert isinstance(phone, Identifier | InvalidIdentifier)


@HOSTILE
@given(hostile)
def test_an_imei_is_checked_with_a_reason(text: str) -> None:
    result = check_imei(text)
    if result.valid:
        assert re.fullmatch(r"[0-9]{15}", result.normalized)
    else:
        assert result.message.render()


@HOSTILE
@given(hostile, st.lists(hostile, max_size=3))
def test_a_password_gets_every_rule_and_a_strength(password: str, identifiers: list[str]) -> None:
    results = check_password(POLICY, password, identifiers)
    assert len({result.rule for result in results}) == len(results) > 0
    strength = estimate_strength(password, identifiers)
    assert 0 <= int(strength.score) <= 4


@HOSTILE
@given(st.sampled_from(list(Field)), hostile)
def test_every_support_field_answers_with_a_problem_or_none(which: Field, text: str) -> None:
    problem = check_field(which, text, SupportFacts(), dt.date(2026, 11, 28))
    assert problem is None or problem.render()


def facts_strategy() -> st.SearchStrategy[SupportFacts]:
    names = [name for name in SupportFacts.__dataclass_fields__ if name != "checklist"]
    return st.fixed_dictionaries({name: hostile for name in names}).map(lambda values: SupportFacts(**values))


@HOSTILE
@given(facts_strategy(), st.sampled_from(["en", "id"]), hostile)
def test_the_support_request_is_a_clean_letter_and_a_safe_link(facts: SupportFacts, language: str, to: str) -> None:
    problems = validate(facts, dt.date(2026, 11, 28))
    assert all(message.render() for message in problems.values())
    request = compose(facts, language)
    for text in (request.subject, request.body, request.compact_body):
        assert readable(text), repr(text[:200])
    assert "\n" not in request.subject
    link = mail_link(request, to, QR_MAX)
    if link is None:  # not one plain address: no link at all, so try the request with a real one
        link = mail_link(request, "service.id@xiaomi.com", QR_MAX)
    assert link is not None and len(link.url) <= QR_MAX
    assert link.url.isascii() and not re.search(r"\s", link.url)
    # Whatever was typed as the address, it cannot add a header (bcc, cc, a second body).
    address, _, query = link.url.removeprefix("mailto:").partition("?")
    assert "?" not in unquote(address) or "%3F" in address
    assert [part.split("=")[0] for part in query.split("&")] == ["subject", "body"]


@HOSTILE
@given(hostile, st.integers(0, 600))
def test_text_shown_in_a_label_is_plain_and_bounded(text: str, limit: int) -> None:
    shown = plain_text(text, limit)
    assert readable(shown) and "\n" not in shown
    assert len(shown) <= max(limit, 1)
    assert re.fullmatch(r"[0-9]*", digits_only(text))


@HOSTILE
@given(hostile)
def test_a_log_line_is_redacted_without_failing(text: str) -> None:
    once = redact(text)
    assert isinstance(once, str)
    for secret in re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text):
        if len(secret) > 6 and secret.isascii():
            assert secret not in once
