#!/usr/bin/env python3
"""Checks and input generators for the CLI cases of tests/cli/match.cmake (stdlib only).

Usage: match_checks.py COMMAND ARGS...; prints "ok ..." and exits 0 when a check passes,
prints the problem and exits 1 otherwise.
"""
import csv
import datetime
import json
import os
import re
import sys


def fail(message):
    print(message)
    sys.exit(1)


def agendas_columns(folder, symposium):
    """Every row of agendas.csv has as many fields as the header; its date is the session's."""
    with open(symposium, encoding="utf-8") as f:
        date = json.load(f)["programme"]["date"]
    with open(os.path.join(folder, "agendas.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    if "date" not in header:
        fail(f"no date column in {header}")
    col = header.index("date")
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            fail(f"agendas.csv:{n}: {len(row)} fields for {len(header)} header names")
        if row[col] != date:
            fail(f"agendas.csv:{n}: date column holds {row[col]!r}, expected {date}")
        if not re.fullmatch(r"\d\d:\d\d", row[header.index("start")]):
            fail(f"agendas.csv:{n}: start {row[header.index('start')]!r}")
    print(f"ok {len(rows) - 1} rows of {len(header)} fields, date {date}")


def ics(folder):
    """DTSTART/DTEND carry Asia/Shanghai (with a VTIMEZONE) and DTSTAMP is now, in UTC."""
    files = sorted(os.listdir(os.path.join(folder, "ics")))
    now = datetime.datetime.now(datetime.timezone.utc)
    events = 0
    for name in files:
        with open(os.path.join(folder, "ics", name), encoding="utf-8", newline="") as f:
            text = f.read().replace("\r\n ", "")
        lines = text.split("\r\n")
        if "BEGIN:VTIMEZONE" not in lines or "TZID:Asia/Shanghai" not in lines:
            fail(f"{name}: no VTIMEZONE for Asia/Shanghai")
        if "TZOFFSETTO:+0800" not in lines:
            fail(f"{name}: the zone is not UTC+8")
        for line in lines:
            key, _, value = line.partition(":")
            if key in ("DTSTART", "DTEND"):
                if not value.endswith("Z") and "T" in value:
                    # DTSTART inside VTIMEZONE's STANDARD block is local by definition.
                    if value != "19700101T000000":
                        fail(f"{name}: floating time {line}")
            elif key.startswith("DTSTART;") or key.startswith("DTEND;"):
                if key.split(";", 1)[1] != "TZID=Asia/Shanghai":
                    fail(f"{name}: {line}")
                datetime.datetime.strptime(value, "%Y%m%dT%H%M%S")
                events += key.startswith("DTSTART")
            elif key == "DTSTAMP":
                stamp = datetime.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(
                    tzinfo=datetime.timezone.utc
                )
                if abs((stamp - now).total_seconds()) > 60:
                    fail(f"{name}: DTSTAMP {value} is not the time of writing ({now})")
    if events == 0:
        fail("no event in the iCalendar files")
    print(f"ok {len(files)} files, {events} events in Asia/Shanghai")


def sectors(folder, symposium):
    """iFLYTEK is software (31), Harbin Bank finance (32); no reason makes a bank an
    agricultural supplier or a resident service, nor iFLYTEK a bank."""
    with open(symposium, encoding="utf-8") as f:
        orgs = {o["id"]: o for o in json.load(f)["organisations"]}
    if orgs["iflytek"]["sectors"] != ["31"]:
        fail(f"iflytek sectors {orgs['iflytek']['sectors']}")
    if orgs["hl_harbin_bank"]["sectors"] != ["32"]:
        fail(f"hl_harbin_bank sectors {orgs['hl_harbin_bank']['sectors']}")
    with open(os.path.join(folder, "agendas.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    bank_rows = 0
    for row in rows:
        why = row["why"]
        pair = {row["organisation"], row["partner"]}
        if "hl_harbin_bank" in pair:
            bank_rows += 1
            if "38 Resident" in why or re.search(r"01 Agriculture[^;]* supplies 32", why):
                fail(f"bank reason: {why}")
        if "32 Finance" in why and "hl_harbin_bank" not in pair:
            fail(f"finance claimed for a non-bank: {pair}: {why}")
    print(f"ok sectors; {bank_rows} agenda rows of the bank")


def nested(path, depth):
    """A symposium whose programme title is `depth` nested arrays."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"programme": {"title": ' + "[" * depth + "]" * depth + "}}")


def big_string(path, symposium, megabytes):
    """The shipped symposium with a programme date of `megabytes` MB."""
    with open(symposium, encoding="utf-8") as f:
        d = json.load(f)
    d["programme"]["date"] = "x" * (megabytes << 20)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(d, f)


def big_offer(path, symposium):
    """The shipped symposium with one 1 MB offer text (English and Chinese words)."""
    with open(symposium, encoding="utf-8") as f:
        d = json.load(f)
    words = ["soybean", "breeding", "大豆育种", "cold", "region", "寒地", "machinery", "数据"]
    text = " ".join(f"{words[i % len(words)]}{i % 997}" for i in range(120000))
    d["organisations"][0]["offers"].append(text[: 1 << 20])
    with open(path, "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False)


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "agendas-columns":
        agendas_columns(*args)
    elif cmd == "ics":
        ics(*args)
    elif cmd == "sectors":
        sectors(*args)
    elif cmd == "nested":
        nested(args[0], int(args[1]))
    elif cmd == "big-string":
        big_string(args[0], args[1], int(args[2]))
    elif cmd == "big-offer":
        big_offer(*args)
    else:
        fail(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
