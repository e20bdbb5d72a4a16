"""The rules of the training passport service, apart from HTTP.

It behaves like the live service as far as the public conventions go (same
paths, envelope, cookies and result codes as ``resources/providers/
training.json``, docs/passport.md) and adds what a classroom needs: codes land
in an inbox that the app shows as a training phone, and ``peek`` reveals the
captcha answer.

The sequence public clients of account.xiaomi.com show: the start posts ``id``,
``userType``, ``sid=passport`` and ``qs`` and hears only ``code``/``result``;
``GET /identity/list`` gives the ``identity_session`` cookie, ``flag`` and
``options`` (4 phone, 8 email); ``GET`` verifyPhone / verifyEmail give the
masked contact; a send, a verify whose answer names a ``location``, and the
client's ``GET`` of that location is what allows the new password. 21317 means
the session token is not (or no longer) valid.

Rules (all times from the injected clock):

* a captcha at the start, and again before a send once a session has had 3
  failed code entries;
* codes of 6 digits from ``secrets``; 60 s before a resend; valid 10 minutes;
  5 wrong entries invalidate a code (an expired or used-up code is answered
  70014 with no tries left: Xiaomi has no public code of its own for it); 3 sends per address per 24 hours (70022:
  Xiaomi's limit outside mainland China, where the training accounts are; 5 for the
  one mainland China number),
  counted per training session (the ``identity_session`` cookie), not per
  address across the server: a classroom of students behind one training
  account must not use up each other's codes. An account with
  ``sends_used_today`` (limit@example.com) starts every session with that
  many sends already made, so it shows the reached limit on its first send;
* the new password checked against the profile's policy on the server side
  too, so a client that skips its own checks is refused all the same: one
  holding the account's email, phone (in any of its forms) or ID gets
  110071001, the same rule as the app's checklist (``core/password.py``);
  the permission to set it (the reset ticket) is single-use, 10 minutes.
"""

from __future__ import annotations

import secrets
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from mirecovery_gui.core.clock import Clock, SystemClock
from mirecovery_gui.core.flow import Channel
from mirecovery_gui.core.identifier import Identifier, IdentifierKind, parse_identifier
from mirecovery_gui.core.password import PasswordPolicy, Rule, check_password
from mirecovery_gui.training.faults import FaultPlan


class ResultCode:
    """The result codes the service answers with, as Xiaomi's passport SDK names them.

    Written out here rather than borrowed from the client, so that the client's
    tests check its reading of the codes against the service, not against itself.
    """

    SUCCESS = 0
    UNKNOWN_USER = 20003
    CAPTCHA = 87001
    INVALID_PASSWORD = 70003
    WRONG_CODE = 70014
    SEND_LIMIT = 70022
    INVALID_TOKEN = 21317  # the session token is not valid (never started, ended, or too old)
    PASSWORD_INVALID = 110021001
    PASSWORD_USED_BEFORE = 85110
    PASSWORD_SAME_AS_EMAIL = 110071001


PREFIX = "&&&START&&&"
# Where an answer that wants a captcha says its picture is (the client follows it, as public clients do).
CAPTCHA_URL = "/pass/getCode?icodeType=antispam&scene=forgetPassword"
CAPTCHA_COOKIE = "ick"
SESSION_COOKIE = "identity_session"
TICKET_COOKIE = "passToken"
# Ties /identity/list to the start that found the account (opaque to the client, as any cookie).
FORGET_COOKIE = "pass_forget"
# Where a verify answer's ``location`` points: its GET allows the new password.
LOCATION_PATH = "/pass/forgetPassword/setPassword"
USER_TYPES = {IdentifierKind.PHONE: "PH", IdentifierKind.EMAIL: "EM", IdentifierKind.ACCOUNT_ID: "ID"}
DAY_S = 24 * 3600


@dataclass(frozen=True)
class TrainingConfig:
    code_length: int = 6
    resend_cooldown_s: int = 60
    code_ttl_s: int = 600
    max_code_attempts: int = 5
    daily_sends: int = 3
    daily_sends_mainland_china: int = 5  # for a +86 number (Xiaomi's help centre)
    captcha_after_failures: int = 3
    ticket_ttl_s: int = 600
    captcha_length: int = 5
    policy: PasswordPolicy = field(default_factory=PasswordPolicy)


