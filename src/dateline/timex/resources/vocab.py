"""English vocabulary of the temporal tagger: names, numbers, units and their normalisations.

Constant tables only (the language lives here, the engine in :mod:`dateline.timex.patterns`
and :mod:`dateline.timex.resolve`). Keys are lower case.

>>> MONTHS["sept"], WEEKDAYS["tue"], NUMBER_WORDS["twelve"]
(9, 1, 12)
"""

from __future__ import annotations

from types import MappingProxyType

#: month name or abbreviation → month number
MONTHS = MappingProxyType({
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
})
MONTH_FULL_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "Sept", "Sep", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Oct", "Nov", "Dec",
)

#: weekday name or abbreviation → ISO weekday - 1 (Monday = 0)
WEEKDAYS = MappingProxyType({
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
})
WEEKDAY_FULL_NAMES: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)
WEEKDAY_ABBREVIATIONS: tuple[str, ...] = (
    "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun", "Mon",
)

NUMBER_WORDS = MappingProxyType({
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "a dozen": 12, "dozen": 12, "a": 1, "an": 1,
    "a couple of": 2, "couple of": 2, "a couple": 2,
})
#: vague quantities: value ``X`` in TIMEX3 (e.g. ``PXY`` for "several years")
VAGUE_QUANTITIES: frozenset[str] = frozenset({
    "a few", "few", "several", "some", "many", "a number of", "the last few", "dozens of",
    "hundreds of", "thousands of", "numerous", "multiple", "countless",
})
ORDINALS = MappingProxyType({
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9,
    "10th": 10, "11th": 11, "12th": 12, "13th": 13, "14th": 14, "15th": 15, "16th": 16,
    "17th": 17, "18th": 18, "19th": 19, "20th": 20, "21st": 21,
    "final": 4, "last": 4,
})

#: time unit (singular or plural, lower case) → canonical unit name
UNITS = MappingProxyType({
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "night": "night",
    "nights": "night", "week": "week", "weeks": "week", "weekend": "weekend",
    "weekends": "weekend", "fortnight": "fortnight", "month": "month", "months": "month",
    "quarter": "quarter", "quarters": "quarter", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
    "millennium": "millennium", "millennia": "millennium", "semester": "semester",
})
#: canonical unit → (TIMEX3 duration designator, is a time-part unit, multiplier)
DURATION_UNITS = MappingProxyType({
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "weekend": ("WE", False, 1), "fortnight": ("W", False, 2), "month": ("M", False, 1),
    "quarter": ("Q", False, 1), "semester": ("M", False, 6), "year": ("Y", False, 1),
    "decade": ("DE", False, 1), "century": ("CE", False, 1), "millennium": ("ML", False, 1),
})
#: canonical unit → granularity of a point in time with that unit
UNIT_GRANULARITY = MappingProxyType({
    "second": "day", "minute": "day", "hour": "day", "day": "day", "night": "day",
    "week": "week", "weekend": "week", "fortnight": "week", "month": "month",
    "quarter": "quarter", "semester": "month", "year": "year", "decade": "decade",
    "century": "century", "millennium": "century",
})

#: part of day → TIMEX3 suffix
PARTS_OF_DAY = MappingProxyType({
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "noon": "MI", "daytime": "DT", "dawn": "MO", "dusk": "EV",
    "lunchtime": "MI", "nightfall": "EV",
})

#: season → TIMEX3 code
SEASONS = MappingProxyType({
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
})

#: words before a point that give a TIMEX3 ``mod`` (and stay inside the extent)
POINT_MODS = MappingProxyType({
    "early": "START", "the early": "START", "the beginning of": "START",
    "beginning of": "START", "the start of": "START", "start of": "START",
    "the dawn of": "START", "the turn of": "START",
    "mid": "MID", "the mid": "MID", "middle of": "MID", "the middle of": "MID",
    "late": "END", "the late": "END", "the end of": "END", "end of": "END",
    "the close of": "END", "close of": "END",
})
#: words before a quantity that give a TIMEX3 ``mod``
QUANT_MODS = MappingProxyType({
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "well over": "MORE_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "no less than": "EQUAL_OR_MORE",
})

