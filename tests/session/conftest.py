"""The recovery session against the real training service over loopback HTTP, without Qt.

Calls run in line, in the test's thread: whatever the session returns is run
on the real client and its answer (or error) handed back, as the window's
worker does. The training service draws no captcha pictures here (that needs
QtGui, and this suite also runs with PySide6 blocked): it hands out one fixed
PNG, and everything else it does is its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mirecovery_gui.client.errors import RecoveryError
from mirecovery_gui.client.passport import PassportClient
from mirecovery_gui.client.profile import ProviderProfile
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.core.identifier import Identifier, parse_identifier
from mirecovery_gui.core.resources import resource_path
from mirecovery_gui.core.support_directory import load_directory
from mirecovery_gui.recovery.calls import Call, Customer
from mirecovery_gui.recovery.case_keeper import CaseKeeper
from mirecovery_gui.recovery.session import RecoverySession
from mirecovery_gui.store.settings import Settings
from mirecovery_gui.store.stores import Stores
from mirecovery_gui.training.service import TrainingService

# The smallest valid PNG (1x1, grey): the session only passes pictures through.
PICTURE = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b55"
    "0000000a49444154789c636800000082008177cd72b60000000049454e44ae426082"
)


@pytest.fixture
def service(clock: ManualClock) -> TrainingService:
    return TrainingService(clock=clock, render_captcha=lambda _answer: PICTURE)


@pytest.fixture
def settings() -> list[Settings]:
    """The settings in use; a test changes them by replacing the one element."""
    return [Settings(shop_mode=True, staff_name="Ayu")]


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[Stores]:
    opened = Stores(lambda: tmp_path / "data" / "mirecovery.sqlite3")
    yield opened
    opened.close()


class Recovery:
    """A recovery session and the client it talks through, driven as the window drives it."""

    def __init__(self, session: RecoverySession, client: PassportClient, service: TrainingService) -> None:
        self.session = session
        self.client = client
        self.service = service
        self.changes = 0
        session.subscribe(self._count)

    def _count(self) -> None:
        self.changes += 1

    def run(self, call: Call[Any] | None) -> None:
        """Run ``call`` and every call that follows from it."""
        while call is not None:
            try:
                result = call.run(self.client)
            except RecoveryError as error:
                call = self.session.fail(call, error)
            else:
                call = self.session.finish(call, result)

    @property
    def step(self) -> Step:
        return self.session.step

    def captcha_answer(self) -> str:
        answer = self.client.training_peek().captcha_answer
        assert answer
        return answer

    def newest_code(self) -> str:
        messages = self.client.training_peek().messages
        assert messages, "no code was delivered"
        return messages[-1].code

    def identifier(self, text: str, customer: Customer | None = None) -> None:
        self.run(self.session.submit_identifier(identifier(text), customer))

    def solve_captcha(self) -> None:
        assert self.step is Step.CAPTCHA and self.session.captcha is not None
        self.run(self.session.answer_captcha(self.captcha_answer()))

    def to_enter_code(self, user: str = "demo@example.com", customer: Customer | None = None) -> str:
        from mirecovery_gui.core.flow import Channel

        self.identifier(user, customer)
        self.solve_captcha()
        assert self.step is Step.SEND_CODE
        self.run(self.session.choose_channel(Channel.EMAIL))
        self.run(self.session.send_code())
        assert self.step is Step.ENTER_CODE
        return self.newest_code()

    def to_done(self, user: str = "demo@example.com", customer: Customer | None = None) -> None:
        self.run(self.session.verify(self.to_enter_code(user, customer)))
        self.run(self.session.reset_password("Sunny-day-42"))
        assert self.step is Step.DONE


def identifier(text: str) -> Identifier:
    parsed = parse_identifier(text)
    assert isinstance(parsed, Identifier), parsed
    return parsed


@pytest.fixture
def recovery(
    clock: ManualClock,
    client: PassportClient,
    training_profile: ProviderProfile,
    service: TrainingService,
    stores: Stores,
    settings: list[Settings],
) -> Recovery:
    directory = load_directory(resource_path("support_contacts.json"))
    session = RecoverySession(clock, CaseKeeper(stores, lambda: settings[0]), directory=lambda: directory)
    session.use_provider(training_profile, training=True)
    return Recovery(session, client, service)
