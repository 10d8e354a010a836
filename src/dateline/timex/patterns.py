"""Extraction patterns of the temporal tagger, built once from the vocabulary tables.

Every rule is a ``(name, pattern)`` pair. The patterns use named groups for their parts; the
engine joins all rules (named groups turned non-capturing) into one alternation :data:`MASTER`
that scans a text in a single pass, and re-matches each hit with the rule's own compiled
pattern (:data:`RULE_PATTERNS`) to read its parts. Rules earlier in :data:`RULES` win when
several match at the same position, so longer and more specific rules come first.

>>> m = MASTER.search("Troops arrived late Tuesday.")
>>> m.lastgroup, m.group()
('weekday', 'late Tuesday')
"""

from __future__ import annotations

import re
from types import MappingProxyType

from dateline.timex.resources import vocab


def alternation(words: tuple[str, ...] | list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation of ``words`` as a character trie (fast in Python's ``re``).

    Longer words win over their prefixes; a space matches any run of whitespace.

    >>> alternation(["may", "march", "mar"])
    '(?:m(?:a(?:r(?:ch)?|y)))'
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    optional = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        sub = node[ch]
        if list(sub) == [""]:
            branches.append(piece)
        else:
            branches.append(piece + _trie_regex(sub))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not _needs_group(branches[0]) else f"(?:{'|'.join(branches)})"
    if len(branches) == 1 and _needs_group(branches[0]):
        body = f"(?:{branches[0]})"
    return f"{body}?" if optional else body


def _needs_group(piece: str) -> bool:
    """Whether ``piece`` must be grouped before a ``?`` applies to all of it."""
    return len(piece) > 1 and not (len(piece) == 2 and piece.startswith("\\"))


def _cap(words: tuple[str, ...]) -> str:
    """Capitalised and upper-case spellings of ``words`` (proper names of the calendar)."""
    return alternation(list(words) + [w.upper() for w in words])


# --- building blocks ---------------------------------------------------------------------
MONTH_FULL = rf"(?:{_cap(vocab.MONTH_FULL_NAMES)})(?!\w)"
MONTH_ABBR = rf"(?:{_cap(vocab.MONTH_ABBREVIATIONS)})(?:\.|(?!\w))"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
#: a month name in any case ("jan 25", "the 9th march 1881"): only in dates with a day number
MONTH_ANYCASE = (
    rf"(?:(?i:{alternation([m.lower() for m in vocab.MONTH_FULL_NAMES])})(?!\w)"
    rf"|(?i:{alternation([m.lower() for m in vocab.MONTH_ABBREVIATIONS])})(?:\.|(?!\w)))"
)
WEEKDAY_FULL = rf"(?:{_cap(vocab.WEEKDAY_FULL_NAMES)})(?!\w)"
WEEKDAY_ANY = rf"(?:{WEEKDAY_FULL}|(?:{_cap(vocab.WEEKDAY_ABBREVIATIONS)})(?:\.|(?!\w)))"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
#: a day written as an ordinal word: "the first of June"
DAY_WORD = (
    r"(?i:thirty-first|thirtieth|twenty-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|twentieth|nineteenth|eighteenth|seventeenth|sixteenth|fifteenth|fourteenth|thirteenth|twelfth"
    r"|eleventh|tenth|ninth|eighth|seventh|sixth|fifth|fourth|third|second|first)"
)
YEAR = r"(?:1\d\d\d|20\d\d)(?!\d)"
# a year written in words: "nineteen ninety-six", "two thousand (and) one"
_TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_UNIT = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
YEAR_WORDS = (
    rf"(?i:(?:nineteen|eighteen)[\s-]+(?:(?:{_TENS})(?:[\s-]+(?:{_UNIT}))?|{_TEEN}|hundred)"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_TEEN}|{_UNIT}))?)(?!\w)"
)
NUM_WORD = (
    rf"(?:(?:{_TENS})(?:[\s-]+(?:{_UNIT}))?|{_TEEN}|{_UNIT}|(?:a|one)\s+hundred|hundred"
    r"|a\s+dozen|dozen|a\s+couple(?:\s+of)?|couple\s+of|a\s+few|few|several|some|many"
    r"|a\s+number\s+of|numerous|dozens\s+of|hundreds\s+of|thousands\s+of|an?)(?!\w)"
)
NUM_DIGIT = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+[1-3]/[2-4])?)(?![\d/])"
NUM = rf"(?:{NUM_DIGIT}|(?i:{NUM_WORD}))"
UNIT = (
    r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?"
    r"|quarters?|years?|decades?|centur(?:y|ies)|millenni(?:um|a)|semesters?)(?!\w)"
)
UNIT_SG = r"(?i:week|weekend|month|year|quarter|decade|century)(?!\w)"
POD = r"(?i:morning|afternoon|evening|night|overnight)(?!\w)"
SEASON = r"(?i:spring|summer|fall|autumn|winter)(?!\w)"
ORDINAL_QUARTER = r"(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
TZ = rf"(?:{alternation(vocab.TIME_ZONES)})(?!\w)"
SEP = r"(?:\s*,\s*|\s+)"  # comma or space (PTB text has "Mar 15 , 2011")

