"""Temporal tagger benchmark: speed on Timeline17 and agreement with HeidelTime's day-level dates.

    .venv/bin/python benchmarks/bench_tagger.py [--data DIR] [--limit N] [--sample 50] [--sample-out FILE] [--all-out FILE]

Speed: articles per CPU-second of ``dateline.timex.tag`` in this one process (one core), over every
Timeline17 article (``timeline17/*/articles.jsonl.gz``), on the PTB-tokenised text as stored and
on the detokenised text (``dateline.text.detokenize``, not timed itself). Best of ``--repeat`` runs.

Agreement: HeidelTime's output for the same articles (``heideltime.jsonl.gz``, per article a list
of ``{text, type, value}`` in text order, no offsets). Each HeidelTime DATE whose value is a day
(``YYYY-MM-DD``) is located in the PTB text as the next occurrence of its text after the previous
HeidelTime mention with the same text; it counts as found when a dateline mention overlapping
that span has the same day (``Mention.day``; "Tuesday night" = ``2011-03-15TNI`` agrees with
HeidelTime's "Tuesday" = ``2011-03-15``); "exact" also requires the identical value string. If a
text cannot be located, the mention counts as found when the article's dateline day multiset
still holds that day. A seeded random sample of disagreements is written for inspection.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dateline.timex import tag  # noqa: E402


def data_dir(arg: str | None) -> Path:
    for c in (arg, os.environ.get("DATELINE_DATA"), str(REPO.parent / "shared" / "data")):
        if c and (Path(c) / "timeline17").is_dir():
            return Path(c) / "timeline17"
    sys.exit("Timeline17 not found: pass --data DIR or set DATELINE_DATA")


def load(root: Path, limit: int | None) -> tuple[list[tuple[str, date, str]], dict[str, list[dict]]]:
    arts: list[tuple[str, date, str]] = []
    heidel: dict[str, list[dict]] = {}
    for topic in sorted(p for p in root.iterdir() if (p / "articles.jsonl.gz").exists()):
        with gzip.open(topic / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                arts.append((f"{topic.name}/{r['id']}", date.fromisoformat(r["published"][:10]), r["text"]))
        hp = topic / "heideltime.jsonl.gz"
        if hp.exists():
            with gzip.open(hp, "rt", encoding="utf-8") as f:
                for line in f:
                    r = json.loads(line)
                    heidel[f"{topic.name}/{r['id']}"] = r.get("timexes", [])
    return (arts[:limit] if limit else arts), heidel


def speed(texts: list[tuple[str, date]], repeat: int) -> tuple[float, int]:
    best = float("inf")
    n = 0
    for _ in range(repeat):
        t0 = time.process_time()  # CPU time of this process: robust on a shared machine
        n = 0
        for text, d in texts:
            n += len(tag(text, d))
        best = min(best, time.process_time() - t0)
    return len(texts) / best, n


def _is_day(value: str) -> bool:
    return len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()


def agreement(arts, heidel, sample: int, seed: int = 13):
    total = found = exact = located = 0
    disagreements = []
    for aid, dct, text in arts:
        hts = heidel.get(aid)
        if not hts:
            continue
        ours = tag(text, dct)
        day_multiset = Counter(m.day for m in ours if m.day is not None)
        cursor: dict[str, int] = {}
        for h in hts:
            htext, hval = h.get("text", ""), h.get("value", "")
            pos = text.find(htext, cursor.get(htext, 0)) if htext else -1
            if pos >= 0:
                cursor[htext] = pos + len(htext)
            if h.get("type") != "DATE" or not _is_day(hval):
                continue
            total += 1
            hday = date.fromisoformat(hval) if hval[5:7] != "00" else None
            if pos >= 0:
                located += 1
                over = [m for m in ours if m.start < pos + len(htext) and m.end > pos]
                ok = any(m.day == hday for m in over)
                ok_exact = any(m.value == hval for m in over)
                if not ok:
                    disagreements.append((aid, dct, htext, hval, [(m.text, m.value) for m in over],
                                          text[max(0, pos - 160):pos + len(htext) + 80]))
            else:
                ok = day_multiset[hday] > 0
                ok_exact = ok
            if ok:
                found += 1
                if hday is not None and day_multiset[hday] > 0:
                    day_multiset[hday] -= 1
            exact += ok_exact
    rng = random.Random(seed)
    picked = rng.sample(disagreements, min(sample, len(disagreements)))
    kinds = Counter(_kind(hval, ours) for _, _, _, hval, ours, _ in disagreements)
    return total, located, found, exact, disagreements, picked, kinds


def _kind(hval: str, ours: list[tuple[str, str]]) -> str:
    """A coarse kind of disagreement, from the values alone."""
    if not ours:
        return "dateline has no mention there"
    v = ours[0][1]
    if not (len(v) >= 10 and v[:4].isdigit() and v[4] == "-" and v[7] == "-"):
        return "dateline value not a day (coarser, duration, set)"
    if v[4:10] == hval[4:10]:
        return "same month and day, other year"
    try:
        if abs((date.fromisoformat(v[:10]) - date.fromisoformat(hval)).days) == 7:
            return "weekday one week apart (past vs. future)"
    except ValueError:
        pass
    return "other day"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="folder holding timeline17/")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--sample-out", default="-", help="file for the disagreement sample (default stdout)")
    ap.add_argument("--all-out", help="also write every disagreement, grouped by kind, to this file")
    args = ap.parse_args()

    root = data_dir(args.data)
    arts, heidel = load(root, args.limit)
    chars = sum(len(t) for _, _, t in arts)
    print(f"articles {len(arts)}, mean length {chars / max(len(arts), 1):.0f} characters; "
          f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cpus visible")
    raw = [(t, d) for _, d, t in arts]
    aps, n = speed(raw, args.repeat)
    print(f"speed (PTB text as stored): {aps:,.0f} articles/s, {n / len(raw):.1f} mentions/article")
    try:
        from dateline.text import detokenize
    except ImportError:
        detokenize = None
    if detokenize is not None:
        detok = [(detokenize(t), d) for t, d in raw]
        aps2, n2 = speed(detok, args.repeat)
        print(f"speed (detokenised text): {aps2:,.0f} articles/s, {n2 / len(detok):.1f} mentions/article")

    total, located, found, exact, dis, picked, kinds = agreement(arts, heidel, args.sample)
    n_dis = len(dis)
    if total:
        print(f"HeidelTime day-level DATE mentions: {total} ({located} located by text); "
              f"dateline finds the same day for {found} = {100 * found / total:.1f}% "
              f"(identical value string: {100 * exact / total:.1f}%); disagreements on located: {n_dis}")
        for kind, n in kinds.most_common():
            print(f"  {n:6d}  {kind}")
    out = sys.stdout if args.sample_out == "-" else open(args.sample_out, "w", encoding="utf-8")
    for i, (aid, dct, htext, hval, ours, ctx) in enumerate(picked, 1):
        ctx = " ".join(ctx.split())
        print(f"{i}. {aid} DCT {dct} ({dct:%a}) | HeidelTime {htext!r} = {hval} | dateline {ours or '-'}\n"
              f"   …{ctx}…", file=out)
    if out is not sys.stdout:
        out.close()
    if args.all_out:
        with open(args.all_out, "w", encoding="utf-8") as f:
            for aid, dct, htext, hval, ours, ctx in sorted(dis, key=lambda d: (_kind(d[3], d[4]), d[0])):
                ctx = " ".join(ctx.split())
                f.write(f"[{_kind(hval, ours)}] {aid} DCT {dct} ({dct:%a}) | HeidelTime {htext!r} = {hval}"
                        f" | dateline {ours or '-'}\n   …{ctx}…\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
