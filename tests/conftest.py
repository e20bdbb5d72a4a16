"""Shared fixtures: a real training service on loopback, fast timeouts, leak checks."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

# Qt must never need a display in tests; set before any Qt import. The offscreen screen is the shop's
# usual 1366x768 laptop (Qt's own default is 800x800), so "the window's default size" means what it
# means on a real desk.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = Path(__file__).with_name("offscreen_screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
os.environ.setdefault("LANG", "C.UTF-8")

if os.environ.get("MIRECOVERY_BLOCK_QT") == "1":
    # The session's suite, run the way electrum tests its wizard: with Qt not
    # importable at all (tests/unit/test_layers.py starts that run).
    import importlib.abc
    import sys

    class _NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: object, target: object = None) -> None:
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"{name} is blocked in this run")
            return None

    sys.meta_path.insert(0, _NoQt())

# Qt WebEngine (the official page inside the wizard) refuses to start its sandbox as root, as tests
# and CI run; the shipped app never sets this.
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
# Anything an embedded page asks of another host goes to a closed loopback port: no test reaches
# Xiaomi or any other host (Chromium never sends loopback, the practice site, through a proxy).
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--proxy-server=http://127.0.0.1:9")

import pytest

if os.environ.get("MIRECOVERY_BLOCK_QT") != "1":
    from PySide6.QtCore import QCoreApplication, Qt

    # Before pytest-qt makes the application: Qt WebEngine needs it then or never.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

from mirecovery_gui.client.passport import PassportClient
from mirecovery_gui.client.profile import ProviderProfile, Timeouts, load_profile
from mirecovery_gui.core.clock import ManualClock
from mirecovery_gui.training.server import TrainingServer
from mirecovery_gui.training.service import TrainingService
from tests.fault_door import FaultDoor, fault_door

FAST_TIMEOUTS = Timeouts(connect_s=0.5, read_s=0.6, step_deadline_s=2.5)


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, config and log folders: nothing touches the real ones."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MIRECOVERY_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def no_thread_outlives_the_test() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    leftover = [
        thread
        for thread in threading.enumerate()
        if thread not in before and not isinstance(thread, threading._DummyThread)
    ]
    for thread in leftover:
        thread.join(timeout=10)
    alive = [thread.name for thread in leftover if thread.is_alive()]
    assert not alive, f"threads outlived the test: {alive}"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def service(clock: ManualClock) -> TrainingService:
    return TrainingService(clock=clock)


@pytest.fixture
def server(service: TrainingService) -> Iterator[TrainingServer]:
    with TrainingServer(service) as running:
        yield running


@pytest.fixture
def training_profile() -> ProviderProfile:
    """The training profile with timeouts short enough for fault tests."""
    return replace(load_profile("training"), timeouts=FAST_TIMEOUTS)


@pytest.fixture
def client(training_profile: ProviderProfile, server: TrainingServer) -> Iterator[PassportClient]:
    passport = PassportClient(training_profile, server.url)
    yield passport
    passport.close()


@pytest.fixture
def door(server: TrainingServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultDoor]:
    """The training server behind TLS at https://passport.training.test, its CA in the system trust store."""
    import socket

    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    with fault_door((host, int(port)), tmp_path) as front:
        monkeypatch.setattr(socket, "getaddrinfo", front.resolver(socket.getaddrinfo))
        monkeypatch.setenv("SSL_CERT_FILE", str(front.ca_file))
        monkeypatch.delenv("SSL_CERT_DIR", raising=False)
        yield front
