#!/usr/bin/env python3
"""Known answers for `tandem profile`'s multiplier and key-sector tables, recomputed in pure
Python (standard library only: Gauss-Jordan elimination with partial pivoting, no numpy) from
the shipped table set's CSVs, and compared with the CSV tandem writes (--top 42: every sector).

The model is the one docs/numerics.md describes ("Regional model from a provincial table" and
"Miller & Blair measures"), rebuilt here from the definitions, not from tandem's code:
  m_i  = -(IM_i + IF_i) / (row sum of Z_i + FU101 + FU102 + FU103 + FU201 + FU202 + ERR),
         limited to [0, 1] (Y.csv, Z.csv);
  A    = (I - m^) Z x^-1 (x.csv; a near-zero output, <= 1e-9 max x, gives a zero column),
  L    = (I - A)^-1;
  output I_j = column sum of L; value added I_j = sum_i (VA_i / x_i) L_ij (V.csv summed);
  income I_j = sum_i w_i L_ij / w_j with w = VA001 / x;
  households closed (M&B 2.5): A-bar = [A c; w' 0], c_i = (1 - m_i)(FU101_i + FU102_i) / sum VA001;
  output II_j = sum over the n producing rows of column j of (I - A-bar)^-1;
  income II_j = the households-row element of (I - A-bar)^-1, column j, over w_j (M&B's Type II
         income multiplier: a different route from the c' L-bar tandem computes, same value);
  power of dispersion = column sums of L over their mean; sensitivity of dispersion = row sums
         of the Ghosh inverse (I - B)^-1, B = x^-1 (I - m^) Z, over their mean (near-zero
         outputs left out of the means); key sectors: both > 1, listed by power + sensitivity.
The rows are matched to sector codes by their Chinese name (manifest.json); the order of both
tables is checked too (multipliers by output I, descending). Tolerance: relative 1e-9.

Usage: ka_profile_multipliers.py TANDEM TABLE_SET_FOLDER REGION_CODE NAME [PROFILE_OPTION...]
(e.g. --year 2012 with the 2012 folder)
Prints "all multipliers agree (N figures)" and exits 0, or lists the disagreements and exits 1.
"""
import csv
import json
import os
import subprocess
import sys


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def inverse(m):
    """Gauss-Jordan with partial pivoting on a copy of the square matrix m (lists of floats)."""
    n = len(m)
    a = [row[:] + [1.0 if i == j else 0.0 for j in range(n)] for i, row in enumerate(m)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(a[r][col]))
        if a[piv][col] == 0.0:
            raise SystemExit("singular matrix")
        a[col], a[piv] = a[piv], a[col]
        p = a[col][col]
        a[col] = [v / p for v in a[col]]
        for r in range(n):
            if r != col and a[r][col] != 0.0:
                f = a[r][col]
                rc = a[col]
                a[r] = [v - f * w for v, w in zip(a[r], rc)]
    return [row[n:] for row in a]


