"""The contract every timeline method follows, and the registry that names them.

A method is a small estimator in the scikit-learn sense::

    method = get_method("datewise")
    method.fit(training_tasks)          # no-op for unsupervised methods; returns self
    timeline = method.build(documents, dates=10, per_date=2, query="embassy")

``build`` receives analysed documents (:class:`dateline.model.Document`, sentences with resolved
time mentions) and must return a :class:`dateline.model.Timeline` with at most ``dates`` entries
and at most ``per_date`` quotes each, every quote carrying its article id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, runtime_checkable

from dateline.model import Document, Timeline


@dataclass(frozen=True)
class Task:
    """One supervised example: a topic's documents and one reference timeline for it."""

    topic: str
    documents: tuple[Document, ...]
    reference: Timeline
    keywords: tuple[str, ...] = ()
    query: str | None = None
    start: date | None = None
    end: date | None = None
    extra: dict = field(default_factory=dict)


@runtime_checkable
class Method(Protocol):
    """What a timeline method provides."""

    name: str

    def fit(self, tasks: Sequence[Task]) -> "Method":
        """Learn from reference timelines (leave-one-topic-out is the caller's job).

        A method may also accept ``fit(tasks, cache=dict)``: a dict the caller owns and passes to
        every fit of one evaluation, where the method keeps per-task training data so that the
        folds do not recompute it (``learned-ranking`` does; the protocol detects the keyword).
        The fitted parameters must be the same with or without it.
        """
        ...

    def build(
        self,
        documents: Sequence[Document],
        *,
        dates: int = 10,
        per_date: int = 1,
        query: str | None = None,
        keywords: Sequence[str] = (),
        start: date | None = None,
        end: date | None = None,
    ) -> Timeline:
        """Select up to ``dates`` dates and summarise each with up to ``per_date`` sentences."""
        ...


# Name -> "module:factory". A constant table (no import-time registration state); add a line
# here when a method lands.
METHODS: dict[str, str] = {
    "datewise": "dateline.tls.datewise:Datewise",
    "learned-datewise": "dateline.tls.learned:LearnedDatewise",
    "clust": "dateline.tls.clust:Clust",
    "learned-ranking": "dateline.tls.ranking:LearnedRanking",
}


def method_names() -> list[str]:
    """Names of all available methods."""
    return sorted(METHODS)


def get_method(name: str, **params: object) -> Method:
    """A fresh instance of the method called ``name``, constructed with ``params``.

    Raises ``KeyError`` naming the known methods when ``name`` is unknown.
    """
    import importlib

    try:
        target = METHODS[name]
    except KeyError:
        raise KeyError(f"unknown method {name!r}; known: {', '.join(method_names())}") from None
    module, _, attr = target.partition(":")
    factory: Callable[..., Method] = getattr(importlib.import_module(module), attr)
    return factory(**params)
