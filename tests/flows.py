"""Helpers that walk the training service's flow through the real client."""

from __future__ import annotations

from mirecovery_gui.client.passport import PassportClient
from mirecovery_gui.client.results import StartResult
from mirecovery_gui.core.flow import Channel
from mirecovery_gui.core.identifier import Identifier, parse_identifier


def identifier(text: str) -> Identifier:
    parsed = parse_identifier(text)
    assert isinstance(parsed, Identifier), parsed
    return parsed


def captcha_answer(client: PassportClient) -> str:
    """Fetch a captcha and read its answer the way a trainer would (peek)."""
    client.fetch_captcha()
    answer = client.training_peek().captcha_answer
    assert answer
    return answer


def start(client: PassportClient, user: str = "demo@example.com") -> StartResult:
    return client.start(identifier(user), captcha_answer(client))


def latest_code(client: PassportClient) -> str:
    messages = client.training_peek().messages
    assert messages, "no code was delivered"
    return messages[-1].code


def to_verified(client: PassportClient, user: str = "demo@example.com", channel: Channel = Channel.EMAIL) -> None:
    start(client, user)
    client.send_code(channel)
    client.verify_code(channel, latest_code(client))


def wrong(code: str, shift: int = 1) -> str:
    """A code of the same length that is certainly not ``code`` (a different one for each shift 1-9)."""
    return "".join(str((int(c) + shift) % 10) for c in code)
