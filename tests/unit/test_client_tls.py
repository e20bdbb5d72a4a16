"""TLS: always verified, against the operating system's trust store, and explained when it fails."""

from __future__ import annotations

import time

import pytest

from mirecovery_gui.client.errors import NextAction, TlsError
from mirecovery_gui.client.passport import PassportClient
from mirecovery_gui.client.profile import ProviderProfile
from mirecovery_gui.training.service import TrainingService
from tests.fault_door import Door, FaultDoor
from tests.flows import captcha_answer, identifier


def test_a_certificate_the_system_trusts_is_accepted(training_profile: ProviderProfile, door: FaultDoor) -> None:
    """A shop's HTTPS-inspecting antivirus puts its CA in the system store: that must be enough."""
    client = PassportClient(training_profile, door.url)
    try:
        result = client.start(identifier("demo@example.com"), captcha_answer(client))
        assert result.options
    finally:
        client.close()


def test_a_certificate_nobody_trusts_is_refused_in_plain_words(
    training_profile: ProviderProfile, door: FaultDoor, service: TrainingService
) -> None:
    door.set(Door.UNTRUSTED)
    client = PassportClient(training_profile, door.url)
    began = time.monotonic()
    try:
        with pytest.raises(TlsError) as caught:
            client.start(identifier("demo@example.com"), "ABCDE")
    finally:
        client.close()
    assert time.monotonic() - began < 2  # refused at the handshake, not after a timeout
    assert service.hits("start") == 0  # nothing was sent over a connection we could not check
    assert caught.value.actions == (NextAction.RETRY,)
    words = caught.value.message.render()
    assert "date and time" in words and "security program" in words  # what a shop can check, no jargon
    assert "SSL" not in words and "certificate" not in words


def test_without_its_ca_in_the_system_store_the_same_server_is_refused(
    training_profile: ProviderProfile, door: FaultDoor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system store decides: here it holds only the public CAs, so the door is refused."""
    import certifi

    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())
    client = PassportClient(training_profile, door.url)
    try:
        with pytest.raises(TlsError):
            client.fetch_captcha()
    finally:
        client.close()
