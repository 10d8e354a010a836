"""Helpers shared by the timeline methods: input clipping, sentence dates, filters, quotes.

Everything here is a pure function of its arguments.

>>> from datetime import date
>>> from dateline.model import Mention, Sentence
>>> s = Sentence("a1", 0, "A rocket hit the base on Friday.",
...              (Mention("Friday", 24, 30, "2019-12-27", "day"),))
>>> sentence_date(s)
datetime.date(2019, 12, 27)
>>> query_terms("the Syria crisis")
('syria', 'crisis')
>>> quotable(Sentence("a1", 1, "May 07, 2009", (Mention("May 07, 2009", 0, 12, "2009-05-07", "day"),)))
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from dateline.model import Article, Document, Quote, Sentence
from dateline.text.sentences import list_intro_end, wire_header_end

_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
_QUERY_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")
_VALUE_DATE = re.compile(r"^\d{4}(?:$|-)")
_ALNUM = re.compile(r"[^\W_]+")
_ALPHA_WORD = re.compile(r"(?<![\w.])[^\W\d_]+(?:[.'][^\W\d_]+)*")
#: Calendar words that do not count as content when judging if a line is only a date.
CALENDAR_WORDS: frozenset[str] = frozenset(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december mon monday tue tues tuesday wed wednesday thu
    thur thurs thursday fri friday sat saturday sun sunday am pm a.m p.m gmt utc est edt bst
    updated posted published""".split()
)

