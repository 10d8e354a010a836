"""``dateline evaluate`` and the news-tls protocol on a tiny dataset written by the tests.

The dataset has two topics in the news-tls layout (articles.jsonl.gz, timelines.jsonl,
topic.json); articles run through the real pipeline. Methods: the two oracles and a tiny method
defined here, which also records what it was trained on (leave-one-topic-out).
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import run_cli
from dateline.evaluate import protocol as P
from dateline.errors import DatelineError
from dateline.model import Document, Entry, Quote, Timeline

# (topic, query/keyword, events: (day offset, sentence)) -- made up for these tests
TOPICS = {
    "dam": ("dam", date(2021, 3, 1), [
        (0, "Engineers warned on Monday that the Riverton dam was cracking."),
        (2, "The Riverton dam burst on Wednesday, flooding the valley."),
        (3, "Rescuers pulled 40 people from the flood water of the dam breach."),
        (6, "The governor ordered an inquiry into the dam collapse."),
        (9, "Rebuilding of the dam began after the water receded."),
    ]),
    "strike": ("strike", date(2021, 6, 7), [
        (0, "Port workers voted for a strike over pay."),
        (1, "The strike closed the harbour and ships queued offshore."),
        (4, "Talks between the union and the port broke down during the strike."),
        (7, "The strike ended after a new pay offer was accepted."),
    ]),
}


def _write_dataset(root: Path) -> Path:
    for name, (kw, start, events) in TOPICS.items():
        d = root / name
        d.mkdir(parents=True)
        articles = []
        for i, (off, sent) in enumerate(events):
            day = start + timedelta(days=off)
            # a filler sentence that matches no reference, then the event sentence
            text = f"Officials spoke to reporters about the {kw} again. {sent} More news will follow."
            articles.append({"id": f"{name}-{i}", "source": "test", "published": day.isoformat(), "text": text})
        articles.append({"id": f"{name}-late", "source": "test",
                         "published": (start + timedelta(days=60)).isoformat(),
                         "text": f"A year on, the {kw} is remembered."})
        with gzip.open(d / "articles.jsonl.gz", "wt", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps(a) + "\n")
        tl_a = [[(start + timedelta(days=o)).isoformat() + "T00:00:00", [s]] for o, s in events[::2]]
        tl_b = [[(start + timedelta(days=o)).isoformat() + "T00:00:00", [s, s]] for o, s in events[1::2]]
        (d / "timelines.jsonl").write_text(json.dumps(tl_a) + "\n" + json.dumps(tl_b) + "\n", encoding="utf-8")
        (d / "topic.json").write_text(json.dumps({"topic": name, "query": kw, "keywords": [kw],
                                                  "timelines": ["a.txt", "b.txt"]}), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    return _write_dataset(tmp_path_factory.mktemp("tinyset"))


@pytest.fixture(scope="module")
def topics(dataset: Path) -> list[P.Topic]:
    ts = P.load_dataset(dataset)
    for t in ts:
        P.analyse_topic(t, jobs=1)
    return ts


class FirstSentences:
    """A tiny method: the most-published days, each with the first sentences that mention a keyword."""

    name = "first-sentences"

    def __init__(self, log: list | None = None):
        self.log = log if log is not None else []

    def fit(self, tasks):
        self.log.append({t.topic for t in tasks})
        return self

    def build(self, documents: Sequence[Document], *, dates=10, per_date=1, query=None, keywords=(),
              start=None, end=None) -> Timeline:
        by_day = Counter(d.published for d in documents)
        entries = []
        for day, _ in sorted(by_day.items(), key=lambda x: (-x[1], x[0]))[:dates]:
            quotes = [Quote(s.text, d.id, d.published) for d in documents if d.published == day
                      for s in d.sentences if any(k in s.text.lower() for k in keywords)]
            if quotes:
                entries.append(Entry(day, tuple(quotes[:per_date])))
        return Timeline(tuple(entries), method=self.name)


def test_load_dataset(dataset: Path):
    ts = P.load_dataset(dataset)
    assert [t.name for t in ts] == ["dam", "strike"]
    assert [r.name for r in ts[0].references] == ["a", "b"]
    assert ts[0].keywords == ("dam",) and ts[0].query == "dam"
    with pytest.raises(Exception, match="unknown topic"):
        P.load_dataset(dataset, ["nope"])


def test_news_tls_layout_keywords_json(tmp_path: Path):
    """news-tls's own layout: ``articles.jsonl`` with ``time``, ``keywords.json``, no topic.json."""
    d = tmp_path / "ds" / "quake"
    d.mkdir(parents=True)
    rows = [{"id": "q1", "time": "2010-01-13 00:00:00", "title": "Quake",
             "text": "A quake struck Haiti on Tuesday. Thousands were killed."}]
    (d / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (d / "timelines.jsonl").write_text(json.dumps([["2010-01-12T00:00:00", ["A quake hits Haiti."]]]) + "\n",
                                       encoding="utf-8")
    (d / "keywords.json").write_text(json.dumps(["haiti", "quake"]), encoding="utf-8")
    [t] = P.load_dataset(tmp_path / "ds")
    assert t.keywords == ("haiti", "quake") and t.query is None
    P.analyse_topic(t, jobs=1)
    assert [(str(x.article.published), x.article.title) for x in t.documents] == [("2010-01-13", "Quake")]
    (d / "keywords.json").write_text('{"haiti": 1}', encoding="utf-8")
    with pytest.raises(DatelineError, match="keywords.json: not a JSON list of strings"):
        P.load_dataset(tmp_path / "ds")


def test_a_task_gets_the_query_only_without_keywords(topics):
    dam = topics[0]
    assert dam.keywords == ("dam",) and dam.query == "dam"
    assert P.make_task(dam, dam.references[0]).query is None  # the keywords say it: no article filter
    bare = P.Topic(dam.name, dam.path, dam.article_files, dam.references, query="dam",
                   documents=dam.documents)
    task = P.make_task(bare, bare.references[0])
    assert task.query == "dam" and task.keywords == ()


def test_tasks_are_clipped_and_sized(topics):
    dam = topics[0]
    task = P.make_task(dam, dam.references[1])
    first, last = task.reference.dates[0], task.reference.dates[-1]
    assert task.documents and all(first <= d.published <= last for d in task.documents)
    assert len(task.documents) < len(dam.documents)  # the late article (and others) clipped away
    assert P.task_size(task.reference) == (len(task.reference.dates), 2)


def test_tiny_method_leave_one_topic_out(topics):
    log: list = []
    run = P.run_method(topics, "first-sentences", lambda: FirstSentences(log), dataset="tiny")
    assert log == [{"strike"}, {"dam"}]  # each topic trained on the other one only
    assert [(t["topic"], t["timeline"]) for t in run["tasks"]] == [
        ("dam", "a"), ("dam", "b"), ("strike", "a"), ("strike", "b")]
    for t in run["tasks"]:
        assert t["predicted_dates"] <= t["dates"]
        for key in P.SCORE_KEYS:
            assert set(t[key]) == {"precision", "recall", "f_score"}
    assert run["mean"]["ar1"]["f_score"] > 0
    assert set(run["seconds_per_topic"]) == {"dam", "strike"}


def test_mean_is_f_of_averaged_precision_and_recall():
    rows = [{k: {"precision": 1.0, "recall": 0.0, "f_score": 0.0} for k in P.SCORE_KEYS},
            {k: {"precision": 0.0, "recall": 1.0, "f_score": 0.0} for k in P.SCORE_KEYS}]
    m = P.mean_scores(rows)
    assert m["ar1"] == {"precision": 0.5, "recall": 0.5, "f_score": 0.5}


def test_oracle_dates_keeps_reference_dates(topics):
    run = P.run_method(topics, P.ORACLE_DATES, FirstSentences, base="first-sentences")
    assert run["method"] == "oracle-dates(first-sentences)"
    for t in run["tasks"]:
        if t["predicted_dates"]:
            assert t["date_f1"]["precision"] == 1.0


def test_oracle_dates_passes_dates_given_when_accepted(topics):
    seen = []

    class Given(FirstSentences):
        def build(self, documents, *, dates_given=None, **kw):
            seen.append(list(dates_given))
            return Timeline(tuple(Entry(d, (Quote("x", "y"),)) for d in dates_given))

    task = P.make_task(topics[0], topics[0].references[0])
    tl = P.build_with_dates(Given(), task, 3, 1)
    assert seen == [list(task.reference.dates)] and tl.dates == task.reference.dates


def test_oracle_full_beats_the_tiny_method(topics):
    full = P.run_method(topics, P.ORACLE_FULL, None)
    tiny = P.run_method(topics, "first-sentences", FirstSentences)
    assert full["mean"]["ar1"]["f_score"] > tiny["mean"]["ar1"]["f_score"]
    assert full["mean"]["ar1"]["f_score"] > 0.5
    for t in full["tasks"]:
        assert t["date_f1"]["precision"] == 1.0 or t["predicted_dates"] == 0


def test_cli_oracle_run_writes_json(dataset: Path, tmp_path: Path):
    out = tmp_path / "runs.jsonl"
    res = run_cli("evaluate", str(dataset), "--method", "oracle-full", "--topics", "dam", "--json", str(out),
                  "--jobs", "1")
    assert res.returncode == 0, res.stderr
    assert "== oracle-full ==" in res.stdout and "dam/a" in res.stdout and "mean" in res.stdout
    assert "seconds per topic: dam" in res.stdout
    runs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(runs) == 1
    r = runs[0]
    assert set(r) >= {"dataset", "method", "tasks", "mean", "seconds_per_topic"}
    assert r["method"] == "oracle-full" and [t["timeline"] for t in r["tasks"]] == ["a", "b"]
    assert set(r["mean"]) == {"ar1", "ar2", "concat_rouge_1", "concat_rouge_2", "agreement_rouge_1",
                              "agreement_rouge_2", "date_f1"}
    for t in r["tasks"]:
        assert set(t) >= {"topic", "timeline", "ar1", "ar2", "date_f1"}


def test_news_tls_preprocessed_copies_are_not_read_twice(tmp_path: Path):
    """news-tls's preprocessing writes the collection again (tokenized, preprocessed): one is read."""
    d = tmp_path / "ds" / "quake"
    d.mkdir(parents=True)
    raw = {"id": "q1", "time": "2010-01-13 00:00:00", "text": "A quake struck Haiti on Tuesday."}
    tok = dict(raw, text="A quake struck Haiti on Tuesday .")
    pre = dict(tok, sentences=[{"raw": "A quake struck Haiti on Tuesday ."}])
    for name, rec in (("articles.jsonl", raw), ("articles.tokenized.jsonl", tok),
                      ("articles.preprocessed.jsonl", pre)):
        (d / name).write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (d / "timelines.jsonl").write_text(json.dumps([["2010-01-12T00:00:00", ["A quake hits Haiti."]]]) + "\n",
                                       encoding="utf-8")
    [t] = P.load_dataset(tmp_path / "ds")
    assert [p.name for p in t.article_files] == ["articles.jsonl"]
    assert [a.text for a in P.read_articles(t)] == [raw["text"]]
    (d / "articles.jsonl").unlink()
    [t] = P.load_dataset(tmp_path / "ds")
    assert [p.name for p in t.article_files] == ["articles.preprocessed.jsonl"]


def test_tilse_layout_topics_are_evaluated(dataset: Path, tmp_path: Path):
    """Timeline17's and Crisis's original layout: InputDocs/<day>/<file> and timelines/*.txt."""
    from dateline.render.tilse import format_tilse

    root = tmp_path / "tilse"
    for t in P.load_dataset(dataset):
        d = root / t.name
        for a in P.read_articles(t):
            day = d / "InputDocs" / a.published.isoformat()
            day.mkdir(parents=True, exist_ok=True)
            (day / f"{a.id}.htm.txt").write_text(a.text, encoding="utf-8")
        (d / "timelines").mkdir()
        for r in t.references:
            (d / "timelines" / f"{r.name}.txt").write_text(format_tilse(r.timeline), encoding="utf-8")
    [dam, strike] = P.load_dataset(root)
    assert dam.article_files == (root / "dam" / "InputDocs",) and [r.name for r in dam.references] == ["a", "b"]
    P.analyse_topic(dam, jobs=1)
    assert sorted(x.article.id for x in dam.documents) == sorted(
        f"{x.published.isoformat()}/{x.id}.htm.txt" for x in P.read_articles(P.load_dataset(dataset)[0]))
    out = tmp_path / "runs.jsonl"
    res = run_cli("evaluate", str(root), "--method", "oracle-full", "--json", str(out), "--jobs", "1")
    assert res.returncode == 0, res.stderr
    [run] = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(t["topic"], t["timeline"]) for t in run["tasks"]] == [
        ("dam", "a"), ("dam", "b"), ("strike", "a"), ("strike", "b")]
    assert run["mean"]["date_f1"]["f_score"] > 0.5
    (root / "dam" / "InputDocs").rename(root / "dam" / "docs")
    res = run_cli("evaluate", str(root), "--method", "oracle-full")
    assert res.returncode == 1 and "no articles*.jsonl[.gz] file or InputDocs/ folder" in res.stderr


