"""tandem for notebooks: input-output analysis that reproduces pymrio, economic complexity that
reproduces py-ecomplexity and EconGeo, China's inter-provincial MRIO, the two-region cooperation
brief and the meeting scheduler, with pandas in and out (docs/python.md).

    import tandem
    b = tandem.brief("Heilongjiang", "Anhui")
    b.tables["scenario"]
    io = tandem.mrio.load("china:2017"); acc = io.calc(); acc["L"]
"""
import json as _json
import os as _os

from . import _tandem
from . import china, geo, mrio
from ._frames import frame as _frame

__all__ = ["Error", "brief", "partners", "schedule", "mrio", "geo", "china"]

Error = _tandem.Error
Error.message = property(lambda self: self.args[0])
Error.code = property(lambda self: self.args[1] if len(self.args) > 1 else None)
Error.__str__ = lambda self: f"{self.args[0]} (tandem error {self.code})"
Error.__doc__ = ("An error of tandem: .message says what and where (file, line, column or "
                 "field), .code is the CLI's exit code (2 usage, 3 invalid input, 4 i/o, "
                 "5 numerical, 70 internal).")


def _brief_options(options):
    # The names and checks are the library's (brief::brief_settings, as `tandem brief`'s
    # options); an unknown name is a TypeError.
    o = dict(options)
    if isinstance(o.get("demand"), str):
        o["demand"] = [o["demand"]]
    return o


def _readable(x):
    """Numbers for people: thousands separated above 1,000, four significant digits below."""
    return f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.4g}"


class Brief:
    """A two-region brief: .tables (name -> DataFrame, the title in .attrs["title"]),
    .scenario (the win-win scenario's effects by region), .cautions, .notes, .reasons;
    .to_html(), .to_json() and .to_pdf(path) give what `tandem brief` writes."""

    def __init__(self, handle):
        self._b = handle
        self.tables = {}
        for t in handle.tables(False):
            df = _frame(t)
            notes = df.attrs["notes"]
            df.attrs["title"] = notes[0] if notes else t["name"]
            df.attrs["notes"] = notes[1:]
            self.tables[t["name"]] = df
        self.a, self.b = handle.a, handle.b
        self.year = handle.year
        self.unit = handle.unit
        self.cautions = list(handle.cautions)
        self.notes = list(handle.notes)
        self.reasons = list(handle.reasons)
        self.scenario_text = handle.scenario_text

    @property
    def scenario(self):
        return self.tables.get("scenario")

    def to_html(self):
        return self._b.to_html()

    def to_pdf(self, path):
        """Writes the print-ready A4 PDF (needs Chromium, as `tandem brief -o x.pdf`)."""
        self._b.to_pdf(_os.fspath(path))

    def to_json(self):
        return self._b.to_json()

    def to_dict(self):
        return _json.loads(self._b.to_json())

    def __repr__(self):
        return f"<tandem.Brief {self.a} and {self.b}, {self.year}: {len(self.tables)} tables>"

    def __str__(self):
        # Amounts carry their unit in their labels (CNY bn, 亿元).
        lines = [f"{self.a} ({self._b.a_zh}) and {self.b} ({self._b.b_zh}), {self.year}", ""]
        for name in ("summary", "scenario"):
            df = self.tables.get(name)
            if df is not None:
                lines += [df.attrs["title"], df.to_string(float_format=_readable), ""]
        if self.cautions:
            lines += ["Data cautions:"] + [f"  - {c}" for c in self.cautions]
        return "\n".join(lines)


def brief(a, b, **options):
    """The complementarity and win-win brief of two regions (`tandem brief A B`): options
    demand=["BUYER:SELLER:SECTORS:AMOUNT"], scenario=TOML file, top=8, mrio=folder or
    "china:2012", tables, base, year, activity=long CSV with time=, loc=, prod=, val= (its
    columns), measure, areas=CSV, lang="en" or "zh" (default: zh when both regions are named in
    Chinese): the options of `tandem brief`, with the same checks."""
    return Brief(_tandem.brief([a, b], _brief_options(options)))


def partners(region, **options):
    """Every other region ranked as a partner of `region` (`tandem brief A --partners`)."""
    o = _brief_options(options)
    o["partners"] = True
    return _frame(_tandem.partners(region, o))


def schedule(event, method="auto", objective="full", time_limit=60.0, bound=False):
    """The one-to-one meetings of an event (`tandem schedule`): event is a dict in the exchange
    format of docs/schedule.md or the path of its JSON file. Returns a DataFrame (slot, table,
    a, b) whose .attrs hold the summary (held, weighted, breaks, ...) and its printed lines."""
    import io

    import pandas as pd
    if isinstance(event, dict):
        text, source = _json.dumps(event), "<event>"
    else:
        source = _os.fspath(event)
        with open(source, encoding="utf-8") as f:
            text = f.read()
    r = _tandem.schedule(text, source, method, objective, float(time_limit), bool(bound))
    df = pd.read_csv(io.StringIO(r.pop("csv")), dtype={"a": str, "b": str})
    df.attrs.update(r)
    return df
