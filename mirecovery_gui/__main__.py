"""Command line: ``mirecovery [options]`` opens the wizard; sub-commands do the rest.

    mirecovery [--training | --server URL] [--lang en|id] [--scheme system|light|dark]
    mirecovery --self-test
    mirecovery --version
    mirecovery training-server [--host 127.0.0.1] [--port 0] [--latency S] [--join-code CODE]
    mirecovery support-request ...

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


def run_support_request(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mirecovery_gui.cli import SUPPORT_FLAGS
    from mirecovery_gui.core.support_request import SupportFacts, prepare
    from mirecovery_gui.store.files import RefusedTargetError, check_target, write_file_atomically
    from mirecovery_gui.store.support_contacts import support_directory

    def refused(error: RefusedTargetError) -> int:
        # A usage error: the user named a place where the request must not be written.
        print(f"mirecovery support-request: -o: {args.output} {error.reason}", file=sys.stderr)
        return EXIT_USAGE

    values = {flag.replace("-", "_"): str(getattr(args, flag.replace("-", "_"))) for flag, _ in SUPPORT_FLAGS}
    facts = SupportFacts.from_mapping(values)
    if args.to and (problem := _email_problem(args.to)):
        print(f"mirecovery support-request: --to: {problem}", file=sys.stderr)
        return EXIT_USAGE
    # The same letter as the window's and the case history's: one prepare() for all three.
    prepared = prepare(facts, support_directory(), args.lang, to=args.to)
    if prepared.request is None:
        for which, message in prepared.problems.items():
            flag = which.value.replace("_", "-")
            print(f"mirecovery support-request: --{flag}: {message.render()}", file=sys.stderr)
        return EXIT_USAGE
    request = prepared.request
    if args.format == "pdf":
        if not args.output:
            print("mirecovery support-request: --format pdf needs -o FILE", file=sys.stderr)
            return EXIT_USAGE
        # Refused before Qt starts, so the reason is the same as for text (write_pdf checks again).
        try:
            check_target(args.output)
        except RefusedTargetError as error:
            return refused(error)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        from mirecovery_gui.gui.support_document import write_pdf

        app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "mirecovery"])
        try:
            write_pdf(prepared, Path(args.output))
        except OSError as exc:
            print(f"mirecovery support-request: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return EXIT_FAILURE
        del app
        return EXIT_OK
    text = prepared.mail_link().url + "\n" if args.format == "mailto" else request.as_text()
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
        print(f"mirecovery support-request: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


def _email_problem(address: str) -> str:
    from mirecovery_gui.core.support_request import Field, check_field

    problem = check_field(Field.CONTACT_EMAIL, address)
    return problem.render() if problem else ""


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
    if args.self_test:
        from mirecovery_gui.self_test import run_self_test

        return run_self_test(["--lang", args.lang] if args.lang else [])
    return run_wizard(args)


def run_wizard(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from mirecovery_gui.app import claim_data_folder, install_qt_message_handler, main_window_for
    from mirecovery_gui.gui.first_paint import after_first_page_paint
    from mirecovery_gui.logs import configure_logging, install_exception_hooks
    from mirecovery_gui.store.paths import log_dir

    install_qt_message_handler()
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
