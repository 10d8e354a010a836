"""``dateline evaluate DATASET_DIR [--method NAME] [--topics a,b] [--json FILE]``: the benchmark.

Runs the news-tls protocol (:mod:`dateline.evaluate.protocol`) over every reference timeline of
every topic and prints, per run (method), a row per task and the mean: AR-1 and AR-2 F (align+
m:1 ROUGE-1/2), concat and agreement ROUGE-1/2 F, date F1; then the seconds per topic. The two
upper bounds (``oracle-dates``, ``oracle-full``) run after the method unless ``--no-oracles``.

``--method`` takes one name or a comma-separated list (method names, ``oracle-dates``,
``oracle-full``, or ``all`` for every available method); without it the default method runs.
``oracle-dates`` uses the first named method's sentence choice (the default method's when none
is named, or with ``all``).
``--json FILE`` writes one JSON object per run, one per line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dateline.errors import DatelineError

COLUMNS: tuple[tuple[str, str], ...] = (
    ("ar1", "AR-1"), ("ar2", "AR-2"), ("concat_rouge_1", "C-R1"), ("concat_rouge_2", "C-R2"),
    ("agreement_rouge_1", "A-R1"), ("agreement_rouge_2", "A-R2"), ("date_f1", "Date-F1"),
)


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "evaluate",
        help="run the news-tls benchmark protocol on a dataset (e.g. Timeline17)",
        description="Evaluate timeline methods on a dataset directory (news-tls layout) with the "
        "news-tls protocol and tilse metrics, next to the oracle upper bounds.",
    )
    p.add_argument("dataset", metavar="DATASET_DIR", help="dataset directory: one folder per topic")
    p.add_argument("--method", metavar="NAME", default=None,
                   help="method(s) to run, comma-separated; 'all' for every method; "
                        "also oracle-dates, oracle-full (default: the default method)")
    p.add_argument("--topics", metavar="A,B", default=None, help="only these topics (comma-separated)")
    p.add_argument("--json", metavar="FILE", default=None, help="write one JSON object per run to FILE")
    p.add_argument("--no-oracles", action="store_true", help="do not add the two oracle runs")
    p.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="processes for article analysis (default: CPUs available, at most 4)")
    return p


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def plan_runs(method_arg: str | None, oracles: bool) -> tuple[list[tuple[str, object, str | None]], list[str]]:
    """``([(run name, factory or None, oracle base)], notes)`` for the ``--method`` value."""
    from dateline.evaluate import protocol as P
    from dateline.tls.base import method_names

    names = _split(method_arg)
    explicit = bool(names)
    if not names:
        names = [P.default_method_name()]
    if names == ["all"]:
        names, explicit = method_names(), False
    notes: list[str] = []
    real = [n for n in names if n not in P.ORACLES]
    factories: dict[str, object] = {}
    for n in real:
        try:
            factories[n] = P.method_factory(n)
        except DatelineError as exc:
            if explicit:
                raise
            notes.append(f"skipping {n}: {exc}")
    wanted = list(names)
    if oracles and not explicit:
        wanted += list(P.ORACLES)
    runs: list[tuple[str, object, str | None]] = []
    default = P.default_method_name()
    if not explicit and default in factories:
        base: str | None = default
    else:
        base = next((n for n in real if n in factories), None)
    if base is None and P.ORACLE_DATES in wanted:
        try:
            factories[default] = P.method_factory(default)
            base = default
        except DatelineError as exc:
            if explicit and P.ORACLE_DATES in names:
                raise DatelineError(f"oracle-dates needs a method: {exc}") from None
            notes.append(f"skipping oracle-dates: {exc}")
    for n in dict.fromkeys(wanted):
        if n == P.ORACLE_FULL:
            runs.append((n, None, None))
        elif n == P.ORACLE_DATES:
            if base is not None:
                runs.append((n, factories[base], base))
        elif n in factories:
            runs.append((n, factories[n], None))
    if not runs:
        raise DatelineError("nothing to run: " + "; ".join(notes))
    return runs, notes


def _fmt_row(label: str, scores: dict, width: int) -> str:
    return f"{label:<{width}} " + " ".join(f"{scores[k]['f_score']:>7.3f}" for k, _ in COLUMNS)


def format_run(run: dict) -> str:
    """A run as a text table: one row per task, then the mean (F scores)."""
    labels = [f"{t['topic']}/{t['timeline']}" for t in run["tasks"]]
    width = max([len(x) for x in labels] + [12])
    lines = [f"== {run['method']} ==", f"{'task':<{width}} " + " ".join(f"{h:>7}" for _, h in COLUMNS)]
    for label, t in zip(labels, run["tasks"]):
        lines.append(_fmt_row(label, t, width))
    lines.append(_fmt_row("mean", run["mean"], width))
    secs = run["seconds_per_topic"]
    lines.append("seconds per topic: " + ", ".join(f"{k} {v:.1f}" for k, v in secs.items()))
    return "\n".join(lines)


def format_summary(runs: list[dict]) -> str:
    """One row per run: the mean scores."""
    width = max([len(r["method"]) for r in runs] + [12])
    lines = [f"{'method':<{width}} " + " ".join(f"{h:>7}" for _, h in COLUMNS)]
    lines += [_fmt_row(r["method"], r["mean"], width) for r in runs]
    return "\n".join(lines)


def _side_worker(side: tuple, conn) -> None:  # pragma: no cover - runs in a child
    from dateline.evaluate import protocol as P

    name, topics, dataset, factory, base, fit_cache = side
    try:
        conn.send(("ok", P.run_method(topics, name, factory, dataset=dataset, base=base,
                                      fit_cache=fit_cache)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which re-runs it
        conn.send(("error", repr(exc)))
    finally:
        conn.close()


def _fork_side_run(ctx, side: tuple) -> tuple:
    """Start ``side`` (``(name, topics, dataset, factory, base, fit_cache)``) in a forked child."""
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_side_worker, args=(side, send), daemon=True)
    proc.start()
    send.close()
    return (side, proc, recv)


def _start_side_runs(topics: list, runs_plan: list, dataset: str, jobs: int,
                     fit_cache: dict | None = None) -> dict[str, tuple]:
    """With ``jobs > 1`` and other runs to do, compute the oracles in forked child processes
    while this process runs the methods: ``oracle-full`` (no training, most of the scoring
    work) at once, ``oracle-dates`` after :func:`~dateline.evaluate.protocol.warm_fit_cache`
    has put the base method's per-task training data into ``fit_cache``, so that the child and
    this process share it instead of each computing it.

    Returns ``{run name: side run}`` (empty with one job, nothing else to run, or no ``fork``
    on this platform). The children inherit the analysed documents; only the small result
    objects come back. The results are those of :func:`~dateline.evaluate.protocol.run_method`
    in this process.
    """
    import multiprocessing as mp

    from dateline.evaluate import protocol as P

    names = [r[0] for r in runs_plan]
    if jobs < 2 or len(runs_plan) < 2 or not set(P.ORACLES) & set(names):
        return {}
    try:
        ctx = mp.get_context("fork")
    except ValueError:
        return {}
    sides: dict[str, tuple] = {}
    if P.ORACLE_FULL in names:
        sides[P.ORACLE_FULL] = _fork_side_run(ctx, (P.ORACLE_FULL, topics, dataset, None, None, None))
    for name, factory, base in runs_plan:
        if name == P.ORACLE_DATES and factory is not None:
            cache = fit_cache if fit_cache is not None else {}
            P.warm_fit_cache(topics, factory, cache)
            sides[name] = _fork_side_run(ctx, (name, topics, dataset, factory, base, cache))
    return sides


def _finish_side_run(started: tuple) -> dict:
    """The side run's result; if the child failed, the run is done here instead."""
    from dateline.evaluate import protocol as P

    (name, topics, dataset, factory, base, fit_cache), proc, recv = started
    try:
        status, payload = recv.recv()
    except EOFError:
        status, payload = "error", "the worker process ended without a result"
    finally:
        recv.close()
        proc.join()
    if status == "ok":
        return payload
    print(f"dateline: {name} in a worker process failed ({payload}); running it here", file=sys.stderr)
    return P.run_method(topics, name, factory, dataset=dataset, base=base, fit_cache=fit_cache)


