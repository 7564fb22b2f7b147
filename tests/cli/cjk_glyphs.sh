#!/usr/bin/env bash
# Whether the Chinese text of an HTML report renders as real glyphs in headless Chromium
# (Debian's): a probe script (cjk_probe.js) draws the first distinct Chinese characters of the page's <h1> in
# the page's own font stack and compares their pixels. Missing fonts give the same box (or
# nothing) for every character. Prints "glyphs", "boxes" or "blank".
# Usage: cjk_glyphs.sh REPORT.html [--without-cjk-fonts]: the second form hides every font but
# DejaVu (a fontconfig of its own), to show that the probe does see boxes.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ -n "${KEEP:-}" ]] && trap - EXIT
here=$(cd "$(dirname "$0")" && pwd)
python3 -c 'import sys; page = open(sys.argv[1], encoding="utf-8").read(); probe = open(sys.argv[2], encoding="utf-8").read(); open(sys.argv[3], "w", encoding="utf-8").write(page.replace("</body>", "<script>" + probe + "</script></body>"))' \
  "$1" "$here/cjk_probe.js" "$work/page.html"
env_args=()
if [[ "${2:-}" == "--without-cjk-fonts" ]]; then
  cat > "$work/fonts.conf" <<CONF
<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>$work/cache</cachedir></fontconfig>
CONF
  env_args=(FONTCONFIG_FILE="$work/fonts.conf")
fi
env "${env_args[@]}" timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
  --no-first-run --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --virtual-time-budget=5000 --dump-dom "file://$work/page.html" \
  2>/dev/null | grep -o 'data-cjk="[a-z]*"' | sed 's/data-cjk="\(.*\)"/\1/'
