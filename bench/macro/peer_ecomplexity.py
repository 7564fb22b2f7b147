#!/usr/bin/env python3
"""Runs the peer on the same synthetic panel as tandem and prints the ratio.

The peer is py-ecomplexity (cid-harvard, v0.5.2) when it can be imported. Where it cannot
(this project's machines reach no Python package index), the script runs a NumPy replica of
what ecomplexity() does per year, following the conventions in
shared/data/ecomplexity_reference/README.md: a pandas pivot to the dense location x product
matrix, RCA, presence, diversity and ubiquity, the dense non-symmetric numpy.linalg.eig of the
P x P matrix Mpp (where py-ecomplexity spends 90% of its time), the dense proximity, density,
COI and COG. It leaves out py-ecomplexity's long-table merges, so it is, if anything, faster
than the package: the ratio is conservative.

    python3 bench/macro/peer_ecomplexity.py --bench build/release/bench/tandem_complexity_bench \
        --tandem build/release/bin/tandem --locations 250 --products 1000 [--years 1]

Both sides read the same CSV and compute every year, writing excluded. The ECI of both is
compared (the largest absolute difference is printed).
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd


def replica_year(df):
    m = df.pivot(index="loc", columns="prod", values="val").fillna(0.0)
    m = m.loc[m.sum(1) > 0, m.sum(0) > 0]
    x = m.to_numpy()
    rca = (x / x.sum(1, keepdims=True)) / (x.sum(0, keepdims=True) / x.sum())
    mcp = np.where(rca >= 1, 1.0, 0.0)
    div = mcp.sum(1)
    ubi = mcp.sum(0)
    mpp = (mcp / ubi).T @ (mcp / div[:, None])
    w, v = np.linalg.eig(mpp)
    order = np.argsort(-w.real)
    kp = v[:, order[1]].real
    kc = (mcp / div[:, None]) @ kp
    if np.corrcoef(div, kc)[0, 1] < 0:
        kp, kc = -kp, -kc
    eci = (kc - kc.mean()) / kc.std()
    co = mcp.T @ mcp
    phi = co / np.maximum.outer(ubi, ubi)
    np.fill_diagonal(phi, 1.0)
    density = (mcp @ phi) / phi.sum(0)
    absent = 1 - mcp
    coi = (density * absent) @ kp
    cog = absent * ((absent * (kp / phi.sum(0))) @ phi) / kc.std()
    return pd.Series(eci, index=m.index), coi, cog


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True)
    ap.add_argument("--tandem", required=True)
    ap.add_argument("--locations", type=int, default=250)
    ap.add_argument("--products", type=int, default=1000)
    ap.add_argument("--density", type=float, default=0.2)
    ap.add_argument("--years", type=int, default=1)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        panel = os.path.join(tmp, "panel.csv")
        subprocess.run([a.bench, "--locations", str(a.locations), "--products", str(a.products),
                        "--density", str(a.density), "--write-panel", panel,
                        "--years", str(a.years)], check=True)
        mine = json.loads(subprocess.run([a.bench, "--read-panel", panel], check=True,
                                         capture_output=True, text=True).stdout)
        out = os.path.join(tmp, "tandem.csv")
        subprocess.run([a.tandem, "geo", "complexity", panel, "-o", out, "-q"], check=True)
        t_eci = pd.read_csv(out, usecols=["time", "loc", "eci"]).drop_duplicates(["time", "loc"])
        try:
            import ecomplexity  # noqa: F401
            peer = "py-ecomplexity"
        except ImportError:
            peer = "numpy replica of py-ecomplexity"
        t0 = time.perf_counter()
        df = pd.read_csv(panel, dtype={"loc": str, "prod": str})
        worst = 0.0
        for year, g in df.groupby("time", sort=False):
            if peer == "py-ecomplexity":
                import ecomplexity
                res = ecomplexity.ecomplexity(g, {"time": "time", "loc": "loc", "prod": "prod",
                                                  "val": "val"})
                eci = res.drop_duplicates("loc").set_index("loc")["eci"]
            else:
                eci, _, _ = replica_year(g)
            ref = t_eci[t_eci.time == year].set_index("loc")["eci"]
            worst = max(worst, float((eci - ref.reindex(eci.index)).abs().max()))
        peer_s = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        print(json.dumps({
            "shape": f"{a.locations}x{a.products}", "years": a.years, "peer": peer,
            "peer_s": round(peer_s, 2), "peer_peak_mb": round(peak),
            "tandem_s": mine["total_s"], "tandem_peak_mb": mine["peak_mb"],
            "ratio": round(peer_s / mine["total_s"], 1), "max_eci_difference": worst}))


if __name__ == "__main__":
    sys.exit(main())