PMOD = (
    r"(?P<pmod>(?i:(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle(?:\s+of)?|end\s+of|start\s+of"
    r"|beginning\s+of|close\s+of|turn\s+of|dawn\s+of)(?:\s+the)?)[\s-]+)"
)
QMOD = (
    r"(?P<qmod>(?i:about|around|approximately|roughly|some|nearly|almost|more\s+than"
    r"|less\s+than|fewer\s+than|well\s+over|over(?!\s+the)|under(?!\s+the)|at\s+least|at\s+most|up\s+to"
    r"|no\s+more\s+than|no\s+less\s+than|just\s+over|just\s+under)\s+)"
)
REL = r"(?i:this\s+past|this\s+coming|this|last|next|past|coming|previous|current|upcoming)"

# --- the rules, most specific first --------------------------------------------------------
_DATE_TAIL = (
    rf"(?:(?P<twd>{WEEKDAY_FULL})(?:{SEP}(?P<tmon>{MONTH})\s*(?P<tday>{DAY}))?"
    rf"|(?P<tmon2>{MONTH})\s*(?P<tday2>{DAY})(?:{SEP}(?P<tyear>{YEAR}))?"
    r"|(?P<trel>(?i:today|yesterday|tomorrow|tonight))(?!\w))"
)
RULES: tuple[tuple[str, str], ...] = (
    # clock times, optionally followed by a zone and a day: "5 p.m. EST Nov. 9", "noon Saturday"
    ("time", (
        rf"(?P<qmod>(?i:about|around|approximately|at\s+about|shortly\s+after|shortly\s+before)\s+)?"
        rf"(?P<pmod>(?i:early|late|mid)[\s-]+)?"
        r"(?:(?P<hh>[01]?\d|2[0-3])(?:[:.](?P<mm>[0-5]\d))?\s*(?P<ampm>(?i:[ap]\.\s?m\.?|[ap]m|[ap]\s?m(?=\W)))"
        r"|(?P<hh2>[01]?\d|2[0-3]):(?P<mm2>[0-5]\d)(?::(?P<ss>[0-5]\d))?"
        r"|(?P<hh3>[01]\d|2[0-3])(?P<mm3>[0-5]\d)(?=\s*(?:GMT|UTC|EDT|EST|CDT|CST|PDT|PST|BST)\b)"
        r"|(?P<named>(?i:noon|midnight|midday))(?!\w))"
        rf"(?:\s*(?P<tz>{TZ}))?"
        rf"(?:{SEP}(?i:on\s+)?{_DATE_TAIL})?"
    )),
    # full dates: "Tuesday, March 15, 2011", "Sept. 11, 2012", "Mar 15 , 2011", "15 March 2011"
    ("date_mdy", (
        rf"(?:(?P<wd>{WEEKDAY_ANY}){SEP})?(?P<mon>{MONTH_ANYCASE})\s*(?P<day>{DAY}){SEP}(?P<year>{YEAR})"
    )),
    ("date_dmy", (
        rf"(?:(?P<wd>{WEEKDAY_ANY}){SEP})?(?:(?:(?i:the)\s+)?(?P<day>{DAY})(?:\s+of)?|(?i:the)\s+(?P<dayw>{DAY_WORD})\s+of)"
        rf"\s+(?P<mon>{MONTH_ANYCASE})(?:{SEP}(?P<year>{YEAR})|\s+(?P<yy>\d\d)(?![\d:.,/-]?\d|\s*%))"
    )),
    ("date_num", (
        r"(?P<y>1\d\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
        r"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?)?(?![\d-])"
        r"|(?P<y2>1\d\d\d|20\d\d)/(?P<m2>0?[1-9]|1[0-2])/(?P<d2>0?[1-9]|[12]\d|3[01])(?![\d/])"
        r"|(?P<m3>0?[1-9]|1[0-2])/(?P<d3>0?[1-9]|[12]\d|3[01])/(?P<y3>1\d\d\d|20\d\d)(?![\d/])"
        # day.month.year, the European order: "14.04.1889", "23.1.1818"
        r"|(?P<d4>0?[1-9]|[12]\d|3[01])\.(?P<m4>0?[1-9]|1[0-2])\.(?P<y4>1\d\d\d|20\d\d)(?![\d.]\d)"
    )),
    ("date_md", (
        rf"{PMOD}?(?:(?P<wd>{WEEKDAY_ANY}){SEP})?(?:(?P<mon>{MONTH_ANYCASE})\s*(?P<day>{DAY})"
        # "July Fourth", "January third": a capitalised month and an ordinal word
        rf"|(?P<mon2>{MONTH})\s+(?P<dayw>{DAY_WORD})(?![\w-]|\s+(?i:quarter|half|time|round|term)\b))"
        r"(?!\s*(?:,\s*)?(?:1\d\d\d|20\d\d)(?!\d))"
        rf"(?:\s+(?:(?i:of)\s+)?(?P<ystr>(?i:this|last|next)\s+year)(?!\w))?"
    )),
    ("date_dm", (
        rf"(?:(?P<wd>{WEEKDAY_ANY}){SEP})?(?:(?:(?i:the)\s+)?(?P<day>{DAY})(?:\s+(?i:of))?"
        rf"|(?i:the)\s+(?P<dayw>{DAY_WORD})\s+(?i:of))\s+(?P<mon>{MONTH})"
        # not before a year or another day of the month ("15 March 2011" is date_dmy's, "3 June 5,
        # 2010" no day-month), but before a count, a clock time or a list number ("on 22 June 2.",
        # "22 June 12:30 GMT", "3 May 2 people died")
        r"(?!\s*(?:1\d\d\d|20\d\d)(?!\d)|\s*\d\d?(?:st|nd|rd|th)\b|\s*\d\d?\s*,\s*(?:1\d\d\d|20\d\d))"
        rf"(?:\s+(?:(?i:of)\s+)?(?P<ystr>(?i:this|last|next)\s+year)(?!\w))?"
    )),
    ("month_year", (
        rf"{PMOD}?(?P<mon>{MONTH})(?:\s*,\s*|\s+(?i:of)\s+|\s+)(?:(?P<year>{YEAR})|(?P<yw>{YEAR_WORDS})"
        rf"|(?P<yrel>(?i:this|last|next)\s+year)(?!\w))"
    )),
    # reporting periods: "the latest quarter", "the year-ago period", "year-earlier", "the fiscal year"
    ("period", (
        r"(?P<det>(?i:the|its|last\s+year's)\s+)(?:(?i:comparable|corresponding)\s+)?(?:(?P<kind>(?i:latest|current|same"
        r"|year-ago|year-earlier|prior-year|previous|fiscal))\s+)?"
        rf"(?:(?P<pyear>{YEAR})\s+)?(?P<per>(?i:quarter|period|fiscal\s+year))(?!\w)"
        r"(?P<yago>\s+(?i:last\s+year|a\s+year\s+(?:ago|earlier))(?![\w-]))?"
        r"|(?P<adj>(?i:year-ago|year-earlier))(?!\w)"
    )),
    ("quarter", (
        rf"(?P<det>(?i:the|its|this\s+year's|last\s+year's|next\s+year's|the\s+current|the\s+latest"
        r"|the\s+same|the\s+(?:comparable\s+)?(?:year-ago|year-earlier|prior-year))\s+)?"
        rf"(?:(?P<ypre>{YEAR})\s+)?(?i:fiscal[\s-]+)?(?P<ord>{ORDINAL_QUARTER})[\s-]+(?i:fiscal[\s-]+)?"
        rf"(?P<qh>(?i:quarter|half|qtr\.?))(?!\w)"
        rf"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<ypost>{YEAR})"
        r"|\s+(?i:of)\s+(?P<yrel>(?i:the\s+year|this\s+year|last\s+year|next\s+year))(?!\w)"
        rf"|\s+(?P<ypost2>{YEAR}))?"
        rf"|(?P<q>Q[1-4])(?:\s+(?P<qyear>{YEAR}))?(?!\w)"
    )),
    ("holiday", (
        r"(?P<hname>New\s+Year's\s+(?:Eve|Day)|New\s+Year's|Christmas\s+(?:Eve|Day)|Christmas|Xmas"
        r"|Fourth\s+of\s+July"
        r"|Thanksgiving(?:\s+Day)?|Easter(?:\s+(?:Sunday|Monday|Day))?|Good\s+Friday|Palm\s+Sunday"
        r"|Ash\s+Wednesday|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Halloween"
        r"|Valentine's\s+Day|St\.\s+Patrick's\s+Day|Boxing\s+Day|Bastille\s+Day|Armistice\s+Day"
        r"|Mother's\s+Day|Father's\s+Day|Presidents\s+Day|Martin\s+Luther\s+King\s+Day|May\s+Day|Columbus\s+Day"
        r"|Pentecost(?:\s+Sunday)?|Whit\s*[Ss]unday|Whitsun|Election\s+Day)(?!\w)"
        r"(?P<hweek>\s+(?i:week)(?![\w-]))?"
        rf"(?:(?:{SEP}|\s+(?:of|in)\s+)(?P<year>{YEAR}))?"
    )),
    ("decade", (
        rf"{PMOD}?(?:(?i:the)\s+)?(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<dec2>\d0)s"
        r"|(?P<decw>(?i:(?:nineteen[\s-]+)?(?:twenties|thirties|forties|fifties|sixties|seventies"
        r"|eighties|nineties))))(?!\w)"
    )),
    ("century", (
        rf"{PMOD}?(?:(?i:the)\s+)?(?P<ord>(?i:\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth"
        r"|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
        r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[\s-]+(?i:century)(?!\w)"
    )),
    ("set", (
        r"(?P<q>(?i:every|each|per)|(?:(?<=once\s)|(?<=twice\s)|(?<=thrice\s)|(?<=times\s))(?i:a|an))\s+"
        rf"(?:(?P<other>(?i:other))\s+)?(?:(?P<snum>{NUM})\s+)?"
        rf"(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY_FULL})|(?P<pod>{POD})|(?P<smon>{MONTH_FULL})(?!\s*\d))"
        r"|(?P<adv>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly"
        r"|semiannually|bimonthly))(?!\w)"
    )),
    # "a year ago", "two days later", "three weeks earlier", "a day before"
    ("ago", (
        rf"{QMOD}?(?P<num>{NUM}(?:\s+(?i:and\s+a\s+half))?|(?i:half\s+an?))[\s-]+(?P<unit>{UNIT})"
        r"(?P<half>\s+(?i:and\s+a\s+half))?(?:\s+(?i:or\s+so))?"
        r"\s+(?P<dir>(?i:ago|earlier|later|from\s+now|hence|previously|back))(?!\w)"
    )),
    ("ago_ba", (
        rf"{QMOD}?(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})\s+(?P<dir>(?i:before|after))(?=\s*[,.;:!?)]|\s*$)"
    )),
    ("relday", (
        r"(?:(?P<ppod>(?i:mid[\s-]?(?:morning|afternoon|day)|midday|noon))\s+)?"
        rf"(?P<pmod>(?i:early|late|mid|later|earlier)[\s-]+)?(?P<rd>(?i:the\s+day\s+(?:before|after)\s+"
        r"(?:yesterday|tomorrow)|yesterday|today|tomorrow|tonight|last\s+night|overnight"
        rf"|this\s+(?:morning|afternoon|evening)))(?!\w)(?:\s+(?P<pod>{POD}))?"
    )),
    # "the next day", "the following week", "the previous year", "the same day", "that day"
    ("anchored", (
        r"(?P<rel>(?i:the\s+(?:next|following|previous|preceding|prior|same|day\s+before|day\s+after)|next(?=\s+day\b)"
        r"|that(?:\s+same)?|the\s+night\s+before))(?:\s+(?P<unit>(?i:day|morning|afternoon|evening|night|week"
        r"|weekend|month|year|quarter)))?(?!\w)"
        # "the day before last Tuesday's hearing", "the day after Christmas": that day's neighbour
        rf"(?:(?:(?<=before)|(?<=after))\s+(?P<dref>(?:(?i:last|next)\s+)?{WEEKDAY_FULL}"
        r"|(?:New\s+Year's\s+Day|Christmas(?:\s+Day)?|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?"
        r"|Halloween|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day)(?!\w)"
        rf"(?:\s+(?:of|in)\s+{YEAR})?))?"
    )),
    # durations: "the past three months", "more than two years", "a year and a half", "five-year"
    ("duration", (
        rf"{QMOD}?(?P<det>(?i:(?:the\s+)?(?:past|last|next|first|previous|coming|following|preceding"
        r"|final|latest|initial|remaining|additional|further)\s+|the\s+"
        rf"|another\s+|an\s+additional\s+))?(?P<num>{NUM}(?:\s+(?i:and\s+a\s+half))?|(?i:half\s+an?))"
        rf"(?:\s+(?i:more|additional|straight|consecutive|full|trading|business|working))?[\s-]+(?P<unit>{UNIT})"
        r"(?P<half>\s+(?i:and\s+a\s+half))?(?:-(?i:long|old))?"
    )),
    # "the past year", "the coming weeks", "the last decade" (no number)
    ("duration_det", (
        rf"{QMOD}?(?P<det>(?i:the\s+(?:past|last|next|coming|previous|following|entire|whole|full|first)))"
        rf"\s+(?P<unit>{UNIT})"
    )),
    # "last week", "this year", "earlier this month", "early next year", "the weekend"
    ("relunit", (
        rf"{PMOD}?(?P<tpmod>(?i:earlier|later)\s+)?(?P<rel>{REL}|(?i:the\s+current|the\s+coming|this\s+year's))"
        rf"\s+(?P<unit>{UNIT_SG}|(?i:fiscal\s+year|fiscal|quarter|semester|term))(?!\w)"
        r"|(?P<the>(?i:the))\s+(?P<unit2>(?i:weekend|week|month|year))(?![\w-])"
        r"(?!\s+(?:1\d\d\d|20\d\d|(?i:two\s+thousand|nineteen|eighteen))(?!\w))"
        r"|(?P<yearend>(?i:year[\s-]+end|year-end|the\s+end\s+of\s+the\s+year))(?!\w)"
    )),
    ("weekday", (
        rf"(?P<pmod>(?i:early|late|mid|mid-day)[\s-]+)?(?P<rel>(?i:last|next|this\s+past|this\s+coming"
        rf"|this|coming|past|previous|the\s+following|the\s+previous|the\s+preceding)\s+)?(?P<wd>{WEEKDAY_FULL})(?:[\s-]+(?P<pod>{POD}))?"
    )),
    ("pod", (
        rf"(?:(?P<pmod>(?i:early|late|mid)[\s-]+)?(?P<det>(?i:the|that))\s+|(?P<mid>(?i:mid)[\s-]?))(?P<pod>{POD})"
        # "the night of May 13", "the morning of Friday, Oct. 23": that day's part
        rf"(?:\s+(?i:of)\s+(?P<pdate>(?:{WEEKDAY_FULL}{SEP})?{MONTH}\s*{DAY}(?:{SEP}{YEAR})?"
        rf"|{DAY}\s+{MONTH}(?:{SEP}{YEAR})?))?"
    )),
    ("month", (
        rf"{PMOD}?(?P<rel>{REL}\s+)?(?P<mon>{MONTH_FULL})(?!\s*\d)"
    )),
    ("season", (
        rf"{PMOD}?(?P<rel>(?:{REL}|(?i:the))\s+)?(?P<season>{SEASON})(?:(?:\s+(?i:of)|,)?\s+(?:(?P<year>{YEAR})|(?P<yw>{YEAR_WORDS})))?"
    )),
    ("year", (
        rf"{PMOD}?(?P<fy>(?i:fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|model\s+year)\s+|FY)?"
        rf"(?:(?P<year>{YEAR})(?!,\d{{3}}|\.\d|\s*%|\s*(?i:percent|per\s+cent)|-\d{{3}}(?!\d)|-\d(?!\d)|-\d{{5}})|(?P<yw>{YEAR_WORDS}))"
    )),
    ("ref", (
        r"(?P<ref>(?i:(?:to\s+)?this\s+day(?:\s+and\s+age)?|todays|right\s+now|now|nowadays|currently|current|these\s+days|at\s+present|the\s+present"
        r"|recently|recent\s+(?:days|weeks|months|quarters|years|decades|times)|lately"
        r"|the\s+past|the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short)\s+term|(?:the\s+)?(?:coming|future)\s+(?:days|weeks|months|years|quarters)"
        r"))(?!\w)"
    )),
    ("bare_unit", (
        r"(?P<unit>(?i:years|months|weeks|days|hours|minutes|decades|centuries))(?!\w)"
    )),
)

