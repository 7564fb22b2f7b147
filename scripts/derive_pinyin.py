#!/usr/bin/env python3
"""Derives data/names/pinyin.tsv (character, toneless pinyin) from Unicode's Unihan database
as Debian's unicode-data package ships it: the kMandarin reading of every character of GB 2312
(kGB0), the set of simplified characters in common use. Run: python3 scripts/derive_pinyin.py
[/usr/share/unicode] > data/names/pinyin.tsv"""
import bz2
import sys
import unicodedata

folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"


def fields(name):
    with bz2.open(f"{folder}/{name}.txt.bz2", "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t", 2)
            yield chr(int(code[2:], 16)), field, value


gb = {c for c, f, _ in fields("Unihan_OtherMappings") if f == "kGB0"}
readings = {c: v.split()[0] for c, f, v in fields("Unihan_Readings") if f == "kMandarin"}


def toneless(reading):
    # Tone marks are combining accents after NFD; ü is kept as "v", as pinyin input methods do.
    out = []
    for ch in unicodedata.normalize("NFD", reading):
        if ch == "\u0308":
            out[-1] = "v"
        elif not unicodedata.combining(ch):
            out.append(ch)
    return "".join(out)


print("# character\tpinyin: derived from Unicode's Unihan (kMandarin of the GB 2312 characters)")
for c in sorted(gb):
    if c in readings:
        print(f"{c}\t{toneless(readings[c])}")
