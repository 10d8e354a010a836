"""The one data model of dateline: articles in, timelines out.

Every stage of the pipeline speaks these frozen dataclasses::

    Article ──► Sentence(mentions=(Mention, ...)) ──► Timeline(entries=(Entry(quotes), ...))

They are immutable and hashable so they can be cached, shipped to Dask workers and compared in tests.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Granularity = Literal["day", "week", "month", "quarter", "season", "year", "decade", "century", "other"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

GRANULARITIES: tuple[str, ...] = (
    "day",
    "week",
    "month",
    "quarter",
    "season",
    "year",
    "decade",
    "century",
    "other",
)


@dataclass(frozen=True, slots=True)
class Article:
    """A dated news article.

    ``published`` is the document creation time against which relative expressions resolve.
    """

    id: str
    published: date
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        """A stable SHA-256 of what makes the article itself (date, title, text)."""
        h = hashlib.sha256()
        for part in (self.published.isoformat(), self.title or "", self.text):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Mention:
    """A time expression found in a text and resolved to a TIMEX3-style value.

    ``start``/``end`` are character offsets into the text that was tagged (for a
    :class:`Sentence`, offsets into ``Sentence.text``). ``value`` is e.g. ``2019-12-27``,
    ``2019-12``, ``2014``, ``2010-W21``, ``2019-12-31TNI``, ``PRESENT_REF`` or ``P3D``.
    """

    text: str
    start: int
    end: int
    value: str
    granularity: str = "day"
    type: str = "DATE"
    mod: str | None = None

    @property
    def day(self) -> date | None:
        """The calendar day this mention points to, if it is a (possibly timed) DATE of day granularity."""
        if self.type not in ("DATE", "TIME") or self.granularity != "day":
            return None
        v = self.value
        if len(v) < 10 or v[4] != "-" or v[7] != "-":
            return None
        try:
            return date(int(v[0:4]), int(v[5:7]), int(v[8:10]))
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article, with the time expressions it contains.

    ``start``/``end`` locate the sentence in the article's (normalised) text; ``text`` is the
    display form (PTB tokenisation undone).
    """

    article_id: str
    index: int
    text: str
    mentions: tuple[Mention, ...] = ()
    start: int = 0
    end: int = 0

    @property
    def days(self) -> tuple[date, ...]:
        """Distinct day-level dates this sentence mentions, in order of appearance."""
        seen: list[date] = []
        for m in self.mentions:
            d = m.day
            if d is not None and d not in seen:
                seen.append(d)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Document:
    """An article after analysis: its sentences with resolved time mentions.

    This is what the per-article stage (:func:`dateline.pipeline.analyze`) produces and what
    timeline methods, the store and the Dask path consume.
    """

    article: Article
    sentences: tuple[Sentence, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def published(self) -> date:
        return self.article.published


@dataclass(frozen=True, slots=True)
class Quote:
    """A sentence as it appears in a timeline, with the article it came from."""

    text: str
    article_id: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One date of a timeline and what happened on it."""

    date: date
    sentences: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Timeline:
    """A dated, sourced timeline; ``entries`` are sorted by date ascending."""

    entries: tuple[Entry, ...] = ()
    query: str | None = None
    method: str | None = None
    meta: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.entries, key=lambda e: e.date))
        if ordered != self.entries:
            object.__setattr__(self, "entries", ordered)

    @property
    def dates(self) -> tuple[date, ...]:
        return tuple(e.date for e in self.entries)

    def __len__(self) -> int:
        return len(self.entries)
