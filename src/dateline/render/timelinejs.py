"""Knight Lab TimelineJS3 JSON: a title slide and one event per date.

TimelineJS treats ``headline`` and ``text`` as HTML, so article text is escaped with
:func:`html.escape` here too; links are only made from absolute http(s) URLs.

>>> from datetime import date
>>> from dateline.model import Entry, Quote, Timeline
>>> d = timeline_to_timelinejs(Timeline((Entry(date(2019, 12, 31), (Quote("A <b>raid</b>.", "a1"),)),)))
>>> d["events"][0]["start_date"]
{'year': 2019, 'month': 12, 'day': 31}
>>> d["events"][0]["text"]["text"]
'<p>A &lt;b&gt;raid&lt;/b&gt;. <small>— a1</small></p>'
"""

from __future__ import annotations

import html
import json
from typing import Any

from dateline.model import Quote, Timeline
from dateline.render._util import one_line, safe_url, source_label

HEADLINE_CHARS = 90


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _headline(text: str) -> str:
    text = one_line(text)
    if len(text) <= HEADLINE_CHARS:
        return text
    cut = text[:HEADLINE_CHARS].rsplit(" ", 1)[0]
    return cut + "…"


def _quote_html(q: Quote) -> str:
    label = _e(source_label(q))
    url = safe_url(q.url)
    if url is not None:
        src = f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer nofollow">{label}</a>'
    else:
        src = label if label == _e(q.article_id) else f"{label} ({_e(q.article_id)})"
    return f"<p>{_e(one_line(q.text))} <small>— {src}</small></p>"


def timeline_to_timelinejs(timeline: Timeline) -> dict[str, Any]:
    """The timeline as a TimelineJS3 data object (``title`` + ``events``)."""
    title = one_line(timeline.query) if timeline.query else "Timeline"
    n_quotes = sum(len(e.sentences) for e in timeline.entries)
    subtitle = f"{len(timeline.entries)} dates, {n_quotes} sentences"
    if timeline.method:
        subtitle += f" · method {timeline.method}"
    events: list[dict[str, Any]] = []
    for entry in timeline.entries:
        d = entry.date
        headline = _headline(entry.sentences[0].text) if entry.sentences else d.isoformat()
        events.append(
            {
                "start_date": {"year": d.year, "month": d.month, "day": d.day},
                "display_date": d.strftime("%A, %d %B %Y").replace(" 0", " "),
                "text": {
                    "headline": _e(headline),
                    "text": "".join(_quote_html(q) for q in entry.sentences),
                },
                "unique_id": f"d{d.isoformat()}",
            }
        )
    return {"title": {"text": {"headline": _e(title), "text": f"<p>{_e(subtitle)}</p>"}}, "events": events}


def render_timelinejs(timeline: Timeline) -> str:
    """:func:`timeline_to_timelinejs` as pretty-printed JSON."""
    return json.dumps(timeline_to_timelinejs(timeline), ensure_ascii=False, indent=2) + "\n"
