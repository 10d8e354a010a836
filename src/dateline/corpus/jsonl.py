"""JSON Lines (also gzip-compressed), streamed one line at a time; and plain JSON arrays.

Each non-blank line is one record (see :mod:`dateline.corpus.fields`). A line that is not valid
JSON, not an object, or lacks a usable text or date is rejected with its line number; reading
goes on. A ``.json`` file whose content is one JSON value (an array of objects, or one
pretty-printed object) is read whole (the standard library cannot stream an array); its
records are numbered by the line where the value starts.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
>>> _ = p.write_text('{"id": "x", "date": "2019-12-31", "text": "Hi."}\\n{broken\\n')
>>> [type(item).__name__ for item in read_jsonl(p, str(p))]
['Found', 'Rejection']
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from dateline.corpus.fields import RecordError, record_to_article
from dateline.corpus.report import Found, Item, Rejection
from dateline.corpus.textio import base_suffix, open_text

_MAX_REASON = 120


def _json_error(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
        return f"invalid JSON: {msg} at column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "invalid JSON: nested too deeply"
    return f"invalid JSON: {str(exc)[:_MAX_REASON]}"


def record_items(record: object, shown: str, line: int, default_id: str) -> Item:
    """One record → a :class:`Found` article or a :class:`Rejection` at ``shown:line``."""
    try:
        return Found(record_to_article(record, default_id), shown, line)  # type: ignore[arg-type]
    except RecordError as exc:
        return Rejection(shown, line, str(exc))


def read_jsonl(path: Path, shown: str, name: str | None = None) -> Iterator[Item]:
    """Yield an article or a rejection for every non-blank line of the JSONL file ``path``.

    ``shown`` is how the file is named in rejections; records without an id get
    ``<name>:<line>`` (``name`` defaults to the file name). A ``.json`` file holding a single
    JSON value (an array of records, or one record, possibly pretty-printed) is read whole.
    """
    stem = name or path.name
    if base_suffix(path) == ".json":
        whole = _read_whole_json(path, shown, stem)
        if whole is not None:
            yield from whole
            return
    line_no = 0
    try:
        with open_text(path) as f:
            for line_no, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line.rstrip("\n"))
                except (ValueError, RecursionError) as exc:
                    yield Rejection(shown, line_no, _json_error(exc))
                    continue
                yield record_items(record, shown, line_no, f"{stem}:{line_no}")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Rejection(shown, line_no + 1, f"corrupt compressed data, rest of file skipped ({exc})")


def _read_whole_json(path: Path, shown: str, stem: str) -> list[Item] | None:
    """Records of a file that is one JSON value; ``None`` if it is not (then it is read as JSONL)."""
    try:
        with open_text(path) as f:
            text = f.read()
    except (EOFError, zlib.error, gzip.BadGzipFile):
        return None
    stripped = text.lstrip()
    first_line = 1 + text[: len(text) - len(stripped)].count("\n")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(data, list):
        items: list[Item] = []
        for i, record in enumerate(data, 1):
            item = record_items(record, shown, first_line, f"{stem}#{i}")
            if isinstance(item, Rejection):
                item = Rejection(shown, first_line, f"item {i}: {item.reason}")
            items.append(item)
        return items
    return [record_items(data, shown, first_line, stem)]