#: A quotable sentence has at least this many words outside its time expressions.
MIN_QUOTE_WORDS = 4
#: ... and at most this many words: longer "sentences" are scraped run-ons (a page's highlights,
#: navigation or captions glued to the lead), not something a timeline should quote.
MAX_QUOTE_WORDS = 60
#: Reader comments scraped with the article ("March 9, 2011 at 2:33 pm | Reply ...",
#: "Posted by: ... | Report abuse"): not the article's reporting, never quoted.
_COMMENT = re.compile(
    r"\|\s*(?:Reply|Report abuse)\b|\bPosted by\s*:|\b\d{1,2}:\d\d\s*[ap]\.?m\.?\s*\|", re.IGNORECASE
)
#: ... and a comment's own stamp opening the line: "At 10:42 am on 28 May 2010, wardycatt wrote:"
#: (BBC blogs), "8th November 2011 - 17:42" (BBC Have Your Say), "January 30th, 2011 12:47 pm ET".
_COMMENT_STAMP = re.compile(
    r"At \d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?\s+(?:on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?"
    r"|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+\d{4},\s*.{1,60}?\bwrote:"
    r"|\d{1,2}(?:st|nd|rd|th)\s+[a-z]{3,9}\s+\d{4}\s+-\s+\d{1,2}:\d\d\b"
    r"|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4},?\s+\d{1,2}:\d\d\s*[ap]\.?m\.?\s+ET\b",
    re.IGNORECASE,
)
_STAMP_START = frozenset("0123456789AJFMSONDajfmsond")  # what such a stamp can open with
# a line that ends in a wire's credit and a dash ("... CAIRO (Reuters) -") is a dateline or a
# scraped page header, which the sentence splitter keeps apart from the lead
_WIRE_DATELINE_END = re.compile(r"\([A-Z][A-Za-z. ]{1,20}\)[\"\u201d]?\s*(?:-{1,2}|\u2013|\u2014)$")
# a fragment: a line that opens with a lower-case word (the tail of a sentence split in two,
# "asked Albert Kyle, a finance professor.", or a reader's comment typed in lower case), with
# punctuation, or with the tail of a bracket ("L) failed to ..."); "eBay" and "iPhone" open
# sentences
_FRAGMENT_START = re.compile(r"[,;:)\]]|[a-z](?![a-z]*[A-Z])|[A-Z]{1,2}\)\s")
# Where a scraped page glued its headline, caption or byline to the lead on one line ("Mexico
# to re-test swine flu cases The widow of swine flu victim Gerardo Leyva ..."): a lower-case
# word, a closing bracket or a closing quote ("BP oil leak plug 'going as planned' The oil
# company ..."), then a word that opens sentences (a determiner, a pronoun or a quantifier, never
# a name: "The", "Another", "Thousands") and a lower-case or a capitalised word ("... in the
# country The Arab League has outlined ..."). A headline or a caption does not end in a function
# word or a possessive, and a title does not open a lead ("in the vein of The Office", "promoters
# of his This Is It tour", "the oil industry's Three Mile Island"), so a function word or a
# possessive before the opener is no glue, nor a function word after it ("influenza A With the
# UK ..."). Looked for in an article's first two lines only, where pages put such furniture.
_FUNCTION_WORDS = (
    "of|by|and|or|on|in|at|to|for|from|with|including|his|her|their|its|the|a|an|as|than|about|"
    "into|over|under|like|via|called|named|titled|entitled|dubbed|star|stars|hosts|presents|see|"
    "watch|read|hear|join|joins|follow|is|are|was|were"
)
_GLUE = re.compile(
    rf"(?:(?<=\s)(?!(?:{_FUNCTION_WORDS})\s)[a-z][a-z'\u2019-]*(?<!['\u2019]s)"
    r"|[)\]]|(?<=\w)\s?['\u2019\"\u201d])\s+"
    r"(?=(?:The|A|An|He|She|It|They|We|His|Her|Their|Its|This|These|Those|There|Another|Some|Many"
    r"|Several|More|Most|Both|Each|All|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Hundreds"
    r"|Thousands|Dozens|Tens|Millions|Scores)\s+"
    r"(?:[a-z]|(?!(?:With|In|On|At|For|From|And|But|Or|Of|To|The|A|An|As|By|Is|It)\b)[A-Z]))"
)
# a page's time stamp, photo credit or poll buttons opening the line, before the text: "Thursday
# 28 April 2005 13.03 BST ", "03 February 12 17:03 GMT ", "29 September 2011 Last updated at
# 17:57 GMT Help ", "Page last updated at 07:48 GMT, Tuesday, 8 November 2011 ", "Photograph: Joe
# Raedle/Getty Images ", "YES | NO "
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_TIME_ZONE = r"(?:\s+(?:GMT|UTC|ET|[A-Z][SD]T))"
_PAGE_PREFIX = re.compile(
    rf"(?:(?:{_WEEKDAY},?\s+)?\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{2}}(?:\d\d)?,?"
    rf"\s+(?:(?i:last\s+updated\s+at)\s+)?\d{{1,2}}[.:]\d\d(?:\s*[ap]\.?m\.?)?"
    rf"{_TIME_ZONE}?(?:\s+Help)?"
    rf"|(?i:page\s+)?(?i:last\s+updated\s+at)\s+\d{{1,2}}[.:]\d\d{_TIME_ZONE}?,?"
    rf"(?:\s+{_WEEKDAY},?)?\s+\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}"
    r"|YES\s+\|\s+NO"
    r"|(?:Photograph|Photo|Picture|Photos):\s+(?:[^\n]{1,80}?/\s*)?(?:Getty Images|Rex Features|Rex|Reuters|AP|AFP"
    r"|EPA|PA|Corbis|Alamy|Zuma Press|Zuma|Bloomberg|Xinhua|Sipa|Polaris|Eyevine|Handout|Guardian))"
    r"\s+(?=[A-Z0-9\"'\u201c])"
)
# the same kind of stamp after a headline and standfirst glued to the lead, in an article's
# first lines ("BP survival fears as predicted cost of oil spill soars Deepwater Horizon ...
# Monday 14 June 2010 21.52 BST The board of BP have been meeting ...", "... contributions
# Tuesday, June 29, 2010; 3:29 PM BP, the global ..."): a day named in full with its year and a
# clock time, which prose does not write
_GLUED_STAMP = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?\d{{1,2}}\s+{_MONTH_NAME}\s+\d{{4}},?\s+\d{{1,2}}[.:]\d\d{_TIME_ZONE}?"
    rf"|{_WEEKDAY},\s+{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}};?\s+\d{{1,2}}:\d\d\s*[AP]\.?M\.?{_TIME_ZONE}?"
    r"(?=\s+[A-Z0-9\"'\u201c])"
)
# a dateline opening the lead ("NEW ORLEANS -- ", "PARIS, Dec. 4 -- ", "AP NEW ORLEANS -- ",
# "NEW ORLEANS (AP) -- "): the quote's date is its entry's, and a timeline line names no place
# it was filed from
_PLACE = r"(?:[A-Z]{1,3}\s+)?[A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]*)*"
_FILED = r"(?:,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})"
_DATELINE = re.compile(
    rf"{_PLACE}(?:\s*\([A-Z][A-Za-z]+\))?{_FILED}?\s*(?:--|\u2014)\s+(?=[A-Z\"'\u201c])"
)
# ... or, on any line, a place and a wire's credit ("Cairo, Egypt (CNN) -- ", "GENEVA (Reuters) - ")
_CREDITED_DATELINE = re.compile(
    r"[A-Z][\w.'/-]*(?:,?\s+[A-Z][\w.'/-]*){0,4}\s*"
    r"\((?:Reuters|AP|AFP|Bloomberg|UPI|dpa|Xinhua|CNN|BBC)\)\s*(?:-{1,2}|\u2013|\u2014)\s+(?=[A-Z0-9\"'\u201c])"
)
# ... and one with its date after a headline glued before it ("Central Banks Cut Rates PARIS,
# Dec. 4 -- Facing a drastic slowdown ..."): the date makes it a dateline, not a clause
_GLUED_DATELINE = re.compile(rf"(?<=\S\s){_PLACE}{_FILED}\s*(?:--|\u2014)\s+(?=[A-Z\"'\u201c])")
_GLUED_LINES = 2  # lines of an article that may carry glued page furniture
_MIN_LEAD_WORDS = 6  # ... and the fewest words the lead after it must have
# a bullet or dash opening a list item ("-- Obama speaks from the Oval Office."): not quoted
_BULLET = re.compile(r"(?:-{1,2}|\u2013|\u2014|\*|\u2022|\u00b7)\s+(?=\S)")
# a question ("How can we avoid a swine flu pandemic?", a headline or a reader's) says nothing
# happened: a timeline does not quote one
_QUESTION_END = re.compile(r"\?[\"'\u2019\u201d)\]]*$")
# a sentence that points at the page it was scraped from ("click here", "the video above",
# "the form below"): page furniture, meaningless in a timeline
_PAGE_POINTER = re.compile(
    r"\b(?:video|videos|photo|photos|picture|pictures|image|images|gallery|graphic|map|chart|box"
    r"|links?|form)\s+(?:below|above)\b|\bclick(?:\s+here|\s+on)\b"
    r"|\b(?:watch|see)\s+(?:the\s+)?(?:video|gallery|slideshow)\b",
    re.IGNORECASE,
)
_PAGE_WORDS = ("below", "above", "click", "watch", "see ")  # one must occur for _PAGE_POINTER

