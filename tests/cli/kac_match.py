#!/usr/bin/env python3
"""Known answers of `tandem schedule` and `tandem match`, recomputed independently (python3
standard library only).

Usage:
  kac_match.py summary EVENT.json SCHEDULE.csv OUTPUT.txt
      The schedule summary (meetings held of requested, weighted total of requested, idle
      gaps, participants without a meeting of those with requests, bound and gap) recomputed
      from the event and the written schedule by the definitions of docs/schedule.md.
  kac_match.py suggest SYMPOSIUM.json DATA SUGGESTIONS.csv [W_AREAS W_SECTORS W_TEXT]
      Every pair's areas (Jaccard), sectors (same sector 1, else min(1, a / 0.2) of the
      national 2017 table under DATA/china/national_2017_42), the sector reason with its
      coefficient and the score; text = the better of the two directions' idf-weighted share
      of one side's need terms that the other side's offers hold, idf = ln((N + 1) / (df +
      0.5)) over the N organisations' offers (docs/match.md), with its reason
      "(P%: terms)". Offers and needs must use only words of STABLE_WORDS (English words that
      are their own stem and no stop word), so that tokens need no stemmer here.
  kac_match.py event SYMPOSIUM.json SUGGESTIONS.csv EVENT.json [PER_ORGANISATION [REQUEST_SCORE]]
      The meeting requests and priorities of the event, from the suggestions (in their order)
      and the symposium's explicit requests and locked meetings, by the rules of docs/match.md.
  kac_match.py run SYMPOSIUM.json FOLDER OUTPUT.txt [PER_ORGANISATION [REQUEST_SCORE]]
      `match run`'s summary: organisations, delegates, suggestions, meeting requests, slots x
      tables, the schedule summary (as `summary`), the requests (as `event`).
  kac_match.py constrain EVENT.json OUT.json
      The shipped symposium's event with a precedence and a session-bound request added.
  kac_match.py agendas EVENT.json AGENDAS.csv
      Every precedence and request session of the event holds in the agendas written.
  kac_match.py files FOLDER OUTPUT.txt
      `wrote N files to FOLDER`: N = the files in FOLDER (subfolders included) but the
      .tandem-match marker.

Each prints "ok ..." and exits 0 when every printed figure equals the recomputed one, else
prints one "MISMATCH ..." line per difference and exits 1.
"""
import csv
import json
import math
import os
import re
import sys

PRIORITY = {"must": 3, "want": 2, "maybe": 1}
problems = []


def mismatch(what, printed, expected):
    problems.append(f"MISMATCH {what}: printed {printed}, recomputed {expected}")


def finish(summary):
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("ok " + summary)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def priority(v):
    return PRIORITY[v] if isinstance(v, str) else int(v)


# ---------------------------------------------------------------------------------------------
# schedule summary

def event_requests(ev):
    """The event's requests after merging repeats (an unordered pair once, the higher priority),
    plus locked meetings nobody requested (priority 1)."""
    req = {}
    order = []
    for r in ev.get("requests", []):
        key = frozenset((r["a"], r["b"]))
        p = priority(r.get("priority", 1))
        if key in req:
            req[key] = max(req[key], p)
        else:
            req[key] = p
            order.append(key)
    for l in ev.get("locked", []):
        key = frozenset((l["a"], l["b"]))
        if key not in req:
            req[key] = 1
            order.append(key)
    return req, order


