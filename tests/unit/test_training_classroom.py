"""The training server as a classroom uses it: many students at once, a join code, a trainer's own endpoints.

"Beyond loopback" is tested on 127.0.0.2 (another loopback address: nothing
leaves the machine, yet the server treats it as a classroom address), or on
0.0.0.0 reached through 127.0.0.1 where 127.0.0.2 cannot be bound. Every
connection in these tests still comes from a loopback address, so a student
on another machine is played by patching the server's "is this the trainer's
machine?" check.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from urllib.parse import quote

import pytest

from mirecovery_gui.client.errors import JoinCodeRefusedError
from mirecovery_gui.client.passport import PassportClient
from mirecovery_gui.client.profile import ProviderProfile, load_profile
from mirecovery_gui.core.flow import Channel
from mirecovery_gui.training import server as server_module
from mirecovery_gui.training.server import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_HEADER,
    TrainingServer,
    is_trainer_peer,
)
from mirecovery_gui.training.service import PREFIX, TrainingService
from tests.flows import latest_code, start, to_verified

ROOT = Path(__file__).resolve().parents[2]
PATHS = load_profile("training").paths
CODE_PATTERN = f"[{JOIN_CODE_ALPHABET}]{{6}}"


def _can_bind(host: str) -> bool:
    try:
        with socket.socket() as probe:
            probe.bind((host, 0))
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class Place:
    """Where a classroom server listens (``bind``) and where the tests reach it (``connect``)."""

    bind: str
    connect: str


@pytest.fixture(scope="module")
def place() -> Place:
    if _can_bind("127.0.0.2"):
        return Place("127.0.0.2", "127.0.0.2")
    return Place("0.0.0.0", "127.0.0.1")


@pytest.fixture
def classroom(service: TrainingService, place: Place) -> Iterator[TrainingServer]:
    with TrainingServer(service, host=place.bind) as running:
        yield running


def port_of(server: TrainingServer) -> int:
    return int(server.url.rsplit(":", 1)[1])


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self) -> dict[str, object]:
        text = self.body.decode("utf-8")
        data = json.loads(text.removeprefix(PREFIX))
        assert isinstance(data, dict)
        return data


@dataclass
class Visitor:
    """A raw HTTP caller with its own cookies, and the join code when it has one."""

    host: str
    port: int
    code: str | None = None
    cookies: dict[str, str] = field(default_factory=dict)

    def call(self, method: str, path: str, form: dict[str, str] | None = None) -> Answer:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if self.code is not None:
            headers[JOIN_CODE_HEADER] = self.code
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = "&".join(f"{key}={quote(value)}" for key, value in (form or {}).items()).encode()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=5)
        try:
            connection.request(method, path, body=body if method == "POST" else None, headers=headers)
            response = connection.getresponse()
            answer = Answer(response.status, response.headers, response.read())
        finally:
            connection.close()
        for cookie in answer.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return answer

    def start(self, user: str = "demo@example.com") -> None:
        assert self.call("GET", PATHS["captcha"]).status == 200
        answer = self.call("GET", "/_training/peek").json()["captcha_answer"]
        assert isinstance(answer, str)  # its own captcha: the app's "show the answer" button
        kind = "ID" if user.isdigit() else "EM"
        form = {
            "_json": "true",
            "id": user,
            "userType": kind,
            "sid": "passport",
            "qs": "?sid=passport",
            "icode": answer,
        }
        started = self.call("POST", PATHS["start"], form)
        assert started.status == 200 and started.json()["code"] == 0
        # The identity session comes from the identity list, as public clients get it.
        listed = self.call("GET", PATHS["identity_list"])
        assert listed.status == 200 and listed.json()["code"] == 0

    def messages(self) -> list[dict[str, object]]:
        peek = self.call("GET", "/_training/peek")
        assert peek.status == 200
        messages = peek.json()["messages"]
        assert isinstance(messages, list)
        return messages


def assert_refused(answer: Answer) -> None:
    assert answer.status == 403
    assert answer.body.startswith(PREFIX.encode())  # the passport envelope
    data = answer.json()
    assert data["code"] == 403 and data["tips"]


# --- a hundred students at once ------------------------------------------------------------


def test_a_hundred_students_connect_at_once(server: TrainingServer) -> None:
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    students = 100
    ready = threading.Barrier(students)
    took: list[float] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def student() -> None:
        try:
            ready.wait(timeout=10)
            began = time.monotonic()
            connection = http.client.HTTPConnection(host, int(port), timeout=5)
            try:
                connection.request("GET", "/_training/health")
                response = connection.getresponse()
                assert response.status == 200 and response.read() == b"ok"
            finally:
                connection.close()
            with lock:
                took.append(time.monotonic() - began)
        except BaseException as exc:
            with lock:
                failures.append(exc)

    threads = [threading.Thread(target=student, name=f"student-{i}") for i in range(students)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    assert failures == []
    assert len(took) == students
    # With socketserver's backlog of 5, dropped SYNs come back after 1 s, 3 s, 7 s...
    # and some connections time out; with a real queue every answer takes milliseconds.
    print(f"{students} students at once: slowest answer {max(took) * 1000:.0f} ms")
    assert max(took) < 3.0, f"slowest answer {max(took) * 1000:.0f} ms"


# --- the join code -----------------------------------------------------------------------


def test_a_join_code_given_on_loopback_is_required_there_too(service: TrainingService) -> None:
    with TrainingServer(service, join_code="abcd23") as running:
        assert running.join_code == "ABCD23" and not running.classroom
        port = port_of(running)
        assert_refused(Visitor("127.0.0.1", port).call("GET", PATHS["captcha"]))
        assert_refused(Visitor("127.0.0.1", port, code="ABCD24").call("GET", PATHS["captcha"]))
        assert_refused(Visitor("127.0.0.1", port, code="ABCD2").call("POST", PATHS["start"], {"user": "x"}))
        assert_refused(Visitor("127.0.0.1", port).call("GET", "/_training/peek"))
        assert service.hits("captcha") == 0 and service.hits("start") == 0  # refused before anything counts
        assert Visitor("127.0.0.1", port, code=" abcd23 ").call("GET", PATHS["captcha"]).status == 200
        assert Visitor("127.0.0.1", port).call("GET", "/_training/health").status == 200
        assert running.student_url == f"http://127.0.0.1:{port}/?code=ABCD23"


def test_without_a_join_code_loopback_is_as_before(server: TrainingServer) -> None:
    assert server.join_code is None and not server.classroom
    assert server.student_url == server.url
    visitor = Visitor("127.0.0.1", port_of(server))
    visitor.start()
    assert visitor.call("GET", "/_training/faults").status == 200


def test_beyond_loopback_a_join_code_is_made_and_required(classroom: TrainingServer, place: Place) -> None:
    assert classroom.classroom
    code = classroom.join_code
    assert code is not None and re.fullmatch(CODE_PATTERN, code)
    port = port_of(classroom)
    if place.bind == "127.0.0.2":
        assert classroom.url == f"http://127.0.0.2:{port}"
        assert classroom.student_url == f"http://127.0.0.2:{port}/?code={code}"
    else:
        assert re.fullmatch(rf"http://[^/]+:{port}/\?code={code}", classroom.student_url)
    for method, path in [("GET", PATHS["captcha"]), ("POST", PATHS["start"]), ("POST", PATHS["send_email"])]:
        assert_refused(Visitor(place.connect, port).call(method, path))
        assert_refused(Visitor(place.connect, port, code=code[::-1] + "X").call(method, path))
    assert_refused(Visitor(place.connect, port).call("GET", "/_training/peek"))
    assert Visitor(place.connect, port).call("GET", "/_training/health").status == 200
    student = Visitor(place.connect, port, code=code)
    student.start()
    assert student.call("POST", PATHS["send_email"], {"_json": "true"}).json()["code"] == 0


def test_two_servers_get_different_codes(service: TrainingService, place: Place) -> None:
    codes = {TrainingServer(service, host=place.bind).join_code for _ in range(5)}  # not started: no socket
    assert len(codes) == 5


# --- peek and faults beyond loopback -------------------------------------------------------------


def test_beyond_loopback_peek_shows_only_the_callers_own_session(
    classroom: TrainingServer, place: Place, monkeypatch: pytest.MonkeyPatch
) -> None:
    port, code = port_of(classroom), classroom.join_code
    alice, bob = Visitor(place.connect, port, code=code), Visitor(place.connect, port, code=code)
    alice.start()
    bob.start("1234567890")
    assert alice.call("POST", PATHS["send_email"], {"_json": "true"}).status == 200
    assert alice.call("GET", PATHS["captcha"]).status == 200  # the latest captcha now is hers

    # The trainer's own machine sees every student's codes (to help), with the code in the address.
    connection = http.client.HTTPConnection(place.connect, port, timeout=5)
    try:
        connection.request("GET", f"/_training/peek?code={code.lower()}")
        response = connection.getresponse()
        assert response.status == 200
        assert [m["to"] for m in json.loads(response.read())["messages"]] == ["demo@example.com"]
    finally:
        connection.close()

    # Students on other machines, played from loopback: each sees their own codes only.
    monkeypatch.setattr(server_module, "is_trainer_peer", lambda peer, local: False)
    (message,) = alice.messages()
    assert message["to"] == "demo@example.com"
    assert bob.messages() == []
    anonymous = Visitor(place.connect, port, code=code).call("GET", "/_training/peek").json()
    assert anonymous == {"captcha_answer": None, "messages": []}


def test_a_student_sees_the_codes_of_their_practice_page_session_too(
    classroom: TrainingServer, place: Place, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's own session and its practice page's (another cookie jar): the page's key shows its codes."""
    port, code = port_of(classroom), classroom.join_code
    app, page, bob = (Visitor(place.connect, port, code=code) for _ in range(3))
    app.start()
    page.start()  # the practice page inside the same student's app: its own session
    bob.start("1234567890")
    assert page.call("POST", PATHS["send_email"], {"_json": "true"}).status == 200
    assert bob.call("POST", PATHS["send_email"], {"_json": "true"}).status == 200
    monkeypatch.setattr(server_module, "is_trainer_peer", lambda peer, local: False)
    assert app.messages() == []
    key = page.cookies["identity_session"]
    seen = app.call("GET", f"/_training/peek?also={key}").json()["messages"]
    assert [m["to"] for m in seen] == ["demo@example.com"]  # the page's code, never Bob's
    guessed = app.call("GET", "/_training/peek?also=not-a-session").json()["messages"]
    assert guessed == []


