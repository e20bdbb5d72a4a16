#!/bin/sh
# Build the packaged app: the PyInstaller onedir (build.spec), check it runs,
# and on Linux a tarball with a per-user installer.
#
#   sh scripts/build_bundle.sh [PYTHON]        # PYTHON: a venv's python with '.[bundle]' installed
#
# Output: dist/mirecovery/ (the app) and dist/mirecovery-VERSION-linux-ARCH.tar.gz.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${1:-python3}
VERSION=$("$PYTHON" -c 'import mirecovery_gui; print(mirecovery_gui.__version__)')

"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec

# The frozen app must pass the same self-test as the source (offscreen, training service on loopback).
export QT_QPA_PLATFORM=offscreen
MIRECOVERY_HOME=$(mktemp -d)
export MIRECOVERY_HOME
dist/mirecovery/mirecovery --version
dist/mirecovery/mirecovery --self-test
dist/mirecovery/mirecovery --self-test --lang id
# The support request as a PDF with its QR code: the printing, QR and codec modules are there.
dist/mirecovery/mirecovery support-request --account-id 1234567890 --imei 49-015420-323751-8 \
    --format pdf -o "$MIRECOVERY_HOME/request.pdf"
test -s "$MIRECOVERY_HOME/request.pdf"
rm -rf "$MIRECOVERY_HOME"

case "$(uname -s)" in
Linux)
    archive="mirecovery-$VERSION-linux-$(uname -m)"
    staging=build/$archive
    rm -rf "$staging"
    mkdir -p "$staging"
    cp -r dist/mirecovery "$staging/"
    cp packaging/linux/install.sh packaging/linux/mirecovery.desktop "$staging/"
    cp resources/icons/mirecovery-256.png "$staging/mirecovery.png"
    tar -C build -czf "dist/$archive.tar.gz" "$archive"
    echo "dist/$archive.tar.gz: $(du -h "dist/$archive.tar.gz" | cut -f1)"
    ;;
esac
echo "dist/mirecovery: $(du -sh dist/mirecovery | cut -f1)"
