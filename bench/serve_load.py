#!/usr/bin/env python3
"""Load on `tandem serve` over loopback, bounded in count and time: requests per second and
p50/p99 latency of the brief (uncached, then cached), a list and a write route, with 1, 8 and 64
concurrent clients (threads, one keep-alive connection each).

  python3 bench/serve_load.py [--tandem build/release/bin/tandem] [--db FILE|URL]
                              [--requests 400] [--seconds 20]

Each cell stops at --requests requests or --seconds seconds, whichever comes first. The brief
"uncached" cell asks each client for different pairs of provinces, so every request computes a
brief; "cached" repeats one pair."""
import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

PROVINCES = ["CN-BJ", "CN-TJ", "CN-HE", "CN-SX", "CN-NM", "CN-LN", "CN-JL", "CN-HL", "CN-SH",
             "CN-JS", "CN-ZJ", "CN-AH", "CN-FJ", "CN-JX", "CN-SD", "CN-HA", "CN-HB", "CN-HN",
             "CN-GD", "CN-GX", "CN-HI", "CN-CQ", "CN-SC", "CN-GZ", "CN-YN", "CN-XZ", "CN-SN",
             "CN-GS", "CN-QH", "CN-NX", "CN-XJ"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cell(port, token, clients, make_request, requests, seconds):
    latencies = []
    lock = threading.Lock()
    counter = [0]
    deadline = time.monotonic() + seconds
    errors = [0]

    def client(k):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while time.monotonic() < deadline:
            with lock:
                if counter[0] >= requests:
                    return
                n = counter[0]
                counter[0] += 1
            method, path, body = make_request(n, k)
            t0 = time.perf_counter()
            conn.request(method, path, body=body,
                         headers={"Authorization": "Bearer " + token,
                                  "Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)
                if r.status >= 400:
                    errors[0] += 1

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    latencies.sort()
    n = len(latencies)
    p = lambda q: latencies[min(n - 1, int(q * n))] * 1000 if n else float("nan")
    return n, n / wall, p(0.5), p(0.99), errors[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tandem", default="build/release/bin/tandem")
    ap.add_argument("--db", default="")
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--seconds", type=float, default=20)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp()
    db = a.db or os.path.join(tmp, "load.db")
    token = subprocess.run([a.tandem, "user", "add", "load", "--role", "admin", "--db", db],
                           capture_output=True, text=True, check=True).stdout.split()[-1]
    port = free_port()
    server = subprocess.Popen([a.tandem, "serve", "--db", db, "--port", str(port),
                               "--threads", "64"], stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    # 1,860 distinct queries (930 ordered pairs in two languages): no uncached cell repeats one.
    pairs = [(x, y, lang) for lang in ("en", "zh") for x in PROVINCES for y in PROVINCES if x != y]
    cells = {
        "brief (uncached)": None,  # set per cell below
        "brief (cached)": lambda n, k: ("GET", "/api/v1/brief?a=CN-HL&b=CN-AH&lang=en", None),
        "list organisations": lambda n, k: ("GET", "/api/v1/organisations?limit=50", None),
        "create organisation": lambda n, k: ("POST", "/api/v1/organisations",
                                             json.dumps({"name": f"load {k}-{n}", "region": "CN-AH"})),
    }
    print(f"tandem serve on {db.split('?')[0]}; {a.requests} requests or {a.seconds:g} s per cell")
    print(f"{'route':<22}{'clients':>8}{'requests':>10}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
    done_uncached = 0
    try:
        for name, make in cells.items():
            for clients in (1, 8, 64):
                if name == "brief (uncached)":
                    # Different pairs in every cell, so none is in the cache yet.
                    offset = done_uncached
                    make = (lambda off: lambda n, k: ("GET", "/api/v1/brief?a=%s&b=%s&lang=%s" % pairs[(off + n) % len(pairs)], None))(offset)
                n, rps, p50, p99, errors = run_cell(port, token, clients, make, a.requests, a.seconds)
                if name == "brief (uncached)":
                    done_uncached += n
                print(f"{name:<22}{clients:>8}{n:>10}{rps:>10.1f}{p50:>10.1f}{p99:>10.1f}{errors:>8}")
                sys.stdout.flush()
    finally:
        server.terminate()
        server.wait()


main()
