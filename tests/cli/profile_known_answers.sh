#!/usr/bin/env bash
# Recomputes the figures `tandem profile` prints for one province straight from the shipped
# table set's CSVs with awk (not through tandem's code) and compares them with the CSV tandem
# writes (--top 42: every sector), within a relative 1e-9 (1e-9 absolute near zero):
# - size and structure: gross output, value added, compensation (x.csv; V.csv, row VA001),
#   exports, imports, outflow, inflow (Y.csv column sums of EX, -IM, OF, -IF) and the shares of
#   China (the region's sum over all regions' sum; imports and inflow have no share), value
#   added / gross output, primary (sector 01), secondary (sectors 02 up to construction: 27 in
#   the 2017 list, 28 in 2012's) and tertiary (the rest) industry % of VA;
# - largest sectors by value added: the sectors in order of V.csv column sums, their value added,
#   % of the region's total and location quotient (share in the region over the share in the
#   sum of all regions' V, unclipped);
# - highest output multipliers: the import share % of each listed sector, m_i = -(IM + IF) /
#   (row sum of Z + FU101 + FU102 + FU103 + FU201 + FU202 + ERR) (Z.csv, Y.csv; docs/numerics.md,
#   "Regional model"), limited to [0, 1] as src/mrio/regional.cpp does (the limit is not in the
#   docs: in 2017, Heilongjiang's 03, 18, 20, 23, 38 and Anhui's 21, 26 take in more than their
#   local use, ratios 1.007 to 2.49, and print 100); the multipliers: ka_profile_multipliers.py;
# - key sectors: value added share % of each listed sector.
# Printed rows are matched to sector codes by their Chinese name (manifest.json).
# Usage: profile_known_answers.sh TANDEM TABLE_SET_FOLDER REGION_CODE NAME [PROFILE_OPTION...]
# (e.g. --year 2012 with the 2012 folder)
set -euo pipefail
tandem=$1 set=$2 code=$3 name=$4
shift 4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Expected: "key value" lines, every sector of the region.
awk -F, -v code="$code" '
  FILENAME ~ /manifest.json$/ {
    # the sector entries: "code": "NN" followed by its "name_zh"
    if ($0 ~ /"code": "[0-9][0-9]"/) { c = $0; sub(/.*"code": "/, "", c); sub(/".*/, "", c) }
    else if ($0 ~ /"name_en": "Construction/ && c != "") construction = c
    else if ($0 ~ /"name_zh":/ && c != "") { z = $0; sub(/.*"name_zh": "/, "", z); sub(/".*/, "", z); zh[z] = c; sectors[++ns] = c; c = "" }
    next
  }
  FILENAME ~ /x.csv$/ && FNR > 1 { all_x += $3; if ($1 == code) x += $3; next }
  FILENAME ~ /V.csv$/ && FNR == 1 { for (i = 3; i <= NF; ++i) vcode[i] = $i; next }
  FILENAME ~ /V.csv$/ {
    for (i = 3; i <= NF; ++i) {
      all_va += $i; china_s[vcode[i]] += $i
      if ($1 == code) { va += $i; reg_s[vcode[i]] += $i; if ($2 == "VA001") ce += $i; if (vcode[i] == "01") prim += $i; else if (vcode[i] <= construction) sec += $i }
    }
    next
  }
  FILENAME ~ /Z.csv$/ && FNR > 1 && $1 == code { for (i = 3; i <= NF; ++i) zrow[$2] += $i; next }
  FILENAME ~ /Y.csv$/ && FNR == 1 { for (i = 3; i <= NF; ++i) ycol[$i] = i; next }
  FILENAME ~ /Y.csv$/ {
    all_ex += $ycol["EX"]; all_of += $ycol["OF"]
    if ($1 != code) next
    ex += $ycol["EX"]; im -= $ycol["IM"]; of += $ycol["OF"]; inf -= $ycol["IF"]
    imports[$2] = -($ycol["IM"] + $ycol["IF"])
    use[$2] = $ycol["FU101"] + $ycol["FU102"] + $ycol["FU103"] + $ycol["FU201"] + $ycol["FU202"] + $ycol["ERR"]
    next
  }
  END {
    printf "go %.17g\ngo_share %.17g\nva %.17g\nva_share %.17g\nce %.17g\n", x, 100 * x / all_x, va, 100 * va / all_va, ce
    printf "ex %.17g\nex_share %.17g\nim %.17g\nim_share NA\nof %.17g\nof_share %.17g\nif %.17g\nif_share NA\n", ex, 100 * ex / all_ex, im, of, 100 * of / all_of, inf
    printf "rate %.17g\nprim %.17g\nsec %.17g\ntert %.17g\n", 100 * va / x, 100 * prim / va, 100 * sec / va, 100 * (va - prim - sec) / va
    for (k = 1; k <= ns; ++k) {
      s = sectors[k]
      u = zrow[s] + use[s]; m = u > 0 ? imports[s] / u : 0; if (m < 0) m = 0; if (m > 1) m = 1
      if (u > 0 && imports[s] > u * (1 + 1e-9)) capped = capped (capped == "" ? "" : ", ") s
      printf "imp_%s %.17g\nvashare_%s %.17g\n", s, 100 * m, s, 100 * reg_s[s] / va
    }
    # largest sectors: descending value added, ties in sector order (a stable sort)
    for (k = 1; k <= ns; ++k) { best = 0; for (j = 1; j <= ns; ++j) if (!(j in taken) && (best == 0 || reg_s[sectors[j]] > reg_s[sectors[best]])) best = j
      taken[best] = 1; s = sectors[best]
      printf "lg%d_code %s\nlg%d_va %.17g\nlg%d_pct %.17g\nlg%d_lq %.17g\n", k, s, k, reg_s[s], k, 100 * reg_s[s] / va, k, (reg_s[s] / va) / (china_s[s] / all_va) }
    for (z in zh) printf "zh_%s %s\n", z, zh[z]
    printf "capped %s\n", capped
  }
' "$set/manifest.json" "$set/x.csv" "$set/V.csv" "$set/Z.csv" "$set/Y.csv" > "$work/want"

# Printed: the same keys from tandem's CSV (quoted English names replaced by Q; column 2 is the
# Chinese name, mapped to the code with the zh_ lines of the expected file).
"$tandem" profile "$name" "$@" --top 42 -f csv -q > "$work/profile.csv"
sed 's/"[^"]*"/Q/g' "$work/profile.csv" | awk -F, '
  BEGIN { OFMT = "%.17g" }
  FNR == NR { split($0, f, " "); if (f[1] ~ /^zh_/) zh[substr(f[1], 4)] = f[2]; next }
  /^# / { sec = $0; next }
  # Amounts are shown in a unit for people, named in the label (CNY bn, M or k): back to 10k CNY.
  function in_10k(label, v) { return label ~ /\(CNY bn\)$/ ? v * 1e5 : label ~ /\(CNY M\)$/ ? v * 100 : label ~ /\(CNY k\)$/ ? v / 10 : v }
  sec ~ /size and structure$/ {
    if ($1 ~ /^Gross output/) { print "go", in_10k($1, $3); print "go_share", $4 }
    if ($1 ~ /^Value added \(GDP\)/) { print "va", in_10k($1, $3); print "va_share", $4 }
    if ($1 ~ /^Compensation of employees/) print "ce", in_10k($1, $3)
    if ($1 ~ /^Exports/) { print "ex", in_10k($1, $3); print "ex_share", $4 }
    if ($1 ~ /^Imports/) { print "im", in_10k($1, $3); print "im_share", ($4 == "" ? "NA" : $4) }
    if ($1 ~ /^Outflow to other provinces/) { print "of", in_10k($1, $3); print "of_share", $4 }
    if ($1 ~ /^Inflow from other provinces/) { print "if", in_10k($1, $3); print "if_share", ($4 == "" ? "NA" : $4) }
    if ($1 == "Value added / gross output %") print "rate", $3
    if ($1 == "Primary industry % of VA") print "prim", $3
    if ($1 == "Secondary industry % of VA") print "sec", $3
    if ($1 == "Tertiary industry % of VA") print "tert", $3
  }
  sec ~ /largest sectors by value added$/ && $1 == "sector" { va_label = $3; next }
  sec ~ /largest sectors by value added$/ && $2 != "name_zh" {
    ++k; print "lg" k "_code", ($2 in zh ? zh[$2] : "unknown:" $2); print "lg" k "_va", in_10k(va_label, $3); print "lg" k "_pct", $4; print "lg" k "_lq", $5
  }
  sec ~ /highest output multipliers$/ && $2 != "name_zh" { ++nm; print "imp_" ($2 in zh ? zh[$2] : "unknown:" $2), $8 }
  sec ~ /key sectors$/ && $2 != "name_zh" { ++nk; print "vashare_" ($2 in zh ? zh[$2] : "unknown:" $2), $5 }
  END { print "count_largest", k + 0; print "count_multipliers", nm + 0; print "count_key", nk + 0 }
' "$work/want" - > "$work/got"

# The data caution under the multipliers names the sectors whose imports and inflows exceed
# their local use (import share capped at 100%), in sector order.
want_capped=$(sed -n 's/^capped //p' "$work/want")
got_capped=$("$tandem" profile "$name" "$@" -q | sed -n 's/^note: data caution: [0-9]* sector(s) (\([^)]*\)) draw more.*/\1/p')
if [[ "$want_capped" != "$got_capped" ]]; then
  echo "capped import shares: tandem '$got_capped', recomputed '$want_capped'"
  exit 1
fi
echo "capped import shares agree: ${want_capped:-none}"

# Compare: every printed key must have its expected value; the three tables list every sector
# (42) but the key sectors, of which there must be at least one.
awk '
  FNR == NR { want[$1] = $2; next }
  $1 == "count_largest" || $1 == "count_multipliers" { if ($2 != 42) { print $1 ": " $2 " rows, expected 42"; bad = 1 } ; next }
  $1 == "count_key" { if ($2 < 1) { print "no key sectors"; bad = 1 } ; next }
  {
    ++n
    if (!($1 in want)) { print $1 ": tandem " $2 ", nothing recomputed"; bad = 1; next }
    w = want[$1]; g = $2
    if ($1 ~ /_code$/ || w == "NA") { if (g != w) { print $1 ": tandem " g ", recomputed " w; bad = 1 } ; next }
    d = w - g; if (d < 0) d = -d; t = w < 0 ? -w : w
    if (g == "" || d > 1e-9 * t && d > 1e-9) { print $1 ": tandem " g ", recomputed " w; bad = 1 }
  }
  END { if (bad) exit 1; print n " figures compared; all figures agree" }
' "$work/want" "$work/got"
