"""Dataset layouts: news-tls topics and tilse (Timeline17/Crisis) topics.

- news-tls: ``<topic>/articles*.jsonl.gz`` (one JSON article per line) beside ``timelines.jsonl``
  and other files, which are not articles and are not read.
- tilse: ``<topic>/InputDocs/<YYYY-MM-DD>/<file>``, one article per file, dated by its folder;
  ``<topic>/timelines/`` is not read. The article id is ``<YYYY-MM-DD>/<file name>``.

>>> import tempfile, pathlib
>>> topic = pathlib.Path(tempfile.mkdtemp()) / "haiti"
>>> (topic / "InputDocs" / "2010-01-12").mkdir(parents=True)
>>> _ = (topic / "InputDocs" / "2010-01-12" / "1.txt").write_text("A quake hit Haiti.")
>>> is_tilse_topic(topic)
True
>>> [(f.article.id, f.article.published.isoformat()) for f in read_tilse_docs(topic / "InputDocs")]
[('2010-01-12/1.txt', '2010-01-12')]
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from dateline.corpus.dates import parse_date
from dateline.corpus.jsonl import read_jsonl
from dateline.corpus.report import FormatError, Found, Item, Rejection
from dateline.corpus.textio import open_text
from dateline.model import Article

INPUT_DOCS = "InputDocs"
_ARTICLES_RE = re.compile(r"articles[^/]*\.jsonl(?:\.gz)?", re.IGNORECASE)
# the versions of one collection news-tls's preprocessing leaves side by side, by preference
_VERSIONS: tuple[str, ...] = ("", ".preprocessed", ".tokenized")
_VERSION_RE = re.compile(r"articles(|\.preprocessed|\.tokenized)\.jsonl(?:\.gz)?", re.IGNORECASE)
_DAY_DIR_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
# files in InputDocs/<date>/ that are annotations or caches, not article text
_NOT_ARTICLE_SUFFIXES: tuple[str, ...] = (
    ".timeml", ".tml", ".tok", ".xml", ".pkl", ".pickle", ".json", ".jsonl", ".gz", ".zip", ".npy",
)  # fmt: skip


def newstls_files(directory: Path) -> list[Path]:
    """The ``articles*.jsonl[.gz]`` files of a news-tls topic directory, sorted.

    news-tls's preprocessing writes the same collection again beside the raw one
    (``articles.tokenized.jsonl``, ``articles.preprocessed.jsonl.gz``): of those versions one is
    read, the raw ``articles.jsonl[.gz]`` when it is there, else the preprocessed, else the
    tokenized one (reading all would count every article two or three times).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for n in ("articles.jsonl.gz", "articles.preprocessed.jsonl.gz", "articles-2.jsonl"):
    ...     _ = (d / n).write_text("")
    >>> [p.name for p in newstls_files(d)]
    ['articles-2.jsonl', 'articles.jsonl.gz']
    """
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return []
    files = [Path(e.path) for e in entries if _ARTICLES_RE.fullmatch(e.name) and e.is_file()]

    def version(f: Path) -> str | None:
        m = _VERSION_RE.fullmatch(f.name)
        return m[1].lower() if m else None

    present = {version(f) for f in files} - {None}
    if len(present) > 1:
        keep = next(v for v in _VERSIONS if v in present)
        files = [f for f in files if version(f) in (None, keep)]
    return files


def is_newstls_topic(directory: Path) -> bool:
    """True when ``directory`` holds ``articles*.jsonl[.gz]`` files."""
    return bool(newstls_files(directory))


def is_tilse_topic(directory: Path) -> bool:
    """True when ``directory`` has an ``InputDocs`` folder."""
    return (directory / INPUT_DOCS).is_dir()


def is_day_dir(directory: Path) -> bool:
    """True for an ``InputDocs/<YYYY-MM-DD>`` folder."""
    return bool(_DAY_DIR_RE.fullmatch(directory.name)) and directory.parent.name == INPUT_DOCS


def read_newstls(path: Path, shown: str, id_prefix: str = "") -> Iterator[Item]:
    """Articles of one news-tls ``articles*.jsonl[.gz]`` file; ``id_prefix`` goes before every id."""
    for item in read_jsonl(path, shown):
        if id_prefix and isinstance(item, Found):
            art = dataclasses.replace(item.article, id=f"{id_prefix}{item.article.id}")
            item = Found(art, item.file, item.line)
        yield item


def _article_files(day_dir: Path) -> list[Path]:
    out = []
    for e in sorted(os.scandir(day_dir), key=lambda e: e.name):
        if e.name.startswith(".") or not e.is_file():
            continue
        if e.name.lower().endswith(_NOT_ARTICLE_SUFFIXES):
            continue
        out.append(Path(e.path))
    return out


def read_tilse_day(day_dir: Path, id_prefix: str = "") -> Iterator[Item]:
    """Articles of one ``InputDocs/<YYYY-MM-DD>`` folder, dated by the folder name."""
    try:
        files = _article_files(day_dir)
    except OSError as exc:
        yield Rejection(str(day_dir), 1, f"cannot read folder ({exc.strerror or exc})")
        return
    try:
        published = parse_date(day_dir.name) if _DAY_DIR_RE.fullmatch(day_dir.name) else None
        problem = f"folder name {day_dir.name!r} is not a date YYYY-MM-DD"
    except ValueError as exc:
        published, problem = None, f"folder name: {exc}"
    for f in files:
        if published is None:
            yield Rejection(str(f), 1, problem)
            continue
        yield _tilse_article(f, str(f), published, id_prefix)


def _tilse_article(path: Path, shown: str, published: date, id_prefix: str) -> Item:
    try:
        with open_text(path) as fh:
            text = fh.read().strip()
    except (OSError, EOFError, ValueError) as exc:
        return Rejection(shown, 1, f"cannot read ({exc})")
    if not text:
        return Rejection(shown, 1, "empty text")
    return Found(Article(f"{id_prefix}{path.parent.name}/{path.name}", published, text), shown, 1)


def read_tilse_file(path: Path, shown: str, id_prefix: str = "") -> Iterator[Item]:
    """One article file of a tilse layout, dated by its ``<YYYY-MM-DD>`` folder.

    Raises :class:`FormatError` when the folder name is not a date.
    """
    if not _DAY_DIR_RE.fullmatch(path.parent.name):
        raise FormatError("a tilse article must sit in an InputDocs/<YYYY-MM-DD>/ folder")
    try:
        published = parse_date(path.parent.name)
    except ValueError as exc:
        yield Rejection(shown, 1, f"folder name: {exc}")
        return
    yield _tilse_article(path, shown, published, id_prefix)


def read_tilse_docs(input_docs: Path, id_prefix: str = "") -> Iterator[Item]:
    """Articles of a tilse ``InputDocs`` folder, one sub-folder per publication day."""
    for e in sorted(os.scandir(input_docs), key=lambda e: e.name):
        if e.name.startswith(".") or not e.is_dir():
            continue
        yield from read_tilse_day(Path(e.path), id_prefix)