def test_cli_errors_are_one_line(dataset: Path, tmp_path: Path):
    res = run_cli("evaluate", str(dataset), "--topics", "nope", "--method", "oracle-full")
    assert res.returncode == 1 and "unknown topic" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    res = run_cli("evaluate", str(tmp_path / "missing"))
    assert res.returncode == 1 and "not a directory" in res.stderr
    res = run_cli("evaluate", str(dataset), "--method", "no-such-method")
    assert res.returncode == 1 and "no-such-method" in res.stderr and "Traceback" not in res.stderr


def _reference_greedy(task, per_date: int, rouge) -> list[tuple]:
    """The oracle's greedy choice computed the plain way: full n-gram tables and ROUGE counts per trial."""
    from dateline.evaluate.metrics import f_score
    from dateline.evaluate.rouge import counts_from_grams

    ref = P.scoring_reference(task.reference)
    out = []
    for e in ref.entries:
        model = [rouge.grams([q.text for q in e.sentences])]
        pool = list(dict.fromkeys(s.text for d in task.documents for s in d.sentences
                                  if e.date in (s.days or (d.published,))))
        pool = [t for t in pool if any(x in model[0][0] for x in rouge.sentence_tokens(t))]
        chosen: list[str] = []
        best = 0.0
        while len(chosen) < per_date and pool:
            vals = []
            for t in pool:
                c = counts_from_grams(rouge.grams(chosen + [t]), model)
                vals.append(sum(f_score(c[n].hits / c[n].peer if c[n].peer else 0.0,
                                        c[n].hits / c[n].model if c[n].model else 0.0) for n in (1, 2)))
            i = max(range(len(vals)), key=lambda j: (vals[j], -j))
            if vals[i] <= best:
                break
            best = vals[i]
            chosen.append(pool.pop(i))
        if chosen:
            out.append((e.date, tuple(chosen)))
    return out


