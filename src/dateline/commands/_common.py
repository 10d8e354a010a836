"""Flags and plumbing shared by several verbs: inputs, dates, output, the rejection report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from dateline.errors import DatelineError
from dateline.model import Article

INPUT_FORMATS = ("seed", "jsonl", "csv", "newstls", "tilse", "html", "rss")


def iso_date(value: str) -> date:
    """argparse type for ``YYYY-MM-DD``."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {n}")
    return n


def add_input_args(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    p.add_argument("inputs", nargs="+" if required else "*", metavar="INPUT",
                   help="article files or folders (seed text, JSONL[.gz], CSV, news-tls, tilse, HTML, RSS)")
    p.add_argument("--input-format", choices=INPUT_FORMATS, default=None,
                   help="force the input format instead of detecting it per file")


def add_output_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE", default=None, help="write to FILE instead of stdout")


def write_output(text: str, path: str | None) -> None:
    """Write ``text`` to ``path`` or stdout, ending with one newline."""
    if not text.endswith("\n"):
        text += "\n"
    if path is None or path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise DatelineError(f"cannot write {path}: {exc.strerror or exc}") from None


def read_articles(args: argparse.Namespace, report) -> Iterator[Article]:
    """Articles from ``args.inputs`` (stream), rejections recorded in ``report``."""
    from dateline.corpus import read

    return read(args.inputs, input_format=args.input_format, report=report)


def print_report(report, *, quiet: bool = False) -> None:
    """The rejection report on stderr: counts (read = kept + rejected) and one line per rejection."""
    if not quiet:
        print(report.summary(), file=sys.stderr)