# A small closed list so that a query such as "the war in Syria" filters on content words only.
QUERY_STOPWORDS: frozenset[str] = frozenset(
    """a about after against all an and any are as at be been before by during for from had has
    have he her his in into is it its more new news not of on or over said says she than that the
    their them there these they this those to under up was were what when where which while who
    will with would""".split()
)


def sentence_date(sentence: Sentence, first_only: bool = True) -> date | None:
    """The day a sentence is dated to, or ``None``.

    With ``first_only`` (the news-tls convention) only the sentence's first date-like time
    expression counts, and it dates the sentence only if it is day-level. Otherwise the first
    day-level mention anywhere in the sentence is used.
    """
    if not first_only:
        days = sentence.days
        return days[0] if days else None
    for m in sentence.mentions:
        if m.type in ("DATE", "TIME") and _VALUE_DATE.match(m.value):
            return m.day
    return None


class QueryTerms(tuple):
    """The words of a query (:func:`query_terms`): where a method uses them as its keywords,
    :func:`mentions_any` finds them at the start of a word only, as a search does ("Assad" is
    not in "ambassador"), while keywords given as such are substrings, as in news-tls."""

    __slots__ = ()


def query_terms(query: str | None) -> QueryTerms:
    """Lower-case content words of a free-text query, in order, without duplicates.

    >>> query_terms("Baghdad embassy, embassy!")
    ('baghdad', 'embassy')
    """
    if not query:
        return QueryTerms()
    out: list[str] = []
    for w in _WORD.findall(query.lower()):
        w = w.strip("'-")
        if len(w) >= 2 and w not in QUERY_STOPWORDS and w not in out:
            out.append(w)
    return QueryTerms(out)


