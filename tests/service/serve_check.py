#!/usr/bin/env python3
"""tandem serve end to end, as an office would run it (Debian's python3, standard library only).

  serve_check.py TANDEM DB e2e     start the server on DB, add an admin with `tandem user add`,
                                   create an organisation, an event, an agreement and a project
                                   through the API, read the project's impact and the brief,
                                   check 401, 403, 413 and a field error, stop it with SIGTERM
  serve_check.py TANDEM DB crash   a stream of writes; kill -9 in the middle; restart; every
                                   acknowledged write is there and the store answers

DB: a SQLite file or a postgresql:// URL. Prints one line "ok ..." or fails with the reason."""
import glob
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

tandem, db, mode = sys.argv[1], sys.argv[2], sys.argv[3]


def fresh_store():
    """A new store at every run: the SQLite file removed, or a new PostgreSQL database."""
    global db
    if not db.startswith("postgresql://"):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        return
    query = dict(kv.split("=", 1) for kv in db.split("?", 1)[1].split("&"))
    name = f"serve_{mode}_{os.getpid()}"
    createdb = sorted(glob.glob("/usr/lib/postgresql/*/bin/createdb"))[-1]
    subprocess.run([createdb, "-h", query["host"], "-p", query["port"], "-U", "tandem", name],
                   check=True)
    db = db.split("?", 1)[0].rsplit("/", 1)[0] + "/" + name + "?" + db.split("?", 1)[1]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(port):
    p = subprocess.Popen([tandem, "serve", "--db", db, "--port", str(port)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(200):
        try:
            call(port, "GET", "/api/v1/health")
            return p
        except OSError:
            time.sleep(0.05)
    p.kill()
    sys.exit(f"the server did not start: {p.stderr.read().decode()}")


def call(port, method, path, body=None, token=None, raw=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def add_user(name, role):
    out = subprocess.run([tandem, "user", "add", name, "--role", role, "--db", db],
                         capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[-1]  # the token is the last line


def expect(cond, what):
    if not cond:
        sys.exit("FAILED: " + what)


def e2e():
    admin = add_user("ada", "admin")
    expect(admin.startswith("tdm_"), f"token {admin!r}")
    viewer = add_user("vic", "viewer")
    port = free_port()
    server = start(port)
    try:
        s, b = call(port, "POST", "/api/v1/organisations",
                    {"name": "Northeast Agricultural University", "name_zh": "东北农业大学",
                     "region": "黑龙江"}, admin)
        expect(s == 201, f"create organisation: {s} {b}")
        org = json.loads(b)["id"]
        s, b = call(port, "POST", "/api/v1/events",
                    {"title": "Heilongjiang-Anhui symposium", "date": "2026-12-03",
                     "regions": ["CN-HL", "CN-AH"]}, admin)
        expect(s == 201, f"create event: {s} {b}")
        event = json.loads(b)["id"]
        s, b = call(port, "POST", "/api/v1/agreements",
                    {"title": "seed industry", "event_id": event, "party_a": org,
                     "amount": 50000, "sectors": ["01"]}, admin)
        expect(s == 201, f"create agreement: {s} {b}")
        agreement = json.loads(b)["id"]
        s, b = call(port, "POST", "/api/v1/projects",
                    {"name": "soybean seed base", "agreement_id": agreement, "region": "CN-HL",
                     "partner_region": "CN-AH", "sectors": ["01"], "investment": 50000,
                     "stage": "signed"}, admin)
        expect(s == 201, f"create project: {s} {b}")
        project = json.loads(b)["id"]
        s, b = call(port, "GET", f"/api/v1/projects/{project}/impact", token=viewer)
        impact = json.loads(b)
        expect(s == 200 and impact["rows"][0][0] == "Heilongjiang", f"impact: {s} {b[:200]}")
        total_output = impact["values"][3][3]
        expect(total_output > 50000, f"total output {total_output} of an investment of 50000")
        s, b = call(port, "GET", f"/api/v1/events/{event}/impact", token=viewer)
        expect(s == 200 and json.loads(b)["projects"] == 1, f"event impact: {s} {b[:200]}")
        s, b = call(port, "GET", "/api/v1/brief?a=%E9%BB%91&b=%E7%9A%96", token=viewer)
        expect(s == 200 and json.loads(b)["lang"] == "zh", f"brief: {s} {b[:200]}")
        s, _ = call(port, "GET", "/api/v1/organisations")
        expect(s == 401, f"no token: {s}")
        s, _ = call(port, "POST", "/api/v1/organisations", {"name": "x", "region": "CN-HL"}, viewer)
        expect(s == 403, f"viewer writes: {s}")
        s, b = call(port, "POST", "/api/v1/organisations", {"name": "x", "region": 5}, admin)
        expect(s == 400 and json.loads(b)["field"] == "region", f"field error: {s} {b}")
        s, _ = call(port, "POST", "/api/v1/organisations", raw=b"{" + b" " * (2 << 20) + b"}",
                    token=admin)
        expect(s == 413, f"2 MiB body: {s}")
        s, b = call(port, "GET", "/api/v1/openapi.json")
        expect(s == 200 and json.loads(b)["openapi"].startswith("3."), "openapi")
    finally:
        server.send_signal(signal.SIGTERM)
        rc = server.wait(timeout=30)
    expect(rc == 0, f"SIGTERM: exit {rc}")
    print("ok: organisation, event, agreement, project, impact "
          f"{total_output:.0f} (10k CNY of output for 50000 invested), brief, 401, 403, 400, 413")


def crash():
    admin = add_user("writer", "admin")
    port = free_port()
    server = start(port)
    acked = []
    stop = threading.Event()

    def writer():
        i = 0
        while not stop.is_set():
            try:
                s, b = call(port, "POST", "/api/v1/organisations",
                            {"name": f"org {i}", "region": "CN-AH"}, admin)
            except (OSError, http.client.HTTPException):
                return  # the server is gone (mid-answer too): what was acknowledged counts
            if s == 201:
                acked.append(json.loads(b)["id"])
            i += 1

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for t in threads:
        t.start()
    while len(acked) < 150:
        time.sleep(0.01)
    server.send_signal(signal.SIGKILL)  # mid-stream: requests in flight are lost, not acked
    server.wait()
    stop.set()
    for t in threads:
        t.join()
    server = start(port)
    try:
        missing = [i for i in acked
                   if call(port, "GET", f"/api/v1/organisations/{i}", token=admin)[0] != 200]
        s, b = call(port, "GET", "/api/v1/organisations?limit=1000", token=admin)
        listed = json.loads(b)
        s2, _ = call(port, "POST", "/api/v1/organisations", {"name": "after", "region": "CN-HL"},
                     admin)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    expect(not missing, f"{len(missing)} acknowledged writes lost: {missing[:5]}")
    expect(listed["total"] >= len(acked), f"{listed['total']} stored, {len(acked)} acknowledged")
    expect(s2 == 201, "the store takes writes after the crash")
    print(f"ok: {len(acked)} acknowledged writes before kill -9, all there after the restart "
          f"({listed['total']} stored)")


fresh_store()
{"e2e": e2e, "crash": crash}[mode]()
