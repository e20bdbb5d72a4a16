"""The packaged app against a minimal PySide6 bundle built with the same rules, and frozen against source start-up.

    python benchmarks/bundle_size.py [--runs 15] [--keep DIR]

Builds benchmarks/floor.spec (a bare window with a Qt WebEngine view) and build.spec (the app) with
PyInstaller into a scratch folder, then prints each bundle's size and file
count, the ratio (target: at most 1.1x), the tarball each would make, the Qt WebEngine part
of the app's bundle, and the start-up to first paint of the frozen builds next to the same
programs run from source (the floor until its web view has loaded; the app until its first
page, which does not load Qt WebEngine).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import compare, verdict, with_bytecode

ROOT = Path(__file__).resolve().parents[1]


def size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


_WEBENGINE_PARTS = (
    "WebEngine",
    "qtwebengine",
    "Qt6Quick",
    "Qt6Qml",
    "Qt6Network",
    "Qt6OpenGL",
    "Qt6WebChannel",
    "Qt6Positioning",
    "icudtl.dat",
    "v8_context_snapshot",
    "xcbglintegrations",
    "QtNetwork",
)


def _webengine_part(path: Path) -> bool:
    return any(part in str(path) for part in _WEBENGINE_PARTS)


def tarball(folder: Path) -> int:
    """The size of the folder as a .tar.gz, as scripts/build_bundle.sh ships it."""
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "bundle.tar.gz"
        subprocess.run(["tar", "-C", str(folder.parent), "-czf", str(archive), folder.name], check=True)
        return archive.stat().st_size


def build(spec: Path, scratch: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(scratch / "dist"), "--workpath", str(scratch / "work"), str(spec)],
        cwd=ROOT, check=True,
    )  # fmt: skip
    return scratch / "dist"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="build into DIR and keep it (default: a scratch folder)")
    args = parser.parse_args()
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="mirecovery-bundles-"))
    dist = build(ROOT / "benchmarks" / "floor.spec", scratch)
    build(ROOT / "build.spec", scratch)
    floor_bytes, floor_files = size(dist / "floor")
    app_bytes, app_files = size(dist / "mirecovery")
    print(f"floor bundle (PySide6 + WebEngine view)  {floor_bytes / 2**20:7.1f} MiB  {floor_files:4d} files")
    print(f"mirecovery bundle                        {app_bytes / 2**20:7.1f} MiB  {app_files:4d} files")
    web_bytes = sum(
        path.stat().st_size
        for path in (dist / "mirecovery").rglob("*")
        if path.is_file() and not path.is_symlink() and _webengine_part(path)
    )
    print(f"  of which Qt WebEngine and what only it needs  {web_bytes / 2**20:7.1f} MiB")
    for name in ("floor", "mirecovery"):
        print(f"{name} tarball (gzip)  {tarball(dist / name) / 2**20:7.1f} MiB")
    ratio = app_bytes / floor_bytes
    print(f"size {verdict(ratio, 1.10)}")

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", MIRECOVERY_QUIT_AFTER_FIRST_PAINT="1")
    # Nothing may reach a host but loopback: anything else meets a closed port.
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--proxy-server=http://127.0.0.1:9"
    env["MIRECOVERY_HOME"] = tempfile.mkdtemp(prefix="mirecovery-bench-")
    env = with_bytecode(env)  # the source runs as installed: compiled, like the frozen ones
    subjects = {
        "floor from source": [sys.executable, str(ROOT / "benchmarks" / "_floor_webview.py")],
        "floor frozen": [str(dist / "floor" / "floor")],
        "mirecovery from source": [sys.executable, "-m", "mirecovery_gui"],
        "mirecovery frozen": [str(dist / "mirecovery" / "mirecovery")],
    }
    results = compare(subjects, env, args.runs)
    print(f"start to first page painted, offscreen, {args.runs} runs each, taking turns")
    for runs in results.values():
        print(runs.line())
    for name in ("floor", "mirecovery"):
        frozen, source = results[f"{name} frozen"], results[f"{name} from source"]
        print(f"{name}: frozen / source = {frozen.ms / source.ms:4.2f}x time, {frozen.mib / source.mib:4.2f}x memory")
    return 1 if ratio > 1.10 else 0


if __name__ == "__main__":
    sys.exit(main())
