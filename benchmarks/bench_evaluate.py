"""Benchmark of dateline's evaluation: tilse-metric scoring speed, and the full Timeline17 run.

    python benchmarks/bench_evaluate.py            # scoring alone, the 19 Timeline17 tasks
    python benchmarks/bench_evaluate.py --full     # also `dateline evaluate timeline17` end to end

Scoring alone: for every reference timeline of Timeline17 (19 tasks) a prediction of the size the
protocol asks for (l dates, about k sentences each) is made from the reference itself, with its
dates moved by -2..+2 days and its summaries rotated by one date, so that alignment has work to
do. The benchmark times (a) the protocol's per-task scores (align+ m:1, concat, agreement, date
F1: what ``dateline evaluate`` computes) and (b) every metric of ``dateline score`` (adding the
two 1:1 alignments), each with a fresh ROUGE cache. Target: (a) under 10 s for the 19 tasks.

``--full`` runs ``dateline evaluate`` (default method plus both oracles) in a subprocess, reports
its wall time (target: well under 10 minutes on 2 cores) and prints the mean rows.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def data_dir() -> Path | None:
    env = os.environ.get("DATELINE_DATA")
    for c in ([Path(env)] if env else []) + [REPO.parent / "shared" / "data"]:
        if (c / "timeline17").is_dir():
            return c / "timeline17"
    return None


def shifted_prediction(reference):
    from dateline.model import Entry, Timeline

    entries = list(reference.entries)
    n = len(entries)
    out = []
    for i, e in enumerate(entries):
        donor = entries[(i + 1) % n] if n > 1 else e
        out.append(Entry(e.date + timedelta(days=(i % 5) - 2), donor.sentences))
    return Timeline(tuple(out))


def bench_scoring(root: Path, repeats: int) -> dict:
    from dateline.evaluate.metrics import score
    from dateline.evaluate.protocol import load_dataset, scoring_reference, task_scores
    from dateline.evaluate.rouge import Rouge

    topics = load_dataset(root)
    pairs = []
    for t in topics:
        for ref in t.references:
            scored = scoring_reference(ref.timeline)
            pairs.append((shifted_prediction(scored), scored))
    best_protocol = best_all = float("inf")
    for _ in range(repeats):
        rouge = Rouge()
        t0 = time.perf_counter()
        for pred, ref in pairs:
            task_scores(pred, ref, rouge)
        best_protocol = min(best_protocol, time.perf_counter() - t0)
        rouge = Rouge()
        t0 = time.perf_counter()
        for pred, ref in pairs:
            score(pred, [ref], rouge=rouge)
        best_all = min(best_all, time.perf_counter() - t0)
    dates = sum(len(p.entries) for p, _ in pairs)
    return {"tasks": len(pairs), "predicted_dates": dates, "protocol_s": best_protocol, "all_metrics_s": best_all}


def bench_full(root: Path, extra: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "runs.jsonl"
        cmd = [sys.executable, "-m", "dateline", "evaluate", str(root), "--json", str(out), *extra]
        t0 = time.perf_counter()
        res = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if res.returncode != 0:
            raise SystemExit(f"dateline evaluate failed ({res.returncode}): {res.stderr.strip()[-2000:]}")
        runs = [json.loads(line) for line in out.read_text().splitlines()]
    return {"wall_s": wall, "stderr": res.stderr, "runs": runs, "stdout": res.stdout}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3, help="scoring repeats (best is reported)")
    ap.add_argument("--full", action="store_true", help="also time `dateline evaluate` on Timeline17")
    ap.add_argument("--evaluate-args", default="", help="extra arguments for `dateline evaluate` (with --full)")
    args = ap.parse_args(argv)
    root = data_dir()
    if root is None:
        print("Timeline17 not found: set DATELINE_DATA or place it in ../shared/data", file=sys.stderr)
        return 1
    s = bench_scoring(root, args.repeats)
    print(f"scoring {s['tasks']} tasks ({s['predicted_dates']} predicted dates): "
          f"protocol metrics {s['protocol_s']:.2f} s, all dateline-score metrics {s['all_metrics_s']:.2f} s "
          f"(best of {args.repeats})")
    if args.full:
        f = bench_full(root, args.evaluate_args.split())
        print(f"dateline evaluate {root}: {f['wall_s']:.1f} s wall")
        print(f["stderr"].strip())
        print(f"{'method':<28} {'AR-1 F':>7} {'AR-2 F':>7} {'Date F1':>7}")
        for r in f["runs"]:
            m = r["mean"]
            f1 = [m[k]["f_score"] for k in ("ar1", "ar2", "date_f1")]
            print(f"{r['method']:<28} " + " ".join(f"{v:7.3f}" for v in f1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
