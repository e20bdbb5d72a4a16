from __future__ import annotations

import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mirecovery_gui.core.redact import RedactingFilter, redact


@pytest.mark.parametrize(
    ("secret", "text"),
    [
        ("demo@example.com", "start for demo@example.com failed"),
        ("+6281200000001", "sms to +6281200000001"),
        ("0812 0000 0001", "typed 0812 0000 0001"),
        ("490154203237518", "imei=490154203237518 checked"),
        ("1234567890", "account 1234567890"),
        ("482913", "code 482913 wrong"),
        ("Sunny-day-42", "password=Sunny-day-42&_json=true"),
        ("Sunny-day-42", '{"password": "Sunny-day-42"}'),
        ("abcDEF123", "Cookie: ick=abcDEF123; identity_session=xyz"),
        ("K3W9R", "icode=K3W9R"),
        ("tok3n-value", "ticket: tok3n-value"),
        # Qt's warning when no mail app can open a link: the whole request, decoded.
        ("Siti Rahma", "does not support openUrl() for 'mailto:?subject=Mi&body=Owner: Siti Rahma, x%40y.com'"),
        ("siti%40example.com", "opening mailto:help@xiaomi.com?body=reply%20to%20siti%40example.com failed"),
        ("name=Budi", "GET https://example.com/form?name=Budi&lang=id"),
    ],
)
def test_secrets_and_personal_data_are_masked(secret: str, text: str) -> None:
    assert secret not in redact(text)


def test_what_a_log_is_read_for_stays() -> None:
    text = "step send rc=87001 HTTP 503 elapsed=1234ms on port=8080"
    assert redact(text) == text


@given(st.text(max_size=300))
def test_redaction_never_raises(text: str) -> None:
    redact(text)


def test_the_filter_redacts_messages_arguments_and_tracebacks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    logger = logging.getLogger("test.redaction")
    caplog.handler.addFilter(RedactingFilter())
    with caplog.at_level(logging.INFO, logger="test.redaction"):
        logger.info("reset for %s with password=%s", "demo@example.com", "Sunny-day-42")
        try:
            raise ValueError("bad imei 490154203237518")
        except ValueError:
            logger.exception("failed for code 482913")
    text = caplog.text
    for secret in ("demo@example.com", "Sunny-day-42", "490154203237518", "482913"):
        assert secret not in text
    assert "ValueError" in text