def test_faults_only_from_the_trainers_machine(
    classroom: TrainingServer, service: TrainingService, place: Place, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = port_of(classroom)
    trainer = Visitor(place.connect, port)  # no join code needed: the source address decides
    armed = trainer.call("POST", "/_training/faults", {})
    assert armed.status == 200
    arming = json.dumps({"kind": "status", "step": "send", "status": 503}).encode()
    connection = http.client.HTTPConnection(place.connect, port, timeout=5)
    try:
        connection.request("POST", "/_training/faults", body=arming)
        response = connection.getresponse()
        assert response.status == 200 and json.loads(response.read())["faults"][0]["status"] == 503
    finally:
        connection.close()
    assert len(service.faults.pending()) == 1

    # A student on another machine, played from loopback.
    monkeypatch.setattr(server_module, "is_trainer_peer", lambda peer, local: False)
    student = Visitor(place.connect, port, code=classroom.join_code)
    for method in ("GET", "POST", "DELETE"):
        refused = student.call(method, "/_training/faults")
        assert refused.status == 403 and "trainer" in str(json.loads(refused.body)["error"])
    assert len(service.faults.pending()) == 1  # the DELETE cleared nothing


@pytest.mark.parametrize(
    ("peer", "local", "trainer"),
    [
        ("127.0.0.1", "0.0.0.0", True),
        ("127.0.0.5", "192.168.1.10", True),
        ("::1", "::", True),
        ("::ffff:127.0.0.1", "::", True),
        ("192.168.1.10", "192.168.1.10", True),  # this machine, through its network address
        ("::ffff:192.168.1.10", "::ffff:192.168.1.10", True),
        ("192.168.1.20", "192.168.1.10", False),
        ("::ffff:192.168.1.20", "::ffff:192.168.1.10", False),
        ("fe80::1%eth0", "fe80::2%eth0", False),
        ("not an address", "0.0.0.0", False),
    ],
)
def test_who_counts_as_the_trainers_machine(peer: str, local: str, trainer: bool) -> None:
    assert is_trainer_peer(peer, local) is trainer


def test_on_loopback_the_server_wide_peek_is_still_there(server: TrainingServer) -> None:
    visitor = Visitor("127.0.0.1", port_of(server))
    visitor.start()
    assert visitor.call("POST", PATHS["send_email"], {"_json": "true"}).status == 200
    anonymous = Visitor("127.0.0.1", port_of(server)).call("GET", "/_training/peek").json()
    messages = anonymous["messages"]
    assert isinstance(messages, list) and len(messages) == 1


# --- the app as a student --------------------------------------------------------------------


def test_the_client_splits_the_join_code_off_the_address(training_profile: ProviderProfile) -> None:
    client = PassportClient(training_profile, "http://127.0.0.1:8000/?code=ABC234")
    assert (client.base_url, client.join_code) == ("http://127.0.0.1:8000", "ABC234")
    client = PassportClient(training_profile, "http://127.0.0.1:8000")
    assert (client.base_url, client.join_code) == ("http://127.0.0.1:8000", "")
    # A code that could not travel in a header is not sent at all (the server refuses, the app says so).
    client = PassportClient(training_profile, "http://127.0.0.1:8000/?code=AB%0D%0ASet-Cookie:%20x=1")
    assert (client.base_url, client.join_code) == ("http://127.0.0.1:8000", "")


def test_a_student_recovers_through_the_classroom_server(
    training_profile: ProviderProfile, classroom: TrainingServer, service: TrainingService, place: Place
) -> None:
    url = f"http://{place.connect}:{port_of(classroom)}/?code={classroom.join_code}"
    client = PassportClient(training_profile, url)
    stranger = PassportClient(training_profile, f"http://{place.connect}:{port_of(classroom)}")
    try:
        assert client.join_code == classroom.join_code
        to_verified(client)
        client.reset_password("Sunny-day-42")
        assert service.password_of("demo@example.com") == "Sunny-day-42"
        assert len(client.training_peek().messages) == 1
        # Without the code: a message that names the join code, not "the answer could not be understood".
        with pytest.raises(JoinCodeRefusedError) as refused:
            stranger.fetch_captcha()
        assert "join code" in str(refused.value) and "?code=" in str(refused.value)
    finally:
        client.close()
        stranger.close()


def test_a_students_second_session_has_its_own_codes(
    training_profile: ProviderProfile, classroom: TrainingServer, place: Place
) -> None:
    client = PassportClient(
        training_profile, f"http://{place.connect}:{port_of(classroom)}/?code={classroom.join_code}"
    )
    try:
        session, _ = client._session_and_epoch()
        session.headers[JOIN_CODE_HEADER] = client.join_code
        start(client)
        assert client.send_code(Channel.EMAIL).sends_left == 2
        start(client)  # a new session: its own training phone, its own daily limit
        assert client.training_peek().messages == ()
        assert client.send_code(Channel.EMAIL).sends_left == 2
        client.verify_code(Channel.EMAIL, latest_code(client))
    finally:
        client.close()


# --- mirecovery training-server ----------------------------------------------------------------


class Lines:
    """The lines a server prints, each awaited no longer than a deadline.

    Read from the file descriptor, not the text wrapper: the wrapper would
    read ahead into its buffer, where a select() on the pipe cannot see it.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._fd = stream.fileno()
        self._buffer = b""

    def next(self, deadline: float) -> str:
        with selectors.DefaultSelector() as ready:
            ready.register(self._fd, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                if not ready.select(timeout=max(0.0, deadline - time.monotonic())):
                    raise AssertionError("the server printed nothing in time")
                chunk = os.read(self._fd, 4096)
                if not chunk:
                    break
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode() + "\n"

    def rest(self) -> str:
        return self._buffer.decode()


def run_server(*options: str) -> subprocess.Popen[str]:
    # This checkout's code (the venv may hold an installed copy): ``-m`` from the project folder.
    return subprocess.Popen(
        [sys.executable, "-m", "mirecovery_gui", "training-server", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def stop(process: subprocess.Popen[str], lines: Lines) -> tuple[str, str]:
    """Stop the server as Ctrl+C would; what it printed since (stdout, stderr)."""
    process.send_signal(signal.SIGTERM)
    try:
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0
    return lines.rest() + out, err


def test_training_server_beyond_loopback_prints_the_students_address_and_warns(place: Place) -> None:
    process = run_server("--host", place.bind, "--join-code", "abc234")
    assert process.stdout is not None
    lines = Lines(process.stdout)
    try:
        deadline = time.monotonic() + 30
        first = lines.next(deadline)
        match = re.fullmatch(rf"listening on http://{re.escape(place.bind)}:(\d+)\n", first)
        assert match, first
        port = int(match.group(1))
        second = lines.next(deadline)
        if place.bind == "127.0.0.2":
            assert second == f"students: mirecovery --server http://127.0.0.2:{port}/?code=ABC234\n"
        else:
            assert re.fullmatch(rf"students: mirecovery --server http://[^/ ]+:{port}/\?code=ABC234\n", second)
        assert_refused(Visitor(place.connect, port).call("GET", PATHS["captcha"]))
        assert Visitor(place.connect, port, code="ABC234").call("GET", PATHS["captcha"]).status == 200
    finally:
        out, err = stop(process, lines)
    assert out == ""
    assert err.splitlines() == [
        f"mirecovery training-server: warning: listening on {place.bind}: anyone on the network can reach "
        "this training server.",
        "mirecovery training-server: join code ABC234: student requests without it are refused; "
        "faults can be set only from this machine.",
    ]


def test_training_server_makes_up_a_join_code(place: Place) -> None:
    process = run_server("--host", place.bind)
    assert process.stdout is not None
    lines = Lines(process.stdout)
    try:
        deadline = time.monotonic() + 30
        assert lines.next(deadline).startswith(f"listening on http://{place.bind}:")
        second = lines.next(deadline)
    finally:
        _, err = stop(process, lines)
    match = re.fullmatch(rf"students: mirecovery --server http://\S+/\?code=({CODE_PATTERN})\n", second)
    assert match, second
    assert f"join code {match.group(1)}:" in err


def test_training_server_on_loopback_prints_one_line_and_no_warning() -> None:
    process = run_server()
    assert process.stdout is not None
    lines = Lines(process.stdout)
    try:
        line = lines.next(time.monotonic() + 30)
        assert re.fullmatch(r"listening on http://127\.0\.0\.1:\d+\n", line)
    finally:
        out, err = stop(process, lines)
    assert out == "" and err == ""


@pytest.mark.parametrize("code", ["abc", "abc 234", "abc-234", "x" * 33, "ÄBC234"])
def test_training_server_refuses_a_bad_join_code(code: str) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mirecovery_gui", "training-server", "--port", "0", "--join-code", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == "mirecovery training-server: --join-code: a join code is 4 to 32 letters or digits\n"
