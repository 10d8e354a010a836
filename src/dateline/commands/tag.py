"""``dateline tag``: every resolved time expression of every article."""

from __future__ import annotations

import argparse
import json
import sys

from dateline.commands._common import add_input_args, add_output_arg, print_report, read_articles
from dateline.model import Document
from dateline.pipeline import analyze


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "tag",
        help="list the time expressions of each article, resolved against its date",
        description="Find and resolve time expressions; one JSON line per article (or a text table).",
    )
    add_input_args(p)
    p.add_argument("--format", "-f", choices=("json", "text"), default="json",
                   help="json: one JSON object per article; text: one tab-separated line per mention")
    p.add_argument("--quiet", action="store_true", help="no input report on stderr")
    add_output_arg(p)
    return p


def document_record(doc: Document) -> dict:
    """The JSON record of one analysed article; offsets are into the (detokenised) article text."""
    mentions = []
    for s in doc.sentences:
        for m in s.mentions:
            mentions.append({
                "text": m.text,
                "start": s.start + m.start,
                "end": s.start + m.end,
                "value": m.value,
                "granularity": m.granularity,
                "type": m.type,
                "mod": m.mod,
                "sentence": s.index,
            })
    return {"article_id": doc.id, "published": doc.published.isoformat(), "mentions": mentions}


def _text_lines(rec: dict) -> list[str]:
    return [
        f"{rec['article_id']}\t{rec['published']}\t{m['value']}\t{m['type']}\t{m['text']}"
        for m in rec["mentions"]
    ]


def run(args: argparse.Namespace) -> int:
    from dateline.corpus import RejectionReport

    report = RejectionReport()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for article in read_articles(args, report):
            rec = document_record(analyze(article))
            if args.format == "json":
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                for line in _text_lines(rec):
                    out.write(line + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    print_report(report, quiet=args.quiet)
    return 0
