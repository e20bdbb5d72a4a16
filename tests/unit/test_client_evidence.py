"""The direct profile's calls as public evidence shows them, against the training service over HTTP.

The start posts ``id``, ``userType``, ``sid`` and ``qs`` and hears only the result; the identity list
gives the session and the options; GET verifyPhone / verifyEmail give the masked contacts; a verify
answer's ``location`` is followed before the new password; 21317 means the session token is invalid;
the voice captcha is a sound with the same kind of answer. On the direct (live) profile, an answer
that does not fit offers Xiaomi's own page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.request import urlopen

import pytest

from mirecovery_gui.client.errors import NextAction, ProtocolError, SessionExpiredError
from mirecovery_gui.client.passport import PassportClient, _same_server_path
from mirecovery_gui.client.profile import load_profile
from mirecovery_gui.core.flow import Channel, ContactOption
from mirecovery_gui.training.faults import Fault, FaultKind
from mirecovery_gui.training.server import TrainingServer
from mirecovery_gui.training.service import TrainingService
from tests.flows import identifier, latest_code, start, to_verified


@pytest.fixture
def live(server: TrainingServer) -> Iterator[PassportClient]:
    """The direct (live) profile's client, pointed at the training service."""
    passport = PassportClient(load_profile("xiaomi"), server.url)
    yield passport
    passport.close()


def live_start(live: PassportClient, server: TrainingServer, user: str = "demo@example.com") -> None:
    live.fetch_captcha()
    with urlopen(server.url + "/_training/peek", timeout=5) as answer:  # the trainer's screen: the latest answer
        captcha = json.loads(answer.read())["captcha_answer"]
    live.start(identifier(user), captcha)


def test_the_start_is_the_public_sequence(client: PassportClient, service: TrainingService) -> None:
    result = start(client, "demo@example.com")
    # One start, one identity list, one masked-contact GET per way the account offers.
    assert (service.hits("start"), service.hits("identity_list"), service.hits("contacts")) == (1, 1, 2)
    assert result.options == (
        ContactOption(Channel.PHONE, "+62 812****0002"),
        ContactOption(Channel.EMAIL, "d***@example.com"),
    )


@pytest.mark.parametrize(
    ("user", "options"),
    [
        ("+6281200000001", (ContactOption(Channel.PHONE, "+62 812****0001"),)),
        ("nocontact@example.com", ()),
        (
            "1234567890",
            (ContactOption(Channel.PHONE, "+62 812****1234"), ContactOption(Channel.EMAIL, "o***@example.com")),
        ),
    ],
)
def test_each_kind_of_identifier_finds_its_contacts(
    client: PassportClient, service: TrainingService, user: str, options: tuple[ContactOption, ...]
) -> None:
    assert start(client, user).options == options
    assert service.hits("contacts") == len(options)


def test_the_verify_answer_is_followed_before_the_new_password(
    client: PassportClient, service: TrainingService
) -> None:
    to_verified(client)
    assert service.hits("follow") == 1
    client.reset_password("Sunny-day-42")
    assert service.password_of("demo@example.com") == "Sunny-day-42"


def test_without_the_identity_list_there_is_no_session(server: TrainingServer, service: TrainingService) -> None:
    """21317 is an invalid session token: a send with no identity session says start again."""
    service.faults.add(Fault(FaultKind.RESULT, step="identity_list", code=21317))
    passport = PassportClient(load_profile("training"), server.url)
    try:
        with pytest.raises(SessionExpiredError) as caught:
            start(passport)
        assert caught.value.actions == (NextAction.START_OVER,)
        assert "ended this recovery" in caught.value.message.render()
    finally:
        passport.close()


def test_21317_after_the_code_was_accepted_says_the_password_was_not_changed(
    client: PassportClient, service: TrainingService
) -> None:
    start(client)
    client.send_code(Channel.EMAIL)
    service.faults.add(Fault(FaultKind.RESULT, step="follow", code=21317))
    with pytest.raises(SessionExpiredError) as caught:
        client.verify_code(Channel.EMAIL, latest_code(client))
    assert "the password was not changed" in caught.value.message.render()


def test_the_voice_captcha_is_a_sound_with_the_same_kind_of_answer(
    client: PassportClient, service: TrainingService
) -> None:
    sound = client.fetch_voice_captcha()
    assert sound.content_type == "audio/wav" and sound.data.startswith(b"RIFF") and b"WAVE" in sound.data[:12]
    answer = client.training_peek().captcha_answer
    assert answer
    result = client.start(identifier("demo@example.com"), answer)  # heard instead of read
    assert len(result.options) == 2
    assert "icodeType=antispam" in service.last_captcha_query


def test_the_direct_profile_hands_over_when_the_identity_list_does_not_fit(
    live: PassportClient, server: TrainingServer, service: TrainingService
) -> None:
    service.faults.add(Fault(FaultKind.CONTENT_TYPE, step="identity_list"))
    with pytest.raises(ProtocolError) as caught:
        live_start(live, server)
    assert NextAction.OFFICIAL_SITE in caught.value.actions


