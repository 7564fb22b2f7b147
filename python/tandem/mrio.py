"""Input-output analysis with pymrio's conventions (`tandem mrio ...`): load a pymrio or tandem
folder (or the shipped China MRIO), compute every account pymrio's calc_all computes, and the
Miller & Blair toolbox. Accounts come back as DataFrames labelled as pymrio labels them:
MultiIndex (region, sector) rows and columns, (region, category) for final demand."""
from . import _tandem
from ._frames import frame, labels_of, matrix, progress_callback

__all__ = ["MRIO", "load", "from_frames", "from_pymrio"]


class MRIO:
    """A multi-regional input-output system held by tandem (C++). Methods that analyse it
    (multipliers, linkages, ...) work on a copy: the system itself changes only with calc()."""

    def __init__(self, handle):
        self._m = handle

    @property
    def regions(self):
        return list(self._m.regions())

    @property
    def sectors(self):
        return list(self._m.sector_names())

    def __len__(self):
        return self._m.size()

    def __repr__(self):
        return (f"<tandem.mrio.MRIO {len(self.regions)} regions x {len(self.sectors)} sectors, "
                f"accounts {', '.join(self._m.account_names())}>")

    def account_names(self):
        return list(self._m.account_names())

    def account(self, name):
        """One account: "Z", "Y", "x", "A", "L", ... or "Extension/D_cba_reg"."""
        return frame(self._m.account(name))

    def calc(self, inverse=True, ghosh=False, solver="auto"):
        """Everything pymrio's calc_all computes (L with inverse=True, the Ghosh accounts B, G
        and M_down with ghosh=True). Returns the accounts: a dict of DataFrames ("Z", "A", "L",
        "x", ...) with one dict per extension ({"Emissions": {"S": ..., "D_cba_reg": ...}})."""
        _tandem.calc_all(self._m, inverse=inverse, ghosh=ghosh, solver=solver)
        out = {}
        for name in self._m.account_names():
            if "/" in name:
                ext, account = name.split("/", 1)
                out.setdefault(ext, {})[account] = self.account(name)
            else:
                out[name] = self.account(name)
        return out

    def shock(self, demand_region, category="", from_region="", sector="", scale=None, add=0.0,
              solver="auto"):
        """Final demand of demand_region (one category, or all) for products of from_region (or
        all) and sector (or all) scaled, or an amount added; recomputed with pymrio's
        reset_all_to_coefficients semantics. Returns (the shocked MRIO, {name: DataFrame}) with
        the output change and each extension's change in D_cba_reg."""
        shocked, tables = _tandem.shock(self._m, demand_region, category, from_region, sector,
                                        scale, float(add), solver)
        return MRIO(shocked), {t["name"]: frame(t) for t in tables}

    def multipliers(self, income="", households="", solver="auto"):
        """Output and extension multipliers, simple and Type I; Type II with the income row
        ("Factor Inputs/Value Added") and the households' final-demand category."""
        return frame(_tandem.multipliers(self._m, income, households, solver))

    def linkages(self, forward="ghosh", solver="auto"):
        """Rasmussen's backward and forward linkages, power and sensitivity of dispersion."""
        return frame(_tandem.linkages(self._m, forward, solver))

    def extraction(self, solver="auto"):
        """Hypothetical extraction of each sector: total, backward, forward (and %)."""
        return frame(_tandem.extraction(self._m, solver))

    def decompose(self, method="miller", solver="auto"):
        """Miller's intra-regional, feedback and spillover effects, or Round's decomposition."""
        return frame(_tandem.decompose(self._m, method, solver))

    def prices(self, cost_push, solver="auto"):
        """Leontief price model: cost_push {"region/sector": change in value-added cost per
        unit of output} -> the % price change of every product."""
        return frame(_tandem.prices(self._m, list(cost_push.items()), solver))

    def aggregate(self, regions=None, sectors=None):
        """Regions and/or sectors grouped (a list naming the group of each, in order), as
        pymrio's aggregate: a new MRIO of the aggregated flows (run calc() on it)."""
        return MRIO(_tandem.aggregate(self._m, list(regions or []), list(sectors or [])))


def load(folder="", progress=None):
    """An MRIO folder (pymrio's save_all or tandem's format), "china:2017" / "china:2012", or
    the shipped 2017 China MRIO when empty."""
    return MRIO(_tandem.load_mrio(str(folder), progress_callback(progress)))


def from_frames(Z, Y, extensions=None, unit=""):
    """An MRIO from DataFrames: Z (sectors x sectors), Y (sectors x final-demand columns),
    both labelled (region, sector) / (region, category) as pymrio labels them, and extensions
    {name: F} or {name: (F, F_Y)} with F stressors x sectors."""
    if not Z.index.equals(Z.columns) or not Z.index.equals(Y.index):
        raise ValueError("Z's rows, Z's columns and Y's rows must carry the same labels")
    sector_names, sectors = labels_of(Z.index)
    demand_names, demand = labels_of(Y.columns)
    exts = []
    for name, data in (extensions or {}).items():
        F, F_Y = data if isinstance(data, tuple) else (data, None)
        stressor_names, stressors = labels_of(F.index)
        exts.append({"name": name, "stressor_names": stressor_names, "stressors": stressors,
                     "units": [""] * len(F.index), "F": matrix(F),
                     "F_Y": None if F_Y is None else matrix(F_Y)})
    return MRIO(_tandem.mrio_from_arrays(sector_names, sectors, demand_names, demand, matrix(Z),
                                         matrix(Y), exts, unit))


def from_pymrio(io):
    """An MRIO from a pymrio IOSystem (its Z and Y, or A and x, and its extensions' F and
    F_Y)."""
    Z = io.Z
    if Z is None:
        if io.A is None or io.x is None:
            raise ValueError("the IOSystem has neither Z nor A and x")
        Z = io.A * io.x.iloc[:, 0].to_numpy()[None, :]
    extensions = {}
    for ext in io.get_extensions(data=True):
        if getattr(ext, "F", None) is not None:
            extensions[ext.name] = (ext.F, getattr(ext, "F_Y", None))
    return from_frames(Z, io.Y, extensions)
