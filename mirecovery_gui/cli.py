"""The command line's grammar, shared by ``__main__`` and ``app.create_main_window``."""

from __future__ import annotations

import argparse

from mirecovery_gui import __version__

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mirecovery",
        description="Get back into a Mi Account (Xiaomi) with the official recovery steps.",
    )
    parser.add_argument("--version", action="version", version=f"mirecovery {__version__}")
    provider = parser.add_mutually_exclusive_group()
    provider.add_argument(
        "--training",
        action="store_true",
        help="practise with the built-in training service (works offline)",
    )
    provider.add_argument(
        "--server",
        metavar="URL",
        help="use a passport-compatible server, e.g. a classroom training server",
    )
    parser.add_argument("--lang", choices=("en", "id"), help="language of the app (default: the system's)")
    parser.add_argument(
        "--real-account",
        choices=("embedded", "direct"),
        help="real accounts on Xiaomi's own page inside the app (embedded, the default) or through the "
        "experimental direct profile",
    )
    parser.add_argument(
        "--official-url",
        metavar="URL",
        help="the page the real-account mode shows instead of Xiaomi's (a practice site, for trainers and tests)",
    )
    parser.add_argument(
        "--scheme",
        choices=("system", "light", "dark"),
        help="light or dark colours for this run (default: the settings, else the system's)",
    )
    parser.add_argument(
        "--case-db",
        metavar="URL",
        help="keep the case log on the shop's PostgreSQL server, postgresql://USER@HOST:PORT/DB "
        "(default: $MIRECOVERY_CASE_DB, else Settings, else this computer's own file); the password comes from "
        "the system's keyring",
    )
    parser.add_argument(
        "--desk",
        metavar="NAME",
        help="this desk's name on the shop database (default: $MIRECOVERY_DESK, else Settings, else the "
        "computer's name)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="run the whole training flow offscreen and exit 0 on success",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    server = commands.add_parser(
        "training-server",
        help="run the training passport service for a classroom",
        description="Serve the training passport service until stopped (Ctrl+C).",
    )
    server.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1); any other address is reachable from the network "
        "and needs the join code",
    )
    server.add_argument("--port", type=int, default=0, help="port (default: 0, any free port)")
    server.add_argument(
        "--latency",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="delay every answer, 0 to 60 seconds (for practice)",
    )
    server.add_argument(
        "--join-code",
        metavar="CODE",
        help="the code students' requests must carry, 4 to 32 letters or digits "
        "(default: a new random code when --host is not loopback)",
    )
    shop_db = commands.add_parser(
        "shop-db",
        help="set up the shop's PostgreSQL case log (run once by the database's owner)",
        description=(
            "Set up a PostgreSQL database as the shop's case log: the schema, the desk and manager roles and "
            "the server-side retention. Run it as the database's owner; running it again changes nothing. "
            "The password comes from the system's keyring, else PostgreSQL's own PGPASSWORD or ~/.pgpass, "
            "else it is asked."
        ),
    )
    shop_db.add_argument("action", choices=("init", "copy-local"), help="init: set up; copy-local: copy this "
                         "computer's case log into the shop database (once; copying again adds nothing)")  # fmt: skip
    shop_db.add_argument("--case-db", required=True, metavar="URL", help="postgresql://OWNER@HOST:PORT/DB")
    shop_db.add_argument(
        "--retention-days",
        type=int,
        metavar="DAYS",
        help="delete cases this many days after their last change, for every desk (init; default: 90, or "
        "what was set before)",
    )
    request = commands.add_parser(
        "support-request",
        help="compose a request to Xiaomi support (no window)",
        description=(
            "Compose the request to Xiaomi support for an owner who lost the account's email and phone. "
            "Text and mail links go to standard output unless -o is given."
        ),
    )
    for flag, help_text in SUPPORT_FLAGS:
        request.add_argument(f"--{flag}", required=flag in ("account-id", "imei"), default="", help=help_text)
    request.add_argument(
        "--to",
        default="",
        metavar="ADDRESS",
        help="email address for the mail link and the QR code (default for --format mailto: the support "
        "directory's address for --country, if it has one)",
    )
    request.add_argument("--lang", choices=("en", "id"), default="en", help="language of the request (default: en)")
    request.add_argument("--format", choices=("text", "mailto", "pdf"), default="text", help="what to produce")
    request.add_argument("-o", "--output", metavar="FILE", help="write to FILE (needed for pdf)")
    return parser


# (flag, help); each flag maps to the SupportFacts field of the same name with '_'.
SUPPORT_FLAGS: tuple[tuple[str, str], ...] = (
    ("account-id", "the Mi account ID (required)"),
    ("imei", "the phone's IMEI, 15 digits (required)"),
    ("imei2", "the second IMEI of a dual-SIM phone"),
    ("model", "the device model"),
    ("serial", "the serial number"),
    ("purchase-date", "purchase date, YYYY-MM-DD"),
    ("purchase-shop", "where the phone was bought"),
    ("country", "the owner's country or region, a two-letter code, e.g. ID"),
    ("owner-name", "the owner's name"),
    ("contact-email", "an email address the owner can read now"),
    ("contact-phone", "a phone number to reach the owner"),
    ("old-email", "an email once linked to the account"),
    ("old-phone", "a phone number once linked to the account"),
    ("account-region", "the country or region the Mi Account is registered in, e.g. ID"),
    ("restore-tried", 'whether Xiaomi\'s "Restore security info" was already tried on the help centre: yes or no'),
    ("description", "what happened"),
)
