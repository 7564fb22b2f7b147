#!/usr/bin/env python3
"""Known answers for `tandem mrio aggregate`: the aggregated system and every footprint
account, recomputed in pure Python (standard library only: Gauss-Jordan inversion, no numpy)
from the pymrio folder's flows, and compared with the folder tandem writes.

The definitions are pymrio's (calc_system, calc_extensions, calc_accounts):
  Z, Y, F, F_Y and population summed over the groups (groups in order of first appearance);
  x = row sums of Z and Y, A = Z x^-1, L = (I - A)^-1, S = F x^-1, S_Y = F_Y over the column
  sums of Y, M = S L;
  Y_diag(i, (r, s)) = sum of region r's final demand columns in row i when i is a product of
  sector s (else 0); x_diag = L Y_diag; D_cba = S x_diag; D_pba = S diag(row sums of x_diag);
  x_trade = x_diag with each region's own block set to 0; D_imp = S x_trade;
  D_exp = S diag(row sums of x_trade);
  *_reg = the columns summed per region, plus F_Y summed per region for cba and pba;
  *_cap = *_reg / population.
Each value is compared within 1e-9 of the largest magnitude of its file.

Usage: ka_mrio_aggregate.py TANDEM PYMRIO_FOLDER REGION_GROUPS SECTOR_GROUPS WORK_FOLDER
(groups comma-separated, as --regions / --sectors). Prints "ok ..." and exits 0, or one
"MISMATCH ..." line per difference and exits 1.
"""
import json
import os
import subprocess
import sys

from ka_profile_multipliers import inverse  # Gauss-Jordan, one copy for the checks

problems = []


def read_table(path, index_columns, header_rows):
    """A pymrio text table: its column labels (tuples), row labels (tuples) and values."""
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    heads = [tuple(lines[h][k] for h in range(header_rows))
             for k in range(index_columns, len(lines[0]))]
    first = header_rows + (1 if header_rows > 1 else 0)  # the row of index names
    body = lines[first:]
    labels = [tuple(row[:index_columns]) for row in body]
    return heads, labels, [[float(v) for v in row[index_columns:]] for row in body]


def matmul(a, b):
    bt = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def group_sum(values, keys, order, axis):
    """Sums rows (axis 0) or columns (axis 1) with equal keys, in the order given."""
    if axis == 1:
        return [list(r) for r in zip(*group_sum([list(c) for c in zip(*values)], keys, order, 0))]
    out = {k: [0.0] * len(values[0]) for k in order}
    for key, row in zip(keys, values):
        out[key] = [u + v for u, v in zip(out[key], row)]
    return [out[k] for k in order]


def unique(seq):
    return list(dict.fromkeys(seq))


def compare(name, folder, expected, index_columns, header_rows):
    _, _, got = read_table(os.path.join(folder, name), index_columns, header_rows)
    scale = max((abs(v) for row in expected for v in row), default=0.0) or 1.0
    if len(got) != len(expected) or any(len(g) != len(e) for g, e in zip(got, expected)):
        problems.append(f"MISMATCH {name}: shape {len(got)}x{len(got[0]) if got else 0}, "
                        f"recomputed {len(expected)}x{len(expected[0])}")
        return 0
    worst = max(abs(g - e) for gr, er in zip(got, expected) for g, e in zip(gr, er))
    if worst > 1e-9 * scale:
        problems.append(f"MISMATCH {name}: largest difference {worst:.3g} "
                        f"(largest value {scale:.6g})")
    return sum(len(r) for r in expected)


