#!/usr/bin/env bash
# Runs every libFuzzer target (tests/fuzz) for a set time each, starting from the seed corpus.
# Usage: bash scripts/fuzz.sh [SECONDS_EACH (600)] [TARGET...]
# Builds with clang-14 + libFuzzer + ASan/UBSan in build/fuzz; new corpus entries go to
# build/fuzz/corpus/<target>, crashes to build/fuzz/findings/<target>/. Exit 1 if any target
# found something.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(delimited pymrio table_set long_panel event symposium scenario)
bash scripts/install-deps.sh
dpkg -s clang-14 libclang-rt-14-dev >/dev/null 2>&1 ||
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev >/dev/null; }
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTANDEM_FUZZ=ON -DTANDEM_SANITIZE=ON -DTANDEM_WERROR=OFF "${launcher[@]}" >/dev/null
cmake --build build/fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}"
status=0
for t in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$t
  findings=build/fuzz/findings/$t
  mkdir -p "$corpus" "$findings"
  cp -n tests/fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  echo "== fuzz_$t for ${seconds}s"
  if ! build/fuzz/tests/fuzz/fuzz_"$t" "$corpus" -max_total_time="$seconds" -timeout=20 \
      -rss_limit_mb=4096 -max_len=200000 -artifact_prefix="$findings/" -print_final_stats=1 \
      > "build/fuzz/$t.log" 2>&1; then
    echo "   FINDING: see build/fuzz/$t.log and $findings/"
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^stat::new_units_added|^stat::peak_rss_mb" "build/fuzz/$t.log" | sed 's/^/   /'
  echo "   corpus: $(ls "$corpus" | wc -l) inputs"
done
exit $status