def required_query_terms(query: str | None) -> tuple[str, ...]:
    """The :func:`query_terms` that name someone or something and so must all occur in an article.

    A name is a word in a run of capitalised words ("Michael Jackson"), an acronym ("BP",
    "H1N1"), or a capitalised word after the query's first ("protests in Egypt"). A capitalised
    first word alone ("Egypt protests", "Syria crisis") is taken for sentence case, not a name.
    Without a name every query term is an alternative.

    >>> required_query_terms("Michael Jackson"), required_query_terms("BP oil spill")
    (('michael', 'jackson'), ('bp',))
    >>> required_query_terms("Syria crisis"), required_query_terms("protests in Egypt")
    ((), ('egypt',))
    """
    if not query:
        return ()
    words = [w.strip("'-") for w in _QUERY_WORD.findall(query)]
    capital = [w[:1].isupper() for w in words]
    names: set[str] = set()
    for i, w in enumerate(words):
        acronym = len(w) > 1 and w.upper() == w and any(c.isalpha() for c in w)
        in_run = capital[i] and ((i > 0 and capital[i - 1]) or (i + 1 < len(words) and capital[i + 1]))
        if acronym or in_run or (capital[i] and i > 0):
            names.add(w.lower())
    return tuple(t for t in query_terms(query) if t in names)


def matches_query(text: str, terms: Sequence[str], names: Sequence[str] = ()) -> bool:
    """Whether ``text`` mentions one of ``terms`` and all of ``names``, case-insensitively and at
    the start of a word, as a search does: "iran" finds "Iranian", but "bush" is not in "ambush"
    nor "assad" in "ambassador"; true without terms. ``terms`` and ``names`` come from
    :func:`query_terms` and :func:`required_query_terms` of one query. (A method's keywords
    are matched as substrings, as in news-tls: :func:`mentions_any`.)

    >>> matches_query("Michael Bloomberg spoke.", ("michael", "jackson"), ("michael", "jackson"))
    False
    >>> matches_query("Insurgents ambushed a convoy.", ("bush",)), matches_query("Iranian oil", ("iran",))
    (False, True)
    """
    if not terms:
        return True
    low = text.lower()
    if not any(_at_word_start(t, low) for t in terms):
        return False
    return all(_at_word_start(t, low) for t in names)


def _at_word_start(term: str, low: str) -> bool:
    """Whether the lower-cased ``term`` occurs in ``low`` at the start of a word."""
    i = low.find(term)
    while i >= 0:
        if i == 0 or not low[i - 1].isalnum():
            return True
        i = low.find(term, i + 1)
    return False


def article_matches(article: Article, terms: Sequence[str], names: Sequence[str] = ()) -> bool:
    """:func:`matches_query` over an article's title and text."""
    return matches_query(f"{article.title or ''} {article.text}", terms, names)


def normalise_keywords(keywords: Iterable[str]) -> tuple[str, ...]:
    """Lower-cased, stripped, non-empty keywords (substring matches, as in news-tls).

    >>> normalise_keywords([" Syria", "", "SYRIAN"])
    ('syria', 'syrian')
    """
    out: list[str] = []
    for k in keywords:
        k = k.strip().lower()
        if k and k not in out:
            out.append(k)
    return tuple(out)


