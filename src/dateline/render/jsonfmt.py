"""The timeline JSON schema of design.md, both ways.

>>> from datetime import date
>>> from dateline.model import Entry, Quote, Timeline
>>> tl = Timeline((Entry(date(2019, 12, 31), (Quote("Protesters stormed the embassy.", "a1"),)),),
...               query="embassy", method="datewise")
>>> d = timeline_to_dict(tl, generated_at="2020-01-02T00:00:00+00:00")
>>> d["entries"][0]["date"], d["entries"][0]["sentences"][0]["article_id"]
('2019-12-31', 'a1')
>>> timeline_from_dict(d) == tl
True
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timezone
from typing import Any

from dateline.errors import MalformedTimeline
from dateline.model import Entry, Quote, Timeline

_QUOTE_OPTIONAL = ("source", "url", "title")


def now_iso() -> str:
    """The current UTC time as an ISO-8601 string (seconds), or ``$SOURCE_DATE_EPOCH`` when set.

    Honouring ``SOURCE_DATE_EPOCH`` lets builds that need byte-identical output pin the stamp.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    else:
        moment = datetime.now(timezone.utc)
    return moment.isoformat(timespec="seconds")


def quote_to_dict(q: Quote) -> dict[str, Any]:
    """One sentence of a timeline as a JSON object."""
    return {
        "text": q.text,
        "article_id": q.article_id,
        "published": q.published.isoformat() if q.published else None,
        "source": q.source,
        "url": q.url,
        "title": q.title,
    }


def timeline_to_dict(timeline: Timeline, generated_at: str | None = None) -> dict[str, Any]:
    """``timeline`` as the design.md JSON object; ``generated_at`` defaults to now (UTC).

    ``Timeline.meta`` is written as a ``"meta"`` object only when it is not empty.
    """
    out: dict[str, Any] = {
        "query": timeline.query,
        "method": timeline.method,
        "generated_at": generated_at if generated_at is not None else now_iso(),
        "entries": [
            {"date": e.date.isoformat(), "sentences": [quote_to_dict(q) for q in e.sentences]}
            for e in timeline.entries
        ],
    }
    if timeline.meta:
        out["meta"] = {k: v for k, v in timeline.meta}
    return out


def _date(value: Any, where: str) -> date:
    if not isinstance(value, str):
        raise MalformedTimeline(f"{where}: expected a YYYY-MM-DD date string, got {value!r}")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise MalformedTimeline(f"{where}: not a valid date: {value!r}") from None


def _opt_str(obj: dict[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise MalformedTimeline(f"{where}: {key!r} must be a string or null, got {type(value).__name__}")


def timeline_from_dict(data: Any, name: str = "<json>") -> Timeline:
    """Rebuild a :class:`Timeline` from :func:`timeline_to_dict` output.

    Raises :class:`~dateline.errors.MalformedTimeline` naming ``name`` and the offending entry
    when the structure is wrong.
    """
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise MalformedTimeline(f"{name}: not a dateline timeline (an object with an 'entries' list)")
    entries: list[Entry] = []
    for i, raw in enumerate(data["entries"]):
        where = f"{name}: entries[{i}]"
        if not isinstance(raw, dict):
            raise MalformedTimeline(f"{where}: expected an object")
        day = _date(raw.get("date"), where)
        sentences = raw.get("sentences", [])
        if not isinstance(sentences, list):
            raise MalformedTimeline(f"{where}: 'sentences' must be a list")
        quotes: list[Quote] = []
        for j, s in enumerate(sentences):
            w = f"{where}.sentences[{j}]"
            if not isinstance(s, dict):
                raise MalformedTimeline(f"{w}: expected an object")
            text, article_id = s.get("text"), s.get("article_id")
            if not isinstance(text, str) or not isinstance(article_id, str):
                raise MalformedTimeline(f"{w}: 'text' and 'article_id' must be strings")
            published = s.get("published")
            quotes.append(
                Quote(
                    text,
                    article_id,
                    _date(published, w) if published is not None else None,
                    *(_opt_str(s, k, w) for k in _QUOTE_OPTIONAL),
                )
            )
        entries.append(Entry(day, tuple(quotes)))
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise MalformedTimeline(f"{name}: 'meta' must be an object")
    return Timeline(
        tuple(entries),
        query=_opt_str(data, "query", name),
        method=_opt_str(data, "method", name),
        meta=tuple((str(k), str(v)) for k, v in meta.items()),
    )


def render_json(timeline: Timeline, generated_at: str | None = None) -> str:
    """The timeline as pretty-printed JSON (UTF-8 text, not ASCII-escaped), newline-terminated."""
    return json.dumps(timeline_to_dict(timeline, generated_at), ensure_ascii=False, indent=2) + "\n"
