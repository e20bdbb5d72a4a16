"""Command line: ``mirecovery [options]`` opens the wizard; sub-commands do the rest.

    mirecovery [--training | --server URL] [--lang en|id]
    mirecovery --self-test
    mirecovery --version
    mirecovery training-server [--host 127.0.0.1] [--port 0] [--latency S]
    mirecovery support-request ...

Only the standard library is imported before the command is known, so
``--version`` and the training server start fast.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence

from mirecovery_gui import __version__

log = logging.getLogger(__name__)

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
    parser.add_argument(
        "--lang", choices=("en", "id"), help="language of the app (default: the system's)"
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
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    server.add_argument("--port", type=int, default=0, help="port (default: 0, any free port)")
    server.add_argument(
        "--latency",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="delay every answer (for practice)",
    )
    return parser


def run_training_server(args: argparse.Namespace) -> int:
    from mirecovery_gui.training.server import TrainingServer

    if not 0 <= args.port <= 65535:
        print("mirecovery training-server: --port must be between 0 and 65535", file=sys.stderr)
        return EXIT_USAGE
    server = TrainingServer(host=args.host, port=args.port)
    server.service.faults.latency_s = max(0.0, args.latency)
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
    # Scripts read this line from a pipe: flush it now, not at exit.
    print(f"listening on {url}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    logging.basicConfig(level=logging.WARNING)
    from mirecovery_gui.core.redact import install_redaction

    install_redaction()
    if args.command == "training-server":
        return run_training_server(args)
    parser.error("the wizard is not available yet; run 'mirecovery training-server'")
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