def mentions_any(text: str, terms: Sequence[str]) -> bool:
    """True when ``terms`` is empty or ``text`` (lower-cased) contains one of them: as a
    substring (news-tls's keyword test: "flu" in "influenza"), or at the start of a word for a
    query's words (:class:`QueryTerms`: "assad" is not in "ambassador").

    >>> text = "The ambassador left."
    >>> mentions_any(text, ("assad",)), mentions_any(text, query_terms("Assad"))
    (True, False)
    """
    if not terms:
        return True
    low = text.lower()
    if isinstance(terms, QueryTerms):
        return any(_at_word_start(t, low) for t in terms)
    return any(t in low for t in terms)


def count_terms(text: str, terms: Sequence[str]) -> int:
    """How many of ``terms`` ``text`` mentions, as :func:`mentions_any` finds them.

    >>> count_terms("Iraqi and US troops left Baghdad.", ("iraq", "us", "basra"))
    2
    """
    low = text.lower()
    if isinstance(terms, QueryTerms):
        return sum(1 for t in terms if _at_word_start(t, low))
    return sum(1 for t in terms if t in low)


def may_quote(document: Document, sentence: Sentence, keywords: Sequence[str], rules: bool = True) -> bool:
    """Whether a method may quote ``sentence``: it names a keyword (:func:`mentions_any`) and,
    with ``rules``, it is :func:`quotable` (the news-tls reproductions quote without the rules).

    >>> from dateline.model import Article
    >>> doc = Document(Article("a", date(2020, 1, 1), "x"), ())
    >>> s = Sentence("a", 0, "How did the embassy fall?")
    >>> may_quote(doc, s, ("embassy",)), may_quote(doc, s, ("embassy",), rules=False)
    (False, True)
    """
    return mentions_any(sentence.text, keywords) and (not rules or quotable(sentence, document.article.title))


