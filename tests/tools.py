"""External decoders the tests use: zbarimg (QR codes) and poppler's pdftotext/pdftoppm.

.ci/run installs them and sets MIRECOVERY_REQUIRE_TOOLS=1, which turns a
missing tool into a failure instead of a skip, so CI never passes by skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def need(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing:
        return
    message = f"needs {', '.join(missing)} (Debian: zbar-tools, poppler-utils)"
    if os.environ.get("MIRECOVERY_REQUIRE_TOOLS") == "1":
        pytest.fail(message)
    pytest.skip(message)


def decode_qr(image: Path) -> list[str]:
    need("zbarimg")
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, timeout=60)
    return [line for line in out.stdout.splitlines() if line]


def pdf_text(pdf: Path) -> str:
    need("pdftotext")
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


def pdf_page_png(pdf: Path, dpi: int = 150) -> Path:
    need("pdftoppm")
    prefix = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", str(pdf), str(prefix)], check=True, timeout=60
    )
    return next(pdf.parent.glob(prefix.name + "-*1.png"))
