"""Logging for a windowed app: a rotating file, redacted, and a last-resort exception hook.

A packaged windowed app has no console (``sys.stderr`` is None), so the log
goes to ``mirecovery.log`` in the log folder. The redaction filter sits on
every handler, so no handler ever sees an email, a phone number, an IMEI, an
account ID, a code or a password. An exception nobody caught is logged
(redacted) and shown to the user as a plain sentence, never a traceback.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from mirecovery_gui.core.redact import RedactingFilter

LOG_FILE = "mirecovery.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


def remove_handlers() -> None:
    """Take our handlers off the root logger (and close their files), and the bare console one
    ``logging.basicConfig`` made before the app set up its own: a warning is printed once."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        bare_console = type(handler) is logging.StreamHandler and handler.stream in (sys.stderr, sys.__stderr__)
        if getattr(handler, "_mirecovery", False) or bare_console:
            root.removeHandler(handler)
            handler.close()


def configure_logging(folder: Path | None, level: int = logging.INFO, console: bool = True) -> Path | None:
    """Send logs to a rotating file in ``folder`` (and to stderr when there is one)."""
    root = logging.getLogger()
    root.setLevel(level)
    remove_handlers()
    redactor = RedactingFilter()
    path: Path | None = None
    handlers: list[logging.Handler] = []
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / LOG_FILE
            handlers.append(_private_file_handler(path))
        except OSError:
            path = None
    if console and sys.stderr is not None:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        handlers.append(stream)
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(redactor)
        handler._mirecovery = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return path


def _private_file_handler(path: Path) -> logging.Handler:
    """A rotating file handler whose files only the user can read (POSIX): a log tells what the shop did, when.

    Every file it opens (the first, and each new one after a rotation) is
    created 0600, and files an older version left looser are closed up now.
    """
    import contextlib
    import os
    from logging.handlers import (
        RotatingFileHandler,
    )  # 6 ms with what it pulls in (socket, pickle): not before the first paint

    def private(name: str, flags: int) -> int:
        descriptor = os.open(name, flags, 0o600)
        if os.name == "posix":
            with contextlib.suppress(OSError):  # a file system without modes keeps what it has
                os.fchmod(descriptor, 0o600)
        return descriptor

    class PrivateRotatingFileHandler(RotatingFileHandler):
        def _open(self) -> Any:
            return open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors, opener=private)

        def handleError(self, record: logging.LogRecord) -> None:
            # A log file the disk stops taking (full, gone) loses its lines quietly, rather
            # than printing a traceback for every record to a console nobody reads.
            pass

    if os.name == "posix":
        for existing in path.parent.glob(f"{LOG_FILE}*"):
            with contextlib.suppress(OSError):
                os.chmod(existing, 0o600)
    # Opened now, not at the first record: a folder that cannot take the file (a
    # write-protected stick) is found here, and the app goes on without a log file.
    return PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")


def install_exception_hooks(tell_user: Callable[[], None] | None = None) -> None:
    """Log uncaught exceptions (redacted) from any thread; tell the user in plain words."""

    def on_exception(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, trace)
            return
        log.error("unexpected error", exc_info=(kind, value, trace))
        if tell_user is not None:
            try:
                tell_user()
            except Exception:
                log.exception("could not show the error message")

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        log.error(
            "unexpected error in thread %s",
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        )

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception


def erase_logs(folder: Path) -> None:
    """Empty the log files ("Delete all data"); the open handler goes on writing to an empty file."""
    for handler in logging.getLogger().handlers:
        handler.flush()
    for path in folder.glob(f"{LOG_FILE}*"):
        try:
            path.write_bytes(b"")
            if path.name != LOG_FILE:
                path.unlink()
        except OSError:
            log.warning("a log file could not be erased")
