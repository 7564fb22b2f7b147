#!/usr/bin/env python3
"""Known answers for `tandem geo profile REGION` (2017 against the base 2012), recomputed in pure
Python (standard library only) from the shipped provincial tables' V.csv files
(data/china/provincial_{2012,2017}), and compared with the CSV tandem writes (--top 42: every
present sector). Not through tandem's code; the definitions are docs/cli.md's and
docs/numerics.md's:

  value added of a province and sector = the sum of the V.csv rows (VA001..VA004) of its column,
      a negative sum set to 0; note `YEAR: N negative value-added cell(s) set to 0` for each
      year with N > 0 (2017: 1, Tibet's 16; 2012: none, so no note);
  summary: value added (the row sum), share of all regions (%), rank by value added (1 = the
      largest), value added 2012 and growth 2012-2017 (%), and the region's sums of the three
      shift-share components (below);
  specialisations: the sectors with RCA >= 1, RCA = (X_rs / X_r) / (X_s / X) on the clipped
      2017 matrix, listed by RCA, descending; value added, share (%) of the region's total, RCA,
      and growth (%) = growth of the sector's common sector (below), (end - base) / base x 100;
  shift_share: on the 41 sectors the 2012 and 2017 lists share (2012's 22 and 23 are 2017's 22;
      2012's 24-35 are 2017's 23-34; 2012's 36 is 2017's 35 and 36, as 35-36; the names are
      checked against both manifests), the nation being the sum of all provinces:
      national = base x G, G = national end total / national base total - 1;
      mix = base x (g_s - G), g_s = national growth of sector s;
      competitiveness = change - base x g_s (= base x (g_rs - g_s)); listed by competitiveness,
      descending; every row's base, end, change and the three components.
Tolerance: 1e-11 relative plus 1e-6 absolute (units of 10k CNY; 1e-9 for % and RCA): the
figures are sums and ratios of the same cells, so only the order of the additions differs.

Usage: ka_geo_profile.py TANDEM DATA_CHINA_FOLDER REGION_CODE
Prints "all geo profile figures agree (N figures)" and exits 0, or lists the disagreements
and exits 1.
"""
import csv
import io
import json
import os
import subprocess
import sys


