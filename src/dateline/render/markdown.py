"""Markdown: one heading per date, one bullet per sentence, each with its source.

Article text is escaped so that Markdown renderers show it literally: HTML tags (``<script>``)
become entities and Markdown punctuation (``*``, ``_``, ``[``, backticks …) is backslash-escaped.

>>> from datetime import date
>>> from dateline.model import Entry, Quote, Timeline
>>> q = Quote("Shares fell <b>5%</b>.", "wn-1", date(2008, 9, 17), url="https://en.wikinews.org/wiki/X",
...           title="Markets fall")
>>> print(render_markdown(Timeline((Entry(date(2008, 9, 17), (q,)),), query="markets")), end="")
# Timeline: markets
<BLANKLINE>
## 2008-09-17
<BLANKLINE>
- Shares fell &lt;b&gt;5%&lt;/b&gt;. — [Markets fall](<https://en.wikinews.org/wiki/X>)
"""

from __future__ import annotations

import re

from dateline.model import Quote, Timeline
from dateline.render._util import one_line, safe_url, source_label

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|~!])")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_HTML_RE = re.compile(r"[&<>]")
# things that would turn the start of a list item into another block (heading, list, quote, rule)
_BLOCK_START = re.compile(r"^(#|[-+=]|\d+[.)])")


def escape_markdown(text: str) -> str:
    """``text`` on one line, safe to place in a Markdown paragraph or list item.

    >>> escape_markdown("<script>alert(1)</script> *bold* [x](y)")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\*bold\\\\* \\\\[x\\\\](y)'
    >>> escape_markdown("# not a heading")
    '\\\\# not a heading'
    """
    text = one_line(text)
    text = _HTML_RE.sub(lambda m: _HTML_SPECIAL[m.group()], text)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _BLOCK_START.sub(_escape_block_start, text)


def _escape_block_start(m: re.Match[str]) -> str:
    lead = m.group(1)
    return lead[:-1] + "\\" + lead[-1] if lead[0].isdigit() else "\\" + lead


def _source(q: Quote) -> str:
    label = escape_markdown(source_label(q))
    url = safe_url(q.url)
    if url is None:
        if label == escape_markdown(q.article_id):
            return label
        return f"{label} ({escape_markdown(q.article_id)})"
    # angle-bracket destination: spaces/parentheses in the URL cannot end the link early
    url = url.replace("<", "%3C").replace(">", "%3E")
    return f"[{label}](<{url}>)"


def render_markdown(timeline: Timeline) -> str:
    """The timeline as a Markdown document (``# Timeline``, ``## YYYY-MM-DD``, bullets)."""
    title = f"Timeline: {escape_markdown(timeline.query)}" if timeline.query else "Timeline"
    lines = [f"# {title}", ""]
    if timeline.method:
        lines += [f"_Method: {escape_markdown(timeline.method)}_", ""]
    for entry in timeline.entries:
        lines += [f"## {entry.date.isoformat()}", ""]
        for q in entry.sentences:
            lines.append(f"- {escape_markdown(q.text)} — {_source(q)}")
        lines.append("")
    if not timeline.entries:
        lines += ["_No dated events found._", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
