"""What each recovery step returns. Frozen; none holds a secret."""

from __future__ import annotations

from dataclasses import dataclass

from mirecovery_gui.core.flow import Channel, ContactOption


@dataclass(frozen=True)
class CaptchaImage:
    data: bytes
    content_type: str


@dataclass(frozen=True)
class CaptchaAudio:
    """The voice captcha: the same kind of answer, heard rather than seen."""

    data: bytes
    content_type: str


@dataclass(frozen=True)
class StartResult:
    """The service accepted the identifier: where a code can go (maybe nowhere)."""

    options: tuple[ContactOption, ...]


@dataclass(frozen=True)
class QuotaResult:
    channel: Channel
    sends_left: int | None


@dataclass(frozen=True)
class SendResult:
    channel: Channel
    masked_contact: str
    code_length: int
    resend_after_s: int
    sends_left: int | None = None


@dataclass(frozen=True)
class VerifyResult:
    channel: Channel


@dataclass(frozen=True)
class ResetResult:
    pass


@dataclass(frozen=True)
class TrainingMessage:
    """A message the training service 'delivered' to a training phone or inbox."""

    to: str
    channel: Channel
    text: str
    code: str
    sent_at: float


@dataclass(frozen=True)
class TrainingPeek:
    captcha_answer: str | None
    messages: tuple[TrainingMessage, ...]