def select_documents(
    documents: Iterable[Document],
    *,
    query: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[Document]:
    """Documents published within ``[start, end]`` that match ``query``, in a fixed order.

    An article matches when it mentions a query term and every name in the query
    (:func:`required_query_terms`): "Michael Jackson" keeps no article about another Michael.
    The order (publication date, then article id) makes every downstream step deterministic
    whatever order the input came in.
    """
    terms = query_terms(query)
    names = required_query_terms(query)
    kept = []
    for d in documents:
        pub = d.article.published
        if start is not None and pub < start:
            continue
        if end is not None and pub > end:
            continue
        if terms and not article_matches(d.article, terms, names):
            continue
        kept.append(d)
    kept.sort(key=lambda d: (d.article.published, d.article.id))
    return kept


def in_range(d: date, start: date | None, end: date | None) -> bool:
    """``start <= d <= end`` with open ends."""
    return (start is None or d >= start) and (end is None or d <= end)


def make_quote(document: Document, sentence: Sentence, clean: bool = True) -> Quote:
    """A timeline quote for ``sentence``, carrying its article's id, date, title, source and url.

    With ``clean`` false the quote is the sentence as split (the news-tls reproductions quote
    that way). Otherwise a wire header glued to the sentence is left out of the quote
    (:func:`~dateline.text.sentences.wire_header_end`): "Thu May 6, 2010 1:40 pm EDT (Reuters) -
    A steel dome was lowered." is quoted from "A steel dome"; so is a dated list's introduction
    glued to its first entry ("Here is a timeline of the war: Feb. 15, 2011 - A riot ..." is
    quoted from "Feb. 15", :func:`~dateline.text.sentences.list_intro_end`), a list item's
    bullet or dash, a page's time stamp, photo credit or poll buttons opening the line
    ("Thursday 28 April 2005 13.03 BST ", "Photograph: Joe Raedle/Getty Images "); a dateline
    with a wire's credit ("Cairo, Egypt (CNN) -- "); and, in an article's first two lines, a
    headline, standfirst or caption the page glued to the lead ("Mexico to re-test swine flu
    cases The widow of ..." is quoted from "The widow"), with the page's time stamp after it
    ("... Monday 14 June 2010 21.52 BST The board ...") or a dateline ("PARIS, Dec. 4 -- ").
    Each cut needs a lead of six words or more after it.
    """
    a = document.article
    return Quote(
        text=_quote_text(sentence) if clean else sentence.text,
        article_id=a.id,
        published=a.published,
        source=a.source,
        url=a.url,
        title=a.title,
    )


def _quote_text(sentence: Sentence) -> str:
    """``sentence``'s text without what :func:`make_quote` leaves out of a clean quote."""
    text = sentence.text[wire_header_end(sentence.text):]
    text = text[list_intro_end(text):]
    prefix = _PAGE_PREFIX.match(text)
    if prefix is not None and len(text) - prefix.end() >= 20:
        text = text[prefix.end():]
    if sentence.index < _GLUED_LINES:
        text = _after_glue(_after_dateline(text))
    credited = _CREDITED_DATELINE.match(text)
    if credited is not None and _leaves_lead(text, credited.end()):
        text = text[credited.end():]
    bullet = _BULLET.match(text)
    return text[bullet.end():] if bullet is not None else text


def _after_glue(text: str) -> str:
    """The lead at the end of a line that a page glued to its headline, caption or byline.

    >>> _after_glue("Mexico to re-test swine flu cases The widow of a flu victim spoke on Monday.")
    'The widow of a flu victim spoke on Monday.'
    >>> _after_glue("Lawmakers Left On the Sidelines As Fed Acts The Treasury moved.")  # too short a lead
    'Lawmakers Left On the Sidelines As Fed Acts The Treasury moved.'
    """
    return _after_last(text, _GLUE)


def _leaves_lead(text: str, end: int) -> bool:
    """Whether a lead of at least :data:`_MIN_LEAD_WORDS` words follows offset ``end``."""
    return len(text[end:].split()) >= _MIN_LEAD_WORDS


def _after_last(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` after the last match of ``pattern`` that leaves a lead (all of it without one)."""
    cut = 0
    for m in pattern.finditer(text):
        if _leaves_lead(text, m.end()):
            cut = m.end()
    return text[cut:]


def _after_dateline(text: str) -> str:
    """The lead of an article's first line without a glued time stamp, headline or dateline.

    >>> _after_dateline("BP fears grow Cost soars Monday 14 June 2010 21.52 BST The board of BP met today.")
    'The board of BP met today.'
    >>> _after_dateline("Central Banks Cut Rates PARIS, Dec. 4 -- Facing a slowdown, France spent more.")
    'Facing a slowdown, France spent more.'
    >>> _after_dateline("NEW ORLEANS (AP) -- Choppy seas and rain hampered the work.")
    'Choppy seas and rain hampered the work.'
    >>> _after_dateline("The U.S. -- The world's largest economy -- slowed.")  # no place opens it
    "The U.S. -- The world's largest economy -- slowed."
    """
    for pattern in (_GLUED_STAMP, _GLUED_DATELINE):
        text = _after_last(text, pattern).lstrip()
    m = _DATELINE.match(text)
    return text[m.end():] if m is not None and _leaves_lead(text, m.end()) else text


def _norm_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _ALNUM.findall(text))


def quotable(
    sentence: Sentence,
    title: str | None = None,
    min_words: int = MIN_QUOTE_WORDS,
    max_words: int = MAX_QUOTE_WORDS,
) -> bool:
    """Whether ``sentence`` may be quoted in a timeline.

    Not quotable: fewer than ``min_words`` words outside its time expressions, numbers and
    calendar words (a dateline such as "May 07, 2009" even when untagged, "Updated Tuesday
    10:30 GMT", a caption stub); more than ``max_words`` words (a scraped run-on); a reader
    comment scraped with the page, a tweet embedded in it ("RT @user: ...") or a pull quote
    glued to its caption and the next paragraph ("... homes" End Quote Resident of Tal Kalakh
    The ..."); a scraped page header ending in a wire's credit ("... BEIRUT (Reuters) -"); a
    question; a list item or an introduction (a line ending in ";" or ":"); a fragment (a line
    opening with a lower-case word, with punctuation or with a bracket's tail, or ending inside
    brackets, as where a sentence was split in two); a pointer
    at the page ("click here", "the video above"); or a repeat of the article's ``title``
    (Wikinews-style texts open with the title line).

    >>> quotable(Sentence("a", 0, "Rockets hit the base on Friday."))
    True
    >>> quotable(Sentence("a", 0, "Chrysler files for bankruptcy"), title="Chrysler files for bankruptcy")
    False
    >>> quotable(Sentence("a", 0, "Photo: AP"))
    False
    >>> quotable(Sentence("a", 0, "Friday, September 18, 2008"))
    False
    >>> quotable(Sentence("a", 0, "March 9, 2011 at 2:33 pm | Reply The US should arm the rebels."))
    False
    >>> quotable(Sentence("a", 0, "At 10:42 am on 28 May 2010, wardycatt wrote: BP will get hammered."))
    False
    >>> quotable(Sentence("a", 0, "RT @BrianSozzi: Within food, white bread had strong price increases."))
    False
    >>> quotable(Sentence("a", 0, 'Oil is a disaster" End Quote Jane Lubchenco NOAA chief Samples confirmed it.'))
    False
    >>> quotable(Sentence("a", 0, " ".join(["word"] * 61)))
    False
    >>> quotable(Sentence("a", 0, "Syria crackdown goes on BEIRUT | Tue Apr 19, 2011 BEIRUT (Reuters) -"))
    False
    >>> quotable(Sentence("a", 0, "How can we avoid a swine flu pandemic?"))
    False
    >>> quotable(Sentence("a", 0, "Yemen's 'Day of Rage'; Beyond the Violence in Egypt;"))
    False
    >>> [quotable(Sentence("a", 0, t)) for t in ("asked Albert Kyle, a finance professor.",
    ...     "The companies are BP Plc (BP.", "eBay shares rose 5 percent on Monday.")]
    [False, False, True]
    >>> quotable(Sentence("a", 0, "To read all of CNN's Egypt coverage in Arabic, click here."))
    False
    """
    text = sentence.text
    if ("|" in text or "osted by" in text) and _COMMENT.search(text):
        return False
    if text[:1] in _STAMP_START and _COMMENT_STAMP.match(text):
        return False
    if "RT @" in text or "RETWEET" in text:  # an embedded tweet or a Twitter widget
        return False
    if "End Quote" in text or "Start Quote" in text:  # a BBC pull quote glued to its caption
        return False
    if text[-1:] in "-\u2013\u2014" and _WIRE_DATELINE_END.search(text):
        return False
    if "?" in text[-4:] and _QUESTION_END.search(text):
        return False
    if text.rstrip()[-1:] in (";", ":"):  # a list item or an introduction, no sentence
        return False
    # a fragment, or a line cut inside brackets: "The companies are BP Plc (BP." ("L) failed to
    # ..." is the other half); a numbered item "1) The army ..." is no fragment
    if _FRAGMENT_START.match(text) or text.count("(") > text.count(")"):
        return False
    low = text.lower()
    if any(w in low for w in _PAGE_WORDS) and _PAGE_POINTER.search(text):
        return False
    if max_words and len(text) > 2 * max_words and len(text.split()) > max_words:
        return False
    if sentence.mentions:
        for m in sorted(sentence.mentions, key=lambda m: -m.start):
            if 0 <= m.start <= m.end <= len(text):
                text = text[: m.start] + " " + text[m.end :]
    n = 0
    for w in _ALPHA_WORD.finditer(text):  # stops as soon as enough content words are seen
        if w.group(0).lower() not in CALENDAR_WORDS:
            n += 1
            if n >= min_words:
                break
    if n < min_words:
        return False
    if title:
        tw = _norm_words(title)
        if tw and _norm_words(sentence.text) == tw:
            return False
    return True