def test_incremental_oracle_full_equals_plain_greedy(topics):
    from dateline.evaluate.rouge import Rouge

    rouge = Rouge()
    for topic in topics:
        for ref in topic.references:
            task = P.make_task(topic, ref)
            for k in (1, 2, 3):
                tl = P.oracle_full(task, k, rouge, P.scoring_reference(task.reference))
                got = [(e.date, tuple(q.text for q in e.sentences)) for e in tl.entries]
                assert got == _reference_greedy(task, k, rouge)


def test_analyse_topics_with_one_shared_pool_equals_serial(dataset: Path, topics):
    seen: list[str] = []
    pooled = P.load_dataset(dataset)
    P.analyse_topics(pooled, jobs=2, on_topic=lambda t: seen.append(t.name))
    assert seen == ["dam", "strike"]
    assert [t.documents for t in pooled] == [t.documents for t in topics]


def test_pooled_analysis_of_small_topics_equals_serial(dataset: Path, topics, monkeypatch):
    # force the worker-process path (compact results assembled here) on the tiny topics
    monkeypatch.setattr(P, "POOL_MIN_ARTICLES", 0)
    monkeypatch.setattr(P, "POOL_CHUNK", 2)
    seen: list[str] = []
    pooled = P.load_dataset(dataset)
    P.analyse_topics(pooled, jobs=2, on_topic=lambda t: seen.append(t.name))
    assert seen == ["dam", "strike"]
    assert [t.documents for t in pooled] == [t.documents for t in topics]
    assert all(t.analysis_seconds >= 0 for t in pooled)
    single = P.load_dataset(dataset)[0]
    P.analyse_topic(single, jobs=2)
    assert single.documents == topics[0].documents


