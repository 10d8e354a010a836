"""Entity-like stories built from Timeline17: a check towards timelines of one person.

Issue 6's held-out topics include long-running stories about one person or organisation; Timeline17
has none, but its articles and reference timelines can make a proxy. For each person below the
topic's articles are every Timeline17 article (all nine topics, as one archive) that names them,
and its one reference timeline is every reference line, from all 19 timelines, that names them
(lines of one day merged). ``obama`` then spans 2008-2011 over four stories, ``assad`` and
``bush`` 2005-2012. The topics are written to a temporary folder in news-tls's layout
(``articles.jsonl.gz``, ``timelines.jsonl``, ``keywords.json``) and never into the repository.

Methods run with their **shipped parameters** (trained on Timeline17's topic collections: the same
articles, other tasks), so this is no independent test set; it guards against changes that help
Timeline17's one-story collections and hurt a person's timeline drawn from a broad archive::

    .venv/bin/python benchmarks/bench_entities.py
    .venv/bin/python benchmarks/bench_entities.py --methods learned-ranking --keep /tmp/entity
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_params import data_root  # noqa: E402

from dateline.evaluate import protocol as P  # noqa: E402
from dateline.tls.base import get_method  # noqa: E402

#: topic name -> the (lower-case) names that put an article or a reference line in it
PEOPLE: dict[str, tuple[str, ...]] = {
    "assad": ("assad",),
    "bush": ("bush",),
    "gaddafi": ("gaddafi", "gadhafi", "qaddafi"),
    "hayward": ("hayward",),
    "mubarak": ("mubarak",),
    "obama": ("obama",),
}


def build(root: Path, out: Path) -> None:
    """Write the entity topics of Timeline17 under ``root`` into ``out`` (news-tls layout)."""
    articles: list[dict] = []
    references: list[list] = []
    for topic in sorted(p for p in root.iterdir() if (p / "timelines.jsonl").is_file()):
        with gzip.open(topic / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                rec["id"] = f"{topic.name}/{rec['id']}"
                articles.append(rec)
        with open(topic / "timelines.jsonl", encoding="utf-8") as f:
            references.extend(json.loads(line) for line in f if line.strip())
    for name, names in PEOPLE.items():
        # a name at the start of a word ("Bush's", not "ambush")
        named = re.compile("|".join(rf"(?<!\w){re.escape(n)}" for n in names)).search
        d = out / name
        d.mkdir(parents=True, exist_ok=True)
        days: dict[str, list[str]] = defaultdict(list)
        for timeline in references:
            for day, sentences in timeline:
                for s in sentences:
                    if named(s.lower()) and s not in days[day]:
                        days[day].append(s)
        with gzip.open(d / "articles.jsonl.gz", "wt", encoding="utf-8") as f:
            for rec in articles:
                if named(rec["text"].lower()):
                    f.write(json.dumps(rec) + "\n")
        (d / "timelines.jsonl").write_text(json.dumps(sorted([k, v] for k, v in days.items())) + "\n",
                                           encoding="utf-8")
        (d / "keywords.json").write_text(json.dumps(list(names)), encoding="utf-8")


class Shipped:
    """A method with its shipped parameters: ``fit`` keeps them (no leave-one-topic-out refit)."""

    def __init__(self, name: str) -> None:
        self.method = get_method(name)
        self.name = name

    def fit(self, tasks: object) -> "Shipped":
        return self

    def build(self, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        return self.method.build(*args, **kwargs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--methods", default="learned-ranking,datewise,learned-datewise,clust")
    ap.add_argument("--keep", type=Path, default=None, help="write the topics here and keep them")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        build(data_root(), out)
        topics = P.load_dataset(out)
        t0 = time.perf_counter()
        for t in topics:
            P.analyse_topic(t, jobs=2)
        print(f"{len(topics)} topics, {sum(len(t.documents) for t in topics)} articles, "
              f"analysed in {time.perf_counter() - t0:.1f} s")
        print("| method | AR-1 | AR-2 | Date-F1 | per topic AR-1 / Date-F1 |")
        print("|---|---:|---:|---:|---|")
        for name in args.methods.split(","):
            run = P.run_method(topics, name, lambda n=name: Shipped(n), dataset="entities")
            m = run["mean"]
            per = ", ".join(f"{t['topic']} {t['ar1']['f_score']:.3f} / {t['date_f1']['f_score']:.2f}"
                            for t in run["tasks"])
            print(f"| {name} | {m['ar1']['f_score']:.4f} | {m['ar2']['f_score']:.4f} | "
                  f"{m['date_f1']['f_score']:.4f} | {per} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
