"""Input-stage benchmark: read all of Timeline17, detokenise and split every article.

    .venv/bin/python benchmarks/bench_input.py [--data DIR] [--repeat N]

Prints a Markdown block for docs/benchmarks.md ("## Input: readers, detokeniser, sentence splitter"):
articles read/kept/rejected, seconds for reading (whole dataset folder, the news-tls layout
detection included), for detokenising and for splitting every article (best of ``--repeat``
runs), sentences found, the share of lines that needed syntok, and the peak Python heap
while streaming the whole dataset without keeping the articles (``tracemalloc``), against
the size of the text read.
Data: ``$DATELINE_DATA`` or ``../shared/data`` (``timeline17/*/articles.jsonl.gz``).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dateline.corpus import RejectionReport, read  # noqa: E402
from dateline.text import detokenize, split_sentences  # noqa: E402
from dateline.text.sentences import _INNER_BOUNDARY_RE, _LINE_RE  # noqa: E402


def data_dir(arg: str | None) -> Path:
    for c in (arg, os.environ.get("DATELINE_DATA"), str(REPO.parent / "shared" / "data")):
        if c and (Path(c) / "timeline17").is_dir():
            return Path(c) / "timeline17"
    sys.exit("Timeline17 not found: pass --data DIR or set DATELINE_DATA")


def best_of(n: int, fn):
    """Run ``fn`` ``n`` times; return (best wall seconds, best CPU seconds, last result)."""
    best, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(n):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    return best, best_cpu, result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="folder holding timeline17/")
    ap.add_argument("--repeat", type=int, default=2, help="runs per timing; the best is reported")
    args = ap.parse_args()
    root = data_dir(args.data)

    def read_all():
        report = RejectionReport()
        return report, list(read([root], report=report))

    t_read, c_read, (report, articles) = best_of(args.repeat, read_all)
    chars = sum(len(a.text) for a in articles)
    t_detok, c_detok, texts = best_of(args.repeat, lambda: [detokenize(a.text) for a in articles])
    t_split, c_split, spans = best_of(args.repeat, lambda: [split_sentences(t) for t in texts])
    n_sent = sum(len(s) for s in spans)
    lines = syntok_lines = 0
    for t in texts:
        for m in _LINE_RE.finditer(t):
            if m.group(0).strip():
                lines += 1
                syntok_lines += _INNER_BOUNDARY_RE.search(m.group(0).strip()) is not None

    del articles, texts, spans
    tracemalloc.start()
    streamed = sum(1 for _ in read([root]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{date.today().isoformat()}; best of {args.repeat} runs.")
    print(f"Command: `.venv/bin/python benchmarks/bench_input.py --repeat {args.repeat}`\n")
    print("| step | result | wall s | CPU s | rate (CPU) |")
    print("|---|---|---|---|---|")
    print(f"| read `timeline17/` (9 news-tls topics) | {report.counts()} | {t_read:.2f} | "
          f"{c_read:.2f} | {report.read / c_read:,.0f} articles/s |")
    print(f"| detokenize every article | {chars / 1e6:.1f} M characters | {t_detok:.2f} | "
          f"{c_detok:.2f} | {chars / c_detok / 1e6:.1f} M chars/s |")
    print(f"| split_sentences every article | {n_sent:,} sentences | {t_split:.2f} | "
          f"{c_split:.2f} | {report.kept / c_split:,.0f} articles/s |")
    print(f"\nLines that needed syntok (a sentence-final mark inside the line): {syntok_lines:,} of "
          f"{lines:,} ({syntok_lines / max(lines, 1):.0%}).")
    print(f"Streaming all {streamed:,} articles without keeping them: peak Python heap "
          f"{peak / 2**20:.1f} MiB for {chars / 2**20:.0f} MiB of text read.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
