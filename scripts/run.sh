#!/usr/bin/env bash
# The main job: install dependencies, build (release), and write the brief of Heilongjiang and
# Anhui from the embedded 2017 China MRIO and provincial tables: the terminal summary, and the
# HTML report (brief.html). Extra arguments replace the regions and options of `tandem brief`,
# e.g. `bash scripts/run.sh 黑龙江 安徽 -o brief.xlsx` or `bash scripts/run.sh Anhui --partners`.
# It also builds the Python module and puts it on Debian's python3 path (a tandem.pth file), so
# that `python3 -c "import tandem"` works afterwards (docs/python.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# The dashboard `tandem serve` shows at / (npm packages, then a bundle in web/dist).
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
cmake --preset release >/dev/null
cmake --build --preset release --target tandem _tandem -j"$(nproc)"
site=$(/usr/bin/python3 -c 'import site; print(site.getsitepackages()[0])')
mkdir -p "$site"
echo "$PWD/build/release/python" >"$site/tandem.pth"
if (($# == 0)); then
  set -- Heilongjiang Anhui --html brief.html
fi
exec ./build/release/bin/tandem brief "$@"
