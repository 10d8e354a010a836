"""Resolution of candidate time expressions to TIMEX3 values.

A :class:`Resolver` holds one text, its document creation time (DCT) and the anchor state (the
last mentioned point in time, for "two days later"). :meth:`Resolver.resolve` turns one rule
hit into ``(value, type, granularity, mod)`` or ``None`` when the hit is not a time expression
after all (e.g. "May" the modal verb, "2000 people").

>>> from datetime import date
>>> from dateline.timex.patterns import MASTER
>>> text = "Rockets hit the base last Friday."
>>> m = MASTER.search(text)
>>> Resolver(text, date(2019, 12, 31)).resolve(m.lastgroup, m.start(), m.end())
('2019-12-27', 'DATE', 'day', None)
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.timex.calendar_math import (
    GRANULARITY_ORDER,
    add_months,
    easter,
    nth_weekday,
    parse_point,
    point_value,
    season_of,
    shift,
)
from dateline.timex.patterns import RULE_PATTERNS, alternation
from dateline.timex.resources import vocab

Resolution = tuple[str, str, str, "str | None"]

_WS = re.compile(r"\s+")
_NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+([1-3])/([2-4]))?$")
_SENTENCE_END = re.compile(r"[.!?](?:\s*(?:''|[\"”’']))?\s+(?=[A-Z\"“'`])|\n\s*\n")
#: one pass over a context window: sentence ends, future cues, past cues (in that priority)
_GENERIC_OF = re.compile(r"([A-Za-z]+)\s+of\s+$")
_POSSESSIVE = re.compile(r"\s*(?:['\u2019]s?\b|s\b)")
_CUES = re.compile(
    rf"(?P<stop>{_SENTENCE_END.pattern})"
    rf"|(?<![\w'])(?:(?P<future>(?i:(?:will|would)\s+be\s+\w+|{alternation(vocab.FUTURE_CUES)}))"
    rf"|(?P<past>{alternation(vocab.PAST_CUES)}|(?!(?:{alternation(vocab.NOT_PAST_ED)})\b)[a-z]\w+ed))(?!\w)"
    r"|(?P<ll>'ll)(?!\w)"
)
_CUE_KIND = {"future": "future", "ll": "future", "past": "past"}
#: how far after an expression its tense cue is looked for when none precedes it in its sentence
#: ("On Tuesday, the league plans to ..."). 70 characters gained one TempEval value but reached
#: into the next clause in news text: Timeline17 date F1 of the default method fell .551 -> .522.
_CUE_AHEAD = 40
#: the same after an expression that opens its sentence before a comma: up to the sentence's end
_CUE_AHEAD_FRONTED = 160
_PAST_CUE_WORDS = frozenset(vocab.PAST_CUES)
#: in a past sentence a candidate after the DCT costs this many times its distance (a heavier
#: cost copies HeidelTime on Timeline17 but breaks "authorized a split, payable Dec. 7")
_PAST_AHEAD_COST = 3.0
#: a determiner (and an adverb) before an "-ed" word: "a still unspecified date", "the injured"
_DET_ADJ_BEFORE = re.compile(
    r"(?i:\b(?:a|an|the|its|his|her|their|our|these|those|whose)\s+(?:[a-z]+ly\s+|still\s+)?)$"
)
#: a colon after a date that opens its line or sentence: the heading of a chronology entry
_HEADING_AFTER = re.compile(r" ?: ")
#: what may stand between a sentence's start and an expression that opens it
_FRONTED_BEFORE = re.compile(
    r"(?:^|[.!?][\"'\u201d\u2019)]*\s+|\n\s*|[\"\u201c(]\s*)(?:(?:On|In|Late|Early|By|Since|Until|Last|Next|And|But|Then)\s+)?$"
)
_PREP_BEFORE = re.compile(
    r"(?i:\b(?:in|on|since|by|until|till|from|of|during|before|after|through|throughout|early|late"
    r"|mid|last|next|this|and|or|to|between|for|at|around|about|into|within|that|the|past|coming)"
    r"[\s-]*)$"
)
_DURATION_PREP = re.compile(
    r"(?i:\b(?:for|over|during|within|throughout|in|across|spanning|took|take|takes|taking|lasted"
    r"|lasting|last|lasts|spent|spend|after|than)\s+)$"
)
_SINCE_BEFORE = re.compile(r"(?i:\bsince\s+(?:on\s+)?)$")
#: a date used as the modifier of an event noun ("the 20 April explosion"), not of a plan
_ATTRIBUTIVE = re.compile(
    r"\s+(?!(?:deadline|vote|votes|election|elections|meeting|meetings|summit|referendum|poll|hearing"
    r"|talks|launch|release|conference|session|debate|date|target|start|opening|and|to|or|through"
    r"|until|in|at|on|of|for|by|from|with|is|was|will|would|as)\b)[a-z][a-z-]+\b"
)
_DEADLINE_BEFORE = re.compile(r"(?i:\b(?:until|till|by|through|before|effective)\s+)$")
_BRACKET_WEEKDAY_AFTER = re.compile(
    r"\s*\([^()\n]{1,25}\)\s*,?\s*(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
#: after "the night"/"the morning": "of" and something else ("the night of the attack")
_POD_NAMED_AFTER = re.compile(r"\s+of\s+(?:\d|[A-Z]|the\s)")
#: a modal right before "one day": "will one day be", "hopes to one day see"
_MODAL_BEFORE = re.compile(r"(?i:\b(?:will|would|could|may|might|can|should|must|to)\s+)$")
#: an amount right before "a year"/"a week": the phrase is a rate ("$2 million a year")
_RATE_BEFORE = re.compile(
    r"\d(?:[\d,.]*\d)?(?:\s*(?:%|percent|million|billion|trillion|thousand|cents?|dollars?))?"
    r"(?:\s+[a-z]+s)?\s+$"
)
#: an open bracket holding "Update" before a clock time: a live report's time stamp
_UPDATE_STAMP_BEFORE = re.compile(r"(?:\(|-LRB-)\s*(?i:updated?)\b(?:(?!\)|-RRB-).)*$")
#: "-to-quarter" after "the quarter": an adjective ("quarter-to-quarter", "day-to-day")
_UNIT_TO_UNIT_AFTER = re.compile(r"-to-(?:day|week|month|quarter|year)\b", re.IGNORECASE)
#: after "March": a procession's name ("March for Life", "March on Washington")
_MARCH_NOUN_AFTER = re.compile(r"\s+(?:for|of\s+the|on)\s+[A-Z]")
_IN_BEFORE = re.compile(r"\bin\s+$")
_WITHIN_BEFORE = re.compile(r"(?i:\b(?:within|over|in)\s+)$")
_UNTIL_BEFORE = re.compile(r"(?i:\b(?:until|till)\s+)$")
_FREQ_BEFORE = re.compile(r"(?i:\b(?:once|twice|thrice|times|several\s+times|\d+\s+times)\s+)$")
_PLURAL_NOUN_AFTER = re.compile(
    r"^\s+(?:(?!(?:was|has|is|as|its|this|his|us|says|sees|does|goes|plus|across|versus|thus)\b)"
    r"[a-z][a-z-]{2,}s|people|men|women|children|police|staff|personnel|feet|yards|miles)\b"
)
_AMOUNT_AFTER = re.compile(r"\s*(?:%|[-–]|(?:percent|per|points?|times|to|or)\b)", re.IGNORECASE)
_DET_BEFORE_YEAR = re.compile(r"(?i:\b(?:the|a|an|its|his|her|their|our|'s|of|in)\s+)$")
_ERA_AFTER = re.compile(r"^\s*(?:A\.?D\.?|B\.?C\.?(?:E\.?)?|CE|BCE)\b")

_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
               "eighty": 80, "ninety": 90}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}
#: rules whose values carry a year written in the text
_EXPLICIT_YEAR_RULES = frozenset({"date_mdy", "date_dmy", "date_num", "month_year"})
_DEICTIC_RULES = frozenset({"weekday", "relday"})
_NARRATIVE_REACH = 3000  # characters after a full date during which its year anchors
_NARRATIVE_MIN_YEARS = 5  # a full date this far from the DCT is history, not news
#: a quarter is a reported period once it has ended: its start lies this many days before the DCT
_QUARTER_ENDED = 85
#: "the year ended Sept. 30": a fiscal year named by its end, a span rather than a calendar year
_ENDED_AFTER = re.compile(r"\s+(?:ended|ending)\b")
#: a comparison of figures right before "last year"
#: a present or past perfect: "has moved", "have been", "has long been"
_PERFECT = re.compile(r"(?i:\b(?:has|have|'ve)\s+(?:\w+ly\s+|not\s+|also\s+)?(?:been(?!\s+(?:[a-z]+ed|told|given|taken|seen|sent|made|shown|held|found)\b)|(?!been\b)[a-z]+(?:ed|en)|grown|seen|had|made)\b)")
_STOP = re.compile(r"[.!?][\"')\]]*\s")
#: "a year-earlier loss": the unit is part of an adjective
_ADJ_SUFFIX_AFTER = re.compile(r"(?i)-(?:earlier|ago|end)\b")
_MID_PREFIX = re.compile(r"^mid[\s-]?")
_OF_BEFORE = re.compile(r"(?i:\bof\s+)$")
#: prepositions that make the following "the fiscal year" a span of time
_SPAN_BEFORE = re.compile(r"(?i:\b(?:throughout|over|during|within|spanning|lasting|across)\s+)$")
#: a figure compared with an earlier one: "to $155 million from $99 million"
_FIGURE_COMPARED_BEFORE = re.compile(r"(?i:\b(?:compared\s+with|from|versus|vs\.)\s+[^;]{0,20}\d[^;]{0,40})$")
_COMPARED_BEFORE = re.compile(r"(?i:\b(?:compared\s+with|from|versus|vs\.)\s+[^.;]{0,50})$")
_SEASON_INDEX = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
_BACK_RELS = {"last", "past", "previous", "this past"}
_FORWARD_RELS = {"next", "coming", "this coming", "upcoming", "following", "the following"}


def _norm(s: str | None) -> str:
    return _WS.sub(" ", s.strip().lower()) if s else ""


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words; ``None`` for vague ones ("several").

    >>> parse_number("twenty-four"), parse_number("2 1/2"), parse_number("a couple of"), parse_number("few")
    (24.0, 2.5, 2.0, None)
    """
    t = _norm(text).replace("-", " ")
    m = _NUMBER.match(t)
    if m:
        n = float(m.group(1).replace(",", ""))
        if m.group(2):
            n += int(m.group(2)) / int(m.group(3))
        return n
    half = t.endswith(" and a half")
    if half:
        t = t[: -len(" and a half")]
    if t in ("half a", "half an"):
        return 0.5
    if t in vocab.NUMBER_WORDS:
        n = float(vocab.NUMBER_WORDS[t])
    else:
        parts = t.split()
        if len(parts) == 2 and parts[0] in _TENS_WORDS and parts[1] in vocab.NUMBER_WORDS:
            n = float(_TENS_WORDS[parts[0]] + vocab.NUMBER_WORDS[parts[1]])
        else:
            m = _NUMBER.match(t)
            if not m:
                return None
            n = float(m.group(1).replace(",", ""))
    return n + 0.5 if half else n


