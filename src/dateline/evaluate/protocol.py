"""The news-tls benchmark protocol: one task per reference timeline, scored with tilse metrics.

For a topic directory (news-tls layout: ``articles*.jsonl[.gz]`` + ``timelines.jsonl`` +
``topic.json`` or ``keywords.json``; or tilse's: ``InputDocs/<YYYY-MM-DD>/*`` articles and
``timelines/*.txt`` references) every reference timeline is one task:

* the topic's articles are analysed once (:func:`dateline.pipeline.analyze`) and clipped to the
  reference's first and last date (by publication date);
* the method gets ``dates = l`` (number of reference dates) and ``per_date = k`` (mean sentences
  per reference date, rounded as Python rounds), plus the topic's keywords (its query only when
  it has none, see :func:`make_task`) and the reference's span as ``start``/``end``;
* supervised methods are fitted on the tasks of the *other* topics (leave-one-topic-out);
* the prediction is scored against that one reference: align+ m:1 ROUGE-1/2 (AR-1, AR-2),
  concat and agreement ROUGE, date F1. Means average precision and recall over tasks and take
  F from the averages (news-tls's ``get_average_results``).

Reference sentences are detokenised (PTB ``-LRB-``, `` `` ``, `` 's`` ...) before scoring so that
they are in the same form as the predicted sentences, which come from detokenised articles.

Two upper bounds run as pseudo-methods:

* ``oracle-dates``: the reference dates with the method's own sentence choice. If the method's
  ``build`` accepts a ``dates_given`` keyword, it receives the reference dates; otherwise it sees
  only the sentences that can be dated to a reference date (a day-level mention of it, or no
  day-level mention and published on it), and entries on other dates are dropped.
* ``oracle-full``: for every reference date, sentences dated to it (same rule) chosen greedily,
  up to ``k``, to maximise ROUGE-1 F + ROUGE-2 F against that date's reference summary.
"""

from __future__ import annotations

import inspect
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.errors import DatelineError
from dateline.evaluate.metrics import f_score, score
from dateline.evaluate.rouge import Rouge
from dateline.model import Article, Document, Entry, Quote, Sentence, Timeline
from dateline.tls.base import Method, Task

ORACLE_DATES = "oracle-dates"
ORACLE_FULL = "oracle-full"
ORACLES: tuple[str, ...] = (ORACLE_DATES, ORACLE_FULL)
#: Keys of a task's scores and of the mean, in table order.
SCORE_KEYS: tuple[str, ...] = (
    "ar1", "ar2", "concat_rouge_1", "concat_rouge_2", "agreement_rouge_1", "agreement_rouge_2", "date_f1",
)

Analyzer = Callable[[Article], Document]


@dataclass(frozen=True)
class Reference:
    """One reference timeline of a topic."""

    name: str
    timeline: Timeline


@dataclass
class Topic:
    """A topic of a dataset: its articles (paths), query, keywords and reference timelines."""

    name: str
    path: Path
    article_files: tuple[Path, ...]
    references: tuple[Reference, ...]
    query: str | None = None
    keywords: tuple[str, ...] = ()
    documents: tuple[Document, ...] = field(default=(), repr=False)
    analysis_seconds: float = 0.0
    rejected: int = 0


# --- loading -------------------------------------------------------------------------------------

def _article_files(topic_dir: Path) -> tuple[Path, ...]:
    """The topic's ``articles*.jsonl[.gz]`` files (one version of the collection where news-tls's
    preprocessing left several, see :func:`dateline.corpus.layouts.newstls_files`); without any,
    its tilse ``InputDocs/`` folder (Timeline17's and Crisis's original layout: one article per
    file, dated by its folder)."""
    from dateline.corpus.layouts import newstls_files

    files = newstls_files(topic_dir)
    if not files and (topic_dir / "InputDocs").is_dir():
        return (topic_dir / "InputDocs",)
    return tuple(files)


def _read_json(path: Path, what: str) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DatelineError(f"{path}: unreadable {what}: {exc}") from None