#: words of which every time expression contains at least one (besides digits); a candidate
#: starts at most :data:`MAX_LEAD_WORDS` words before one of them ("at least the past 18 months")
TRIGGER_WORDS: tuple[str, ...] = (
    *(m.lower() for m in vocab.MONTHS), *(w.lower() for w in vocab.WEEKDAYS),
    *vocab.UNITS, "morning", "afternoon", "evening", "overnight", "noon", "midnight", "midday",
    "daytime", "dawn", "dusk", "lunchtime", "nightfall",
    "yesterday", "today", "tomorrow", "tonight", *vocab.SEASONS, "now", "nowadays", "currently",
    "current", "present", "recently", "recent", "lately", "past", "future", "period",
    "fiscal", "fy", "christmas", "xmas", "thanksgiving", "easter", "halloween", "valentine",
    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
    "nineteen", "eighteen", "thousand", "daily", "weekly", "monthly", "annually", "yearly",
    "hourly", "nightly", "biweekly", "semiannually", "bimonthly", "qtr", "century", "centuries",
    "q1", "q2", "q3", "q4", "term", "todays", "pentecost", "whitsun", "whitsunday", "whit",
)
#: finds triggers in the lower-cased text; group 1 is the trigger. It starts with a separator
#: character class so that ``re`` skips most positions in C.
TRIGGER: re.Pattern[str] = re.compile(
    r"(?:^|[\s(\[{\"'`“‘/#-])(\d|(?:" + alternation(TRIGGER_WORDS) + r")(?![a-z0-9]))"
)
#: words that may open a time expression before its trigger ("the", "early", "more than"...)
LEAD_WORDS: tuple[str, ...] = (
    "the", "a", "an", "this", "last", "next", "past", "coming", "previous", "current", "upcoming",
    "early", "late", "mid", "middle", "end", "start", "beginning", "close", "turn", "dawn", "very",
    "about", "around", "approximately", "roughly", "some", "nearly", "almost", "more", "less",
    "fewer", "well", "over", "under", "at", "up", "no", "just", "shortly", "its", "that", "earlier",
    "later", "every", "each", "per", "once", "twice", "thrice", "several", "few", "many", "couple",
    "dozen", "dozens", "hundreds", "thousands", "numerous", "number", "half", "another",
    "additional", "first", "second", "third", "fourth", "final", "latest", "initial", "remaining",
    "further", "following", "preceding", "prior", "same", "entire", "whole", "full", "comparable",
    "corresponding", "right", "these", "as", "calendar", "model", "q", "st", "new", "good", "palm",
    "ash", "independence", "labor", "memorial", "veterans", "valentine", "mother", "father",
    "presidents", "election", "martin", "boxing", "bastille", "armistice", "columbus", "to", "short", "year", "years", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth", "fifth", "sixth", "seventh", "eighth", "ninth", "year-end",
    "year-ago", "year-earlier", "day", "night", "trading", "business", "working",
)
#: a candidate starts at a trigger or at the start of the unbroken run of lead words, trigger
#: words and numbers (at most :data:`MAX_LEAD_WORDS`) right before it
LEAD_SET: frozenset[str] = frozenset(
    w for t in LEAD_WORDS + TRIGGER_WORDS + ("of", "and", "or", "than", "least", "to", "after",
                                              "before", "soon", "near", "s", "so", "luther", "king")
    for w in t.replace("-", " ").split()
)
#: trigger words that count only when capitalised ("May", not the verb "may")
CASED_TRIGGERS: frozenset[str] = frozenset(
    {*(m.lower() for m in vocab.MONTHS), *(w.lower() for w in vocab.WEEKDAYS), "christmas", "xmas",
     "thanksgiving", "easter", "halloween", "valentine", "pentecost", "whitsun", "whitsunday", "whit"}
)
#: trigger words no rule starts with: they are triggers but never a candidate start themselves
NON_START_TRIGGERS: frozenset[str] = frozenset(
    {"day", "week", "month", "quarter", "quarters", "period", "morning", "afternoon", "evening",
     "night", "nights", "hour", "minute", "seconds", "weekend", "weekends", "fortnight",
     "fortnights", "decade", "century", "semester", "semesters", "millennium", "millennia",
     "present", "dawn", "dusk", "daytime", "lunchtime", "nightfall"}
)
#: lead words that open an expression only before one of the given words ("at least")
CONDITIONAL_STARTS: MappingProxyType[str, frozenset[str]] = MappingProxyType({
    "at": frozenset({"least", "most", "about", "present"}), "up": frozenset({"to"}),
    "no": frozenset({"more", "less"}), "well": frozenset({"over"}),
    "just": frozenset({"over", "under"}), "as": frozenset(), "to": frozenset({"this"}),
})
#: lead words that continue a run but never open an expression
NON_START: frozenset[str] = frozenset(
    {"of", "and", "or", "than", "least", "after", "before", "soon", "near", "s", "so",
     "luther", "king", "trading", "business", "working"}
)
MAX_LEAD_WORDS = 6

