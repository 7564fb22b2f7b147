"""Conversions between tandem's labelled tables and pandas objects."""
import os
import sys

import numpy as np
import pandas as pd


def _index(axis):
    names = list(axis["names"])
    labels = [tuple(label) for label in axis["labels"]]
    if len(names) > 1:
        return pd.MultiIndex.from_tuples(labels, names=names)
    name = names[0] if names and names[0] else None
    return pd.Index([label[0] if label else "" for label in labels], name=name)


def frame(table):
    """A tandem table (dict of labels, values, units, notes) as a DataFrame labelled the way
    pymrio labels its accounts: a MultiIndex (region, sector) where the table has two levels.
    The title, units and notes travel in DataFrame.attrs. The values are not copied."""
    values = table["values"]
    rows = table["rows"]
    if values.shape[1] == 0 and rows["names"]:
        # A table of labels only (e.g. the provinces): one column per level.
        df = pd.DataFrame([list(label) for label in rows["labels"]], columns=rows["names"])
    else:
        df = pd.DataFrame(values, index=_index(rows), columns=_index(table["cols"]), copy=False)
    df.attrs["title"] = table["name"]
    df.attrs["units"] = table["units"]
    df.attrs["notes"] = list(table["notes"])
    return df


def labels_of(index):
    """A pandas Index as (level names, label tuples) for tandem."""
    if isinstance(index, pd.MultiIndex):
        names = [str(n) if n is not None else "" for n in index.names]
        return names, [[str(v) for v in t] for t in index]
    name = str(index.name) if index.name is not None else ""
    return [name], [[str(v)] for v in index]


def matrix(df):
    """A DataFrame's values as a float64 array (Fortran order copies nothing when passed on)."""
    return np.asfortranarray(df.to_numpy(dtype=np.float64))


def progress_callback(progress):
    """progress: None or False (quiet), True (tqdm when installed, else lines on stderr), or a
    callable (stage, done, total)."""
    if not progress:
        return None
    if callable(progress):
        return progress
    try:
        from tqdm.auto import tqdm  # noqa: F401
    except ImportError:
        def report(stage, done, total):
            print(f"{stage}: {done}/{total}", file=sys.stderr)
        return report
    bars = {}

    def report(stage, done, total):
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage)
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()
    return report


def check_columns(df, cols):
    """The columns named in cols, or a ValueError naming the missing ones and those there are."""
    wanted = [cols["time"], cols["loc"], cols["prod"], cols["val"]]
    missing = [c for c in wanted if c not in df.columns]
    if missing:
        raise ValueError(f"column(s) {missing} not in the DataFrame (it has {list(df.columns)}); "
                         f"name them with cols={{'time': ..., 'loc': ..., 'prod': ..., 'val': ...}}")
    return wanted


def write_panel(df, cols, path):
    """A long DataFrame as the CSV the panel entry points read."""
    df[check_columns(df, cols)].to_csv(path, index=False)
