"""Xiaomi's own forgot-password page inside the wizard, in a browser that keeps nothing and goes nowhere else.

Imported only when the official page is shown, after the page has painted (Qt WebEngine is large);
the page asks whether it can be with ``importlib.util.find_spec`` first, and opens Xiaomi's page
outside when this import fails. The rules, each enforced here rather than trusted to the page:

* an off-the-record profile: no cookies, cache, history or form data on disk; dropped with the view
  when the case ends;
* only Xiaomi's hosts (and the page's own host, e.g. the practice site) load inside, as pages or as
  anything a page asks for; a link elsewhere opens in the system browser;
* no script of ours runs in the page and nothing is read from its fields;
* downloads, notifications, camera, microphone, location and every other permission refused.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineDownloadRequest,
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

# Chromium writes its own errors to the console (no system bus, no GPU...); only fatal ones here.
# Read when Qt WebEngine starts, which is after this import.
if "--log-level" not in os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""):
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (
        os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "") + " --log-level=3"
    ).strip()
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

# The hosts Xiaomi's forgot-password flow loads from (public evidence: its account SDK and the page).
XIAOMI_HOSTS = (
    "account.xiaomi.com",
    "verify.sec.xiaomi.com",
    "static.account.xiaomi.com",
    "cdn.cnbj1.fds.api.mi-img.com",
    "ssl-cdn.static.browser.mi-img.com",
)


def host_allowed(url: QUrl | str, extra: tuple[str, ...] = ()) -> bool:
    """Xiaomi's hosts over HTTPS only; the start page's own host (a practice site) as it was given."""
    text = url.toString() if isinstance(url, QUrl) else url
    parts = urlsplit(text)
    if parts.scheme in ("data", "blob", "about"):
        return True  # the page's own inline pieces, never a host
    host = (parts.hostname or "").lower()
    if host in XIAOMI_HOSTS:
        return parts.scheme == "https"  # never Xiaomi's name over plain HTTP (a captive portal, a proxy)
    return parts.scheme in ("https", "http") and host in extra


class _OnlyAllowedHosts(QWebEngineUrlRequestInterceptor):
    """Every request the page makes (pages, scripts, pictures, trackers): Xiaomi's hosts only."""

    def __init__(self, extra: tuple[str, ...]) -> None:
        super().__init__()
        self.extra = extra
        self.blocked = 0

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        if not host_allowed(info.requestUrl(), self.extra):
            self.blocked += 1
            # The host only: what a maintainer needs to add a host Xiaomi's flow has started to use.
            log.info("official page: a request to %s was not loaded", info.requestUrl().host() or "?")
            info.block(True)


class _GuardedPage(QWebEnginePage):
    refused = Signal(str)  # a main-frame address that may not load inside (not a click: a redirect)

    def __init__(self, profile: QWebEngineProfile, extra: tuple[str, ...], elsewhere: Callable[[str], object]) -> None:
        super().__init__(profile)
        self._extra = extra
        self._elsewhere = elsewhere
        # A main-frame load this page let through and that has not finished: only such a load can fail.
        # (Declining one ends it with loadFinished(false) too, sometimes more than once: not a failure.)
        self.loading_accepted = False
        # Permissions: Qt 6.8 asks through permissionRequested; earlier ones through the feature signal.
        if hasattr(self, "permissionRequested"):
            self.permissionRequested.connect(lambda permission: permission.deny())
        if hasattr(self, "featurePermissionRequested"):
            self.featurePermissionRequested.connect(self._on_feature_requested)

    def _on_feature_requested(self, origin: QUrl, feature: QWebEnginePage.Feature) -> None:
        self.setFeaturePermission(origin, feature, QWebEnginePage.PermissionPolicy.PermissionDeniedByUser)

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        if host_allowed(url, self._extra):
            if is_main_frame:
                self.loading_accepted = True
            return True
        address = url.toString() if isinstance(url, QUrl) else url
        if is_main_frame:
            self.loading_accepted = False  # a redirect elsewhere ends the load: said by ``refused``, not a failure
        if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            self._elsewhere(address)  # another site: the system browser, never inside the wizard
        elif is_main_frame:
            self.refused.emit(address)
        return False

    def javaScriptConsoleMessage(
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str
    ) -> None:
        # Not into our log: a page's console may echo what was typed into it (an account, a code).
        return

    def createWindow(self, kind: QWebEnginePage.WebWindowType) -> QWebEnginePage:
        # A link that opens a new window: a page that never shows, handing its address outside.
        return _Outside(self.profile(), self._elsewhere)


