#!/bin/sh
# Install mirecovery for this user only (no root): ~/.local/opt/mirecovery, a
# menu entry and a `mirecovery` command in ~/.local/bin.
#   sh install.sh            install or update
#   sh install.sh --remove   uninstall (your cases and settings stay in ~/.local/share and ~/.config)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=$HOME/.local/opt/mirecovery
target=$(mkdir -p "$target" && cd "$target" && pwd)
menu=${XDG_DATA_HOME:-$HOME/.local/share}/applications
bin=$HOME/.local/bin

if [ "${1:-}" = "--remove" ]; then
    rm -rf "$target" "$menu/mirecovery.desktop" "$bin/mirecovery"
    echo "mirecovery removed (cases and settings kept)."
    exit 0
fi

rm -rf "$target/app"
cp -r "$here/mirecovery" "$target/app"
cp "$here/mirecovery.png" "$target/mirecovery.png"
mkdir -p "$menu" "$bin"
sed -e "s|@APPDIR@|$target/app|g" -e "s|@ICON@|$target/mirecovery.png|g" "$here/mirecovery.desktop" > "$menu/mirecovery.desktop"
ln -sf "$target/app/mirecovery" "$bin/mirecovery"
echo "mirecovery installed in $target/app; start it from the menu or with: mirecovery"
