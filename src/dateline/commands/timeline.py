"""``dateline timeline``: articles in, a dated, sourced timeline out."""

from __future__ import annotations

import argparse
import sys

from dateline import api
from dateline.commands._common import (
    add_input_args,
    add_output_arg,
    iso_date,
    positive_int,
    print_report,
    read_articles,
    write_output,
)
from dateline.errors import DatelineError

FORMATS = ("text", "json", "markdown", "html", "timelinejs", "pretty")


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "timeline",
        help="build a timeline from articles",
        description="Pick the dates that matter and summarise each with a few sourced sentences.",
    )
    add_input_args(p, required=False)
    p.add_argument("--store", metavar="PATH", help="read the story's articles from an ingested archive")
    p.add_argument("--parquet", metavar="DIR", help="read the story's articles from Parquet shards")
    p.add_argument("--query", "-q", help="what the story is about; keeps the articles that mention it (every name in it, such as \"Michael Jackson\" or \"BP\", must occur), boosts matching sentences")
    p.add_argument("--dates", type=positive_int, default=10, metavar="N", help="number of dates (default 10)")
    p.add_argument("--per-date", type=positive_int, default=2, metavar="K", help="sentences per date (default 2)")
    p.add_argument("--start", type=iso_date, metavar="YYYY-MM-DD", help="earliest date of the timeline")
    p.add_argument("--end", type=iso_date, metavar="YYYY-MM-DD", help="latest date of the timeline")
    p.add_argument("--method", default=api.DEFAULT_METHOD, help=f"timeline method (default {api.DEFAULT_METHOD})")
    p.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default=None,
        help="output format (default: pretty, with each quote's source, on a terminal; "
        "text, the tilse format, when written to a pipe or a file)",
    )
    p.add_argument("--quiet", action="store_true", help="no input report on stderr")
    add_output_arg(p)
    return p


def default_format(output: str | None) -> str:
    """``pretty`` (dates, quotes and their sources, wrapped) for a person at a terminal;
    ``text`` (the tilse format, scorable as it is) for pipes and files."""
    if output in (None, "-") and sys.stdout.isatty():
        return "pretty"
    return "text"


def run(args: argparse.Namespace) -> int:
    from dateline.tls.base import method_names

    if args.method not in method_names():
        raise DatelineError(f"unknown method {args.method!r}; known: {', '.join(method_names())}")
    if args.start and args.end and args.start > args.end:
        raise DatelineError(f"--start {args.start} is after --end {args.end}")
    sources = sum(bool(x) for x in (args.inputs, args.store, args.parquet))
    if sources != 1:
        raise DatelineError("give INPUT files, or --store PATH, or --parquet DIR (exactly one)")

    if args.store:
        from dateline.store import Archive

        if not args.query:
            raise DatelineError("--store needs --query (which story?)")
        with Archive(args.store, create=False) as archive:
            items = archive.retrieve(args.query, start=args.start, end=args.end)
    elif args.parquet:
        from dateline.scale import documents_for_query

        if not args.query:
            raise DatelineError("--parquet needs --query (which story?)")
        items = list(documents_for_query(args.parquet, args.query, start=args.start, end=args.end))
    else:
        from dateline.corpus import RejectionReport

        report = RejectionReport()
        items = list(api.select(read_articles(args, report), query=args.query, start=args.start, end=args.end))
        print_report(report, quiet=args.quiet)
        if report.kept == 0:
            raise DatelineError("no article could be read from the input")

    if not items:
        raise DatelineError(f"no article matches the query {args.query!r}")
    tl = api.timeline(
        items,
        method=args.method,
        dates=args.dates,
        per_date=args.per_date,
        query=args.query,
        start=args.start,
        end=args.end,
    )
    write_output(api.render(tl, args.format or default_format(args.output)), args.output)
    return 0
