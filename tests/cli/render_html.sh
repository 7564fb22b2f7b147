#!/usr/bin/env bash
# Renders an HTML file in headless Chromium (Debian's) and prints the DOM after the page's load
# handlers ran: the brief's report marks how many of its charts have visible shapes.
# Flags: no sandbox (root in CI), no network chatter (the machine's network is closed).
set -euo pipefail
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --virtual-time-budget=5000 --dump-dom "file://$(realpath "$1")" \
  2>/dev/null
