"""``learned-ranking`` (the learned date ranker + sentence scorer) and the quotable-sentence filter."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from conftest import SEEDS, run_cli
from dateline.model import Article, Document, Entry, Mention, Quote, Sentence, Timeline
from dateline.tls.base import Task, get_method, method_names
from dateline.tls.common import quotable
from dateline.tls.ranking import (
    DATE_FEATURES,
    SENTENCE_FEATURES,
    LearnedRanking,
    Pool,
    date_features,
    ridge,
)

_DAY = re.compile(r"\[(\d{4}-\d\d-\d\d)\]")
PARAMS = Path(__file__).resolve().parents[1] / "src" / "dateline" / "tls" / "params"


def _doc(aid: str, published: str, *sentences: str, title: str | None = None,
         source: str = "wire") -> Document:
    sents = [Sentence(aid, i, t, tuple(Mention(m.group(0), m.start(), m.end(), m.group(1), "day")
                                      for m in _DAY.finditer(t)))
             for i, t in enumerate(sentences)]
    return Document(Article(aid, date.fromisoformat(published), "\n".join(sentences),
                            title=title, source=source), tuple(sents))


@pytest.fixture
def docs() -> list[Document]:
    return [
        _doc("a1", "2020-01-01", "Militiamen stormed the US embassy in Baghdad on [2019-12-31].",
             "Airstrikes hit militia bases in Iraq and Syria on [2019-12-29]."),
        _doc("a2", "2019-12-31", "Protesters stormed the embassy in Baghdad.",
             "The airstrikes on [2019-12-29] killed 25 militia fighters.",
             "A rocket attack on [2019-12-27] killed a contractor near Kirkuk."),
        _doc("a3", "2019-12-30", "The rocket attack of [2019-12-27] was blamed on the militia.",
             "Airstrikes on [2019-12-29] answered the rocket attack.", source="other"),
        _doc("a4", "2019-12-28", "Rocket attack on [2019-12-27] kills contractor near Kirkuk."),
    ]


def _wikinews_like() -> list[Document]:
    """Articles whose text opens with the title line and a dateline, as Wikinews texts do."""
    out = []
    for i, (pub, event) in enumerate([("2009-05-07", "Chrysler filed for bankruptcy protection"),
                                      ("2009-05-08", "Fiat agreed to run the carmaker Chrysler")]):
        title = f"Chrysler and Fiat story number {i} of the carmaker"
        out.append(_doc(f"w{i}", pub, title, f"[{pub}]", f"{event} on [{pub}], officials said.",
                        f"Chrysler workers were told of the plan on [{pub}].", title=title))
    return out


def test_quotable_rejects_datelines_titles_and_stubs() -> None:
    dl = Sentence("a", 1, "May 07, 2009", (Mention("May 07, 2009", 0, 12, "2009-05-07", "day"),))
    assert not quotable(dl)
    assert not quotable(Sentence("a", 1, "Thursday, September 18, 2008"))  # untagged dateline
    assert not quotable(Sentence("a", 0, "GM cuts jobs"))  # three words
    assert not quotable(Sentence("a", 0, "GM to cut 5,000 jobs", ()), title="GM to cut 5,000 jobs")
    assert quotable(Sentence("a", 0, "GM to cut 5,000 jobs", ()), title="Other title")
    assert quotable(Sentence("a", 2, "U.S. carmaker GM said on Tuesday it would cut jobs."))


@pytest.mark.parametrize("text", [
    "March 9 , 2011 at 2:33 pm | Reply I believe the issue at hand is freedom .",
    "February 1, 2011 at 11:04 pm | Report abuse | I quite agree that he interrupts people .",
    "You 're just going to have to be patient Posted by : curmudgeon6 | November 18 , 2010 9:49 PM",
    "January 31, 2011 at 5:32 pm | The impact of social media will only continue to grow .",
    # comments whose own stamp opens the line (BBC blogs, BBC Have Your Say, CNN blogs)
    "At 10:42 am on 28 May 2010, wardycatt wrote: BP will get hammered in the USA.",
    "At 13:02 22nd Jun 2010, U14498268 wrote: This comment was removed by the moderators.",
    "At 6:53 P.M. on Jan 13, 2010, Jessica Clark wrote: My heartfelt condolences to the people.",
    "9th November 2011 - 8:26 This to me seems like the infectious American legal culture.",
    "January 30th, 2011 12:47 pm ET Americas puppet dictator looks like he will not survive.",
    # tweets embedded in the page, a Twitter widget
    "RT @BrianSozzi: Within food, white bread had one of the strongest price increases.",
    "me/p4HKM -191 E 6:28 pm ET February 11, 2013 RETWEET Apple CEO Tim Cook to be Obama's guest.",
])
def test_quotable_rejects_reader_comments(text: str) -> None:
    assert not quotable(Sentence("a", 9, text))


@pytest.mark.parametrize("text", [
    "At 10:42 am on Friday, the rig exploded and sank into the gulf.",  # no "wrote:"
    "9 November 2011 - The court sentences Conrad Murray to four years.",  # a chronology entry
    "January 30, 2011 - Mubarak names Omar Suleiman his vice president.",
])
def test_quotable_keeps_lines_that_only_resemble_comment_stamps(text: str) -> None:
    assert quotable(Sentence("a", 9, text))


def test_quotable_rejects_run_ons_but_not_long_sentences() -> None:
    highlights = ("Obama reacts to protests in Egypt NEW : Obama calls Mubarak and tells him to address "
                  "grievances Privately , officials worry that Mubarak may be underestimating the protests "
                  "Mubarak asks the government to resign Gibbs said the U.S. will review its assistance "
                  "posture to Egypt -LRB- CNN -RRB- -- President Barack Obama spoke with Egypt 's president "
                  "moments after Hosni Mubarak addressed his country .")
    assert len(highlights.split()) > 60
    assert not quotable(Sentence("a", 0, highlights))
    long_one = ("The company, which employs 5,000 people in three states and has struggled with falling "
                "sales since the recession began, said on Tuesday that it would close two plants and "
                "cut a further 800 jobs by the end of the year.")
    assert quotable(Sentence("a", 3, long_one))
    # a Reuters dateline with a pipe is not a comment: its lead sentence stays quotable
    assert quotable(Sentence("a", 0, "NEW YORK | Mon Mar 7 , 2011 4:52 pm GMT NEW YORK -LRB- Reuters -RRB- - "
                                     "Crude oil prices jumped to a 2-1/2 year peak on Monday ."))


@pytest.mark.parametrize("name", method_names())
def test_no_method_quotes_a_dateline_or_title(name: str) -> None:
    """dateline's quote rules: always on in its own methods, asked for in the news-tls
    reproductions (which quote as news-tls by default, see test_tls_datewise)."""
    docs = _wikinews_like()
    titles = {d.article.title for d in docs}
    m = get_method(name, quote_rules=True) if name in ("datewise", "clust") else get_method(name)
    tl = m.build(docs, dates=3, per_date=3)
    quoted = [q.text for e in tl.entries for q in e.sentences]
    assert quoted, f"{name} quoted nothing"
    for text in quoted:
        assert text not in titles and not _DAY.fullmatch(text), (name, text)


def test_date_features_shape_and_scale(docs: list[Document]) -> None:
    dates, X = date_features(docs, ("rocket",))
    assert X.shape == (len(dates), len(DATE_FEATURES))
    assert X.min() >= 0.0 and X.max() <= 1.0 + 1e-9
    col = DATE_FEATURES.index("explicit_sents")
    # "[2019-12-27]" contains digits: every day mention here is explicit
    assert X[dates.index(date(2019, 12, 27)), col] == pytest.approx(1.0)
    empty_dates, empty = date_features([], ())
    assert empty_dates == [] and empty.shape == (0, len(DATE_FEATURES))


def test_keyword_docs_counts_articles_naming_the_query_on_the_day() -> None:
    """``keyword_docs``: the articles in which a sentence naming a keyword mentions the day."""
    def doc(aid: str, text: str) -> Document:
        m = Mention("Tuesday", text.index("Tuesday"), text.index("Tuesday") + 7, "2020-03-03", "day")
        return Document(Article(aid, date(2020, 3, 5), text), (Sentence(aid, 0, text, (m,)),))
    docs = [doc("a", "Obama spoke on Tuesday."), doc("b", "Obama flew home on Tuesday."),
            doc("c", "Markets fell on Tuesday.")]
    dates, X = date_features(docs, ("obama",))
    row = X[dates.index(date(2020, 3, 3))]
    kw, total = DATE_FEATURES.index("keyword_docs"), DATE_FEATURES.index("docs_total")
    assert row[total] == pytest.approx(1.0)  # log1p(3) / log1p(3): the busiest day
    assert row[kw] == pytest.approx(1.0)  # two of the three name Obama: log1p(2) / log1p(2)
    _, X_none = date_features(docs[2:], ("obama",))
    assert X_none[:, kw].max() == 0.0


def test_without_keywords_every_sentence_is_on_the_story(docs: list[Document]) -> None:
    """No query and no keywords: the keyword counts are those of every sentence and article, so a
    ranker trained on keyword counts still ranks the days (they were all 0 before)."""
    dates, X = date_features(docs, ())
    col = {f: i for i, f in enumerate(DATE_FEATURES)}
    assert X[:, col["keyword_sents"]].tolist() == X[:, col["sents_total"]].tolist()
    assert X[:, col["keyword_docs"]].tolist() == X[:, col["docs_total"]].tolist()
    assert X[:, col["keyword_docs"]].max() == 1.0


def test_pool_keeps_candidates_only(docs: list[Document]) -> None:
    pool = Pool.build(docs, ("rocket",))
    texts = [s.text for _, s in pool.refs]
    assert "Protesters stormed the embassy in Baghdad." in texts  # undated lead: pub-day candidate
    assert set(pool.by_day[date(2019, 12, 27)]) >= {
        texts.index("Rocket attack on [2019-12-27] kills contractor near Kirkuk.")}
    assert pool.table.shape == (len(pool.refs), 5)


def test_fit_learns_both_models_and_round_trips_through_json(docs: list[Document]) -> None:
    ref = Timeline((Entry(date(2019, 12, 27), (Quote("A rocket attack killed a contractor.", "r"),)),
                    Entry(date(2019, 12, 31), (Quote("Militiamen stormed the US embassy.", "r"),))))
    m = LearnedRanking(params={}).fit([Task("t", tuple(docs), ref, ("rocket", "embassy"))])
    p = m.params
    assert p["date_ranker"]["features"] == list(DATE_FEATURES)
    assert len(p["date_ranker"]["coef"]) == len(DATE_FEATURES)
    assert p["date_ranker"]["train_date_f1"] == 1.0
    s = p["sentence_scorer"]
    assert s["features"] == list(SENTENCE_FEATURES)
    assert len(s["coef"]) == len(s["mean"]) == len(s["scale"]) == len(SENTENCE_FEATURES)
    tl = m.build(docs, dates=2, per_date=1)
    assert set(tl.dates) == {date(2019, 12, 27), date(2019, 12, 31)}
    again = LearnedRanking(params=json.loads(json.dumps(p))).build(docs, dates=2, per_date=1)
    assert again == tl


def test_cross_date_redundancy(docs: list[Document]) -> None:
    dup = [_doc("x", "2020-01-02", "Troops left Baghdad on [2020-01-01] and [2020-01-02]."),
           _doc("y", "2020-01-03", "Troops left Baghdad on [2020-01-01] and [2020-01-02].")]
    assert len(LearnedRanking(params={}).build(dup, dates=2, per_date=1)) == 1
    assert len(LearnedRanking(params={}, cross_sim=1.0).build(dup, dates=2, per_date=1)) == 2


def test_ridge_recovers_a_linear_target() -> None:
    rng = np.random.default_rng(0)
    F = rng.normal(size=(200, 3))
    y = 2 * F[:, 0] - F[:, 2] + 0.5
    m = ridge(F, y, alpha=0.0)
    pred = ((F - np.asarray(m["mean"])) / np.asarray(m["scale"])) @ np.asarray(m["coef"]) + m["intercept"]
    assert np.allclose(pred, y)


def test_shipped_params_match_the_code() -> None:
    p = PARAMS / "learned-ranking.json"
    assert p.stat().st_size < 8192
    params = json.loads(p.read_text(encoding="utf-8"))
    assert params["version"] == 2 and params["method"] == "learned-ranking"
    assert params["date_ranker"]["features"] == list(DATE_FEATURES)
    assert params["date_ranker"]["primary"] in DATE_FEATURES
    assert params["sentence_scorer"]["features"] == list(SENTENCE_FEATURES)
    assert params["tagger"] == "dateline"
    assert get_method("learned-ranking").params == params


def test_seed_events_on_their_own_days() -> None:
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    r = run_cli("timeline", *files, "--dates", "4", "--method", "learned-ranking", "--format", "json")
    assert r.returncode == 0, r.stderr
    days = {e["date"]: " ".join(s["text"] for s in e["sentences"]).lower()
            for e in json.loads(r.stdout)["entries"]}
    assert len(days) <= 4
    assert "rocket" in days.get("2019-12-27", "")
    assert "strike" in days.get("2019-12-29", "")
    assert any(w in days.get("2019-12-31", "") for w in ("embassy", "compound", "stormed"))


def test_fit_cache_gives_the_same_params_and_reuses_examples(docs: list[Document]) -> None:
    ref = Timeline((Entry(date(2019, 12, 27), (Quote("A rocket attack killed a contractor.", "r"),)),
                    Entry(date(2019, 12, 31), (Quote("Militiamen stormed the US embassy.", "r"),))))
    tasks = [Task("t", tuple(docs), ref, ("rocket", "embassy")), Task("u", tuple(docs[:3]), ref, ("rocket",))]
    plain = LearnedRanking(params={}).fit(tasks).params
    cache: dict = {}
    first = LearnedRanking(params={}).fit(tasks, cache=cache).params
    assert first == plain and len(cache) == 2
    stored = {k: v[1] for k, v in cache.items()}
    again = LearnedRanking(params={}).fit(tasks[:1], cache=cache).params
    assert len(cache) == 2 and all(cache[k][1] is v for k, v in stored.items())  # reused, not recomputed
    assert again == LearnedRanking(params={}).fit(tasks[:1]).params
    # another task over other documents is not served from the cache
    other = Task("t", tuple(docs[1:]), ref, ("rocket", "embassy"))
    LearnedRanking(params={}).fit([other], cache=cache)
    assert len(cache) == 3



def test_length_penalty_prefers_the_shorter_of_two_close_candidates() -> None:
    long_ = ("Rebels said on [2020-03-03] that the rebels had taken the airport after the rebels "
             "fought the army near the airport for most of the week, rebels and army officers said.")
    short = "Rebels took the airport on [2020-03-03]."
    docs = [_doc("a", "2020-03-04", long_), _doc("b", "2020-03-04", short)]
    # a trained scorer rewarding length, 0.05 x log(1 + words): the long one wins without the prior
    scorer = {"features": ["words"], "mean": [0.0], "scale": [1.0], "coef": [0.05], "intercept": 0.0}
    params = {"sentence_scorer": scorer}

    def quoted(**kw: float) -> str:
        tl = LearnedRanking(params=params, **kw).build(docs, dates=1, per_date=1)
        return tl.entries[0].sentences[0].text

    assert quoted(length_penalty=0.0) == long_
    assert quoted(length_penalty=0.06) == short  # default: log(1 + words) prior
    assert LearnedRanking(params=params).length_penalty == 0.06
    # without a trained scorer (centroid fallback, other units) no penalty applies
    plain = LearnedRanking(params={}, length_penalty=0.0).build(docs, dates=1, per_date=1)
    assert LearnedRanking(params={}, length_penalty=1.0).build(docs, dates=1, per_date=1) == plain


def test_further_quotes_of_a_day_cover_what_its_articles_say() -> None:
    day = "2011-03-03"
    lead = (f"Rebels took the airport of Misrata on [{day}] after days of heavy fighting with the army, "
            "witnesses in the city said.")
    aside = (f"Oil prices rose sharply in London trading on [{day}] as traders worried about "
             "supplies from the region.")
    docs = [_doc("a", "2011-03-04", lead, aside),
            _doc("b", "2011-03-04", f"NATO jets bombed tanks near Brega on [{day}]."),
            _doc("c", "2011-03-04", f"NATO jets bombed army tanks near Brega on [{day}], officials said."),
            _doc("d", "2011-03-05", f"Tanks near Brega were bombed by NATO jets on [{day}].")]
    # a scorer that only likes length: the aside outscores the shorter NATO sentences
    scorer = {"features": ["words"], "mean": [0.0], "scale": [1.0], "coef": [0.01], "intercept": 0.0}

    def quoted(**kw: float) -> list[str]:
        m = LearnedRanking(params={"sentence_scorer": scorer}, length_penalty=0.0, **kw)
        return [q.text for q in m.build(docs, dates=1, per_date=2).entries[0].sentences]

    assert quoted(coverage=0.0) == [lead, aside]  # by score alone
    first, second = quoted()  # default: the second quote rounds out the day (three NATO reports)
    assert first == lead and "NATO" in second
    assert LearnedRanking(params={}).coverage == 2.0
    assert quoted(coverage=50.0)[0] == lead  # the first quote is always the best-scored one


def test_days_lost_to_the_redundancy_cut_are_replaced_beyond_the_spares() -> None:
    # the two busiest days quote the same sentence: the second is cut as a near-duplicate, and
    # with no spare days the timeline still gets its two dates from further down the ranking
    same = "Troops shelled the old city of Homs for the whole day on [{}]."
    docs = [
        _doc("a1", "2012-02-05", same.format("2012-02-03"), same.format("2012-02-03")),
        _doc("a2", "2012-02-05", same.format("2012-02-03"), same.format("2012-02-04")),
        _doc("a3", "2012-02-06", same.format("2012-02-04"), same.format("2012-02-04")),
        _doc("a4", "2012-02-08", "The Security Council vote on a resolution failed on [2012-02-01]."),
    ]
    m = LearnedRanking(params={}, spare_dates=0)
    assert set(m.rank_dates(docs)[:2]) == {date(2012, 2, 3), date(2012, 2, 4)}
    days = [e.date for e in m.build(docs, dates=2, per_date=1).entries]
    assert len(days) == 2 and date(2012, 2, 1) in days


def test_days_with_the_same_primary_count_are_ordered_by_the_linear_ranker() -> None:
    """The primary feature decides; the weight vector only orders the days it leaves tied."""
    docs = [_doc("a", "2020-01-10", "On [2020-01-02] talks began.", "Talks on [2020-01-02] stalled.",
                 "By [2020-01-02] they had ended."),
            _doc("b", "2020-01-10", "Leaders met on [2020-01-03].", "A vote came on [2020-01-04].",
                 "The [2020-01-04] vote passed."),
            _doc("c", "2020-01-10", "The [2020-01-03] meeting was brief.", "The [2020-01-04] vote was close.")]
    # Jan 2: 3 sentences in 1 article; Jan 3: 2 in 2; Jan 4: 3 in 2
    feats = list(DATE_FEATURES)
    coef = [0.0] * len(feats)
    coef[feats.index("sents_total")] = 1.0
    ranker = {"features": feats, "coef": coef}
    linear = LearnedRanking(params={"date_ranker": ranker}).rank_dates(docs)
    primary = LearnedRanking(params={"date_ranker": {**ranker, "primary": "docs_total"}}).rank_dates(docs)
    jan = [date(2020, 1, d) for d in (2, 3, 4)]
    assert linear[:3] == [jan[2], jan[0], jan[1]]  # Jan 4 and 2 tie on sentences: nearer first
    assert primary[:3] == [jan[2], jan[1], jan[0]]  # Jan 4 and 3 tie on articles: sentences decide


def test_stale_parameters_fail_with_a_clear_message() -> None:
    art = Article("a1", date(2020, 1, 2), "x")
    docs = [Document(art, (
        Sentence("a1", 0, "Rebels took the port on Tuesday.", (Mention("Tuesday", 24, 31, "2019-12-31", "day"),)),
    ))]
    stale = {"date_ranker": {"features": ["sents_total", "no_such_feature"], "coef": [1.0, 0.5]}}
    with pytest.raises(ValueError, match="unknown date feature 'no_such_feature'.*train_params"):
        LearnedRanking(params=stale).scored_dates(docs)


def test_a_querys_words_are_whole_words_for_the_quotes() -> None:
    """With a query and no keywords, a sentence quotes the query's word, not a word containing it
    ("Assad" is not in "ambassador"); keywords given as such stay substrings, as in news-tls."""
    from dateline.model import Article

    def doc(aid: str, text: str, day: str) -> Document:
        start = text.index("Tuesday")
        s = Sentence(aid, 0, text, (Mention("Tuesday", start, start + 7, day, "day"),))
        return Document(Article(aid, date(2011, 5, 4), f"Assad. {text}"), (s,))

    docs = [doc("a", "The French ambassador was recalled from Damascus on Tuesday.", "2011-05-03"),
            doc("b", "President Assad addressed parliament on Tuesday in Damascus.", "2011-04-26")]
    quoted = [q.text for e in LearnedRanking().build(docs, dates=2, query="Assad").entries for q in e.sentences]
    assert quoted == ["President Assad addressed parliament on Tuesday in Damascus."]
    kw = [q.text for e in LearnedRanking().build(docs, dates=2, keywords=["assad"]).entries for q in e.sentences]
    assert len(kw) == 2
