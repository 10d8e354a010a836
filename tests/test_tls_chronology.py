"""Chronologies inside the collection (``dateline.tls.chronology``) and their use by learned-ranking."""

from __future__ import annotations

import re
from datetime import date

import numpy as np

from dateline.model import Article, Document, Mention, Sentence
from dateline.tls.chronology import chronology_entries, entry_body
from dateline.tls.ranking import SENTENCE_FEATURES, LearnedRanking, Pool, _tfidf, sentence_features

# "<<Feb. 24|2011-02-24>>" marks a time expression and its day in the test texts
_MARK = re.compile(r"<<([^|>]+)\|([^>]+)>>")


def _sentence(aid: str, i: int, marked: str) -> Sentence:
    text, mentions, pos = "", [], 0
    for m in _MARK.finditer(marked):
        text += marked[pos:m.start()]
        mentions.append(Mention(m.group(1), len(text), len(text) + len(m.group(1)), m.group(2), "day"))
        text += m.group(1)
        pos = m.end()
    text += marked[pos:]
    return Sentence(aid, i, text, tuple(mentions))


def _doc(aid: str, published: str, *lines: str) -> Document:
    sents = tuple(_sentence(aid, i, t) for i, t in enumerate(lines))
    return Document(Article(aid, date.fromisoformat(published), "\n".join(s.text for s in sents)), sents)


REUTERS = _doc(
    "r1", "2011-10-20",
    "Here is a timeline of the conflict in Libya since protests broke out in February:",
    "<<Feb. 24|2011-02-24>> - Anti-government militias take control of the coastal city of Misrata.",
    "* <<March 17|2011-03-17>> - The U.N. Security Council votes to authorize a no-fly zone over Libya.",
    "<<Aug. 23|2011-08-23>> -- The rebels overrun Gaddafi's fortified compound in Tripoli.",
    "<<20 October 2011|2011-10-20>>: Fighters capture Sirte, ending a two-month siege.",
    "Fighting went on in Sirte on <<Thursday|2011-10-20>>, a spokesman said.",
)


def test_entries_of_a_wire_chronology() -> None:
    assert chronology_entries(REUTERS) == {
        1: date(2011, 2, 24), 2: date(2011, 3, 17), 3: date(2011, 8, 23), 4: date(2011, 10, 20)}


def test_keywords_must_occur_in_an_entry() -> None:
    assert chronology_entries(REUTERS, keywords=("libya",))  # entry 2 names Libya
    assert chronology_entries(REUTERS, keywords=("syria", "syrian")) == {}


def test_a_keyword_named_by_too_few_entries_makes_no_chronology() -> None:
    # a Libya war chronology in a mixed archive, and a query about someone it names in passing
    lines = [f"<<March {d}|2011-03-{d:02d}>> - Rebels and government forces fight for the oil town."
             for d in range(1, 8)]
    strikes = "<<March 19|2011-03-19>> - Obama authorises strikes on Libya."
    in_passing = _doc("r3", "2011-03-30", strikes, *lines)
    assert chronology_entries(in_passing, keywords=("obama",)) == {}  # 1 entry in 8
    assert len(chronology_entries(in_passing, keywords=("libya", "oil"))) == 8
    twice = _doc("r4", "2011-03-30", strikes,
                 "<<March 20|2011-03-20>> - Obama says U.S. forces will hand over command.", *lines)
    assert len(chronology_entries(twice, keywords=("obama",))) == 9  # 2 entries in 9


def test_the_heading_must_name_a_keyword_too() -> None:
    # a BP spill chronology names Obama in half its lines; its heading says it is about the spill
    lines = [f"<<May {d}|2010-05-{d:02d}>> - Obama visits the Gulf coast." if d % 2 else
             f"<<May {d}|2010-05-{d:02d}>> - BP tries another way to cap the well." for d in range(1, 9)]
    spill = _doc("b1", "2010-06-01", "Oil has poured into the Gulf since the April 20 blast.",
                 "Below is a timeline of the spill and its impact.", *lines)
    assert chronology_entries(spill, keywords=("obama",)) == {}
    assert len(chronology_entries(spill, keywords=("spill", "bp"))) == 8
    headless = _doc("b2", "2010-06-01", *lines)
    assert len(chronology_entries(headless, keywords=("obama",))) == 8  # nothing says otherwise


