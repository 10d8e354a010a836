"""End-to-end ``dateline timeline`` on one Timeline17 topic, every output format, as a user runs it.

Each format is one real subprocess run (read + detokenise + split + tag + method + render), so the
figures include interpreter start-up. Peak memory is the child's maximum resident set size.

    python benchmarks/bench_timeline.py [--topic syria] [--dates 20] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FORMATS = ("text", "json", "markdown", "html", "timelinejs", "pretty")
SECTION = "## End to end: `dateline timeline` on a Timeline17 topic"


def data_dir() -> Path:
    env = os.environ.get("DATELINE_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def run_once(inp: Path, fmt: str, dates: int, out: Path) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "dateline", "timeline", str(inp), "--dates", str(dates),
         "--format", fmt, "-o", str(out)],
        capture_output=True, text=True, cwd=REPO,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        raise SystemExit(f"{fmt}: exit {r.returncode}: {r.stderr.strip()}")
    return wall, after.ru_maxrss / 1024, out.stat().st_size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topic", default="syria")
    ap.add_argument("--dates", type=int, default=20)
    ap.add_argument("--write", action="store_true", help="replace the section in docs/benchmarks.md")
    args = ap.parse_args()
    inp = data_dir() / "timeline17" / args.topic / "articles.jsonl.gz"
    if not inp.exists():
        raise SystemExit(f"not found: {inp} (set DATELINE_DATA)")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            wall, rss, size = run_once(inp, fmt, args.dates, Path(tmp) / f"out.{fmt}")
            rows.append((fmt, wall, rss, size))
            print(f"{fmt:<11} {wall:6.2f} s  peak {rss:6.0f} MiB  {size:>8} bytes")
    cmd = f"python benchmarks/bench_timeline.py --topic {args.topic} --dates {args.dates} --write"
    lines = [
        SECTION, "",
        f"`dateline timeline ../shared/data/timeline17/{args.topic}/articles.jsonl.gz --dates {args.dates} "
        "--format F` as a real subprocess per format (reading, detokenising, splitting, tagging, the default "
        "method and rendering; interpreter start-up included).",
        "",
        f"Command: `{cmd}` · machine: {os.cpu_count()} cores, {platform.python_implementation()} "
        f"{platform.python_version()} · date: {dt.date.today().isoformat()}",
        "",
        "| format | wall s | peak RSS MiB (max so far) | output bytes |",
        "|---|---:|---:|---:|",
        *[f"| {f} | {w:.2f} | {r:.0f} | {s} |" for f, w, r, s in rows],
        "",
    ]
    if args.write:
        doc = REPO / "docs" / "benchmarks.md"
        text = doc.read_text(encoding="utf-8")
        block = "\n".join(lines)
        if SECTION in text:
            start = text.index(SECTION)
            nxt = text.find("\n## ", start + len(SECTION))
            text = text[:start] + block + ("\n" + text[nxt + 1:] if nxt != -1 else "")
        else:
            text = text.rstrip("\n") + "\n\n" + block
        doc.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
