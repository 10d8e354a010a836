"""Timeline methods on Timeline17 (news-tls protocol): quality and build time per task.

    .venv/bin/python benchmarks/bench_methods.py --methods datewise,learned-datewise,clust \
        --tagger heideltime --cache /tmp/dateline-t17
    .venv/bin/python benchmarks/bench_methods.py --speed --methods learned-ranking

``--speed`` times, per topic, raw articles to timeline in one process (read the topic's
``articles.jsonl.gz`` with :func:`dateline.corpus.read`, analyse every article, build with the
shipped parameters, l and k of the topic's first reference) and prints the median.

Supervised methods are trained leave-one-topic-out (never on the test topic). Scores: align+ m:1
ROUGE-1/2 and date F1 (precision and recall averaged over tasks, F from the averages), computed
with :mod:`dateline.evaluate.metrics`. Build time excludes tagging (documents are analysed once,
optionally cached); peak memory is the process's max RSS.
"""

from __future__ import annotations

import argparse
import inspect
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_params import load_all  # noqa: E402

from dateline.evaluate.metrics import score  # noqa: E402
from dateline.evaluate.rouge import Rouge  # noqa: E402
from dateline.tls.base import get_method  # noqa: E402


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bench(method: str, benches: dict, verbose: bool = False, **params: object) -> dict[str, float]:
    rouge = Rouge()
    sums = dict.fromkeys(("r1p", "r1r", "r2p", "r2r", "dp", "dr"), 0.0)
    n, build_s, fit_s = 0, 0.0, 0.0
    cache: dict = {}  # per-task training data shared by the folds (methods whose fit takes it)
    for topic, tasks in benches.items():
        m = get_method(method, **params)
        t0 = time.perf_counter()
        train = [b.task for t2, bs in benches.items() if t2 != topic for b in bs]
        if "cache" in inspect.signature(m.fit).parameters:
            m.fit(train, cache=cache)
        else:
            m.fit(train)
        fit_s += time.perf_counter() - t0
        for b in tasks:
            t = b.task
            t0 = time.perf_counter()
            pred = m.build(t.documents, dates=b.dates, per_date=b.per_date,
                           keywords=t.keywords, start=t.start, end=t.end)
            build_s += time.perf_counter() - t0
            s = score(pred, [t.reference], rouge=rouge, metrics=["align_m1", "date_f1"])
            a, d = s["align_m1"], s["date_f1"]
            row = (a["rouge_1"]["precision"], a["rouge_1"]["recall"], a["rouge_2"]["precision"],
                   a["rouge_2"]["recall"], d["precision"], d["recall"])
            for k, v in zip(sums, row):
                sums[k] += v
            n += 1
            if verbose:
                print(f"  {b.name:55s} AR-1 {_f(row[0], row[1]):.3f} AR-2 {_f(row[2], row[3]):.3f} "
                      f"Date-F1 {_f(row[4], row[5]):.3f}", flush=True)
    avg = {k: v / n for k, v in sums.items()}
    return {"AR-1": _f(avg["r1p"], avg["r1r"]), "AR-2": _f(avg["r2p"], avg["r2r"]),
            "Date-F1": _f(avg["dp"], avg["dr"]), "tasks": n, "build_s": build_s, "fit_s": fit_s}


def speed(method: str) -> None:
    """Raw articles -> timeline per topic (tagging included), shipped parameters, no training."""
    import statistics

    from train_params import data_root, load_tasks

    from dateline.corpus import read
    from dateline.pipeline import analyze

    times = []
    for topic_dir in sorted(p for p in data_root().iterdir() if (p / "timelines.jsonl").exists()):
        t0 = time.perf_counter()
        docs = [analyze(a) for a in read([topic_dir / "articles.jsonl.gz"])]
        t1 = time.perf_counter()
        b = load_tasks(topic_dir, docs)[0]
        t2 = time.perf_counter()
        get_method(method).build(docs, dates=b.dates, per_date=b.per_date,
                                 keywords=b.task.keywords, start=b.task.start, end=b.task.end)
        t3 = time.perf_counter()
        times.append(t1 - t0 + t3 - t2)
        print(f"  {topic_dir.name:6s} {len(docs):5d} articles  read+analyse {t1 - t0:5.1f} s  "
              f"build {t3 - t2:5.2f} s  total {times[-1]:5.1f} s", flush=True)
    print(f"{method}: median per topic {statistics.median(times):.1f} s, "
          f"all {len(times)} topics {sum(times):.1f} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--methods", default="datewise,learned-datewise,clust")
    ap.add_argument("--tagger", choices=("dateline", "heideltime"), default="dateline")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--quote-rules", action="store_true",
                    help="datewise and clust with dateline's quote rules (news-tls has none)")
    ap.add_argument("--speed", action="store_true", help="time raw articles -> timeline per topic")
    args = ap.parse_args(argv)
    if args.speed:
        for name in args.methods.split(","):
            speed(name)
        print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        return 0
    t0 = time.perf_counter()
    benches = load_all(args.tagger, args.cache)
    load_s = time.perf_counter() - t0
    print(f"tagger={args.tagger}  load+analyse {load_s:.1f}s")
    print("| method | AR-1 | AR-2 | Date-F1 | tasks | build s (all tasks) | fit s |")
    print("|---|---|---|---|---|---|---|")
    for name in args.methods.split(","):
        extra = {"quote_rules": True} if args.quote_rules and name in ("datewise", "clust") else {}
        r = bench(name, benches, verbose=args.verbose, **extra)
        label = f"{name} + quote rules" if extra else name
        print(f"| {label} | {r['AR-1']:.3f} | {r['AR-2']:.3f} | {r['Date-F1']:.3f} | {r['tasks']} "
              f"| {r['build_s']:.1f} | {r['fit_s']:.1f} |", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
