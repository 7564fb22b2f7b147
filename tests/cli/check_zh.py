#!/usr/bin/env python3
"""Checks a brief's JSON (tandem brief ... --lang zh -f json) reads in Chinese: the keys stay
English, and no label, title, reason, note, caution or glossary text holds an English word
other than the index acronyms the Chinese literature uses too. Prints "all Chinese" or each
offending text."""
import json
import re
import sys

ALLOWED = {"RCA", "ECI", "COI", "COG", "PCI", "MRIO", "GDP", "docs", "brief", "md", "tandem",
           "Hidalgo", "Hausmann", "Tacchella", "Miller", "Blair"}
KEYS = ["tables", "cautions", "notes", "reasons", "lang", "glossary"]

j = json.load(open(sys.argv[1], encoding="utf-8"))
bad = []
if list(j.keys()) != KEYS:
    bad.append(f"keys {list(j.keys())}")
if j["lang"] != "zh":
    bad.append(f"lang {j['lang']}")


def texts():
    for t in j["tables"]:
        if set(t) != {"name", "row_levels", "column_levels", "rows", "columns", "units",
                      "notes", "values"}:
            bad.append(f"table keys {sorted(t)}")
        yield from t["row_levels"] + t["column_levels"] + t["notes"] + [t["units"]]
        for label in t["rows"] + t["columns"]:
            yield from label
    yield from j["cautions"] + j["notes"] + j["reasons"]
    for g in j["glossary"]:
        yield from (g["term"], g["meaning"], g["reading"])


for text in texts():
    words = set(re.findall(r"[A-Za-z]+", text)) - ALLOWED
    if words:
        bad.append(f"{text!r}: {sorted(words)}")
print("\n".join(bad) if bad else "all Chinese")
sys.exit(1 if bad else 0)
