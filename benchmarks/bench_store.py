"""Archive benchmark: ingest all of Timeline17 twice, then check story retrieval per topic.

    .venv/bin/python benchmarks/bench_store.py [--data DIR] [--store PATH]

Prints a Markdown block for docs/benchmarks.md ("## Archive and web"): articles read/kept, articles
stored after each pass, throughput (articles/s) of both passes, archive size, and for each topic's
query the precision/recall of ``Archive.retrieve`` against the topic's own articles.
Data: ``$DATELINE_DATA`` or ``../shared/data`` (``timeline17/*/articles.jsonl.gz``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def data_dir(arg: str | None) -> Path:
    for c in (arg, os.environ.get("DATELINE_DATA"), str(REPO.parent / "shared" / "data")):
        if c and (Path(c) / "timeline17").is_dir():
            return Path(c) / "timeline17"
    sys.exit("Timeline17 not found: pass --data DIR or set DATELINE_DATA")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="folder holding timeline17/")
    ap.add_argument("--store", help="archive file to create (default: a temporary file, removed after)")
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--retrieval-only", action="store_true",
                    help="skip the two ingest passes; check retrieval on an existing --store")
    args = ap.parse_args()

    from dateline.corpus import RejectionReport, read
    from dateline.store import Archive

    t17 = data_dir(args.data)
    files = sorted(t17.glob("*/articles.jsonl.gz"))
    tmp = None
    if args.store:
        store = Path(args.store)
    else:
        tmp = tempfile.TemporaryDirectory()
        store = Path(tmp.name) / "timeline17.db"
    if args.retrieval_only and not store.exists():
        sys.exit("--retrieval-only needs an existing --store")
    if store.exists() and not args.retrieval_only:
        sys.exit(f"{store} exists; give a new path")

    passes = []
    with Archive(store) as archive:
        for n in () if args.retrieval_only else (1, 2):
            report = RejectionReport()
            t0 = time.perf_counter()
            # the dataset folder (news-tls layout: ids are kept apart per topic)
            res = archive.ingest(read([str(t17)], report=report), batch=args.batch)
            dt = time.perf_counter() - t0
            passes.append((n, report.read, report.kept, res, dt, len(archive)))
            print(f"pass {n}: {report.summary().splitlines()[0]}; {res}; {dt:.1f} s; archive {len(archive)}",
                  file=sys.stderr)

        # retrieval quality: each topic's query vs the topic's own articles (by content hash)
        rows = []
        for topic_dir in sorted(p.parent for p in files):
            meta = json.loads((topic_dir / "topic.json").read_text(encoding="utf-8"))
            with gzip.open(topic_dir / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
                own = set()
                for line in f:
                    r = json.loads(line)
                    own.add((r["published"], r["text"]))
            t0 = time.perf_counter()
            docs = archive.retrieve(meta["query"])
            dt = time.perf_counter() - t0
            got = {(d.published.isoformat(), d.article.text) for d in docs}
            hit = len(got & own)
            rows.append((meta["topic"], meta["query"], len(own), len(docs),
                         hit / len(docs) if docs else 0.0, hit / len(own), dt))
        stats = archive.stats()
    size_mb = store.stat().st_size / 1e6
    for suffix in ("-wal",):
        w = Path(str(store) + suffix)
        if w.exists():
            size_mb += w.stat().st_size / 1e6

    print(f"### Archive (bench_store.py, {date.today().isoformat()}, {platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} cores)\n")
    if passes:
        print("| pass | read | kept | added | skipped | renamed id | seconds | articles/s | archive holds |")
        print("|---|---|---|---|---|---|---|---|---|")
    for n, read_, kept, res, dt, total in passes:
        print(f"| {n} | {read_} | {kept} | {res.added} | {res.skipped} | {res.renamed} | {dt:.1f} | "
              f"{kept / dt:.0f} | {total} |")
    print(f"\nArchive: {stats['articles']} articles, {stats['sentences']} sentences, {stats['mentions']} "
          f"time mentions, {size_mb:.0f} MB.\n")
    print("| topic | query | topic articles | retrieved | precision | recall | retrieve s |")
    print("|---|---|---|---|---|---|---|")
    for topic, q, n_own, n_got, p, r, dt in rows:
        print(f"| {topic} | {q} | {n_own} | {n_got} | {p:.2f} | {r:.2f} | {dt:.2f} |")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
