"""Turning one structured record (a JSON object, a CSV row) into an :class:`~dateline.model.Article`.

Field names are matched case-insensitively. The text is ``text`` (news-tls files may instead
carry ``sentences`` with ``raw`` strings); the date is the first non-empty of
``published``, ``date``, ``time``, ``pub_date``; ``id``, ``title``, ``source`` and ``url`` are
optional. A record without an id gets the stable id ``<file name>:<line>``.

>>> record_to_article({"text": "Hi.", "date": "2019-12-31"}, "a.jsonl:3").id
'a.jsonl:3'
>>> record_to_article({"text": "Hi.", "date": "2019-02-30"}, "x")
Traceback (most recent call last):
...
dateline.corpus.fields.RecordError: impossible date '2019-02-30'
"""

from __future__ import annotations

from collections.abc import Mapping

from dateline.corpus.dates import parse_date
from dateline.model import Article

TEXT_FIELDS: tuple[str, ...] = ("text",)
DATE_FIELDS: tuple[str, ...] = ("published", "date", "time", "pub_date")
_OPTIONAL_FIELDS: tuple[str, ...] = ("title", "source", "url")
_MAX_ID = 500


class RecordError(ValueError):
    """A record cannot become an article; the message is the rejection reason."""


def _scalar(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list, tuple, bool)):
        return None
    text = str(value).strip()
    return text or None


def _sentences_text(value: object) -> str | None:
    """news-tls keeps the text also as ``sentences: [{"raw": ...}, ...]``."""
    if not isinstance(value, list):
        return None
    raws = []
    for s in value:
        if isinstance(s, Mapping) and isinstance(s.get("raw"), str):
            raws.append(s["raw"])
        elif isinstance(s, str):
            raws.append(s)
    return "\n".join(raws) if raws else None


def record_to_article(record: Mapping[str, object], default_id: str) -> Article:
    """Build an article from ``record``; raise :class:`RecordError` with the reason if it cannot be."""
    if not isinstance(record, Mapping):
        raise RecordError(f"record is a JSON {_json_kind(record)}, not an object")
    fields = {str(k).strip().lower(): v for k, v in record.items()}

    text = fields.get("text")
    if text is None:
        text = _sentences_text(fields.get("sentences"))
        if text is None:
            raise RecordError("no 'text' field")
    if not isinstance(text, str):
        raise RecordError(f"field 'text' is a {_json_kind(text)}, not a string")
    if not text.strip():
        raise RecordError("empty text")

    raw_date = None
    for name in DATE_FIELDS:
        v = fields.get(name)
        if v is not None and not (isinstance(v, str) and not v.strip()):
            raw_date = v
            break
    if raw_date is None:
        raise RecordError("missing date (no published|date|time|pub_date field)")
    try:
        published = parse_date(raw_date)
    except ValueError as exc:
        raise RecordError(str(exc)) from None

    raw_id = fields.get("id")
    if isinstance(raw_id, (dict, list, bool)):
        raise RecordError(f"field 'id' is a {_json_kind(raw_id)}, not a string or number")
    art_id = _scalar(raw_id) or default_id
    if len(art_id) > _MAX_ID:
        raise RecordError(f"id longer than {_MAX_ID} characters")
    title, source, url = (_scalar(fields.get(name)) for name in _OPTIONAL_FIELDS)
    return Article(art_id, published, text, title=title, source=source, url=url)


def _json_kind(value: object) -> str:
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if value is None:
        return "null"
    if isinstance(value, str):
        return "string"
    return type(value).__name__
