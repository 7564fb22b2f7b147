#!/usr/bin/env python3
"""Known answers for `tandem geo complementarity --china YEAR [--foreign]`: Michaely's trade
complementarity of every ordered pair of provinces, recomputed in pure Python (standard library
only) from the shipped provincial tables' Y.csv, and compared with the CSV tandem writes.

Michaely (1996), "Trade preferential agreements in Latin America: an ex-ante assessment":
  C_jk = 100 (1 - sum_i |m_ik - x_ij| / 2),
x_ij = share of product i in supplier j's outflows (Y.csv column OF; --foreign: EX), m_ik =
share of product i in buyer k's inflows (-IF; --foreign: -IM: uses from outside are stored
negative). A cell of the wrong sign (a negative outflow, a positive inflow: a few in the
published tables) counts as 0, as docs/cli.md's command does. Tolerance: 1e-9 (on 0-100).

Usage: ka_geo_complementarity.py TANDEM TABLE_SET_FOLDER YEAR [--foreign]
Prints "N pairs agree" (and the Heilongjiang -> Anhui value) and exits 0, or lists the
disagreements and exits 1.
"""
import csv
import io
import json
import os
import subprocess
import sys


def main():
    tandem, folder, year = sys.argv[1:4]
    foreign = "--foreign" in sys.argv[4:]
    out_col, in_col = ("EX", "IM") if foreign else ("OF", "IF")
    manifest = json.load(open(os.path.join(folder, "manifest.json"), encoding="utf-8"))
    names = {r["code"]: r["name_en"] for r in manifest["regions"]}
    exports = {}
    imports = {}
    with open(os.path.join(folder, "Y.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    col = {h: k for k, h in enumerate(rows[0])}
    for row in rows[1:]:
        name = names[row[0]]
        exports.setdefault(name, []).append(max(float(row[col[out_col]]), 0.0))
        imports.setdefault(name, []).append(max(-float(row[col[in_col]]), 0.0))
    empty = [r for r in exports if sum(exports[r]) == 0 or sum(imports[r]) == 0]
    if empty:  # Michaely's shares are undefined: 2012's Hubei has no OF/IF, Inner Mongolia no EX/IM
        raise SystemExit(f"{year}: no {out_col}/{in_col} flows for {', '.join(empty)}")
    want = {}
    for j, x in exports.items():
        xs = sum(x)
        for k, m in imports.items():
            if j != k:
                ms = sum(m)
                want[(j, k)] = 100.0 * (1.0 - sum(abs(mi / ms - xi / xs)
                                                  for xi, mi in zip(x, m)) / 2.0)

    cmd = [tandem, "geo", "complementarity", "--china", year, "-f", "csv", "-q"]
    if foreign:
        cmd.append("--foreign")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    got = {(r[0], r[1]): r[2] for r in list(csv.reader(io.StringIO(out)))[1:] if len(r) == 3}
    bad = []
    if set(got) != set(want):
        bad.append(f"pairs: tandem {len(got)}, recomputed {len(want)}")
    for pair, w in want.items():
        g = got.get(pair, "")
        try:
            ok = abs(float(g) - w) <= 1e-9
        except ValueError:
            ok = False
        if not ok:
            bad.append(f"{pair[0]} -> {pair[1]}: tandem {g}, recomputed {w!r}")
    for line in bad[:20]:
        print(line)
    if bad:
        sys.exit(1)
    hl = want.get(("Heilongjiang", "Anhui"))
    print(f"{len(want)} pairs agree; Heilongjiang -> Anhui {hl:.10f}")


main()
