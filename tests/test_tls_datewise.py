"""The ``datewise`` method on small hand-made documents and, once the tagger exists, on the seeds."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import SEEDS
from dateline.model import Article, Document, Entry, Mention, Quote, Sentence, Timeline
from dateline.tls.base import Task, get_method, method_names
from dateline.tls.datewise import Datewise

_DAY = re.compile(r"\[(\d{4})-(\d\d)-(\d\d)\]")


def _doc(aid: str, published: str, *sentences: str, source: str = "wire") -> Document:
    """An analysed document from sentences whose day mentions are written ``[YYYY-MM-DD]``."""
    sents = []
    for i, text in enumerate(sentences):
        mentions = tuple(
            Mention(m.group(0), m.start(), m.end(), f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "day")
            for m in _DAY.finditer(text)
        )
        sents.append(Sentence(aid, i, text, mentions))
    art = Article(aid, date.fromisoformat(published), " ".join(sentences), title=f"T {aid}",
                  source=source, url=f"https://example.org/{aid}")
    return Document(art, tuple(sents))


@pytest.fixture
def docs() -> list[Document]:
    return [
        _doc("a1", "2020-01-01",
             "Militiamen stormed the embassy compound on [2019-12-31].",
             "The embassy compound was stormed by militiamen on [2019-12-31] after the strikes.",
             "Airstrikes hit militia bases on [2019-12-29].",
             "Weather was mild."),
        _doc("a2", "2019-12-31",
             "Protesters stormed the embassy in Baghdad.",
             "The airstrikes on [2019-12-29] killed 25 fighters of the militia.",
             "A rocket attack on [2019-12-27] killed a contractor near Kirkuk."),
        _doc("a3", "2019-12-30",
             "The rocket attack of [2019-12-27] was blamed on the militia.",
             "American airstrikes on [2019-12-29] answered the rocket attack."),
        _doc("b1", "2019-12-20", "Markets were calm on [2019-12-20]."),
    ]


def test_registered() -> None:
    assert "datewise" in method_names()
    assert isinstance(get_method("datewise"), Datewise)


def test_dates_ranked_by_mentions(docs: list[Document]) -> None:
    tl = Datewise(ranker="mentions").build(docs, dates=3, per_date=1)
    assert isinstance(tl, Timeline)
    assert tl.dates == (date(2019, 12, 27), date(2019, 12, 29), date(2019, 12, 31))
    assert tl.method == "datewise"


def test_each_sentence_is_about_its_date_and_sourced(docs: list[Document]) -> None:
    tl = Datewise(ranker="mentions").build(docs, dates=4, per_date=2)
    by_id = {d.id: d for d in docs}
    for e in tl.entries:
        assert 1 <= len(e.sentences) <= 2
        for q in e.sentences:
            art = by_id[q.article_id].article
            assert (q.published, q.source, q.url, q.title) == (art.published, art.source, art.url, art.title)
            about_day = f"[{e.date.isoformat()}]" in q.text
            published_then = 0 <= (q.published - e.date).days <= 1
            assert about_day or published_then
    rocket = tl.entries[tl.dates.index(date(2019, 12, 27))]
    assert all("rocket" in q.text for q in rocket.sentences)


def test_undated_lead_sentence_serves_its_publication_day() -> None:
    d = [_doc("x", "2019-12-31", "Protesters stormed the embassy in Baghdad."),
         _doc("y", "2020-01-02", "Talks resumed on [2019-12-31] in Baghdad.")]
    tl = Datewise(ranker="mentions").build(d, dates=1, per_date=2)
    assert tl.dates == (date(2019, 12, 31),)
    texts = {q.text for q in tl.entries[0].sentences}
    assert "Protesters stormed the embassy in Baghdad." in texts


def test_limits_filters_and_determinism(docs: list[Document]) -> None:
    m = Datewise(ranker="mentions")
    tl = m.build(docs, dates=2, per_date=1)
    assert len(tl) == 2 and all(len(e.sentences) == 1 for e in tl.entries)
    assert m.build(list(reversed(docs)), dates=2, per_date=1) == tl
    only = m.build(docs, dates=5, per_date=1, start=date(2019, 12, 28), end=date(2019, 12, 30))
    assert only.dates == (date(2019, 12, 29),)
    kw = m.build(docs, dates=5, per_date=1, keywords=["rocket"])
    assert kw.dates and all("rocket" in q.text.lower() for e in kw.entries for q in e.sentences)
    q = m.build(docs, dates=5, per_date=1, query="markets")
    assert q.dates == (date(2019, 12, 20),)
    assert m.build(docs, dates=0).entries == ()
    assert m.build([], dates=3).entries == ()


def test_redundancy_cut_drops_near_duplicates() -> None:
    d = [_doc("a", "2020-01-01", "Troops left the city on [2019-12-31]."),
         _doc("b", "2020-01-01", "Troops left the city on [2019-12-31]."),
         _doc("c", "2020-01-02", "The parliament met on [2019-12-31] to vote on the troops.")]
    tl = Datewise(ranker="mentions").build(d, dates=1, per_date=2)
    texts = [q.text for q in tl.entries[0].sentences]
    assert len(texts) == 2 and len(set(texts)) == 2


def test_quotes_as_news_tls_unless_quote_rules_are_asked_for() -> None:
    # a reader comment by its stamp line and a wire header glued to the lead
    comment = "At 10:42 am on 28 May 2010, wardycatt wrote: the embassy siege on [2019-12-31] shamed us."
    header = "Tue Dec 31, 2019 9:40 am EST (Reuters) - Militiamen besieged the embassy on [2019-12-31]."
    d = [_doc("a", "2020-01-01", comment), _doc("b", "2020-01-01", header)]
    faithful = Datewise(ranker="mentions").build(d, dates=1, per_date=2)
    assert {q.text for q in faithful.entries[0].sentences} == {comment, header}
    ruled = Datewise(ranker="mentions", quote_rules=True).build(d, dates=1, per_date=2)
    assert [q.text for q in ruled.entries[0].sentences] == [
        "Militiamen besieged the embassy on [2019-12-31]."]


def test_fit_learns_a_ranker_that_is_used(docs: list[Document]) -> None:
    ref = Timeline((Entry(date(2019, 12, 20), (Quote("x", "b1"),)),))
    m = Datewise(ranker="mentions").fit([Task("t", tuple(docs), ref)])
    assert m.params and len(m.params["coef"]) == len(m.params["features"])
    assert m.rank_dates(docs)  # every mentioned day is ranked
    assert set(m.rank_dates(docs)) == {date(2019, 12, 20), date(2019, 12, 27),
                                       date(2019, 12, 29), date(2019, 12, 31)}


def _seed_documents() -> list[Document]:
    from dateline import pipeline  # needs dateline.text and dateline.timex

    docs = []
    for p in sorted(SEEDS.glob("*.txt")):
        _, _, rest = p.read_text(encoding="utf-8").strip().partition("date ")
        day, _, text = rest.partition(" ")
        docs.append(pipeline.analyze(Article(p.stem, date.fromisoformat(day), text.strip(), source=p.name)))
    return docs


def test_seed_story_events_on_their_own_days() -> None:
    try:
        docs = _seed_documents()
    except ImportError as exc:
        pytest.skip(f"sentence splitter / tagger not available yet: {exc}")
    tl = Datewise().build(docs, dates=4, per_date=2)
    text_of = {e.date: " ".join(q.text for q in e.sentences).lower() for e in tl.entries}
    assert "rocket" in text_of.get(date(2019, 12, 27), "")
    assert "strike" in text_of.get(date(2019, 12, 29), "")
    assert any(w in text_of.get(date(2019, 12, 31), "") for w in ("embassy", "stormed", "marines"))
    assert all(q.article_id and q.source for e in tl.entries for q in e.sentences)


def test_a_query_with_a_name_keeps_only_articles_naming_it() -> None:
    from dateline.tls.common import select_documents

    docs = [_doc("a", "2009-06-26", "Michael Jackson died on Thursday in Los Angeles."),
            _doc("b", "2009-06-26", "Michael Bloomberg spoke in New York on Thursday."),
            _doc("c", "2009-06-27", "Floods hit Jackson, Mississippi on Friday.")]
    assert [d.id for d in select_documents(docs, query="Michael Jackson")] == ["a"]
    # no name in a lower-case query: every term is an alternative, as before
    assert [d.id for d in select_documents(docs, query="michael jackson")] == ["a", "b", "c"]
    # a capitalised first word before lower-case ones is sentence case, not a name: article a
    # names Los Angeles and never mentions floods
    assert [d.id for d in select_documents(docs, query="Floods in Los Angeles")] == ["a"]


def test_a_name_in_a_query_is_a_word_not_part_of_one() -> None:
    from dateline.tls.common import select_documents

    docs = [_doc("a", "2005-06-28", "George Bush rallied Americans on Tuesday."),
            _doc("b", "2005-06-28", "Insurgents ambushed a convoy on Tuesday."),
            _doc("c", "2005-06-29", "The ambassador met Assad's envoy on Wednesday."),
            _doc("d", "2005-06-29", "The ambassador left Damascus on Wednesday.")]
    assert [d.id for d in select_documents(docs, query="George Bush")] == ["a"]
    assert [d.id for d in select_documents(docs, query="Bush")] == ["a"]
    assert [d.id for d in select_documents(docs, query="Assad")] == ["c"]