def run(args: argparse.Namespace) -> int:
    from dateline.evaluate import protocol as P
    from dateline.evaluate.rouge import Rouge

    topics = P.load_dataset(args.dataset, _split(args.topics) or None)
    runs_plan, notes = plan_runs(args.method, not args.no_oracles)
    for note in notes:
        print(f"dateline: {note}", file=sys.stderr)
    json_out = Path(args.json) if args.json else None
    if json_out is not None and json_out.parent and not json_out.parent.exists():
        raise DatelineError(f"{json_out.parent}: no such directory for --json")

    jobs = args.jobs if args.jobs and args.jobs > 0 else P.jobs_default()

    def _done(topic: P.Topic) -> None:
        rejected = f" ({topic.rejected} rejected)" if topic.rejected else ""
        print(f"analysed {topic.name}: {len(topic.documents)} articles{rejected} in {topic.analysis_seconds:.1f} s",
              file=sys.stderr)

    P.analyse_topics(topics, jobs=jobs, on_topic=_done)

    rouge = Rouge()
    dataset = str(Path(args.dataset))
    results = []
    fit_cache: dict = {}  # per-task training data, shared by every fold and run of this command
    sides = _start_side_runs(topics, runs_plan, dataset, jobs, fit_cache)
    for name, factory, base in runs_plan:
        if name in sides:
            result = _finish_side_run(sides.pop(name))
        else:
            result = P.run_method(topics, name, factory, dataset=dataset, base=base, rouge=rouge,  # type: ignore[arg-type]
                                  fit_cache=fit_cache)
        results.append(result)
        print(format_run(result) + "\n", flush=True)
    if len(results) > 1:
        print(format_summary(results))
    if json_out is not None:
        with json_out.open("w", encoding="utf-8") as f:
            for r in results:
                f.write(json.dumps(r) + "\n")
    return 0