def _topic_meta(topic_dir: Path) -> dict:
    """The topic's ``topic.json`` (query, keywords, timeline names), if any; without keywords
    there, news-tls's own ``keywords.json`` (a list of strings) gives them."""
    meta_path = topic_dir / "topic.json"
    meta = _read_json(meta_path, "topic description") if meta_path.is_file() else {}
    meta = dict(meta) if isinstance(meta, dict) else {}
    kw_path = topic_dir / "keywords.json"
    if not isinstance(meta.get("keywords"), list) and kw_path.is_file():
        kws = _read_json(kw_path, "keyword list")
        if not (isinstance(kws, list) and all(isinstance(k, str) for k in kws)):
            raise DatelineError(f"{kw_path}: not a JSON list of strings")
        meta["keywords"] = kws
    return meta


def _references(topic_dir: Path, meta: dict) -> tuple[Reference, ...]:
    from dateline.render.tilse import read_timeline, read_timelines

    jsonl = topic_dir / "timelines.jsonl"
    if jsonl.is_file():
        tls = read_timelines(jsonl)
        names = meta.get("timelines")
        if not (isinstance(names, list) and len(names) == len(tls) and all(isinstance(n, str) for n in names)):
            names = [f"tl{i}" for i in range(len(tls))]
        return tuple(Reference(Path(n).stem, tl) for n, tl in zip(names, tls))
    txt_dir = topic_dir / "timelines"
    if txt_dir.is_dir():
        return tuple(Reference(p.stem, read_timeline(p)) for p in sorted(txt_dir.glob("*.txt")))
    return ()


def load_dataset(dataset_dir: str | Path, topics: Sequence[str] | None = None) -> list[Topic]:
    """The topics of a dataset directory (sorted by name), without analysing any article.

    Raises :class:`~dateline.errors.DatelineError` for a missing directory, an unknown topic in
    ``topics``, or a topic without articles or references.
    """
    root = Path(dataset_dir)
    if not root.is_dir():
        raise DatelineError(f"{root}: not a directory")
    found: dict[str, Path] = {}
    for d in sorted(root.iterdir()):
        if d.is_dir() and ((d / "timelines.jsonl").is_file() or (d / "timelines").is_dir()):
            found[d.name] = d
    if not found:
        raise DatelineError(f"{root}: no topic directories (with timelines.jsonl or timelines/) found")
    names = list(found)
    if topics:
        unknown = [t for t in topics if t not in found]
        if unknown:
            raise DatelineError(f"unknown topic(s) {', '.join(unknown)}; known: {', '.join(names)}")
        names = [n for n in names if n in set(topics)]
    out: list[Topic] = []
    for name in names:
        d = found[name]
        meta = _topic_meta(d)
        files = _article_files(d)
        if not files:
            raise DatelineError(f"{d}: no articles*.jsonl[.gz] file or InputDocs/ folder")
        refs = _references(d, meta)
        if not refs:
            raise DatelineError(f"{d}: no reference timeline")
        kws = meta.get("keywords")
        query = meta.get("query")
        out.append(Topic(name, d, files, refs, query if isinstance(query, str) else None,
                         tuple(k for k in kws if isinstance(k, str)) if isinstance(kws, list) else ()))
    return out


def read_articles(topic: Topic) -> list[Article]:
    """The topic's articles, read by :func:`dateline.corpus.read` (JSONL files or a tilse
    ``InputDocs/`` folder). Records the reader's rejections (e.g. empty texts) in
    ``topic.rejected``.
    """
    from dateline.corpus import RejectionReport, read

    report = RejectionReport()
    articles = list(read([str(p) for p in topic.article_files], report=report))
    topic.rejected = len(report.rejected)
    return articles


def _default_analyzer() -> Analyzer:
    from dateline.pipeline import analyze

    return analyze


#: A topic of at most this many articles is analysed in this process even with more jobs.
POOL_MIN_ARTICLES = 50
#: Articles per work item sent to a worker process: small, so that the workers finish together.
POOL_CHUNK = 8


def _pool_map(pool: ProcessPoolExecutor, analyzer: Analyzer | None, articles: list[Article]) -> Iterator[Document]:
    """Submit ``articles`` to ``pool`` now; the iterator yields their documents, in order.

    With the default analyzer the workers run :func:`dateline.pipeline.analyze_compact` and the
    documents are assembled here (the same documents; much less to pickle).
    """
    if analyzer is not None:
        return pool.map(analyzer, articles, chunksize=POOL_CHUNK)
    from dateline.pipeline import analyze_compact, assemble

    return map(assemble, articles, pool.map(analyze_compact, articles, chunksize=POOL_CHUNK))


