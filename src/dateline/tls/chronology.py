"""Chronologies inside the collection: "Feb. 24 - Rebels take Misrata." lists an editor wrote.

News archives carry timelines of their own stories: a Reuters "Here is a timeline of ..." piece,
a BBC "Key dates" box, a factbox at the end of a report. Each line of such a list opens with an
explicit date, then a dash or a colon, then one short present-tense sentence of what happened:
the style a timeline quotes best. :func:`chronology_entries` finds them.

A **chronology entry** is a quotable sentence (:func:`~dateline.tls.common.quotable`) whose first
time expression starts within its first three characters (a bullet may precede it; so may the
list's introduction, glued to its first entry by the page: "Here is a timeline of the war:
Feb. 15, 2011 - ..."), names the date explicitly (a month name or ``d/m``, not "Tuesday" or
"5 p.m."), resolves to a day, and is followed by ``-``, ``--``, ``:``, an en or em dash, and
then a word (not a clock time, so the "24th June 2011 - 13:45" stamps of reader comments are no
entries). An article is a
**chronology** when it has at least ``min_entries`` entries; with ``keywords``, at least a fifth
of them must mention a keyword (a Libya timeline filed in a Syria collection does not count, nor,
in a mixed archive, a Libya war timeline that names Obama in one line of 27 when the query is
"Barack Obama"; the chronologies of Timeline17's topics name theirs in 35-79 % of their lines),
and so must the text before its first entry when there is any: the heading or story that says
what the list is about ("Below is a timeline of the spill and its impact."). A BP spill
chronology that names Obama in a quarter of its lines is no chronology of Obama.

>>> from datetime import date
>>> from dateline.model import Article, Document, Mention, Sentence
>>> def line(i, text, value):
...     end = text.index(" -")
...     return Sentence("a", i, text, (Mention(text[:end], 0, end, value, "day"),))
>>> doc = Document(Article("a", date(2011, 10, 20), "x"), (
...     Sentence("a", 0, "Here is a timeline of the war in Libya:"),
...     line(1, "Feb. 24 - Rebels take control of the coastal city of Misrata.", "2011-02-24"),
...     line(2, "March 17 - The U.N. Security Council votes for a no-fly zone over Libya.", "2011-03-17"),
...     line(3, "Aug. 23 - The rebels overrun Gaddafi's compound in Tripoli.", "2011-08-23"),
... ))
>>> sorted(chronology_entries(doc).items())
[(1, datetime.date(2011, 2, 24)), (2, datetime.date(2011, 3, 17)), (3, datetime.date(2011, 8, 23))]
>>> chronology_entries(doc, keywords=("syria",))
{}
>>> len(chronology_entries(doc, keywords=("rebels",)))  # 2 of 3 lines, but not the heading
0
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from dateline.model import Document, Sentence
from dateline.text.sentences import list_intro_end
from dateline.tls.common import mentions_any, quotable

#: An article needs this many entries to be a chronology.
MIN_ENTRIES = 3
#: ... and, with keywords, this share of its entries must mention one.
MIN_KEYWORD_SHARE = 0.2

# after the date: an optional second day ("February 15/16", where the tagger ends at "15"), an
# optional ", 2011", a dash or colon, then a word that is no clock time
_SEPARATOR = re.compile(
    r"(?:/\d{1,2})?\s*(?:,\s*\d{4}\s*)?(?:-{1,2}|:|\u2013|\u2014)\s*(?!\d{1,2}[:.]\d\d)(?=\S)")
_NAMED_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}/\d{1,2}", re.IGNORECASE
)


def _opening(sentence: Sentence) -> tuple[date, int] | None:
    """``(day, offset of the text after the date and separator)`` when ``sentence`` opens like
    a chronology entry (see the module docstring), else ``None``."""
    if not sentence.mentions:
        return None
    opening = _entry_at(sentence, 0)
    if opening is None and ":" in sentence.text:
        # the list's introduction glued before the entry: "Here is a timeline of ...: Feb. 15 - ..."
        intro = list_intro_end(sentence.text)
        if intro:
            opening = _entry_at(sentence, intro)
    return opening


def _entry_at(sentence: Sentence, at: int) -> tuple[date, int] | None:
    """:func:`_opening` for an entry starting at offset ``at`` (a bullet may precede its date)."""
    first = min((m for m in sentence.mentions if m.start >= at), key=lambda m: m.start, default=None)
    if first is None:
        return None
    if first.start - at > 2:
        return None
    day = first.day
    if day is None or not _NAMED_DATE.search(first.text):
        return None
    m = _SEPARATOR.match(sentence.text, first.end)
    return (day, m.end()) if m is not None else None


def entry_body(sentence: Sentence, day: date | None = None) -> str:
    """An entry's text without its leading date and separator (a timeline shows the date).

    The sentence itself when it does not open like an entry, or, with ``day``, when its
    leading date is another day.

    >>> from dateline.model import Mention
    >>> entry_body(Sentence("a", 1, "* March 17 - The Security Council votes for a no-fly zone.",
    ...                     (Mention("March 17", 2, 10, "2011-03-17", "day"),)))
    'The Security Council votes for a no-fly zone.'
    """
    opening = _opening(sentence)
    if opening is None or (day is not None and opening[0] != day):
        return sentence.text
    return sentence.text[opening[1]:]


def chronology_entries(
    document: Document, keywords: Sequence[str] = (), min_entries: int = MIN_ENTRIES
) -> dict[int, date]:
    """``{sentence index: day}`` of the document's chronology entries (see the module docstring).

    Empty when the document has fewer than ``min_entries`` of them, or when ``keywords`` are
    given (lower-cased, as :func:`~dateline.tls.common.normalise_keywords` makes them) and fewer
    than :data:`MIN_KEYWORD_SHARE` of the entries mention one.
    """
    found: dict[int, date] = {}
    on_topic = 0
    first = -1  # position of the first entry among the document's sentences
    for pos, s in enumerate(document.sentences):
        opening = _opening(s)
        if opening is None or not quotable(s):
            continue
        if not found:
            first = pos
        found[s.index] = opening[0]
        if keywords and mentions_any(s.text, keywords):
            on_topic += 1
    if len(found) < min_entries:
        return {}
    if keywords:
        heading = " ".join(s.text for s in document.sentences[:first])
        if on_topic < MIN_KEYWORD_SHARE * len(found) or (heading and not mentions_any(heading, keywords)):
            return {}
    return found
