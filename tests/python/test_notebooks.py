"""The example notebooks (examples/*.ipynb) run from top to bottom without an error, in
Debian's python3 kernel with the built module; their own cells assert that tandem's numbers
equal pymrio's."""
import os

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples")


@pytest.mark.parametrize("name", ["pymrio_side_by_side.ipynb", "heilongjiang_anhui_brief.ipynb"])
def test_notebook_runs(name):
    nb = nbformat.read(os.path.join(EXAMPLES, name), as_version=4)
    NotebookClient(nb, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": EXAMPLES}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert not errors
