"""Regenerate the shipped timeline-method parameters (``src/dateline/tls/params/*.json``).

Trains every supervised method on *all* Timeline17 tasks (news-tls protocol: one task per
reference timeline, articles clipped to the reference's first and last date) and writes one
small human-readable JSON file per method::

    .venv/bin/python benchmarks/train_params.py                      # dateline's own tagger
    .venv/bin/python benchmarks/train_params.py --tagger heideltime  # HeidelTime annotations
    .venv/bin/python benchmarks/train_params.py --check              # print, write nothing

The data is found through ``$DATELINE_DATA`` or ``../shared/data``. ``--cache DIR`` keeps the
analysed documents (pickle per topic) so that repeated runs skip tagging. This module also
provides the Timeline17 loader used by ``benchmarks/bench_methods.py``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dateline.model import Article, Document, Mention, Sentence
from dateline.tls.base import Task

REPO = Path(__file__).resolve().parents[1]
PARAMS_DIR = REPO / "src" / "dateline" / "tls" / "params"
SUPERVISED = ("datewise", "learned-datewise", "learned-ranking")

_GRAN = (
    (re.compile(r"^\d{4}-\d\d-\d\d"), "day"),
    (re.compile(r"^\d{4}-W\d\d"), "week"),
    (re.compile(r"^\d{4}-\d\d$"), "month"),
    (re.compile(r"^\d{4}-Q\d"), "quarter"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
)


def data_root() -> Path:
    env = os.environ.get("DATELINE_DATA")
    root = Path(env) if env else REPO.parent / "shared" / "data"
    if not (root / "timeline17").is_dir():
        sys.exit(f"Timeline17 not found under {root} (set DATELINE_DATA)")
    return root / "timeline17"


def _granularity(value: str) -> str:
    for rx, g in _GRAN:
        if rx.match(value):
            return g
    return "other"


def _articles(topic_dir: Path):
    with gzip.open(topic_dir / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            yield Article(r["id"], date.fromisoformat(r["published"][:10]), r["text"],
                          title=r.get("title"), source=r.get("source"), url=r.get("url"))


def _heideltime_documents(topic_dir: Path) -> list[Document]:
    """Documents whose sentences are the dataset's lines and whose mentions are HeidelTime's."""
    timexes: dict[str, list[dict]] = {}
    with gzip.open(topic_dir / "heideltime.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            timexes[r["id"]] = r["timexes"]
    docs = []
    for art in _articles(topic_dir):
        text = art.text
        spans, pos = [], 0
        for ln in text.split("\n"):
            s, e = pos + len(ln) - len(ln.lstrip()), pos + len(ln.rstrip())
            if e > s:
                spans.append((s, e))
            pos += len(ln) + 1
        found, cur = [], 0  # HeidelTime gives text only, in order: locate each occurrence
        for t in timexes.get(art.id, []):
            i = text.find(t["text"], cur)
            if i >= 0:
                found.append((i, i + len(t["text"]), t))
                cur = i + len(t["text"])
        sents = []
        for k, (s, e) in enumerate(spans):
            ms = tuple(Mention(t["text"], a - s, b - s, t["value"], _granularity(t["value"]), t["type"])
                       for a, b, t in found if a >= s and b <= e)
            sents.append(Sentence(art.id, k, text[s:e], ms, s, e))
        docs.append(Document(art, tuple(sents)))
    return docs


def load_documents(topic_dir: Path, tagger: str, cache: Path | None = None) -> list[Document]:
    """Analysed documents of one topic, with ``tagger`` = ``dateline`` or ``heideltime``."""
    f = cache / f"{topic_dir.name}.{tagger}.pkl" if cache else None
    if f is not None and f.exists():
        with open(f, "rb") as fh:
            return pickle.load(fh)
    if tagger == "heideltime":
        docs = _heideltime_documents(topic_dir)
    else:
        from dateline.pipeline import analyze

        docs = [analyze(a) for a in _articles(topic_dir)]
    if f is not None:
        f.parent.mkdir(parents=True, exist_ok=True)
        with open(f, "wb") as fh:
            pickle.dump(docs, fh)
    return docs


@dataclass(frozen=True)
class Benchmark:
    """One Timeline17 task: the clipped documents, the reference, l and k."""

    name: str
    task: Task
    dates: int
    per_date: int


def load_tasks(topic_dir: Path, documents: list[Document]) -> list[Benchmark]:
    """One task per reference timeline of the topic, made as ``dateline evaluate`` makes them
    (:func:`dateline.evaluate.protocol.make_task`, news-tls protocol: a date given twice in a
    reference keeps its later block, as news-tls reads its files)."""
    from dateline.evaluate import protocol

    topic = protocol.load_dataset(topic_dir.parent, [topic_dir.name])[0]
    topic.documents = tuple(documents)
    out = []
    for ref in topic.references:
        dates, per_date = protocol.task_size(ref.timeline)
        if dates:
            out.append(Benchmark(f"{topic.name}/{ref.name}", protocol.make_task(topic, ref),
                                 dates, per_date))
    return out


def load_all(tagger: str, cache: Path | None = None) -> dict[str, list[Benchmark]]:
    root = data_root()
    return {p.name: load_tasks(p, load_documents(p, tagger, cache))
            for p in sorted(root.iterdir()) if (p / "timelines.jsonl").exists()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tagger", choices=("dateline", "heideltime"), default="dateline")
    ap.add_argument("--cache", type=Path, default=None, help="folder for pickled documents")
    ap.add_argument("--methods", default=",".join(SUPERVISED))
    ap.add_argument("--check", action="store_true", help="print the parameters, write nothing")
    args = ap.parse_args(argv)
    from dateline.tls.base import get_method

    benches = load_all(args.tagger, args.cache)
    tasks = [b.task for bs in benches.values() for b in bs]
    for name in args.methods.split(","):
        m = get_method(name, params={})
        m.fit(tasks)
        params = dict(m.params)
        params["tagger"] = args.tagger
        params["generated_by"] = f"benchmarks/train_params.py --tagger {args.tagger}"
        text = json.dumps(params, indent=1) + "\n"
        if args.check:
            print(name, text)
        else:
            (PARAMS_DIR / f"{name}.json").write_text(text, encoding="utf-8")
            print(f"wrote {PARAMS_DIR / f'{name}.json'} ({len(tasks)} tasks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
