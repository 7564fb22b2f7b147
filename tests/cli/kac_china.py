#!/usr/bin/env python3
"""Known answers of `tandem china build`, recomputed independently (python3 standard library).

Usage: kac_china.py CHECK LOG DATA OUT
  LOG  the build's terminal output (stdout + stderr of `tandem china build ... -o OUT`)
  DATA the shipped data folder (data/, holding china/provincial_2017, china/employment.csv)
  OUT  the build's output folder

Every figure is recomputed here from the shipped provincial tables (the published cells) or,
for the identities that measure the assembled MRIO, from the MRIO files the build wrote, with
code of its own (no tandem library), and compared with what the build printed (its log,
rounded as printed) and with build_log.json / identities.csv (full precision). Prints
"ok CHECK ..." and exits 0 when everything agrees; otherwise one "MISMATCH ..." line per
difference and exit 1.

Checks (docs/known-answers.md, Gaps):
  employment  35: `employment: N (10k persons)` = the TOT row of employment.csv for the year,
              and the written employment extension sums to it.
  rules       8, 36: fired and moved of every rule of the rules table.
  ras         7: RAS iterations (most over the products) and the largest margin error: the
              gravity model and RAS rerun here.
  totals      9: inflows / outflows estimated total / official total - 1, foreign imports
              allocated / official - 1.
  deviations  10: inflows / outflows by (product, province) sum abs(estimated - official) /
              official total; discrepancy column sum abs / gross output.
  colsum      11: largest column sum of A.
  gaps        37: column gap (the published tables' own column balance), row gap (a bound:
              roundoff).
  assembly    the flows (gravity + RAS) against trade_flows.csv, and Z, Y, F, F_Y assembled
              from them (Chenery-Moses) against the MRIO written.
  radius      37: spectral radius of A (Collatz-Wielandt bracket, 1e-6 relative).
"""
import csv
import json
import math
import operator
import os
import re
import sys

FINAL_USES = ["FU101", "FU102", "FU103", "FU201", "FU202"]
YEAR = 2017

problems = []


def mismatch(what, printed, expected):
    problems.append(f"MISMATCH {what}: printed {printed}, recomputed {expected}")


def close(a, b, rel, abs_=0.0):
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), abs_)


def check_close(what, printed, expected, rel, abs_=0.0):
    if not close(printed, expected, rel, abs_):
        mismatch(what, repr(printed), repr(expected))


def check_rounded(what, printed_text, expected, digits_kind):
    """A printed figure (`{:.1f}` or `{:.3g}`) against the recomputed value: equal within half
    a unit of the last printed digit (and a hair for the binary representation)."""
    printed = float(printed_text)
    if digits_kind == "1f":
        half = 0.05
    else:  # 3 significant digits
        if expected == 0.0:
            half = 0.0
        else:
            half = 0.5 * 10 ** (math.floor(math.log10(abs(expected))) - 2)
    if abs(printed - expected) > half * (1 + 1e-6) + 1e-300:
        mismatch(what, printed_text, repr(expected))


# ---------------------------------------------------------------------------------------------
# The shipped provincial tables, read here with the csv module.

def read_tables(data):
    folder = os.path.join(data, "china", f"provincial_{YEAR}")
    manifest = json.load(open(os.path.join(folder, "manifest.json"), encoding="utf-8"))
    regions = [r["code"] for r in manifest["regions"]]
    sectors = [s["code"] for s in manifest["sectors"]]

    def rows(name):
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
            r = csv.reader(f)
            header = next(r)
            return header, [row for row in r]

    x = {}
    _, xr = rows("x.csv")
    for reg, sec, v in xr:
        x[reg, sec] = float(v)
    Z = {}
    zh, zr = rows("Z.csv")
    assert zh[2:] == sectors
    for row in zr:
        Z[row[0], row[1]] = [float(v) for v in row[2:]]
    Y = {}
    yh, yr = rows("Y.csv")
    for row in yr:
        Y[row[0], row[1]] = dict(zip(yh[2:], (float(v) for v in row[2:])))
    V = {}
    vh, vr = rows("V.csv")
    for row in vr:
        V.setdefault(row[0], []).append([float(v) for v in row[2:]])
    return regions, sectors, x, Z, Y, V


