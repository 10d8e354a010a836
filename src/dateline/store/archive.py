"""The archive: an embedded SQLite file of analysed articles with a full-text index.

Articles are analysed once, at ingest (:func:`dateline.pipeline.analyze`); search, retrieval and
timeline building then read sentences and time mentions back from the store.

>>> import tempfile, os
>>> from datetime import date
>>> from dateline.model import Article, Document, Sentence, Mention
>>> art = Article("a1", date(2019, 12, 31), "Protesters stormed the embassy on Tuesday.")
>>> doc = Document(art, (Sentence("a1", 0, art.text, (Mention("Tuesday", 34, 41, "2019-12-31"),), 0, 42),))
>>> path = os.path.join(tempfile.mkdtemp(), "archive.db")
>>> with Archive(path) as archive:
...     archive.add_documents([doc]), archive.add_documents([doc])
...     [h.id for h in archive.search("embassy")]
...     archive.documents(["a1"]) == [doc]
(IngestResult(added=1, skipped=0, renamed=0), IngestResult(added=0, skipped=1, renamed=0))
['a1']
True
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from urllib.parse import quote

from dateline.errors import DatelineError
from dateline.model import Article, Document, Mention, Sentence
from dateline.store import schema
from dateline.store.query import fts_query

DEFAULT_BATCH = 200
# SQLite caps bound parameters per statement; IN lists are sent in chunks of this size
_CHUNK = 500
# bm25 column weights: a query term in the title counts five times one in the text
_BM25 = "bm25(articles_fts, 5.0, 1.0)"
_SNIPPET = "snippet(articles_fts, 1, char(2), char(3), '…', 24)"

# Story retrieval (see Archive.retrieve): keep articles scoring at least this share of the best
# hit's bm25 relevance, at most RETRIEVE_LIMIT of them. Chosen on Timeline17 (all 9 topics in one
# archive, each topic's own query): mean precision 0.83 / recall 0.89, against 0.63 / 0.90 for a
# 0.25 share and a 1000 cap (benchmarks/bench_store.py prints the per-topic table).
RETRIEVE_LIMIT = 1500
RETRIEVE_MIN_RELATIVE_SCORE = 0.5


@dataclass(frozen=True, slots=True)
class IngestResult:
    """Counts of one ingest: articles stored, skipped as already present, stored under a new id."""

    added: int = 0
    skipped: int = 0
    renamed: int = 0

    def __add__(self, other: "IngestResult") -> "IngestResult":
        return IngestResult(self.added + other.added, self.skipped + other.skipped, self.renamed + other.renamed)

    @property
    def seen(self) -> int:
        """Articles offered to the archive (added + skipped)."""
        return self.added + self.skipped


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article matching a search, best first. ``score`` is bm25 relevance (higher is better).

    ``snippet`` is a short plain-text excerpt; ``highlights`` are ``(start, end)`` spans of the
    matched terms in it.
    """

    id: str
    published: date
    title: str | None
    source: str | None
    url: str | None
    score: float
    snippet: str = ""
    highlights: tuple[tuple[int, int], ...] = ()


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Strip the \\x02/\\x03 markers of an FTS5 snippet, returning the text and the marked spans."""
    from dateline.text import detokenize

    text = detokenize(snippet)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    start = -1
    n = 0
    for ch in text:
        if ch == "\x02":
            start = n
        elif ch == "\x03":
            if start >= 0 and n > start:
                spans.append((start, n))
            start = -1
        else:
            out.append(ch)
            n += 1
    return "".join(out), tuple(spans)


class Archive:
    """An archive file. ``Archive(path)`` creates it if needed; ``create=False`` requires it to exist,
    ``readonly=True`` opens it read-only (the web server does). Use it as a context manager.
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True, readonly: bool = False) -> None:
        self.path = str(path)
        p = Path(self.path)
        if (readonly or not create) and not p.is_file():
            raise DatelineError(f"no archive at {self.path} (create one with: dateline ingest INPUT... --store {self.path})")
        if p.is_dir():
            raise DatelineError(f"{self.path} is a folder, not an archive file")
        if readonly:
            uri = f"file:{quote(str(p.resolve()))}?mode=ro"
            self._conn = self._connect(uri, uri=True)
        else:
            if not p.parent.is_dir():
                raise DatelineError(f"cannot create {self.path}: folder {p.parent} does not exist")
            self._conn = self._connect(self.path)
        try:
            self._conn.execute("PRAGMA foreign_keys=ON")
            if not readonly and self._is_empty():
                schema.create(self._conn)
            schema.verify(self._conn, self.path)
            if not readonly:
                self._conn.execute("PRAGMA synchronous=NORMAL")
        except BaseException:
            self._conn.close()
            raise
        self.readonly = readonly

    def _connect(self, target: str, uri: bool = False) -> sqlite3.Connection:
        try:
            # autocommit mode: transactions are explicit (BEGIN IMMEDIATE ... COMMIT) per batch
            conn = sqlite3.connect(target, uri=uri, isolation_level=None, timeout=30.0,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise DatelineError(f"cannot open archive {self.path}: {exc}") from None
        return conn

    def _is_empty(self) -> bool:
        try:
            return self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        except sqlite3.DatabaseError as exc:
            raise DatelineError(f"{self.path} is not a dateline archive ({exc})") from None

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def stats(self) -> dict[str, object]:
        """Counts and the published-date range: ``{"articles", "sentences", "mentions", "first", "last"}``."""
        c = self._conn
        first, last = c.execute("SELECT min(published), max(published) FROM articles").fetchone()
        return {
            "articles": len(self),
            "sentences": c.execute("SELECT count(*) FROM sentences").fetchone()[0],
            "mentions": c.execute("SELECT count(*) FROM mentions").fetchone()[0],
            "first": first,
            "last": last,
        }

    # -- writing -----------------------------------------------------------------------------
    def ingest(
        self,
        articles: Iterable[Article],
        *,
        batch: int = DEFAULT_BATCH,
        analyze: Callable[[Article], Document] | None = None,
        progress: Callable[[IngestResult], None] | None = None,
    ) -> IngestResult:
        """Analyse and store ``articles``; each batch of ``batch`` articles commits atomically.

        Articles already in the archive (same :attr:`Article.content_hash`) are skipped *before*
        analysis, so re-ingesting costs little. ``progress`` is called with the running totals
        after every batch. Returns the totals.
        """
        if analyze is None:
            from dateline.pipeline import analyze
        total = IngestResult()
        it = iter(articles)
        while chunk := list(islice(it, max(1, batch))):
            known = self._known_hashes([a.content_hash for a in chunk])
            fresh: list[Article] = []
            skipped = 0
            for a in chunk:
                h = a.content_hash
                if h in known:
                    skipped += 1
                else:
                    known.add(h)
                    fresh.append(a)
            result = self._write([analyze(a) for a in fresh])
            total = total + IngestResult(result.added, result.skipped + skipped, result.renamed)
            if progress is not None:
                progress(total)
        return total

    def add_documents(
        self,
        documents: Iterable[Document],
        *,
        batch: int = DEFAULT_BATCH,
        progress: Callable[[IngestResult], None] | None = None,
    ) -> IngestResult:
        """Store already-analysed documents (e.g. from the Dask path's Parquet shards).

        Same rules as :meth:`ingest`: one transaction per batch, known content hashes skipped.
        """
        total = IngestResult()
        it = iter(documents)
        while chunk := list(islice(it, max(1, batch))):
            total = total + self._write(chunk)
            if progress is not None:
                progress(total)
        return total

    def _known_hashes(self, hashes: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for part in _chunks(list(hashes)):
            q = f"SELECT content_hash FROM articles WHERE content_hash IN ({','.join('?' * len(part))})"
            found.update(r[0] for r in self._conn.execute(q, part))
        return found

    def _free_id(self, article: Article) -> str:
        """``article.id``, or, when another article holds that id, ``id#<hash prefix>``."""
        c = self._conn
        candidate = article.id
        digest = article.content_hash
        n = 8
        while c.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
            candidate = f"{article.id}#{digest[:n]}"
            n += 4
        return candidate

    def _write(self, documents: Sequence[Document]) -> IngestResult:
        if self.readonly:
            raise DatelineError(f"archive {self.path} is open read-only")
        if not documents:
            return IngestResult()
        c = self._conn
        added = skipped = renamed = 0
        c.execute("BEGIN IMMEDIATE")
        try:
            for doc in documents:
                a = doc.article
                h = a.content_hash
                if c.execute("SELECT 1 FROM articles WHERE content_hash = ?", (h,)).fetchone():
                    skipped += 1
                    continue
                new_id = self._free_id(a)
                if new_id != a.id:
                    renamed += 1
                cur = c.execute(
                    "INSERT INTO articles (id, content_hash, published, title, source, url, text)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (new_id, h, a.published.isoformat(), a.title, a.source, a.url, a.text),
                )
                pk = cur.lastrowid
                c.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (pk, a.title or "", a.text))
                c.executemany(
                    "INSERT INTO sentences (article, idx, text, start, end) VALUES (?, ?, ?, ?, ?)",
                    [(pk, s.index, s.text, s.start, s.end) for s in doc.sentences],
                )
                c.executemany(
                    "INSERT INTO mentions (article, sentence, start, end, text, value, granularity, type, mod)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (pk, s.index, m.start, m.end, m.text, m.value, m.granularity, m.type, m.mod)
                        for s in doc.sentences
                        for m in s.mentions
                    ],
                )
                added += 1
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return IngestResult(added, skipped, renamed)

    # -- reading -----------------------------------------------------------------------------
    def _match(self, query: str, mode: str, start: date | None, end: date | None, limit: int,
               snippets: bool) -> list[tuple]:
        expr = fts_query(query, mode)
        if expr is None:
            return []
        cols = f"a.pk, a.id, a.published, a.title, a.source, a.url, -{_BM25}"
        if snippets:
            cols += f", {_SNIPPET}"
        sql = [f"SELECT {cols} FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid",
               "WHERE articles_fts MATCH ?"]
        params: list[object] = [expr]
        if start is not None:
            sql.append("AND a.published >= ?")
            params.append(start.isoformat())
        if end is not None:
            sql.append("AND a.published <= ?")
            params.append(end.isoformat())
        sql.append(f"ORDER BY {_BM25}, a.published, a.pk LIMIT ?")
        params.append(max(0, int(limit)))
        return self._conn.execute(" ".join(sql), params).fetchall()

    def search(self, query: str, limit: int = 20, start: date | None = None,
               end: date | None = None) -> list[SearchHit]:
        """Articles matching ``query``, best (bm25) first, published within ``[start, end]``.

        All query terms must match; when no article has them all, articles with any of them are
        returned instead. Terms are stemmed (Porter): ``bombing`` finds ``bombs``.
        """
        rows = self._match(query, "and", start, end, limit, snippets=True)
        if not rows:
            rows = self._match(query, "or", start, end, limit, snippets=True)
        hits = []
        for _pk, id_, pub, title, source, url, score, snip in rows:
            text, spans = _marks(snip or "")
            hits.append(SearchHit(id_, date.fromisoformat(pub), title, source, url, float(f"{score:.6g}"), text, spans))
        return hits

    def retrieve(self, query: str | None, start: date | None = None, end: date | None = None,
                 limit: int = RETRIEVE_LIMIT) -> list[Document]:
        """The documents of a story, for building its timeline.

        Cut-off: articles matching any query term are ranked by bm25 (title terms weigh 5×);
        those scoring at least :data:`RETRIEVE_MIN_RELATIVE_SCORE` (half) of the best hit's score
        are kept, at most ``limit`` of them. A relative cut-off adapts to the query: a specific
        query ("BP oil spill") keeps a large story whole, a vague one keeps only its best matches. ``start`` drops articles published before it (they cannot report what had not
        happened yet); ``end`` is left to the timeline method, since later articles often look
        back on the period. Without a query, the ``limit`` earliest articles from ``start`` on.
        Documents come back in publication order.
        """
        if query and fts_query(query) is not None:
            rows = self._match(query, "or", start, None, limit, snippets=False)
            if not rows:
                return []
            best = rows[0][6]
            keep = [r[0] for r in rows if r[6] >= best * RETRIEVE_MIN_RELATIVE_SCORE]
        else:
            sql = "SELECT pk FROM articles WHERE published >= ? ORDER BY published, pk LIMIT ?"
            keep = [r[0] for r in self._conn.execute(sql, ((start or date.min).isoformat(), max(0, int(limit))))]
        return self._documents_by_pk(keep)

    def documents(self, ids: Iterable[str]) -> list[Document]:
        """The stored documents with these article ids (unknown ids are left out), in the order given."""
        ids = list(dict.fromkeys(ids))
        pk_of: dict[str, int] = {}
        for part in _chunks(ids):
            q = f"SELECT id, pk FROM articles WHERE id IN ({','.join('?' * len(part))})"
            pk_of.update(self._conn.execute(q, part).fetchall())
        docs = {d.id: d for d in self._documents_by_pk(list(pk_of.values()))}
        return [docs[i] for i in ids if i in docs]

    def document(self, article_id: str) -> Document | None:
        """One stored document, or ``None``."""
        found = self.documents([article_id])
        return found[0] if found else None

    def _documents_by_pk(self, pks: Sequence[int]) -> list[Document]:
        """Rebuild documents (no re-tagging) for these primary keys, ordered by publication date."""
        c = self._conn
        articles: dict[int, Article] = {}
        sentences: dict[int, list[tuple]] = {}
        mentions: dict[tuple[int, int], list[Mention]] = {}
        for part in _chunks(list(pks)):
            marks = ",".join("?" * len(part))
            for pk, id_, pub, title, source, url, text in c.execute(
                f"SELECT pk, id, published, title, source, url, text FROM articles WHERE pk IN ({marks})", part
            ):
                articles[pk] = Article(id_, date.fromisoformat(pub), text, title, source, url)
            for pk, sent, start, end, text, value, gran, typ, mod in c.execute(
                "SELECT article, sentence, start, end, text, value, granularity, type, mod FROM mentions"
                f" WHERE article IN ({marks}) ORDER BY article, sentence, start, rowid", part
            ):
                mentions.setdefault((pk, sent), []).append(Mention(text, start, end, value, gran, typ, mod))
            for row in c.execute(
                f"SELECT article, idx, text, start, end FROM sentences WHERE article IN ({marks})"
                " ORDER BY article, idx", part
            ):
                sentences.setdefault(row[0], []).append(row)
        docs = []
        for pk, art in articles.items():
            sents = tuple(
                Sentence(art.id, idx, text, tuple(mentions.get((pk, idx), ())), start, end)
                for _pk, idx, text, start, end in sentences.get(pk, ())
            )
            docs.append((art.published, pk, Document(art, sents)))
        docs.sort(key=lambda t: (t[0], t[1]))
        return [d for _, _, d in docs]

