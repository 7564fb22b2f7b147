#!/usr/bin/env python3
"""Writes and runs the example notebooks (examples/*.ipynb) from the cells below, so that the
notebooks in the repository carry real outputs. Run from the repository root after
`bash scripts/run.sh` (tandem importable):  python3 examples/build_notebooks.py
tests/python/test_notebooks.py executes the committed notebooks again and fails on any error."""
import os
import sys

import nbformat
from nbclient import NotebookClient

HERE = os.path.dirname(os.path.abspath(__file__))


def md(text):
    return nbformat.v4.new_markdown_cell(text.strip())


def code(text):
    return nbformat.v4.new_code_cell(text.strip())


PYMRIO = [
    md("""
# pymrio's test-system tutorial, side by side with tandem

pymrio's tutorial on its bundled test system (6 regions x 8 sectors, 7 final-demand categories,
two extensions) loads the system, runs `calc_all`, looks at the footprints, aggregates and
shocks it. Here every step is done with `import tandem`, and every number is compared with
pymrio's: with pymrio itself when it can be imported, and otherwise with the results pymrio
0.6.3 wrote for this very system (`tests/data/reference/pymrio`, made by pymrio's own code;
source and licence in its SOURCE.md). The timing of pymrio's side is pymrio's `calc_all` when
it imports, else a NumPy replica of the operations it performs
(`bench/macro/peer_pymrio.py`, without pandas' overhead: if anything faster than pymrio).
"""),
    code("""
import importlib.util, pathlib, time
import numpy as np, pandas as pd
import tandem

ROOT = pathlib.Path.cwd().parent                      # the repository
REF = ROOT / "tests/data/reference/pymrio"            # what pymrio computed
FOLDER = REF / "pymrio_format/raw"                    # pymrio's test system, saved by pymrio
try:
    import pymrio
    HAVE_PYMRIO = True
except ImportError:
    HAVE_PYMRIO = False
print("pymrio importable:", HAVE_PYMRIO)
"""),
    md("## 1. Load the system (`pymrio.load_test()` / `pymrio.load_all(folder)`)"),
    code("""
io = tandem.mrio.load(FOLDER)
io
"""),
    md("## 2. `calc_all`: every account, with timings of both"),
    code("""
t0 = time.perf_counter(); acc = io.calc(); tandem_s = time.perf_counter() - t0
if HAVE_PYMRIO:
    pm = pymrio.load_all(str(FOLDER))
    t0 = time.perf_counter(); pm.calc_all(); peer_s = time.perf_counter() - t0
    peer = "pymrio " + pymrio.__version__
else:
    spec = importlib.util.spec_from_file_location("peer", ROOT / "bench/macro/peer_pymrio.py")
    p = importlib.util.module_from_spec(spec); spec.loader.exec_module(p)
    Z, Y = io.account("Z").to_numpy(), io.account("Y").to_numpy()
    F = io.account("Emissions/F").to_numpy(); F_Y = io.account("Emissions/F_Y").to_numpy()
    population = io.account("population").to_numpy().ravel()
    t0 = time.perf_counter(); p.replica_calc_all(Z, Y, F, F_Y, population, 6, 8, 7)
    peer_s = time.perf_counter() - t0
    peer = "NumPy replica of pymrio's calc_all"
print(f"tandem {tandem_s * 1000:.2f} ms, {peer} {peer_s * 1000:.2f} ms")
"""),
    md("""
On a system this small, fixed costs dominate (tandem computes every account, D_imp and D_exp
included, and hands each to pandas). Below: the engine alone and with the DataFrames, on the
test system and on a table of real size, the shipped 2017 China MRIO (31 provinces x 42 sectors
= 1,302 sectors, two extensions for tandem, one for the replica), best of seven runs each; each
tandem run includes copying the loaded system (about 14 MB) so that it starts from the same state. The
figures are this machine's at the time the notebook was run (2 cores; OpenBLAS's threads and
memory make single runs vary by tens of percent, which is why the engine alone can come out
slower than the engine with the DataFrames); bench/README.md has the benchmark's.
"""),
    code("""
def best_of(fn, n=7):
    times = []
    for _ in range(n):
        t0 = time.perf_counter(); fn(); times.append(time.perf_counter() - t0)
    return min(times)

china = tandem.mrio.load("china:2017")
raw = {k: china.account(k).to_numpy() for k in ("Z", "Y")}
F = china.account("factor_inputs/F").to_numpy()
# The engine alone (calc_all on a copy of the loaded system, no DataFrames), as the replica
# works on bare arrays; then the same with every account handed to pandas.
engine_big = best_of(lambda: tandem._tandem.calc_all(china._m.copy(), inverse=False))
tandem_big = best_of(lambda: tandem.mrio.MRIO(china._m.copy()).calc(inverse=False))
engine_small = best_of(lambda: tandem._tandem.calc_all(io._m.copy()))
if HAVE_PYMRIO:
    Zdf, Ydf = china.account("Z"), china.account("Y")
    peer_big = best_of(lambda: pymrio.IOSystem(Z=Zdf.copy(), Y=Ydf.copy()).calc_all())
else:
    nreg, nsec = 31, 42
    ncat = raw["Y"].shape[1] // nreg
    peer_big = best_of(lambda: p.replica_calc_all(raw["Z"], raw["Y"], F, np.zeros((F.shape[0], raw["Y"].shape[1])),
                                                  np.ones(nreg), nreg, nsec, ncat))
pd.DataFrame({"tandem engine s": [engine_small, engine_big],
              "tandem with DataFrames s": [tandem_s, tandem_big],
              f"{peer} s": [peer_s, peer_big]},
             index=["pymrio test system (48 sectors)", "China MRIO 2017 (1,302 sectors)"])
"""),
    md("## 3. The same numbers"),
    code("""
def ref(name):  # the row labels: region, sector or stressor, compartment; Factor Inputs one
    levels = 1 if name.startswith("Factor_Inputs") else 2
    return pd.read_csv(REF / "base" / f"{name}.csv", index_col=list(range(levels)))

rows = []
for name, ours in [("A", acc["A"]), ("L", acc["L"]),
                   ("Emissions__D_cba_reg", acc["Emissions"]["D_cba_reg"]),
                   ("Emissions__D_pba_reg", acc["Emissions"]["D_pba_reg"]),
                   ("Emissions__M", acc["Emissions"]["M"]),
                   ("Factor_Inputs__D_cba", acc["Factor Inputs"]["D_cba"])]:
    theirs = ref(name).to_numpy()
    scale = np.abs(theirs).max()
    rows.append({"account": name, "cells": theirs.size,
                 "largest difference / largest value": np.abs(ours.to_numpy() - theirs).max() / scale})
same = pd.DataFrame(rows)
assert (same["largest difference / largest value"] < 1e-12).all()
same
"""),
    md("## 4. Footprints by region (`io.emissions.D_cba_reg`)"),
    code("""
cba = acc["Emissions"]["D_cba_reg"]
(cba.T / cba.sum(axis=1)).round(3)      # each region's share of the consumption-based footprint
"""),
    md("## 5. Aggregate (`io.aggregate(region_agg=..., sector_agg=...)`)"),
    code("""
agg = io.aggregate(regions=["EU", "EU", "EU", "other", "other", "other"],
                   sectors=["primary", "primary", "industry", "industry", "industry",
                            "services", "services", "services"])
agg_acc = agg.calc()
theirs = pd.read_csv(REF / "agg/L.csv", index_col=[0, 1]).to_numpy()
print("aggregated L, largest difference:", np.abs(agg_acc["L"].to_numpy() - theirs).max())
agg_acc["L"].round(4)
"""),
    md("## 6. A demand shock: reg1's households buy 10% more of reg2's products"),
    code("""
shocked, tables = io.shock("reg1", category="Final consumption expenditure by households",
                           from_region="reg2", scale=1.1)
theirs = pd.read_csv(REF / "shock/x.csv", index_col=[0, 1]).to_numpy()
print("output after the shock, largest difference:",
      np.abs(shocked.account("x").to_numpy() - theirs).max())
tables["delta_x"].sort_values("delta x", ascending=False).head(8)
"""),
]

