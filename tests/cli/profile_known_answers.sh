#!/usr/bin/env bash
# Recomputes the size-and-structure figures `tandem profile` prints for one province straight
# from the shipped table set's CSVs with awk (not through tandem's code) and compares them with
# the CSV tandem writes, within a relative 1e-9 (the CSV's integers: within 0.5).
# Usage: profile_known_answers.sh TANDEM TABLE_SET_FOLDER REGION_CODE NAME
set -euo pipefail
tandem=$1 set=$2 code=$3 name=$4
want=$(awk -F, -v code="$code" '
  FILENAME ~ /x.csv$/ && FNR > 1 { all_x += $3; if ($1 == code) x += $3 }
  FILENAME ~ /V.csv$/ && FNR > 1 {
    for (i = 3; i <= NF; ++i) { all_va += $i; if ($1 == code) { va += $i; if ($2 == "VA001") ce += $i; if (i == 3) prim += $i } }
  }
  END { printf "%.6f %.6f %.6f %.12f %.12f %.12f %.12f\n", x, va, ce, 100 * x / all_x, 100 * va / all_x * all_x / all_va, 100 * va / x, 100 * prim / va }
' "$set/x.csv" "$set/V.csv")
got=$("$tandem" profile "$name" -f csv -q | awk -F, '
  $1 == "Gross output" { go = $3; go_share = $4 }
  $1 == "Value added (GDP)" { va = $3; va_share = $4 }
  $1 == "Compensation of employees" { ce = $3 }
  $1 == "Value added / gross output %" { rate = $3 }
  $1 == "Primary industry % of VA" { prim = $3 }
  END { print go, va, ce, go_share, va_share, rate, prim }')
read -r w_go w_va w_ce w_gos w_vas w_rate w_prim <<<"$want"
read -r g_go g_va g_ce g_gos g_vas g_rate g_prim <<<"$got"
awk -v a="$w_go $w_va $w_ce" -v b="$g_go $g_va $g_ce" -v c="$w_gos $w_vas $w_rate $w_prim" \
    -v d="$g_gos $g_vas $g_rate $g_prim" 'BEGIN {
  names = "gross_output value_added compensation go_share_china va_share_china va_rate primary_share"
  split(names, n, " "); split(a, wa, " "); split(b, gb, " "); split(c, wc, " "); split(d, gd, " ")
  bad = 0
  for (i = 1; i <= 3; ++i) { diff = wa[i] - gb[i]; if (diff < -0.5 || diff > 0.5) { print n[i] ": tandem " gb[i] ", recomputed " wa[i]; bad = 1 } else print n[i] " " gb[i] " ok" }
  for (i = 1; i <= 4; ++i) { diff = wc[i] - gd[i]; rel = diff / wc[i]; if (rel < -1e-9 || rel > 1e-9) { print n[i+3] ": tandem " gd[i] ", recomputed " wc[i]; bad = 1 } else print n[i+3] " " gd[i] " ok" }
  if (bad) exit 1; print "all figures agree"
}'
