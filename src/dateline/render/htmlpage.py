"""A self-contained HTML page: inline CSS, no scripts, no external resources.

Every piece of article text (sentences, titles, ids, the query) goes through
:func:`html.escape`; links are only made from absolute http(s) URLs. A Content-Security-Policy
forbids scripts outright, as a second line of defence.

>>> from datetime import date
>>> from dateline.model import Entry, Quote, Timeline
>>> page = render_html(Timeline((Entry(date(2020, 1, 1), (Quote("<script>alert(1)</script>", "a1"),)),)))
>>> "<script>" in page, "&lt;script&gt;alert(1)&lt;/script&gt;" in page
(False, True)
"""

from __future__ import annotations

import html

from dateline.model import Quote, Timeline
from dateline.render._util import one_line, safe_url, source_label

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"

_CSS = """
:root { --ink: #1d2330; --muted: #5b6475; --rule: #d9dde5; --accent: #1f5fbf; --bg: #fbfbf8; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
       font: 17px/1.55 Georgia, "Times New Roman", serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
header h1 { font: 700 2rem/1.2 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 0 .3rem; }
header p { color: var(--muted); margin: 0 0 2rem; font: 14px/1.4 system-ui, sans-serif; }
ol.timeline { list-style: none; margin: 0; padding: 0; border-left: 3px solid var(--rule); }
ol.timeline > li { position: relative; padding: 0 0 1.6rem 1.4rem; }
ol.timeline > li::before { content: ""; position: absolute; left: -9px; top: .35rem; width: 15px;
       height: 15px; border-radius: 50%; background: var(--accent); border: 3px solid var(--bg); }
h2 { font: 700 1.05rem/1.3 system-ui, sans-serif; margin: 0 0 .4rem; }
h2 time { color: var(--accent); }
h2 .wd { color: var(--muted); font-weight: 400; margin-left: .4rem; }
ul.quotes { margin: 0; padding-left: 1.1rem; }
ul.quotes li { margin: 0 0 .5rem; }
.src { display: inline-block; margin-left: .35rem; font: 13px/1.4 system-ui, sans-serif; color: var(--muted); }
.src a { color: var(--accent); text-decoration: none; border-bottom: 1px solid currentColor; }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 2rem; color: var(--muted); font: 12px/1.4 system-ui, sans-serif; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _source(q: Quote) -> str:
    label = _e(source_label(q))
    meta = [q.source, q.published.isoformat() if q.published else None]
    extra = " · ".join(_e(m) for m in meta if m)
    url = safe_url(q.url)
    if url is not None:
        link = f'<a href="{_e(url)}" rel="noopener noreferrer nofollow">{label}</a>'
    else:
        link = label if label == _e(q.article_id) else f"{label} ({_e(q.article_id)})"
    tail = f" · {extra}" if extra else ""
    return f'<span class="src" data-article="{_e(q.article_id)}">{link}{tail}</span>'


def render_html(timeline: Timeline, generated_at: str | None = None) -> str:
    """The timeline as one standalone HTML5 document."""
    title = f"Timeline: {one_line(timeline.query)}" if timeline.query else "Timeline"
    n_quotes = sum(len(e.sentences) for e in timeline.entries)
    facts = [f"{len(timeline.entries)} dates", f"{n_quotes} sentences"]
    if timeline.method:
        facts.append(f"method {timeline.method}")
    if generated_at:
        facts.append(f"generated {generated_at}")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="dateline">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<header><h1>{_e(title)}</h1><p>{_e(' · '.join(facts))}</p></header>",
    ]
    if not timeline.entries:
        out.append('<p class="empty">No dated events found.</p>')
    else:
        out.append('<ol class="timeline">')
        for entry in timeline.entries:
            iso = entry.date.isoformat()
            out.append(f'<li id="d{iso}">')
            out.append(f'<h2><time datetime="{iso}">{iso}</time>'
                       f'<span class="wd">{entry.date.strftime("%A")}</span></h2>')
            out.append('<ul class="quotes">')
            for q in entry.sentences:
                out.append(f"<li>{_e(one_line(q.text))}{_source(q)}</li>")
            out.append("</ul>")
            out.append("</li>")
        out.append("</ol>")
    out += ["<footer>Made with dateline. Every sentence links to the article it comes from.</footer>",
            "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
