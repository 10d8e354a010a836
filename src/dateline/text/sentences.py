"""Sentence splitting with syntok, as character spans into the original text.

Line breaks are hard boundaries (news corpora such as Timeline17 put one sentence per line, and
paragraphs never run into each other); within a line, syntok decides, which copes with
abbreviations such as "U.S.", "Sept. 11, 2012", "Dr." and "5 p.m.". A line without any
sentence-final mark followed by a space inside it is one sentence, without running syntok
at all, and so is a line where syntok has no place to split (every stop followed by a lower-case
word, as in "the U.S. military"); that keeps splitting a whole corpus fast.

>>> text = "The U.S. Embassy was hit at 5 p.m. on Sept. 11, 2012. Dr. Smith left.\\nNew line"
>>> [text[s:e] for s, e in split_sentences(text)]
['The U.S. Embassy was hit at 5 p.m. on Sept. 11, 2012.', 'Dr. Smith left.', 'New line']
"""

from __future__ import annotations

import re

from syntok.segmenter import segment
from syntok.tokenizer import Tokenizer

_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
# a sentence-final mark (possibly closed by quotes/brackets) followed by a space: a line without
# one inside it cannot hold two sentences
_INNER_BOUNDARY_RE = re.compile(r"[.!?\u2026\u203d\u3002][\"'\u2019\u201d)\]]*\s")

# Where syntok could split a line. Its tokenizer makes a token of a terminal (a character of
# _SYNTOK_TERMINALS, or "...") only where it stands apart from the letters around it (not in
# "U.S", "e.g"), and its segmenter decides to split only at such tokens and at opening brackets,
# never where the next word (after closing brackets and one closing quote) starts lower case, and
# at a line's end only when nothing follows. So a line with no opening bracket, in which every
# terminal is followed by another terminal, a lower-case letter or digit (no space), a capital
# after "capital." (U.S.A), or by closing marks and then a space and a lower-case letter or the
# line's end ('U.S. officials', '." he said'), is one sentence: syntok cannot split it.
_SYNTOK_TERMINALS = ".!?;\u203c\u203d\u2047\u2048\u2049\u3002\ufe52\ufe57\uff01\uff0e\uff1f\uff61"
_SYNTOK_OPENING = "([{\uff5f\uff5b\uff3b\uff08\ufe5d\ufe5b\ufe59\ufd3e\u301a\u3018\u2985\u2983\u2329"
_SYNTOK_CLOSING = ")\\]}\uff60\uff5d\uff3d\uff09\ufe5e\ufe5c\ufe5a\ufd3f\u301b\u3019\u2986\u2984\u232a"
_SYNTOK_QUOTES = "'\"\u00b4\u2019\u201d\u232a\u27e9\u27eb\u2e29\u3009\u300b\u301e"
_CLOSERS = f"[{_SYNTOK_CLOSING}]*[{_SYNTOK_QUOTES}]?[{_SYNTOK_CLOSING}]*"
_SPLIT_POINT_RE = re.compile(
    f"[{_SYNTOK_OPENING}]"
    f"|[{_SYNTOK_TERMINALS}](?![{_SYNTOK_TERMINALS}a-z0-9]|(?<=[A-Z]\\.)[A-Z]|{_CLOSERS}(?:$|[ \\t]+[a-z]))"
)


# titles that precede a name: a "sentence" ending in one of them continues with the name
# (syntok knows Dr./Mr./Gen. but not, e.g., Gov./Rep./Lt.)
_TITLE_END_RE = re.compile(
    r"(?<![\w.])(?:Gov|Govs|Rep|Reps|Sen|Sens|Lt|Sgt|Maj|Rev|Gen|Col|Capt|Cmdr|Adm|Pres|Supt|Insp"
    r"|Det|Cpl|Pvt|Amb|Msgr|Atty|Brig|Lieut|Mr|Mrs|Ms|Dr|Prof|Hon|Fr|Sr)\.$"
)


# words that start a new sentence rather than continue a name
_STARTERS = frozenset(
    "A An And As At But He Her His I If In It Its Many Most No Not On One Our She So Some That The "
    "Their Then There These They This Those We When While You".split()
)
_FIRST_WORD_RE = re.compile(r"[A-Za-z]+")


