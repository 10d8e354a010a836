"""Reading articles from files and directories: format detection, walking, bookkeeping.

:func:`read` checks every path first (a missing path or a file of no supported format is an
error before anything is read), then streams articles file by file. Bad records never stop it:
they go to the :class:`~dateline.corpus.report.RejectionReport`.

Directories are walked in name order. A folder with ``articles*.jsonl[.gz]`` is a news-tls topic
(only those files are read); a folder with ``InputDocs/`` is a tilse topic; elsewhere every
``.txt`` (seed), ``.jsonl``/``.json``/``.ndjson`` (also ``.gz``), ``.csv``/``.tsv``,
``.html``/``.htm`` and ``.xml``/``.rss``/``.atom`` file is read; hidden files and other
extensions are skipped. When one run reads several news-tls/tilse topics, whose article ids
are only unique within a topic, each id gets its topic folder's name as a prefix
(``syria/reuters/343``); a single topic keeps the dataset's own ids.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dateline.corpus.csvfile import check_csv, read_csv
from dateline.corpus.feeds import read_feed
from dateline.corpus.htmlpage import read_html
from dateline.corpus.ids import IdRegistry
from dateline.corpus.jsonl import read_jsonl
from dateline.corpus.layouts import (
    INPUT_DOCS,
    is_day_dir,
    is_tilse_topic,
    newstls_files,
    read_newstls,
    read_tilse_day,
    read_tilse_docs,
    read_tilse_file,
)
from dateline.corpus.report import FormatError, Item, Rejection, RejectionReport
from dateline.corpus.seed import read_seed
from dateline.corpus.textio import EXTENSION_FORMATS, base_suffix, sniff
from dateline.errors import DatelineError, UnsupportedInput
from dateline.model import Article

FORMATS: tuple[str, ...] = ("seed", "jsonl", "csv", "newstls", "tilse", "html", "rss")
_FORMAT_ALIASES: dict[str, str] = {
    "news-tls": "newstls",
    "json": "jsonl",
    "ndjson": "jsonl",
    "tsv": "csv",
    "atom": "rss",
    "feed": "rss",
    "htm": "html",
    "text": "seed",
    "txt": "seed",
}
_EXPECTED = (
    "expected seed text ('date YYYY-MM-DD' then the text), JSONL, CSV, HTML, an RSS/Atom feed, "
    "or a news-tls/tilse dataset folder"
)

_FileReader = Callable[[Path, str, str], Iterator[Item]]
_FILE_READERS: dict[str, _FileReader] = {
    "seed": read_seed,
    "jsonl": read_jsonl,
    "newstls": read_jsonl,
    "csv": read_csv,
    "html": read_html,
    "rss": read_feed,
}


@dataclass(frozen=True, slots=True)
class _Source:
    """One thing to read: a file in some format, or a dataset-layout part."""

    kind: str  # "file" | "newstls" | "tilse" | "tilse-day" | "tilse-file"
    path: Path
    shown: str  # how rejections and errors name it
    fmt: str = ""  # for kind "file"
    name: str = ""  # id base for records without an id
    explicit: bool = False  # named by the caller: a format failure is an error, not a rejection
    topic: str | None = None  # the dataset topic folder it belongs to


def normalize_format(input_format: str | None) -> str | None:
    """Validate an ``--input-format`` value (a few aliases allowed); ``None`` means auto-detect.

    >>> normalize_format("news-tls")
    'newstls'
    >>> normalize_format("pdf")
    Traceback (most recent call last):
    ...
    dateline.errors.DatelineError: unknown input format 'pdf' (choose from seed, jsonl, csv, newstls, tilse, html, rss)
    """
    if input_format is None:
        return None
    fmt = input_format.strip().lower()
    fmt = _FORMAT_ALIASES.get(fmt, fmt)
    if fmt not in FORMATS:
        raise DatelineError(
            f"unknown input format {input_format!r} (choose from {', '.join(FORMATS)})"
        )
    return fmt


def read(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    input_format: str | None = None,
    report: RejectionReport | None = None,
) -> Iterator[Article]:
    """Stream the articles of ``paths`` (files and/or directories), in input order.

    ``input_format`` forces a format (one of :data:`FORMATS`) instead of detecting it per file.
    Every record read is counted in ``report``: kept (yielded) or rejected with file, line and
    reason; a repeated id is handled by :class:`~dateline.corpus.ids.IdRegistry`. Raises
    :class:`~dateline.errors.DatelineError` at once for a path that does not exist, and
    :class:`~dateline.errors.UnsupportedInput` for a file of no supported format.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> _ = p.write_text('{"id": "a", "date": "2019-12-31", "text": "Protesters stormed the embassy."}\\n'
    ...                  '{"id": "b", "date": "2019-02-30", "text": "Impossible."}\\n')
    >>> report = RejectionReport()
    >>> [a.id for a in read([p], report=report)]
    ['a']
    >>> report.counts()
    'read 2, kept 1, rejected 1'
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    fmt = normalize_format(input_format)
    sources: list[_Source] = []
    for p in paths:
        sources.extend(_plan(p, fmt))
    topics = {s.topic for s in sources if s.topic is not None}
    return _stream(sources, report if report is not None else RejectionReport(), len(topics) > 1)