def main():
    tandem, folder, code, name = sys.argv[1:5]
    options = sys.argv[5:]
    manifest = json.load(open(os.path.join(folder, "manifest.json"), encoding="utf-8"))
    sectors = [s["code"] for s in manifest["sectors"]]
    by_zh = {s["name_zh"]: s["code"] for s in manifest["sectors"]}
    n = len(sectors)
    pos = {s: i for i, s in enumerate(sectors)}

    x = [0.0] * n
    for row in read_rows(os.path.join(folder, "x.csv"))[1]:
        if row[0] == code:
            x[pos[row[1]]] = float(row[2])
    header, rows = read_rows(os.path.join(folder, "Z.csv"))
    z = [[0.0] * n for _ in range(n)]
    for row in rows:
        if row[0] == code:
            z[pos[row[1]]] = [float(v) for v in row[2:]]
    header, rows = read_rows(os.path.join(folder, "Y.csv"))
    col = {h: k for k, h in enumerate(header)}
    imports = [0.0] * n
    local_final = [0.0] * n
    households = [0.0] * n
    for row in rows:
        if row[0] == code:
            i = pos[row[1]]
            v = {h: float(row[k]) for h, k in col.items() if k >= 2}
            imports[i] = -(v["IM"] + v["IF"])
            local_final[i] = sum(v[c] for c in ("FU101", "FU102", "FU103", "FU201", "FU202", "ERR"))
            households[i] = v["FU101"] + v["FU102"]
    header, rows = read_rows(os.path.join(folder, "V.csv"))
    va = [0.0] * n
    comp = [0.0] * n
    for row in rows:
        if row[0] == code:
            for k, h in enumerate(header[2:]):
                va[pos[h]] += float(row[k + 2])
                if row[1] == "VA001":
                    comp[pos[h]] += float(row[k + 2])

    m = []
    for i in range(n):
        use = sum(z[i]) + local_final[i]
        m.append(min(1.0, max(0.0, imports[i] / use)) if use > 0 else 0.0)
    floor = 1e-9 * max(abs(v) for v in x)
    active = [x[j] != 0.0 and abs(x[j]) > floor for j in range(n)]
    inv_x = [1.0 / x[j] if active[j] else 0.0 for j in range(n)]
    zr = [[(1.0 - m[i]) * z[i][j] for j in range(n)] for i in range(n)]
    a = [[zr[i][j] * inv_x[j] for j in range(n)] for i in range(n)]
    leontief = inverse([[(1.0 if i == j else 0.0) - a[i][j] for j in range(n)] for i in range(n)])
    v = [va[i] * inv_x[i] for i in range(n)]
    w = [comp[j] / x[j] if x[j] > 0 else 0.0 for j in range(n)]
    out1 = [sum(leontief[i][j] for i in range(n)) for j in range(n)]
    va1 = [sum(v[i] * leontief[i][j] for i in range(n)) for j in range(n)]
    inc1 = [sum(w[i] * leontief[i][j] for i in range(n)) / w[j] if w[j] != 0 else 0.0
            for j in range(n)]
    income = sum(comp)
    c = [households[i] * (1.0 - m[i]) / income for i in range(n)]
    closed = [a[i] + [c[i]] for i in range(n)] + [w + [0.0]]
    lbar = inverse([[(1.0 if i == j else 0.0) - closed[i][j] for j in range(n + 1)]
                    for i in range(n + 1)])
    out2 = [sum(lbar[i][j] for i in range(n)) for j in range(n)]
    inc2 = [lbar[n][j] / w[j] if w[j] != 0 else 0.0 for j in range(n)]
    b = [[inv_x[i] * zr[i][j] for j in range(n)] for i in range(n)]
    ghosh = inverse([[(1.0 if i == j else 0.0) - b[i][j] for j in range(n)] for i in range(n)])
    forward = [sum(ghosh[i]) if active[i] else 1.0 for i in range(n)]
    count = sum(active)
    bmean = sum(out1[j] for j in range(n) if active[j]) / count
    fmean = sum(forward[j] for j in range(n) if active[j]) / count
    power = [out1[j] / bmean if active[j] else 0.0 for j in range(n)]
    sens = [forward[j] / fmean if active[j] else 0.0 for j in range(n)]

    out = subprocess.run([tandem, "profile", name, *options, "--top", str(n), "-f", "csv", "-q"],
                         check=True, capture_output=True, text=True).stdout
    tables = {}
    current = None
    for line in out.splitlines():
        if line.startswith("# "):
            current = next((t for t in ("output multipliers", "key sectors") if line.endswith(t)),
                           line)
            tables[current] = []
        elif current is not None:
            tables[current].append(line)

    bad = []
    compared = 0

    def check(what, got, want):
        nonlocal compared
        compared += 1
        if got == "" or abs(float(got) - want) > 1e-9 * abs(want):
            bad.append(f"{what}: tandem {got}, recomputed {want!r}")

    def table(key):
        return [row for row in list(csv.reader(tables.get(key, [])))[1:] if len(row) >= 2]

    mult = table("output multipliers")
    order = sorted(range(n), key=lambda j: -out1[j])  # stable: ties keep the sector order
    if len(mult) != n:
        bad.append(f"multipliers table: {len(mult)} rows, expected {n}")
    for k, row in enumerate(mult):
        s = by_zh.get(row[1], "unknown:" + row[1])
        if k < n and s != sectors[order[k]]:
            bad.append(f"multipliers row {k + 1}: tandem {s}, recomputed order {sectors[order[k]]}")
        if s not in pos or len(row) != 8:
            bad.append(f"multipliers row {k + 1}: {row}")
            continue
        j = pos[s]
        for label, got, want in zip(
                ("output I", "output II", "value added I", "income I", "income II",
                 "import share %"),
                row[2:8], (out1[j], out2[j], va1[j], inc1[j], inc2[j], 100.0 * m[j])):
            check(f"{s} {label}", got, want)

    keys = [j for j in range(n) if active[j] and power[j] > 1.0 and sens[j] > 1.0]
    keys.sort(key=lambda j: -(power[j] + sens[j]))
    key_rows = table("key sectors")
    got_keys = [by_zh.get(row[1], "unknown:" + row[1]) for row in key_rows]
    if got_keys != [sectors[j] for j in keys]:
        bad.append(f"key sectors: tandem {got_keys}, recomputed {[sectors[j] for j in keys]}")
    for row in key_rows:
        s = by_zh.get(row[1])
        if s in pos and len(row) == 5:
            j = pos[s]
            check(f"{s} power of dispersion", row[2], power[j])
            check(f"{s} sensitivity of dispersion", row[3], sens[j])

    for line in bad:
        print(line)
    if bad or compared == 0:
        sys.exit(1)
    print(f"all multipliers agree ({compared} figures)")


if __name__ == "__main__":
    main()
