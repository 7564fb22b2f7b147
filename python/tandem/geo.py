"""Regional structure with py-ecomplexity's and EconGeo's conventions (`tandem geo ...`)."""
import os
import re
import tempfile

import numpy as np
import pandas as pd

from . import _tandem
from ._frames import check_columns, frame, write_panel

__all__ = ["complexity", "locations", "products", "relatedness", "density", "shift_share",
           "dynamics", "profile"]

_DEFAULT_COLS = {"time": "time", "loc": "loc", "prod": "prod", "val": "val"}


def _cols(cols):
    out = dict(_DEFAULT_COLS)
    out.update(cols or {})
    return out


def complexity(data, cols=None, presence="rca", rca_threshold=1.0, pop=None):
    """py-ecomplexity's ecomplexity(): data a long DataFrame, cols its column names
    {"time", "loc", "prod", "val"} (py-ecomplexity's cols_input). Returns one row per location
    x product of each year with the input columns, then diversity, ubiquity, mcp, eci, pci,
    density, coi, cog, rca (locations and products with a total of 0 are left out, as
    py-ecomplexity does). pop: a Series of population by location for presence="rpop"."""
    c = _cols(cols)
    check_columns(data, c)
    frames = []
    for time, year in data.groupby(c["time"], sort=False):
        wide = year.pivot_table(index=c["loc"], columns=c["prod"], values=c["val"],
                                aggfunc="sum", fill_value=0.0)
        wide.index = wide.index.astype(str)
        wide.columns = wide.columns.astype(str)
        wide = wide.sort_index().sort_index(axis=1)
        population = None
        if pop is not None:
            population = pop.rename(index=str).reindex(wide.index).to_numpy(dtype=float)
        r = _tandem.complexity(list(wide.index), list(wide.columns),
                               np.asfortranarray(wide.to_numpy(dtype=float)),
                               float(rca_threshold), presence, population)
        locs, prods = r["locations"], r["products"]
        n_l, n_p = len(locs), len(prods)
        out = pd.DataFrame({
            c["time"]: time,
            c["loc"]: np.repeat(locs, n_p),
            c["prod"]: np.tile(prods, n_l),
            c["val"]: r["value"].ravel(),
            "diversity": np.repeat(r["diversity"].ravel(), n_p),
            "ubiquity": np.tile(r["ubiquity"].ravel(), n_l),
            "mcp": r["mcp"].ravel(),
            "eci": np.repeat(r["eci"].ravel(), n_p),
            "pci": np.tile(r["pci"].ravel(), n_l),
            "density": r["density"].ravel(),
            "coi": np.repeat(r["coi"].ravel(), n_p),
            "cog": r["cog"].ravel(),
            "rca": r["rca"].ravel(),
        })
        frames.append(out)
    out = pd.concat(frames, ignore_index=True)
    out.attrs["title"] = "Economic complexity (py-ecomplexity's ecomplexity())"
    out.attrs["units"] = "indices; the value column in the input's units"
    out.attrs["notes"] = ["locations and products with a total of 0 are left out of each year"]
    return out


def _panel(path, c, presence="rca", rca_threshold=1.0, years=None):
    return {"input": path, "time": c["time"], "loc": c["loc"], "prod": c["prod"],
            "val": c["val"], "rca_threshold": float(rca_threshold), "presence": presence,
            "rpop_threshold": 1.0, "population": "", "pop_col": "pop",
            "years": [str(y) for y in (years or [])]}


def _indicators(relatedness="prob", steps=20, iterations=100, econgeo=False, all_pairs=False):
    return {"relatedness": relatedness, "steps": int(steps), "iterations": int(iterations),
            "econgeo": bool(econgeo), "all_pairs": bool(all_pairs)}


def _with_panel(data, cols, fn):
    """Runs fn on the DataFrame written as the CSV the entry point reads (a temporary file,
    always removed); errors name the DataFrame's row instead of the file's line."""
    c = _cols(cols)
    check_columns(data, c)
    with tempfile.TemporaryDirectory(prefix="tandem_panel_") as folder:
        path = os.path.join(folder, "panel.csv")
        write_panel(data, c, path)
        try:
            return fn(path, c)
        except _tandem.Error as e:
            message, code = e.args[0], e.args[1]
            m = re.match(re.escape(path) + r":(\d+):(\d+): (.*)", message, re.S)
            if m:
                message = (f"the DataFrame, row {int(m.group(1)) - 2} (from 0), column "
                           f"{c_name(c, int(m.group(2)))}: {m.group(3)}")
            else:
                message = message.replace(path, "the DataFrame")
            raise _tandem.Error(message, code) from None


def c_name(c, column):
    """The DataFrame column of the CSV's 1-based column number."""
    order = [c["time"], c["loc"], c["prod"], c["val"]]
    return order[column - 1] if 1 <= column <= len(order) else str(column)


def locations(data, cols=None, relatedness="prob", steps=20, iterations=100, years=None):
    """Each location and year: total, diversity, ECI, COI, KCI, MORc, fitness, Herfindahl,
    entropy, Krugman, specialisation coefficient, Hachman, average LQ, internal and external
    relatedness density (`tandem geo locations`)."""
    return _with_panel(data, cols, lambda p, c: frame(_tandem.locations_table(
        _panel(p, c, years=years), _indicators(relatedness, steps, iterations))))


def products(data, cols=None, steps=20, iterations=100, econgeo=False, years=None):
    """Each product and year: total, ubiquity, PCI, MORt, complexity, Gini, locational Gini,
    Hoover (and EconGeo's TCI with econgeo=True)."""
    return _with_panel(data, cols, lambda p, c: frame(_tandem.products_table(
        _panel(p, c, years=years), _indicators("prob", steps, iterations, econgeo))))


def relatedness(data, cols=None, method="prob", all_pairs=False, years=None):
    """Co-occurrence and relatedness of product pairs (EconGeo's relatedness())."""
    return _with_panel(data, cols, lambda p, c: frame(_tandem.relatedness_table(
        _panel(p, c, years=years), _indicators(method, all_pairs=all_pairs))))


def density(data, cols=None, method="prob", years=None):
    """Relatedness density (EconGeo, 0-100) of each location around each product."""
    return _with_panel(data, cols, lambda p, c: frame(_tandem.density_table(
        _panel(p, c, years=years), _indicators(method))))


def shift_share(data, start, end, cols=None, by_location=False):
    """Shift-share split of each change between two years; .attrs["national_growth"]."""
    def run(p, c):
        table, growth = _tandem.shift_share(_panel(p, c), str(start), str(end), by_location)
        df = frame(table)
        df.attrs["national_growth"] = growth
        return df
    return _with_panel(data, cols, run)


def dynamics(data, start, end, cols=None):
    """Growth and entries and exits of specialisations between two years (EconGeo)."""
    return _with_panel(data, cols, lambda p, c: frame(_tandem.dynamics(_panel(p, c), str(start),
                                                                       str(end))))


def profile(province, year=2017, base=2012, top=10):
    """A province's structure among all provinces from the shipped provincial tables
    (`tandem geo profile`): {"summary", "specialisations", "opportunities", "shift_share"} as
    DataFrames, with "notes"."""
    d = _tandem.profile(province, int(year), int(base), int(top))
    out = {k: frame(d[k]) for k in ("summary", "specialisations", "opportunities",
                                     "shift_share")}
    out["notes"] = list(d["notes"])
    out["region"] = d["region"]
    out["region_zh"] = d["region_zh"]
    return out