def capitals(data):
    out = {}
    with open(os.path.join(data, "china", "capitals.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[row["gb_code"]] = (float(row["latitude"]), float(row["longitude"]))
    return out


def km(a, b):
    (la1, lo1), (la2, lo2) = a, b
    k = math.pi / 180
    h = (math.sin((la2 - la1) * k / 2) ** 2
         + math.cos(la1 * k) * math.cos(la2 * k) * math.sin((lo2 - lo1) * k / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


# ---------------------------------------------------------------------------------------------
# The build's rules, recomputed from the published cells (docs/china-mrio.md, the rules table).

# A rule whose condition compares two computed figures (a sum of cells against another) is
# decided by roundoff when they are equal in exact arithmetic: transit netting, for one, brings
# a province's inflow to exactly its domestic use (in - (OF + EX + ERR - x) = uses - IM by the
# row balance). Such ties (within 1e-9 relative) are counted apart: the printed count must lie
# between the sure firings and the sure firings plus the ties.
TIE = 1e-9


def exceeds(a, b):
    """a > b: "yes", "no", or "tie" when they agree to TIE relative (roundoff decides)."""
    if abs(a - b) <= TIE * max(abs(a), abs(b), 1.0):
        return "tie"
    return "yes" if a > b else "no"


class Rules:
    def __init__(self):
        self.fired = {}
        self.ties = {}
        self.moved = {}
        self.margins = {}
        self.flows = {}  # product -> flows[r][s] from origin r to destination s (with RAS)
        self.mu = None  # mu[i][r]: foreign import share of product i's uses in r

    def fire(self, rule, amount, verdict="yes"):
        if verdict == "no":
            return
        if verdict == "tie":
            self.ties[rule] = self.ties.get(rule, 0) + 1
        else:
            self.fired[rule] = self.fired.get(rule, 0) + 1
        self.moved[rule] = self.moved.get(rule, 0.0) + abs(amount)


def recompute(data, with_ras=True):
    regions, sectors, x, Z, Y, V = read_tables(data)
    rules = Rules()
    nr, n = len(regions), len(sectors)
    outflow = [[0.0] * nr for _ in range(n)]
    drawn = [[0.0] * nr for _ in range(n)]
    phi = [[0.0] * nr for _ in range(n)]
    mu = [[0.0] * nr for _ in range(n)]
    net_use = [[0.0] * nr for _ in range(n)]
    for r, reg in enumerate(regions):
        for i, sec in enumerate(sectors):
            y = Y[reg, sec]
            z = Z[reg, sec]
            of, inflow, im = y["OF"], -y["IF"], -y["IM"]
            if of < -0.5:
                raise SystemExit(f"{reg}/{sec}: negative outflow {of}")
            # negative-trade-cell: a trade cell of the wrong sign is set to 0.
            vals = []
            for v in (of, inflow, im):
                if v < 0:
                    rules.fire("negative-trade-cell", v)
                    v = 0.0
                vals.append(v)
            of, inflow, im = vals
            fu = [y[k] for k in FINAL_USES]
            use_pos = sum(max(0.0, v) for v in z) + sum(max(0.0, v) for v in fu)
            use_net = sum(z) + sum(fu)
            # imports-exceed-use: the import share of the positive uses capped at 1.
            m = 0.0
            if im > 0:
                rules.fire("imports-exceed-use", im - use_pos, exceeds(im, use_pos))
                if im > use_pos:
                    m = 1.0
                else:
                    m = im / use_pos
            mu[i][r] = m
            # transit-netted: local = x - EX - OF - ERR < 0 -> min(-local, IF, OF) passes through.
            local = x[reg, sec] - y["EX"] - of - y.get("ERR", 0.0)
            if local < 0:
                d = max(0.0, min(-local, inflow, of))
                if d > 0:
                    rules.fire("transit-netted", d)
                    inflow -= d
                    of -= d
            outflow[i][r] = of
            domestic = (1 - m) * use_pos
            f = 0.0
            if inflow > 0:
                rules.fire("inflows-exceed-domestic-use", inflow - domestic,
                           exceeds(inflow, domestic))
                if inflow > domestic:
                    f = 1.0 if domestic > 0 else 0.0
                else:
                    f = inflow / domestic
            phi[i][r] = f
            drawn[i][r] = f * (1 - m) * max(0.0, use_net)
            net_use[i][r] = use_net
            if x[reg, sec] >= 0:
                rules.fire("outflow-and-exports-exceed-output", of + y["EX"] - x[reg, sec],
                           exceeds(of + y["EX"], x[reg, sec]))
            if y.get("ERR", 0.0) != 0:
                rules.fire("discrepancy-column", y["ERR"])
            for v in z + fu:
                if v < 0:
                    rules.fire("negative-use-split", v)
        for j in range(n):
            va = sum(row[j] for row in V[reg])
            if va < 0:
                rules.fire("negative-value-added", va)
    cap = capitals(data)
    decay = [[0.0 if r == s else 1.0 / km(cap[regions[r]], cap[regions[s]]) for s in range(nr)]
             for r in range(nr)]
    most_iterations, worst = 0, 0.0
    for i in range(n):
        a = outflow[i][:]
        b = drawn[i][:]
        for s in range(nr):
            if b[s] > 0 and sum(a) - a[s] <= 0:
                rules.fire("inflow-without-source", b[s])
                b[s] = 0.0
                phi[i][s] = 0.0
                drawn[i][s] = 0.0
        for r in range(nr):
            if a[r] > 0 and sum(b) - b[r] <= 0:
                rules.fire("outflow-without-buyer", a[r])
                a[r] = 0.0
        sa, sb = sum(a), sum(b)
        if not (sa > 0 and sb > 0):
            # No trade in the product: a destination still drawing an inflow has no source.
            for s in range(nr):
                if drawn[i][s] > 0:
                    rules.fire("inflow-without-source", drawn[i][s])
            continue
        rules.fire("margin-imbalance", 0.5 * (sa - sb),
                   "tie" if exceeds(sa, sb) == "tie" else "yes" if sa != sb else "no")
        total = 0.5 * (sa + sb)
        ra = [v * total / sa for v in a]
        rb = [v * total / sb for v in b]
        capped = False
        for s in range(nr):
            if b[s] <= 0:
                continue
            domestic = (1 - mu[i][s]) * max(0.0, net_use[i][s])
            f = phi[i][s] * total / sb
            rules.fire("balance-cap", (f - 1) * domestic, exceeds(f, 1.0))
            capped = capped or f > 1.0
            drawn[i][s] = min(1.0, f) * domestic
        # The margins of the product's flows: origins sell ra (when no destination is capped),
        # destinations draw what their uses take after the balancing.
        rules.margins[sectors[i]] = (ra, drawn[i][:], capped, total)
        if not with_ras:
            continue
        # RAS on the gravity seed, per product (Bacharach): rows to ra, columns to rb, until
        # the largest relative row error is at most 1e-12.
        t = [[ra[r] * rb[s] * decay[r][s] for s in range(nr)] for r in range(nr)]
        tot = sum(ra)
        err = 0.0
        it = 0
        while it < 10000:
            for r in range(nr):
                rs = sum(t[r])
                if rs > 0:
                    k = ra[r] / rs
                    t[r] = [v * k for v in t[r]]
            for s in range(nr):
                cs = sum(t[r][s] for r in range(nr))
                if cs > 0:
                    k = rb[s] / cs
                    for r in range(nr):
                        t[r][s] *= k
            err = max(abs(sum(t[r]) - ra[r]) for r in range(nr)) / tot
            it += 1
            if err <= 1e-12:
                break
        most_iterations = max(most_iterations, it)
        worst = max(worst, err)
        # The flows: destination s draws drawn[i][s], from the origins in the shares of
        # column s of the fitted table.
        flows = [[0.0] * nr for _ in range(nr)]
        for s in range(nr):
            cs = sum(t[r][s] for r in range(nr))
            if cs > 0:
                for r in range(nr):
                    flows[r][s] = t[r][s] / cs * drawn[i][s]
        rules.flows[sectors[i]] = flows
    rules.mu = mu
    return rules, most_iterations, worst


# ---------------------------------------------------------------------------------------------
# The printed log.

def printed_rules(log):
    out = {}
    for m in re.finditer(r"^\| ([a-z-]+) \| (\d+) \| ([0-9.]+) \| ", log, re.M):
        out[m.group(1)] = (int(m.group(2)), m.group(3))
    return out


def printed_identity(log, label):
    for line in log.splitlines():
        if line.startswith("| " + label + " |"):
            return line.rsplit("|", 2)[-2].strip()
    raise SystemExit(f"no identity '{label}' in the log")


def json_identity(out, label):
    log = json.load(open(os.path.join(out, "build_log.json"), encoding="utf-8"))
    for e in log["identities"]:
        if e["identity"] == label:
            return e["residual"]
    raise SystemExit(f"no identity '{label}' in build_log.json")


# ---------------------------------------------------------------------------------------------
# The written MRIO (tandem format), read with the csv module.

def read_matrix(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        labels, rows = [], []
        for row in r:
            labels.append(row[:2])
            rows.append([float(v) for v in row[2:]])
    return header[2:], labels, rows


def read_extension(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        return header[1:], {row[0]: [float(v) for v in row[1:]] for row in r}


def official_x(data, labels=None):
    """The published gross output, in the order of the MRIO's row labels (region name, sector)
    when given."""
    regions, sectors, x, _, _, _ = read_tables(data)
    if labels is None:
        return [x[reg, sec] for reg in regions for sec in sectors]
    code = name_to_code(data)
    return [x[code[name], sec] for name, sec in labels]


def region_of(label):
    return label.split("/", 1)[0]


def mrio_trade(out, data):
    """Inflows and outflows of the written MRIO by (product, province): the off-diagonal blocks
    of Z and of the five domestic final-use columns of Y."""
    cols, labels, Z = read_matrix(os.path.join(out, "tandem", "Z.csv"))
    ycols, ylabels, Yrows = read_matrix(os.path.join(out, "tandem", "Y.csv"))
    names = [c.split("/", 1)[1] for c in ycols]
    regions, sectors, x, _, Y, _ = read_tables(data)
    manifest = json.load(open(os.path.join(data, "china", f"provincial_{YEAR}", "manifest.json"),
                              encoding="utf-8"))
    domestic_fu = {f["name_en"] for f in manifest["final_use"] if f["code"] in FINAL_USES}
    est_in, est_out = {}, {}
    col_region = [region_of(c) for c in cols]
    ycol_region = [region_of(c) for c in ycols]
    ycol_keep = [nm in domestic_fu for nm in names]
    for k, (reg, sec) in enumerate(labels):
        for j, v in enumerate(Z[k]):
            if v != 0.0 and col_region[j] != reg:
                est_out[reg, sec] = est_out.get((reg, sec), 0.0) + v
                est_in[col_region[j], sec] = est_in.get((col_region[j], sec), 0.0) + v
        for j, v in enumerate(Yrows[k]):
            if v != 0.0 and ycol_keep[j] and ycol_region[j] != reg:
                est_out[reg, sec] = est_out.get((reg, sec), 0.0) + v
                est_in[ycol_region[j], sec] = est_in.get((ycol_region[j], sec), 0.0) + v
    return est_in, est_out, (cols, labels, Z), (ycols, ylabels, Yrows, names)


def name_to_code(data):
    manifest = json.load(open(os.path.join(data, "china", f"provincial_{YEAR}", "manifest.json"),
                              encoding="utf-8"))
    return {r["name_en"]: r["code"] for r in manifest["regions"]}


# ---------------------------------------------------------------------------------------------

def check_employment(log, data, out):
    # The 42 sectors cover the whole economy: every GB/T 4754 section of employment.csv once,
    # by its divisions where the 42-sector list splits it (B mining: sectors 02-05, C
    # manufacturing: 06-23, D utilities: 24-26, M research and technical services: 35-36).
    # The published divisions and sections do not add up exactly to the TOT row (the sections
    # of 2017 sum to 77638.68 against 77640, M's divisions to 867 against 866): the printed
    # figure is this sum rounded, within half a unit of TOT.
    with open(os.path.join(data, "china", "employment.csv"), newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        col = header.index(str(YEAR))
        rows = {row[0]: float(row[col]) for row in r}
    split = {"B", "C", "D", "M"}
    total = 0.0
    for code, v in rows.items():
        if len(code) == 1 and code not in split:
            total += v
        elif len(code) > 1 and code != "TOT" and code[0] in split:
            total += v
    m = re.search(r"employment: (\d+) \(10k persons\) in (\d+)", log)
    if not m:
        raise SystemExit("no employment line in the log")
    if int(m.group(2)) != YEAR or int(m.group(1)) != round(total):
        mismatch("employment", m.group(1), total)
    if abs(int(m.group(1)) - rows["TOT"]) > 0.5:
        mismatch("employment against the TOT row", m.group(1), rows["TOT"])
    _, F = read_extension(os.path.join(out, "tandem", "employment", "F.csv"))
    written = math.fsum(next(iter(F.values())))
    check_close("employment extension total", written, total, 1e-9)
    return (f"employment {m.group(1)}: sections {total:.2f}, TOT {rows['TOT']:.0f}, "
            f"extension {written:.2f}")


def check_rules(log, data, out):
    rules, _, _ = recompute(data, with_ras=False)
    shown = printed_rules(log)
    full = {e["id"]: e for e in json.load(open(os.path.join(out, "build_log.json")))["rules"]}
    if set(shown) != set(full) or len(shown) != 12:
        mismatch("rule ids", sorted(shown), sorted(full))
    parts = []
    for rule, (fired, moved_text) in shown.items():
        want_f = rules.fired.get(rule, 0)
        ties = rules.ties.get(rule, 0)
        want_m = rules.moved.get(rule, 0.0)
        # The build counts a rule only beyond a 1e-9 relative excess, so ties never fire.
        want_text = f"{want_f}"
        if fired != want_f:
            mismatch(f"{rule} fired", fired, want_text)
        if full[rule]["fired"] != want_f:
            mismatch(f"{rule} fired (build_log.json)", full[rule]["fired"], want_text)
        # A tie moves no more than roundoff: 1e-6 for each is generous.
        check_rounded(f"{rule} moved", moved_text, want_m, "1f")
        check_close(f"{rule} moved (build_log.json)", full[rule]["moved"], want_m, 1e-12,
                    1e-6 * (1 + ties))
        parts.append(f"{rule} {fired} ({want_text}) {want_m:.1f}")
    return "; ".join(parts)


def check_ras(log, data, out):
    rules, iterations, worst = recompute(data)
    regions = read_tables(data)[0]
    # The written flows (trade_flows.csv) against the margins: each destination draws exactly
    # its balanced inflow; where no destination was capped, each origin sells its scaled
    # outflow to within the RAS error.
    rows, cols = {}, {}
    with open(os.path.join(out, "trade_flows.csv"), newline="") as f:
        for row in csv.DictReader(f):
            v = float(row["value"])
            rows[row["product"], row["from"]] = rows.get((row["product"], row["from"]), 0.0) + v
            cols[row["product"], row["to"]] = cols.get((row["product"], row["to"]), 0.0) + v
    uncapped = 0
    for sec, (ra, drawn, capped, total) in rules.margins.items():
        for k, reg in enumerate(regions):
            if abs(cols.get((sec, reg), 0.0) - drawn[k]) > 1e-12 * total:
                mismatch(f"trade_flows.csv inflow of {reg} in {sec}", cols.get((sec, reg), 0.0),
                         drawn[k])
            if not capped and abs(rows.get((sec, reg), 0.0) - ra[k]) > 2e-12 * total:
                mismatch(f"trade_flows.csv outflow of {reg} in {sec}", rows.get((sec, reg), 0.0),
                         ra[k])
        uncapped += not capped
    m = re.search(r"RAS: at most (\d+) iterations per product, largest margin error ([0-9.e+-]+)",
                  log)
    if not m:
        raise SystemExit("no RAS line in the log")
    if int(m.group(1)) != iterations:
        mismatch("RAS iterations", m.group(1), iterations)
    # Printed with 3 significant digits ({:.2e}); the rerun agrees to about 1e-4 relative
    # (roundoff of the row sums against a 1e-12 margin).
    if not close(float(m.group(2)), worst, 0.01):
        mismatch("RAS largest margin error", m.group(2), worst)
    if not float(m.group(2)) <= 1e-12:
        mismatch("RAS largest margin error above the tolerance 1e-12", m.group(2), "<= 1e-12")
    return (f"RAS {iterations} iterations, error {worst:.3e}; flows on the margins "
            f"({len(rules.margins)} products, {uncapped} without a capped destination)")


LABEL_IN_TOTAL = "inflows: estimated total / official total - 1"
LABEL_OUT_TOTAL = "outflows: estimated total / official total - 1"
LABEL_IMPORTS = "foreign imports: allocated total / official total - 1"
LABEL_IN_DEV = ("inflows by destination and product: sum abs(estimated - official) / official "
                "total")
LABEL_OUT_DEV = "outflows by origin and product: sum abs(estimated - official) / official total"
LABEL_DISC = "discrepancy column: sum of abs(cells) / gross output"
LABEL_COLSUM = "largest column sum of A"
LABEL_COLGAP = ("inputs + imports + value added = official gross output (largest relative gap "
                "per column; the published tables' own column balance)")
LABEL_ROWGAP = ("sales incl. the discrepancy column = official gross output (largest relative "
                "gap per row)")
LABEL_RHO = "spectral radius of A (productive if < 1)"


def compare_identity(log, out, label, value, rel=1e-9, abs_=0.0):
    check_rounded(label, printed_identity(log, label), value, "3g")
    check_close(label + " (build_log.json)", json_identity(out, label), value, rel, abs_)


def official_trade(data):
    """The published inflows, outflows and imports by (province, product), trade cells of the
    wrong sign set to 0 (the negative-trade-cell rule), before any other rule."""
    regions, sectors, _, _, Y, _ = read_tables(data)
    off_in, off_out, off_im = {}, {}, {}
    for reg in regions:
        for sec in sectors:
            y = Y[reg, sec]
            off_in[reg, sec] = max(0.0, -y["IF"])
            off_out[reg, sec] = max(0.0, y["OF"])
            off_im[reg, sec] = max(0.0, -y["IM"])
    return off_in, off_out, off_im


def check_totals(log, data, out):
    est_in, est_out, _, _ = mrio_trade(out, data)
    off_in, off_out, off_im = official_trade(data)
    tin = math.fsum(est_in.values())
    tout = math.fsum(est_out.values())
    r_in = tin / math.fsum(off_in.values()) - 1
    r_out = tout / math.fsum(off_out.values()) - 1
    # Imports the MRIO allocates: the "Imports" row of the factor inputs (F and F_Y).
    _, F = read_extension(os.path.join(out, "tandem", "factor_inputs", "F.csv"))
    _, FY = read_extension(os.path.join(out, "tandem", "factor_inputs", "F_Y.csv"))
    allocated = math.fsum(F["Imports"]) + math.fsum(FY["Imports"])
    r_im = allocated / math.fsum(off_im.values()) - 1
    # Independently of the MRIO files: the trade flows written by product sum to the same
    # inter-provincial total (every flow is drawn by a use).
    with open(os.path.join(out, "trade_flows.csv"), newline="") as f:
        flows = math.fsum(float(row["value"]) for row in csv.DictReader(f)
                          if row["from"] != row["to"])
    check_close("inter-provincial total: MRIO blocks vs trade_flows.csv", tin, flows, 1e-9)
    compare_identity(log, out, LABEL_IN_TOTAL, r_in)
    compare_identity(log, out, LABEL_OUT_TOTAL, r_out)
    compare_identity(log, out, LABEL_IMPORTS, r_im)
    return f"inflows {r_in:.6g}, outflows {r_out:.6g}, imports {r_im:.6g}"


def check_deviations(log, data, out):
    est_in, est_out, _, (ycols, ylabels, Yrows, names) = mrio_trade(out, data)
    off_in, off_out, _ = official_trade(data)
    code = name_to_code(data)
    keys = off_in.keys()

    def dev(est, off):
        # est is keyed by the MRIO's region names, off by province codes.
        est_c = {(code[reg], sec): v for (reg, sec), v in est.items()}
        return math.fsum(abs(est_c.get(k, 0.0) - off[k]) for k in keys) / math.fsum(off.values())

    d_in = dev(est_in, off_in)
    d_out = dev(est_out, off_out)
    # The discrepancy column: each province's own "Statistical discrepancy" column of Y.
    disc = 0.0
    for k, (reg, sec) in enumerate(ylabels):
        for j, v in enumerate(Yrows[k]):
            if names[j] == "Statistical discrepancy" and region_of(ycols[j]) == reg:
                disc += abs(v)
    d_disc = disc / math.fsum(official_x(data))
    compare_identity(log, out, LABEL_IN_DEV, d_in)
    compare_identity(log, out, LABEL_OUT_DEV, d_out)
    compare_identity(log, out, LABEL_DISC, d_disc)
    return f"inflows {d_in:.6g}, outflows {d_out:.6g}, discrepancy {d_disc:.6g}"


def check_colsum(log, data, out):
    cols, labels, Z = read_matrix(os.path.join(out, "tandem", "Z.csv"))
    if cols != [f"{name}/{sec}" for name, sec in labels]:
        raise SystemExit("Z.csv: the columns are not the rows")
    x = official_x(data, labels)
    sums = [0.0] * len(cols)
    for row in Z:
        for j, v in enumerate(row):
            if v != 0.0:
                sums[j] += v
    best = max(s / xj if xj != 0 else 0.0 for s, xj in zip(sums, x))
    compare_identity(log, out, LABEL_COLSUM, best)
    return f"largest column sum of A {best:.12g}"


def check_gaps(log, data, out):
    regions, sectors, x, Zp, _, V = read_tables(data)
    # Column gap: the MRIO's column j holds all of the published column (domestic, inflows
    # and imports are a split of each published cell), so inputs + imports + value added is
    # the published column sum of Z and V.
    col_gap = 0.0
    for reg in regions:
        for j, sec in enumerate(sectors):
            inputs = math.fsum(Zp[reg, s][j] for s in sectors) + math.fsum(r[j] for r in V[reg])
            xj = x[reg, sec]
            col_gap = max(col_gap, abs(inputs - xj) / max(1.0, abs(xj)))
    compare_identity(log, out, LABEL_COLGAP, col_gap, rel=1e-6)
    # Row gap: closed by construction (the discrepancy column), the residual is roundoff: the
    # written rows, summed exactly (fsum), close within 1e-8, and so must the printed figure.
    _, labels, Z = read_matrix(os.path.join(out, "tandem", "Z.csv"))
    _, ylabels, Yrows = read_matrix(os.path.join(out, "tandem", "Y.csv"))
    if ylabels != labels:
        raise SystemExit("the rows of Z.csv and Y.csv differ")
    xs = official_x(data, labels)
    row_gap = max(abs(math.fsum(Z[k]) + math.fsum(Yrows[k]) - xs[k]) / max(1.0, abs(xs[k]))
                  for k in range(len(xs)))
    printed_row = float(printed_identity(log, LABEL_ROWGAP))
    if not (row_gap <= 1e-8 and printed_row <= 1e-8 and json_identity(out, LABEL_ROWGAP) <= 1e-8):
        mismatch("row gap above roundoff (1e-8)", printed_row, row_gap)
    return f"column gap {col_gap:.6g}, row gap {row_gap:.3g} (roundoff, printed {printed_row})"


def strong_components(adj):
    """Tarjan's strongly connected components of a graph given as adjacency lists."""
    n = len(adj)
    index = [None] * n
    low = [0] * n
    on_stack = [False] * n
    stack, comps, counter = [], [], 0
    for root in range(n):
        if index[root] is not None:
            continue
        work = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            v, k = work[-1]
            if k < len(adj[v]):
                work[-1] = (v, k + 1)
                w = adj[v][k]
                if index[w] is None:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, 0))
                elif on_stack[w]:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    comp.append(w)
                    if w == v:
                        break
                comps.append(sorted(comp))
    return comps


def check_radius(log, data, out):
    # Spectral radius of A = Z / x (negative cells as 0, as the build's check), by the
    # Collatz-Wielandt bracket: the spectral radius of a non-negative matrix is the largest of
    # those of its strongly connected blocks; on an irreducible block, for v = A^k 1 > 0,
    # min_i (Av)_i / v_i <= rho <= max_i (Av)_i / v_i, and the bracket closes as k grows.
    cols, labels, Z = read_matrix(os.path.join(out, "tandem", "Z.csv"))
    if cols != [f"{name}/{sec}" for name, sec in labels]:
        raise SystemExit("Z.csv: the columns are not the rows")
    xs = official_x(data, labels)
    inv = [1.0 / v if v != 0 else 0.0 for v in xs]
    A = [[max(0.0, v) * inv[j] for j, v in enumerate(row)] for row in Z]
    adj = [[j for j, v in enumerate(row) if v > 0.0] for row in A]
    lo, hi = 0.0, 0.0
    steps = 0
    for comp in strong_components(adj):
        if len(comp) == 1:
            i = comp[0]
            lo, hi = max(lo, A[i][i]), max(hi, A[i][i])
            continue
        block = [[A[i][j] for j in comp] for i in comp]
        v = [1.0] * len(comp)
        c_lo, c_hi = 0.0, float("inf")
        for steps in range(1, 1001):
            w = [sum(map(operator.mul, row, v)) for row in block]
            ratios = [a / b for a, b in zip(w, v)]
            c_lo, c_hi = max(c_lo, min(ratios)), min(c_hi, max(ratios))
            top = max(w)
            v = [a / top for a in w]
            if c_hi - c_lo < 1e-6 * c_hi:
                break
        lo, hi = max(lo, c_lo), max(hi, c_hi)
    rho_json = json_identity(out, LABEL_RHO)
    rho_text = printed_identity(log, LABEL_RHO)
    if not (lo * (1 - 1e-12) <= rho_json <= hi * (1 + 1e-12)):
        mismatch("spectral radius (build_log.json) outside the Collatz-Wielandt bracket", rho_json,
                 f"[{lo!r}, {hi!r}]")
    if hi - lo > 1e-5:
        mismatch("Collatz-Wielandt bracket too wide to pin 3 digits", rho_text, f"[{lo}, {hi}]")
    check_rounded(LABEL_RHO, rho_text, 0.5 * (lo + hi), "3g")
    return f"spectral radius in [{lo:.9f}, {hi:.9f}] ({steps} power steps)"


def check_assembly(log, data, out):
    """Gaps 145 and 7: the trade flows (gravity + RAS rerun here) against trade_flows.csv, and
    the MRIO's Z, Y and the factor inputs' F, F_Y assembled here from them (Chenery-Moses, as
    docs/china-mrio.md step 5-6 states) against what the build wrote."""
    regions, sectors, x, Z, Y, V = read_tables(data)
    rules, _, _ = recompute(data)
    nr, n = len(regions), len(sectors)
    zero = [[0.0] * nr for _ in range(nr)]
    flows = [rules.flows.get(sec, zero) for sec in sectors]
    mu = rules.mu
    worst = {}

    def agree(what, got, want, scale=1.0):
        # Relative to the value, or to the scale of its row (gross output) for values that
        # are differences of large uses (0 up to roundoff).
        d = abs(got - want) / max(abs(want), abs(scale), 1.0)
        if d > worst.get(what, (0.0,))[0]:
            worst[what] = (d, got, want)

    # trade_flows.csv (the build's and the shipped one hold the same flows).
    written = {}
    with open(os.path.join(out, "trade_flows.csv"), newline="") as f:
        for row in csv.DictReader(f):
            written[row["product"], row["from"], row["to"]] = float(row["value"])
    pos = {reg: k for k, reg in enumerate(regions)}
    for (sec, a, b), v in written.items():
        agree("trade_flows.csv", v, flows[sectors.index(sec)][pos[a]][pos[b]])
    nonzero = sum(1 for i in range(n) for r in range(nr) for s in range(nr) if flows[i][r][s])
    if nonzero != sum(1 for v in written.values() if v):
        mismatch("trade_flows.csv non-zero flows", sum(1 for v in written.values() if v), nonzero)

    # Chenery-Moses: use u of product i in s -> mu u imported, (1 - mu)(1 - phi) u local,
    # (1 - mu) phi u from r in the shares of flows[i][.][s].
    inflow = [[sum(flows[i][r][s] for r in range(nr)) for s in range(nr)] for i in range(n)]
    phi = [[0.0] * nr for _ in range(n)]
    for s, reg in enumerate(regions):
        for i, sec in enumerate(sectors):
            use_net = sum(Z[reg, sec]) + sum(Y[reg, sec][k] for k in FINAL_USES)
            domestic = (1 - mu[i][s]) * use_net
            phi[i][s] = min(1.0, inflow[i][s] / domestic) if domestic > 0 else 0.0

    def split(i, s, u):
        """{origin: amount} and the foreign part of one use."""
        foreign = mu[i][s] * u
        domestic = u - foreign
        others = phi[i][s] * domestic
        parts = {s: domestic - others}
        if others != 0.0 and inflow[i][s] > 0:
            for r in range(nr):
                if flows[i][r][s]:
                    parts[r] = parts.get(r, 0.0) + flows[i][r][s] / inflow[i][s] * others
        return parts, foreign

    code = name_to_code(data)
    cols, labels, z_written = read_matrix(os.path.join(out, "tandem", "Z.csv"))
    ycols, _, y_written = read_matrix(os.path.join(out, "tandem", "Y.csv"))
    row_at = {(code[name], sec): k for k, (name, sec) in enumerate(labels)}
    col_at = {(code[c.split("/", 1)[0]], c.split("/", 1)[1]): k for k, c in enumerate(cols)}
    name_of = {v: k for k, v in code.items()}
    manifest = json.load(open(os.path.join(data, "china", f"provincial_{YEAR}", "manifest.json"),
                              encoding="utf-8"))
    fu_name = {f["code"]: f["name_en"] for f in manifest["final_use"]}
    ycol_at = {c: k for k, c in enumerate(ycols)}
    expect_z = [[0.0] * len(cols) for _ in labels]
    expect_y = [[0.0] * len(ycols) for _ in labels]
    imports_f = [0.0] * len(cols)
    imports_fy = [0.0] * len(ycols)
    for s, reg in enumerate(regions):
        for i, sec in enumerate(sectors):
            for j, u in enumerate(Z[reg, sec]):
                parts, foreign = split(i, s, u)
                c = col_at[reg, sectors[j]]
                for r, v in parts.items():
                    expect_z[row_at[regions[r], sec]][c] += v
                imports_f[c] += foreign
            for k in FINAL_USES:
                parts, foreign = split(i, s, Y[reg, sec][k])
                c = ycol_at[f"{name_of[reg]}/{fu_name[k]}"]
                for r, v in parts.items():
                    expect_y[row_at[regions[r], sec]][c] += v
                imports_fy[c] += foreign
            expect_y[row_at[reg, sec]][ycol_at[f"{name_of[reg]}/Exports"]] = Y[reg, sec]["EX"]
    # The discrepancy column closes each row on the official gross output.
    for (reg, sec), k in row_at.items():
        c = ycol_at[f"{name_of[reg]}/Statistical discrepancy"]
        expect_y[k][c] = x[reg, sec] - sum(expect_z[k]) - sum(expect_y[k])
    for (reg, sec), k in row_at.items():
        for c in range(len(cols)):
            agree("Z", z_written[k][c], expect_z[k][c], x[reg, sec])
        for c in range(len(ycols)):
            agree("Y", y_written[k][c], expect_y[k][c], x[reg, sec])
    fcols, F = read_extension(os.path.join(out, "tandem", "factor_inputs", "F.csv"))
    fycols, FY = read_extension(os.path.join(out, "tandem", "factor_inputs", "F_Y.csv"))
    if fcols != cols or fycols != ycols:
        mismatch("factor_inputs columns", "other order", "the columns of Z and Y")
    x_col = [x[key] for key in sorted(col_at, key=col_at.get)]
    for c in range(len(cols)):
        agree("F Imports", F["Imports"][c], imports_f[c], x_col[c])
    for c in range(len(ycols)):
        agree("F_Y Imports", FY["Imports"][c], imports_fy[c])
    va_names = [v["name_en"] for v in manifest["value_added"]]
    for reg in regions:
        for q, nm in enumerate(va_names):
            for j, sec in enumerate(sectors):
                agree("F value added", F[nm][col_at[reg, sec]], V[reg][q][j])
    # Both routes fit the same RAS to 1e-12 and sum in another order: they agree to about
    # 1e-12 relative; 1e-9 leaves room for the written digits.
    for what, (d, got, want) in sorted(worst.items()):
        if d > 1e-9:
            mismatch(f"{what}: largest relative difference {d:.3g}", got, want)
    hl, ah = row_at["230000", "01"], row_at["340000", "01"]
    return (f"{nonzero} flows, Z {len(labels)} x {len(cols)}, Y x {len(ycols)}, F and F_Y "
            f"agree (largest relative difference {max(d for d, _, _ in worst.values()):.1e}); "
            f"Z Heilongjiang/01 to Anhui/06 {expect_z[hl][col_at['340000', '06']]:.4f}, "
            f"Anhui/01 to Heilongjiang/06 {expect_z[ah][col_at['230000', '06']]:.4f}, "
            f"imports of Heilongjiang/06 {imports_f[col_at['230000', '06']]:.4f}")


CHECKS = {
    "employment": check_employment,
    "assembly": check_assembly,
    "rules": check_rules,
    "ras": check_ras,
    "totals": check_totals,
    "deviations": check_deviations,
    "colsum": check_colsum,
    "gaps": check_gaps,
    "radius": check_radius,
}


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in CHECKS:
        raise SystemExit(__doc__)
    check, log_file, data, out = sys.argv[1:]
    log = open(log_file, encoding="utf-8").read()
    summary = CHECKS[check](log, data, out)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"ok {check}: {summary}")


if __name__ == "__main__":
    main()
