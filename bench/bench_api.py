"""Load bench of `clearance serve`: screen requests per second and latency percentiles on 127.0.0.1.

Starts the real server (`clearance serve`, uvicorn, one process) over a store with the embedded snapshot lists
(dpl, el, meu, sdn, uvl; their age accepted with CLEARANCE_MAX_AGE_DAYS so that nothing answers 409), creates
an analyst key, screens one name with the CLI (the store's first use: lists loaded, index built and cached;
``first_use_s``), starts the server (``startup_s``: until /readyz answers 200; ``warm_s``: until it says its
index is wholly in memory, ``startup_cpu_s`` the server's CPU by then), warms up, then runs a bounded
load (at most --requests requests and --seconds seconds) from --concurrency asyncio clients over httpx on the
same machine: POST /v1/screen with one party, and every
--match-every-th request a yente POST /match/default batch of 20 parties. Party names are the 1,573 queries of
bench/screening/sets (listed names as customers write them, and hard negatives). The load generator shares
the machine's cores with the server, as a client on the same host would.

``--client locust`` runs the mixed phase with Locust instead (bench/locustfile.py, headless, FastHttpUser, as many
users as --concurrency, bounded by --seconds and --requests; the `bench` extra installs it): the percentiles are
Locust's own (its stats CSV).

Run: PYTHONPATH=. .venv/bin/python -m bench.bench_api [--seconds 20] [--requests 20000] [--concurrency 8]
     [--client httpx|locust]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "bench" / "screening" / "sets"
CLI = [sys.executable, "-m", "clearance.cli.main"]


def names() -> list[str]:
    out: list[str] = []
    for f in ("customer_variants.csv", "hard_negatives.csv"):
        with open(SETS / f, encoding="utf-8", newline="") as fh:
            out += [row["query"] for row in csv.DictReader(fh) if row["query"].strip()]
    return out


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))] if s else float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children so far (Linux /proc): the server's CPU cost."""
    total = 0.0
    for p in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _children(pid: int) -> list[int]:
    try:
        kids = [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return kids + [g for k in kids for g in _children(k)]


async def load(base: str, key: str, parties: list[str], seconds: float, limit: int, concurrency: int,
               match_every: int, distinct: bool = False) -> dict[str, object]:
    """Bounded load; ``distinct``: each party once, in order (no repeats, so nothing is answered from memory)."""
    lat: dict[str, list[float]] = {"screen": [], "match20": []}
    status: dict[str, int] = {}
    sent = 0
    rng = random.Random(7)
    deadline = time.perf_counter() + seconds
    headers = {"Authorization": f"ApiKey {key}"}

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal sent
        while sent < limit and time.perf_counter() < deadline:
            if distinct and sent >= len(parties):
                return
            n = sent
            sent += 1
            if distinct:
                kind = "screen"
                req = client.post("/v1/screen", json={"name": parties[n]}, headers=headers)
            elif match_every and n % match_every == match_every - 1:
                kind = "match20"
                body = {"queries": {str(i): {"schema": "LegalEntity", "properties": {"name": [rng.choice(parties)]}}
                                    for i in range(20)}}
                req = client.post("/match/default", json=body, headers=headers)
            else:
                kind = "screen"
                req = client.post("/v1/screen", json={"name": rng.choice(parties)}, headers=headers)
            t0 = time.perf_counter()
            try:
                r = await req
                code = str(r.status_code)
            except httpx.HTTPError as exc:
                code = type(exc).__name__
            lat[kind].append((time.perf_counter() - t0) * 1000)
            status[code] = status.get(code, 0) + 1

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    out: dict[str, object] = {"wall_s": round(wall, 2), "status": status, "requests": sent}
    for kind, xs in lat.items():
        if xs:
            out[kind] = {"n": len(xs), "per_s": round(len(xs) / wall, 1), "p50_ms": round(pct(xs, 50), 2),
                         "p90_ms": round(pct(xs, 90), 2), "p99_ms": round(pct(xs, 99), 2),
                         "max_ms": round(max(xs), 2), "mean_ms": round(statistics.fmean(xs), 2)}
    return out


def locust_load(base: str, key: str, seconds: float, limit: int, users: int, match_every: int) -> dict[str, object]:
    """The mixed phase with Locust, headless (bench/locustfile.py); its stats CSV read back."""
    out_dir = Path(tempfile.mkdtemp(prefix="clearance-locust-"))
    env = {**os.environ, "CLEARANCE_BENCH_KEY": key, "CLEARANCE_BENCH_REQUESTS": str(limit),
           "CLEARANCE_BENCH_MATCH_EVERY": str(match_every)}
    cmd = [str(Path(sys.executable).parent / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
           "-u", str(users), "-r", str(users), "--run-time", f"{max(1, round(seconds))}s", "--host", base,
           "--csv", str(out_dir / "run"), "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "5"]
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=False, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    out: dict[str, object] = {"client": "locust", "wall_s": round(wall, 2)}
    failures = 0
    requests = 0
    with open(out_dir / "run_stats.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["Name"] == "Aggregated":
                continue
            n, failed = int(row["Request Count"]), int(row["Failure Count"])
            requests += n
            failures += failed
            out[row["Name"]] = {"n": n, "failures": failed, "per_s": round(float(row["Requests/s"]), 1),
                                "p50_ms": float(row["50%"]), "p90_ms": float(row["90%"]),
                                "p99_ms": float(row["99%"]), "max_ms": round(float(row["Max Response Time"]), 2),
                                "mean_ms": round(float(row["Average Response Time"]), 2)}
    out["requests"] = requests
    out["failures"] = failures
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--requests", type=int, default=20_000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--match-every", type=int, default=50, help="every N-th request is a /match batch of 20")
    ap.add_argument("--workers", type=int, default=1, help="server processes (`clearance serve --workers`)")
    ap.add_argument("--db", help="store to serve (default: a new one with the embedded snapshot)")
    ap.add_argument("--client", choices=("httpx", "locust"), default="httpx",
                    help="load generator of the mixed phase (default httpx; locust: bench/locustfile.py)")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="clearance-bench-api-")
    env = {**os.environ, "CLEARANCE_DB": args.db or str(Path(tmp) / "bench.db"), "CLEARANCE_MAX_AGE_DAYS": "100000"}
    key = subprocess.run([*CLI, "keys", "add", "bench", "--role", "analyst"], env=env, check=True,
                         capture_output=True, text=True).stdout.strip()
    # first use of a new store: the embedded lists loaded and the screening index built and cached on disk (a
    # one-off, done by the first command that screens); reported apart from the server's start-up
    t0 = time.perf_counter()
    subprocess.run([*CLI, "screen", "Warm Up Trading Co Ltd"], env=env, check=True, capture_output=True)
    first_use_s = time.perf_counter() - t0
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = subprocess.Popen([*CLI, "serve", "--port", str(port), "--log-level", "warning", "--workers",
                               str(args.workers)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        t0 = time.perf_counter()
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.perf_counter() - t0 > 300:
                raise SystemExit("server did not become ready")
            time.sleep(0.5)
        start_s = time.perf_counter() - t0
        while True:  # until the index is wholly in memory (a busy server may answer slowly meanwhile)
            try:
                if httpx.get(f"{base}/readyz", timeout=30).json().get("warm", True):
                    break
            except httpx.HTTPError:
                pass
            if time.perf_counter() - t0 > 600:
                raise SystemExit("the server's index did not finish loading")
            time.sleep(0.2)
        warm_s = time.perf_counter() - t0
        cpu_warm = cpu_seconds(server.pid)
        parties = names()
        asyncio.run(load(base, key, ["Warm Up Trading Co Ltd"], 3, 200, args.concurrency, 0))  # connections, code
        cpu0 = cpu_seconds(server.pid)
        first = asyncio.run(load(base, key, parties, args.seconds, args.requests, args.concurrency, 0, distinct=True))
        cpu1 = cpu_seconds(server.pid)
        if args.client == "locust":
            result = locust_load(base, key, args.seconds, args.requests, args.concurrency, args.match_every)
        else:
            result = asyncio.run(load(base, key, parties, args.seconds, args.requests, args.concurrency,
                                      args.match_every))
        cpu2 = cpu_seconds(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    first["server_cpu_ms_per_request"] = round((cpu1 - cpu0) * 1000 / max(1, int(str(first["requests"]))), 2)
    result["server_cpu_ms_per_request"] = round((cpu2 - cpu1) * 1000 / max(1, int(str(result["requests"]))), 2)
    result = {"distinct_parties": first, "mixed_with_repeats_and_match20": result}
    result.update(first_use_s=round(first_use_s, 1), startup_s=round(start_s, 1), warm_s=round(warm_s, 1),
                  startup_cpu_s=round(cpu_warm, 2), workers=args.workers, concurrency=args.concurrency,
                  match_every=args.match_every,
                  machine=f"{platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()}",
                  load_avg_before=os.getloadavg())
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
