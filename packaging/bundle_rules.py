"""What a mirecovery bundle keeps of PySide6, shared by build.spec and the floor bundle.

The same rules trim the app and the minimal PySide6 bundle it is measured
against (benchmarks/bundle_size.py), so the ratio compares like with like.
Learned from trimming a bare PySide6 bundle by hand, and checked by running
the frozen --self-test:

* Qt modules the app does not import (QtDBus, QtOpenGL, QtSvg, QML, Qt Quick;
  libQt6DBus itself stays: QtGui needs it on Linux). Qt WebEngine (Xiaomi's
  page inside the wizard) links Qt Quick, QML, Network and OpenGL: those
  libraries stay, but no QML module, Qt Quick plugin or QML file;
* Qt's own translations: Qt has none for Indonesian, and English needs none;
* Qt WebEngine's Chromium locale packs other than the app's languages (en-US,
  id), and its developer tools (the app never opens them);
* plugins other than the platforms (xcb and offscreen on Linux, windows,
  cocoa), xcb's OpenGL integration (Qt WebEngine draws through it on a
  desktop), the Windows 11 style, and print support (a real printer);
* on Linux, bundled system libraries that nothing kept still needs (the
  DT_NEEDED closure through readelf).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

EXCLUDED_MODULES = [
    "PySide6.QtDBus",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    # Qt WebEngine's Qt Quick face; the app uses its widgets (QtWebEngineWidgets).
    "PySide6.QtWebEngineQuick",
    "PySide6.QtPositioning",
    "PySide6.QtQuickWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "tkinter",
    "unittest",
    "pydoc",
    "xmlrpc",
    "lib2to3",
    "pytest",
    "hypothesis",
    # urllib3 tries pyOpenSSL when present; the app uses the standard ssl
    # module with the system trust store (truststore), so none of these.
    # (cryptography stays: the keyring's Secret Service backend on Linux,
    # secretstorage, needs it to keep the shop database's password.)
    "OpenSSL",
    "urllib3.contrib.pyopenssl",
    "urllib3.contrib.emscripten",
    "trustme",
    # libphonenumber's geocoder, carrier and time-zone data (5 MB): the app
    # only parses and formats numbers. email-validator's DNS checks are off.
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
    "dns",
    "email_validator.deliverability",
    "readline",
    # CJK text codecs: the client reads UTF-8 only (1 MB of C tables). Not
    # _codecs_jp: pyqrcode tries Shift-JIS to choose its kanji mode.
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_kr",
    "_codecs_tw",
    # C accelerators nothing in the app needs (decimal falls back to _pydecimal).
    "_decimal",
    "pyexpat",
    "xml.parsers.expat",
    "_asyncio",
    "asyncio",
]
# Linux system libraries left to the system: CUPS is part of every desktop
# that prints, and Qt's print plugin loads the system's copy (and its TLS,
# Kerberos and Avahi libraries, 9 MB) at print time. Without CUPS, Qt's
# print dialog still prints to PDF.
SYSTEM_LIBRARIES = {"libcups.so.2"}
KEEP_PLUGINS = {
    "platforms": {
        "libqxcb.so",
        "libqoffscreen.so",
        "qwindows.dll",
        "qoffscreen.dll",
        "libqcocoa.dylib",
        "libqoffscreen.dylib",
    },
    "xcbglintegrations": None,
    "styles": None,  # all: the native Windows 11 / Vista look lives here
    "printsupport": None,  # all: printing to a real printer (CUPS on Linux)
}
# Qt libraries the kept modules and plugins do not need, wherever PyInstaller put
# them (libQt6Network.so.6, Qt6Network.dll, ...).
_DROPPED_QT_LIBS = re.compile(
    r"^(lib)?Qt6(Pdf|Svg|Wayland|WlShell|EglFS|EglFs|WebEngineQuick|Quick3D"
    r"|QuickControls|QuickTemplates|QuickDialogs|QuickLayouts|QuickShapes|QuickParticles|LabsQml)"
)
# Chromium's locale packs kept: the app's languages (its menus and error pages inside the view).
KEEP_WEBENGINE_LOCALES = {"en-US.pak", "id.pak"}
# Qt WebEngine files the app never uses: developer tools, and QML (Qt Quick is linked, not loaded).
_DROPPED_FILES = re.compile(r"(qtwebengine_devtools_resources\.pak$|/qml/|\.qml$|\.qmltypes$|qmldir$)")


def wanted(destination: str) -> bool:
    path = destination.replace("\\", "/")
    if "/translations/" in path and path.endswith(".qm") and "PySide6" in path:
        return False
    if "/qtwebengine_locales/" in path:
        return path.rsplit("/", 1)[-1] in KEEP_WEBENGINE_LOCALES
    if _DROPPED_FILES.search("/" + path):
        return False
    plugin = re.search(r"/plugins/([^/]+)/([^/]+)$", path)
    if plugin:
        kind, name = plugin.groups()
        if kind not in KEEP_PLUGINS:
            return False
        keep = KEEP_PLUGINS[kind]
        return keep is None or name in keep
    return not _DROPPED_QT_LIBS.search(path.rsplit("/", 1)[-1])


def _other_platform(destination: str) -> bool:
    """Files only another platform uses (the Windows icon)."""
    return destination.lower().endswith(".ico") and not sys.platform.startswith("win")


def _needed(path: str) -> set[str]:
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=False).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


_EXTENSION_MODULE = re.compile(r"\.(cpython-\d+[^.]*|abi3)\.(so|pyd)$")


def trim(analysis: object) -> list[str]:
    """Filter ``analysis.binaries`` and ``analysis.datas`` in place; returns what was dropped."""
    binaries = analysis.binaries  # type: ignore[attr-defined]
    datas = analysis.datas  # type: ignore[attr-defined]
    kept = [item for item in binaries if wanted(item[0])]
    dropped = [item[0] for item in binaries if item not in kept]
    if sys.platform.startswith("linux") and shutil.which("readelf"):
        # Top-level entries (no folder) are system libraries collected as
        # dependencies: keep those still reachable from what stays.
        # A Python extension module at the top (cffi's _cffi_backend) is imported, never linked to: a root.
        by_name = {
            os.path.basename(item[0]): item
            for item in kept
            if "/" not in item[0].replace("\\", "/")
            and os.path.basename(item[0]) not in SYSTEM_LIBRARIES
            and not _EXTENSION_MODULE.search(os.path.basename(item[0]))
        }
        kept = [item for item in kept if os.path.basename(item[0]) not in SYSTEM_LIBRARIES]
        roots = [item for item in kept if os.path.basename(item[0]) not in by_name or item[0].startswith("libpython")]
        seen: set[str] = set()
        todo = [item[1] for item in roots]
        while todo:
            for library in _needed(todo.pop()):
                if library in by_name and library not in seen:
                    seen.add(library)
                    todo.append(by_name[library][1])
        unreachable = {name for name in by_name if name not in seen and not name.startswith("libpython")}
        dropped += sorted(unreachable)
        kept = [item for item in kept if os.path.basename(item[0]) not in unreachable or "/" in item[0]]
    binaries[:] = kept
    datas[:] = [item for item in datas if wanted(item[0]) and not _other_platform(item[0])]
    return dropped
