"""The provider a recovery talks to: its profile, and the client and worker built at the first call.

"training" is the embedded training service (started on the first request,
on loopback), or any passport-compatible server given by URL; "xiaomi" is the
live profile. The client, the worker and the training service are built
when the first request goes out, not at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from mirecovery_gui.gui.language import client_locale

if TYPE_CHECKING:
    from mirecovery_gui.client.profile import Timeouts
    from mirecovery_gui.core.clock import Clock
    from mirecovery_gui.gui.main_window import MainWindow
    from mirecovery_gui.gui.worker import RequestRunner
    from mirecovery_gui.training.server import TrainingServer
    from mirecovery_gui.training.service import TrainingService

log = logging.getLogger(__name__)


class ProviderFactory:
    def __init__(
        self,
        window: MainWindow,
        clock: Clock,
        language: Callable[[], str],
        training_service: TrainingService | None = None,
        timeouts: Timeouts | None = None,
    ) -> None:
        self._window = window
        self._clock = clock
        self._language = language
        self._training_service = training_service
        self._timeouts = timeouts
        self.training_server: TrainingServer | None = None

    def use(self, provider: str, server_url: str | None = None) -> None:
        """Work with ``provider`` ("training" or "xiaomi") from now on; a new recovery begins."""
        from mirecovery_gui.client.profile import load_profile

        training = provider == "training"
        profile = load_profile(provider)
        if self._timeouts is not None:
            profile = replace(profile, timeouts=self._timeouts)

        def make_runner() -> RequestRunner:
            from mirecovery_gui.client.passport import PassportClient
            from mirecovery_gui.gui.worker import RequestRunner

            url = server_url
            if training and server_url is None:
                url = self._start_training_server()
            client = PassportClient(profile, url, locale=client_locale(self._language()))
            self._window.add_shutdown_hook(client.close)
            log.info("provider %s ready", profile.id)
            return RequestRunner(client, parent=self._window)

        self._window.wizard.set_runner_factory(make_runner)
        self._window.session.use_provider(profile, training=training)
        self._window.set_training(training, server=_address(server_url) if training else "")

    def follow_language(self, language: str) -> None:
        """The server's own words (its tips) follow the app's language from the next request on."""
        runner = self._window.wizard.runner
        if runner is not None and hasattr(runner.client, "locale"):
            runner.client.locale = client_locale(language)

    def _start_training_server(self) -> str:
        from mirecovery_gui.training.server import TrainingServer
        from mirecovery_gui.training.service import TrainingService

        service = self._training_service or TrainingService(clock=self._clock)
        server = TrainingServer(service)
        url = server.start()
        self.training_server = server
        self._window.add_shutdown_hook(server.stop)
        return url


def _address(url: str | None) -> str:
    """``host:port`` of a server URL, for the user to compare with the trainer's (never the join code)."""
    if not url:
        return ""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        return parts.netloc.rsplit("@", 1)[-1] or url.split("?", 1)[0]
    except ValueError:
        return url.split("?", 1)[0]
