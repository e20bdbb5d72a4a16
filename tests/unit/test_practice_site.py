"""The practice website over real HTTP: the forgot-password page's shape, marked TRAINING, on the training accounts."""

from __future__ import annotations

import json
import re

import pytest
import requests

from mirecovery_gui.training.server import TrainingServer
from mirecovery_gui.training.service import TrainingService

PAGE = "/pass/forgetPassword"


def screen(response: requests.Response) -> str:
    match = re.search(r"data-screen='(\w+)'", response.text)
    assert match, response.text[:300]
    return match.group(1)


def start(browser: requests.Session, server: TrainingServer, service: TrainingService, user: str) -> requests.Response:
    first = browser.get(server.url + PAGE)
    assert screen(first) == "account"
    browser.get(server.url + "/pass/getCode?icodeType=antispam")  # the picture, as the page's <img> loads it
    icode = json.loads(service.peek({"ick": browser.cookies["ick"]}).body)["captcha_answer"]
    return browser.post(server.url + PAGE, data={"practice": "account", "user": user, "icode": icode})


def test_every_screen_says_training(server: TrainingServer) -> None:
    for language, word in (("en", "TRAINING"), ("id", "LATIHAN")):
        page = requests.get(f"{server.url}{PAGE}?lang={language}", timeout=5)
        assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
        assert "id='training_band'" in page.text and word in page.text
        assert "<script" not in page.text


def test_a_whole_recovery_on_the_practice_site(server: TrainingServer, service: TrainingService) -> None:
    with requests.Session() as browser:
        sending = start(browser, server, service, "demo@example.com")
        assert screen(sending) == "send" and "d***@example.com" in sending.text
        code_page = browser.post(server.url + PAGE, data={"practice": "send", "channel": "email"})
        assert screen(code_page) == "code"
        code = service.inbox()[-1].code  # what the training phone shows
        wrong = browser.post(server.url + PAGE, data={"practice": "code", "channel": "email", "ticket": "000000"})
        assert screen(wrong) == "code" and "id='error'" in wrong.text
        password_page = browser.post(server.url + PAGE, data={"practice": "code", "channel": "email", "ticket": code})
        assert screen(password_page) == "password"
        refused = browser.post(
            server.url + PAGE, data={"practice": "password", "password": "demo@example.com1", "password2": "x"}
        )
        assert screen(refused) == "password" and "do not match" in refused.text
        done = browser.post(
            server.url + PAGE, data={"practice": "password", "password": "Rainy-day-43", "password2": "Rainy-day-43"}
        )
        assert screen(done) == "done"
    assert service.password_of("demo@example.com") == "Rainy-day-43"


def test_a_wrong_captcha_or_account_stays_on_the_first_screen_with_the_reason(
    server: TrainingServer, service: TrainingService
) -> None:
    with requests.Session() as browser:
        browser.get(server.url + PAGE)
        wrong = browser.post(server.url + PAGE, data={"practice": "account", "user": "demo@example.com", "icode": "x"})
        assert screen(wrong) == "account" and "id='error'" in wrong.text
        assert "value='demo@example.com'" in wrong.text  # what was typed stays
        unknown = start(browser, server, service, "nobody@example.com")
        assert screen(unknown) == "account" and "id='error'" in unknown.text


@pytest.mark.parametrize("user", ["limit@example.com"])
def test_the_daily_limit_is_the_same_as_in_the_wizard(
    server: TrainingServer, service: TrainingService, user: str
) -> None:
    with requests.Session() as browser:
        start(browser, server, service, user)
        refused = browser.post(server.url + PAGE, data={"practice": "send", "channel": "email"})
        assert "id='error'" in refused.text


def test_the_passport_api_at_the_same_path_is_unchanged(client) -> None:  # type: ignore[no-untyped-def]
    # The client's POST to /pass/forgetPassword (no "practice" field) still gets the JSON envelope.
    from mirecovery_gui.client.errors import CaptchaNeededError
    from mirecovery_gui.core.identifier import parse_identifier

    with pytest.raises(CaptchaNeededError):
        client.start(parse_identifier("demo@example.com"), "")


def test_a_classroom_server_serves_the_practice_site_with_the_join_code(service: TrainingService) -> None:
    with TrainingServer(service, join_code="ABCD2345") as classroom:
        refused = requests.get(classroom.url + PAGE, timeout=5)
        assert refused.status_code == 403
        page = requests.get(f"{classroom.url}{PAGE}?code=ABCD2345", timeout=5)
        assert page.status_code == 200 and screen(page) == "account"
        # Every address the page makes carries the code: the form, the picture.
        assert f"action='{PAGE}?code=ABCD2345'" in page.text
        assert "src='/pass/getCode?icodeType=antispam&code=ABCD2345'" in page.text
