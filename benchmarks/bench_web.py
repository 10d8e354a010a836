"""Web benchmark: query → timeline latency of `dateline serve` under a bounded loopback load.

    .venv/bin/python benchmarks/bench_web.py --store ARCHIVE [--requests 500] [--concurrency 8]

Starts ``dateline serve`` as a subprocess on a free 127.0.0.1 port (nothing leaves the machine) and
sends ``--requests`` GET /api/timeline requests from ``--concurrency`` client threads, cycling through
the Timeline17 topic queries and three ``dates`` values (27 distinct timelines), first as shipped
(timeline cache on), then with ``--cache 0`` (every request retrieves and builds). Prints a Markdown
block for docs/benchmarks.md ("## Archive and web"): p50/p90/p99/max latency, requests/s, errors.
Build the archive first, e.g. ``bench_store.py --store /tmp/t17.db``.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUERIES = ("BP oil spill", "Egypt protests", "financial crisis", "H1N1 swine flu", "Haiti earthquake",
           "Iraq war", "Libya war", "Michael Jackson", "Syria crisis")  # the topics' own queries


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, float, bytes]:
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as r:
            body = r.read()
            status = r.status
    except urllib.error.HTTPError as exc:
        body, status = exc.read(), exc.code
    except OSError:
        body, status = b"", 0
    return status, time.perf_counter() - t0, body


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(p / 100 * len(s) + 0.5) - 1))
    return s[k]


class Server:
    """``dateline serve`` as a subprocess on a free loopback port."""

    def __init__(self, store: str, cache: int) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "dateline", "serve", "--store", store, "--port", str(self.port),
             "--cache", str(cache)],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while get(self.base + "/api/info")[0] != 200:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.close()
                sys.exit(f"server did not start: {self.proc.stderr.read()}")
            time.sleep(0.2)
        self.info = json.loads(get(self.base + "/api/info")[2])

    def timeline_url(self, query: str, dates: int, per_date: int) -> str:
        return self.base + "/api/timeline?" + urllib.parse.urlencode({"q": query, "dates": dates, "per_date": per_date})

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def load(urls: list[str], concurrency: int) -> tuple[list[float], int, float]:
    """Latencies of the successful requests, the error count and the wall time."""
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(get, urls))
    wall = time.perf_counter() - t0
    return [dt for status, dt, _ in results if status == 200], sum(1 for r in results if r[0] != 200), wall


def row(label: str, n: int, conc: int, lat: list[float], errors: int, wall: float) -> str:
    if not lat:
        return f"| {label} | {n} | {conc} | {errors} | | | | | |"
    return (f"| {label} | {n} | {conc} | {errors} | {pct(lat, 50):.2f} | {pct(lat, 90):.2f} | {pct(lat, 99):.2f} | "
            f"{max(lat):.2f} | {len(lat) / wall:.2f} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True, help="archive made by dateline ingest / bench_store.py")
    ap.add_argument("--requests", type=int, default=500, help="requests of the load test (default 500)")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--uncached-requests", type=int, default=27,
                    help="requests of the second run, with the server's timeline cache off (default 27)")
    ap.add_argument("--per-date", type=int, default=2)
    args = ap.parse_args()
    if not Path(args.store).is_file():
        sys.exit(f"no archive at {args.store}")
    dates_choices = (5, 10, 15)

    def urls(server: Server, n: int) -> list[str]:
        # query i % 9, dates cycling 5/10/15 every 9 requests: 27 distinct timelines
        return [server.timeline_url(QUERIES[i % len(QUERIES)], dates_choices[(i // len(QUERIES)) % 3], args.per_date)
                for i in range(n)]

    # 1) the server as shipped (timeline cache on): 500 requests, 8 concurrent
    server = Server(args.store, cache=32)
    try:
        info = server.info
        cached = load(urls(server, args.requests), args.concurrency)
        search_lat = []
        for i in range(100):  # search latency, sequential
            q = urllib.parse.urlencode({"q": QUERIES[i % len(QUERIES)], "limit": 20})
            search_lat.append(get(f"{server.base}/api/search?{q}")[1])
    finally:
        server.close()

    # 2) cache off: every request retrieves the story and builds its timeline
    server = Server(args.store, cache=0)
    try:
        cold = {}
        for q in QUERIES:  # one request per query, alone on the server
            status, dt, body = get(server.timeline_url(q, 10, args.per_date))
            data = json.loads(body) if status == 200 else {}
            cold[q] = (status, dt, data.get("articles"), len(data.get("timeline", {}).get("entries", [])))
        uncached = load(urls(server, args.uncached_requests), args.concurrency)
    finally:
        server.close()

    distinct = min(args.requests, len(QUERIES) * len(dates_choices))
    print(f"### Query → timeline latency (bench_web.py, {date.today().isoformat()}, {os.cpu_count()} cores)\n")
    print(f"`dateline serve` (one uvicorn process) over an archive of {info['articles']} articles; client threads on "
          f"the same machine, 127.0.0.1 only. GET /api/timeline?q=…&dates=5|10|15&per_date={args.per_date}, "
          f"method {info['default_method']}, the {len(QUERIES)} Timeline17 topic queries "
          f"({distinct} distinct timelines). Latency in seconds, client side.\n")
    print("| run | requests | concurrent | errors | p50 | p90 | p99 | max | requests/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(row("cache on (as shipped)", args.requests, args.concurrency, *cached))
    print(row("cache off", args.uncached_requests, args.concurrency, *uncached))
    print("\nOne request alone on the server, cache off (dates=10):\n")
    print("| query | seconds | story articles | dates |")
    print("|---|---|---|---|")
    for q, (status, dt, n, k) in cold.items():
        print(f"| {q} | {dt:.2f} | {n} | {k} |" if status == 200 else f"| {q} | error {status} | | |")
    print(f"\nSearch (GET /api/search, limit 20, sequential, 100 requests): p50 {pct(search_lat, 50) * 1000:.0f} ms, "
          f"p99 {pct(search_lat, 99) * 1000:.0f} ms.")
    return 0 if not (cached[1] or uncached[1]) else 1


if __name__ == "__main__":
    sys.exit(main())
