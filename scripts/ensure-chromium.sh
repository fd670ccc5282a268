#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for web-test-runner.
# No test tool downloads a browser of its own: on a fresh Debian machine this
# installs the distribution's package (about 25 s) when run as root, or with
# passwordless sudo.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "ensure-chromium: $CHROMIUM is missing, and installing it needs root (or passwordless sudo)." >&2
  echo "  Install it once with:  sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi

packages=(chromium)
# Optional: a Japanese font, so screenshots of Japanese text are legible.
# Asked for in the same transaction so the package index is fetched once.
if ! fc-list 2>/dev/null | grep -qi 'IPAGothic\|Noto Sans CJK'; then
  packages+=(fonts-ipafont-gothic)
fi

echo "ensure-chromium: $CHROMIUM is missing; installing ${packages[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
