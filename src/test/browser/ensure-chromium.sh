#!/bin/sh
# Makes sure Debian's Chromium and its WebDriver are installed for the browser integration tests
# (ServePageIT). Run by Maven before the integration tests; installs them from Debian's package
# registry when missing and fails loudly when it cannot, so the browser test never silently skips.
set -eu

CHROMIUM=/usr/bin/chromium
DRIVER=/usr/bin/chromedriver

if [ -x "$CHROMIUM" ] && [ -x "$DRIVER" ]; then
    exit 0
fi

echo "ensure-chromium: $CHROMIUM or $DRIVER missing; installing Debian's chromium and chromium-driver" >&2
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
    if ! command -v sudo >/dev/null 2>&1; then
        echo "ensure-chromium: not root and no sudo: install them with 'apt-get install chromium chromium-driver'" >&2
        exit 1
    fi
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver

for f in "$CHROMIUM" "$DRIVER"; do
    if [ ! -x "$f" ]; then
        echo "ensure-chromium: $f is still missing after apt-get install" >&2
        exit 1
    fi
done
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)" >&2
