"""Every step against every fault, through the window, the real client and a real TLS door.

For each (step, fault): the window reaches the step, the fault is armed, the
user's action meets it. Then a clear message in the user's language names a
way forward, the event loop never stalls, what the user typed is still
there, no POST was repeated by itself, and once the fault clears the way
forward completes the step. ``scripts/reliability.py`` runs this file and
writes ``docs/reliability.md`` from what each case recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QRadioButton
from pytestqt.qtbot import QtBot

from mirecovery_gui.app import create_main_window
from mirecovery_gui.client.errors import NextAction, RecoveryError
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.core.flow import Step
from mirecovery_gui.gui.i18n import translate
from mirecovery_gui.training.faults import Fault, FaultKind
from mirecovery_gui.training.service import TrainingService
from tests.conftest import FAST_TIMEOUTS
from tests.fault_door import Door, FaultDoor
from tests.gui.conftest import PASSWORD, Driver, Heartbeat

USER = "demo@example.com"
WAIT_S = 30


@dataclass(frozen=True)
class Trouble:
    """A fault as the matrix names it, and how to cause it."""

    name: str
    door: Door = Door.OPEN
    fault: FaultKind | None = None
    status: int = 500
    retry_after: str | None = None
    delay_s: float = 0.0
    code: int = 0
    steps: tuple[str, ...] | None = None  # the steps it can meet (None: all)

    def applies(self, step: str) -> bool:
        return self.steps is None or step in self.steps

    def arm(self, service: TrainingService, door: FaultDoor, step: str) -> None:
        if self.door is not Door.OPEN:
            door.set(self.door)
        if self.fault is not None:
            service.faults.add(
                Fault(
                    self.fault,
                    step=step,
                    status=self.status,
                    retry_after=self.retry_after,
                    delay_s=self.delay_s,
                    code=self.code,
                )
            )

    @property
    def reaches_the_server(self) -> bool:
        return self.door is Door.OPEN


TROUBLES = [
    Trouble("connection refused", door=Door.REFUSED),
    Trouble("name does not resolve", door=Door.NO_NAME),
    Trouble("connect timeout", door=Door.BLACKHOLE),
    Trouble("read timeout", fault=FaultKind.DELAY, delay_s=FAST_TIMEOUTS.read_s + 0.4),
    Trouble("server never answers", fault=FaultKind.HANG),
    Trouble("reset mid-body", fault=FaultKind.RESET),
    Trouble("HTTP 500", fault=FaultKind.STATUS, status=500),
    Trouble("HTTP 502 + Retry-After", fault=FaultKind.STATUS, status=502, retry_after=str(WAIT_S)),
    Trouble("HTTP 503 + Retry-After", fault=FaultKind.STATUS, status=503, retry_after=str(WAIT_S)),
    Trouble("HTTP 429 + Retry-After", fault=FaultKind.STATUS, status=429, retry_after=str(WAIT_S)),
    Trouble("malformed body", fault=FaultKind.MALFORMED),
    Trouble("no &&&START&&& prefix", fault=FaultKind.NO_PREFIX),
    Trouble("unknown result code", fault=FaultKind.RESULT, code=99_999),
    Trouble("wrong content type", fault=FaultKind.CONTENT_TYPE),
    Trouble("TLS failure", door=Door.UNTRUSTED),
    # The server did the step, then the answer was lost: the message must not say nothing changed,
    # and the way forward must not do it a second time.
    Trouble("done, then the answer lost", fault=FaultKind.LOST_ANSWER, steps=("start", "send", "verify", "reset")),
]
STEPS = ["captcha", "start", "quota", "send", "verify", "reset"]
POSTS = {"start", "quota", "send", "verify", "reset"}


@dataclass
class Scene:
    """A step, reached and ready: ``act`` meets it, ``finish`` completes it after a fault."""

    act: Callable[[], None]
    kept: Callable[[], None]
    finish: Callable[[], None]
    page: Step


def reach(driver: Driver, step: str) -> Scene:
    """Bring the window to the moment before ``step`` is asked of the server."""
    d = driver
    identifier = d.wizard.page_for(Step.IDENTIFIER).findChild(QLineEdit, "identifier_input")

    def identifier_kept() -> None:
        assert identifier.text() == USER

    def solve_and_send_page() -> None:
        d.solve_captcha()
        d.wait_step(Step.SEND_CODE)

    d.wait_step(Step.IDENTIFIER)
    d.type_into("identifier_input", USER)
    if step == "captcha":
        return Scene(d.press_next, identifier_kept, solve_and_send_page, Step.CAPTCHA)
    d.press_next()
    d.solve_captcha(press=False)
    if step == "start":
        return Scene(d.press_next, identifier_kept, solve_and_send_page, Step.CAPTCHA)
    d.press_next()
    d.wait_step(Step.SEND_CODE)
    runner_idle = lambda: d.wizard.runner is None or not d.wizard.runner.busy  # noqa: E731
    d.qtbot.waitUntil(runner_idle)
    email = d.child(QRadioButton, "channel_email")

    def email_kept() -> None:
        assert email.isChecked()

    sends_left = d.child(QLabel, "sends_left_label")
    only_the_limit = sends_left.text()  # the region's daily limit, before the codes left are known
    if step == "quota":
        return Scene(
            lambda: d.click("channel_email"),
            email_kept,
            lambda: d.qtbot.waitUntil(lambda: sends_left.text() != only_the_limit),
            Step.SEND_CODE,
        )
    d.click("channel_email")
    d.qtbot.waitUntil(lambda: bool(sends_left.text()) and runner_idle())
    if step == "send":
        return Scene(
            lambda: d.click("send_code_button"), email_kept, lambda: d.wait_step(Step.ENTER_CODE), Step.SEND_CODE
        )
    d.click("send_code_button")
    d.wait_step(Step.ENTER_CODE)
    code = d.newest_code()
    d.type_into("code_input", code)

    def code_kept() -> None:
        assert d.line("code_input").text() == code

    if step == "verify":
        return Scene(d.press_next, code_kept, lambda: d.wait_step(Step.NEW_PASSWORD), Step.ENTER_CODE)
    d.press_next()
    d.wait_step(Step.NEW_PASSWORD)
    d.type_into("new_password_input", PASSWORD)
    d.type_into("confirm_password_input", PASSWORD)

    def password_kept() -> None:
        assert d.line("new_password_input").text() == PASSWORD
        assert d.line("confirm_password_input").text() == PASSWORD

    return Scene(d.press_next, password_kept, lambda: d.wait_step(Step.DONE), Step.NEW_PASSWORD)


def shown_error(driver: Driver) -> RecoveryError | None:
    panel = driver.wizard.currentPage().findChild(QLabel, "error_label").parentWidget()
    return getattr(panel, "error", None) if panel.isVisible() else None


def way_forward(driver: Driver, error: RecoveryError, step: str) -> QAbstractButton:
    """The button the message points at (the Send button itself counts down a wait on its page)."""
    for action in error.actions:
        button = driver.wizard.currentPage().findChild(QAbstractButton, f"error_{action.value}_button")
        if button is not None and button.isVisible():
            return button  # type: ignore[no-any-return]
    assert step == "send" and error.actions == (NextAction.WAIT,), f"no way forward for {error!r}"
    return driver.button("send_code_button")


@pytest.fixture
def matrix_driver(qtbot: QtBot, clock: ManualClock, service: TrainingService, door: FaultDoor) -> Iterator[Driver]:
    window = create_main_window(
        ["--server", door.url, "--lang", "id"], clock=clock, training_service=None, timeouts=FAST_TIMEOUTS
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield Driver(qtbot, window, service, clock)
    window.close()


CASES = [(step, trouble) for trouble in TROUBLES for step in STEPS if trouble.applies(step)]


@pytest.mark.parametrize(("step", "trouble"), CASES, ids=[f"{step}-{trouble.name}" for step, trouble in CASES])
def test_every_step_meets_every_fault(
    matrix_driver: Driver,
    door: FaultDoor,
    service: TrainingService,
    step: str,
    trouble: Trouble,
    record_property: Callable[[str, object], None],
) -> None:
    driver = matrix_driver
    scene = reach(driver, step)
    hits_before = service.hits(step)
    trouble.arm(service, door, step)
    with Heartbeat() as heartbeat:
        scene.act()
        driver.qtbot.waitUntil(lambda: shown_error(driver) is not None, timeout=8000)
        error = shown_error(driver)
        assert error is not None

        # A clear message in the user's language, on the step's page, naming a way forward.
        assert driver.step is scene.page
        message = driver.error_text()
        assert message == translate(error.message)
        assert message != error.message.render(), "shown in English while the app speaks Indonesian"
        if trouble.fault is FaultKind.LOST_ANSWER:
            assert "Nothing was changed" not in error.message.render()
        button = way_forward(driver, error, step)
        forward = button.objectName()
        scene.kept()
        if step in POSTS:
            assert service.hits(step) == hits_before + (1 if trouble.reaches_the_server else 0)

        # The fault clears; the way forward (after its countdown, if any) completes the step.
        door.set(Door.OPEN)
        service.faults.clear()
        if error.retry_after:
            assert not button.isEnabled()
            driver.clock.advance(error.retry_after)
        driver.qtbot.waitUntil(button.isEnabled)
        driver.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        scene.finish()
    if step in POSTS:
        # One more request for the one more press, and none for "Go on" after a lost answer
        # (the step may have been done): nothing was repeated behind the user's back.
        resent = forward != "error_continue_button"
        assert service.hits(step) == hits_before + (1 if trouble.reaches_the_server else 0) + (1 if resent else 0)
    assert heartbeat.longest_gap_ms < 250, heartbeat.longest_gap_ms
    record_property(
        "matrix",
        {
            "step": step,
            "fault": trouble.name,
            "error": type(error).__name__,
            "message": error.message.render(),
            "way_forward": forward,
            "longest_gap_ms": heartbeat.longest_gap_ms,
        },
    )
