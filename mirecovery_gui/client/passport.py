"""The passport client: one code path for the live Xiaomi service and the training one.

Conventions (docs/passport.md, with how sure we are of each):
form-encoded POSTs with ``_json=true``; answers that start with ``&&&START&&&``
followed by JSON with ``code`` (0 is success; some calls say ``result``),
``description``/``desc`` (server-side text, never shown) and ``tips``
(localised, shown as plain text); the captcha comes from ``getCode`` (or the
``captchaUrl`` an answer names) and sets the ``ick`` cookie. The sequence of
public clients: the start posts ``id``, ``userType``, ``sid``, ``qs`` and reads
only the result; ``GET /identity/list`` gives the ``identity_session`` cookie
and the options; ``GET`` verifyPhone / verifyEmail give each masked contact; a
verify answer's ``location`` is fetched before the new password. Cookies stay
in the session and nowhere else.

Network rules: explicit (connect, read) timeouts on every call; TLS always
verified against the system's trust store; only the idempotent captcha GET
is retried (connect failures and a 503 without Retry-After), and only within
the step deadline; a wait the server asks for (429, or 503 with Retry-After)
is a countdown the user sees, never a sleeping worker; a POST is never
repeated, because a repeated send is a second SMS and a repeated verify burns
an attempt.
"""

from __future__ import annotations

import contextlib
import email.utils
import json
import logging
import math
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from mirecovery_gui import __version__
from mirecovery_gui.client.errors import (
    MAX_WAIT_S,
    AnswerLostError,
    CancelledError,
    CaptchaError,
    CaptchaNeededError,
    CodeSentRecentlyError,
    ConnectionDroppedError,
    ConnectTimeoutError,
    JoinCodeRefusedError,
    NameNotResolvedError,
    NextAction,
    NoConnectionError,
    PasswordRejectedError,
    PasswordSameAsEmailError,
    PasswordUsedBeforeError,
    ProtocolError,
    RateLimitedError,
    RecoveryError,
    ResetMaybeDoneError,
    RestrictedError,
    ResultCode,
    SendLimitError,
    SendMaybeDoneError,
    ServerError,
    ServerTimeoutError,
    ServiceError,
    SessionExpiredError,
    TlsError,
    TransportError,
    UnexpectedResultError,
    UnknownAccountError,
    VerifyMaybeDoneError,
    WrongCodeError,
)
from mirecovery_gui.client.profile import ProviderProfile
from mirecovery_gui.client.results import (
    CaptchaAudio,
    CaptchaImage,
    QuotaResult,
    ResetResult,
    SendResult,
    StartResult,
    TrainingMessage,
    TrainingPeek,
    VerifyResult,
)
from mirecovery_gui.core.flow import Channel, ContactOption
from mirecovery_gui.core.identifier import Identifier, IdentifierKind
from mirecovery_gui.core.text import plain_text

if TYPE_CHECKING:
    import requests

    from mirecovery_gui.client.transport import SocketRegistry

log = logging.getLogger(__name__)

# Identity option flags of /identity/list (4 = phone, 8 = email).
FLAG_BY_CHANNEL = {Channel.PHONE: 4, Channel.EMAIL: 8}
ADDRESS_TYPE = {Channel.PHONE: "PH", Channel.EMAIL: "EM"}
# The start's ``userType``: PH is what public clients send; EM and ID follow it (not public).
USER_TYPE = {IdentifierKind.PHONE: "PH", IdentifierKind.EMAIL: "EM", IdentifierKind.ACCOUNT_ID: "ID"}
# The start's ``qs``: the query of the page it came from (``?sid=passport``), URL-encoded as clients send it.
START_QS = "%3Fsid%3Dpassport"
_MASK_FIELD = {Channel.PHONE: "maskedPhone", Channel.EMAIL: "maskedEmail"}
_SEND_STEP = {Channel.PHONE: "send_phone", Channel.EMAIL: "send_email"}
_VERIFY_STEP = {Channel.PHONE: "verify_phone", Channel.EMAIL: "verify_email"}
QUOTA_CONTENT_TYPE = "160040"

MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_CAPTCHA_BYTES = 512 * 1024  # a captcha is a few KB; anything this big is not one
MAX_VOICE_BYTES = 2 * 1024 * 1024  # a few seconds of speech
GET_ATTEMPTS = 3
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")
# The steps that change something on the server, and what to say when their answer is lost.
_MAYBE_DONE: dict[str, type[AnswerLostError]] = {
    "send_phone": SendMaybeDoneError,
    "send_email": SendMaybeDoneError,
    "verify_phone": VerifyMaybeDoneError,
    "verify_email": VerifyMaybeDoneError,
    "reset": ResetMaybeDoneError,
}
# The header that carries a classroom training server's join code (``--server URL?code=...``).
JOIN_CODE_HEADER = "X-Training-Code"


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), at most a day."""
    if not value:
        return None
    value = value.strip()[:64]
    if value.isdigit():
        return float(min(int(value[:9]), MAX_WAIT_S))
    try:
        when = email.utils.parsedate_to_datetime(value)
        seconds = when.timestamp() - (time.time() if now is None else now)
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None
    return min(max(0.0, seconds), float(MAX_WAIT_S))


@dataclass(frozen=True)
class _Reply:
    status: int
    content_type: str
    body: bytes


def _int_or_none(value: Any, low: int = -(2**31), high: int = 2**31 - 1) -> int | None:
    """``value`` as an int within [low, high]; None for anything else (1e999, "9" * 5000, [])."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str) and len(value.strip()) > 12:
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if low <= number <= high else None


def _data(payload: dict[str, Any], default: dict[str, Any]) -> dict[str, Any]:
    """The answer's ``data`` object, or ``default`` when there is none (or it is not an object)."""
    data = payload.get("data")
    return data if isinstance(data, dict) else default


@contextlib.contextmanager
def _parsing() -> Iterator[None]:
    """An answer of the wrong shape, however wrong, is one the client does not understand."""
    try:
        yield
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError) as exc:
        raise ProtocolError() from exc


def _captcha_path(value: object) -> str:
    """A captcha picture's address from an answer: a path on the same server under /pass/getCode, or ""."""
    if not isinstance(value, str) or len(value) > 300:
        return ""
    path = value.strip()
    # Same server only (no //host, no scheme): the client never fetches from where an answer points.
    if not path.startswith("/pass/getCode") or any(ch in path for ch in " \r\n\t\\"):
        return ""
    return path


