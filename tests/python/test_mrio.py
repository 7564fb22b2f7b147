"""tandem.mrio against pymrio's own results on its test MRIO (tests/data/reference/pymrio) and
against the CLI on the same folder."""
import gc
import os
import resource

import numpy as np
import pandas as pd
import pytest

import tandem
from conftest import PYMRIO, cli_csv, reference

FOLDER = os.path.join(PYMRIO, "pymrio_format", "raw")


def close(a, b, rtol=1e-10, atol=1e-12):
    np.testing.assert_allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float),
                               rtol=rtol, atol=atol)


def test_calc_reproduces_pymrio():
    io = tandem.mrio.load(FOLDER)
    assert io.regions == [f"reg{i}" for i in range(1, 7)]
    acc = io.calc()
    for name in ("A", "L"):
        ref = reference(os.path.join(PYMRIO, "base", f"{name}.csv"))
        df = acc[name]
        assert df.index.names == ["region", "sector"]
        assert list(df.index) == list(ref.index)
        close(df.to_numpy(), ref.to_numpy())
    ref = pd.read_csv(os.path.join(PYMRIO, "base", "Emissions__D_cba_reg.csv"), index_col=[0, 1])
    close(acc["Emissions"]["D_cba_reg"].to_numpy(), ref.to_numpy())


def test_results_reach_numpy_without_a_copy():
    io = tandem.mrio.load(FOLDER)
    io.calc()
    z = io.account("Z")
    values = z.to_numpy()
    assert not values.flags["OWNDATA"]  # a view of the matrix tandem computed


def test_from_frames_equals_the_folder():
    Z = reference(os.path.join(PYMRIO, "input", "Z.csv"))
    Y = pd.read_csv(os.path.join(PYMRIO, "input", "Y.csv"), index_col=[0, 1])
    Y.columns = pd.MultiIndex.from_tuples([tuple(c.split("/", 1)) for c in Y.columns],
                                          names=["region", "category"])
    Z.columns = Z.index
    io = tandem.mrio.from_frames(Z, Y)
    acc = io.calc()
    ref = reference(os.path.join(PYMRIO, "base", "L.csv"))
    close(acc["L"].to_numpy(), ref.to_numpy())


def test_aggregate_reproduces_pymrio():
    io = tandem.mrio.load(FOLDER)
    agg = io.aggregate(regions=["EU", "EU", "EU", "other", "other", "other"],
                       sectors=["primary", "primary", "industry", "industry", "industry",
                                "services", "services", "services"])
    acc = agg.calc()
    ref = reference(os.path.join(PYMRIO, "agg", "L.csv"))
    close(acc["L"].to_numpy(), ref.to_numpy())


@pytest.mark.parametrize("method,args", [
    ("multipliers", ["multipliers"]),
    ("linkages", ["linkages"]),
    ("extraction", ["extraction"]),
    ("decompose", ["decompose"]),
])
def test_analyses_equal_the_cli(cli, method, args):
    io = tandem.mrio.load(FOLDER)
    df = getattr(io, method)()
    text = cli("mrio", *args, FOLDER, "-f", "csv")
    ref = cli_csv(text)
    ours = df.to_numpy()
    theirs = ref.iloc[:, -ours.shape[1]:].to_numpy(dtype=float)
    close(ours, theirs, rtol=1e-12)


def test_type_two_and_prices_equal_the_cli(cli):
    io = tandem.mrio.load(FOLDER)
    income, households = "Factor Inputs/Value Added", "Final consumption expenditure by households"
    df = io.multipliers(income=income, households=households)
    ref = cli_csv(cli("mrio", "multipliers", FOLDER, "--income", income, "--households",
                      households, "-f", "csv"))
    close(df.to_numpy(), ref.iloc[:, -df.shape[1]:].to_numpy(dtype=float), rtol=1e-12)
    prices = io.prices({"reg1/electricity": 0.05})
    ref = cli_csv(cli("mrio", "prices", FOLDER, "--cost-push", "reg1/electricity=0.05",
                      "-f", "csv"))
    close(prices.to_numpy().ravel(), ref.iloc[:, -1].to_numpy(dtype=float), rtol=1e-12)


def test_shock_reproduces_pymrio():
    io = tandem.mrio.load(FOLDER)
    shocked, tables = io.shock("reg1", category="Final consumption expenditure by households",
                               from_region="reg2", scale=1.1)
    ref = pd.read_csv(os.path.join(PYMRIO, "shock", "x.csv"), index_col=[0, 1])
    close(shocked.account("x").to_numpy(), ref.to_numpy())
    assert list(tables) == ["delta_x", "emissions__delta_D_cba_reg",
                            "factor_inputs__delta_D_cba_reg"]
    base = pd.read_csv(os.path.join(PYMRIO, "base", "x.csv"), index_col=[0, 1])
    close(tables["delta_x"].iloc[:, 0].to_numpy(), ref.to_numpy().ravel() - base.to_numpy().ravel(),
          rtol=1e-9, atol=1e-6)


def test_errors_are_exceptions_with_the_code():
    with pytest.raises(tandem.Error) as e:
        tandem.mrio.load("/nonexistent/folder")
    assert e.value.code in (3, 4)
    io = tandem.mrio.load(FOLDER)
    with pytest.raises(tandem.Error) as e:
        io.prices({"reg1/steel": 0.05})
    assert e.value.code == 3
    assert "reg1/steel" in e.value.message
    with pytest.raises(tandem.Error) as e:
        io.multipliers(income="Factor Inputs/Value Added")
    assert e.value.code == 2


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def test_no_leak_across_a_thousand_calls():
    # Each round hands 18 kB (Z, 48 x 48) and 1.5 kB (linkages) to NumPy: kept, 1,000 rounds
    # would grow the RSS by about 20 MB.
    io = tandem.mrio.load(FOLDER)

    def round_trip():
        io.linkages(forward="leontief")
        io.account("Z")

    for _ in range(200):  # warm up allocators, caches (and ASan's quarantine, 4 MB in ctest)
        round_trip()
    gc.collect()
    before = rss_kb()
    for _ in range(1000):
        round_trip()
    gc.collect()
    grown = rss_kb() - before
    assert grown < 8 * 1024, f"RSS grew by {grown} kB over 1,000 calls"


class _IOSystemLike:
    """The attributes of a pymrio IOSystem that from_pymrio reads (pymrio itself cannot be
    installed here): Z, Y, A, x and get_extensions(data=True)."""

    class Extension:
        def __init__(self, name, F, F_Y):
            self.name, self.F, self.F_Y = name, F, F_Y

    def __init__(self, Z, Y, F, F_Y):
        self.Z, self.Y, self.A, self.x = Z, Y, None, None
        self._ext = [self.Extension("Emissions", F, F_Y)]

    def get_extensions(self, data=False):
        return iter(self._ext)


def test_from_pymrio_reads_an_iosystem():
    io = tandem.mrio.load(FOLDER)
    Z, Y = io.account("Z"), io.account("Y")
    F, F_Y = io.account("Emissions/F"), io.account("Emissions/F_Y")
    again = tandem.mrio.from_pymrio(_IOSystemLike(Z, Y, F, F_Y))
    acc = again.calc()
    ref = pd.read_csv(os.path.join(PYMRIO, "base", "Emissions__D_cba_reg.csv"), index_col=[0, 1])
    close(acc["Emissions"]["D_cba_reg"].to_numpy(), ref.to_numpy())