def test_too_few_entries_make_no_chronology() -> None:
    assert chronology_entries(REUTERS, min_entries=5) == {}
    two = _doc("r2", "2011-03-20", *REUTERS.sentences[1].text.splitlines(),
               "<<March 19|2011-03-19>> - The first air strikes halt the advance on Benghazi.")
    assert chronology_entries(two) == {}


def test_look_alikes_are_no_entries() -> None:
    comments = _doc(
        "c1", "2011-06-24",
        "<<24th June 2011|2011-06-24>> - 13:45 My heart goes out to the people of Syria and Libya.",
        "<<24th June 2011|2011-06-24>> - 20:55 If only someone could stand up and say it.",
        "<<25th June 2011|2011-06-25>> - 5.54 The media is very quiet about all of this.",
    )
    clock = _doc(
        "t1", "2011-07-15",
        "<<5 p.m.|2011-07-15>> - A taxi ride to the heart of the city costs about A$60.",
        "<<6 p.m.|2011-07-15>> - Enjoy an evening drink in the hotel bar downstairs.",
        "<<Tuesday|2011-07-12>> - The festival opens with a parade through the city.",
    )
    narrative = _doc(
        "n1", "2011-03-20",
        "On <<March 17|2011-03-17>>, the Security Council voted for a no-fly zone.",
        "<<March 18|2011-03-18>>, a day later, Gaddafi declared a ceasefire in the east.",
        "<<March 19|2011-03-19>> was the day the first air strikes hit Libya's defences.",
    )
    for doc in (comments, clock, narrative):
        assert chronology_entries(doc) == {}, doc.article.id


def _chronology_column(pool: Pool, day: date) -> dict[str, float]:
    """The ``chronology_entry`` feature of each candidate of ``day``, by sentence text."""
    cand = np.asarray(sorted(set(pool.by_day[day])))
    X, row, centroid = _tfidf(pool, list(cand))
    F = sentence_features(pool, day, cand, X, np.asarray([row[i] for i in cand]), centroid)
    col = SENTENCE_FEATURES.index("chronology_entry")
    return {pool.refs[i][1].text: F[r, col] for r, i in enumerate(cand)}


def test_pool_feature_marks_the_entry_for_its_own_day_only() -> None:
    report = _doc(
        "n2", "2011-03-18",
        "The U.N. Security Council voted on <<Thursday|2011-03-17>> to authorize a no-fly zone "
        "over Libya, and diplomats said strikes could follow within hours.",
    )
    pool = Pool.build([REUTERS, report], ("libya",))
    marked = _chronology_column(pool, date(2011, 3, 17))
    assert marked == {REUTERS.sentences[2].text: 1.0, report.sentences[0].text: 0.0}
    assert list(_chronology_column(pool, date(2011, 2, 24)).values()) == [1.0]


def test_shipped_scorer_rates_an_entry_above_the_same_sentence_elsewhere() -> None:
    """The shipped parameters give the feature a positive weight: of two candidates alike in
    every other feature, the chronology entry scores higher."""
    m = LearnedRanking()
    assert m.params and "chronology_entry" in m.params["sentence_scorer"]["features"]
    row = np.asarray(m.params["sentence_scorer"]["mean"], dtype=float)
    F = np.vstack([row, row])
    F[:, SENTENCE_FEATURES.index("chronology_entry")] = [0.0, 1.0]
    plain, entry = m.score_sentences(F)
    assert entry > plain