def _plan(p: str | os.PathLike[str], fmt: str | None) -> list[_Source]:
    path = Path(p)
    shown = os.fspath(p)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as exc:
        raise DatelineError(f"{shown}: cannot access ({exc.strerror or exc})") from None
    if not exists:
        raise DatelineError(f"{shown}: no such file or directory")
    if is_dir:
        try:
            sources = _plan_dir(path, shown, fmt)
        except OSError as exc:
            raise DatelineError(f"{shown}: cannot read directory ({exc.strerror or exc})") from None
        if not sources:
            what = f"no {fmt} input" if fmt else "no input files"
            raise UnsupportedInput(f"{shown}: {what} found in this directory ({_EXPECTED})")
        return sources
    if not path.is_file():
        raise UnsupportedInput(f"{shown}: not a regular file")
    if fmt is None:
        try:
            fmt = sniff(path)
        except (EOFError, zlib.error) as exc:
            raise UnsupportedInput(f"{shown}: corrupt compressed file ({exc})") from None
        except OSError as exc:
            raise DatelineError(f"{shown}: cannot read ({exc.strerror or exc})") from None
        if fmt is None:
            raise UnsupportedInput(f"{shown}: not a supported input format ({_EXPECTED})")
    if fmt == "csv":
        try:
            check_csv(path)
        except FormatError as exc:
            raise UnsupportedInput(f"{shown}: {exc}") from None
        except (EOFError, zlib.error, OSError) as exc:
            raise UnsupportedInput(f"{shown}: unreadable ({exc})") from None
    if fmt == "tilse":
        topic = path.resolve().parent.parent.parent
        return [_Source("tilse-file", path, shown, explicit=True, topic=str(topic))]
    return [_Source("file", path, shown, fmt=fmt, name=path.name, explicit=True)]


def _plan_dir(root: Path, shown_root: str, fmt: str | None) -> list[_Source]:
    sources: list[_Source] = []
    visited: set[str] = set()

    def visit(d: Path, rel: str, shown: str) -> None:
        real = os.path.realpath(d)
        if real in visited:  # symlink loop
            return
        visited.add(real)
        if fmt in (None, "tilse"):
            if d.name == INPUT_DOCS:
                sources.append(_Source("tilse", d, shown, topic=str(d.parent.resolve())))
                return
            if is_tilse_topic(d):
                docs = d / INPUT_DOCS
                sources.append(_Source("tilse", docs, os.path.join(shown, INPUT_DOCS), topic=str(d.resolve())))
                return
            if is_day_dir(d):
                sources.append(_Source("tilse-day", d, shown, topic=str(d.parent.parent.resolve())))
                return
        if fmt in (None, "newstls"):
            files = newstls_files(d)
            if files:
                for f in files:
                    sources.append(
                        _Source("newstls", f, os.path.join(shown, f.name), topic=str(d.resolve()))
                    )
                return
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError:
            if not rel:
                raise
            return
        subdirs = []
        for e in entries:
            if e.name.startswith(".") or e.name == "__pycache__":
                continue
            if e.is_dir():
                subdirs.append(e)
                continue
            if not e.is_file():
                continue
            ext_fmt = EXTENSION_FORMATS.get(base_suffix(Path(e.name)))
            if ext_fmt is None or (fmt is not None and fmt != ext_fmt):
                continue
            name = f"{rel}/{e.name}" if rel else e.name
            sources.append(_Source("file", Path(e.path), os.path.join(shown, e.name), fmt=ext_fmt, name=name))
        for e in subdirs:
            visit(Path(e.path), f"{rel}/{e.name}" if rel else e.name, os.path.join(shown, e.name))

    visit(root, "", shown_root)
    return sources


def _items(src: _Source, prefix: str) -> Iterator[Item]:
    if src.kind == "file":
        return _FILE_READERS[src.fmt](src.path, src.shown, src.name)
    if src.kind == "newstls":
        return read_newstls(src.path, src.shown, prefix)
    if src.kind == "tilse":
        return read_tilse_docs(src.path, prefix)
    if src.kind == "tilse-day":
        return read_tilse_day(src.path, prefix)
    return read_tilse_file(src.path, src.shown, prefix)


def _stream(sources: list[_Source], report: RejectionReport, prefix_topics: bool) -> Iterator[Article]:
    ids = IdRegistry()
    for src in sources:
        prefix = f"{Path(src.topic).name}/" if prefix_topics and src.topic else ""
        try:
            for item in _items(src, prefix):
                if isinstance(item, Rejection):
                    report.add(item)
                    continue
                article = ids.admit(item.article)
                if isinstance(article, str):
                    report.add(Rejection(item.file, item.line, article))
                    continue
                report.count_kept()
                yield article
        except FormatError as exc:
            if src.explicit:
                raise UnsupportedInput(f"{src.shown}: {exc}") from None
            report.add(Rejection(src.shown, 1, str(exc)))
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            # damaged compressed data is bad input, like a bad record: reported, not fatal
            report.add(Rejection(src.shown, 1, f"corrupt compressed data ({exc})"))
        except OSError as exc:
            reason = f"cannot read ({exc.strerror or exc})"
            if src.explicit:
                raise DatelineError(f"{src.shown}: {reason}") from None
            report.add(Rejection(src.shown, 1, reason))
