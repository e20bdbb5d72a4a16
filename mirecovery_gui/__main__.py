"""Command line: ``mirecovery [options]`` opens the wizard; sub-commands do the rest.

    mirecovery [--training | --server URL] [--lang en|id] [--scheme system|light|dark]
    mirecovery --self-test [--case-db URL]
    mirecovery --version
    mirecovery training-server [--host 127.0.0.1] [--port 0] [--latency S] [--join-code CODE]
    mirecovery support-request ...
    mirecovery shop-db init|copy-local --case-db URL [--retention-days DAYS]

Only the standard library is imported before the command is known, so
``--version`` and the training server start fast.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mirecovery_gui.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, build_parser

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)


def run_training_server(args: argparse.Namespace) -> int:
    from mirecovery_gui.training.faults import check_seconds
    from mirecovery_gui.training.server import TrainingServer, check_join_code

    if not 0 <= args.port <= 65535:
        print("mirecovery training-server: --port must be between 0 and 65535", file=sys.stderr)
        return EXIT_USAGE
    try:
        latency = check_seconds(args.latency, "--latency")
    except ValueError as exc:
        print(f"mirecovery training-server: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        join_code = None if args.join_code is None else check_join_code(args.join_code)
    except ValueError as exc:
        print(f"mirecovery training-server: --join-code: {exc}", file=sys.stderr)
        return EXIT_USAGE
    server = TrainingServer(host=args.host, port=args.port, join_code=join_code)
    server.service.faults.latency_s = latency
    try:
        url = server.start()
    except OSError as exc:
        print(
            f"mirecovery training-server: cannot listen on {args.host}:{args.port}: {exc.strerror}",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    stop = threading.Event()

    def _on_signal(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    # Scripts read this line from a pipe: flush it now, not at exit. It stays the first line.
    print(f"listening on {url}", flush=True)
    if server.join_code:
        print(f"students: mirecovery --server {server.student_url}", flush=True)
    if server.classroom:
        where = args.host or "0.0.0.0"
        print(
            f"mirecovery training-server: warning: listening on {where}: anyone on the network can reach "
            "this training server.\n"
            f"mirecovery training-server: join code {server.join_code}: student requests without it are refused; "
            "faults can be set only from this machine.",
            file=sys.stderr,
            flush=True,
        )
    try:
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
    return EXIT_OK


_CLI = "SupportRequestCli"


def run_support_request(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mirecovery_gui.cli import SUPPORT_FLAGS
    from mirecovery_gui.core.countries import country_code, country_name
    from mirecovery_gui.core.messages import QT_TRANSLATE_NOOP, Message
    from mirecovery_gui.core.support_directory import email_for_region
    from mirecovery_gui.core.support_request import Field, SupportFacts, check_field, prepare
    from mirecovery_gui.store.files import RefusedTargetError, TargetKind, check_target, write_file_atomically
    from mirecovery_gui.store.support_contacts import support_directory

    # Messages follow --lang through Qt's catalogue, which already holds the
    # field problems. English needs no catalogue, so an English run starts
    # without Qt; another language costs about 0.1 s (QtCore and the catalogue).
    app = _support_request_app(args.lang, gui=args.format == "pdf") if args.lang != "en" else None
    translate = _qt_translate if app is not None else None

    def say(message: Message, prefix: str = "") -> None:
        print(f"mirecovery support-request: {prefix}{message.render(translate)}", file=sys.stderr)

    def cannot_write(exc: OSError) -> int:
        say(
            Message.of(
                _CLI,
                QT_TRANSLATE_NOOP("SupportRequestCli", "cannot write {path}: {reason}"),
                path=args.output,
                reason=exc.strerror,
            )
        )
        return EXIT_FAILURE

    def refused(error: RefusedTargetError) -> int:
        # A usage error: the user named a place where the request must not be written.
        reasons = {
            TargetKind.FOLDER: QT_TRANSLATE_NOOP("SupportRequestCli", "-o: {path} is a folder"),
            TargetKind.LINK: QT_TRANSLATE_NOOP(
                "SupportRequestCli", "-o: {path} is a symbolic link; name the file itself (a link is not replaced)"
            ),
            TargetKind.SPECIAL: QT_TRANSLATE_NOOP(
                "SupportRequestCli", "-o: {path} is not a regular file (a device, pipe or socket); name a regular file"
            ),
        }
        say(Message.of(_CLI, reasons[error.kind], path=args.output))
        return EXIT_USAGE

    values = {flag.replace("-", "_"): str(getattr(args, flag.replace("-", "_"))) for flag, _ in SUPPORT_FLAGS}
    facts = SupportFacts.from_mapping(values)
    if args.to and (problem := check_field(Field.CONTACT_EMAIL, args.to)):
        say(problem, "--to: ")
        return EXIT_USAGE
    directory = support_directory()
    # The same letter as the window's and the case history's: one prepare() for all three.
    prepared = prepare(facts, directory, args.lang, to=args.to)
    if prepared.request is None:
        for which, message in prepared.problems.items():
            say(message, f"--{which.value.replace('_', '-')}: ")
        return EXIT_USAGE
    request = prepared.request
    if args.format == "mailto" and not args.to:
        # Never a link without a recipient: the directory's address for the country, said aloud, or --to.
        region = country_code(args.country) or ""
        contact = email_for_region(directory, region) if region else None
        if contact is None:
            say(
                Message.of(
                    _CLI,
                    QT_TRANSLATE_NOOP(
                        "SupportRequestCli",
                        "--format mailto needs --to ADDRESS: the support directory has no email address for {country}.",
                    ),
                    country=country_name(region),
                )
                if region
                else Message.of(
                    _CLI,
                    QT_TRANSLATE_NOOP(
                        "SupportRequestCli",
                        "--format mailto needs --to ADDRESS, or --country for a country with a support email address "
                        "in the directory.",
                    ),
                )
            )
            return EXIT_USAGE
        prepared = prepare(facts, directory, args.lang, destination=contact.id)
        say(
            Message.of(
                _CLI,
                QT_TRANSLATE_NOOP(
                    "SupportRequestCli", "the mail goes to {address}, the support directory's address for {country}."
                ),
                address=contact.address,
                country=country_name(region),
            )
        )
        if not contact.verified:
            say(
                Message.of(
                    _CLI,
                    QT_TRANSLATE_NOOP(
                        "SupportRequestCli",
                        "{address} is unverified: no official source names it. Check it before use.",
                    ),
                    address=contact.address,
                )
            )
    if args.format == "pdf":
        if not args.output:
            say(Message.of(_CLI, QT_TRANSLATE_NOOP("SupportRequestCli", "--format pdf needs -o FILE")))
            return EXIT_USAGE
        # Refused before Qt starts, so the reason is the same as for text (write_pdf checks again).
        try:
            check_target(args.output)
        except RefusedTargetError as error:
            return refused(error)
        from mirecovery_gui.gui.support_document import write_pdf

        pdf_app = app or _support_request_app(args.lang, gui=True)
        try:
            write_pdf(prepared, Path(args.output))
        except RefusedTargetError as error:
            return refused(error)
        except OSError as exc:
            return cannot_write(exc)
        del pdf_app
        return EXIT_OK
    if args.format == "mailto":
        link = prepared.mail()
        if link is None:  # --to was checked above, and a directory address is an email address
            return EXIT_FAILURE
        text = link.url + "\n"
    else:
        text = request.as_text()
    if not args.output:
        sys.stdout.write(text)
        sys.stdout.flush()
        return EXIT_OK
    try:
        # Line ends as a text file has them on this system (CRLF on Windows), as before.
        write_file_atomically(args.output, text.replace("\n", os.linesep).encode("utf-8"))
    except RefusedTargetError as error:
        return refused(error)
    except OSError as exc:
        return cannot_write(exc)
    return EXIT_OK


def _support_request_app(language: str, *, gui: bool) -> object:
    """The Qt application a support request needs: for the PDF (offscreen) and for a language's catalogue.

    Run from inside the window (tests do), the window's application and its
    language stay as they are.
    """
    if gui:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    argv = [sys.argv[0] if sys.argv else "mirecovery"]
    if gui:
        from PySide6.QtGui import QGuiApplication

        app: QCoreApplication = QGuiApplication(argv)
    else:
        app = QCoreApplication(argv)
    if language != "en":
        from mirecovery_gui.gui.language import install_translators

        install_translators(language)
    return app


def _qt_translate(context: str, source: str, n: int) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, source, None, n)


def main(argv: Sequence[str] | None = None) -> int:
    # A windowed build (no console) starts with no stdout or stderr at all.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    logging.basicConfig(level=logging.WARNING)
    from mirecovery_gui.core.redact import install_redaction

    install_redaction()
    if args.command == "training-server":
        return run_training_server(args)
    if args.command == "support-request":
        return run_support_request(args)
    if args.command == "shop-db":
        from mirecovery_gui.shop_admin import run_shop_db

        return run_shop_db(args)
    if args.self_test:
        from mirecovery_gui.self_test import run_self_test

        case_db = args.case_db or os.environ.get("MIRECOVERY_CASE_DB", "")
        extra = (["--lang", args.lang] if args.lang else []) + (["--desk", args.desk] if args.desk else [])
        return run_self_test(extra, case_db=case_db)
    return run_wizard(args)


def run_wizard(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from mirecovery_gui.app import claim_data_folder, install_qt_message_handler, main_window_for
    from mirecovery_gui.gui.first_paint import after_first_page_paint
    from mirecovery_gui.logs import configure_logging, install_exception_hooks
    from mirecovery_gui.store.paths import log_dir

    install_qt_message_handler()
    # Qt WebEngine (Xiaomi's page inside the wizard) needs this before the application exists; it
    # costs nothing until a web view is made, and WebEngine itself is imported only then.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0] if sys.argv else "mirecovery"])
    app.setApplicationName("mirecovery")
    app.setDesktopFileName("mirecovery")
    log_path: Path | None = None

    def open_log_file() -> None:
        # A windowed app has no console: the log goes to a file, redacted.
        # Until the first page is on screen, warnings go to stderr (if any).
        nonlocal log_path
        log_path = configure_logging(log_dir())

    def tell_user() -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(
            None,
            "mirecovery",
            QCoreApplication.translate(
                "Main",
                "Something went wrong inside the app. It keeps running; if a step looks stuck, start a new "
                "recovery. Details were written to the log, without personal data: {path}",
            ).format(path=str(log_path) if log_path else "-"),
        )

    install_exception_hooks(tell_user)
    lock, elsewhere = claim_data_folder()
    if lock is None:
        # Said in the user's language: the translators are loaded for this message only
        # (a normal start loads them with the window, after the lock).
        from mirecovery_gui.app import settings_path
        from mirecovery_gui.gui.language import choose_language, install_translators
        from mirecovery_gui.store.settings import load_settings

        install_translators(choose_language(args.lang or load_settings(settings_path()).settings.language or None))
        lock, elsewhere = claim_data_folder()
    if lock is None:
        # Another window has this data folder (and its live case): say where, touch nothing.
        from PySide6.QtWidgets import QMessageBox

        print(f"mirecovery: {elsewhere}", file=sys.stderr, flush=True)
        QMessageBox.information(None, "mirecovery", elsewhere)
        return EXIT_OK
    window = main_window_for(args)
    # Installed after the window's own first-paint work, so Qt (which asks the
    # newest event filter first) queues this one first: the log file is open
    # before the case database is.
    after_first_page_paint(open_log_file, window, latest_ms=2000)
    window.show()
    try:
        return app.exec()
    finally:
        # However the loop ended (the last window closed, a session logout, an
        # error): drafts saved, requests cut, the training service stopped.
        window.close()


if __name__ == "__main__":
    sys.exit(main())