def parse_year_words(text: str) -> int | None:
    """"nineteen ninety-six" → 1996, "two thousand one" → 2001."""
    t = _norm(text).replace("-", " ").split()
    if not t:
        return None
    if t[0] == "two" and len(t) >= 2 and t[1] == "thousand":
        rest = [w for w in t[2:] if w != "and"]
        n = parse_number(" ".join(rest)) if rest else 0.0
        return 2000 + int(n) if n is not None else None
    century = vocab.NUMBER_WORDS.get(t[0])
    if century is None:
        return None
    if t[1:] == ["hundred"]:
        return century * 100
    n = parse_number(" ".join(t[1:]))
    return century * 100 + int(n) if n is not None else None


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: ``P3D``, ``PT2H``, ``PXY``, ``P1Y6M``, ``P20Y`` (two decades).

    >>> duration_value(3, "day"), duration_value(2, "hour"), duration_value(None, "year"), duration_value(1.5, "year")
    ('P3D', 'PT2H', 'PXY', 'P1Y6M')
    """
    designator, is_time, mult = vocab.DURATION_UNITS[unit]
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{designator}"
    n = n * mult
    if unit == "decade":
        n, designator = n * 10, "Y"
    elif unit == "weekend":
        n, designator = n * 2, "D"
    if n == int(n):
        return f"{prefix}{int(n)}{designator}"
    whole, frac = int(n), n - int(n)
    smaller = {"Y": (12, "M", False), "M": (30, "D", False), "D": (24, "H", True),
               "W": (7, "D", False), "H": (60, "M", True)}
    if not is_time and designator in smaller:
        k, d2, t2 = smaller[designator]
        sub = frac * k
        if sub == int(sub):
            head = f"{whole}{designator}" if whole else ""
            return f"P{head}{'T' if t2 else ''}{int(sub)}{d2}"
    if is_time and designator in ("H", "M"):
        k, d2 = 60, ("M" if designator == "H" else "S")
        sub = frac * k
        if sub == int(sub):
            head = f"{whole}{designator}" if whole else ""
            return f"PT{head}{int(sub)}{d2}"
    return f"{prefix}{n:g}{designator}"


def _unit_name(word: str) -> str:
    return vocab.UNITS[_norm(word)]


class Resolver:
    """Resolves rule hits in one text against its DCT, keeping the anchor for relative expressions."""

    def __init__(self, text: str, dct: date) -> None:
        self.text = text
        self.dct = dct
        self.anchor: tuple[date, str] | None = None  # last mentioned point (day, granularity)
        self.anchor_end = -1
        self.last_quarter: date | None = None
        # narrative anchoring: the year of the last full date written with its year
        self.year_anchor: int | None = None
        self.year_anchor_end = -1
        self.deictic_seen = False  # a DCT-relative expression ("Tuesday", "yesterday") so far

    # ---- context ------------------------------------------------------------------------
    def _before(self, start: int, width: int = 40) -> str:
        return self.text[max(0, start - width):start]

    def _after(self, end: int, width: int = 40) -> str:
        return self.text[end:end + width]

    def tense(self, start: int, end: int) -> str | None:
        """``"future"``, ``"past"`` or ``None``: the nearest tense cue before the expression in the
        same sentence, else the first one after it.

        A regular "-ed" word right after a determiner is an adjective ("a still unspecified
        date", "the injured man"), not a verb in the past. After an expression that opens its
        sentence and is followed by a comma ("On Tuesday, the league plans to ...", "In January,
        a week after ..., a bomb killed ..."), the cue is looked for up to the sentence's end,
        where the main clause's verb is.
        """
        kind = None
        for m in _CUES.finditer(self.text, max(0, start - 160), start + 1):  # +1: a sentence end needs its next letter
            if not self._adjectival(m):
                kind = _CUE_KIND.get(m.lastgroup)
        if kind is not None:
            return kind
        ahead = _CUE_AHEAD_FRONTED if self._fronted(start, end) else _CUE_AHEAD
        for m in _CUES.finditer(self.text, end, end + ahead):
            if not self._adjectival(m):
                return _CUE_KIND.get(m.lastgroup)
        return None

    def _adjectival(self, m: re.Match) -> bool:
        """Whether a past cue is a regular "-ed" adjective after a determiner ("a still
        unspecified date", "the injured man"), no verb in the past."""
        if m.lastgroup != "past" or m.group().lower() in _PAST_CUE_WORDS:
            return False
        return _DET_ADJ_BEFORE.search(self.text, max(0, m.start() - 30), m.start()) is not None

    def _fronted(self, start: int, end: int) -> bool:
        """Whether the expression opens its sentence (after "On", "In", ...) and a comma follows."""
        if not (self.text.startswith(",", end) or self.text.startswith(" ,", end)):
            return False  # " ," in PTB-tokenised text
        return self._opens_sentence(start)

    def _opens_sentence(self, start: int) -> bool:
        """Whether only a sentence start (and "On", "In", ...) comes before ``start``."""
        return start == 0 or _FRONTED_BEFORE.search(self.text[max(0, start - 12):start]) is not None

    def narrative_year(self, start: int) -> int | None:
        """The year of a recent full date far from the DCT (history told in a news text or a
        narrative), which then anchors month names and dates written without a year."""
        if self.deictic_seen or self.year_anchor is None or start - self.year_anchor_end > _NARRATIVE_REACH:
            return None
        if abs(self.year_anchor - self.dct.year) < _NARRATIVE_MIN_YEARS:
            return None
        return self.year_anchor

    def _anchor_for(self, granularity: str) -> date:
        """The last mentioned point if it is at least as fine as ``granularity``, else the DCT."""
        if self.anchor is not None:
            d, g = self.anchor
            if GRANULARITY_ORDER.get(g, 9) <= GRANULARITY_ORDER.get(granularity, 9):
                return d
        return self.dct

    def note(self, value: str, type_: str, end: int, rule: str = "") -> None:
        """Remember a resolved point as the anchor of later relative expressions."""
        if rule in _DEICTIC_RULES:
            self.deictic_seen = True
        if type_ not in ("DATE", "TIME") or rule in ("period",):
            return
        p = parse_point(value)
        if p is None:
            return
        if rule in ("ago", "ago_ba") and GRANULARITY_ORDER.get(p[1], 9) >= GRANULARITY_ORDER["quarter"]:
            return  # "a year earlier" compares with a period; it does not move the story on
        self.anchor = p
        self.anchor_end = end
        if rule in _EXPLICIT_YEAR_RULES and p[1] in ("day", "month", "season", "year") and p[0] <= self.dct:
            # a history is told from dates before the DCT; "by Dec. 15, 2016" anchors nothing
            self.year_anchor = p[0].year
            self.year_anchor_end = end
        if p[1] == "quarter" and "-Q" in value and rule != "ago" and _QUARTER_ENDED <= (self.dct - p[0]).days < 300:
            # an earlier quarter named in passing ("after a flat second quarter") does not replace
            # the reported one, unless the report is about a fiscal quarter
            if (self.last_quarter is None or p[0] >= self.last_quarter
                    or "fiscal" in self._before(end, 40).lower()):
                self.last_quarter = p[0]

    # ---- main entry ---------------------------------------------------------------------
    def resolve(self, rule: str, start: int, end: int) -> Resolution | None:
        m = RULE_PATTERNS[rule].fullmatch(self.text, start, end)
        if m is None:
            return None
        if _UNIT_TO_UNIT_AFTER.match(self.text, end):
            return None  # "the quarter-to-quarter comparison", "day-to-day"
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        try:
            return getattr(self, f"_r_{rule}")(g, start, end)
        except (ValueError, OverflowError, KeyError):
            return None

    # ---- helpers ------------------------------------------------------------------------
    def _pmod(self, g: dict[str, str]) -> str | None:
        p = _norm(g.get("pmod", "")).rstrip("-").strip()
        if not p:
            return None
        p = re.sub(r"\s+the$", "", p)
        p = re.sub(r"^(?:the\s+)?very\s+", "", p)
        p = re.sub(r"^the\s+", "", p)
        if p in ("early", "beginning of", "start of", "dawn of", "turn of"):
            return "START"
        if p in ("mid", "middle", "middle of", "mid-day"):
            return "MID"
        if p in ("late", "end of", "close of"):
            return "END"
        return None

    def _qmod(self, g: dict[str, str]) -> str | None:
        q = _norm(g.get("qmod", ""))
        return vocab.QUANT_MODS.get(q) if q else None

    def _pick_year(self, month: int, day: int | None, start: int, end: int,
                   granularity: str = "day") -> date:
        """The year of a month (and day) written without one.

        The candidates in the DCT's year and the years around it cost their distance from the
        DCT in days; a future one costs twice as much (news mostly reports the past), and a tense
        cue triples the cost of the other direction.
        """
        ny = self.narrative_year(start)
        if ny is not None:
            return date(ny, month, day or 1)
        dct = self.dct
        ref = dct if day else date(dct.year, dct.month, 1)
        before = self._before(start, 12)
        if _SINCE_BEFORE.search(before) or _ATTRIBUTIVE.match(self.text, end) and (
                before.endswith(("the ", "The ")) or self.text[start:start + 4].lower() == "the "):
            # "since 20 April"; "the 20 April explosion", "the January 25 uprising": past events
            tense = "past"
        else:
            tense = self.tense(start, end)
            dl = _DEADLINE_BEFORE.search(before)
            if dl is not None and not (tense == "past" and dl.group().lower().startswith("before")):
                # "until May 5", "effective Feb. 1": ahead; but "before" in a sentence that tells
                # of the past is past ("did not have the results before 19 April")
                tense = "future"
        candidates = []
        for y in (dct.year - 1, dct.year, dct.year + 1):
            try:
                candidates.append(date(y, month, day or 1))
            except ValueError:
                continue
        if not candidates:
            raise ValueError("no such day")
        return self._closest(candidates, ref, tense, start, end)

    def _closest(self, candidates: list[date], ref: date, tense: str | None, start: int, end: int) -> date:
        """The candidate of least cost: its distance from ``ref`` in days, a day ahead costing
        twice a day back (news mostly reports the past), a tense cue tripling the cost of the
        other direction (first candidate on ties)."""
        back_w, ahead_w = 1.0, 2.0
        if tense == "future":
            back_w, ahead_w = 3.0, 0.8
        elif tense == "past":
            ahead_w = _PAST_AHEAD_COST
            if _HEADING_AFTER.match(self.text, end) and self._opens_sentence(start):
                ahead_w = 25.0  # a chronology entry "June 19: An airman was killed": the past,
                # unless within about two weeks of a DCT that may lag the list
        return min(candidates, key=lambda c: (ref - c).days * back_w if c <= ref else (c - ref).days * ahead_w)

    def _weekday(self, wd: int, rel: str, start: int, end: int, clock: bool = False) -> date:
        dct = self.dct
        back = (dct.weekday() - wd) % 7
        ahead = (wd - dct.weekday()) % 7
        if rel in _BACK_RELS:
            return dct - timedelta(days=back or 7)
        if rel in _FORWARD_RELS:
            return dct + timedelta(days=ahead or 7)
        if clock and _UPDATE_STAMP_BEFORE.search(self._before(start, 60)):
            # "(Update 5:16 a.m. Thursday in Cairo, 10:16 p.m. ET Wednesday)": a live report's
            # time stamp, written on or after the day it was first published
            return dct + timedelta(days=ahead)
        if clock and _UNTIL_BEFORE.search(self._before(start, 12)) and self.tense(start, end) != "past":
            # "has given them until 9 a.m. Tuesday": a deadline at a clock time lies ahead
            # (but "it took 60 hours until noon on Thursday" looks back)
            return dct + timedelta(days=ahead)
        if self.tense(start, end) == "future":
            return dct + timedelta(days=ahead)
        return dct - timedelta(days=back)

    # ---- rules ---------------------------------------------------------------------------
    def _time_of_day(self, g: dict[str, str]) -> str | None:
        if "named" in g:
            n = _norm(g["named"])
            return {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[n]
        if "hh" in g:
            hh = int(g["hh"])
            ampm = _norm(g["ampm"]).replace(".", "").replace(" ", "")
            if hh == 0 or hh > 12:
                return None
            if ampm.startswith("p") and hh != 12:
                hh += 12
            elif ampm.startswith("a") and hh == 12:
                hh = 0
            return f"{hh:02d}:{g.get('mm', '00')}"
        if "hh2" in g:
            return f"{int(g['hh2']):02d}:{g['mm2']}" + (f":{g['ss']}" if "ss" in g else "")
        if "hh3" in g:
            return f"{g['hh3']}:{g['mm3']}"
        return None

    def _tail_day(self, g: dict[str, str], start: int, end: int) -> date | None:
        if "trel" in g:
            return self.dct + timedelta(days={"today": 0, "tonight": 0, "yesterday": -1,
                                              "tomorrow": 1}[_norm(g["trel"])])
        if "tmon2" in g:
            mon = vocab.MONTHS[_norm(g["tmon2"]).rstrip(".")]
            day = int(re.match(r"\d+", g["tday2"]).group())
            if "tyear" in g:
                return date(int(g["tyear"]), mon, day)
            return self._pick_year(mon, day, start, end)
        if "tmon" in g:
            mon = vocab.MONTHS[_norm(g["tmon"]).rstrip(".")]
            day = int(re.match(r"\d+", g["tday"]).group())
            return self._pick_year(mon, day, start, end)
        if "twd" in g:
            return self._weekday(vocab.WEEKDAYS[_norm(g["twd"])], "", start, end, clock=True)
        return None

    def _r_time(self, g, start, end):
        tod = self._time_of_day(g)
        if tod is None:
            return None
        day = self._tail_day(g, start, end)
        if day is None:
            # "10:35 a.m. (0735 GMT) Friday": the weekday after a bracketed conversion
            wd = _BRACKET_WEEKDAY_AFTER.match(self.text, end)
            if wd is not None:
                day = self._weekday(vocab.WEEKDAYS[wd["wd"].lower()], "", start, end, clock=True)
        if day is None:
            near = self.anchor is not None and self.anchor[1] == "day" and (
                start - self.anchor_end < 100 or self.narrative_year(start) is not None)
            day = self.anchor[0] if near else self.dct
        mod = self._qmod(g) or self._pmod(g)
        return f"{day.isoformat()}T{tod}", "TIME", "day", mod

    @staticmethod
    def _day(g: dict[str, str]) -> int:
        if "dayw" in g:
            return vocab.ORDINALS[_norm(g["dayw"])]
        return int(re.match(r"\d+", g["day"]).group())

    def _r_date_mdy(self, g, start, end):
        mon = vocab.MONTHS[_norm(g["mon"]).rstrip(".")]
        day = self._day(g)
        return date(int(g["year"]), mon, day).isoformat(), "DATE", "day", None

    def _r_date_dmy(self, g, start, end):
        if "yy" in g:
            # "09 February 12", "28 Aug 11": a two-digit year, taken only when it is the DCT's
            # year or a neighbour of it ("on 12 May 15 people died" is no date of 2015)
            year = self.dct.year // 100 * 100 + int(g["yy"])
            after = self._after(end, 30)
            if abs(year - self.dct.year) > 1 or _AMOUNT_AFTER.match(after) or _PLURAL_NOUN_AFTER.match(after):
                return None
            g = {**g, "year": str(year)}
        return self._r_date_mdy(g, start, end)

    def _r_date_num(self, g, start, end):
        if "y" in g:
            d = date(int(g["y"]), int(g["m"]), int(g["d"]))
            if "hh" in g:
                t = f"{g['hh']}:{g['mm']}" + (f":{g['ss']}" if "ss" in g else "")
                return f"{d.isoformat()}T{t}", "TIME", "day", None
        elif "y2" in g:
            d = date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
        elif "y3" in g:
            d = date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        else:
            d = date(int(g["y4"]), int(g["m4"]), int(g["d4"]))
        return d.isoformat(), "DATE", "day", None

    def _r_date_md(self, g, start, end):
        if "mon2" in g:
            if re.search(r"(?i)\bin\s+$", self._before(start, 5)):
                return None  # "the explosion in April first triggered ...": an adverb, the month
            g = {**g, "mon": g["mon2"]}
        if g["mon"][0].islower():
            # "jan 25" is a date, but "may 10 points", "march 5 miles" are not
            after = self._after(end, 30)
            if _AMOUNT_AFTER.match(after) or _PLURAL_NOUN_AFTER.match(after):
                return None
        mon = vocab.MONTHS[_norm(g["mon"]).rstrip(".")]
        day = self._day(g)
        if "ystr" in g:
            y = self.dct.year + {"this": 0, "last": -1, "next": 1}[_norm(g["ystr"]).split()[0]]
            d = date(y, mon, day)
        else:
            d = self._pick_year(mon, day, start, end)
        return d.isoformat(), "DATE", "day", self._pmod(g)

    def _r_date_dm(self, g, start, end):
        return self._r_date_md(g, start, end)

    def _r_month_year(self, g, start, end):
        mon = vocab.MONTHS[_norm(g["mon"]).rstrip(".")]
        if "year" in g:
            y = int(g["year"])
        elif "yw" in g:
            y = parse_year_words(g["yw"])
            if y is None:
                return None
        else:
            y = self.dct.year + {"this": 0, "last": -1, "next": 1}[_norm(g["yrel"]).split()[0]]
        return f"{y:04d}-{mon:02d}", "DATE", "month", self._pmod(g)

    def _r_period(self, g, start, end):
        kind = _norm(g.get("kind", "") or g.get("adj", ""))
        if _norm(g.get("det", "")) == "last year's" or "yago" in g:
            kind = "year-ago"  # "last year's quarter", "the corresponding period last year"
        per = _norm(g.get("per", ""))
        if per == "fiscal year" and "pyear" not in g or kind == "fiscal" and per == "year":
            return self._whole_year(kind, start, end)
        lq = self.last_quarter
        reported = lq if lq is not None else add_months(self.dct, -3)
        if "pyear" in g:
            # "the 1988 quarter", "the 1989 period": the reported quarter in that year
            if per == "fiscal year":
                return g["pyear"], "DATE", "year", None
            if lq is None and per == "period":
                return None
            return f"{g['pyear']}-Q{(reported.month - 1) // 3 + 1}", "DATE", "quarter", None
        if kind in ("year-ago", "year-earlier", "prior-year"):
            if lq is None and per != "quarter":
                return f"{self.dct.year - 1:04d}", "DATE", "year", None
            return point_value(shift(reported, -1, "year"), "quarter"), "DATE", "quarter", None
        if kind == "current":
            return point_value(self.dct, "quarter"), "DATE", "quarter", None
        if per == "period" and lq is None and kind != "latest":
            return None
        return point_value(reported, "quarter"), "DATE", "quarter", None

    def _r_quarter(self, g, start, end):
        if "q" in g:
            n = int(g["q"][1])
            kind = "quarter"
            year = int(g["qyear"]) if "qyear" in g else None
        else:
            kind = "half" if _norm(g["qh"]).startswith("half") else "quarter"
            o = _norm(g["ord"])
            if o in ("last", "final"):
                n = 2 if kind == "half" else 4
            else:
                n = vocab.ORDINALS[o]
            year = None
            for k in ("ypre", "ypost", "ypost2"):
                if k in g:
                    year = int(g[k])
            if kind == "half" and n > 2 or kind == "quarter" and n > 4:
                return None
            if kind == "half" and year is None:
                if not re.match(r"(?i)\s+of\s+(?:the\s+)?(?:year|fiscal)", self._after(end)):
                    # "the first half" of a match, a game...: only with a year around it
                    if not re.search(r"(?i)\b(?:year|fiscal|\d{4})\b", self._before(start, 60) + self._after(end, 30)):
                        return None
            if "yrel" in g:
                year = self.dct.year + {"the": 0, "this": 0, "last": -1, "next": 1}[_norm(g["yrel"]).split()[0]]
            det = _norm(g.get("det", ""))
            if year is None and det in ("last year's",):
                year = self.dct.year - 1
            if year is None and det in ("this year's",):
                year = self.dct.year
            if year is None and det == "next year's":
                year = self.dct.year + 1
        if year is None:
            cur = (self.dct.month - 1) // 3 + 1 if kind == "quarter" else (self.dct.month - 1) // 6 + 1
            year = self.dct.year if n <= cur else self.dct.year - 1
            if "q" not in g and _norm(g["ord"]) == "last" and kind == "quarter":
                prev = add_months(self.dct, -3)
                year, n = prev.year, (prev.month - 1) // 3 + 1
        if "q" not in g and re.search(r"year-ago|year-earlier|prior-year", _norm(g.get("det", ""))):
            year -= 1
        value = f"{year:04d}-{'Q' if kind == 'quarter' else 'H'}{n}"
        return value, "DATE", "quarter", None

    def _r_holiday(self, g, start, end):
        name = _norm(g["hname"]).replace("’", "'")
        y = int(g["year"]) if "year" in g else None

        def on(year: int) -> date:
            if name in vocab.FIXED_HOLIDAYS:
                mo, da = vocab.FIXED_HOLIDAYS[name]
                return date(year, mo, da)
            if name in vocab.WEEKDAY_HOLIDAYS:
                return nth_weekday(year, *vocab.WEEKDAY_HOLIDAYS[name])
            if name in vocab.EASTER_HOLIDAYS:
                return easter(year) + timedelta(days=vocab.EASTER_HOLIDAYS[name])
            if name in vocab.WEEKDAY_OFFSET_HOLIDAYS:
                mo, wd, n, days = vocab.WEEKDAY_OFFSET_HOLIDAYS[name]
                return nth_weekday(year, mo, wd, n) + timedelta(days=days)
            raise KeyError(name)

        if y is not None:
            d = on(y)
        else:
            years = (self.dct.year - 1, self.dct.year, self.dct.year + 1)
            d = self._closest([on(y) for y in years], self.dct, self.tense(start, end), start, end)
        if "hweek" in g:  # "as Easter week began": the (ISO) week of the holiday
            return point_value(d, "week"), "DATE", "week", None
        return d.isoformat(), "DATE", "day", None

    def _r_decade(self, g, start, end):
        if "dec" in g:
            y = int(g["dec"])
            if y % 100 == 0 and "'" not in g["dec"]:
                return f"{y // 100:02d}", "DATE", "century", self._pmod(g)
            value = f"{y // 10:03d}"
        elif "dec2" in g:
            value = f"19{g['dec2'][0]}"
        else:
            w = _norm(g["decw"]).replace("-", " ").split()[-1]
            value = f"19{_DECADE_WORDS[w]}"
        return value, "DATE", "decade", self._pmod(g)

    def _r_century(self, g, start, end):
        o = _norm(g["ord"])
        n = vocab.ORDINALS.get(o)
        if n is None:
            n = int(re.match(r"\d+", o).group())
        return f"{n - 1:02d}", "DATE", "century", self._pmod(g)

    def _r_ago(self, g, start, end):
        unit = _unit_name(g["unit"])
        n = parse_number(g["num"])
        if n is not None and "half" in g:
            n += 0.5
        direction = _norm(g["dir"])
        mod = self._qmod(g)
        if "or so" in _norm(self.text[start:end]):
            mod = "APPROX"
        gran = vocab.UNIT_GRANULARITY[unit]
        if n is None:
            ref = "PAST_REF" if direction in ("ago", "earlier", "before", "previously", "back") else "FUTURE_REF"
            return ref, "DATE", "other", mod
        sign = 1 if direction in ("later", "from now", "hence", "after") else -1
        if unit in ("hour", "minute", "second"):
            return duration_value(n, unit), "DURATION", "other", mod
        steps = int(round(n)) if n == int(n) else None
        if steps is None:
            return duration_value(n, unit), "DURATION", "other", mod
        if direction in ("ago", "from now", "hence", "back"):
            if unit == "year" and self.last_quarter is not None and n == 1 and direction == "ago":
                return point_value(shift(self.last_quarter, -1, "year"), "quarter"), "DATE", "quarter", mod
            base = self.dct
        elif (unit == "year" and n == 1 and self.last_quarter is not None
              and _FIGURE_COMPARED_BEFORE.search(self._before(start, 80))):
            # "profit soared to $155 million from $99 million a year earlier": the year-ago
            # quarter of a quarterly report, not a year before the last day mentioned
            return point_value(shift(self.last_quarter, -1, "year"), "quarter"), "DATE", "quarter", mod
        else:
            base = self._anchor_for(gran)
            if self.anchor is not None and base is self.anchor[0]:
                gran = self.anchor[1] if GRANULARITY_ORDER[self.anchor[1]] < GRANULARITY_ORDER[gran] else gran
        d = shift(base, sign * steps, unit)
        return point_value(d, gran), "DATE", gran, mod

    _r_ago_ba = _r_ago

    def _r_anchored(self, g, start, end):
        rel = _norm(g["rel"])
        if rel == "next":  # "Next day, we ..."
            rel = "the next"
        unit = _norm(g.get("unit", ""))
        if rel.startswith("the day") or rel == "the night before":
            sign = 1 if rel.endswith("after") else -1
            base = self._anchor_for("day")
            if "dref" in g:  # "the day before last Tuesday": that Tuesday's neighbour
                res = self._resolve_day(g["dref"], end, ("weekday", "holiday"))
                if res is None:
                    return None
                base = date.fromisoformat(res[0][:10])
            d = base + timedelta(days=sign)
            if rel == "the night before":
                return f"{d.isoformat()}TNI", "TIME", "day", None
            return d.isoformat(), "DATE", "day", None
        if not unit:
            return None
        if unit in vocab.PARTS_OF_DAY:
            if rel in ("the previous", "the preceding", "the prior"):
                d = self._anchor_for("day") - timedelta(days=1)
            elif rel in ("the next", "the following"):
                d = self._anchor_for("day") + timedelta(days=1)
            else:
                d = self._anchor_for("day")
            return f"{d.isoformat()}T{vocab.PARTS_OF_DAY[unit]}", "TIME", "day", None
        u = vocab.UNITS[unit]
        gran = vocab.UNIT_GRANULARITY[u]
        if rel in ("the next", "the following", "the coming") and _DURATION_PREP.search(self._before(start)) and not (
                u == "year" and _WITHIN_BEFORE.search(self._before(start, 10))):
            # "for the next year": a span; but "within/over the next year" is that year (TimeBank, WikiWars)
            return duration_value(1, u), "DURATION", "other", None
        if u == "day" and rel in ("the previous", "the preceding", "the prior") and _DURATION_PREP.search(
                self._before(start)):
            return duration_value(1, u), "DURATION", "other", None  # "for the previous day"
        base = self._anchor_for(gran)
        step = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1,
                "the prior": -1}.get(rel, 0)
        d = shift(base, step, u)
        if u == "weekend":
            return f"{point_value(d + timedelta(days=(5 - d.weekday()) % 7), 'week')}-WE", "DATE", "week", None
        return point_value(d, gran), "DATE", gran, None

    def _resolve_day(self, text: str, end: int, rules: tuple[str, ...]) -> Resolution | None:
        """The first of ``rules`` that resolves ``text`` (the part of an expression that ends at
        ``end``) to a day."""
        for rule in rules:
            res = self.resolve(rule, end - len(text), end)
            if res is not None:
                return res if res[2] == "day" else None
        return None

    def _r_duration(self, g, start, end):
        unit = _unit_name(g["unit"])
        n = parse_number(g["num"])
        if n is not None and "half" in g:
            n += 0.5
        num_txt = _norm(g["num"])
        if num_txt in ("a", "an", "one") and "det" not in g and unit in ("second",):
            return None
        if num_txt in ("some", "many") and unit == "second":
            return None
        if re.match(r"(?i)[\s-]+old\b", self._after(end, 6)) or _norm(self.text[start:end]).endswith("-old"):
            return None  # an age: "a 6-year-old boy"
        if _ADJ_SUFFIX_AFTER.match(self.text, end):
            return None  # "a year-earlier loss": the adjective, tagged on its own
        if unit == "quarter" and "-" in self.text[start:end] and n is not None and n < 4:
            return None  # "three-quarters of"
        if unit == "quarter" and re.fullmatch(r"1\d{3}|20\d\d", g["num"]):
            return None  # "the 1988 quarter": a year
        if num_txt in ("a", "an") and _RATE_BEFORE.search(self._before(start, 40)) and not re.match(
                r"(?i)\s+(?:ago|earlier|later|before|after|from)\b", self._after(end, 8)):
            return duration_value(1, unit), "SET", "other", None  # a rate: "$2 million a year"
        if (n is not None and n == int(n) and "det" not in g and "qmod" not in g
                and unit in ("day", "week", "month", "year") and _IN_BEFORE.search(self._before(start, 4))
                and self.tense(start, end) == "future"):
            # "would be redeemed in five years": the point that far ahead, not a span
            gran = vocab.UNIT_GRANULARITY[unit]
            return point_value(shift(self.dct, int(n), unit), gran), "DATE", gran, None
        if num_txt == "one" and unit == "day" and _MODAL_BEFORE.search(self._before(start, 12)):
            return "FUTURE_REF", "DATE", "other", None  # "Islam will one day be ...": some day
        mod = self._qmod(g)
        return duration_value(n, unit), "DURATION", "other", mod

    def _whole_year(self, kind: str, start: int, end: int) -> Resolution:
        """"the fiscal year", "the full year": the year reported on, a point in time, unless the
        text names its end ("the year ended March 31") or spans it ("throughout the fiscal year").
        "the latest fiscal year" is the last finished one."""
        if _ENDED_AFTER.match(self.text, end) or _SPAN_BEFORE.search(self._before(start, 20)):
            return "P1Y", "DURATION", "other", None
        year = self.dct.year - 1 if kind in ("latest", "previous", "prior-year") else self.dct.year
        return f"{year:04d}", "DATE", "year", None

    def _r_duration_det(self, g, start, end):
        unit = _unit_name(g["unit"])
        plural = _norm(g["unit"]).endswith("s") and _norm(g["unit"]) not in ("this",)
        det = _norm(g["det"])
        if det == "the full" and unit == "year" and not plural and "qmod" not in g:
            return self._whole_year("", start, end)
        if det == "the past" and unit == "year" and not plural and "qmod" not in g:
            # "growth of hate groups over the past year": TimeBank gives the year before the DCT's
            return f"{self.dct.year - 1:04d}", "DATE", "year", None
        if det in ("the coming", "the next") and plural:
            return duration_value(None, unit), "DURATION", "other", self._qmod(g)
        return duration_value(None if plural else 1, unit), "DURATION", "other", self._qmod(g)

    def _r_relunit(self, g, start, end):
        if "yearend" in g:
            return f"{self.dct.year:04d}", "DATE", "year", "END"
        if "the" in g:
            unit = _norm(g["unit2"])
            if unit == "weekend":
                return self._weekend("", start, end)
            if unit == "year" and _ENDED_AFTER.match(self.text, end):
                return "P1Y", "DURATION", "other", None
            gran = vocab.UNIT_GRANULARITY[vocab.UNITS[unit]]
            base = self.dct
            if self.narrative_year(start) is not None:
                base = self._anchor_for(gran)
            return point_value(base, gran), "DATE", gran, None
        rel = _norm(g["rel"])
        unit = _norm(g["unit"])
        mod = self._pmod(g)
        tp = _norm(g.get("tpmod", ""))
        if tp:
            mod = "START" if tp == "earlier" else "END"
        if unit in ("fiscal", "fiscal year", "term"):
            unit = "year"
        u = vocab.UNITS[unit]
        if u == "weekend":
            return self._weekend(rel, start, end)
        gran = vocab.UNIT_GRANULARITY[u]
        step = 0
        if rel in ("last", "previous", "past", "this past"):
            step = -1
        elif rel in ("next", "coming", "upcoming", "this coming"):
            step = 1
        if rel in ("past", "the past") and u not in ("week", "month", "year"):
            return duration_value(1, u), "DURATION", "other", None
        if (u == "year" and step == -1 and rel == "last" and not mod and self.last_quarter is not None
                and _COMPARED_BEFORE.search(self._before(start, 80))):
            # "earnings of $24 million, compared with a loss of $3 million last year": the
            # year-ago quarter of a quarterly report
            return point_value(shift(self.last_quarter, -1, "year"), "quarter"), "DATE", "quarter", None
        d = shift(self.dct, step, u)
        if u == "quarter":
            return point_value(d, "quarter"), "DATE", "quarter", mod
        return point_value(d, gran), "DATE", gran, mod

    def _weekend(self, rel: str, start: int, end: int) -> Resolution:
        dct = self.dct
        sat_back = dct - timedelta(days=(dct.weekday() - 5) % 7)
        if rel in ("last", "past", "previous", "this past"):
            sat = sat_back if dct.weekday() not in (5, 6) else sat_back - timedelta(days=7)
        elif rel in ("next", "coming", "this coming", "upcoming"):
            sat = dct + timedelta(days=(5 - dct.weekday()) % 7 or 7)
        elif rel == "this" or self.tense(start, end) == "future":
            sat = dct + timedelta(days=(5 - dct.weekday()) % 7) if dct.weekday() != 6 else sat_back
        else:
            sat = sat_back
        return f"{point_value(sat, 'week')}-WE", "DATE", "week", None

    def _r_weekday(self, g, start, end):
        wd = vocab.WEEKDAYS[_norm(g["wd"])]
        rel = _norm(g.get("rel", ""))
        if rel in ("the following", "the previous", "the preceding"):
            # "down 4.5% from the previous Friday", "the following Monday": the weekday after or
            # before the day the story is at (the last mentioned day, else the DCT)
            base = self._anchor_for("day")
            if rel == "the following":
                d = base + timedelta(days=(wd - base.weekday()) % 7 or 7)
            else:
                d = base - timedelta(days=(base.weekday() - wd) % 7 or 7)
        else:
            d = self._weekday(wd, rel, start, end)
        mod = self._pmod(g)
        if "pod" in g:
            return f"{d.isoformat()}T{vocab.PARTS_OF_DAY[_norm(g['pod'])]}", "TIME", "day", mod
        return d.isoformat(), "DATE", "day", mod

    def _r_relday(self, g, start, end):
        rd = _norm(g["rd"])
        pm = _norm(g.get("pmod", "")).rstrip("-").strip()
        mod = {"early": "START", "late": "END", "mid": "MID", "later": "END", "earlier": "START"}.get(pm)
        pod = vocab.PARTS_OF_DAY.get(_norm(g.get("pod", "")))
        if "ppod" in g:  # "mid-afternoon yesterday", "noon today"
            ppod = _norm(g["ppod"])
            pod = "MI" if ppod in ("midday", "noon", "mid-day", "mid day") else \
                vocab.PARTS_OF_DAY[_MID_PREFIX.sub("", ppod)]
            if rd not in ("today", "yesterday", "tomorrow"):
                return None
        if rd in ("today", "tomorrow") and not pm and pod is None and self._generic_of(start, end):
            return None
        if rd == "tonight":
            return f"{self.dct.isoformat()}TNI", "TIME", "day", mod
        if rd == "last night":
            return f"{(self.dct - timedelta(days=1)).isoformat()}TNI", "TIME", "day", mod
        if rd == "overnight":
            return f"{self.dct.isoformat()}TNI", "TIME", "day", mod
        if rd.startswith("this "):
            return f"{self.dct.isoformat()}T{vocab.PARTS_OF_DAY[rd[5:]]}", "TIME", "day", mod
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}[rd]
        d = self.dct + timedelta(days=offset)
        if pod:
            return f"{d.isoformat()}T{pod}", "TIME", "day", mod
        return d.isoformat(), "DATE", "day", mod

    def _generic_of(self, start: int, end: int) -> bool:
        """"the cars of tomorrow", "the Libya of today", "think of tomorrow": no day is meant (TimeBank
        leaves "the people of tomorrow" untagged), unlike "as of today", "the story of today", "part of
        tomorrow" or "of tomorrow's match". Generic only after a proper noun ("the Libya of
        tomorrow") or a head that names people or things of an era (``vocab.GENERIC_OF_HEADS``)."""
        window = self._before(start, 40)
        m = _GENERIC_OF.search(window)
        if m is None or _POSSESSIVE.match(self.text, end):
            return False
        head = m.group(1)
        if head.lower() in vocab.GENERIC_OF_HEADS:
            return True
        # a proper noun inside the sentence ("the Libya of tomorrow"), not a capitalised first word
        words = window[: m.start(1)].split()
        return head[0].isupper() and bool(words) and words[-1].isalpha() and words[-1].islower()

    def _r_pod(self, g, start, end):
        det = _norm(g.get("det", ""))
        if "mid" in g:  # "by mid afternoon": the middle of the day the story is at
            g = {**g, "pmod": g["mid"]}
        pod = vocab.PARTS_OF_DAY[_norm(g["pod"])]
        if "pdate" in g:  # "the night of May 13"
            res = self._resolve_day(g["pdate"], end, ("date_mdy", "date_md", "date_dmy", "date_dm"))
            if res is None:
                return None
            return f"{res[0]}T{pod}", "TIME", "day", self._pmod(g)
        if det == "the" and _POD_NAMED_AFTER.match(self.text, end):
            # "the night of the 23rd", "the morning of Oct." : not the DCT's
            return None
        if det == "that":
            d = self._anchor_for("day")
        elif self.anchor is not None and self.anchor[1] == "day" and start - self.anchor_end < 200:
            d = self.anchor[0]
        else:
            d = self.dct
        return f"{d.isoformat()}T{pod}", "TIME", "day", self._pmod(g)

    def _r_month(self, g, start, end):
        mon_txt = _norm(g["mon"])
        rel = _norm(g.get("rel", ""))
        mod = self._pmod(g)
        if mon_txt == "may" and not rel and not mod:
            if not _PREP_BEFORE.search(self._before(start, 20)):
                return None
        if mon_txt == "march" and not rel and _MARCH_NOUN_AFTER.match(self.text, end):
            return None  # "the annual March for Life", "the March of the Combatant Mothers"
        mon = vocab.MONTHS[mon_txt]
        dct = self.dct
        if rel in _BACK_RELS:
            y = dct.year if mon < dct.month else dct.year - 1
        elif rel in _FORWARD_RELS:
            y = dct.year if mon > dct.month else dct.year + 1
        elif rel in ("this", "current"):
            y = dct.year
        else:
            y = self._pick_year(mon, None, start, end).year
        return f"{y:04d}-{mon:02d}", "DATE", "month", mod

    def _r_season(self, g, start, end):
        s = vocab.SEASONS[_norm(g["season"])]
        rel = _norm(g.get("rel", ""))
        mod = self._pmod(g)
        if "year" in g or "yw" in g:
            y = int(g["year"]) if "year" in g else parse_year_words(g["yw"])
            if y is None:
                return None
            return f"{y:04d}-{s}", "DATE", "season", mod
        if not rel and not mod and not _PREP_BEFORE.search(self._before(start, 20)):
            return None
        if not rel and not mod and _norm(g["season"]) in ("fall", "spring"):
            return None
        ny = self.narrative_year(start)
        if ny is not None and rel in ("", "the"):
            return f"{ny:04d}-{s}", "DATE", "season", mod
        cur = _SEASON_INDEX[season_of(self.dct)]
        idx = _SEASON_INDEX[s]
        y = self.dct.year
        if rel in _BACK_RELS:
            y = y if idx < cur else y - 1
        elif rel in _FORWARD_RELS:
            y = y if idx > cur else y + 1
        elif rel in ("this", "current"):
            pass
        else:
            tense = self.tense(start, end)
            if tense == "past" and idx > cur:
                y -= 1
            elif tense == "future" and idx < cur:
                y += 1
        return f"{y:04d}-{s}", "DATE", "season", mod

    def _r_year(self, g, start, end):
        if "yw" in g:
            y = parse_year_words(g["yw"])
            if y is None:
                return None
            return f"{y:04d}", "DATE", "year", self._pmod(g)
        y = int(g["year"])
        cued = bool(g.get("fy") or g.get("pmod")) or bool(_ERA_AFTER.match(self._after(end, 8)))
        before = self._before(start, 25)
        if not cued:
            if y < 1900 or y > self.dct.year + 30:
                after = self._after(end, 6)
                if not (_PREP_BEFORE.search(before) or re.search(r"(?:\(|^|\n)\s*$", before)
                        or re.match(r"\s?[-–)]", after)):
                    return None
            if _PLURAL_NOUN_AFTER.match(self._after(end, 30)) and not _DET_BEFORE_YEAR.search(before):
                return None
            if re.search(r"(?i)(?:\b(?:no\.|number|page|route|flight|room|pp?\.|rs\.?|usd|eur)\s*|#\s*|\d[.,]?\s?)$", before):
                return None
        return f"{y:04d}", "DATE", "year", self._pmod(g)

    def _r_set(self, g, start, end):
        q = _norm(g.get("q", ""))
        if "adv" in g:
            adv = _norm(g["adv"])
            value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                     "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M",
                     "biweekly": "P2W", "semiannually": "P6M", "bimonthly": "P2M"}[adv]
            return value, "SET", "other", None
        if q in ("a", "an") and not _FREQ_BEFORE.search(self._before(start, 25)):
            return None
        n = parse_number(g["snum"]) if "snum" in g else 1
        if "other" in g:
            n = 2 if n is not None else None
        if "wd" in g:
            return f"XXXX-WXX-{vocab.WEEKDAYS[_norm(g['wd'])] + 1}", "SET", "other", None
        if "pod" in g:
            return f"XXXX-XX-XXT{vocab.PARTS_OF_DAY[_norm(g['pod'])]}", "SET", "other", None
        if "smon" in g:  # "each July", "every March"
            if q not in ("each", "every"):
                return None
            return f"XXXX-{vocab.MONTHS[_norm(g['smon'])]:02d}", "SET", "other", None
        unit = _unit_name(g["unit"])
        return duration_value(n, unit), "SET", "other", None

    def _r_ref(self, g, start, end):
        r = _norm(g["ref"])
        if r in ("this day", "todays"):
            if re.match(r"\s+(?:by|to)\s+day\b", self._after(end, 12)):
                return None  # "take this day by day", "this day to day operation"
            return self.dct.isoformat(), "DATE", "day", None
        if r.startswith("to this day") or r.endswith("and age"):
            return "PRESENT_REF", "DATE", "other", None
        if r in ("now", "right now", "nowadays", "currently", "current", "these days", "at present",
                 "the present", "presently"):
            return "PRESENT_REF", "DATE", "other", None
        if r in ("the future", "the near future", "the distant future") or "coming" in r or "future" in r \
                or r.endswith(" term"):
            return "FUTURE_REF", "DATE", "other", None
        if (r.startswith("recent ") and r.split()[1] in vocab.UNITS
                and not _OF_BEFORE.search(self._before(start, 6))):
            # "has moved in recent years": the span up to now; "as the yen soared in recent
            # years", "the boom of recent years": a time in the past
            if _PERFECT.search(self._sentence_around(start, end)):
                return duration_value(None, vocab.UNITS[r.split()[1]]), "DURATION", "other", None
        return "PAST_REF", "DATE", "other", None

    def _sentence_around(self, start: int, end: int, width: int = 120) -> str:
        """The text of the sentence holding ``start:end``, at most ``width`` characters each side."""
        before = self._before(start, width)
        cut = 0
        for m in _STOP.finditer(before):
            cut = m.end()
        after = self._after(end, width)
        m = _STOP.search(after)
        return f"{before[cut:]} {after[:m.start() if m else len(after)]}"

    def _r_bare_unit(self, g, start, end):
        if not _DURATION_PREP.search(self._before(start, 20)):
            return None
        return duration_value(None, _unit_name(g["unit"])), "DURATION", "other", None
