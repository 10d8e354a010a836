"""Opening input files robustly, and guessing their format from a peek at the start.

Text is decoded as UTF-8 (a BOM is dropped, invalid bytes become U+FFFD, never an error);
``\\r\\n`` and ``\\r`` newlines read as ``\\n``; gzip is recognised by its magic bytes, not the name.

>>> sniff_text("  date 2019-12-31 Protesters stormed the embassy.", "a.txt")
'seed'
>>> sniff_text('{"text": "x", "date": "2019-12-31"}', "a.jsonl")
'jsonl'
>>> sniff_text('<?xml version="1.0"?><rss version="2.0">', "feed")
'rss'
>>> sniff_text("id,date,text\\n1,2019-12-31,hello", "a.csv")
'csv'
>>> sniff_text("just some notes", "notes.txt") is None
True
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from pathlib import Path
from typing import IO

from dateline.corpus.fields import DATE_FIELDS, TEXT_FIELDS

_GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 65536

SEED_RE = re.compile(r"\s*date\s*:?\s+(\d{4}-\d{1,2}-\d{1,2}\S*)", re.IGNORECASE)
_MARKUP_PROLOGUE_RE = re.compile(r"(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>|\s+)*", re.IGNORECASE | re.DOTALL)
_FEED_ROOT_RE = re.compile(r"<(?:[a-z0-9_]+:)?(?:rss|feed|rdf)\b", re.IGNORECASE)
_HTML_RE = re.compile(
    r"<!doctype\s+html|<(?:html|head|body|meta|title|article|main|p|div|h1|section)\b", re.IGNORECASE
)
CSV_DELIMITERS: tuple[str, ...] = (",", "\t", ";", "|")

# extension (after dropping ".gz") -> format used when a directory is walked
EXTENSION_FORMATS: dict[str, str] = {
    ".txt": "seed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "rss",
    ".rss": "rss",
    ".atom": "rss",
}


def base_suffix(path: Path) -> str:
    """The lower-case extension of ``path`` with a trailing ``.gz`` dropped (``a.jsonl.gz`` → ``.jsonl``)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix


def is_gzip(path: Path) -> bool:
    """True when the file starts with the gzip magic bytes."""
    with open(path, "rb") as f:
        return f.read(2) == _GZIP_MAGIC


def open_binary(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, transparently decompressing gzip."""
    if is_gzip(path):
        return gzip.open(path, "rb")
    return open(path, "rb")


def open_text(path: Path) -> io.TextIOWrapper:
    """Open ``path`` as text: UTF-8 (BOM dropped), bad bytes replaced, universal newlines, gzip aware."""
    return io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", errors="replace", newline=None)


def read_head(path: Path, size: int = HEAD_BYTES) -> str:
    """The first ``size`` bytes of the (decompressed) file, decoded like :func:`open_text`."""
    with open(path, "rb") as f:
        data = f.read(size)
    if data[:2] == _GZIP_MAGIC:
        # decompress only the start; a truncated or damaged stream yields what could be read
        try:
            data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, size)
        except zlib.error:
            data = b""
    text = data.decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


def csv_header_delimiter(first_line: str) -> str | None:
    """The delimiter that makes ``first_line`` a header with a text and a date column, if any."""
    for delim in CSV_DELIMITERS:
        names = {c.strip().strip('"').strip().lower() for c in first_line.split(delim)}
        if names & set(TEXT_FIELDS) and names & set(DATE_FIELDS):
            return delim
    return None


def sniff_text(head: str, name: str) -> str | None:
    """Guess the format of a file from its first characters and its name; ``None`` if unknown."""
    suffix = base_suffix(Path(name))
    if suffix in (".csv", ".tsv"):
        return "csv"
    if SEED_RE.match(head):
        return "seed"
    stripped = head.lstrip()
    if stripped.startswith(("{", "[")):
        return "jsonl"
    if stripped.startswith("<"):
        body = stripped[_MARKUP_PROLOGUE_RE.match(stripped).end() :]  # type: ignore[union-attr]
        if _FEED_ROOT_RE.match(body):
            return "rss"
        if _HTML_RE.search(stripped[:4096]):
            return "html"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".xml", ".rss", ".atom"):
        return "rss"
    first_line = stripped.split("\n", 1)[0]
    if csv_header_delimiter(first_line):
        return "csv"
    return None


def sniff(path: Path) -> str | None:
    """Guess the format of the file at ``path`` (see :func:`sniff_text`)."""
    return sniff_text(read_head(path), path.name)
