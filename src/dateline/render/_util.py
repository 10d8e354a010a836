"""Small helpers shared by the writers: safe links, source labels, whitespace.

>>> safe_url("https://example.org/a b")
'https://example.org/a%20b'
>>> safe_url("javascript:alert(1)") is None
True
>>> one_line("a\\n  b")
'a b'
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from dateline.model import Quote

_WS = re.compile(r"\s+")
_SAFE_SCHEMES: frozenset[str] = frozenset({"http", "https"})
# characters kept as they are when a URL is re-quoted (RFC 3986 reserved + unreserved + '%')
_URL_SAFE = ":/?#[]@!$&'*+,;=-._~%"


def one_line(text: str) -> str:
    """Collapse every run of whitespace (newlines included) to one space and trim."""
    return _WS.sub(" ", text).strip()


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) link, percent-quoting unsafe characters; else ``None``.

    Writers only ever link to such URLs, so a ``javascript:`` or ``data:`` URL in an input
    file cannot become a live link.
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    return quote(url, safe=_URL_SAFE)


def source_label(quote_: Quote) -> str:
    """What a source link shows: the article title, else its source and id, else the id.

    >>> source_label(Quote("x", "reuters/1", title=" Big  news "))
    'Big news'
    >>> source_label(Quote("x", "reuters/1"))
    'reuters/1'
    """
    if quote_.title and quote_.title.strip():
        return one_line(quote_.title)
    return quote_.article_id
