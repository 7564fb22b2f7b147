#!/usr/bin/env bash
# Runs the macro benchmarks (release build) and prints one JSON line per run:
#   full calc at 1,302 (31x42), 4,900 (49x100) and 9,800 (49x200) sectors, without and with
#   writing the pymrio folder, and with the explicit inverse; each beside one LAPACK LU of the
#   same matrix. REPEAT (default 3) runs per case; compare medians on a noisy machine.
# Then the Google Benchmark micro suite and the peer comparison (pymrio or its NumPy replica).
set -euo pipefail
cd "$(dirname "$0")/.."
dpkg -s python3-numpy python3-pandas >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq python3-numpy python3-pandas >/dev/null)
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" >/dev/null
B=build/release/bench
REPEAT=${REPEAT:-3}
SIZES=${SIZES:-"31x42 49x100 49x200"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in $SIZES; do
  r=${size%x*}; s=${size#*x}
  for ((i = 0; i < REPEAT; i++)); do "$B/tandem_calc_bench" --regions "$r" --sectors "$s"; done
  "$B/tandem_calc_bench" --regions "$r" --sectors "$s" --write "$tmp/out"; rm -rf "$tmp/out"
  "$B/tandem_calc_bench" --regions "$r" --sectors "$s" --inverse
done
"$B/tandem_micro_bench" --benchmark_min_time=0.2
# Economic complexity: one year of 250 x 5,000 (20% non-zero), a 20-year panel, the peer.
for ((i = 0; i < REPEAT; i++)); do "$B/tandem_complexity_bench"; done
"$B/tandem_complexity_bench" --write-panel "$tmp/panel.csv" --years 20
"$B/tandem_complexity_bench" --read-panel "$tmp/panel.csv"
rm -f "$tmp/panel.csv"
/usr/bin/python3 bench/macro/peer_ecomplexity.py --bench "$B/tandem_complexity_bench" \
  --tandem build/release/bin/tandem --products "${PEER_PRODUCTS:-1000}"
# The China MRIO build (issue: under 10 s), both formats written.
for y in 2017 2012; do
  /usr/bin/time -f "{\"china_build\": $y, \"wall_s\": %e, \"peak_kb\": %M}" \
    build/release/bin/tandem china build --year "$y" -o "$tmp/cn$y" -q
done
# The brief (issue: a pair in 2 s, a partner ranking in 5 s), end to end through the CLI.
for ((i = 0; i < REPEAT; i++)); do
  /usr/bin/time -f "{\"brief_pair_s\": %e, \"peak_kb\": %M}" \
    build/release/bin/tandem brief Heilongjiang Anhui -o "$tmp/brief.json" -q
  /usr/bin/time -f "{\"brief_partners_s\": %e, \"peak_kb\": %M}" \
    build/release/bin/tandem brief Anhui --partners -o "$tmp/partners.json" -q
done
# The meeting scheduler (issue: 300 x 1,500 x 16 x 60 in 0.5 s within 1% of the MILP optimum;
# 5,000 x 50,000 x 24 x 2,000 in 30 s and 1 GB): the heuristic beside CBC's optimum or the LP
# bound, then the CLI end to end on the smaller event.
"$B/tandem_schedule_bench" --seeds 3 --milp 120 --lp
"$B/tandem_schedule_bench" --seeds 3 --unavailable 0.15 --milp 120
/usr/bin/time -f "{\"schedule_5000\": true, \"wall_s\": %e, \"peak_kb\": %M}" \
  "$B/tandem_schedule_bench" --participants 5000 --requests 50000 --slots 24 --tables 2000 --lp
"$B/tandem_schedule_bench" --write-event "$tmp/event.json"
/usr/bin/time -f "{\"schedule_cli_s\": %e, \"peak_kb\": %M}" \
  build/release/bin/tandem schedule "$tmp/event.json" --method heuristic -o "$tmp/schedule.csv" -q
# Breaks (issue 14): the default path on the 13 generated all-fit events beside the exact
# breaks MILP (proven optimum or bound), then the 5,000-participant event end to end with the
# break reduction (breaks, isolated, idle gaps printed).
"$B/tandem_breaks_bench" --milp 30
"$B/tandem_schedule_bench" --participants 5000 --requests 50000 --slots 24 --tables 2000 \
  --write-event "$tmp/event5000.json"
build/release/bin/tandem schedule "$tmp/event5000.json" -o "$tmp/schedule5000.csv"
/usr/bin/python3 bench/macro/peer_pymrio.py --tandem "$B/tandem_calc_bench" --sizes 31x42 49x100
