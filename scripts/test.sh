#!/usr/bin/env bash
# The whole test suite: install dependencies, check formatting, build with AddressSanitizer and
# UndefinedBehaviorSanitizer and warnings as errors (preset dev), run every test with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
bash scripts/format.sh --check
# The dashboard's npm packages (ECharts, esbuild, puppeteer-core) and its build.
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"
ctest --preset dev -j"$(nproc)"
