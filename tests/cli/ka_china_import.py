#!/usr/bin/env python3
"""Known answers of the notes `tandem china import` prints, recomputed from the published
provincial tables (python3 standard library only).

Usage: ka_china_import.py TANDEM FROM YEAR WORK
  FROM  the folder of the published tables (io_YEAR.csv, sectors_YEAR.csv)
Runs `tandem china import --year YEAR --from FROM -o WORK/ka_import_YEAR` and checks:
  - "gross output V (below one unit) set to 0": one note per cell of the GO column with
    -1 < V < 0, with V as published, and 0 in the written x.csv;
  - "VA00k of sector secNN was blank: set to TVA minus the other components = V": one note per
    blank value-added cell, V = TVA - the other three components, and V in the written V.csv;
  - "(the published tables balance to about P%)": P = the largest relative imbalance of a row
    (intermediate + final uses = GO, relative to max(|GO|, largest |Z| of the row)) or a
    column (inputs + TVA = TI, TI = GO) of any province, rounded to 0.1 percentage points.
Prints "ok ..." and exits 0, or one "MISMATCH ..." line per difference and exits 1.
"""
import csv
import json
import os
import re
import subprocess
import sys

problems = []


def number(text):
    return float(text) if text.strip() else None


def published(folder, year):
    with open(os.path.join(folder, f"io_{year}.csv"), newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        rows = {(row[1], row[2]): row for row in r}
    return header, rows


def main():
    tandem, source, year, work = sys.argv[1:5]
    out = os.path.join(work, f"ka_import_{year}")
    run = subprocess.run([tandem, "china", "import", "--year", year, "--from", source, "-o", out],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"import failed ({run.returncode}): {run.stderr}")
    notes = run.stderr
    header, rows = published(source, year)
    provinces = list(dict.fromkeys(p for p, _ in rows))
    sectors = [c for c in header[3:] if re.fullmatch(r"sec\d\d", c)]
    go_at = header.index("GO")

    expected = []
    x_zero, va_set = [], []
    worst = 0.0
    for p in provinces:
        for s in sectors:
            row = rows[p, s]
            go = number(row[go_at]) or 0.0
            if -1.0 < go < 0.0:
                expected.append(f"{p} sector {s}: gross output {go!r} (below one unit) set to 0")
                x_zero.append((p, s))
            z = [number(v) or 0.0 for v in row[3:3 + len(sectors)]]
            uses = [number(v) or 0.0 for v in row[3 + len(sectors):go_at]]
            scale = max([abs(go)] + [abs(v) for v in z])
            if scale > 0:
                worst = max(worst, abs(sum(z) + sum(uses) - go) / scale)
        for j, s in enumerate(sectors):
            col = 3 + j
            va = [number(rows[p, f"VA00{k}"][col]) for k in range(1, 5)]
            tva = number(rows[p, "TVA"][col]) or 0.0
            for k, v in enumerate(va):
                if v is None:
                    filled = tva - sum(w for w in va if w is not None)
                    expected.append(f"{p} VA00{k + 1} of sector {s} was blank: set to TVA minus "
                                    f"the other components = {filled:g}")
                    va_set.append((p, s, k, filled))
            inputs = sum(number(rows[p, q][col]) or 0.0 for q in sectors)
            ti = number(rows[p, "TI"][col]) or 0.0
            go = number(rows[p, s][go_at]) or 0.0
            worst = max(worst, abs(inputs + tva - ti) / max(abs(ti), 1.0),
                        abs(ti - go) / max(abs(go), 1.0))

    printed = [line[len("note: "):] for line in notes.splitlines() if line.startswith("note: ")]
    cell_notes = [n for n in printed if "below one unit" in n or "was blank" in n]
    for want in expected:
        m = re.match(r"(.*gross output )(\S+)( .*)", want)
        found = False
        for got in cell_notes:
            g = re.match(r"(.*gross output )(\S+)( .*)", got)
            if m and g and g.group(1) == m.group(1) and g.group(3) == m.group(3):
                found = abs(float(g.group(2)) - float(m.group(2))) <= 1e-12
            elif got == want:
                found = True
            if found:
                break
        if not found:
            problems.append(f"MISMATCH note: recomputed {want!r}, not printed")
    if len(cell_notes) != len(expected):
        problems.append(f"MISMATCH cell notes: printed {len(cell_notes)}, recomputed {len(expected)}")
    m = re.search(r"balance to about ([0-9.]+)%", notes)
    if m and abs(float(m.group(1)) - round(100 * worst, 1)) > 1e-9:
        problems.append(f"MISMATCH 'balance to about': printed {m.group(1)}%, recomputed "
                        f"{100 * worst:.3f}%")

    # The written table set holds the corrected cells.
    with open(os.path.join(out, "x.csv"), newline="", encoding="utf-8") as f:
        x = {(r["region"], r["sector"]): float(r["x"]) for r in csv.DictReader(f)}
    manifest_regions = _manifest_regions(out)
    for p, s in x_zero:
        code = manifest_regions[p]
        if x[code, s[3:]] != 0.0:
            problems.append(f"MISMATCH x.csv {p}/{s}: {x[code, s[3:]]}, expected 0")
    with open(os.path.join(out, "V.csv"), newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        vh = next(r)
        V = {}
        for row in r:
            V[row[0], row[1]] = row
    for p, s, k, filled in va_set:
        row = V[manifest_regions[p], f"VA00{k + 1}"]
        got = float(row[vh.index(s[3:])])
        if abs(got - filled) > 1e-9 * max(1.0, abs(filled)):
            problems.append(f"MISMATCH V.csv {p} VA00{k + 1} {s}: {got}, expected {filled}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    balance = (f"balance to about {100 * worst:.1f}% ({100 * worst:.4f}%)" if m
               else "no balance note")
    print(f"ok {len(expected)} cell notes ({len(x_zero)} outputs set to 0, {len(va_set)} blank "
          f"value added filled); {balance}" + "".join(f"; {e}" for e in expected))


def _manifest_regions(folder):
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    return {r["name_en"]: r["code"] for r in manifest["regions"]}


if __name__ == "__main__":
    main()
