"""The archive: analysed articles in an embedded SQLite file with an FTS5 full-text index.

>>> from dateline.store import Archive   # doctest: +SKIP
>>> with Archive("archive.db") as archive:                       # doctest: +SKIP
...     archive.ingest(articles)                                  # analyse + store, once
...     hits = archive.search("oil spill", limit=10)              # ranked articles
...     docs = archive.retrieve("oil spill")                      # a story's documents
"""

from __future__ import annotations

from dateline.store.archive import (
    DEFAULT_BATCH,
    RETRIEVE_LIMIT,
    RETRIEVE_MIN_RELATIVE_SCORE,
    Archive,
    IngestResult,
    SearchHit,
)

__all__ = [
    "DEFAULT_BATCH",
    "RETRIEVE_LIMIT",
    "RETRIEVE_MIN_RELATIVE_SCORE",
    "Archive",
    "IngestResult",
    "SearchHit",
]