def analyse_topic(topic: Topic, *, jobs: int = 1, analyzer: Analyzer | None = None) -> None:
    """Read and analyse the topic's articles once; stores ``documents`` and ``analysis_seconds``.

    With ``jobs > 1`` the articles are analysed in worker processes (:func:`analyse_topics`).
    """
    if jobs > 1:
        analyse_topics([topic], jobs=jobs, analyzer=analyzer)
        return
    t0 = time.perf_counter()
    fn = analyzer or _default_analyzer()
    topic.documents = tuple(fn(a) for a in read_articles(topic))
    topic.analysis_seconds = time.perf_counter() - t0


def analyse_topics(
    topics: Sequence[Topic],
    *,
    jobs: int = 1,
    analyzer: Analyzer | None = None,
    on_topic: Callable[[Topic], None] | None = None,
) -> None:
    """:func:`analyse_topic` for every topic, sharing one pool of ``jobs`` worker processes.

    Starting the workers (and importing the tagger in each) once instead of once per topic
    saves about a second per topic on Timeline17. All topics' articles are queued at once, in
    small work items, so that no worker waits at the end of a topic. ``on_topic`` is called
    after each topic, in order; a topic's ``analysis_seconds`` is then the time since the
    previous topic was done (since the start, for the first).
    """
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            t0 = time.perf_counter()
            queued = []
            for topic in topics:
                articles = read_articles(topic)
                if len(articles) > POOL_MIN_ARTICLES:
                    queued.append((topic, articles, _pool_map(pool, analyzer, articles)))
                else:
                    queued.append((topic, articles, None))
            fn = analyzer or _default_analyzer()
            for topic, articles, docs in queued:
                topic.documents = tuple(docs if docs is not None else map(fn, articles))
                t1 = time.perf_counter()
                topic.analysis_seconds, t0 = t1 - t0, t1
                if on_topic:
                    on_topic(topic)
    else:
        for topic in topics:
            analyse_topic(topic, jobs=1, analyzer=analyzer)
            if on_topic:
                on_topic(topic)


# --- tasks ---------------------------------------------------------------------------------------

def _detok() -> Callable[[str], str]:
    try:
        from dateline.text import detokenize
    except ImportError:  # the text stage is not there: score references as written
        return lambda s: s
    return detokenize


def scoring_reference(timeline: Timeline, detok: Callable[[str], str] | None = None) -> Timeline:
    """The reference as scored: sentences detokenised (see the module docstring)."""
    fn = detok or _detok()
    return Timeline(tuple(Entry(e.date, tuple(Quote(fn(q.text), q.article_id) for q in e.sentences))
                          for e in timeline.entries))


def task_size(reference: Timeline) -> tuple[int, int]:
    """``(l, k)``: number of reference dates and rounded mean sentences per date.

    A date given twice counts once, with its later block (as news-tls reads its files).

    >>> from dateline.model import Entry, Quote
    >>> q = Quote("s", "")
    >>> task_size(Timeline((Entry(date(2020, 1, 1), (q, q)), Entry(date(2020, 1, 2), (q,)))))
    (2, 2)
    """
    per_date: dict[date, int] = {}
    for e in reference.entries:
        per_date[e.date] = len(e.sentences)
    if not per_date:
        return 0, 0
    return len(per_date), round(sum(per_date.values()) / len(per_date))


def make_task(topic: Topic, ref: Reference) -> Task:
    """The :class:`~dateline.tls.base.Task` for one reference: documents clipped to its span.

    The topic's collection is the story's articles and its keywords say what to quote, as in
    news-tls; the query, which picks a story's articles out of a mixed archive
    (:func:`~dateline.tls.common.select_documents`), is passed on only for a topic without
    keywords, where its words stand in for them. Training (which never filters by query) and
    building then see the same articles.
    """
    dates = ref.timeline.dates
    start, end = (dates[0], dates[-1]) if dates else (None, None)
    docs = tuple(d for d in topic.documents
                 if (start is None or d.published >= start) and (end is None or d.published <= end))
    query = None if topic.keywords else topic.query
    return Task(topic.name, docs, ref.timeline, topic.keywords, query, start, end,
                {"name": ref.name})


# --- oracles -------------------------------------------------------------------------------------