BRIEF = [
    md("""
# Heilongjiang and Anhui: the cooperation brief, step by step

What `tandem brief Heilongjiang Anhui` prints, in a notebook: the two economies side by side
from the shipped 2017 provincial tables and China MRIO, where each is specialised, where one's
strengths meet the other's needs, and what a cooperation scenario would bring to each province
and to the rest of China (output, value added, labour income, jobs; intra-regional, feedback
and spillover effects). Amounts are in 10,000 CNY (万元) as in the official tables.
"""),
    code("""
import pandas as pd
import tandem
pd.set_option("display.float_format", lambda x: f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.4g}")
b = tandem.brief("Heilongjiang", "Anhui")
b
"""),
    md("## The two economies"),
    code("""b.tables["summary"]"""),
    md("## Where each is specialised (RCA of value added among the 31 provinces)"),
    code("""b.tables["specialisations"]"""),
    md("## Supply chains: what each could sell the other more of"),
    code("""b.tables["supply_chains"].head(10)"""),
    md("## The symposium's cooperation areas, scored, and why"),
    code("""
print("\\n".join(b.reasons[:5]))
b.tables["areas"]
"""),
    md("## The win-win scenario"),
    code("""
print(b.scenario_text)
b.scenario
"""),
    md("## Anhui's best partners, and the data cautions behind the figures"),
    code("""
print("\\n".join(b.cautions[:5]))
tandem.partners("Anhui").head(5)
"""),
    md("## The same with a scenario of one's own: Anhui buys 500,000 (万元) of Heilongjiang's agriculture and food"),
    code("""
mine = tandem.brief("黑龙江", "安徽", demand=["Anhui:Heilongjiang:01,06:500000"])
mine.scenario
"""),
]


def build(name, cells):
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": HERE}}).execute()
    nbformat.write(nb, os.path.join(HERE, name))
    print("wrote", os.path.join(HERE, name))


if __name__ == "__main__":
    build("pymrio_side_by_side.ipynb", PYMRIO)
    build("heilongjiang_anhui_brief.ipynb", BRIEF)
    sys.exit(0)
