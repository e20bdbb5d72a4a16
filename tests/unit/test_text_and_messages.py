from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mirecovery_gui.core.messages import Message
from mirecovery_gui.core.text import digits_only, plain_text


def test_control_and_bidi_characters_are_removed() -> None:
    assert plain_text("Kode\u202e654321\u202c salah\x00\x1b[31m") == "Kode654321 salah[31m"
    assert plain_text("line one\nline two\t end") == "line one line two end"


def test_long_server_text_is_cut() -> None:
    assert len(plain_text("x" * 5000, max_length=100)) == 100


@given(st.text())
def test_plain_text_has_no_control_characters(text: str) -> None:
    cleaned = plain_text(text)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in cleaned)


def test_other_digit_scripts_fold_to_ascii() -> None:
    assert digits_only("Kode: ١٢٣ ४५६") == "123456"


def test_messages_fill_placeholders_after_translation() -> None:
    message = Message.of("Ctx", "Code sent to {contact}", contact="d***@example.com")
    assert message.render() == "Code sent to d***@example.com"
    to_indonesian = {"Code sent to {contact}": "Kode dikirim ke {contact}"}
    assert message.render(lambda ctx, src, n: to_indonesian[src]) == "Kode dikirim ke d***@example.com"


def test_plural_messages_count() -> None:
    assert Message("Ctx", "%n tries left", n=3).render() == "3 tries left"


def test_a_broken_translation_does_not_crash() -> None:
    message = Message.of("Ctx", "Code sent to {contact}", contact="x")
    assert message.render(lambda ctx, src, n: "Kode {kontak} {") == "Kode {kontak} {"