#: the second day of a range after a "Month D" date: "October 5-13", "May 3 to 5"
RANGE_END: re.Pattern[str] = re.compile(
    r"(?:[-–]|\s?[-–]\s?(?=\d+(?!\d)(?:st|nd|rd|th)?(?!\s+[a-z]))|\s+(?:to|through|until|and)\s+)(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|\d|\s*[ap]\.?m\b|[\w-])"
)

#: the year written after the second day of a range: "Sept. 15 - 19, 2008"
RANGE_YEAR: re.Pattern[str] = re.compile(r"\s*,?\s*(1\d\d\d|20\d\d)(?!\d)")

#: the second year of a range after a year: "1861-1863", "1915-17"
YEAR_RANGE_END: re.Pattern[str] = re.compile(r"\s?[-–]\s?(?P<y>1\d\d\d|20\d\d|\d\d)(?![\d\w])")

#: the first day of a range before a "D Month" date: "between 25 and 26 May"
RANGE_START: re.Pattern[str] = re.compile(r"(?<![\w.,])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:\s?[-–]\s?|\s+(?:and|to)\s+)$")

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
#: no expression starts inside a word, an amount or a path; a hashtag "#Jan 25" may hold a date
_LEFT = r"(?<![\w$£€@&/\\])(?<!#(?=\d))"


