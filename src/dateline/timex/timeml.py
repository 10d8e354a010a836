"""TimeML in and out: read gold ``.tml`` files, write the tagger's TIMEX3 tags into a text.

:func:`read_tml` returns the document creation time, the raw text of ``<TEXT>`` (all inline tags
removed, XML entities decoded) and the gold TIMEX3 annotations as :class:`~dateline.model.Mention`
objects with offsets into that raw text. :func:`write_tml` inserts TIMEX3 tags into a raw text
without changing a character of it, so ``read_tml`` of its output gives the same text back.

>>> from datetime import date
>>> from dateline.model import Mention
>>> doc = write_tml("Rates rose Friday.", date(1998, 8, 7), [Mention("Friday", 11, 17, "1998-08-07")])
>>> "<TIMEX3 tid=\\"t1\\" type=\\"DATE\\" value=\\"1998-08-07\\">Friday</TIMEX3>." in doc
True
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from dateline.errors import DatelineError
from dateline.model import Mention

_DCT = re.compile(r"<DCT>\s*<TIMEX3\b([^>]*)>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:\s+[^>]*?)?)\s*(/?)>", re.S)
_ATTR = re.compile(r"([\w:-]+)\s*=\s*\"([^\"]*)\"")
_DATE = re.compile(r"(\d{4})-?(\d\d)-?(\d\d)")

_GRANULARITY = (
    (re.compile(r"^\d{4}-\d\d-\d\d"), "day"),
    (re.compile(r"^\d{4}-W\d\d"), "week"),
    (re.compile(r"^\d{4}-\d\d$"), "month"),
    (re.compile(r"^\d{4}-[QH]\d$"), "quarter"),
    (re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
)


def granularity_of(value: str, type_: str = "DATE") -> str:
    """The granularity of a TIMEX3 value (``other`` for durations, sets and references).

    >>> granularity_of("1998-08-07T10:35"), granularity_of("1998-Q3"), granularity_of("P3D", "DURATION")
    ('day', 'quarter', 'other')
    """
    if type_ in ("DURATION", "SET"):
        return "other"
    for rx, g in _GRANULARITY:
        if rx.match(value):
            return g
    return "other"


def attributes(tag_body: str) -> dict[str, str]:
    """The attributes of an XML start tag's body, entities decoded."""
    return {k: html.unescape(v) for k, v in _ATTR.findall(tag_body)}


def parse_tml(source: str, name: str = "<string>") -> tuple[date, str, list[Mention]]:
    """:func:`read_tml` on a string; ``name`` is used in error messages."""
    m = _DCT.search(source)
    if m is None:
        raise DatelineError(f"{name}: no <DCT><TIMEX3 value=...> document creation time")
    dct_value = attributes(m.group(1)).get("value", "")
    dm = _DATE.match(dct_value)
    try:
        dct = date(int(dm.group(1)), int(dm.group(2)), int(dm.group(3))) if dm else None
    except ValueError:
        dct = None
    if dct is None:
        raise DatelineError(f"{name}: unreadable document creation time {dct_value!r}")
    t = _TEXT.search(source)
    if t is None:
        raise DatelineError(f"{name}: no <TEXT> element")
    body = t.group(1)
    parts: list[str] = []
    length = 0
    gold: list[Mention] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for tm in _TAG.finditer(body):
        chunk = html.unescape(body[pos:tm.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tm.end()
        closing, tag_name = tm.group(1), tm.group(2)
        if tag_name != "TIMEX3":
            continue
        if not closing and not tm.group(4):
            open_timex = (length, attributes(tm.group(3)))
        elif closing and open_timex is not None:
            start, attrs = open_timex
            open_timex = None
            text = "".join(parts)[start:length] if start < length else ""
            type_ = attrs.get("type", "DATE")
            value = attrs.get("value", "")
            gold.append(Mention(text, start, length, value, granularity_of(value, type_), type_,
                                attrs.get("mod")))
    chunk = html.unescape(body[pos:])
    parts.append(chunk)
    return dct, "".join(parts), gold


def read_tml(path: str | Path) -> tuple[date, str, list[Mention]]:
    """``(dct, raw_text, gold_timexes)`` of a TimeML file.

    Raises :class:`dateline.errors.DatelineError` naming the file when it is no TimeML document.
    """
    p = Path(path)
    try:
        source = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatelineError(f"{p}: cannot read: {exc}") from None
    return parse_tml(source, str(p))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return _escape(value).replace('"', "&quot;")


def tag_text(raw_text: str, mentions: Sequence[Mention]) -> str:
    """``raw_text`` (XML-escaped) with a TIMEX3 element around each mention.

    Mentions must not overlap; those that do (or fall outside the text) are skipped.
    """
    out: list[str] = []
    pos = 0
    tid = 0
    for m in sorted(mentions, key=lambda x: (x.start, x.end)):
        if m.start < pos or m.end > len(raw_text) or m.end <= m.start:
            continue
        tid += 1
        attrs = f'tid="t{tid}" type="{_attr(m.type)}" value="{_attr(m.value)}"'
        if m.mod:
            attrs += f' mod="{_attr(m.mod)}"'
        out.append(_escape(raw_text[pos:m.start]))
        out.append(f"<TIMEX3 {attrs}>{_escape(raw_text[m.start:m.end])}</TIMEX3>")
        pos = m.end
    out.append(_escape(raw_text[pos:]))
    return "".join(out)


def write_tml(raw_text: str, dct: date, mentions: Sequence[Mention], docid: str | None = None) -> str:
    """A TimeML document: DCT plus ``raw_text`` unchanged with the mentions' TIMEX3 tags inserted."""
    head = '<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' \
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
    if docid:
        head += f"<DOCID>{_escape(docid)}</DOCID>\n\n"
    d = dct.isoformat()
    head += (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{d}" temporalFunction="false" '
             f'functionInDocument="CREATION_TIME">{d}</TIMEX3></DCT>\n\n')
    return f"{head}<TEXT>{tag_text(raw_text, mentions)}</TEXT>\n\n</TimeML>\n"