def _sentence_days(doc: Document, s: Sentence) -> tuple[date, ...]:
    days = s.days
    return days if days else (doc.published,)


def restrict_to_dates(documents: Iterable[Document], dates: Iterable[date]) -> list[Document]:
    """Documents keeping only sentences datable to one of ``dates`` (see the module docstring)."""
    wanted = set(dates)
    out = []
    for d in documents:
        kept = tuple(s for s in d.sentences if any(x in wanted for x in _sentence_days(d, s)))
        if kept:
            out.append(Document(d.article, kept))
    return out


def _accepts(fn: Callable, name: str) -> bool:
    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def build_with_dates(method: Method, task: Task, dates: int, per_date: int) -> Timeline:
    """``oracle-dates``: the method summarises the reference dates only."""
    ref_dates = list(dict.fromkeys(task.reference.dates))
    kwargs = dict(dates=dates, per_date=per_date, query=task.query, keywords=task.keywords,
                  start=task.start, end=task.end)
    if _accepts(method.build, "dates_given"):
        tl = method.build(task.documents, dates_given=ref_dates, **kwargs)
    else:
        tl = method.build(restrict_to_dates(task.documents, ref_dates), **kwargs)
    wanted = set(ref_dates)
    return Timeline(tuple(e for e in tl.entries if e.date in wanted), query=tl.query, method=ORACLE_DATES)


def oracle_full(
    task: Task, per_date: int, rouge: Rouge | None = None, scored_reference: Timeline | None = None
) -> Timeline:
    """``oracle-full``: greedy ROUGE-1+2 F oracle sentences on every reference date.

    Candidates for a date are the clipped documents' sentences dated to it (a day-level mention,
    or no day-level mention and published that day), identical texts once. Each step adds the
    candidate that most raises ROUGE-1 F + ROUGE-2 F against the date's reference summary; the
    date stops at ``per_date`` sentences or when nothing raises the score. Dates with no useful
    candidate are left out.
    """
    r = rouge or Rouge()
    ref = scored_reference or task.reference
    ref_by_date: dict[date, list[str]] = {}
    for e in ref.entries:
        ref_by_date[e.date] = [q.text for q in e.sentences]
    candidates: dict[date, dict[str, Quote]] = {d: {} for d in ref_by_date}
    for doc in task.documents:
        for s in doc.sentences:
            for day in _sentence_days(doc, s):
                pool = candidates.get(day)
                if pool is not None and s.text not in pool:
                    pool[s.text] = Quote(s.text, doc.id, doc.published, doc.article.source,
                                         doc.article.url, doc.article.title)
    entries = []
    for day in sorted(ref_by_date):
        chosen = _greedy_oracle(r, list(candidates[day].values()), r.grams(ref_by_date[day]), per_date)
        if chosen:
            entries.append(Entry(day, tuple(chosen)))
    return Timeline(tuple(entries), query=task.query, method=ORACLE_FULL)


def _greedy_oracle(r: Rouge, quotes: Sequence[Quote], model: tuple[Counter, Counter], k: int) -> list[Quote]:
    """Greedy ROUGE-1 F + ROUGE-2 F selection of up to ``k`` of ``quotes`` against one summary.

    The counts of each trial summary are kept incrementally (chosen n-grams, clipped hits, totals),
    which gives the very numbers :func:`~dateline.evaluate.rouge.counts_from_grams` would give on
    the concatenated summary (bigrams cross sentence boundaries), at the cost of one candidate's
    n-grams per trial.
    """
    ref1, ref2 = model
    tot1, tot2 = sum(ref1.values()), sum(ref2.values())
    pool = []
    for q in quotes:
        toks = r.sentence_tokens(q.text)
        if any(t in ref1 for t in toks):
            g1 = Counter(t for t in toks if t in ref1)
            g2 = Counter(b for b in zip(toks, toks[1:]) if b in ref2)
            pool.append((q, toks, g1, g2))
    chosen: list[Quote] = []
    cur1: Counter = Counter()
    cur2: Counter = Counter()
    hits1 = hits2 = peer1 = peer2 = 0
    last: str | None = None
    best = 0.0
    while len(chosen) < k and pool:
        best_i, best_val, best_state = -1, best, None
        for i, (_, toks, g1, g2) in enumerate(pool):
            h1 = hits1 + _gain(cur1, g1, ref1)
            bridge = (last, toks[0]) if last is not None else None
            h2 = hits2 + _gain(cur2, g2, ref2, bridge)
            p1 = peer1 + len(toks)
            p2 = peer2 + len(toks) - 1 + (bridge is not None)
            val = (f_score(_ratio(h1, p1), _ratio(h1, tot1)) + f_score(_ratio(h2, p2), _ratio(h2, tot2)))
            if val > best_val:
                best_i, best_val, best_state = i, val, (h1, h2, p1, p2, bridge)
        if best_i < 0 or best_state is None:
            break
        q, toks, g1, g2 = pool.pop(best_i)
        hits1, hits2, peer1, peer2, bridge = best_state
        cur1.update(g1)
        cur2.update(g2)
        if bridge is not None and bridge in ref2:
            cur2[bridge] += 1
        chosen.append(q)
        last, best = toks[-1], best_val
    return chosen