def main():
    tandem, source, region_groups, sector_groups, work = sys.argv[1:6]
    out = os.path.join(work, "ka_aggregate")
    subprocess.run([tandem, "mrio", "aggregate", source, "--regions", region_groups, "--sectors",
                    sector_groups, "--precision", "17", "-o", out, "-q"], check=True)

    heads, rows, z = read_table(os.path.join(source, "Z.txt"), 2, 2)
    y_heads, _, y = read_table(os.path.join(source, "Y.txt"), 2, 2)
    regions = unique(r for r, _ in rows)
    sectors = unique(s for _, s in rows)
    region_of = dict(zip(regions, region_groups.split(",")))
    sector_of = dict(zip(sectors, sector_groups.split(",")))
    row_key = [(region_of[r], sector_of[s]) for r, s in rows]
    g_regions, g_sectors = unique(region_of[r] for r in regions), unique(sector_of[s] for s in sectors)
    keys = [(r, s) for r in g_regions for s in g_sectors]
    categories = unique(c for _, c in y_heads)
    y_key = [(region_of[r], c) for r, c in y_heads]
    y_cols = [(r, c) for r in g_regions for c in categories]

    Z = group_sum(group_sum(z, row_key, keys, 0), row_key, keys, 1)
    Y = group_sum(group_sum(y, row_key, keys, 0), y_key, y_cols, 1)
    n, ns = len(keys), len(g_sectors)
    x = [sum(Z[i]) + sum(Y[i]) for i in range(n)]
    A = [[Z[i][j] / x[j] if x[j] else 0.0 for j in range(n)] for i in range(n)]
    L = inverse([[(1.0 if i == j else 0.0) - A[i][j] for j in range(n)] for i in range(n)])
    checked = compare("Z.txt", out, Z, 2, 2) + compare("Y.txt", out, Y, 2, 2)
    checked += compare("x.txt", out, [[v] for v in x], 2, 1)
    checked += compare("A.txt", out, A, 2, 2) + compare("L.txt", out, L, 2, 2)

    _, pop_labels, pop = read_table(os.path.join(source, "population.txt"), 1, 1)
    pop_heads = read_table(os.path.join(source, "population.txt"), 1, 1)[0]
    population = group_sum(pop, [region_of[h[0]] for h in pop_heads], g_regions, 1)[0]
    # Y per region (categories summed), spread on the diagonal of each region's sector block.
    y_reg = group_sum(Y, [r for r, _ in y_cols], g_regions, 1)
    y_diag = [[y_reg[i][k // ns] if k % ns == i % ns else 0.0 for k in range(n)] for i in range(n)]
    x_diag = matmul(L, y_diag)
    x_trade = [[0.0 if i // ns == k // ns else x_diag[i][k] for k in range(n)] for i in range(n)]
    extensions = sorted(e for e in os.listdir(source) if os.path.isdir(os.path.join(source, e)))
    for ext in extensions:
        ki = index_columns(source, ext)
        f_heads, stressors, f = read_table(os.path.join(source, ext, "F.txt"), ki, 2)
        f_key = [(region_of[r], sector_of[s]) for r, s in f_heads]
        F = group_sum(f, f_key, keys, 1)
        S = [[row[j] / x[j] if x[j] else 0.0 for j in range(n)] for row in F]
        M = matmul(S, L)
        path = os.path.join(ext, "{}")
        checked += compare(path.format("F.txt"), out, F, ki, 2)
        checked += compare(path.format("S.txt"), out, S, ki, 2)
        checked += compare(path.format("M.txt"), out, M, ki, 2)
        fy_reg = [[0.0] * len(g_regions) for _ in stressors]
        if os.path.exists(os.path.join(source, ext, "F_Y.txt")):
            fy_heads, _, fy = read_table(os.path.join(source, ext, "F_Y.txt"), ki, 2)
            F_Y = group_sum(fy, [(region_of[r], c) for r, c in fy_heads], y_cols, 1)
            y_sums = [sum(Y[i][k] for i in range(n)) for k in range(len(y_cols))]
            S_Y = [[row[k] / y_sums[k] if y_sums[k] else 0.0 for k in range(len(y_cols))]
                   for row in F_Y]
            checked += compare(path.format("F_Y.txt"), out, F_Y, ki, 2)
            checked += compare(path.format("S_Y.txt"), out, S_Y, ki, 2)
            fy_reg = group_sum(F_Y, [r for r, _ in y_cols], g_regions, 1)
        x_tot = [sum(r) for r in x_diag]
        x_exp = [sum(r) for r in x_trade]
        accounts = {
            "cba": matmul(S, x_diag),
            "pba": [[row[j] * x_tot[j] for j in range(n)] for row in S],
            "imp": matmul(S, x_trade),
            "exp": [[row[j] * x_exp[j] for j in range(n)] for row in S],
        }
        for name, d in accounts.items():
            reg = group_sum(d, [r for r, _ in keys], g_regions, 1)
            if name in ("cba", "pba"):
                reg = [[u + v for u, v in zip(a, b)] for a, b in zip(reg, fy_reg)]
            cap = [[v / p for v, p in zip(row, population)] for row in reg]
            checked += compare(path.format(f"D_{name}.txt"), out, d, ki, 2)
            checked += compare(path.format(f"D_{name}_reg.txt"), out, reg, ki, 1)
            checked += compare(path.format(f"D_{name}_cap.txt"), out, cap, ki, 1)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    first = extensions[0]
    ki = index_columns(source, first)
    _, labels, d = read_table(os.path.join(out, first, "D_cba_reg.txt"), ki, 1)
    print(f"ok {checked} values in {len(extensions)} extension(s), {n} sectors; {first} "
          f"D_cba_reg {'/'.join(labels[0])} " + " ".join(f"{v:.6f}" for v in d[0]))


def index_columns(source, ext):
    """The extension's row label columns, from its file_parameters.json (pymrio's)."""
    with open(os.path.join(source, ext, "file_parameters.json"), encoding="utf-8") as f:
        return int(json.load(f)["files"]["F"]["nr_index_col"])


if __name__ == "__main__":
    main()
