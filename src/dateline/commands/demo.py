"""``dateline demo``: a timeline of one of the bundled Wikinews stories."""

from __future__ import annotations

import argparse
import sys
from importlib import resources

from dateline import api
from dateline.commands._common import positive_int, write_output

STORIES = {
    "gm-chrysler": ("gm_chrysler_bankruptcy_2009.jsonl", "Chrysler and GM bankruptcy, 2009"),
    "financial-crisis": ("financial_crisis_2008.jsonl", "Financial crisis, autumn 2008"),
}


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "demo",
        help="print a timeline of a bundled Wikinews story",
        description="Build a timeline from the Wikinews articles bundled with dateline (CC BY 2.5).",
    )
    p.add_argument("--story", choices=sorted(STORIES), default="gm-chrysler")
    p.add_argument("--dates", type=positive_int, default=8, metavar="N")
    p.add_argument("--per-date", type=positive_int, default=2, metavar="K")
    p.add_argument("--format", "-f", default="pretty",
                   choices=("pretty", "text", "json", "markdown", "html", "timelinejs"))
    p.add_argument("-o", "--output", metavar="FILE")
    return p


def demo_path(story: str) -> str:
    """Filesystem path of a bundled story's JSONL file."""
    return str(resources.files("dateline") / "data" / "demo" / STORIES[story][0])


def run(args: argparse.Namespace) -> int:
    from dateline.corpus import RejectionReport

    report = RejectionReport()
    articles = list(api.read([demo_path(args.story)], report=report))
    tl = api.timeline(articles, dates=args.dates, per_date=args.per_date)
    title = STORIES[args.story][1]
    if args.format == "pretty" and not args.output:
        print(f"{title} — {len(articles)} Wikinews articles, {len(tl)} dates\n", file=sys.stderr)
    write_output(api.render(tl, args.format), args.output)
    print("Text: Wikinews contributors, CC BY 2.5 — each quote links its source article.", file=sys.stderr)
    return 0
