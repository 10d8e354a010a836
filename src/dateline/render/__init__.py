"""Writers: a :class:`~dateline.model.Timeline` as text (tilse), JSON, Markdown, HTML, TimelineJS
or ``pretty`` (wrapped text for a terminal).

>>> from datetime import date
>>> from dateline.model import Entry, Quote, Timeline
>>> tl = Timeline((Entry(date(2008, 9, 17), (Quote("Stocks fell.", "wn-1"),)),), query="stocks")
>>> print(render(tl, "markdown"), end="")
# Timeline: stocks
<BLANKLINE>
## 2008-09-17
<BLANKLINE>
- Stocks fell. — wn-1
>>> render(tl, "json", generated_at="2008-09-18T00:00:00+00:00").splitlines()[3]
'  "generated_at": "2008-09-18T00:00:00+00:00",'

Every writer puts the source (title/URL or the article id) beside every sentence, and escapes
article text for its medium (HTML entities in html/timelinejs/markdown).
"""

from __future__ import annotations

from dateline.errors import DatelineError
from dateline.model import Timeline
from dateline.render.htmlpage import render_html
from dateline.render.jsonfmt import now_iso, render_json, timeline_from_dict, timeline_to_dict
from dateline.render.markdown import render_markdown
from dateline.render.timelinejs import render_timelinejs, timeline_to_timelinejs

FORMATS: tuple[str, ...] = ("text", "json", "markdown", "html", "timelinejs", "pretty")

# file extension and media type per format (used by the web export and `-o` defaults)
MEDIA_TYPES: dict[str, tuple[str, str]] = {
    "text": (".txt", "text/plain; charset=utf-8"),
    "json": (".json", "application/json"),
    "markdown": (".md", "text/markdown; charset=utf-8"),
    "html": (".html", "text/html; charset=utf-8"),
    "timelinejs": (".timelinejs.json", "application/json"),
    "pretty": (".txt", "text/plain; charset=utf-8"),
}

__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "render_timelinejs",
    "timeline_from_dict",
    "timeline_to_dict",
    "timeline_to_timelinejs",
]


def render(timeline: Timeline, fmt: str, *, generated_at: str | None = None) -> str:
    """``timeline`` written in format ``fmt`` (one of :data:`FORMATS`).

    ``generated_at`` (an ISO timestamp) pins the time stamp of the json and html formats, for
    reproducible output; by default it is the current time (or ``$SOURCE_DATE_EPOCH``).
    Raises :class:`~dateline.errors.DatelineError` for an unknown format.
    """
    if fmt == "text":
        from dateline.render.tilse import format_tilse  # the tilse format lives beside its parser

        return format_tilse(timeline)
    if fmt == "json":
        return render_json(timeline, generated_at)
    if fmt == "markdown":
        return render_markdown(timeline)
    if fmt == "html":
        return render_html(timeline, generated_at if generated_at is not None else now_iso())
    if fmt == "timelinejs":
        return render_timelinejs(timeline)
    if fmt == "pretty":
        from dateline.render.pretty import format_pretty

        return format_pretty(timeline)
    raise DatelineError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
