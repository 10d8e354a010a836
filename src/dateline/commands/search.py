"""``dateline search``: list the archive's articles that match a query, best first."""

from __future__ import annotations

import argparse
import json
import re
import sys

from dateline.commands._common import iso_date, positive_int
from dateline.errors import DatelineError

MAX_LIMIT = 1000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # terminal escapes from article text


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "search",
        help="full-text search of an archive",
        description="Articles matching QUERY (all words; any word when none has them all), ranked by bm25.",
    )
    p.add_argument("query", metavar="QUERY", help='words to look for, e.g. "oil spill"')
    p.add_argument("--store", required=True, metavar="PATH", help="archive made by dateline ingest")
    p.add_argument("--limit", type=positive_int, default=20, metavar="N", help=f"at most N hits (default 20, max {MAX_LIMIT})")
    p.add_argument("--start", type=iso_date, metavar="YYYY-MM-DD", help="published on or after")
    p.add_argument("--end", type=iso_date, metavar="YYYY-MM-DD", help="published on or before")
    p.add_argument("--json", action="store_true", help="one JSON object with the hits")
    return p


def run(args: argparse.Namespace) -> int:
    from dateline.store import Archive

    if args.limit > MAX_LIMIT:
        raise DatelineError(f"--limit is at most {MAX_LIMIT}")
    if args.start and args.end and args.start > args.end:
        raise DatelineError(f"--start {args.start} is after --end {args.end}")
    with Archive(args.store, readonly=True) as archive:
        hits = archive.search(args.query, limit=args.limit, start=args.start, end=args.end)
    if args.json:
        payload = {
            "query": args.query,
            "hits": [
                {"id": h.id, "published": h.published.isoformat(), "title": h.title, "source": h.source,
                 "url": h.url, "score": h.score, "snippet": h.snippet}
                for h in hits
            ],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        return 0
    if not hits:
        print(f"no article matches {args.query!r}", file=sys.stderr)
        return 0
    for h in hits:
        label = " ".join(_CONTROL.sub("", h.title or h.snippet).split())
        if len(label) > 100:
            label = label[:99] + "…"
        print(f"{h.published.isoformat()}  {_CONTROL.sub('', h.id)}  {label}")
    return 0