def test_timeline_quotes_the_entry_for_its_day() -> None:
    report = _doc(
        "n3", "2011-03-18",
        "Diplomats at the United Nations in New York said after the vote on <<Thursday|2011-03-17>> "
        "that Britain and France could begin air strikes against Libya's army within hours.",
    )
    tl = LearnedRanking().build([REUTERS, report], dates=10, per_date=1, keywords=("libya",))
    quoted = {e.date: e.sentences[0].text for e in tl.entries}
    # the entry is quoted without its leading "* March 17 - ": the timeline shows the date
    assert quoted[date(2011, 3, 17)] == "The U.N. Security Council votes to authorize a no-fly zone over Libya."


def test_an_entry_of_a_topical_chronology_needs_no_keyword_of_its_own() -> None:
    """Entries of a chronology that names the query elsewhere may be quoted without the keyword;
    other sentences still need it."""
    report = _doc(
        "n4", "2011-08-24",
        "Rebels took the compound in Tripoli on <<Tuesday|2011-08-23>> after heavy fighting.",
    )
    tl = LearnedRanking().build([REUTERS, report], dates=10, per_date=1, keywords=("libya",))
    quoted = {e.date: e.sentences[0].text for e in tl.entries}
    assert quoted[date(2011, 8, 23)] == "The rebels overrun Gaddafi's fortified compound in Tripoli."  # no "Libya"
    assert report.sentences[0].text not in quoted.values()


def test_entry_body_drops_the_date_and_separator_only() -> None:
    bodies = [entry_body(REUTERS.sentences[i]) for i in range(1, 6)]
    assert bodies == [
        "Anti-government militias take control of the coastal city of Misrata.",
        "The U.N. Security Council votes to authorize a no-fly zone over Libya.",
        "The rebels overrun Gaddafi's fortified compound in Tripoli.",
        "Fighters capture Sirte, ending a two-month siege.",
        REUTERS.sentences[5].text,  # no entry: unchanged
    ]


def test_entry_body_for_a_day_drops_only_that_days_date() -> None:
    entry = REUTERS.sentences[1]
    assert entry_body(entry, date(2011, 2, 24)).startswith("Anti-government militias")
    assert entry_body(entry, date(2011, 2, 25)) == entry.text


def test_a_dated_line_of_a_list_off_the_query_is_quoted_without_its_date() -> None:
    # the list is about the spill (its heading), so it is no chronology of Obama; the line that
    # names him is still quoted for its day, and without the date the timeline already shows
    lines = [f"<<May {d}|2010-05-{d:02d}>> - BP tries another way to cap the well." for d in range(1, 6)]
    spill = _doc("b3", "2010-06-01", "Below is a timeline of the spill and its impact.",
                 "<<May 28|2010-05-28>> - Obama tours the Louisiana coast.", *lines)
    tl = LearnedRanking().build([spill], dates=3, per_date=1, keywords=("obama",))
    assert [(e.date, e.sentences[0].text) for e in tl.entries] == [
        (date(2010, 5, 28), "Obama tours the Louisiana coast.")]


def test_a_first_entry_glued_to_the_lists_introduction_is_an_entry() -> None:
    # the page put the list's introduction and its first entry on one line
    glued = _doc(
        "r2", "2011-10-20",
        "<<Thu Oct 20, 2011|2011-10-20>> 7:25 am EDT (Reuters) - Here is a timeline of the war in Libya "
        "since protests broke out in <<February|2011-02>>: <<February 15|2011-02-15>>/16, 2011 - "
        "The arrest of a human rights activist sparks a riot in Benghazi.",
        "<<Feb. 24|2011-02-24>> - Anti-government militias take control of Misrata.",
        "<<March 17|2011-03-17>> - The U.N. Security Council votes for a no-fly zone over Libya.",
        "<<Aug. 23|2011-08-23>> -- The rebels overrun Gaddafi's compound in Tripoli.",
    )
    assert chronology_entries(glued, ("libya",))[0] == date(2011, 2, 15)
    body = "The arrest of a human rights activist sparks a riot in Benghazi."
    assert entry_body(glued.sentences[0], date(2011, 2, 15)) == body
    tl = LearnedRanking().build([glued], dates=4, per_date=1, keywords=("libya",))
    assert {e.date: e.sentences[0].text for e in tl.entries}.get(date(2011, 2, 15)) == body
