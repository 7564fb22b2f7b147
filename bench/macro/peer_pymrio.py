#!/usr/bin/env python3
"""Runs the peer tool on the same synthetic MRIO as tandem_calc_bench and prints the ratio.

The peer is pymrio's calc_all when pymrio can be imported. Where it cannot (this project's
machines reach no Python package index), the script runs a NumPy replica of the operations
pymrio 0.6's calc_all performs (calc_x, calc_A, calc_L with numpy.linalg.inv, calc_S, calc_S_Y,
calc_M, and calc_accounts with its block-diagonalised final demand, x_diag = L @ Y_diag,
D_cba = S @ x_diag, set_dom_block, D_imp = S @ x_trade), on plain arrays: without pandas'
overhead it is, if anything, faster than pymrio itself, so the ratio is conservative.

    python3 bench/macro/peer_pymrio.py --tandem build/release/bench/tandem_calc_bench \
        --sizes 31x42 49x100 [49x200]
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


def replica_calc_all(Z, Y, F, F_Y, population, nreg, nsec, ncat):
    n = Z.shape[0]
    x = np.sum(np.hstack((Z, Y)), 1)
    with np.errstate(divide="ignore"):
        recix = 1.0 / x
    recix[~np.isfinite(recix)] = 0
    A = Z * recix.reshape((1, -1))
    L = np.linalg.inv(np.eye(n) - A)
    y_vec = Y.sum(0)
    with np.errstate(divide="ignore"):
        recy = 1.0 / y_vec
    recy[~np.isfinite(recy)] = 0
    S = F * recix.reshape((1, -1))
    S_Y = F_Y * recy.reshape((1, -1))
    M = S @ L
    Y_agg = Y.reshape(n, nreg, ncat).sum(2)
    Y_diag = np.zeros((n, n))
    for c in range(nreg):
        for b in range(nreg):
            r0 = b * nsec
            Y_diag[r0:r0 + nsec, c * nsec:(c + 1) * nsec] = np.diag(Y_agg[r0:r0 + nsec, c])
    x_diag = L @ Y_diag
    del Y_diag
    x_tot = x_diag.sum(1)
    D_cba = S @ x_diag
    D_pba = S * x_tot.reshape((1, -1))
    x_trade = x_diag.copy()
    for r in range(nreg):
        x_trade[r * nsec:(r + 1) * nsec, r * nsec:(r + 1) * nsec] = 0
    D_imp = S @ x_trade
    x_exp = x_trade.sum(1)
    D_exp = S * x_exp.reshape((1, -1))
    FY_agg = F_Y.reshape(F_Y.shape[0], nreg, ncat).sum(2)
    reg = lambda D: D.reshape(D.shape[0], nreg, nsec).sum(2)
    D_cba_reg = reg(D_cba) + FY_agg
    D_pba_reg = reg(D_pba) + FY_agg
    out = dict(L=L, M=M, D_cba_reg=D_cba_reg, D_pba_reg=D_pba_reg,
               D_imp_reg=reg(D_imp), D_exp_reg=reg(D_exp),
               D_cba_cap=D_cba_reg / population, S_Y=S_Y)
    return out


def load_folder(folder):
    import pandas as pd
    read = lambda f, ic, h: pd.read_csv(os.path.join(folder, f), sep="\t", index_col=ic,
                                        header=h)
    Z = read("Z.txt", [0, 1], [0, 1]).values
    Y = read("Y.txt", [0, 1], [0, 1]).values
    ext = os.path.join("stressors")
    F = read(os.path.join(ext, "F.txt"), [0, 1], [0, 1]).values
    F_Y = read(os.path.join(ext, "F_Y.txt"), [0, 1], [0, 1]).values
    population = read("population.txt", 0, 0).values.ravel()
    return Z, Y, F, F_Y, population


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tandem", required=True, help="path to tandem_calc_bench")
    ap.add_argument("--sizes", nargs="+", default=["31x42", "49x100"],
                    help="REGIONSxSECTORS")
    args = ap.parse_args()
    try:
        import pymrio  # noqa: F401
        have_pymrio = True
    except ImportError:
        have_pymrio = False
    print(f"peer: {'pymrio ' + pymrio.__version__ if have_pymrio else 'NumPy replica of pymrio calc_all'}"
          f", numpy {np.__version__}")
    print(f"{'sectors':>8} {'tandem s':>9} {'peer s':>8} {'ratio':>7} {'tandem MB':>10} {'peer MB':>8}")
    for size in args.sizes:
        nreg, nsec = (int(v) for v in size.split("x"))
        with tempfile.TemporaryDirectory() as tmp:
            folder = os.path.join(tmp, "mrio")
            subprocess.run([args.tandem, "--regions", str(nreg), "--sectors", str(nsec),
                            "--save-input", folder], check=True)
            t = json.loads(subprocess.run([args.tandem, "--regions", str(nreg), "--sectors",
                                           str(nsec)], check=True, capture_output=True,
                                          text=True).stdout)
            code = (
                "import sys, time, resource, json\n"
                f"sys.path.insert(0, {os.path.dirname(os.path.abspath(__file__))!r})\n"
                "import peer_pymrio as p\n"
                f"d = p.load_folder({folder!r})\n"
                "t0 = time.perf_counter()\n"
                f"p.replica_calc_all(*d, {nreg}, {nsec}, 7)\n"
                "s = time.perf_counter() - t0\n"
                "print(json.dumps({'s': s, 'mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
            )
            if have_pymrio:
                code = (
                    "import time, resource, json, pymrio\n"
                    f"io = pymrio.load_all({folder!r})\n"
                    "t0 = time.perf_counter(); io.calc_all(); s = time.perf_counter() - t0\n"
                    "print(json.dumps({'s': s, 'mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
                )
            peer = json.loads(subprocess.run([sys.executable, "-c", code], check=True,
                                             capture_output=True, text=True).stdout)
            print(f"{t['sectors']:>8} {t['calc_s']:>9.3f} {peer['s']:>8.3f} "
                  f"{peer['s'] / t['calc_s']:>6.1f}x {t['peak_rss_calc_mb']:>10.0f} {peer['mb']:>8.0f}")


if __name__ == "__main__":
    main()
