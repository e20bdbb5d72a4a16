"""The packaged app against a minimal PySide6 bundle built with the same rules, and frozen against source start-up.

    python benchmarks/bundle_size.py [--runs 15] [--keep DIR]

Builds benchmarks/floor.spec (a bare window) and build.spec (the app) with
PyInstaller into a scratch folder, then prints each bundle's size and file
count, the ratio (target: at most 1.1x), and the start-up to first paint of
the frozen builds next to the same programs run from source.
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
    print(f"floor bundle (bare PySide6 window)  {floor_bytes / 2**20:7.1f} MiB  {floor_files:4d} files")
    print(f"mirecovery bundle                   {app_bytes / 2**20:7.1f} MiB  {app_files:4d} files")
    ratio = app_bytes / floor_bytes
    print(f"size {verdict(ratio, 1.10)}")

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", MIRECOVERY_QUIT_AFTER_FIRST_PAINT="1")
    env["MIRECOVERY_HOME"] = tempfile.mkdtemp(prefix="mirecovery-bench-")
    env = with_bytecode(env)  # the source runs as installed: compiled, like the frozen ones
    subjects = {
        "floor from source": [sys.executable, str(ROOT / "benchmarks" / "_floor_window.py")],
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
