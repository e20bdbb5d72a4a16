"""mirecovery support-request: the same composer on the command line."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from mirecovery_gui.core.resources import resource_path
from mirecovery_gui.core.support_directory import load_directory
from mirecovery_gui.core.support_request import QR_MAX, SupportFacts, prepare
from tests.tools import decode_qr, pdf_page_png, pdf_text

BASE = ["--account-id", "1234567890", "--imei", "49-015420-323751-8"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mirecovery_gui", "support-request", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_text_goes_to_standard_output() -> None:
    out = run(*BASE, "--model", "Redmi Note 12", "--owner-name", "Budi Santoso")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Mi Account recovery request: account ID 1234567890\n")
    assert "- IMEI 1: 490154203237518" in out.stdout and "Budi Santoso" in out.stdout


def test_indonesian_and_a_file(tmp_path: Path) -> None:
    target = tmp_path / "permintaan.txt"
    out = run(*BASE, "--lang", "id", "-o", str(target))
    assert out.returncode == 0 and out.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("Permintaan pemulihan Akun Mi")


def test_a_mail_link_that_round_trips() -> None:
    out = run(*BASE, "--format", "mailto", "--to", "service.id@xiaomi.com")
    assert out.returncode == 0
    parts = urlsplit(out.stdout.strip())
    assert parts.scheme == "mailto" and parts.path == "service.id@xiaomi.com"
    body = parse_qs(parts.query)["body"][0]
    assert "490154203237518" in body


def words(text: str) -> str:
    return " ".join(text.split())


def test_a_pdf_with_text_and_a_qr_code_that_decodes(tmp_path: Path) -> None:
    target = tmp_path / "request.pdf"
    out = run(
        *BASE, "--owner-name", "Budi Santoso", "--format", "pdf", "-o", str(target), "--to", "service.id@xiaomi.com"
    )
    assert out.returncode == 0, out.stderr
    text = words(pdf_text(target))
    assert "1234567890" in text and "490154203237518" in text
    facts = SupportFacts(account_id="1234567890", imei="49-015420-323751-8", owner_name="Budi Santoso")
    qr = prepare(facts, load_directory(resource_path("support_contacts.json")), "en", to="service.id@xiaomi.com").qr()
    assert qr is not None and len(qr.text) <= QR_MAX
    [scanned] = decode_qr(pdf_page_png(target))
    assert scanned == qr.text
    parts = urlsplit(scanned)
    assert (parts.scheme, parts.path) == ("mailto", "service.id@xiaomi.com")
    body = unquote(parse_qs(parts.query)["body"][0])
    assert "1234567890" in body and "490154203237518" in body and "box label" in body
    assert "clipboard" not in body
    # The page says where the code leads and what it holds.
    assert "Scan with the owner's phone: it opens an email to service.id@xiaomi.com with the facts above" in text
    assert "Prepared with mirecovery on" in text


def test_a_pdf_in_indonesian_is_indonesian_to_the_footer(tmp_path: Path) -> None:
    target = tmp_path / "permintaan.pdf"
    out = run(*BASE, "--lang", "id", "--country", "ID", "--format", "pdf", "-o", str(target))
    assert out.returncode == 0, out.stderr
    text = words(pdf_text(target))
    assert "Kirim ke: https://account.xiaomi.com/helpcenter" in text
    assert "Pindai dengan ponsel pemilik untuk membuka https://account.xiaomi.com/helpcenter: formulir web" in text
    assert "Disiapkan dengan mirecovery pada" in text
    assert not any(english in text for english in ("Scan", "Prepared with", "Send to", "Support answers"))
    # No email address for Indonesia is verified: the code opens the help centre, not a guessed address.
    assert decode_qr(pdf_page_png(target)) == ["https://account.xiaomi.com/helpcenter"]


def test_the_new_facts_on_the_command_line() -> None:
    out = run(*BASE, "--account-region", "sg", "--restore-tried", "yes", "--lang", "id")
    assert out.returncode == 0, out.stderr
    assert "- Wilayah akun (tempat akun didaftarkan): Singapore (SG)" in out.stdout
    assert '- Sudah mencoba "Pulihkan info keamanan" di pusat bantuan: ya' in out.stdout


# --- a mail link always has a recipient -------------------------------------------------------------------


def test_a_mail_link_without_to_takes_the_countrys_address_and_says_so() -> None:
    out = run(*BASE, "--country", "ID", "--format", "mailto")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("mailto:service.id@xiaomi.com?subject=")
    assert "service.id@xiaomi.com" in out.stderr and "unverified" in out.stderr
    assert "Indonesia (ID)" in out.stderr


@pytest.mark.parametrize("country", [["--country", "CN"], ["--country", "MY"], []])
def test_a_mail_link_with_no_address_to_use_is_refused(country: list[str]) -> None:
    out = run(*BASE, *country, "--format", "mailto")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("mirecovery support-request: --format mailto needs --to ADDRESS")
    assert "Traceback" not in out.stderr


def test_a_shops_verified_address_is_used_without_a_warning(private_home: Path) -> None:
    config = private_home / "config"
    config.mkdir(exist_ok=True)
    (config / "support_contacts.json").write_text(
        '{"entries": [{"id": "our_desk", "region": "MY", "channel": "email", '
        '"address": "desk@shop.example", "verified": true}]}',
        encoding="utf-8",
    )
    out = run(*BASE, "--country", "MY", "--format", "mailto")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("mailto:desk@shop.example?")
    assert "desk@shop.example" in out.stderr and "unverified" not in out.stderr


def test_an_unknown_country_is_a_usage_error() -> None:
    out = run(*BASE, "--country", "XX")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("mirecovery support-request: --country: This is not a country or region code.")
    out = run(*BASE, "--account-region", "Indonesia")
    assert out.returncode == 2 and "--account-region: This is not a country or region code." in out.stderr


# --- --lang id: the command line speaks Indonesian too ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "indonesian"),
    [
        (["--country", "XX"], "--country: Ini bukan kode negara atau wilayah."),
        (["--imei", "490154203237519"], "--imei: IMEI ini salah ketik"),
        (["--restore-tried", "mungkin"], "--restore-tried: Jawab ya atau tidak"),
        (["--format", "pdf"], "--format pdf perlu -o FILE"),
        (["--format", "mailto", "--country", "CN"], "--format mailto perlu --to ADDRESS"),
        (["--format", "mailto", "--to", "budi@gmail"], "--to: Alamat email ini belum lengkap"),
    ],
)
def test_errors_follow_lang(args: list[str], indonesian: str) -> None:
    out = run(*BASE, "--lang", "id", *args)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("mirecovery support-request: ")
    assert indonesian in out.stderr, out.stderr


def test_notes_and_refusals_follow_lang(tmp_path: Path) -> None:
    out = run(*BASE, "--lang", "id", "--country", "ID", "--format", "mailto")
    assert out.returncode == 0
    assert "belum terverifikasi" in out.stderr and "service.id@xiaomi.com" in out.stderr
    out = run(*BASE, "--lang", "id", "-o", str(tmp_path))
    assert out.returncode == 2 and out.stderr == f"mirecovery support-request: -o: {tmp_path} adalah folder\n"


def test_bad_input_exits_2_and_names_the_field() -> None:
    out = run("--account-id", "1234567890", "--imei", "490154203237519")
    assert out.returncode == 2
    assert out.stderr.startswith("mirecovery support-request: --imei: ")
    assert "last digit" in out.stderr
    assert out.stdout == ""


def test_a_missing_required_field_exits_2() -> None:
    out = run("--imei", "490154203237518")
    assert out.returncode == 2 and "--account-id" in out.stderr


def test_fourteen_digits_get_the_full_imei_suggested() -> None:
    out = run("--account-id", "1234567890", "--imei", "49015420323751")
    assert out.returncode == 2 and "490154203237518" in out.stderr


def test_a_pdf_needs_a_file() -> None:
    out = run(*BASE, "--format", "pdf")
    assert out.returncode == 2 and "-o FILE" in out.stderr


def test_a_bad_recipient_is_refused() -> None:
    out = run(*BASE, "--format", "mailto", "--to", "not-an-address")
    assert out.returncode == 2 and "--to" in out.stderr


def test_bytes_that_are_not_text_and_control_characters_on_the_command_line() -> None:
    """A shell script passing broken bytes, escapes and a smuggled header: a clean letter or a clear refusal."""
    command = [sys.executable, "-m", "mirecovery_gui", "support-request", *BASE, "--owner-name"]
    name = b"Budi \xff\xfe\x1b[31m\xe2\x80\xae<b>x</b>"
    letter = subprocess.run(
        [*map(str.encode, command), name, b"--description", b"line1\r\nline2\x07"], capture_output=True, timeout=120
    )
    assert letter.returncode == 0, letter.stderr
    text = letter.stdout.decode("utf-8")  # valid UTF-8 out, whatever came in
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text and "\r" not in text
    assert "Owner's name: Budi [31m<b>x</b>" in text
    smuggled = run(*BASE, "--format", "mailto", "--to", "service.id@xiaomi.com?bcc=evil@example.com")
    assert smuggled.returncode == 2 and "--to" in smuggled.stderr and "Traceback" not in smuggled.stderr


# --- -o FILE: written whole, never beside it, never through a link or a device -------------------------------

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="links, fifos and file size limits are POSIX here")


def entries(folder: Path) -> set[str]:
    return {entry.name for entry in folder.iterdir()}


def test_a_file_is_for_its_owner_only_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "request.txt"
    target.write_text("an older request\n" * 50, encoding="utf-8")
    out = run(*BASE, "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert target.read_text(encoding="utf-8").startswith("Mi Account recovery request")
    assert entries(tmp_path) == {"request.txt"}
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("format_", ["text", "mailto", "pdf"])
def test_a_folder_is_refused(tmp_path: Path, format_: str) -> None:
    folder = tmp_path / "requests"
    folder.mkdir()
    out = run(*BASE, "--format", format_, "--to", "service.id@xiaomi.com", "-o", str(folder))
    assert out.returncode == 2
    assert out.stderr == f"mirecovery support-request: -o: {folder} is a folder\n"
    assert entries(folder) == set() and entries(tmp_path) == {"requests"}  # no requests.part with the letter


@posix_only
@pytest.mark.parametrize("format_", ["text", "pdf"])
def test_a_link_is_refused_and_its_target_untouched(tmp_path: Path, format_: str) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    link = tmp_path / "request.txt"
    link.symlink_to(precious)
    out = run(*BASE, "--format", format_, "-o", str(link))
    assert out.returncode == 2
    assert out.stderr.startswith(f"mirecovery support-request: -o: {link} is a symbolic link")
    assert link.is_symlink() and os.readlink(link) == str(precious)
    assert precious.read_text(encoding="utf-8") == "keep me"
    assert entries(tmp_path) == {"precious.txt", "request.txt"}


@posix_only
@pytest.mark.parametrize("format_", ["text", "pdf"])
def test_a_special_file_is_refused_not_replaced(tmp_path: Path, format_: str) -> None:
    # A fifo stands for /dev/null or /dev/stdout's device: never opened (no reader: it would hang), never replaced.
    fifo = tmp_path / "device"
    os.mkfifo(fifo)
    out = run(*BASE, "--format", format_, "-o", str(fifo))
    assert out.returncode == 2
    assert out.stderr.startswith(f"mirecovery support-request: -o: {fifo} is not a regular file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert entries(tmp_path) == {"device"}


@posix_only
def test_a_disk_error_exits_1_and_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    # As root a read-only folder does not stop a write; a file size limit does, for everyone (EFBIG).
    # The limit is set by the child itself (not preexec_fn, which is unsafe in a process with threads).
    target = tmp_path / "request.txt"
    target.write_text("the old request", encoding="utf-8")
    child = (
        "import resource, runpy, sys\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))\n"
        "sys.argv = ['mirecovery', *sys.argv[1:]]\n"
        "runpy.run_module('mirecovery_gui', run_name='__main__', alter_sys=True)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", child, "support-request", *BASE, "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1, out.stderr
    assert out.stderr == f"mirecovery support-request: cannot write {target}: File too large\n"
    assert target.read_text(encoding="utf-8") == "the old request"
    assert entries(tmp_path) == {"request.txt"}


def test_a_missing_folder_exits_1(tmp_path: Path) -> None:
    out = run(*BASE, "-o", str(tmp_path / "no-such-folder" / "request.txt"))
    assert out.returncode == 1 and "cannot write" in out.stderr
    assert entries(tmp_path) == set()
