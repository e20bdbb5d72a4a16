"""The recovery client interface the GUI and the command line program against."""

from __future__ import annotations

from typing import Protocol

from mirecovery_gui.client.profile import ProviderProfile
from mirecovery_gui.client.results import (
    CaptchaImage,
    QuotaResult,
    ResetResult,
    SendResult,
    StartResult,
    TrainingPeek,
    VerifyResult,
)
from mirecovery_gui.core.flow import Channel
from mirecovery_gui.core.identifier import Identifier


class RecoveryClient(Protocol):
    """One recovery session with a passport service.

    Every method blocks (call it off the GUI thread), returns a frozen result
    or raises a :class:`~mirecovery_gui.client.errors.RecoveryError`, and ends
    within the profile's step deadline. :meth:`cancel` may be called from any
    thread; the call in flight then raises ``CancelledError`` promptly.
    """

    profile: ProviderProfile

    def fetch_captcha(self) -> CaptchaImage: ...

    def start(self, identifier: Identifier, captcha_answer: str) -> StartResult: ...

    def quota(self, channel: Channel) -> QuotaResult: ...

    def send_code(self, channel: Channel, captcha_answer: str = "") -> SendResult: ...

    def verify_code(self, channel: Channel, code: str) -> VerifyResult: ...

    def reset_password(self, password: str) -> ResetResult: ...

    def training_peek(self, also: str = "") -> TrainingPeek: ...

    def cancel(self) -> None: ...

    def reset_session(self) -> None: ...

    def close(self) -> None: ...