def _gain(cur: Counter, grams: Counter, ref: Counter, extra: tuple | None = None) -> int:
    """How many clipped hits against ``ref`` adding ``grams`` (and one ``extra`` gram) to ``cur`` adds.

    >>> from collections import Counter
    >>> _gain(Counter({"a": 1}), Counter({"a": 2, "b": 1}), Counter({"a": 2, "b": 1}))
    2
    """
    g = 0
    for t, c in grams.items():
        m = ref[t]
        have = cur[t] if t in cur else 0
        if have < m:
            g += min(have + c, m) - have
    if extra is not None and extra in ref:
        have = cur[extra] + grams.get(extra, 0)
        if have < ref[extra]:
            g += 1
    return g


def _ratio(a: float, b: float) -> float:
    return 0.0 if b == 0 else a / b


# --- running -------------------------------------------------------------------------------------

def _prf_mean(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    if not rows:
        return {"precision": 0.0, "recall": 0.0, "f_score": 0.0}
    p = sum(r["precision"] for r in rows) / len(rows)
    rc = sum(r["recall"] for r in rows) / len(rows)
    return {"precision": p, "recall": rc, "f_score": f_score(p, rc)}


def task_scores(predicted: Timeline, reference: Timeline, rouge: Rouge | None = None) -> dict[str, dict[str, float]]:
    """The protocol's figures for one task (each a precision/recall/F object)."""
    s = score(predicted, [reference], rouge=rouge, metrics=("concat", "agreement", "align_m1", "date_f1"))
    return {
        "ar1": s["align_m1"]["rouge_1"],
        "ar2": s["align_m1"]["rouge_2"],
        "concat_rouge_1": s["concat"]["rouge_1"],
        "concat_rouge_2": s["concat"]["rouge_2"],
        "agreement_rouge_1": s["agreement"]["rouge_1"],
        "agreement_rouge_2": s["agreement"]["rouge_2"],
        "date_f1": s["date_f1"],
    }


def mean_scores(tasks: Sequence[dict]) -> dict[str, dict[str, float]]:
    """news-tls means: precision and recall averaged over tasks, F from the averages."""
    return {k: _prf_mean([t[k] for t in tasks]) for k in SCORE_KEYS}


def default_method_name() -> str:
    """The method ``dateline evaluate`` runs when none is named: the one ``dateline timeline`` uses
    (:data:`dateline.api.DEFAULT_METHOD`).

    >>> default_method_name()
    'learned-ranking'
    """
    from dateline.api import DEFAULT_METHOD

    return DEFAULT_METHOD


def method_factory(name: str) -> Callable[[], Method]:
    """A zero-argument factory for the method ``name`` (raises DatelineError when unavailable)."""
    from dateline.tls.base import get_method

    try:
        get_method(name)
    except KeyError as exc:
        raise DatelineError(str(exc.args[0]) if exc.args else str(exc)) from None
    except (ImportError, AttributeError) as exc:
        raise DatelineError(f"method {name!r} is not available ({exc})") from None
    return lambda: get_method(name)


def run_method(
    topics: Sequence[Topic],
    name: str,
    factory: Callable[[], Method] | None,
    *,
    dataset: str = "",
    base: str | None = None,
    rouge: Rouge | None = None,
    on_task: Callable[[dict], None] | None = None,
    fit_cache: dict | None = None,
) -> dict:
    """Run one method (or oracle) over every task of the analysed ``topics``; returns the run object.

    ``factory`` makes a fresh method (``None`` for ``oracle-full``); for ``oracle-dates`` it makes
    the method whose sentence choice is used, named ``base``. Supervised training is
    leave-one-topic-out: each topic's method instance is fitted on the other topics' tasks.
    A method whose ``fit`` takes a ``cache`` keyword gets one dict for all folds (``fit_cache``
    when given, so that several runs over the same ``topics`` share it), in which it keeps
    per-task training data instead of recomputing it for every fold.
    """
    r = rouge or Rouge()
    detok = _detok()
    all_tasks = {t.name: [make_task(t, ref) for ref in t.references] for t in topics}
    scored_refs = {(t.name, ref.name): scoring_reference(ref.timeline, detok) for t in topics for ref in t.references}
    rows: list[dict] = []
    seconds: dict[str, float] = {}
    cache: dict = fit_cache if fit_cache is not None else {}
    for topic in topics:
        t0 = time.perf_counter()
        method = None
        if name != ORACLE_FULL:
            if factory is None:
                raise DatelineError(f"no method to run for {name}")
            method = factory()
            train = [task for other, ts in all_tasks.items() if other != topic.name for task in ts]
            if train:
                try:
                    if _accepts(method.fit, "cache"):
                        method.fit(train, cache=cache)
                    else:
                        method.fit(train)
                except ValueError as exc:
                    raise DatelineError(f"{name}: training without topic {topic.name} failed: {exc}") from None
        for task in all_tasks[topic.name]:
            l, k = task_size(task.reference)
            ref_for_scoring = scored_refs[(topic.name, task.extra["name"])]
            if name == ORACLE_FULL:
                pred = oracle_full(task, k, r, ref_for_scoring)
            elif name == ORACLE_DATES:
                pred = build_with_dates(method, task, l, k)
            else:
                pred = method.build(task.documents, dates=l, per_date=k, query=task.query,  # type: ignore[union-attr]
                                    keywords=task.keywords, start=task.start, end=task.end)
            row = {"topic": topic.name, "timeline": task.extra["name"], "dates": l, "per_date": k,
                   "documents": len(task.documents), "predicted_dates": len(pred.entries)}
            row.update(task_scores(pred, ref_for_scoring, r))
            rows.append(row)
            if on_task:
                on_task(row)
        seconds[topic.name] = round(time.perf_counter() - t0 + topic.analysis_seconds, 3)
    label = name if name != ORACLE_DATES or not base else f"{ORACLE_DATES}({base})"
    return {
        "dataset": dataset,
        "method": label,
        "tasks": rows,
        "mean": mean_scores(rows),
        "seconds_per_topic": seconds,
    }


def warm_fit_cache(topics: Sequence[Topic], factory: Callable[[], Method], fit_cache: dict) -> bool:
    """Fill ``fit_cache`` with the per-task training data of every task of ``topics``.

    For a method whose ``fit`` takes a ``cache`` keyword (see :func:`run_method`): one fresh
    instance is fitted on every task, with ``fit_cache``, and then discarded; the folds of later
    runs with the same ``fit_cache`` (also in processes forked afterwards) find every task's data
    there. Their results are the same with or without this. Returns whether the method takes a
    cache (nothing is done otherwise, nor with fewer than two topics, where no fold trains).
    """
    if len(topics) < 2:
        return False
    method = factory()
    if not _accepts(method.fit, "cache"):
        return False
    tasks = [make_task(t, ref) for t in topics for ref in t.references]
    try:
        method.fit(tasks, cache=fit_cache)
    except ValueError:  # e.g. nothing to learn from: the runs report it for their folds
        pass
    return True


def jobs_default() -> int:
    """Worker processes for article analysis: the CPUs available, at most 4."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        n = os.cpu_count() or 1
    return max(1, min(4, n))


__all__ = [
    "ORACLES",
    "ORACLE_DATES",
    "ORACLE_FULL",
    "SCORE_KEYS",
    "Reference",
    "Topic",
    "analyse_topic",
    "analyse_topics",
    "build_with_dates",
    "default_method_name",
    "jobs_default",
    "load_dataset",
    "make_task",
    "mean_scores",
    "method_factory",
    "oracle_full",
    "read_articles",
    "restrict_to_dates",
    "run_method",
    "scoring_reference",
    "task_scores",
    "task_size",
    "warm_fit_cache",
]