def load(folder, year):
    base = os.path.join(folder, f"provincial_{year}")
    manifest = json.load(open(os.path.join(base, "manifest.json"), encoding="utf-8"))
    with open(os.path.join(base, "V.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    raw = {}
    for row in rows[1:]:
        cells = raw.setdefault(row[0], {})
        for code, v in zip(header[2:], row[2:]):
            cells[code] = cells.get(code, 0.0) + float(v)
    negative = sum(1 for cells in raw.values() for v in cells.values() if v < 0)
    clipped = {r: {s: max(v, 0.0) for s, v in cells.items()} for r, cells in raw.items()}
    return manifest, clipped, negative


def common_of(year, code):
    """The common (41-sector) code of a sector of the 2012 or the 2017 list."""
    k = int(code)
    if year == 2012:
        if k == 23:
            return "22"
        if 24 <= k <= 35:
            return f"{k - 1:02d}"
        if k == 36:
            return "35-36"
        return code
    return "35-36" if k in (35, 36) else code


def main():
    tandem, folder, region = sys.argv[1:4]
    m17, v17, neg17 = load(folder, 2017)
    m12, v12, neg12 = load(folder, 2012)
    sectors = [s["code"] for s in m17["sectors"]]
    # the concordance by code must join sectors of the same name (merged ones aside)
    names12 = {s["code"]: s["name_en"] for s in m12["sectors"]}
    names17 = {s["code"]: s["name_en"] for s in m17["sectors"]}
    for c12, name in names12.items():
        c = common_of(2012, c12)
        if c12 not in ("22", "23", "36") and names17.get(c) != name:
            raise SystemExit(f"concordance: 2012 {c12} {name} is not 2017 {c} {names17.get(c)}")
    name = next(r["name_en"] for r in m17["regions"] if r["code"] == region)

    regions = list(v17)
    total = {r: sum(v17[r].values()) for r in regions}
    grand = sum(total.values())
    by_sector = {s: sum(v17[r][s] for r in regions) for s in sectors}
    rca = {s: (v17[region][s] / total[region]) / (by_sector[s] / grand)
           if by_sector[s] > 0 else None for s in sectors}

    commons = []
    for s in sectors:
        c = common_of(2017, s)
        if c not in commons:
            commons.append(c)
    base = {r: dict.fromkeys(commons, 0.0) for r in regions}
    end = {r: dict.fromkeys(commons, 0.0) for r in regions}
    for r in regions:
        for s, v in v17[r].items():
            end[r][common_of(2017, s)] += v
        for s, v in v12.get(r, {}).items():
            base[r][common_of(2012, s)] += v
    nb = {c: sum(base[r][c] for r in regions) for c in commons}
    ne = {c: sum(end[r][c] for r in regions) for c in commons}
    g_nat = sum(ne.values()) / sum(nb.values()) - 1.0
    g = {c: ne[c] / nb[c] - 1.0 if nb[c] > 0 else 0.0 for c in commons}
    b, e = base[region], end[region]
    national = {c: b[c] * g_nat for c in commons}
    mix = {c: b[c] * (g[c] - g_nat) for c in commons}
    compet = {c: (e[c] - b[c]) - b[c] * g[c] for c in commons}

    def growth(c):
        if b[c] == 0:
            return 0.0 if e[c] == 0 else float("inf")
        return (e[c] - b[c]) / b[c] * 100.0

    proc = subprocess.run([tandem, "geo", "profile", region, "--top", "42", "-f", "csv"],
                          check=True, capture_output=True, text=True)
    tables = {}
    current = None
    for line in proc.stdout.splitlines():
        if line.startswith("# "):
            current = line[2:]
            tables[current] = []
        elif current is not None:
            tables[current].append(line)

    # Amounts are shown in a unit for people named in their label ("value added (CNY bn)");
    # the recomputation is in 10k CNY, the data's unit.
    scale_of = {" (CNY bn)": 1e5, " (CNY M)": 1e2, " (CNY k)": 0.1}

    def in_10k(label, value):
        for suffix, factor in scale_of.items():
            if label.endswith(suffix):
                return label[:-len(suffix)], str(float(value) * factor)
        return label, value

    def table(key, with_header=False):
        rows = [row for row in csv.reader(io.StringIO("\n".join(tables.get(key, [])))) if row]
        if not with_header:
            return rows[1:]
        header, body = rows[0], rows[1:]
        # Each amount column back in 10k CNY, its unit taken off the header.
        out = []
        for row in body:
            out.append([in_10k(h, v)[1] if v != "" and h != in_10k(h, v)[0] else v
                        for h, v in zip(header, row)])
        return out

    bad = []
    compared = 0

    def check(what, got, want, money=True):
        nonlocal compared
        compared += 1
        try:
            ok = abs(float(got) - want) <= 1e-11 * abs(want) + (1e-6 if money else 1e-9)
        except ValueError:
            ok = False
        if not ok:
            bad.append(f"{what}: tandem {got}, recomputed {want!r}")

    summary = dict(in_10k(row[0], row[1]) for row in table("summary"))
    want_summary = [
        ("value added", total[region], True),
        ("share of all regions (%)", total[region] / grand * 100.0, False),
        ("rank by value added", 1 + sum(1 for r in regions if total[r] > total[region]), False),
        ("value added 2012", sum(b.values()), True),
        ("growth 2012-2017 (%)", (total[region] / sum(b.values()) - 1.0) * 100.0, False),
        ("shift-share: national growth", sum(national.values()), True),
        ("shift-share: industry mix", sum(mix.values()), True),
        ("shift-share: competitiveness", sum(compet.values()), True),
    ]
    for label, want, money in want_summary:
        check(f"summary {label}", summary.get(label, ""), want, money)

    present = [s for s in sectors if rca[s] is not None and rca[s] >= 1.0]
    present.sort(key=lambda s: -rca[s])  # stable: ties keep the sector order
    spec = table("specialisations", True)
    if [row[0] for row in spec] != present:
        bad.append(f"specialisations: tandem {[row[0] for row in spec]}, recomputed {present}")
    for row in spec:
        s = row[0]
        if s not in sectors or len(row) != 8:
            bad.append(f"specialisations row {row}")
            continue
        check(f"{s} value added", row[3], v17[region][s])
        check(f"{s} share (%)", row[4], v17[region][s] / total[region] * 100.0, False)
        check(f"{s} RCA", row[5], rca[s], False)
        check(f"{s} growth (%)", row[7], growth(common_of(2017, s)), False)

    order = sorted(commons, key=lambda c: -compet[c])
    shift = table("shift_share", True)
    if [row[0] for row in shift] != order:
        bad.append(f"shift_share order: tandem {[row[0] for row in shift]}, recomputed {order}")
    for row in shift:
        c = row[0]
        if c not in commons or len(row) != 9:
            bad.append(f"shift_share row {row}")
            continue
        for label, got, want in zip(
                ("value added 2012", "value added 2017", "change", "national growth",
                 "industry mix", "competitiveness"),
                row[3:9], (b[c], e[c], e[c] - b[c], national[c], mix[c], compet[c])):
            check(f"{c} {label}", got, want)

    notes = sorted(line for line in proc.stderr.splitlines() if "negative value-added" in line)
    want_notes = sorted(f"note: {y}: {n} negative value-added cell(s) set to 0"
                        for y, n in ((2017, neg17), (2012, neg12)) if n > 0)
    compared += 1
    if notes != want_notes:
        bad.append(f"notes: tandem {notes}, recomputed {want_notes}")

    for line in bad:
        print(line)
    if bad:
        sys.exit(1)
    print(f"{name}: all geo profile figures agree ({compared} figures; "
          f"negative cells 2017 {neg17}, 2012 {neg12})")


main()