@dataclass
class TrainingAccount:
    user_id: str
    login_email: str | None
    email: str | None
    phone: str | None
    password: str
    sends_used_today: int = 0

    def contact(self, channel: Channel) -> str | None:
        return self.phone if channel is Channel.PHONE else self.email


def default_accounts() -> list[TrainingAccount]:
    """The training accounts the README documents (a public contract: tests and lessons use them)."""
    return [
        TrainingAccount("1000000001", "demo@example.com", "demo@example.com", "+6281200000002", "Old-pass-1"),
        TrainingAccount("1000000002", None, None, "+6281200000001", "Old-pass-2"),
        TrainingAccount(
            "1234567890",
            "owner1234@example.com",
            "owner1234@example.com",
            "+6281200001234",
            "Old-pass-3",
        ),
        TrainingAccount("1000000003", "nocontact@example.com", None, None, "Old-pass-4"),
        TrainingAccount(
            "1000000004",
            "limit@example.com",
            "limit@example.com",
            None,
            "Old-pass-5",
            sends_used_today=3,
        ),
        # A mainland China number: 5 codes a day instead of 3.
        TrainingAccount("1000000005", None, None, "+8613800000005", "Old-pass-6"),
    ]


@dataclass
class _Code:
    value: str
    created: float
    attempts: int = 0
    invalid: bool = False


@dataclass
class _Session:
    account: TrainingAccount
    locale: str
    failures: int = 0
    codes: dict[Channel, _Code] = field(default_factory=dict)
    last_send: dict[Channel, float] = field(default_factory=dict)
    verified_at: float | None = None
    location_token: str | None = None  # the one-time token in the verify answer's location
    ticket: str | None = None
    # Send times per address, for the daily limit: per session (see the module docstring).
    sends: dict[str, list[float]] = field(default_factory=dict)


@dataclass(frozen=True)
class Delivery:
    to: str
    channel: Channel
    code: str
    text: str
    sent_at: float
    session: str