#: fixed-date holidays → (month, day)
FIXED_HOLIDAYS = MappingProxyType({
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
    "new year's": (1, 1), "valentine's day": (2, 14), "st. patrick's day": (3, 17),
    "independence day": (7, 4), "halloween": (10, 31), "veterans day": (11, 11),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "xmas": (12, 25), "fourth of july": (7, 4), "bastille day": (7, 14),
    "armistice day": (11, 11), "may day": (5, 1),
})
#: holidays on the n-th weekday of a month → (month, weekday, n); n = -1 means last
WEEKDAY_HOLIDAYS = MappingProxyType({
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
    "presidents day": (2, 0, 3), "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
    "columbus day": (10, 0, 2),
})
#: holidays a number of days after the n-th weekday of a month → (month, weekday, n, days);
#: US Election Day is the Tuesday after the first Monday of November
WEEKDAY_OFFSET_HOLIDAYS = MappingProxyType({"election day": (11, 0, 1, 1)})
#: holidays at an offset in days from Easter Sunday
EASTER_HOLIDAYS = MappingProxyType({
    "easter": 0, "easter sunday": 0, "easter day": 0, "good friday": -2,
    "easter monday": 1, "palm sunday": -7, "ash wednesday": -46, "pentecost": 49,
    "pentecost sunday": 49, "whit sunday": 49, "whitsunday": 49, "whitsun": 49,
})

#: time zones that may follow a clock time (kept inside the extent)
TIME_ZONES: tuple[str, ...] = (
    "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET",
    "CEST", "JST", "IST", "AEST", "AEDT", "HKT", "SGT", "MSK", "WIB", "local time", "ET", "PT",
)

#: words and phrases that put a nearby weekday or date in the future ("will meet Friday")
FUTURE_CUES: tuple[str, ...] = (
    "will", "wo", "shall", "gonna", "going to", "plan to", "plans to", "planned to", "planning to",
    "scheduled", "expected to", "expect to", "expects to", "set to", "due to", "is to", "are to",
    "intend to", "intends to", "hope to", "hopes to", "upcoming", "as soon as", "as early as",
    "postponed until", "planned", "planning", "would be", "would",
    # "plans" as a verb ("the group says it plans protests Friday"), not the noun ("approved plans
    # Sunday", "vacation plans")
    "it plans", "he plans", "she plans", "who plans", "which plans", "that plans", "also plans",
    "now plans", "still plans",
    # "the contraption should be operational by Monday", "should be in the country by Sunday"
    "should",
)
#: past-tense words (besides regular "-ed" forms) that put a nearby weekday or date in the past
PAST_CUES: tuple[str, ...] = (
    "was", "were", "had", "did", "said", "told", "ago", "last", "yesterday", "earlier", "came",
    "went", "made", "took", "met", "began", "saw", "got", "gave", "fell", "rose", "won", "lost",
    "left", "held", "led", "hit", "shot", "killed", "announced", "struck", "wrote", "spoke",
    "found", "thought", "brought", "sent", "became", "knew", "ran", "stood", "sold", "paid", "kept",
    "felt", "heard", "meant", "broke", "chose", "drove", "flew", "grew", "fought", "bought", "caught",
    "taught", "sought", "won", "withdrew", "drew", "threw", "swore", "wore", "tore", "froze", "stole",
    "woke", "rode", "arose", "forgot", "forgave", "overtook", "undertook", "sank", "sang", "began",
    "stuck", "spent", "built", "lent", "dealt", "bent", "fled", "shook", "slid", "hid", "wept",
    "slept", "swept", "crept", "leapt", "dug", "hung", "sprang", "rang", "swam", "swung",
    "understood", "upheld", "withheld", "overcame", "overthrew", "forbade", "sat", "spun", "blew",
    "shrank", "ate", "bore", "strode", "wound up", "lit", "bled", "sped", "knelt",
    # a plan told in the past perfect is over: "it had been due to expire Friday evening"
    "had been due to", "had been scheduled to", "had been expected to", "had been set to",
    "had been planned", "had been supposed to", "had planned to", "had hoped to",
)
#: words ending in "ed" that are no past tense (or are future cues)
NOT_PAST_ED: tuple[str, ...] = (
    "hundred", "need", "indeed", "speed", "seed", "feed", "proceed", "succeed", "exceed", "red",
    "bed", "shed", "bred", "greed", "scheduled", "expected", "planned", "due",
)



#: Heads of "<head> of today/tomorrow" that make the phrase generic, an era rather than a day
#: ("the people of tomorrow", "the cars of tomorrow", "think of tomorrow"); any other head keeps
#: the day ("as of today", "the story of today", "part of tomorrow").
GENERIC_OF_HEADS: frozenset[str] = frozenset(
    """people world worlds generation generations children youth society societies leaders
    technology technologies cars jobs workers families households economy economies city cities
    standards think thinking""".split()
)
