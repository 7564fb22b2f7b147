#!/usr/bin/env bash
# The main job: install dependencies, build (release), profile Heilongjiang and Anhui from the
# embedded 2017 provincial input-output tables. Extra arguments go to `tandem profile`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target tandem -j"$(nproc)"
exec ./build/release/bin/tandem profile "$@"