@dataclass
class Reply:
    """What the HTTP layer sends back."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)


class Step(Enum):
    CAPTCHA = "captcha"
    START = "start"
    QUOTA = "quota"
    SEND = "send"
    VERIFY = "verify"
    RESET = "reset"


_TIPS: dict[str, dict[str, str]] = {
    "captcha": {
        "en": "Enter the characters shown in the image.",
        "id": "Masukkan karakter yang ada di gambar.",
    },
    "captcha_wrong": {
        "en": "The characters were wrong. Try the new image.",
        "id": "Karakter salah. Coba gambar yang baru.",
    },
    "unknown": {
        "en": "The account could not be verified.",
        "id": "Akun tidak dapat diverifikasi.",
    },
    "limit": {
        "en": "Too many verification codes have been sent. Wait 24 hours and try again.",
        "id": "Terlalu banyak kode verifikasi yang telah dikirimkan. Tunggu 24 jam dan coba lagi.",
    },
    "wrong_code": {
        "en": "Wrong verification code.",
        "id": "Kode verifikasi salah.",
    },
    "expired": {
        "en": "The verification code has expired. Get a new code.",
        "id": "Kode verifikasi sudah kedaluwarsa. Minta kode baru.",
    },
    "ticket": {
        "en": "The verification has expired. Start again.",
        "id": "Verifikasi sudah kedaluwarsa. Mulai lagi.",
    },
    "pwd_rule": {
        "en": "Password must be 8-16 characters long and include at least 2 of the following: "
        "letters, numbers, or symbols.",
        "id": "Panjang sandi antara 8-16 karakter, minimal gabungan 2 unsur berikut: huruf, angka, atau simbol.",
    },
    "pwd_email": {
        "en": "The password cannot contain the account's email, phone number or ID.",
        "id": "Sandi tidak boleh memuat email, nomor telepon, atau ID akun.",
    },
    "pwd_old": {
        "en": "The new password must differ from the current one.",
        "id": "Sandi baru harus berbeda dari sandi saat ini.",
    },
    "sms": {
        "en": "[Xiaomi] Your verification code is {code}. It expires in 10 minutes. Never share it with anyone.",
        "id": "[Xiaomi] Kode verifikasi Anda {code}. Berlaku 10 menit. Jangan berikan kode ini kepada siapa pun.",
    },
}


def _tip(key: str, locale: str) -> str:
    """A known tip in the locale's language; any other text is sent as it is (a trainer's own words)."""
    known = _TIPS.get(key)
    return key if known is None else known["id" if locale.lower().startswith("id") else "en"]


def mask_email(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"


def mask_phone(e164: str) -> str:
    # +62 812****0002: country code, first three of the number, last four
    country = "+62" if e164.startswith("+62") else e164[:3]
    rest = e164[len(country) :]
    return f"{country} {rest[:3]}****{rest[-4:]}"


def envelope(code: int, *, locale: str = "en", tip: str | None = None, **fields: Any) -> bytes:
    import json

    payload: dict[str, Any] = {"code": code, **fields}
    if code != 0:
        payload["description"] = "error"
        # desc mimics the live service's Chinese developer text; clients must
        # never show it (they show tips).
        payload["desc"] = "验证失败"
        payload["tips"] = _tip(tip, locale) if tip else ""
    return (PREFIX + json.dumps(payload, ensure_ascii=False)).encode("utf-8")


class TrainingService:
    """State and rules. Thread-safe: one lock around everything."""

    def __init__(
        self,
        config: TrainingConfig | None = None,
        clock: Clock | None = None,
        accounts: list[TrainingAccount] | None = None,
        render_captcha: Callable[[str], bytes] | None = None,
    ) -> None:
        self.config = config or TrainingConfig()
        self.clock: Clock = clock or SystemClock()
        self.faults = FaultPlan()
        self._lock = threading.Lock()
        self._accounts = accounts if accounts is not None else default_accounts()
        self._captchas: dict[str, str] = {}
        self._latest_captcha: str | None = None
        self.last_captcha_query = ""
        self._sessions: dict[str, _Session] = {}
        self._pending: dict[str, str] = {}  # FORGET_COOKIE -> the session /identity/list hands out
        # Where a verify answer's location points; a trainer may set another address to show an answer
        # that leads elsewhere (the app must not follow it).
        self.verify_location: str | None = None
        self._inbox: list[Delivery] = []
        self._render = render_captcha
        self._hits: Counter[str] = Counter()

    def record_hit(self, step: str) -> None:
        """Count a request of ``step`` (tests check that no POST is ever repeated)."""
        with self._lock:
            self._hits[step] += 1

    def hits(self, step: str) -> int:
        with self._lock:
            return self._hits[step]

    # --- look-ups ----------------------------------------------------------------

    def _find_account(self, user: str) -> TrainingAccount | None:
        parsed = parse_identifier(user)
        if not isinstance(parsed, Identifier):
            return None
        kind, normalized = parsed.kind, parsed.normalized
        for account in self._accounts:
            if kind is IdentifierKind.EMAIL and normalized in (account.login_email, account.email):
                return account
            if kind is IdentifierKind.PHONE and normalized == account.phone:
                return account
            if kind is IdentifierKind.ACCOUNT_ID and normalized == account.user_id:
                return account
        return None

    def _sends_left(self, session: _Session, address: str, now: float) -> int:
        recent = [t for t in session.sends.get(address, []) if now - t < DAY_S]
        session.sends[address] = recent
        limit = self.config.daily_sends_mainland_china if address.startswith("+86") else self.config.daily_sends
        return max(0, limit - len(recent))

    def _check_captcha(self, ick: str | None, answer: str) -> bool:
        expected = self._captchas.pop(ick, None) if ick else None
        return bool(expected) and answer.strip().casefold() == (expected or "").casefold()

    # --- steps ---------------------------------------------------------------------

    def _new_captcha(self, query: str) -> tuple[str, str]:
        """A new answer and the ``ick`` that names it (for a picture or a sound alike)."""
        from mirecovery_gui.training import captcha

        self.last_captcha_query = query[:300]  # what the client asked for (tests: it followed captchaUrl)
        answer = captcha.new_answer(self.config.captcha_length)
        ick = secrets.token_urlsafe(18)
        with self._lock:
            self._captchas[ick] = answer
            self._latest_captcha = answer
            # Bound memory when a classroom refreshes all day.
            while len(self._captchas) > 2000:
                self._captchas.pop(next(iter(self._captchas)))
        return answer, ick

    def captcha(self, query: str = "") -> Reply:
        from mirecovery_gui.training import captcha

        answer, ick = self._new_captcha(query)
        image = (self._render or captcha.render_png)(answer)
        return Reply(body=image, content_type="image/png", cookies={CAPTCHA_COOKIE: ick})

    def voice_captcha(self, query: str = "") -> Reply:
        """``GET /pass/getCode/voice``: the same kind of captcha as a sound (a tone per character).

        A training service cannot speak; the tones only stand in for Xiaomi's spoken characters, and
        the answer is on the training screen as for the picture.
        """
        from mirecovery_gui.training import captcha

        answer, ick = self._new_captcha(query)
        return Reply(body=captcha.render_wav(answer), content_type="audio/wav", cookies={CAPTCHA_COOKIE: ick})

    def start(self, form: Mapping[str, str], cookies: Mapping[str, str]) -> Reply:
        locale = form.get("_locale", "en")
        with self._lock:
            if not self._check_captcha(cookies.get(CAPTCHA_COOKIE), form.get("icode", "")):
                tip = "captcha_wrong" if form.get("icode") else "captcha"
                return Reply(
                    body=envelope(
                        ResultCode.CAPTCHA,
                        locale=locale,
                        tip=tip,
                        captchaUrl=CAPTCHA_URL,
                    )
                )
            if form.get("sid") != "passport" or not form.get("qs"):
                return Reply(body=envelope(ResultCode.INVALID_TOKEN, locale=locale, tip="ticket"))
            parsed = parse_identifier(form.get("id", ""))
            account = self._find_account(form.get("id", ""))
            # The account as the kind of identifier the start says it is (userType), as public clients send it.
            if account is None or not isinstance(parsed, Identifier) or form.get("userType") != USER_TYPES[parsed.kind]:
                return Reply(body=envelope(ResultCode.UNKNOWN_USER, locale=locale, tip="unknown"))
            key = secrets.token_urlsafe(24)
            session = _Session(account, locale)
            if account.sends_used_today:
                now = self.clock.time()
                for channel in Channel:
                    address = account.contact(channel)
                    if address:
                        session.sends[address] = [now] * account.sends_used_today
            self._sessions[key] = session
            context = secrets.token_urlsafe(18)
            self._pending[context] = key
            while len(self._pending) > 2000:
                self._pending.pop(next(iter(self._pending)))
            # As public clients read it: only whether the account was found.
            return Reply(body=envelope(0, result="ok"), cookies={FORGET_COOKIE: context})

    def identity_list(self, cookies: Mapping[str, str]) -> Reply:
        """``GET /identity/list``: the identity session, and where a code can go (4 phone, 8 email)."""
        with self._lock:
            key = self._pending.get(cookies.get(FORGET_COOKIE, ""))
            session = self._sessions.get(key or "")
            if key is None or session is None:
                return Reply(body=envelope(ResultCode.INVALID_TOKEN, tip="ticket"))
            options = [flag for flag, contact in ((4, session.account.phone), (8, session.account.email)) if contact]
            return Reply(
                body=envelope(0, flag=options[0] if options else 0, options=options),
                cookies={SESSION_COOKIE: key},
            )

    def masked_contact(self, channel: Channel, cookies: Mapping[str, str]) -> Reply:
        """``GET`` verifyPhone (``_flag=4``) or verifyEmail: the contact a code would go to, masked."""
        with self._lock:
            session = self._session(cookies)
            if session is None:
                return Reply(body=envelope(ResultCode.INVALID_TOKEN, tip="ticket"))
            address = session.account.contact(channel)
            if not address:
                return Reply(body=envelope(10017, locale=session.locale, tip="unknown"))
            if channel is Channel.PHONE:
                return Reply(body=envelope(0, maskedPhone=mask_phone(address)))
            return Reply(body=envelope(0, maskedEmail=mask_email(address)))

    def _session(self, cookies: Mapping[str, str]) -> _Session | None:
        return self._sessions.get(cookies.get(SESSION_COOKIE, ""))

    def quota(self, form: Mapping[str, str], cookies: Mapping[str, str]) -> Reply:
        locale = form.get("_locale", "en")
        channel = Channel.PHONE if form.get("addressType") == "PH" else Channel.EMAIL
        with self._lock:
            session = self._session(cookies)
            if session is None:
                return Reply(body=envelope(ResultCode.INVALID_TOKEN, locale=locale, tip="ticket"))
            address = session.account.contact(channel)
            if not address:
                return Reply(body=envelope(10017, locale=locale, tip="unknown"))
            left = self._sends_left(session, address, self.clock.time())
            return Reply(body=envelope(0, info=str(left)))

    def send(
        self, channel: Channel, form: Mapping[str, str], cookies: Mapping[str, str], *, deliver: bool = True
    ) -> Reply:
        """Send a code; ``deliver=False``: answered as sent, but it never reaches the phone (a lost SMS)."""
        locale = form.get("_locale", "en")
        now = self.clock.time()
        with self._lock:
            session = self._session(cookies)
            if session is None:
                return Reply(body=envelope(ResultCode.INVALID_TOKEN, locale=locale, tip="ticket"))
            address = session.account.contact(channel)
            if not address:
                return Reply(body=envelope(10017, locale=locale, tip="unknown"))
            if session.failures >= self.config.captcha_after_failures:
                if not self._check_captcha(cookies.get(CAPTCHA_COOKIE), form.get("icode", "")):
                    tip = "captcha_wrong" if form.get("icode") else "captcha"
                    return Reply(
                        body=envelope(
                            ResultCode.CAPTCHA,
                            locale=locale,
                            tip=tip,
                            captchaUrl=CAPTCHA_URL,
                        )
                    )
                session.failures = 0
            last = session.last_send.get(channel)
            if last is not None and now - last < self.config.resend_cooldown_s:
                wait = int(self.config.resend_cooldown_s - (now - last)) + 1
                return Reply(
                    status=429,
                    body=b"Too Many Requests",
                    content_type="text/plain",
                    headers={"Retry-After": str(wait)},
                )
            left = self._sends_left(session, address, now)
            if left <= 0:
                return Reply(body=envelope(ResultCode.SEND_LIMIT, locale=locale, tip="limit"))
            code = "".join(secrets.choice("0123456789") for _ in range(self.config.code_length))
            session.codes[channel] = _Code(code, now)
            session.last_send[channel] = now
            session.sends.setdefault(address, []).append(now)
            key = cookies.get(SESSION_COOKIE, "")
            if deliver:
                self._inbox.append(
                    Delivery(address, channel, code, _tip("sms", session.locale).format(code=code), now, key)
                )
            return Reply(
                body=envelope(
                    0,
                    data={
                        "vCodeLen": self.config.code_length,
                        "resendAfter": self.config.resend_cooldown_s,
                        "sendsLeft": left - 1,
                    },
                )
            )

    def verify(self, channel: Channel, form: Mapping[str, str], cookies: Mapping[str, str]) -> Reply:
        locale = form.get("_locale", "en")
        now = self.clock.time()
        with self._lock:
            session = self._session(cookies)
            if session is None:
                return Reply(body=envelope(ResultCode.INVALID_TOKEN, locale=locale, tip="ticket"))
            code = session.codes.get(channel)
            if code is None or code.invalid or now - code.created > self.config.code_ttl_s:
                return Reply(
                    body=envelope(ResultCode.WRONG_CODE, locale=locale, tip="expired", data={"attemptsLeft": 0})
                )
            if not secrets.compare_digest(form.get("ticket", "").strip(), code.value):
                code.attempts += 1
                session.failures += 1
                left = self.config.max_code_attempts - code.attempts
                if left <= 0:
                    code.invalid = True
                return Reply(
                    body=envelope(
                        ResultCode.WRONG_CODE,
                        locale=locale,
                        tip="wrong_code",
                        data={"attemptsLeft": max(0, left)},
                    )
                )
            code.invalid = True  # a code is used once
            session.verified_at = now
            token = secrets.token_urlsafe(18)
            session.location_token = token
            return Reply(body=envelope(0, location=self.verify_location or f"{LOCATION_PATH}?_t={token}"))

    def follow(self, query: str, cookies: Mapping[str, str]) -> Reply:
        """The GET of a verify answer's ``location``: it gives the permission to set the password."""
        from urllib.parse import parse_qs

        token = (parse_qs(query).get("_t") or [""])[0]
        now = self.clock.time()
        with self._lock:
            session = self._session(cookies)
            if (
                session is None
                or session.location_token is None
                or not secrets.compare_digest(token, session.location_token)
                or session.verified_at is None
                or now - session.verified_at > self.config.ticket_ttl_s
            ):
                return Reply(body=envelope(ResultCode.INVALID_TOKEN, tip="ticket"))
            session.location_token = None  # single use
            ticket = secrets.token_urlsafe(24)
            session.ticket = ticket
            return Reply(body=envelope(0), cookies={TICKET_COOKIE: ticket})

    def reset(self, form: Mapping[str, str], cookies: Mapping[str, str]) -> Reply:
        locale = form.get("_locale", "en")
        now = self.clock.time()
        with self._lock:
            session = self._session(cookies)
            ticket = cookies.get(TICKET_COOKIE, "")
            if (
                session is None
                or session.ticket is None
                or not secrets.compare_digest(ticket, session.ticket)
                or session.verified_at is None
                or now - session.verified_at > self.config.ticket_ttl_s
            ):
                return Reply(body=envelope(ResultCode.INVALID_TOKEN, locale=locale, tip="ticket"))
            password = form.get("password", "")
            account = session.account
            # Every identifier the account has, not only the one the user typed: the
            # server knows them all, and a password holding any of them is refused.
            identifiers = [v for v in (account.login_email, account.email, account.phone, account.user_id) if v]
            results = {r.rule: r.passed for r in check_password(self.config.policy, password, identifiers)}
            if not results.get(Rule.NOT_IDENTIFIER, True):
                return Reply(body=envelope(ResultCode.PASSWORD_SAME_AS_EMAIL, locale=locale, tip="pwd_email"))
            if not all(results.values()):
                return Reply(body=envelope(ResultCode.INVALID_PASSWORD, locale=locale, tip="pwd_rule"))
            if password == account.password:
                # As Xiaomi answers a password the account had before (public clients of its page).
                return Reply(body=envelope(ResultCode.PASSWORD_USED_BEFORE, locale=locale, tip="pwd_old"))
            account.password = password
            session.ticket = None  # single use
            return Reply(body=envelope(0, result="ok"))

    # --- training only -------------------------------------------------------------

    def peek(self, cookies: Mapping[str, str], *, own_only: bool = False, also: tuple[str, ...] = ()) -> Reply:
        """The latest captcha answer and the delivered messages, newest last.

        With a session cookie, only that session's captcha and messages: one
        classroom server serves many students. With ``own_only`` (a server
        reachable from the network), never the server-wide view: without the
        cookies, nothing.
        """
        import json

        with self._lock:
            key = cookies.get(SESSION_COOKIE)
            ick = cookies.get(CAPTCHA_COOKIE)
            answer = self._captchas.get(ick) if ick else None
            mine = {key, *also} - {None, ""}
            if own_only:
                deliveries = [d for d in self._inbox if d.session in mine]
            else:
                if answer is None and not key:
                    answer = self._latest_captcha
                deliveries = [d for d in self._inbox if not key or d.session in mine]
            body = {
                "captcha_answer": answer,
                "messages": [
                    {
                        "to": d.to,
                        "channel": d.channel.value,
                        "code": d.code,
                        "text": d.text,
                        "sent_at": d.sent_at,
                    }
                    for d in deliveries[-50:]
                ],
            }
        return Reply(body=json.dumps(body, ensure_ascii=False).encode("utf-8"))

    def password_of(self, user: str) -> str | None:
        """A training account's current password (for tests and the classroom)."""
        with self._lock:
            account = self._find_account(user)
            return account.password if account else None

    def inbox(self) -> list[Delivery]:
        with self._lock:
            return list(self._inbox)