class _Outside(QWebEnginePage):
    def __init__(self, profile: QWebEngineProfile, elsewhere: Callable[[str], object]) -> None:
        super().__init__(profile)
        self._elsewhere = elsewhere

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        self._elsewhere(url.toString() if isinstance(url, QUrl) else url)
        self.deleteLater()
        return False


class OfficialView(QWebEngineView):
    """The embedded page. ``address_changed`` gives the address on show and whether it is encrypted."""

    address_changed = Signal(str, bool)
    load_failed = Signal()  # the page did not load (no connection, a blocked host)
    refused = Signal(str)  # the page went to an address that may not load inside

    def __init__(
        self, url: str, elsewhere: Callable[[str], object], language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("official_page_view")
        own = (urlsplit(url).hostname or "").lower()
        extra = (own,) if own and own not in XIAOMI_HOSTS else ()
        self._elsewhere = elsewhere
        self._last_outside = 0.0
        # No storage name: off the record, nothing on disk. The page owns the profile and this view the
        # page, so the page goes first (Qt warns when a profile goes before its page).
        self.profile = QWebEngineProfile()
        self.profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        self.profile.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
        self.interceptor = _OnlyAllowedHosts(extra)
        self.profile.setUrlRequestInterceptor(self.interceptor)
        self.profile.downloadRequested.connect(self._on_download_requested)
        self.set_language(language)
        settings = self.profile.settings()
        # Web storage stays on (the page may need it; off the record it lives in memory only).
        for attribute in (
            QWebEngineSettings.WebAttribute.PluginsEnabled,
            QWebEngineSettings.WebAttribute.ScreenCaptureEnabled,
            QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows,
        ):
            settings.setAttribute(attribute, False)
        self.guarded = _GuardedPage(self.profile, extra, self._open_outside)
        self.guarded.setParent(self)
        self.profile.setParent(self.guarded)
        self.setPage(self.guarded)
        self.guarded.refused.connect(self.refused)
        self.loadFinished.connect(self._on_load_finished)
        self.urlChanged.connect(self._on_url_changed)
        self._start = QUrl(url)

    def set_language(self, language: str) -> None:
        """Xiaomi's page in the app's language first (from the next request on)."""
        self.profile.setHttpAcceptLanguage("id-ID,id;q=0.9,en;q=0.5" if language == "id" else "en-US,en;q=0.9")

    def open_at(self, url: str) -> None:
        """Start again at ``url`` (the same page in another language)."""
        self._start = QUrl(url)
        self.setUrl(self._start)

    def open(self) -> None:
        """Load the page (after the caller is listening for :attr:`address_changed`)."""
        self.setUrl(self._start)

    def _on_load_finished(self, ok: bool) -> None:
        accepted, self.guarded.loading_accepted = self.guarded.loading_accepted, False
        if not ok and accepted:
            self.load_failed.emit()

    def load_again(self) -> None:
        """The address on show, fetched afresh: never the last form sent again (that could send a code)."""
        self.setUrl(self.url() if not self.url().isEmpty() else self._start)

    def _open_outside(self, address: str) -> None:
        # Web addresses only, and not a burst of them: a page's own script can "click" links too.
        if urlsplit(address).scheme not in ("http", "https"):
            log.info("a link of another kind was not opened from the official page")
            return
        now = time.monotonic()
        if now - self._last_outside < 2.0:
            return
        self._last_outside = now
        self._elsewhere(address)

    def _on_url_changed(self, url: QUrl) -> None:
        # Without the query: it can carry a session token; the address bar shows where, not what.
        address = f"{url.scheme()}://{url.authority()}{url.path()}" if url.scheme() else url.toString()
        self.address_changed.emit(address, url.scheme() == "https")

    @staticmethod
    def _on_download_requested(download: QWebEngineDownloadRequest) -> None:
        log.info("download refused on the official page")
        download.cancel()

    def forget(self) -> None:
        """The case ends: its cookies and cache go now (they were never on disk)."""
        self.profile.cookieStore().deleteAllCookies()
        self.profile.clearHttpCache()
        self.guarded.setUrl(QUrl("about:blank"))