def _same_server_path(location: object, base_url: str) -> str | None:
    """A ``location`` from an answer as a path and query on the client's own server; None for anywhere else.

    The client never follows an answer to another host: that is an answer that does not fit.
    """
    from urllib.parse import urlsplit

    if not isinstance(location, str) or not location or len(location) > 2000:
        return None
    if any(ch in location for ch in " \r\n\t\\"):
        return None
    if location.startswith("/") and not location.startswith("//"):
        return location
    parts, base = urlsplit(location), urlsplit(base_url)
    if (parts.scheme, parts.netloc.lower()) != (base.scheme, base.netloc.lower()) or not parts.path.startswith("/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _split_join_code(url: str) -> tuple[str, str]:
    """``url`` without its query, and the ``code`` it carried: a classroom training server's join code, or "".

    ``mirecovery --server http://HOST:PORT/?code=CODE``: the code goes in a header
    with every request, the query would break every path appended to the address.
    A code that could not travel in a header (anything but ASCII letters and
    digits) is dropped, and the server's refusal says the rest.
    """
    from urllib.parse import parse_qs, urlsplit, urlunsplit

    parts = urlsplit(url)
    code = (parse_qs(parts.query).get("code") or [""])[0].strip()
    if code and not (len(code) <= 32 and code.isascii() and code.isalnum()):
        log.warning("the join code in the server address is not letters and digits; not sent")
        code = ""
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")), code


class PassportClient:
    """A :class:`~mirecovery_gui.client.base.RecoveryClient` over HTTP."""

    def __init__(
        self,
        profile: ProviderProfile,
        base_url: str | None = None,
        *,
        locale: str = "en_US",
    ) -> None:
        url = base_url or profile.base_url
        if not url:
            raise ValueError(f"provider {profile.id!r} needs a server address")
        url, join_code = _split_join_code(url)
        self.profile = profile
        self.base_url = url.rstrip("/")
        self.join_code: str = join_code  # sent with every request (the X-Training-Code header)
        self.locale = locale
        self._lock = threading.Lock()
        self._session: requests.Session | None = None
        self._registry: SocketRegistry | None = None
        self._epoch = 0
        self._captcha_url = ""  # from the last answer that asked for a captcha: where its picture is
        # The location of a verify answer not followed yet (its GET failed): the code was accepted, so
        # "Try again" follows it again rather than send the code again (a used code is refused).
        self._pending_location = ""

    # --- the steps ------------------------------------------------------------

    def fetch_captcha(self) -> CaptchaImage:
        params = {"icodeType": self.profile.icode_type}
        path = None
        if self._captcha_url:
            # The picture the service named in its 87001/20031 answer (public clients follow it).
            path, _, query = self._captcha_url.partition("?")
            params = dict(parse_qsl(query))
        params["_"] = str(int(time.time() * 1000))
        reply = self._request("GET", "captcha", path=path, params=params)
        if not reply.content_type.startswith("image/") or not reply.body.startswith(_IMAGE_MAGIC):
            raise self._handoff(ProtocolError())
        if len(reply.body) > MAX_CAPTCHA_BYTES:
            raise self._handoff(ProtocolError())
        return CaptchaImage(reply.body, reply.content_type)

    def fetch_voice_captcha(self) -> CaptchaAudio:
        """The voice captcha (``/pass/getCode/voice``): the same answer, heard; it replaces the picture's."""
        params = {"icodeType": self.profile.icode_type, "_": str(int(time.time() * 1000))}
        reply = self._request("GET", "voice_captcha", params=params)
        if not reply.content_type.startswith("audio/") or not reply.body or len(reply.body) > MAX_VOICE_BYTES:
            raise self._handoff(ProtocolError())
        return CaptchaAudio(reply.body, reply.content_type)

    def start(self, identifier: Identifier, captcha_answer: str) -> StartResult:
        """The account, then where a code can go: the start, the identity list, each masked contact."""
        self._post(
            "start",
            {
                "id": identifier.normalized,
                "userType": USER_TYPE[identifier.kind],
                "sid": "passport",
                "qs": START_QS,
                "icode": captcha_answer.strip(),
            },
            captcha_sent=bool(captcha_answer.strip()),
        )
        payload = self._get_json("identity_list", params={"sid": "passport", "_json": "true"})
        with _parsing():
            data = _data(payload, payload)
            raw_options = data.get("options")
            flags = {_int_or_none(flag) for flag in raw_options[:20]} if isinstance(raw_options, list) else set()
            if not flags:
                # Some answers name only the one way they offer.
                flags = {_int_or_none(data.get("flag"))}
        options: list[ContactOption] = []
        # Phone first: it is what Xiaomi's own screen offers first.
        for channel in (Channel.PHONE, Channel.EMAIL):
            if FLAG_BY_CHANNEL[channel] in flags:
                options.append(ContactOption(channel, self._masked_contact(channel)))
        return StartResult(tuple(options))

    def _masked_contact(self, channel: Channel) -> str:
        """The contact a code would go to, as the service masks it (GET verifyPhone / verifyEmail)."""
        payload = self._get_json(
            "contacts",
            path=self.profile.paths[_VERIFY_STEP[channel]],
            params={"_flag": str(FLAG_BY_CHANNEL[channel]), "_json": "true"},
        )
        with _parsing():
            return plain_text(str(_data(payload, payload).get(_MASK_FIELD[channel]) or ""), 80)

    def quota(self, channel: Channel) -> QuotaResult:
        payload = self._post("quota", {"addressType": ADDRESS_TYPE[channel], "contentType": QUOTA_CONTENT_TYPE})
        with _parsing():
            left = _int_or_none(payload.get("info"), 0, 1000)
            return QuotaResult(channel, left)

    def send_code(self, channel: Channel, captcha_answer: str = "") -> SendResult:
        self._pending_location = ""  # a new code is checked anew
        payload = self._post(
            _SEND_STEP[channel],
            {"icode": captcha_answer.strip()},
            captcha_sent=bool(captcha_answer.strip()),
        )
        with _parsing():
            data = _data(payload, {})
            length = _int_or_none(data.get("vCodeLen"), 4, 8)
            resend = _int_or_none(data.get("resendAfter"), 0, 3600)
            return SendResult(
                channel=channel,
                masked_contact=plain_text(str(data.get(_MASK_FIELD[channel]) or ""), 80),
                code_length=self.profile.code_length if length is None else length,
                resend_after_s=self.profile.resend_cooldown_s if resend is None else resend,
                sends_left=_int_or_none(data.get("sendsLeft"), 0, 1000),
            )

    def verify_code(self, channel: Channel, code: str) -> VerifyResult:
        if not self._pending_location:
            payload = self._post(
                _VERIFY_STEP[channel],
                {"ticket": code, "_flag": str(FLAG_BY_CHANNEL[channel]), "trust": "false"},
            )
            with _parsing():
                location = payload.get("location") or _data(payload, {}).get("location")
            if not location:
                return VerifyResult(channel)
            # Public clients go where the accepted code's answer says before anything else: only on
            # this server (anywhere else is an answer that does not fit), its query as it came.
            path = _same_server_path(location, self.base_url)
            if path is None:
                raise self._handoff(ProtocolError())
            self._pending_location = path
        self._get_json("follow", path=self._pending_location)
        self._pending_location = ""
        return VerifyResult(channel)

    def reset_password(self, password: str) -> ResetResult:
        self._post("reset", {"password": password})
        return ResetResult()

    def training_peek(self, also: str = "") -> TrainingPeek:
        """What the training service delivered to this session (training profiles only)."""
        if not self.profile.peek_path:
            raise ProtocolError()
        # ``also``: the practice page's own session (its codes, on a classroom server too).
        reply = self._request("GET", "peek", path=self.profile.peek_path, params={"also": also} if also else None)
        try:
            data = json.loads(reply.body.decode("utf-8", errors="replace"))
            messages = tuple(
                TrainingMessage(
                    to=str(item["to"]),
                    channel=Channel(item["channel"]),
                    text=plain_text(str(item["text"])),
                    code=str(item["code"]),
                    sent_at=float(item["sent_at"]),
                )
                for item in data.get("messages", [])
            )
            answer = data.get("captcha_answer")
            return TrainingPeek(None if answer is None else plain_text(str(answer), 40), messages)
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError, RecursionError) as exc:
            raise ProtocolError() from exc

    # --- lifetime ----------------------------------------------------------------

    def cancel(self) -> None:
        """Abandon whatever is in flight (from any thread); it raises CancelledError."""
        with self._lock:
            self._epoch += 1
            registry = self._registry
        if registry is not None:
            registry.abort()

    def reset_session(self) -> None:
        """Forget cookies and connections: the next step starts a new recovery."""
        self.cancel()
        self._captcha_url = ""
        self._pending_location = ""
        with self._lock:
            session, self._session = self._session, None
        if session is not None:
            session.close()

    def close(self) -> None:
        self.reset_session()

    # --- plumbing ----------------------------------------------------------------

    def _session_and_epoch(self) -> tuple[requests.Session, int]:
        with self._lock:
            if self._session is None:
                from mirecovery_gui.client import transport

                self._registry = transport.SocketRegistry()
                language = self.locale.replace("_", "-")
                headers = {
                    "User-Agent": f"mirecovery/{__version__}",
                    "Accept-Language": f"{language},en;q=0.5",
                }
                if self.join_code:
                    headers[JOIN_CODE_HEADER] = self.join_code
                self._session = transport.make_session(
                    self._registry, trust_env=not self.profile.training, headers=headers
                )
            return self._session, self._epoch

    def _cancelled(self, epoch: int) -> bool:
        with self._lock:
            return epoch != self._epoch

    def _handoff(self, error: RecoveryError) -> RecoveryError:
        """On the live service, a fault we cannot work around offers the official website."""
        if not self.profile.training:
            error.with_actions(NextAction.OFFICIAL_SITE)
        return error

    def _get_json(
        self, step: str, *, path: str | None = None, params: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """A GET whose answer is an envelope (the identity list, a masked contact, a followed location)."""
        reply = self._request("GET", step, path=path, params=params)
        payload = self._envelope(reply.body)
        with _parsing():
            self._raise_for_result(step, payload, captcha_sent=False)
        return payload

    def _post(self, step: str, fields: Mapping[str, str], *, captcha_sent: bool = False) -> dict[str, Any]:
        form = {"_json": "true", "_locale": self.locale, **fields}
        try:
            reply = self._request("POST", step, data=form)
        except (ServerTimeoutError, ConnectionDroppedError) as error:
            # The request went out; the server may have done it before the answer was lost.
            maybe_done = _MAYBE_DONE.get(step)
            if maybe_done is None:
                raise
            raise self._handoff(maybe_done()) from error
        payload = self._envelope(reply.body)
        with _parsing():
            self._raise_for_result(step, payload, captcha_sent=captcha_sent)
        return payload

    def _request(
        self,
        method: str,
        step: str,
        *,
        path: str | None = None,
        params: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
    ) -> _Reply:
        """One step's HTTP exchange, body included, within the step deadline."""

        session, epoch = self._session_and_epoch()
        url = self.base_url + (path or self.profile.paths[step])
        timeouts = self.profile.timeouts
        started = time.monotonic()
        deadline = started + timeouts.step_deadline_s
        # A server that trickles its headers a byte at a time resets the read timeout
        # with every byte; at the deadline this thread's connections are cut, whatever
        # they are doing. ``finished`` keeps a timer that fires as the step ends from
        # cutting the next step's connection.
        finished = threading.Event()
        guard = threading.Timer(timeouts.step_deadline_s, self._deadline_passed, args=(threading.get_ident(), finished))
        guard.daemon = True
        guard.start()
        try:
            reply = self._exchange(session, epoch, method, step, url, params, data, started, deadline)
            if time.monotonic() >= deadline:
                # Cut at the deadline mid-answer: what arrived is a fragment, not an answer.
                raise self._handoff(ServerTimeoutError())
            return reply
        except CancelledError:
            if time.monotonic() >= deadline and not self._cancelled(epoch):
                raise self._handoff(ServerTimeoutError()) from None
            raise
        except (ConnectionDroppedError, NoConnectionError) as error:
            if time.monotonic() >= deadline:
                raise self._handoff(ServerTimeoutError()) from error
            raise
        finally:
            with self._lock:
                finished.set()
            guard.cancel()

    def _deadline_passed(self, thread: int, finished: threading.Event) -> None:
        with self._lock:
            if finished.is_set():
                return
            registry = self._registry
            if registry is not None:
                registry.abort(thread)

    def _exchange(
        self,
        session: requests.Session,
        epoch: int,
        method: str,
        step: str,
        url: str,
        params: Mapping[str, str] | None,
        data: Mapping[str, str] | None,
        started: float,
        deadline: float,
    ) -> _Reply:
        import requests

        timeouts = self.profile.timeouts
        attempts = GET_ATTEMPTS if method == "GET" else 1
        for attempt in range(1, attempts + 1):
            remaining = deadline - time.monotonic()
            connect = min(timeouts.connect_s, max(0.5, remaining / 2))
            read = min(timeouts.read_s, max(0.5, remaining - connect))
            retry_wait: float | None = None
            try:
                response = session.request(
                    method,
                    url,
                    params=params,
                    data=data,
                    timeout=(connect, read),
                    allow_redirects=False,
                    verify=True,
                    stream=True,
                )
            except requests.exceptions.RequestException as exc:
                if self._cancelled(epoch):
                    raise CancelledError() from None
                error = self._transport_error(exc)
                log.info(
                    "step %s attempt %d failed: %s elapsed=%dms",
                    step,
                    attempt,
                    type(error).__name__,
                    (time.monotonic() - started) * 1000,
                )
                if isinstance(error, NoConnectionError | ConnectTimeoutError):
                    retry_wait = 0.3 * attempt
                if retry_wait is None or attempt == attempts:
                    raise self._handoff(error) from None
            else:
                if self._cancelled(epoch):
                    response.close()
                    raise CancelledError()
                status = response.status_code
                log.info(
                    "step %s HTTP %d elapsed=%dms",
                    step,
                    status,
                    (time.monotonic() - started) * 1000,
                )
                if status < 300:
                    content_type = response.headers.get("Content-Type", "")
                    body = self._read_body(response, deadline, epoch)
                    return _Reply(status, content_type.split(";")[0].strip().lower(), body)
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                response.close()
                if status == 503 and retry_after is None and method == "GET" and attempt < attempts:
                    # A wait the server names is the user's countdown (RateLimitedError), never ours.
                    retry_wait = 0.5 * attempt
                if retry_wait is None:
                    if status == 403 and self.profile.training:
                        # Only a training server refuses for a join code; Xiaomi's 403 stays "not understood".
                        raise self._handoff(JoinCodeRefusedError())
                    raise self._handoff(self._status_error(status, retry_after))
            # Wait before the next GET attempt, unless it would break the deadline.
            budget = deadline - time.monotonic() - retry_wait - timeouts.connect_s
            if budget <= 0:
                raise self._handoff(ServerTimeoutError())
            if self._sleep(retry_wait, epoch):
                raise CancelledError()
        raise self._handoff(ServerTimeoutError())  # pragma: no cover - loop always returns or raises

    def _sleep(self, seconds: float, epoch: int) -> bool:
        """Wait ``seconds``, waking early on cancel; True when cancelled."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self._cancelled(epoch):
                return True
            time.sleep(min(left, 0.05))
        return self._cancelled(epoch)

    def _read_body(self, response: requests.Response, deadline: float, epoch: int) -> bytes:
        from urllib3.exceptions import DecodeError, HTTPError, ReadTimeoutError

        chunks: list[bytes] = []
        size = 0
        try:
            # read1 returns what one receive brought; iter_content would block
            # until a whole chunk arrived, and a server that trickles a byte at
            # a time (resetting the read timeout each time) would hold the
            # step far past its deadline.
            while chunk := response.raw.read1(65536, decode_content=True):
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise self._handoff(ProtocolError())
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise self._handoff(ServerTimeoutError())
        except (HTTPError, OSError) as exc:
            if self._cancelled(epoch):
                raise CancelledError() from None
            if isinstance(exc, ReadTimeoutError | TimeoutError):
                raise self._handoff(ServerTimeoutError()) from None
            if isinstance(exc, DecodeError):
                raise self._handoff(ProtocolError()) from None
            raise self._handoff(ConnectionDroppedError()) from None
        finally:
            response.close()
        if self._cancelled(epoch):
            raise CancelledError()
        return b"".join(chunks)

    def _envelope(self, body: bytes) -> dict[str, Any]:
        text = body.decode("utf-8", errors="replace")
        prefix = self.profile.envelope_prefix
        if prefix:
            if not text.startswith(prefix):
                raise self._handoff(ProtocolError())
            text = text[len(prefix) :]
        try:
            payload = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
            raise self._handoff(ProtocolError()) from None
        if not isinstance(payload, dict):
            raise self._handoff(ProtocolError())
        return payload

    def _raise_for_result(self, step: str, payload: dict[str, Any], *, captcha_sent: bool) -> None:
        # Some passport calls say "result" where most say "code", and some say "ok" for 0.
        raw = payload.get("code", payload.get("result"))
        code = ResultCode.SUCCESS if raw == "ok" else _int_or_none(raw)
        if code is None:
            raise self._handoff(ProtocolError())
        if code == ResultCode.SUCCESS:
            return
        tips = plain_text(str(payload.get("tips") or ""))
        log.info("step %s rc=%d", step, code)
        data = _data(payload, {})
        error: ServiceError
        if code in (ResultCode.CAPTCHA, ResultCode.CAPTCHA_NEEDED):
            self._captcha_url = _captcha_path(payload.get("captchaUrl"))
        if code == ResultCode.CAPTCHA_NEEDED:
            error = CaptchaNeededError(tips=tips, result_code=code)
        elif code == ResultCode.SENT_RECENTLY:
            raise CodeSentRecentlyError(float(self.profile.resend_cooldown_s), tips=tips)
        elif code in (ResultCode.EMPTY_CODE, ResultCode.VERIFY_FAILED) and step.startswith("verify"):
            error = WrongCodeError(None, tips=tips, result_code=code)
        elif code == ResultCode.PASSWORD_USED_BEFORE:
            error = PasswordUsedBeforeError(tips=tips, result_code=code)
        elif code == ResultCode.CAPTCHA:
            if captcha_sent:
                # Refused although typed: on Xiaomi's service most likely because its page asks for its
                # script captcha, which this client cannot show. Its page is offered beside a new picture.
                error = CaptchaError(tips=tips, result_code=code)
                self._handoff(error)
            else:
                error = CaptchaNeededError(tips=tips, result_code=code)
        elif code == ResultCode.WRONG_CODE:
            error = WrongCodeError(_int_or_none(data.get("attemptsLeft"), 0, 100), tips=tips, result_code=code)
        elif code == ResultCode.SEND_LIMIT:
            error = SendLimitError(tips=tips, result_code=code)
        elif code == ResultCode.UNKNOWN_USER:
            # The service's own words may say whether the account exists; ours do not.
            error = UnknownAccountError(result_code=code)
        elif code in (ResultCode.INVALID_PASSWORD, ResultCode.PASSWORD_INVALID):
            error = PasswordRejectedError(tips=tips, result_code=code)
        elif code == ResultCode.PASSWORD_SAME_AS_EMAIL:
            error = PasswordSameAsEmailError(tips=tips, result_code=code)
        elif code == ResultCode.INVALID_TOKEN:
            # The session token is not valid (public evidence): whatever the step, only a new start helps.
            error = SessionExpiredError(tips=tips, result_code=code, after_verify=step in ("reset", "follow"))
        elif code in (ResultCode.REQUEST_RESTRICTED, ResultCode.USER_RESTRICTED):
            error = RestrictedError(tips=tips, result_code=code)
        else:
            error = UnexpectedResultError(code, tips=tips)
            self._handoff(error)
        raise error

    @staticmethod
    def _status_error(status: int, retry_after: float | None) -> TransportError:
        if status == 429 or (status >= 500 and retry_after is not None):
            # The server named its wait: honour it (RFC 9110 defines Retry-After for 503,
            # proxies and CDNs send it with 502 and 504 too).
            return RateLimitedError(retry_after if retry_after is not None else 30.0)
        if status >= 500:
            return ServerError(status)
        # Redirects (a network's login page) and other 4xx: not an answer we know.
        return ProtocolError()

    @staticmethod
    def _transport_error(exc: BaseException) -> TransportError:
        import requests
        from urllib3.exceptions import NameResolutionError
        from urllib3.exceptions import TimeoutError as Urllib3Timeout

        chain: list[BaseException] = []
        current: BaseException | None = exc
        while current is not None and len(chain) < 10:
            chain.append(current)
            nested = current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
            current = current.__cause__ or current.__context__ or nested
            if current in chain:
                break
        if isinstance(exc, requests.exceptions.SSLError):
            return TlsError()
        if isinstance(exc, requests.exceptions.ConnectTimeout):
            return ConnectTimeoutError()
        if isinstance(exc, requests.exceptions.ReadTimeout):
            return ServerTimeoutError()
        if any(isinstance(item, NameResolutionError) for item in chain):
            return NameNotResolvedError()
        if any(isinstance(item, ConnectionRefusedError) for item in chain):
            return NoConnectionError()
        if isinstance(exc, requests.exceptions.ChunkedEncodingError | requests.exceptions.ContentDecodingError):
            return ConnectionDroppedError()
        if isinstance(exc, requests.exceptions.ConnectionError):
            if any(isinstance(item, TimeoutError | Urllib3Timeout) for item in chain):
                return ServerTimeoutError()
            text = " ".join(type(item).__name__ for item in chain)
            if "NewConnectionError" in text:
                return NoConnectionError()
            return ConnectionDroppedError()
        return ConnectionDroppedError()
