"""CSV/TSV files (also gzip-compressed) with a header row, streamed one record at a time.

The header must name a ``text`` column and a date column (``published``, ``date``, ``time`` or
``pub_date``); the delimiter (``,``, tab, ``;`` or ``|``) is the one that makes such a header.
Quoted fields may span lines; a rejection names the line where its record starts.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
>>> _ = p.write_text('id,date,text\\n1,2019-12-31,"Hello, world."\\n2,,No date\\n')
>>> [getattr(item, "reason", "ok") for item in read_csv(p, str(p))]
['ok', 'missing date (no published|date|time|pub_date field)']
"""

from __future__ import annotations

import csv
import gzip
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from dateline.corpus.fields import RecordError, record_to_article
from dateline.corpus.report import FormatError, Found, Item, Rejection
from dateline.corpus.textio import csv_header_delimiter, open_text, read_head

_MAX_ERRORS_AT_SAME_LINE = 3


def _allow_large_fields() -> None:
    # article texts can exceed csv's default 128 KiB field limit
    limit = sys.maxsize
    while True:
        try:
            if csv.field_size_limit() < limit:
                csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def check_csv(path: Path) -> str:
    """Return the delimiter of the CSV file ``path``; raise :class:`FormatError` if its header is unusable."""
    head = read_head(path, 65536)
    first = head.split("\n", 1)[0].replace("\r", "")
    if not first.strip():
        raise FormatError("CSV file has no header row")
    delim = csv_header_delimiter(first)
    if delim is None:
        raise FormatError(
            "CSV header needs a 'text' column and a date column (published|date|time|pub_date)"
        )
    return delim


def read_csv(path: Path, shown: str, name: str | None = None) -> Iterator[Item]:
    """Yield an article or a rejection for every record of the CSV file ``path``.

    Records without an id get ``<name>:<line>`` (``name`` defaults to the file name).
    """
    delim = check_csv(path)
    _allow_large_fields()
    stem = name or path.name
    last_line = 0
    try:
        with open_text(path) as f:
            reader = csv.reader(f, delimiter=delim)
            try:
                header = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise FormatError(f"CSV header unreadable: {exc}") from None
            names = [h.strip().lower() for h in header]
            last_line = reader.line_num
            errors_here = 0
            while True:
                start = last_line + 1
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    if reader.line_num == last_line:
                        errors_here += 1
                        if errors_here >= _MAX_ERRORS_AT_SAME_LINE:
                            yield Rejection(shown, start, f"CSV error, rest of file skipped: {exc}")
                            return
                    last_line = reader.line_num
                    yield Rejection(shown, start, f"CSV error: {exc}")
                    continue
                errors_here = 0
                last_line = reader.line_num
                if not row or not any(cell.strip() for cell in row):
                    continue
                if len(row) > len(names):
                    yield Rejection(
                        shown, start, f"{len(row)} fields but the header has {len(names)}"
                    )
                    continue
                record = {n: v for n, v in zip(names, row) if n}
                try:
                    yield Found(record_to_article(record, f"{stem}:{start}"), shown, start)
                except RecordError as exc:
                    yield Rejection(shown, start, str(exc))
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Rejection(shown, last_line + 1, f"corrupt compressed data, rest of file skipped ({exc})")
