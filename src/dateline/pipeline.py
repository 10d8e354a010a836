"""The per-article stage: text normalisation, sentence splitting and temporal tagging.

:func:`analyze` is a pure function of one :class:`~dateline.model.Article`; the single-process
CLI, the SQLite store and the Dask path all call it, so there is one implementation.

>>> from datetime import date
>>> from dateline.model import Article
>>> doc = analyze(Article("a1", date(2019, 12, 31), "A rocket hit the base last Friday. Nobody was hurt."))
>>> [s.text for s in doc.sentences]
['A rocket hit the base last Friday.', 'Nobody was hurt.']
>>> doc.sentences[0].mentions[0].value
'2019-12-27'
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

from dateline.model import Article, Document, Mention, Sentence
from dateline.text import detokenize, split_sentences
from dateline.timex import tag


def analyze(article: Article) -> Document:
    """Split ``article`` into sentences and resolve every time expression against its date.

    Tagging runs over the whole (detokenised) text so that anaphoric expressions ("two days
    later") can anchor on dates mentioned in earlier sentences; each mention is then attached to
    the sentence that contains it, with offsets relative to that sentence's text.
    """
    text = detokenize(article.text)
    spans = split_sentences(text)
    mentions = tag(text, article.published)
    starts = [s for s, _ in spans]
    per_sentence: list[list[Mention]] = [[] for _ in spans]
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0:
            continue
        s, e = spans[i]
        if m.end > e:  # crosses a sentence boundary (a splitter error): no sentence can hold it
            continue
        per_sentence[i].append(
            Mention(m.text, m.start - s, m.end - s, m.value, m.granularity, m.type, m.mod)
        )
    sentences = tuple(
        Sentence(article.id, i, text[s:e], tuple(ms), s, e)
        for i, ((s, e), ms) in enumerate(zip(spans, per_sentence))
    )
    return Document(article, sentences)


def analyze_all(articles: Iterable[Article]) -> Iterator[Document]:
    """:func:`analyze` over a stream of articles."""
    for article in articles:
        yield analyze(article)
