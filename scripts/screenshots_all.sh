#!/bin/sh
# Every screenshot in docs/screenshots: both languages, light and dark, plus a
# large font and 200 % scaling. Needs Xvfb (xvfb-run), poppler-utils (pdftoppm) and postgresql.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
OUT=${OUT:-docs/screenshots}
export MIRECOVERY_HOME="$(mktemp -d)"
export QT_QPA_PLATFORM=xcb
# The practice page is on loopback; anything else the embedded view asks for goes to a closed port.
export QTWEBENGINE_CHROMIUM_FLAGS="--proxy-server=http://127.0.0.1:9"
# Qt WebEngine cannot start its sandbox as root (a CI-like machine); a normal user keeps it.
if [ "$(id -u)" -eq 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi
screen="-screen 0 1366x768x24"
for lang in en id; do
    for scheme in light dark; do
        xvfb-run -a -s "$screen" "$PYTHON" scripts/screenshots.py --out "$OUT" --lang "$lang" --scheme "$scheme"
        xvfb-run -a -s "$screen" "$PYTHON" scripts/screenshots_shop.py --out "$OUT" --lang "$lang" --scheme "$scheme"
        # A desk on a shop database (a throwaway PostgreSQL cluster: Debian's postgresql package).
        xvfb-run -a -s "$screen" "$PYTHON" scripts/screenshots_shop_database.py --out "$OUT" --lang "$lang" \
            --scheme "$scheme"
        rm -rf "$MIRECOVERY_HOME"/*
    done
done
# A shop laptop with "make text bigger" at 150 %, and a 200 % display.
extra="$(mktemp -d)"
xvfb-run -a -s "$screen" "$PYTHON" scripts/screenshots.py --out "$extra" --lang id --font-scale 1.5
rm -rf "$MIRECOVERY_HOME"/*
xvfb-run -a -s "-screen 0 2732x1536x24" "$PYTHON" scripts/screenshots.py --out "$extra" --lang id --scale 2
rm -rf "$MIRECOVERY_HOME"/*
# The smallest window we support, with the training phone shown, in both languages and at 150 % text.
for lang in en id; do
    xvfb-run -a -s "$screen" "$PYTHON" scripts/screenshots.py --out "$extra" --lang "$lang" --size 1024x600
    rm -rf "$MIRECOVERY_HOME"/*
done
xvfb-run -a -s "$screen" "$PYTHON" scripts/screenshots.py --out "$extra" --lang id --size 1024x600 --font-scale 1.5
rm -rf "$MIRECOVERY_HOME"/*
rm -f "$OUT"/07c-support-pdf-*-dark.png  # the PDF is the same paper in either scheme
cp "$extra"/05-new-password-id-font150.png "$extra"/07-lost-everything-id-font150.png \
   "$extra"/02-captcha-id-x2.png "$extra"/04b-wrong-code-id-x2.png "$OUT"/
cp "$extra"/07[ab]-support-*-1024x600.png "$extra"/07-lost-everything-*-1024x600.png "$OUT"/
cp "$extra"/08-official-site-*-1024x600.png "$OUT"/
rm -rf "$extra" "$MIRECOVERY_HOME"
