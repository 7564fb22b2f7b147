"""The Python module's tests: run by ctest (python.* tests) with PYTHONPATH at the built
package, TANDEM_BIN the CLI and TANDEM_TEST_DATA tests/data."""
import io
import os
import subprocess

import pandas as pd
import pytest

DATA = os.environ.get("TANDEM_TEST_DATA",
                      os.path.join(os.path.dirname(__file__), "..", "data"))
PYMRIO = os.path.join(DATA, "reference", "pymrio")
ECOMPLEXITY = os.path.join(DATA, "reference", "ecomplexity")


@pytest.fixture
def cli():
    """Runs the tandem CLI and returns its standard output."""
    binary = os.environ.get("TANDEM_BIN", "tandem")

    def run(*args):
        done = subprocess.run([binary, *args], capture_output=True, text=True, check=True)
        return done.stdout
    return run


def cli_csv(text):
    return pd.read_csv(io.StringIO(text))


def reference(path, levels=2):
    """A pymrio reference matrix (first `levels` columns the row labels)."""
    return pd.read_csv(path, index_col=list(range(levels)))