def test_warm_fit_cache_fills_the_cache_and_changes_no_result(topics):
    fits: list[int] = []

    class Cached(FirstSentences):
        def fit(self, tasks, cache=None):
            for t in tasks:
                key = (t.topic, t.extra["name"])
                if key not in cache:
                    cache[key] = len(t.documents)
            fits.append(len(tasks))
            return self

    cold = P.run_method(topics, "cached", Cached, fit_cache={})
    warm_cache: dict = {}
    assert P.warm_fit_cache(topics, Cached, warm_cache)
    assert set(warm_cache) == {(t.name, r.name) for t in topics for r in t.references}
    assert fits[-1] == sum(len(t.references) for t in topics)  # one fit on every task
    warm = P.run_method(topics, "cached", Cached, fit_cache=warm_cache)
    assert warm["tasks"] == cold["tasks"] and warm["mean"] == cold["mean"]
    assert not P.warm_fit_cache(topics, FirstSentences, {})  # no cache keyword: nothing done
    assert not P.warm_fit_cache(topics[:1], Cached, {})  # one topic: no fold trains


def test_fit_cache_is_passed_to_methods_that_take_one(topics):
    caches: list[int] = []

    class Cached(FirstSentences):
        def fit(self, tasks, cache=None):
            caches.append(id(cache))
            cache.setdefault("n", 0)
            cache["n"] += 1
            return self

    shared: dict = {}
    P.run_method(topics, "cached", Cached, fit_cache=shared)
    P.run_method(topics, P.ORACLE_DATES, Cached, base="cached", fit_cache=shared)
    assert shared["n"] == 4 and set(caches) == {id(shared)}