def _merge_after_titles(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        word = _FIRST_WORD_RE.match(line, s)
        if (
            out
            and word is not None
            and word.group(0)[0].isupper()
            and word.group(0) not in _STARTERS
            and _TITLE_END_RE.search(line, 0, out[-1][1])
        ):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _syntok_spans(line: str, base: int) -> list[tuple[int, int]]:
    tokens = Tokenizer(replace_not_contraction=False).tokenize(line)
    spans: list[tuple[int, int]] = []
    for sentence in segment(tokens):
        words = [t for t in sentence if t.value]
        if not words:
            continue
        start = words[0].offset
        end = words[-1].offset + len(words[-1].value)
        spans.append((start, end))
    return [(base + s, base + e) for s, e in _merge_after_titles(line, spans)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# A wire header glued to the story's lead on one line: a scraped page's headline, byline and
# "CITY | Sat Apr 25, 2009 12:51 am BST CITY (Reuters) - A dangerous strain of flu ...", or a
# time stamp, headline or byline before "CITY (AP) --". The wire's credit in brackets and a dash
# end the header. The splitter makes a span of a scraped page's header (one with a "|");
# a quote leaves any header out (dateline.tls.common.make_quote).
_WIRE_CREDIT_RE = re.compile(
    r"\((?:Reuters|AP|AFP|Bloomberg|UPI|dpa|Xinhua|CNN|BBC)(?: [A-Z][a-z]+)?\)[\"\u201d]?\s*(?:-{1,2}|\u2013|\u2014)\s*"
)
_TOKEN_RE = re.compile(r"[^\s/]+")
# a lead opens with a capital, a digit or a quote
_LEAD_START_RE = re.compile(r"[A-Z0-9\"'\u201c\u2018]")


def wire_header_end(line: str) -> int:
    """Length of a scraped wire header at the start of ``line`` (0 when there is none).

    A header is whatever precedes the first wire credit ("(Reuters) -", "(AP) --") other than the
    place it was filed from, when a lead follows the credit: "CITY | date CITY (Reuters) -", a
    time stamp "Thu May 6, 2010 1:40 pm EDT (Reuters) -", a headline or byline before the place.
    A plain dateline ("CAIRO (Reuters) - ...") is no header and stays with its lead; a credit
    without its place ("(CNN) -- President ...") is one.

    >>> line = "MEXICO CITY | Sat Apr 25, 2009 12:51 am BST MEXICO CITY (Reuters) - Flu has killed 60."
    >>> line[wire_header_end(line):]
    'Flu has killed 60.'
    >>> line = "Thu May 6, 2010 1:40 pm EDT (Reuters) - A steel dome was lowered."
    >>> line[wire_header_end(line):]
    'A steel dome was lowered.'
    >>> wire_header_end("CAIRO (Reuters) - Thousands marched."), wire_header_end("A | B (Reuters) -")
    (0, 0)
    >>> wire_header_end("Cairo, Egypt (CNN) -- Thousands marched.")
    0
    >>> wire_header_end("Prices rose (Reuters) - then fell.")
    0
    >>> wire_header_end("(CNN) - President Obama spoke to Mubarak.")
    8
    """
    m = _WIRE_CREDIT_RE.search(line)
    if m is None or not _LEAD_START_RE.match(line, m.end()):
        return 0
    # the place it was filed from ("MEXICO CITY", "Cairo, Egypt", "WASHINGTON/AMMAN"): the run of
    # capitalised words just before the credit
    head = m.start()
    for tok in reversed(_TOKEN_RE.findall(line, 0, m.start())):
        if not tok[0].isupper():
            break
        head = line.rfind(tok, 0, head)
    return m.end() if m.start() == 0 or line[:head].strip(" |,-") else 0


# a list's introduction glued to its first item, a dated entry ("Here is a timeline of the war:
# Feb. 15, 2011 - A riot breaks out in Benghazi."): the entry starts after the colon. The date
# names its month and its day, a dash follows, then a capitalised word (not "Sept. 15 - 19, 2008",
# a range).
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?:/\d{1,2})?"
_LIST_ENTRY_RE = re.compile(
    rf":(?<=\w:)[ \t]+(?=(?:{_MONTH}[ \t]+{_DAY}|{_DAY}[ \t]+{_MONTH})(?:,?[ \t]*\d{{4}})?"
    r"[ \t]*(?:-{1,2}|\u2013|\u2014)[ \t]*[A-Z\"'\u201c])"
)


def list_intro_end(line: str) -> int:
    """Where a dated list's first entry starts in ``line`` when its introduction is glued to it,
    else 0. The line stays one sentence (its introduction names what the list is about, and the
    date counts for that); a quote of it starts at the entry.

    >>> line = "Below is a timeline of the spill: April 20, 2010 - An explosion kills 11 workers."
    >>> line[list_intro_end(line):]
    'April 20, 2010 - An explosion kills 11 workers.'
    >>> list_intro_end("Five Days That Transformed Wall Street: Sept. 15 - 19, 2008 The Dow fell.")
    0
    """
    m = _LIST_ENTRY_RE.search(line) if ":" in line else None
    return m.end() if m is not None else 0


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return ``(start, end)`` character spans, in order.

    Spans are whitespace-trimmed, never empty, never overlap and never cross a line break. A
    scraped wire header glued to a lead ("CITY | Sat Apr 25, 2009 12:51 am BST CITY (Reuters) -
    ...") is a span of its own.

    >>> split_sentences("Hello there.  How are you?")
    [(0, 12), (14, 26)]
    >>> split_sentences("")
    []
    """
    spans: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(text):
        start, end = _trim(text, m.start(), m.end())
        if start == end:
            continue
        line = text[start:end]
        head = wire_header_end(line)
        if head and "|" in line[:head]:  # a scraped page's header: a span of its own
            spans.append(_trim(text, start, start + head))
            start, end = _trim(text, start + head, end)
            line = text[start:end]
        if _INNER_BOUNDARY_RE.search(line) is None or _SPLIT_POINT_RE.search(line) is None:
            spans.append((start, end))
            continue
        for s, e in _syntok_spans(line, start):
            s, e = _trim(text, s, e)
            if s < e:
                spans.append((s, e))
    return _repair(spans, text)


def _repair(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Guarantee sorted, non-overlapping, non-empty spans whatever the splitter returned."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            s = out[-1][1]
            s, e = _trim(text, s, e)
        if s < e:
            out.append((s, e))
    return out
