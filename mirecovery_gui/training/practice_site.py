"""The practice website: Xiaomi's forgot-password page in shape, served by the training service.

Staff practise on the page they will meet in the real-account mode (the wizard shows Xiaomi's own
page embedded), and the embedded path is tested offline. It lives at the real page's path,
``/pass/forgetPassword``: a GET shows the first screen; each screen posts back to the same path
with ``practice=<screen>`` (the passport API's own POSTs there carry no such field and are served
as before). It drives the same training accounts, codes and training phone as the wizard, through
the service's own steps, so every rule (captcha, limits, cooldowns, the password policy) is the
same. Every screen says TRAINING in a band no one can miss. Plain HTML forms, no script: nothing
here needs one, and the real page's script captcha is what the embedded mode exists for.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, quote

from mirecovery_gui.core.flow import Channel
from mirecovery_gui.training.service import PREFIX, Reply, TrainingService

PATH = "/pass/forgetPassword"
ELSEWHERE = "https://www.mi.com/global/support/"
SCREENS = ("account", "send", "code", "password")

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "band": "TRAINING: a practice copy of Xiaomi's forgot-password page. Nothing here reaches Xiaomi.",
        "title": "Reset password",
        "account": "Enter your Mi Account",
        "account_hint": "Email, phone number or Mi account ID",
        "captcha": "Enter the characters in the picture",
        "next": "Next",
        "choose": "Choose how to get the verification code",
        "by_sms": "SMS to {contact}",
        "by_email": "Email to {contact}",
        "send": "Send code",
        "sent": "A verification code was sent to {contact}. It is valid for 10 minutes.",
        "code": "Verification code",
        "resend": "Didn't get it? Go back and send again after a minute.",
        "new_password": "New password",
        "again": "Enter the password again",
        "rules": "8 to 16 characters, with at least two of: letters, numbers, symbols.",
        "submit": "Submit",
        "mismatch": "The passwords do not match.",
        "done": "Password changed. Sign in with the new password.",
        "wait": "Too many requests. Try again in {seconds} seconds.",
        "expired": "This page has expired. Start again.",
        "start_again": "Start again",
        "error": "Something went wrong (code {code}).",
        "elsewhere": "Xiaomi support (another site)",
    },
    "id": {
        "band": "LATIHAN: salinan latihan halaman lupa sandi Xiaomi. Tidak ada yang sampai ke Xiaomi.",
        "title": "Atur ulang sandi",
        "account": "Masukkan Akun Mi Anda",
        "account_hint": "Email, nomor telepon, atau ID Akun Mi",
        "captcha": "Masukkan karakter pada gambar",
        "next": "Berikutnya",
        "choose": "Pilih cara menerima kode verifikasi",
        "by_sms": "SMS ke {contact}",
        "by_email": "Email ke {contact}",
        "send": "Kirim kode",
        "sent": "Kode verifikasi sudah dikirim ke {contact}. Berlaku 10 menit.",
        "code": "Kode verifikasi",
        "resend": "Tidak masuk? Kembali dan kirim lagi setelah satu menit.",
        "new_password": "Sandi baru",
        "again": "Masukkan sandi sekali lagi",
        "rules": "8 sampai 16 karakter, dengan paling sedikit dua jenis: huruf, angka, simbol.",
        "submit": "Kirim",
        "mismatch": "Kedua sandi tidak sama.",
        "done": "Sandi sudah diubah. Masuk dengan sandi baru.",
        "wait": "Terlalu banyak permintaan. Coba lagi dalam {seconds} detik.",
        "expired": "Halaman ini sudah kedaluwarsa. Mulai lagi.",
        "start_again": "Mulai lagi",
        "error": "Terjadi kesalahan (kode {code}).",
        "elsewhere": "Dukungan Xiaomi (situs lain)",
    },
}

_STYLE = """
body { font-family: sans-serif; margin: 0; color: #222; background: #fff; }
/* Stuck to the top: the TRAINING mark stays in sight however far the page scrolls
   (a small view scrolls to its first field at once). */
.band { background: #b00020; color: #fff; font-weight: bold; padding: 10px 16px; position: sticky; top: 0; z-index: 1; }
main { max-width: 420px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 22px; } label { display: block; margin: 14px 0 4px; }
input[type=text], input[type=password] { width: 100%; padding: 8px; box-sizing: border-box; }
img { max-width: 100%; height: auto; display: block; margin-bottom: 6px; }
button { margin-top: 16px; padding: 8px 20px; background: #ff6900; color: #fff; border: 0; }
.error { color: #b00020; } .note { color: #444; }
"""


def wants(method: str, path: str, body: bytes) -> bool:
    """Whether a request is for the practice website (not for the passport API at the same path)."""
    if path != PATH:
        return False
    if method == "GET":
        return True
    return method == "POST" and "practice" in dict(parse_qsl(body.decode("utf-8", "replace")))


def _answer(reply: Reply) -> dict[str, Any]:
    """The passport envelope of one of the service's replies, as a dict (an HTTP error as its status)."""
    if not reply.body.startswith(PREFIX.encode()):
        return {"code": -reply.status, "retry_after": reply.headers.get("Retry-After", "")}
    return dict(json.loads(reply.body[len(PREFIX) :]))


class PracticeSite:
    def __init__(self, service: TrainingService) -> None:
        self.service = service
        # The join code of the request in hand: the server answers requests on many threads at once.
        self._request = threading.local()

    def serve(self, method: str, query: str, body: bytes, cookies: Mapping[str, str]) -> Reply:
        params = dict(parse_qsl(query))
        form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        language = "id" if (form.get("lang") or params.get("lang")) == "id" else "en"
        # A classroom server's join code rides in every address the page makes (a page sends no header).
        self._request.code = params.get("code", "")
        if method == "GET":
            return self._page(language, "account")
        screen = form.get("practice", "")
        api = {"_locale": "id_ID" if language == "id" else "en_US", **form}
        if screen == "account":
            return self._on_account(language, api, cookies)
        if screen == "send":
            return self._on_send(language, api, cookies)
        if screen == "code":
            return self._on_code(language, api, cookies)
        if screen == "password":
            return self._on_password(language, api, cookies)
        return self._page(language, "account")

    # --- the steps, through the service's own ----------------------------------------------------

    def _on_account(self, language: str, form: Mapping[str, str], cookies: Mapping[str, str]) -> Reply:
        # The same calls a client makes: the start, the identity list, then each masked contact.
        from mirecovery_gui.core.identifier import Identifier, parse_identifier
        from mirecovery_gui.training.service import USER_TYPES

        parsed = parse_identifier(form.get("user", ""))
        user_type = USER_TYPES[parsed.kind] if isinstance(parsed, Identifier) else ""
        start = {**form, "id": form.get("user", ""), "userType": user_type, "sid": "passport", "qs": "?sid=passport"}
        reply = self.service.start(start, cookies)
        answer = _answer(reply)
        if answer.get("code") != 0:
            return self._page(language, "account", error=self._error(language, answer), user=form.get("user", ""))
        jar = {**cookies, **reply.cookies}
        listed = self.service.identity_list(jar)
        jar.update(listed.cookies)
        options = _answer(listed).get("options", [])
        contacts = {
            channel: str(_answer(self.service.masked_contact(channel, jar)).get(field, ""))
            for channel, flag, field in ((Channel.PHONE, 4, "maskedPhone"), (Channel.EMAIL, 8, "maskedEmail"))
            if flag in options
        }
        page = self._page(
            language, "send", phone=contacts.get(Channel.PHONE, ""), email=contacts.get(Channel.EMAIL, "")
        )
        page.cookies.update(reply.cookies)
        page.cookies.update(listed.cookies)
        return page

    def _on_send(self, language: str, form: Mapping[str, str], cookies: Mapping[str, str]) -> Reply:
        channel = Channel.PHONE if form.get("channel") == "phone" else Channel.EMAIL
        answer = _answer(self.service.send(channel, form, cookies))
        if answer.get("code") != 0:
            return self._page(language, "account", error=self._error(language, answer))
        data = answer.get("data", {})
        contact = str(data.get("maskedPhone") or data.get("maskedEmail") or "")
        return self._page(language, "code", channel=channel.name.lower(), contact=contact)

    def _on_code(self, language: str, form: Mapping[str, str], cookies: Mapping[str, str]) -> Reply:
        channel = Channel.PHONE if form.get("channel") == "phone" else Channel.EMAIL
        reply = self.service.verify(channel, form, cookies)
        answer = _answer(reply)
        if answer.get("code") != 0:
            return self._page(
                language, "code", error=self._error(language, answer), channel=channel.name.lower(), contact=""
            )
        # The page goes where the answer says (its location), which allows the new password.
        followed = self.service.follow(str(answer.get("location", "")).partition("?")[2], cookies)
        if _answer(followed).get("code") != 0:
            return self._page(language, "account", error=self._error(language, _answer(followed)))
        page = self._page(language, "password")
        page.cookies.update(followed.cookies)
        return page

    def _on_password(self, language: str, form: Mapping[str, str], cookies: Mapping[str, str]) -> Reply:
        if form.get("password", "") != form.get("password2", ""):
            return self._page(language, "password", error=_TEXT[language]["mismatch"])
        answer = _answer(self.service.reset(form, cookies))
        if answer.get("code") != 0:
            return self._page(language, "password", error=self._error(language, answer))
        return self._page(language, "done")

    def _error(self, language: str, answer: Mapping[str, Any]) -> str:
        text = _TEXT[language]
        code = answer.get("code")
        if isinstance(code, int) and code < 0:
            return text["wait"].format(seconds=answer.get("retry_after") or "60")
        # The service's own tip is in the page's language already (the _locale it was given).
        return str(answer.get("tips") or answer.get("description") or text["error"].format(code=code))

    # --- the screens ---------------------------------------------------------------------------------

    def _page(self, language: str, screen: str, *, error: str = "", **values: str) -> Reply:
        text = _TEXT[language]

        def esc(value: str) -> str:
            return html.escape(value, quote=True)

        code = quote(getattr(self._request, "code", ""), safe="")
        action = f"{PATH}?code={code}" if code else PATH
        join = f"&code={code}" if code else ""

        hidden = f"<input type='hidden' name='lang' value='{language}'>"
        if screen == "account":
            body = (
                f"<h1>{esc(text['account'])}</h1><form method='post' action='{action}'>{hidden}"
                "<input type='hidden' name='practice' value='account'>"
                f"<label for='user'>{esc(text['account_hint'])}</label>"
                f"<input type='text' id='user' name='user' value='{esc(values.get('user', ''))}' autofocus>"
                f"<label for='icode'>{esc(text['captcha'])}</label>"
                f"<img id='captcha' alt='captcha' src='/pass/getCode?icodeType=antispam{join}'>"
                "<input type='text' id='icode' name='icode' autocomplete='off'>"
                f"<button type='submit' id='next'>{esc(text['next'])}</button></form>"
            )
        elif screen == "send":
            choices: list[str] = []
            for key, label in (("phone", "by_sms"), ("email", "by_email")):
                if values.get(key):
                    checked = " checked" if not choices else ""
                    choices.append(
                        f"<label><input type='radio' name='channel' value='{key}' id='by_{key}'{checked}> "
                        f"{esc(text[label].format(contact=values[key]))}</label>"
                    )
            body = (
                f"<h1>{esc(text['choose'])}</h1><form method='post' action='{action}'>{hidden}"
                "<input type='hidden' name='practice' value='send'>"
                + "".join(choices)
                + f"<button type='submit' id='send'>{esc(text['send'])}</button></form>"
            )
        elif screen == "code":
            sent = (
                f"<p class='note'>{esc(text['sent'].format(contact=values['contact']))}</p>"
                if values.get("contact")
                else ""
            )
            body = (
                f"<h1>{esc(text['code'])}</h1>{sent}<form method='post' action='{action}'>{hidden}"
                "<input type='hidden' name='practice' value='code'>"
                f"<input type='hidden' name='channel' value='{esc(values.get('channel', 'email'))}'>"
                f"<label for='ticket'>{esc(text['code'])}</label>"
                "<input type='text' id='ticket' name='ticket' inputmode='numeric' autocomplete='one-time-code'>"
                f"<button type='submit' id='verify'>{esc(text['next'])}</button></form>"
                f"<p class='note'>{esc(text['resend'])}</p>"
            )
        elif screen == "password":
            body = (
                f"<h1>{esc(text['new_password'])}</h1><form method='post' action='{action}'>{hidden}"
                "<input type='hidden' name='practice' value='password'>"
                f"<label for='password'>{esc(text['new_password'])}</label>"
                "<input type='password' id='password' name='password' autocomplete='new-password'>"
                f"<label for='password2'>{esc(text['again'])}</label>"
                "<input type='password' id='password2' name='password2' autocomplete='new-password'>"
                f"<p class='note'>{esc(text['rules'])}</p>"
                f"<button type='submit' id='submit'>{esc(text['submit'])}</button></form>"
            )
        else:
            body = f"<h1 id='done'>{esc(text['done'])}</h1>"
        if error:
            body = f"<p class='error' id='error'>{esc(error)}</p>" + body
        if screen != "account":
            body += f"<p><a href='{PATH}?lang={language}{join}' id='start_again'>{esc(text['start_again'])}</a></p>"
        # As on the real page: a way to another site, which the app opens outside, never inside.
        body += f"<p><a href='{ELSEWHERE}' id='elsewhere'>{esc(text['elsewhere'])}</a></p>"
        document = (
            f"<!DOCTYPE html><html lang='{language}'><head><meta charset='utf-8'>"
            f"<title>TRAINING · {esc(text['title'])}</title><style>{_STYLE}</style></head>"
            f"<body data-screen='{screen}'><div class='band' id='training_band'>{esc(text['band'])}</div>"
            f"<main>{body}</main></body></html>"
        )
        return Reply(body=document.encode("utf-8"), content_type="text/html; charset=utf-8")
