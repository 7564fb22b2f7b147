#!/usr/bin/env python3
"""Known answer of `mrio shock`'s data caution on the shipped China MRIO (Anhui's final demand
x 1.1): every changed final-demand cell changes by exactly 10%, so the note's bound is 10%; the
sectors beyond it, the largest and its base output are recomputed here from the printed delta_x
table and from `mrio show x`, and the premise (negative final demand in the base) from
`mrio show Y`. Usage: ka_mrio_shock_caution.py TANDEM"""
import csv
import io
import json
import re
import subprocess
import sys

tandem = sys.argv[1]


def run(*args):
    return subprocess.run([tandem, *args, "-q"], check=True, capture_output=True, text=True).stdout


tables = json.loads(run("mrio", "shock", "--demand-region", "Anhui", "--scale", "1.1", "-f", "json"))
delta = next(t for t in tables if t["name"] == "delta_x")
notes = [n for n in delta["notes"] if n.startswith("data caution")]
if len(notes) != 1:
    raise SystemExit(f"expected one data caution, found {notes}")
note = notes[0]
m = re.fullmatch(r"data caution: (\d+) sector\(s\) change by more than the largest change of a "
                 r"final-demand cell \(([0-9.]+)%\), which only negative final demand in the base "
                 r"\(inventory drawdowns, net exports\) allows; largest ([^/]+)/(\S+): "
                 r"([+-][0-9.]+)% of a base output of ([0-9.e+]+)", note)
if not m:
    raise SystemExit("note not in the documented form: " + note)
count, bound, region, sector, pct, base = m.groups()

pcts = [(abs(v[1]), v[1], tuple(r)) for r, v in zip(delta["rows"], delta["values"])]
beyond = [p for p in pcts if p[0] > 10.0 * (1 + 1e-9) + 1e-9]
largest = max(beyond)
x = {(row[0], row[1]): float(row[-1])
     for row in csv.reader(io.StringIO(run("mrio", "show", "x", "-f", "csv")))
     if len(row) >= 3 and row[0] not in ("region", "# x") and not row[0].startswith("#")}
negative = sum(1 for row in csv.reader(io.StringIO(run("mrio", "show", "Y", "-f", "csv")))
               if row and not row[0].startswith("#") and row[0] != "region"
               for v in row[2:] if float(v) < 0)

checks = [
    (float(bound) == 10.0, f"bound {bound}% (every Anhui cell x 1.1)"),
    (int(count) == len(beyond), f"count {count} vs {len(beyond)} recomputed"),
    ((region, sector) == largest[2], f"largest {region}/{sector} vs {largest[2]}"),
    (abs(float(pct) - largest[1]) <= 5e-4 * abs(largest[1]), f"pct {pct} vs {largest[1]}"),
    (abs(float(base) - x[largest[2]]) <= 1e-5 * x[largest[2]], f"base {base} vs x {x[largest[2]]}"),
    (negative > 0, f"{negative} negative final-demand cells in the base"),
]
for ok, what in checks:
    if not ok:
        raise SystemExit("FAILED: " + what)
print(f"ok caution: {count} sectors beyond 10%, largest {region}/{sector} {pct}% of {base}; "
      f"{negative} negative final-demand cells")