def test_default_method_is_the_timeline_default():
    from dateline import api

    assert P.default_method_name() == api.DEFAULT_METHOD


def test_cli_side_run_of_oracle_full_gives_the_same_results(dataset: Path, tmp_path: Path):
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"runs{jobs}.jsonl"
        res = run_cli("evaluate", str(dataset), "--method", "oracle-full,learned-ranking", "--json", str(out),
                      "--jobs", jobs)
        assert res.returncode == 0, res.stderr
        assert res.stdout.index("== oracle-full ==") < res.stdout.index("== learned-ranking ==")
        runs[jobs] = [{k: v for k, v in json.loads(line).items() if k != "seconds_per_topic"}
                      for line in out.read_text().splitlines()]
    assert [r["method"] for r in runs["2"]] == ["oracle-full", "learned-ranking"]
    assert runs["1"] == runs["2"]


def test_cli_side_runs_of_both_oracles_give_the_same_results(dataset: Path, tmp_path: Path):
    # the default plan: the method here, oracle-dates (after the fit cache is warmed) and
    # oracle-full in forked processes with --jobs 2
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"default{jobs}.jsonl"
        res = run_cli("evaluate", str(dataset), "--json", str(out), "--jobs", jobs)
        assert res.returncode == 0, res.stderr
        runs[jobs] = [{k: v for k, v in json.loads(line).items() if k != "seconds_per_topic"}
                      for line in out.read_text().splitlines()]
    assert [r["method"] for r in runs["2"]] == ["learned-ranking", "oracle-dates(learned-ranking)", "oracle-full"]
    assert runs["1"] == runs["2"]