def recompute_summary(ev, rows):
    req, _ = event_requests(ev)
    unavailable = {p["id"]: set(p.get("unavailable", [])) for p in ev["participants"]}
    held = weighted = 0
    for row in rows:
        key = frozenset((row["a"], row["b"]))
        if key not in req:
            mismatch("schedule row", f"{row['a']} - {row['b']}", "not a request of the event")
            continue
        held += 1
        weighted += req[key]
    check_constraints(ev, rows)
    with_requests = set()
    for key in req:
        with_requests |= key
    attending = attended(ev, rows)
    without = sum(1 for p in with_requests if not attending[p])
    unheld = {key: p for key, p in req.items()
              if not any(frozenset((r["a"], r["b"])) == key for r in rows)}
    gaps = 0
    for p, v in attended(ev, rows).items():
        part = next(x for x in ev["participants"] if x["id"] == p)
        lo, hi = part.get("earliest", 0), part.get("latest", ev["slots"] - 1)
        for t in range(min(v, default=0) + 1, max(v, default=0)):
            if t not in v and t not in unavailable[p] and lo <= t <= hi:
                gaps += 1
    breaks, isolated = recompute_breaks(ev, rows)
    return {
        "breaks": breaks,
        "isolated": isolated,
        "held": held,
        "requests": len(req),
        "weighted": weighted,
        "requested": sum(req.values()),
        "gaps": gaps,
        "without": without,
        "with_requests": len(with_requests),
        "unheld": unheld,
    }


def check_constraints(ev, rows):
    """The hard constraints sessions, presence and precedences add (docs/schedule.md)."""
    slots = ev["slots"]
    session_of, first = {}, 0
    for s in ev.get("sessions", []):
        for t in range(first, first + s["slots"]):
            session_of[t] = s["name"]
        first += s["slots"]
    names = [s["name"] for s in ev.get("sessions", [])]
    part = {p["id"]: p for p in ev["participants"]}
    slot_of = {frozenset((r["a"], r["b"])): int(r["slot"]) for r in rows}
    for q in ev.get("requests", []):
        t = slot_of.get(frozenset((q["a"], q["b"])))
        if t is None or "session" not in q:
            continue
        want = q["session"] if isinstance(q["session"], str) else names[q["session"]]
        if session_of[t] != want:
            mismatch(f"{q['a']} - {q['b']} session", f"slot {t}", f"in {want}")
    for key, t in slot_of.items():
        for p in key:
            lo, hi = part[p].get("earliest", 0), part[p].get("latest", slots - 1)
            if not lo <= t <= hi or t in part[p].get("unavailable", []):
                mismatch(f"{p} present", f"slot {t}", f"{lo}-{hi}, available")
    for pr in ev.get("precedences", []):
        a = slot_of.get(frozenset(pr["first"]))
        b = slot_of.get(frozenset(pr["then"]))
        if a is not None and b is not None and not a < b:
            mismatch(f"precedence {pr['first']} before {pr['then']}", f"{a}, {b}", "a < b")


def attended(ev, rows):
    """participant -> the slots of the meetings they attend ("together" colleagues attend the
    group's meetings)."""
    mates = {p["id"]: {p["id"]} for p in ev["participants"]}
    for c in ev.get("colleagues", []):
        if c["rule"] == "together":
            for m in c["members"]:
                mates[str(m)] |= {str(x) for x in c["members"]}
    busy = {p: set() for p in mates}
    for row in rows:
        for p in (row["a"], row["b"]):
            for m in mates[p]:
                busy[m].add(int(row["slot"]))
    return busy


def recompute_breaks(ev, rows):
    """Breaks and participants with an isolated meeting (docs/schedule.md): each participant's
    day is the slots they can attend (availability, earliest, latest) in each session; a
    member of a "together" group attends the group's meetings; a break is every block of
    consecutive meetings after the first of a session; an isolated meeting is a block of one
    meeting in a session that holds another block of theirs."""
    slots = ev["slots"]
    sessions, first = [], 0
    for s in ev.get("sessions", []):
        sessions.append(range(first, first + s["slots"]))
        first += s["slots"]
    sessions = sessions or [range(slots)]
    busy = attended(ev, rows)
    breaks = isolated = 0
    for part in ev["participants"]:
        p = part["id"]
        away = set(part.get("unavailable", []))
        day = [t for t in range(part.get("earliest", 0), part.get("latest", slots - 1) + 1)
               if t not in away]
        alone = False
        for session in sessions:
            lengths, run = [], 0
            for t in (t for t in day if t in session):
                if t in busy[p]:
                    run += 1
                elif run:
                    lengths.append(run)
                    run = 0
            if run:
                lengths.append(run)
            breaks += max(0, len(lengths) - 1)
            alone = alone or (len(lengths) >= 2 and 1 in lengths)
        isolated += alone
    return breaks, isolated


