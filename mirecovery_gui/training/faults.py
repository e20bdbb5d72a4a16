"""Scenario knobs of the training service: latency and injected faults.

Trainers use them to show what a bad connection looks like; tests use them to
drive every step into every fault over real HTTP. A fault applies to the next
``count`` requests of one step (or of any step with ``step="*"``).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Any

STEPS = ("captcha", "start", "quota", "send", "verify", "reset", "*")


class FaultKind(Enum):
    DELAY = "delay"  # answer normally after delay_s
    HANG = "hang"  # never answer (until the server stops)
    STATUS = "status"  # an HTTP error status, with Retry-After when given
    MALFORMED = "malformed"  # the prefix, then broken JSON
    NO_PREFIX = "no_prefix"  # valid JSON without the &&&START&&& prefix
    TRUNCATED = "truncated"  # fewer bytes than Content-Length, then a clean close
    RESET = "reset"  # part of the body, then a TCP reset
    CONTENT_TYPE = "content_type"  # an HTML page where JSON or an image belongs
    RESULT = "result"  # a well-formed answer with result code `code` (and `tips`)


@dataclass
class Fault:
    kind: FaultKind
    step: str = "*"
    count: int = 1
    status: int = 500
    retry_after: str | None = None
    delay_s: float = 0.0
    code: int = 0
    tips: str = ""  # the server's own words with a RESULT fault (trainers can show any text)

    def __post_init__(self) -> None:
        if self.step not in STEPS:
            raise ValueError(f"unknown step {self.step!r}; one of {', '.join(STEPS)}")
        if self.count < 1:
            raise ValueError("count must be at least 1")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Fault:
        return cls(
            kind=FaultKind(str(data["kind"])),
            step=str(data.get("step", "*")),
            count=int(data.get("count", 1)),
            status=int(data.get("status", 500)),
            retry_after=None if data.get("retry_after") is None else str(data["retry_after"]),
            delay_s=float(data.get("delay_s", 0.0)),
            code=int(data.get("code", 0)),
            tips=str(data.get("tips", "")),
        )

    def to_mapping(self) -> dict[str, Any]:
        out = asdict(self)
        out["kind"] = self.kind.value
        return out


class FaultPlan:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self.latency_s = 0.0

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
            self.latency_s = 0.0

    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def take(self, step: str) -> Fault | None:
        """The fault for this request of ``step``, if one is armed (consumes one count)."""
        with self._lock:
            for fault in self._faults:
                if fault.step in (step, "*"):
                    fault.count -= 1
                    if fault.count <= 0:
                        self._faults.remove(fault)
                    return fault
        return None
