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


#: :func:`analyze`'s result in plain values, cheap to send between processes: the display text
#: (``None`` when it is the article's own text), the sentence spans, and per sentence the field
#: values of its :class:`~dateline.model.Mention` objects (offsets relative to the sentence).
Compact = tuple[str | None, list[tuple[int, int]], list[list[tuple]]]


def analyze(article: Article) -> Document:
    """Split ``article`` into sentences and resolve every time expression against its date.

    Tagging runs over the whole (detokenised) text so that anaphoric expressions ("two days
    later") can anchor on dates mentioned in earlier sentences; each mention is then attached to
    the sentence that contains it, with offsets relative to that sentence's text.
    """
    return assemble(article, analyze_compact(article))


def analyze_compact(article: Article) -> Compact:
    """The work of :func:`analyze`, as plain values (see :data:`Compact`).

    ``assemble(article, analyze_compact(article)) == analyze(article)``. Worker processes return
    this instead of the :class:`~dateline.model.Document`: it pickles in a fraction of the time
    and does not send the article back.
    """
    text = detokenize(article.text)
    spans = split_sentences(text)
    mentions = tag(text, article.published)
    starts = [s for s, _ in spans]
    per_sentence: list[list[tuple]] = [[] for _ in spans]
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0:
            continue
        s, e = spans[i]
        if m.end > e:  # crosses a sentence boundary (a splitter error): no sentence can hold it
            continue
        per_sentence[i].append((m.text, m.start - s, m.end - s, m.value, m.granularity, m.type, m.mod))
    return (None if text == article.text else text), spans, per_sentence


def assemble(article: Article, compact: Compact) -> Document:
    """The :class:`~dateline.model.Document` of ``article`` from :func:`analyze_compact`'s values."""
    text, spans, per_sentence = compact
    if text is None:
        text = article.text
    aid = article.id
    return Document(article, tuple(
        Sentence(aid, i, text[s:e], tuple([Mention(*m) for m in ms]) if ms else (), s, e)
        for i, ((s, e), ms) in enumerate(zip(spans, per_sentence))
    ))


def analyze_all(articles: Iterable[Article]) -> Iterator[Document]:
    """:func:`analyze` over a stream of articles."""
    for article in articles:
        yield analyze(article)