def _strip_names(pattern: str) -> str:
    return _NAMED_GROUP.sub("(?:", pattern)


#: one pass over a text finds every candidate; ``match.lastgroup`` names the rule
MASTER: re.Pattern[str] = re.compile(
    _LEFT + "(?:" + "|".join(f"(?P<{name}>{_strip_names(p)})" for name, p in RULES) + r")(?!\w)"
)
#: rules that can match at a digit; :data:`MASTER_DIGIT` tries only those there
DIGIT_RULES: frozenset[str] = frozenset(
    {"time", "date_dmy", "date_num", "date_dm", "quarter", "decade", "century", "ago", "ago_ba",
     "duration", "year"}
)
MASTER_DIGIT: re.Pattern[str] = re.compile(
    _LEFT + "(?:" + "|".join(f"(?P<{name}>{_strip_names(p)})" for name, p in RULES if name in DIGIT_RULES)
    + r")(?!\w)"
)
#: ``REST_SOURCES[i]``: the alternation of the rules after rule ``i``, to go on when rule ``i`` is
#: rejected at a position. Rarely needed, so kept as source text: ``re.compile`` compiles each on
#: first use and keeps it in ``re``'s own cache.
REST_SOURCES: tuple[str | None, ...] = tuple(
    "(?:" + "|".join(f"(?P<{n}>{_strip_names(p)})" for n, p in RULES[i + 1:]) + r")(?!\w)"
    if i + 1 < len(RULES) else None
    for i in range(len(RULES))
)
#: each rule's own pattern, with its named parts, to re-read a hit of :data:`MASTER`
RULE_PATTERNS: MappingProxyType[str, re.Pattern[str]] = MappingProxyType(
    {name: re.compile(p) for name, p in RULES}
)