def compare_summary(ev, schedule_csv, output):
    with open(schedule_csv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    want = recompute_summary(ev, rows)

    def grab(pattern, what):
        m = re.search(pattern, output, re.M)
        if not m:
            mismatch(what, "nothing", pattern)
            return None
        return m

    m = grab(r"^meetings held: (\d+) of (\d+) requested$", "meetings held")
    if m:
        if int(m.group(1)) != want["held"]:
            mismatch("meetings held", m.group(1), want["held"])
        if int(m.group(2)) != want["requests"]:
            mismatch("meetings requested", m.group(2), want["requests"])
    m = grab(r"^weighted total: (\d+) \(of (\d+) requested\)$", "weighted total")
    if m:
        if int(m.group(1)) != want["weighted"]:
            mismatch("weighted total", m.group(1), want["weighted"])
        if int(m.group(2)) != want["requested"]:
            mismatch("requested weight", m.group(2), want["requested"])
    m = grab(r"^idle gaps: (\d+)$", "idle gaps")
    if m and int(m.group(1)) != want["gaps"]:
        mismatch("idle gaps", m.group(1), want["gaps"])
    m = grab(r"^breaks: (\d+)$", "breaks")
    if m and int(m.group(1)) != want["breaks"]:
        mismatch("breaks", m.group(1), want["breaks"])
    m = grab(r"^participants with an isolated meeting: (\d+)$", "isolated")
    if m and int(m.group(1)) != want["isolated"]:
        mismatch("participants with an isolated meeting", m.group(1), want["isolated"])
    m = grab(r"^participants without a meeting: (\d+)(?: \(of (\d+) with requests\))?$",
             "participants without a meeting")
    if m:
        if int(m.group(1)) != want["without"]:
            mismatch("participants without a meeting", m.group(1), want["without"])
        if m.group(2) is not None and int(m.group(2)) != want["with_requests"]:
            mismatch("participants with requests", m.group(2), want["with_requests"])
    # Every request not held is listed (the first 20, highest priority first), none other.
    listed = [(frozenset((m.group(1), m.group(2))), int(m.group(3)))
              for m in re.finditer(r"^not held: (\S+) - (\S+) \(priority (\d+)\)$", output, re.M)]
    if len(want["unheld"]) <= 20 and sorted(map(sorted, want["unheld"])) != sorted(
            sorted(k) for k, _ in listed):
        mismatch("requests not held", [sorted(k) for k, _ in listed],
                 [sorted(k) for k in want["unheld"]])
    for key, p in listed:
        if want["unheld"].get(key) != p:
            mismatch("not held", f"{sorted(key)} priority {p}", want["unheld"].get(key))
    if [p for _, p in listed] != sorted((p for _, p in listed), reverse=True):
        mismatch("not held order", [p for _, p in listed], "highest priority first")
    text = (f"held {want['held']} of {want['requests']}, weighted {want['weighted']} of "
            f"{want['requested']}, idle gaps {want['gaps']}, without a meeting {want['without']} "
            f"of {want['with_requests']}")
    m = re.search(r"^bound: (\d+) \(([^)]*)\)(?:; gap ([0-9.]+)%)?$", output, re.M)
    if m:
        bound = int(m.group(1))
        # A bound is at least what the schedule holds and at most everything requested
        # (printed rounded: within half a unit).
        if not want["weighted"] - 0.5 <= bound <= want["requested"] + 0.5:
            mismatch("bound", bound, f"between {want['weighted']} and {want['requested']}")
        if want["held"] == want["requests"] and bound != want["requested"]:
            mismatch("bound when every request is held", bound, want["requested"])
        text += f", bound {bound} ({m.group(2)})"
        if m.group(3) is not None:
            # The gap is (bound - weighted) / bound of the unrounded bound, which lies within
            # half a unit of the printed one: the printed gap must lie in the range that gives.
            def gap(b):
                return 100.0 * (b - want["weighted"]) / b if b > 0 else 0.0
            low, high = gap(max(bound - 0.5, 1e-9)), gap(bound + 0.5)
            if not low - 0.005 <= float(m.group(3)) <= high + 0.005:
                mismatch("gap %", m.group(3), f"{low:.2f} to {high:.2f}")
            text += f", gap {m.group(3)}% (bound {bound}: {gap(bound):.2f}%)"
    text += f"; breaks {want['breaks']}, isolated {want['isolated']}"
    return want, text


def cmd_summary(event_json, schedule_csv, output_file):
    ev = load(event_json)
    output = open(output_file, encoding="utf-8").read()
    _, text = compare_summary(ev, schedule_csv, output)
    finish(text)


# ---------------------------------------------------------------------------------------------
# match suggest: areas and sectors

def national(data):
    folder = os.path.join(data, "china", "national_2017_42")
    with open(os.path.join(folder, "x.csv"), newline="") as f:
        x = {r["sector"]: float(r["x"]) for r in csv.DictReader(f)}
    Z = {}
    with open(os.path.join(folder, "Z.csv"), newline="") as f:
        for r in csv.DictReader(f):
            for k, v in r.items():
                if k not in ("region", "sector"):
                    Z[r["sector"], k] = float(v)
    # Sectors are named as in every report: the shipped provincial tables' list.
    manifest = load(os.path.join(data, "china", "provincial_2017", "manifest.json"))
    names = {s["code"]: s["name_en"] for s in manifest["sectors"]}
    return x, Z, names


def pairs_of(sym):
    orgs = sym["organisations"]
    between = sym.get("rules", {}).get("between_regions", [])
    blocked = {frozenset((n["a"], n["b"])) for n in sym.get("not_interested", [])}
    for i in range(len(orgs)):
        for j in range(i + 1, len(orgs)):
            A, B = orgs[i], orgs[j]
            if frozenset((A["id"], B["id"])) in blocked:
                continue
            if len(between) == 2 and {A["region"], B["region"]} != set(between):
                continue
            yield A, B


STOP_WORDS = {"a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "by", "at", "from",
              "its", "our", "their", "new", "more", "other", "or", "as", "is", "are", "be"}
# English words the Porter2 (Xapian "english") stemmer leaves as they are.
STABLE_WORDS = {"seed", "corn", "wheat", "soybean", "milk", "robot", "cloud", "steel", "tractor",
                "laser", "rice", "potato", "chip", "battery", "sensor"}


def terms(texts):
    found = set()
    for text in texts:
        for word in re.findall(r"[A-Za-z0-9]+", text.lower()):
            if word in STOP_WORDS:
                continue
            if word not in STABLE_WORDS:
                raise SystemExit(f"word {word!r}: not in STABLE_WORDS, its stem is unknown here")
            found.add(word)
    return found


def text_coverage(orgs):
    """coverage[(i, j)]: the idf-weighted share of j's need terms that i's offers hold, and the
    matched terms (alphabetical, as Xapian's term lists)."""
    offers = {o["id"]: terms(o.get("offers", [])) for o in orgs}
    n = len(orgs)
    coverage = {}
    for B in orgs:
        need = terms(B.get("needs", []))
        idf = {t: math.log((n + 1) / (sum(t in offers[o["id"]] for o in orgs) + 0.5))
               for t in need}
        total = sum(idf.values())
        for A in orgs:
            if A is B or total <= 0:
                continue
            hit = sorted(need & offers[A["id"]])
            if hit:
                coverage[A["id"], B["id"]] = (min(1.0, sum(idf[t] for t in hit) / total), hit)
    return coverage


def cmd_suggest(symposium, data, suggestions_csv, wa=0.4, ws=0.2, wt=0.4):
    sym = load(symposium)
    x, Z, names = national(data)
    coverage = text_coverage(sym["organisations"])

    def a(p, q):  # what sector q buys of p per unit of its output
        return Z[p, q] / x[q] if x[q] > 0 else 0.0

    with open(suggestions_csv, newline="", encoding="utf-8") as f:
        printed = {(r["a"], r["b"]): r for r in csv.DictReader(f)}
    shown = []
    for A, B in pairs_of(sym):
        sa, sb = set(A.get("areas", [])), set(B.get("areas", []))
        areas = len(sa & sb) / len(sa | sb) if sa | sb else 0.0
        link, reason = 0.0, ""
        for p in A.get("sectors", []):
            for q in B.get("sectors", []):
                if p == q and link < 1.0:
                    link, reason = 1.0, f"both in {p} {names[p]}"
                ab, ba = min(1.0, a(p, q) / 0.2), min(1.0, a(q, p) / 0.2)
                if max(ab, ba) > link:
                    link = max(ab, ba)
                    reason = (f"{p} {names[p]} supplies {q} {names[q]} ({a(p, q):.3f} per unit)"
                              if ab >= ba else
                              f"{q} {names[q]} supplies {p} {names[p]} ({a(q, p):.3f} per unit)")
        ab_text = coverage.get((A["id"], B["id"]), (0.0, []))
        ba_text = coverage.get((B["id"], A["id"]), (0.0, []))
        text = max(ab_text[0], ba_text[0])
        text_reasons = [f"{f['name']}'s offers meet {t['name']}'s needs ({100 * c:.0f}%: "
                        f"{', '.join(hit[:6])})"
                        for f, t, (c, hit) in ((A, B, ab_text), (B, A, ba_text)) if c >= 0.05]
        score = 100.0 * (wa * areas + ws * link + wt * text) / (wa + ws + wt)
        key = (A["id"], B["id"])
        row = printed.get(key)
        if row is None:
            if score >= 1.0:  # the default --min-score
                mismatch(f"{key}", "no row", f"score {score}")
            continue
        for col, want in (("areas", areas), ("sectors", link), ("score", score), ("text", text)):
            got = float(row[col])
            if abs(got - want) > 1e-12 * max(1.0, abs(want)):
                mismatch(f"{key} {col}", row[col], repr(want))
        expect_reason = reason if link >= 0.05 else ""
        if expect_reason and expect_reason not in row["reasons"]:
            mismatch(f"{key} reason", row["reasons"], expect_reason)
        if not expect_reason and "per unit" in row["reasons"]:
            mismatch(f"{key} reason (link below 0.05)", row["reasons"], "no sector link shown")
        for r in text_reasons:
            if r not in row["reasons"]:
                mismatch(f"{key} text reason", row["reasons"], r)
        if row["reasons"].count("offers meet") != len(text_reasons):
            mismatch(f"{key} text reasons", row["reasons"], "; ".join(text_reasons) or "none")
        m = re.search(r"\(([0-9.]+) per unit\)", expect_reason)
        shown.append(f"{A['id']}-{B['id']} score {score:.4f} areas {areas:.4f} sectors {link:.4f}"
                     + (f" ({m.group(1)} per unit)" if m else "")
                     + (f" text {text:.4f}" if text else ""))
    finish(f"{len(shown)} pairs: " + ", ".join(shown))


# ---------------------------------------------------------------------------------------------
# match event: requests and priorities

def expected_requests(sym, suggestions, per_org=6, request_score=15.0, want_score=45.0):
    """make_event's requests by docs/match.md: explicit requests (must 3, want 2, maybe 1) and
    locked meetings (3) between first delegates, then each organisation's best suggestions (a
    pair is requested unless both already have PER_ORG), scoring at least REQUEST_SCORE, want
    (2) from WANT_SCORE, maybe (1) below; a pair asked twice keeps the higher priority."""
    orgs = {o["id"]: o for o in sym["organisations"]}
    delegates = {}
    for d in sym["delegates"]:
        delegates.setdefault(d["organisation"], []).append(d["id"])
    req = {}

    def add(a, b, p):
        if a not in delegates or b not in delegates:
            return
        sa = delegates[a] if orgs[a].get("attend") == "separately" else delegates[a][:1]
        for k, pa in enumerate(sa):
            sb = (delegates[b] if orgs[b].get("attend") == "separately" else delegates[b][:1]) \
                if k == 0 else delegates[b][:1]
            for pb in sb:
                key = frozenset((pa, pb))
                req[key] = max(req.get(key, 0), p)

    for r in sym.get("requests", []):
        add(r["a"], r["b"], priority(r.get("priority", 1)))
    for l in sym.get("locked", []):
        add(l["a"], l["b"], 3)
    taken = {}
    for a, b, score in suggestions:
        if score < request_score:
            continue
        if taken.get(a, 0) >= per_org and taken.get(b, 0) >= per_org:
            continue
        taken[a] = taken.get(a, 0) + 1
        taken[b] = taken.get(b, 0) + 1
        add(a, b, 2 if score >= want_score else 1)
    return req


def read_suggestions(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = [(r["a"], r["b"], float(r["score"])) for r in csv.DictReader(f)]
    for k in range(1, len(rows)):
        if rows[k][2] > rows[k - 1][2]:
            mismatch("suggestions order", rows[k], "sorted by score, best first")
    return rows


def compare_event(sym, suggestions_csv, ev, per_org, request_score):
    want = expected_requests(sym, read_suggestions(suggestions_csv), per_org, request_score)
    got = {}
    for r in ev["requests"]:
        key = frozenset((r["a"], r["b"]))
        if key in got:
            mismatch("event requests", f"{r['a']} - {r['b']} twice", "once")
        got[key] = r["priority"]
    for key in set(want) | set(got):
        if want.get(key) != got.get(key):
            mismatch(f"request {' - '.join(sorted(key))}", got.get(key, "none"),
                     want.get(key, "none"))
    return want


def describe(ev, want):
    parts = []
    for r in ev["requests"]:
        key = frozenset((r["a"], r["b"]))
        parts.append(f"{r['a']} - {r['b']} {want.get(key, '?')}")
    return ", ".join(parts)


def cmd_event(symposium, suggestions_csv, event_json, per_org=6, request_score=15.0):
    sym, ev = load(symposium), load(event_json)
    want = compare_event(sym, suggestions_csv, ev, int(per_org), float(request_score))
    finish(f"{len(want)} requests, weight {sum(want.values())}: {describe(ev, want)}")


# ---------------------------------------------------------------------------------------------
# match run

def cmd_run(symposium, folder, output_file, per_org=6, request_score=15.0):
    sym = load(symposium)
    output = open(output_file, encoding="utf-8").read()
    ev = load(os.path.join(folder, "event.json"))
    suggestions = read_suggestions(os.path.join(folder, "suggestions.csv"))
    want = compare_event(sym, os.path.join(folder, "suggestions.csv"), ev, int(per_org),
                         float(request_score))
    slots = sum(s["slots"] for s in sym["programme"]["sessions"])
    tables = sym["programme"]["tables"]
    m = re.search(r": (\d+) organisations, (\d+) delegates, (\d+) suggestions, (\d+) meeting "
                  r"requests, (\d+) slots x (\d+) tables$", output, re.M)
    if not m:
        mismatch("run summary line", "nothing", "N organisations, ...")
    else:
        for got, expect, what in zip(
                m.groups(),
                (len(sym["organisations"]), len(sym["delegates"]), len(suggestions), len(want),
                 slots, tables),
                ("organisations", "delegates", "suggestions", "meeting requests", "slots",
                 "tables")):
            if int(got) != expect:
                mismatch(what, got, expect)
    _, text = compare_summary(ev, os.path.join(folder, "schedule.csv"), output)
    finish(f"{len(sym['organisations'])} organisations, {len(sym['delegates'])} delegates, "
           f"{len(suggestions)} suggestions, {len(want)} requests, {slots} x {tables}; {text}")


def cmd_files(folder, output_file):
    """`wrote N files to FOLDER`: every file in the folder but the .tandem-match marker."""
    output = open(output_file, encoding="utf-8").read()
    files = []
    for root, _, names in os.walk(folder):
        files += [os.path.relpath(os.path.join(root, n), folder) for n in names
                  if not (root == folder and n == ".tandem-match")]
    m = re.search(r"^wrote (\d+) files to ", output, re.M)
    if not m or int(m.group(1)) != len(files):
        top = sorted(f for f in files if os.sep not in f)
        mismatch("files written", m.group(1) if m else "nothing",
                 f"{len(files)} ({len(files) - len(top)} in subfolders, and {', '.join(top)})")
    finish(f"{len(files)} files")


# ---------------------------------------------------------------------------------------------
# sessions and precedences end to end: event -> schedule -> agendas

def cmd_constrain(event_json, out_json):
    """The shipped symposium's event with two rules added: HIT meets USTC before Chery, and
    meets NIO in the second session."""
    ev = load(event_json)
    ev["precedences"] = [{"first": ["hit-1", "ustc-1"], "then": ["chery-1", "hit-1"]}]
    second = ev["sessions"][1]["name"]
    for r in ev["requests"]:
        if {r["a"], r["b"]} == {"hit-1", "nio-1"}:
            r["session"] = second
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(ev, f, ensure_ascii=False)
    print(f"ok constrained: precedence hit-1 - ustc-1 before chery-1 - hit-1, hit-1 - nio-1 in "
          f"{second}")


def cmd_agendas(event_json, agendas_csv):
    """Every precedence and session of the event holds in the agendas written (delegate, slot,
    partner columns; a partner organisation's delegates attend together)."""
    ev = load(event_json)
    slot_of = {}
    with open(agendas_csv, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            slot_of[row["delegate"], row["partner"]] = int(row["slot"])

    def slot(pair):
        a, b = pair
        for d, p in ((a, b), (b, a)):
            got = slot_of.get((d, p.rsplit("-", 1)[0]))
            if got is not None:
                return got
        return None

    sessions, first = {}, 0
    for k, s in enumerate(ev.get("sessions", [])):
        sessions[s["name"]] = sessions[k] = range(first, first + s["slots"])
        first += s["slots"]
    shown = []
    for pr in ev.get("precedences", []):
        a, b = slot(pr["first"]), slot(pr["then"])
        if a is None or b is None or not a < b:
            mismatch(f"precedence {pr['first']} before {pr['then']}", f"slots {a}, {b}",
                     "the first earlier")
        shown.append(f"{'-'.join(pr['first'])} slot {a} before {'-'.join(pr['then'])} slot {b}")
    for r in ev["requests"]:
        if "session" in r:
            t = slot((r["a"], r["b"]))
            if t is None or t not in sessions[r["session"]]:
                mismatch(f"{r['a']} - {r['b']} session", f"slot {t}", f"in {r['session']}")
            shown.append(f"{r['a']}-{r['b']} slot {t} in session {r['session']}")
    finish("; ".join(shown))


def main():
    cmds = {"summary": (cmd_summary, 3, 3), "suggest": (cmd_suggest, 3, 6),
            "event": (cmd_event, 3, 5), "run": (cmd_run, 3, 5), "files": (cmd_files, 2, 2),
            "constrain": (cmd_constrain, 2, 2), "agendas": (cmd_agendas, 2, 2)}
    if len(sys.argv) < 2 or sys.argv[1] not in cmds:
        raise SystemExit(__doc__)
    fn, lo, hi = cmds[sys.argv[1]]
    args = sys.argv[2:]
    if not lo <= len(args) <= hi:
        raise SystemExit(__doc__)
    if fn is cmd_suggest:
        args = args[:3] + [float(v) for v in args[3:]]
    fn(*args)


if __name__ == "__main__":
    main()