def test_the_direct_profile_hands_over_when_a_masked_contact_does_not_fit(
    live: PassportClient, server: TrainingServer, service: TrainingService
) -> None:
    service.faults.add(Fault(FaultKind.NO_PREFIX, step="contacts"))
    with pytest.raises(ProtocolError) as caught:
        live_start(live, server)
    assert NextAction.OFFICIAL_SITE in caught.value.actions


def test_the_direct_profile_hands_over_when_the_location_is_a_page(
    live: PassportClient, server: TrainingServer, service: TrainingService
) -> None:
    live_start(live, server)
    live.send_code(Channel.EMAIL)
    with urlopen(server.url + "/_training/peek", timeout=5) as answer:
        code = json.loads(answer.read())["messages"][-1]["code"]
    service.faults.add(Fault(FaultKind.CONTENT_TYPE, step="follow"))
    with pytest.raises(ProtocolError) as caught:
        live.verify_code(Channel.EMAIL, code)
    assert NextAction.OFFICIAL_SITE in caught.value.actions


def test_the_training_and_direct_profiles_speak_the_same_paths() -> None:
    training, live = load_profile("training"), load_profile("xiaomi")
    assert training.paths == live.paths
    assert (live.daily_sends, live.daily_sends_mainland_china) == (3, 5)
    assert live.evidence is not None
    for path in ("start", "reset", "captcha"):
        assert live.evidence[path].startswith("contradicted")
    for path in ("identity_list", "contacts", "location", "quota", "verify_phone", "verify_email"):
        assert live.evidence[path].startswith("confirmed")
    for guess in ("start_user_type", "location_target", "daily_sends_region"):
        assert live.evidence[guess].startswith("not public")
    levels = {entry.split(":", 1)[0] for key, entry in live.evidence.items() if key != "about"}
    assert levels <= {"confirmed", "contradicted", "not public"}


@pytest.mark.parametrize(
    ("location", "followed"),
    [
        ("/pass/forgetPassword/setPassword?_t=abc", "/pass/forgetPassword/setPassword?_t=abc"),
        ("https://account.xiaomi.com/identity/result?x=1", "/identity/result?x=1"),
        ("https://sts.api.io.mi.com/sts?sign=1", None),  # another host: an answer that does not fit
        ("//evil.example/pass", None),
        ("http://account.xiaomi.com/identity/result", None),  # not the same scheme
        ("javascript:alert(1)", None),
        ("/pass/x\r\nSet-Cookie: a=b", None),
        (42, None),
    ],
)
def test_a_location_is_followed_only_on_the_same_server(location: object, followed: str | None) -> None:
    assert _same_server_path(location, "https://account.xiaomi.com") == followed


def test_a_location_that_failed_is_followed_again_without_spending_the_code(
    client: PassportClient, service: TrainingService
) -> None:
    """The code was accepted, then the GET of its location failed: "Try again" follows it again (the code
    itself would now be refused as used), and the password can be set."""
    from mirecovery_gui.client.errors import ServerError

    start(client)
    client.send_code(Channel.EMAIL)
    code = latest_code(client)
    service.faults.add(Fault(FaultKind.STATUS, step="follow", status=500))
    with pytest.raises(ServerError):
        client.verify_code(Channel.EMAIL, code)
    client.verify_code(Channel.EMAIL, code)  # the same "Try again"
    assert (service.hits("verify"), service.hits("follow")) == (1, 2)  # the code was sent once
    client.reset_password("Sunny-day-42")
    assert service.password_of("demo@example.com") == "Sunny-day-42"


def test_a_location_on_another_host_is_not_followed(service: TrainingService) -> None:
    """A verify answer that points elsewhere: nothing is fetched from there, and Xiaomi's page is offered."""
    import http.server
    import threading

    asked: list[str] = []

    class Elsewhere(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    elsewhere = http.server.HTTPServer(("127.0.0.1", 0), Elsewhere)
    thread = threading.Thread(target=elsewhere.serve_forever, daemon=True)
    thread.start()
    service.verify_location = f"http://127.0.0.1:{elsewhere.server_port}/steal?t=1"
    try:
        with TrainingServer(service) as server:
            passport = PassportClient(load_profile("xiaomi"), server.url)
            try:
                live_start(passport, server)
                passport.send_code(Channel.EMAIL)
                with urlopen(server.url + "/_training/peek", timeout=5) as answer:
                    code = json.loads(answer.read())["messages"][-1]["code"]
                with pytest.raises(ProtocolError) as caught:
                    passport.verify_code(Channel.EMAIL, code)
                assert NextAction.OFFICIAL_SITE in caught.value.actions
            finally:
                passport.close()
    finally:
        elsewhere.shutdown()
        elsewhere.server_close()
        thread.join(timeout=5)
    assert asked == []
