"""The temporal tagger: find time expressions and resolve them against the publication date.

:func:`tag` is a pure function of ``(text, dct)``. Candidates are found with one compiled
alternation (:data:`dateline.timex.patterns.MASTER`), tried only where an expression can start:
at most a few words before a trigger (a number, a month or weekday name, a time unit...).
:class:`dateline.timex.resolve.Resolver` turns each candidate into a TIMEX3 value, anchoring
relative expressions on the document creation time or, for "two days later", on the last
mentioned date.

>>> from datetime import date
>>> [(m.text, m.value) for m in tag("Rockets hit the base last Friday; two days later, strikes.", date(2019, 12, 31))]
[('last Friday', '2019-12-27'), ('two days later', '2019-12-29')]
>>> [(m.text, m.value, m.type) for m in tag("Tuesday night, for three hours", date(2020, 1, 1))]
[('Tuesday night', '2019-12-31TNI', 'TIME'), ('three hours', 'PT3H', 'DURATION')]
"""

from __future__ import annotations

import re
from datetime import date

from dateline.model import Mention
from dateline.timex.patterns import (
    CASED_TRIGGERS,
    CONDITIONAL_STARTS,
    MASTER,
    LEAD_SET,
    MASTER_DIGIT,
    MAX_LEAD_WORDS,
    NON_START,
    NON_START_TRIGGERS,
    REST_SOURCES,
    RANGE_END,
    RANGE_START,
    RANGE_YEAR,
    RULES,
    YEAR_RANGE_END,
    TRIGGER,
)
from dateline.timex.resolve import Resolver

__all__ = ["tag", "Mention"]

_RULE_ORDER: dict[str, int] = {name: i for i, (name, _) in enumerate(RULES)}


def tag(text: str, dct: date) -> list[Mention]:
    """All time expressions in ``text``, resolved against ``dct`` (sorted, non-overlapping).

    Offsets are character offsets into ``text``; ``value`` is a TIMEX3 value (``2019-12-27``,
    ``2019-W52``, ``PRESENT_REF``, ``P3D``...), ``type`` one of DATE/TIME/DURATION/SET.

    >>> [(m.text, m.value, m.granularity) for m in tag("In 2014, and since October.", date(2020, 1, 1))]
    [('2014', '2014', 'year'), ('October', '2019-10', 'month')]
    """
    if not text:
        return []
    resolver = Resolver(text, dct)
    out: list[Mention] = []
    pos = 0
    match, match_digit = MASTER.match, MASTER_DIGIT.match
    for start in _candidate_starts(text):
        if start < pos:
            continue
        m = match_digit(text, start) if text[start].isdigit() else match(text, start)
        if m is None:
            continue
        end, rule = m.end(), m.lastgroup
        res = resolver.resolve(rule, start, end)
        if res is None:
            # the first rule matched but is no time expression here: try the later rules
            res, end, rule = _fallback(resolver, text, rule, start)
            if res is None:
                continue
        value, type_, gran, mod = res
        out.append(Mention(text[start:end], start, end, value, gran, type_, mod))
        resolver.note(value, type_, end, rule)
        pos = end
        if rule in ("date_dm", "date_dmy") and len(value) == 10:
            r = RANGE_START.search(text, max(0, start - 12), start)
            if r is not None and int(r.group(1)) < int(value[8:]) and (not out[:-1] or out[-2].end <= r.start(1)):
                v1 = f"{value[:8]}{int(r.group(1)):02d}"
                out.insert(len(out) - 1, Mention(r.group(1), r.start(1), r.end(1), v1, "day", "DATE", None))
        if rule == "year" and len(value) == 4:
            r = YEAR_RANGE_END.match(text, end)
            if r is not None:
                y = r["y"]
                y2 = int(y) if len(y) == 4 else int(value[:2] + y)
                if len(y) == 2 and y2 <= int(value):
                    y2 += 100
                if int(value) < y2 <= int(value) + 200:
                    out.append(Mention(y, r.start("y"), r.end("y"), f"{y2:04d}", "year", "DATE", None))
                    pos = r.end("y")
        if rule == "date_md" and len(value) == 10:
            r = RANGE_END.match(text, end)
            if r is not None and int(r["d"]) > int(value[8:]):
                y = RANGE_YEAR.match(text, r.end("d"))
                if y is not None and value[:4] != y[1]:  # "Sept. 15 - 19, 2008": the year of both days
                    value = f"{y[1]}{value[4:]}"
                    first = out[-1]
                    out[-1] = Mention(first.text, first.start, first.end, value, first.granularity,
                                      first.type, first.mod)
                v2 = f"{value[:8]}{int(r['d']):02d}"
                out.append(Mention(r["d"], r.start("d"), r.end("d"), v2, "day", "DATE", None))
                pos = r.end("d")
    return out


_GAP = frozenset(" \t\n,.'’-")


def _candidate_starts(text: str) -> list[int]:
    """Sorted positions where a time expression may start: each trigger, and each word of the
    run of lead words ("at least the past") right before a trigger."""
    low = text.lower()
    starts: set[int] = set()
    floor = 0
    for trig in TRIGGER.finditer(low):
        s = trig.start(1)
        word = trig.group(1)
        if word in CASED_TRIGGERS and not text[s].isupper():
            continue
        if word not in NON_START_TRIGGERS:
            starts.add(s)
        if s and low[s - 1] == "'":  # "'90s"
            starts.add(s - 1)
        # walk back over up to MAX_LEAD_WORDS lead words separated by spaces or light punctuation
        j = s - 1
        after = word
        for _ in range(MAX_LEAD_WORDS):
            while j >= floor and low[j] in _GAP:
                j -= 1
            k = j
            while k >= floor and low[k].isalnum():
                k -= 1
            lead = low[k + 1:j + 1]
            if not lead or (lead not in LEAD_SET and not lead.isdigit()):
                break
            if lead not in NON_START and (lead not in CONDITIONAL_STARTS or after in CONDITIONAL_STARTS[lead]):
                starts.add(k + 1)
            after = lead
            j = k
        floor = trig.end()
    return sorted(starts)


def _fallback(resolver: Resolver, text: str, rule: str, start: int):
    """The first later rule that matches at ``start`` and resolves."""
    while True:
        source = REST_SOURCES[_RULE_ORDER[rule]]
        m = re.compile(source).match(text, start) if source is not None else None
        if m is None:
            return None, start, rule
        rule = m.lastgroup
        res = resolver.resolve(rule, start, m.end())
        if res is not None:
            return res, m.end(), rule
