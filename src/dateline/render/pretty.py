"""A plain-text timeline for people reading a terminal: dates, sentences, and where each came from."""

from __future__ import annotations

import textwrap

from dateline.model import Quote, Timeline

WIDTH = 88


def _source(q: Quote) -> str:
    """``source, “title”, published [article id] <url>`` — whatever of it is known."""
    parts = [q.source or "", f"“{q.title}”" if q.title else "", q.published.isoformat() if q.published else ""]
    label = ", ".join(p for p in parts if p)
    if not q.url or not q.title:
        label = f"{label} [{q.article_id}]" if label else q.article_id
    if q.url:
        label += f" <{q.url}>"
    return label


def format_pretty(timeline: Timeline, width: int = WIDTH) -> str:
    """Render ``timeline`` as indented, wrapped text with a source line under every sentence.

    >>> from datetime import date
    >>> from dateline.model import Entry, Quote, Timeline
    >>> q = Quote("Marines arrived.", "a1", date(2020, 1, 1), source="ap")
    >>> print(format_pretty(Timeline((Entry(date(2019, 12, 31), (q,)),))))
    ■ Tuesday 31 December 2019
      • Marines arrived.
        — ap, 2020-01-01 [a1]
    <BLANKLINE>
    """
    lines: list[str] = []
    if timeline.query:
        lines += [f"Timeline: {timeline.query}", ""]
    for entry in timeline.entries:
        lines.append(f"■ {entry.date.strftime('%A')} {entry.date.day} {entry.date.strftime('%B %Y')}")
        for q in entry.sentences:
            body = textwrap.wrap(" ".join(q.text.split()), width=width - 4) or [""]
            lines.append("  • " + body[0])
            lines.extend("    " + b for b in body[1:])
            lines.append("    — " + _source(q))
        lines.append("")
    return "\n".join(lines)
