"""Scale-out benchmark: articles/s of the single-process path vs. a LocalCluster, and shard sizes.

    .venv/bin/python benchmarks/bench_scale.py                       # 3 smallest Timeline17 topics
    .venv/bin/python benchmarks/bench_scale.py --topics all --write  # all topics; update docs/benchmarks.md

Rows (same articles each time):
  single process, analyze only      [analyze(a) for a in corpus.read(paths)]
  single process, to Parquet        every partition's task run in this process, one after another
  LocalCluster N workers            ingest_parquet(...) on a running cluster (start-up timed apart)
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SECTION = "## Scale-out (Dask)"


def data_dir(arg: str | None) -> Path:
    for c in ([Path(arg)] if arg else []) + ([Path(os.environ["DATELINE_DATA"])] if "DATELINE_DATA" in os.environ else []) + [
        REPO.parent / "shared" / "data"
    ]:
        if (c / "timeline17").is_dir():
            return c / "timeline17"
    sys.exit("bench_scale: Timeline17 not found (give --data, set DATELINE_DATA or place it in ../shared/data)")


def pick(t17: Path, topics: str) -> list[Path]:
    files = sorted(t17.glob("*/articles.jsonl.gz"), key=lambda p: p.stat().st_size)
    if topics == "all":
        return sorted(files)
    if topics.isdigit():
        return files[: int(topics)]
    names = topics.split(",")
    return [t17 / n / "articles.jsonl.gz" for n in names]


def mib(n: int) -> str:
    return f"{n / 2**20:.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", help="folder holding timeline17/ (default $DATELINE_DATA or ../shared/data)")
    ap.add_argument("--topics", default="3", help="N smallest topics, 'all', or names a,b (default 3)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    ap.add_argument("--partitions", type=int, default=None, help="partitions (default: dateline's)")
    ap.add_argument("--write", action="store_true", help=f"replace the '{SECTION}' section of docs/benchmarks.md")
    a = ap.parse_args()

    from distributed import Client, LocalCluster

    from dateline.corpus import RejectionReport, read
    from dateline.pipeline import analyze
    from dateline.scale import ingest_parquet
    from dateline.scale.ingest import default_partitions, process_partition
    from dateline.scale.partition import plan_partitions

    load_before = os.getloadavg()[0]
    paths = [str(p) for p in pick(data_dir(a.data), a.topics)]
    topics = [Path(p).parent.name for p in paths]
    in_bytes = sum(Path(p).stat().st_size for p in paths)

    t0 = time.perf_counter()
    docs = [analyze(x) for x in read(paths, report=RejectionReport())]
    t_single = time.perf_counter() - t0
    n = len(docs)
    del docs

    parts = a.partitions or default_partitions(paths, a.workers)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        t0 = time.perf_counter()
        for part in plan_partitions(paths, parts):
            process_partition(part, str(Path(tmp) / "seq"))
        t_seq = time.perf_counter() - t0

        t0 = time.perf_counter()
        with LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cl, \
                Client(cl) as client:
            client.wait_for_workers(a.workers)
            t_start = time.perf_counter() - t0
            res = ingest_parquet(paths, Path(tmp) / "dask", scheduler=client, partitions=parts)
        assert res.articles == n, (res.articles, n)
        shards = {ds: sorted((Path(tmp) / "dask" / ds).glob("part-*.parquet")) for ds in ("articles", "sentences", "mentions")}
        sizes = {ds: [p.stat().st_size for p in files] for ds, files in shards.items()}

    cmd = "python benchmarks/bench_scale.py " + " ".join(sys.argv[1:])
    lines = [
        SECTION,
        "",
        f"Command: `{cmd.strip()}` — {date.today().isoformat()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}.",
        f"Input: Timeline17 topics {', '.join(topics)}: {n} articles, {mib(in_bytes)} MiB of articles.jsonl.gz; "
        f"{res.partitions} partitions.",
        f"1-minute load average before / after: {load_before:.1f} / {os.getloadavg()[0]:.1f} (other jobs share "
        "the cores: a load above the core count makes the cluster row pessimistic).",
        "",
        "| path | seconds | articles/s |",
        "|---|---:|---:|",
        f"| single process, `analyze` only | {t_single:.1f} | {n / t_single:.1f} |",
        f"| single process, partitions → Parquet | {t_seq:.1f} | {n / t_seq:.1f} |",
        f"| LocalCluster, {a.workers} worker processes → Parquet | {res.seconds:.1f} | {n / res.seconds:.1f} |",
        f"| same, including cluster start-up ({t_start:.1f} s) | {res.seconds + t_start:.1f} | "
        f"{n / (res.seconds + t_start):.1f} |",
        "",
        "| dataset | rows | shard files | total MiB | mean KiB per shard |",
        "|---|---:|---:|---:|---:|",
    ]
    rows = {"articles": res.articles, "sentences": res.sentences, "mentions": res.mentions}
    for ds, ss in sizes.items():
        lines.append(f"| {ds} | {rows[ds]} | {len(ss)} | {mib(sum(ss))} | {sum(ss) / max(1, len(ss)) / 1024:.1f} |")
    lines.append("")
    text = "\n".join(lines)
    print(text)
    if a.write:
        write_section(REPO / "docs" / "benchmarks.md", text)
    return 0


def write_section(path: Path, text: str) -> None:
    """Replace (or append) this benchmark's section, leaving every other section as it is."""
    doc = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start = doc.find(SECTION + "\n")
    if start < 0:
        doc = doc.rstrip("\n") + "\n\n" + text
    else:
        nxt = doc.find("\n## ", start + len(SECTION))
        doc = doc[:start] + text + ("" if nxt < 0 else "\n" + doc[nxt + 1:])
    path.write_text(doc if doc.endswith("\n") else doc + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
