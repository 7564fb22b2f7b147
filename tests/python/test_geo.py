"""tandem.geo against py-ecomplexity's and EconGeo's own results (tests/data/reference/
ecomplexity) and against the CLI."""
import os

import numpy as np
import pandas as pd
import pytest

import tandem
from conftest import ECOMPLEXITY, cli_csv

VA = os.path.join(ECOMPLEXITY, "input", "china2017_value_added.csv")
COLS = {"time": "year", "loc": "province", "prod": "sector", "val": "value_added"}


def va():
    return pd.read_csv(VA, dtype={"sector": str})


def test_complexity_reproduces_py_ecomplexity():
    out = tandem.geo.complexity(va(), cols=COLS)
    assert list(out.columns) == ["year", "province", "sector", "value_added", "diversity",
                                 "ubiquity", "mcp", "eci", "pci", "density", "coi", "cog", "rca"]
    ref = pd.read_csv(os.path.join(ECOMPLEXITY, "output", "china2017va_locations.csv"))
    eci = out.groupby("province")["eci"].first().reindex(ref["province"])
    np.testing.assert_allclose(eci.to_numpy(), ref["eci"].to_numpy(), rtol=0, atol=1e-9)
    cells = pd.read_csv(os.path.join(ECOMPLEXITY, "output", "china2017va_cells.csv"),
                        dtype={"sector": str})
    merged = cells.merge(out, on=["province", "sector"], suffixes=("_ref", ""))
    assert len(merged) == len(cells)
    for column in ("rca", "mcp", "density", "cog"):
        np.testing.assert_allclose(merged[column], merged[f"{column}_ref"], rtol=0, atol=1e-9)


def test_complexity_equals_the_cli(cli, tmp_path):
    out = tandem.geo.complexity(va(), cols=COLS)
    text = cli("geo", "complexity", VA, "--time", "year", "--loc", "province", "--prod",
               "sector", "--val", "value_added", "-q")
    ref = cli_csv(text)
    assert len(ref) == len(out)
    np.testing.assert_allclose(out["coi"].to_numpy(), ref["coi"].to_numpy(), rtol=1e-15)


def test_locations_and_products_equal_the_cli(cli):
    args = ["--time", "year", "--loc", "province", "--prod", "sector", "--val", "value_added",
            "-f", "csv", "-q"]
    loc = tandem.geo.locations(va(), cols=COLS)
    ref = cli_csv(cli("geo", "locations", VA, *args))
    np.testing.assert_allclose(loc.to_numpy(), ref.iloc[:, 2:].to_numpy(dtype=float), rtol=1e-12)
    prod = tandem.geo.products(va(), cols=COLS)
    ref = cli_csv(cli("geo", "products", VA, *args))
    np.testing.assert_allclose(prod.to_numpy(), ref.iloc[:, 2:].to_numpy(dtype=float),
                               rtol=1e-12)


def test_profile_of_a_province():
    p = tandem.geo.profile("Anhui")
    assert p["region"] == "Anhui" and p["region_zh"] == "安徽"
    assert len(p["specialisations"]) == 10
    assert (p["specialisations"].iloc[:, 0] >= 1.0).all()  # RCA >= 1, by RCA


def test_bad_input_is_an_error():
    bad = va().rename(columns={"value_added": "va"})
    with pytest.raises(ValueError, match=r"\['value_added'\] not in the DataFrame"):
        tandem.geo.locations(bad, cols=COLS)
    with pytest.raises(ValueError):
        tandem.geo.complexity(bad, cols=COLS)
    with pytest.raises(tandem.Error) as e:
        tandem.geo.complexity(va(), cols=COLS, presence="rcaa")
    assert e.value.code == 2 and "expected rca, rpop, both or given" in e.value.message
    data = va()
    data.loc[3, "value_added"] = -5.0
    with pytest.raises(tandem.Error) as e:
        tandem.geo.locations(data, cols=COLS)
    assert e.value.code == 3
    # Named by the DataFrame's row and column, not by a temporary file.
    assert e.value.message.startswith("the DataFrame, row 3 (from 0), column value_added: ")
    assert "/tmp" not in e.value.message
