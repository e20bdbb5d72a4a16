"""Scenario knobs of the training service: latency and injected faults.

Trainers use them to show what a bad connection looks like; tests use them to
drive every step into every fault over real HTTP. A fault applies to the next
``count`` requests of one step (or of any step with ``step="*"``).

The kinds (:class:`FaultKind`):

* ``delay``: answer normally after ``delay_s``;
* ``hang``: never answer (until the server stops);
* ``status``: an HTTP error ``status``, with ``Retry-After: retry_after`` when given;
* ``malformed``: the ``&&&START&&&`` prefix, then broken JSON;
* ``no_prefix``: valid JSON without the prefix;
* ``truncated``: fewer bytes than Content-Length, then a clean close;
* ``reset``: part of the body, then a TCP reset;
* ``content_type``: an HTML page where JSON or an image belongs;
* ``result``: a well-formed answer with result code ``code`` (and ``tips``);
* ``lost_answer``: the server *does* the step (the session really starts, a
  code is really sent, the code is really accepted, the password is really
  changed), then closes the connection without a byte of answer: the client
  sees the connection drop after its request went out. Only the POST steps
  (``start``, ``quota``, ``send``, ``verify``, ``reset``) can lose an answer;
  armed on ``"*"``, the captcha GET passes it by.

What arrives over HTTP (:func:`read_arming`, :meth:`Fault.from_mapping`) is
checked before anything is armed: numbers finite and bounded, text without
control characters (``retry_after`` becomes a response header: a CR/LF in it
would add headers of the caller's choosing) and of bounded length. A bad value
raises ValueError with a short message that never repeats the value (it may
be 64 KB of anything). A ``Fault`` built in code is held to the same numeric
and header rules, but its ``tips`` may be anything: the tests send hostile
text on purpose, to check the client.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from enum import Enum
from typing import Any

# The user's steps, then the GETs public clients make between them (the identity list, a masked
# contact, a verify answer's location, the voice captcha).
STEPS = (
    "captcha",
    "start",
    "quota",
    "send",
    "verify",
    "reset",
    "identity_list",
    "contacts",
    "follow",
    "voice_captcha",
    "*",
)
POST_STEPS = ("start", "quota", "send", "verify", "reset")

MAX_SECONDS = 60.0  # latency_s and delay_s: longer than any client waits, short enough to end
COUNT_RANGE = (1, 1000)
STATUS_RANGE = (100, 599)
CODE_RANGE = (-(2**31), 2**31 - 1)  # what the passport SDK's Java int can carry
MAX_RETRY_AFTER_CHARS = 64  # an HTTP date is 29 characters
MAX_TIPS_CHARS = 500  # the live service's tips are a sentence or two
_NUMBER_TEXT = re.compile(r"[+-]?[0-9]{1,12}(\.[0-9]{1,6})?")
# Control characters, lone surrogates (they cannot be encoded: the answer would fail),
# and the Unicode line and paragraph separators (line breaks by another name).
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


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
    LOST_ANSWER = "lost_answer"  # the step is done, then the connection closes without an answer
    UNDELIVERED = "undelivered"  # a send is answered "sent", but the message never reaches the phone


def check_seconds(value: float, name: str) -> float:
    """``value`` if it is a finite number of seconds from 0 to MAX_SECONDS, else ValueError."""
    if not math.isfinite(value) or not 0 <= value <= MAX_SECONDS:
        raise ValueError(f"{name} must be from 0 to {MAX_SECONDS:g} seconds")
    return float(value)


def _check_range(value: int, name: str, bounds: tuple[int, int]) -> None:
    low, high = bounds
    if not low <= value <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}")


def _check_header_text(value: str, name: str) -> str:
    # Printable ASCII only: the value goes into the response head as it is.
    if len(value) > MAX_RETRY_AFTER_CHARS or not all(" " <= ch <= "~" for ch in value):
        raise ValueError(f"{name} must be at most {MAX_RETRY_AFTER_CHARS} printable ASCII characters")
    return value


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
        if not isinstance(self.kind, FaultKind):
            raise ValueError("kind must be a FaultKind")
        if self.step not in STEPS:
            raise ValueError(f"unknown step; one of {', '.join(STEPS)}")
        if self.kind is FaultKind.LOST_ANSWER and self.step not in (*POST_STEPS, "*"):
            raise ValueError(f"lost_answer applies to {', '.join(POST_STEPS)} or *")
        if self.kind is FaultKind.UNDELIVERED and self.step not in ("send", "*"):
            raise ValueError("undelivered applies to send or *")
        _check_range(self.count, "count", COUNT_RANGE)
        _check_range(self.status, "status", STATUS_RANGE)
        _check_range(self.code, "code", CODE_RANGE)
        self.delay_s = check_seconds(self.delay_s, "delay_s")
        if self.retry_after is not None:
            _check_header_text(self.retry_after, "retry_after")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Fault:
        """A fault from JSON a trainer sent; ValueError (with a short message) for anything off."""
        known = {f.name for f in fields(cls)}
        unknown = [str(key) for key in data if key not in known]
        if unknown:
            raise ValueError(f"unknown field {unknown[0][:40]!r}")
        if "kind" not in data:
            raise ValueError("kind is missing")
        kind_name = data["kind"]
        kinds = {kind.value: kind for kind in FaultKind}
        if not isinstance(kind_name, str) or kind_name not in kinds:
            raise ValueError(f"unknown kind; one of {', '.join(kinds)}")
        step = data.get("step", "*")
        if not isinstance(step, str) or step not in STEPS:
            raise ValueError(f"unknown step; one of {', '.join(STEPS)}")
        return cls(
            kind=kinds[kind_name],
            step=step,
            # The types here; the bounds in __post_init__, which code-made faults meet too.
            count=_whole(data.get("count", 1), "count"),
            status=_whole(data.get("status", 500), "status"),
            retry_after=_retry_after(data.get("retry_after")),
            delay_s=_seconds(data.get("delay_s", 0.0), "delay_s"),
            code=_whole(data.get("code", 0), "code"),
            tips=_tips(data.get("tips", "")),
        )

    def to_mapping(self) -> dict[str, Any]:
        out = asdict(self)
        out["kind"] = self.kind.value
        return out


def read_arming(data: object) -> tuple[float | None, Fault | None]:
    """What a POST to ``/_training/faults`` asks for: a latency, a fault, both or neither.

    Everything is checked before anything is armed, so a bad fault never
    leaves a half-applied latency behind.
    """
    if not isinstance(data, dict):
        raise ValueError("the body must be a JSON object")
    settings = dict(data)
    latency = None
    if "latency_s" in settings:
        latency = _seconds(settings.pop("latency_s"), "latency_s")
    fault = Fault.from_mapping(settings) if settings else None
    return latency, fault


def _whole(value: object, name: str) -> int:
    """A whole number from JSON: an integer, a float without a fraction, or digits in a string."""
    if isinstance(value, bool):  # True is an int to Python, never a count to a trainer
        raise ValueError(f"{name} must be a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value.strip()) and "." not in value:
        return int(value.strip())
    raise ValueError(f"{name} must be a whole number")


def _seconds(value: object, name: str) -> float:
    """A finite number of seconds from JSON (a number or a number in a string)."""
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number of seconds")
    if isinstance(value, int | float):
        number = float(value) if abs(value) < 2**53 else math.inf
    elif isinstance(value, str) and _NUMBER_TEXT.fullmatch(value.strip()):
        number = float(value.strip())
    else:
        raise ValueError(f"{name} must be a number of seconds")
    return check_seconds(number, name)


def _retry_after(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("retry_after must be text or a whole number")
    return _check_header_text(value, "retry_after")


def _tips(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("tips must be text")
    if len(value) > MAX_TIPS_CHARS:
        raise ValueError(f"tips must be at most {MAX_TIPS_CHARS} characters")
    if any(unicodedata.category(ch) in _FORBIDDEN_CATEGORIES for ch in value):
        raise ValueError("tips must not contain control characters or line breaks")
    return value


class FaultPlan:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._latency_s = 0.0

    @property
    def latency_s(self) -> float:
        """Added to every passport answer (0 to MAX_SECONDS)."""
        return self._latency_s

    @latency_s.setter
    def latency_s(self, value: float) -> None:
        self._latency_s = check_seconds(value, "latency_s")

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
            self._latency_s = 0.0

    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def take(self, step: str) -> Fault | None:
        """The fault for this request of ``step``, if one is armed (consumes one count)."""
        with self._lock:
            for fault in self._faults:
                if fault.step not in (step, "*"):
                    continue
                if fault.kind is FaultKind.LOST_ANSWER and step not in POST_STEPS:
                    continue  # "*" means every step that can lose an answer
                if fault.kind is FaultKind.UNDELIVERED and step != "send":
                    continue  # "*" means every send
                fault.count -= 1
                if fault.count <= 0:
                    self._faults.remove(fault)
                return fault
        return None
