"""Shard files on disk: atomic, idempotent writing; reading documents back; term search.

A dataset folder ``DIR`` holds ``DIR/articles/``, ``DIR/sentences/`` and ``DIR/mentions/``; a
partition named ``part-00007`` writes ``part-00007.parquet`` into each. Files are written under a
hidden temporary name and renamed into place (articles last), so a partition that is retried after
its worker died simply replaces its own shard: no duplicates, no half-written shard.

>>> docs = list(read_documents("out"))                          # doctest: +SKIP
>>> [d.id for d in documents_for_query("out", "oil spill")]     # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Collection, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.model import Article, Document
from dateline.scale._deps import require_pyarrow
from dateline.scale.schema import DATASETS, ShardBuffer, documents_from_tables, schema

_SHARD = re.compile(r"^part-(\d+)\.parquet$")
_TMP = re.compile(r"^\.part-\d+\.[0-9a-f]+\.tmp$")
MANIFEST = "_dateline.json"


class ShardWriter:
    """Writes one partition's three shard files; :meth:`commit` renames them into place.

    >>> w = ShardWriter("out", "part-00000")      # doctest: +SKIP
    >>> w.write(buffer); w.commit()               # doctest: +SKIP
    """

    def __init__(self, out_dir: str | os.PathLike, name: str, compression: str = "zstd") -> None:
        pq = require_pyarrow().parquet
        self.name = name
        token = uuid.uuid4().hex[:12]
        self.final: dict[str, Path] = {}
        self.tmp: dict[str, Path] = {}
        self.writers: dict[str, Any] = {}
        try:
            for ds in DATASETS:
                d = Path(out_dir) / ds
                d.mkdir(parents=True, exist_ok=True)
                self.final[ds] = d / f"{name}.parquet"
                self.tmp[ds] = d / f".{name}.{token}.tmp"
                self.writers[ds] = pq.ParquetWriter(str(self.tmp[ds]), schema(ds), compression=compression)
        except BaseException:
            self.abort()
            raise

    def write(self, buffer: ShardBuffer) -> None:
        """Append the buffered rows as one row group of each file."""
        for ds, table in zip(DATASETS, buffer.tables()):
            self.writers[ds].write_table(table)

    def commit(self) -> dict[str, int]:
        """Close the files and move them into place (mentions, sentences, then articles);
        returns the size in bytes of each shard file."""
        for w in self.writers.values():
            w.close()
        self.writers = {}
        sizes = {}
        for ds in reversed(DATASETS):
            os.replace(self.tmp[ds], self.final[ds])
            sizes[ds] = self.final[ds].stat().st_size
        return sizes

    def abort(self) -> None:
        """Close and delete the temporary files."""
        for w in self.writers.values():
            try:
                w.close()
            except Exception:  # pragma: no cover - best effort on the error path
                pass
        self.writers = {}
        for p in self.tmp.values():
            try:
                p.unlink()
            except FileNotFoundError:
                pass


def shard_names(parquet_dir: str | os.PathLike) -> list[str]:
    """Names (``part-NNNNN``) of the complete shards of a dataset folder, in partition order.

    Raises :class:`DatelineError` when ``parquet_dir`` is not a dateline Parquet dataset.
    """
    root = Path(parquet_dir)
    art = root / "articles"
    if not art.is_dir():
        raise DatelineError(f"{parquet_dir} is not a dateline Parquet dataset (no articles/ folder)")
    found = []
    for p in art.iterdir():
        m = _SHARD.match(p.name)
        if m:
            found.append((int(m.group(1)), p.name[: -len(".parquet")]))
    names = [n for _, n in sorted(found)]
    for n in names:
        for ds in DATASETS[1:]:
            if not (root / ds / f"{n}.parquet").is_file():
                raise DatelineError(f"{parquet_dir}: shard {n} has articles but no {ds} file (an interrupted write?)")
    return names


def clear_dataset(parquet_dir: str | os.PathLike, *, stale_only: bool = False) -> int:
    """Delete dateline shard files (or, with ``stale_only``, only leftover temporary files) from a
    dataset folder; nothing else is touched. Returns the number of files deleted."""
    root = Path(parquet_dir)
    n = 0
    for ds in DATASETS:
        d = root / ds
        if not d.is_dir():
            continue
        for p in d.iterdir():
            if _TMP.match(p.name) or (not stale_only and _SHARD.match(p.name)):
                p.unlink()
                n += 1
    if not stale_only and (root / MANIFEST).exists():
        (root / MANIFEST).unlink()
    return n


def _read(root: Path, ds: str, name: str, columns: list[str] | None = None) -> Any:
    pq = require_pyarrow().parquet
    return pq.read_table(str(root / ds / f"{name}.parquet"), columns=columns)


def _filter_ids(table: Any, column: str, ids: Any) -> Any:
    pc = require_pyarrow().compute
    return table.filter(pc.is_in(table[column], value_set=ids))


def _shard_documents(root: Path, name: str, ids: Any | None = None, rows: Any | None = None) -> Iterator[Document]:
    """Documents of one shard: all, those whose id is in ``ids`` (an arrow array), or the article
    rows ``rows`` (indices)."""
    articles = _read(root, "articles", name)
    if rows is not None:
        articles = articles.take(rows)
        ids = articles["id"].unique()
    elif ids is not None:
        articles = _filter_ids(articles, "id", ids)
    if articles.num_rows == 0:
        return
    sentences = _read(root, "sentences", name)
    mentions = _read(root, "mentions", name)
    if ids is not None:
        sentences = _filter_ids(sentences, "article_id", ids)
        mentions = _filter_ids(mentions, "article_id", ids)
    yield from documents_from_tables(articles, sentences, mentions)


def read_documents(parquet_dir: str | os.PathLike, ids: Collection[str] | None = None) -> Iterator[Document]:
    """Rebuild the analysed documents stored in a dataset folder, shard by shard, in input order.

    With ``ids``, only the articles with those ids. The documents equal what
    :func:`dateline.pipeline.analyze` returned for them.
    """
    pa = require_pyarrow()
    root = Path(parquet_dir)
    wanted = None if ids is None else pa.array(sorted(set(ids)), type=pa.string())
    for name in shard_names(root):
        yield from _shard_documents(root, name, ids=wanted)


def _matching_rows(table: Any, query: str | None, start: date | None, end: date | None) -> list[int]:
    """Rows of an articles table that :func:`dateline.api.select` keeps for ``query``/``start``/``end``.

    A vectorised pass (date, case-insensitive substring of any query term) narrows the rows; the
    survivors are checked with ``api.select`` itself, so the Parquet path and the file path keep the
    same articles.
    """
    from dateline import api

    pa = require_pyarrow()
    pc = pa.compute
    terms = api.query_terms(query)
    mask = None
    if start is not None:
        mask = pc.greater_equal(table["published"], pa.scalar(start, type=pa.date32()))
    if terms:
        hay = pc.binary_join_element_wise(pc.fill_null(table["title"], ""), table["text"], " ")
        hay = pc.utf8_lower(hay)
        hit = None
        for t in terms:
            h = pc.match_substring(hay, t)
            hit = h if hit is None else pc.or_(hit, h)
        mask = hit if mask is None else pc.and_(mask, hit)
    candidates = list(range(table.num_rows)) if mask is None else pc.indices_nonzero(mask).to_pylist()
    if not candidates:
        return []
    sub = table.take(candidates)
    cols = {c: sub[c].to_pylist() for c in ("id", "published", "title", "text")}
    articles = [
        (row, Article(cols["id"][i], cols["published"][i], cols["text"][i], cols["title"][i]))
        for i, row in enumerate(candidates)
    ]
    kept = {id(a) for a in api.select((a for _, a in articles), query=query, start=start, end=end)}
    return [row for row, a in articles if id(a) in kept]


def search_documents(
    parquet_dir: str | os.PathLike,
    query: str | None,
    start: date | None = None,
    end: date | None = None,
) -> list[str]:
    """Ids of the stored articles about ``query`` (any query term as a word of title or text,
    case-insensitive; published on or after ``start``), in input order — the same articles
    :func:`dateline.api.select` keeps from the input files."""
    root = Path(parquet_dir)
    out: list[str] = []
    for name in shard_names(root):
        table = _read(root, "articles", name, ["id", "published", "title", "text"])
        rows = _matching_rows(table, query, start, end)
        if rows:
            out.extend(table["id"].take(rows).to_pylist())
    return out


def documents_for_query(
    parquet_dir: str | os.PathLike,
    query: str | None,
    start: date | None = None,
    end: date | None = None,
) -> Iterator[Document]:
    """The analysed documents of the articles :func:`search_documents` finds, for
    ``dateline timeline --parquet DIR --query Q``; equal to ``analyze`` over ``api.select`` of the
    original input."""
    root = Path(parquet_dir)
    for name in shard_names(root):
        table = _read(root, "articles", name, ["id", "published", "title", "text"])
        rows = _matching_rows(table, query, start, end)
        if rows:
            yield from _shard_documents(root, name, rows=require_pyarrow().array(rows, type="int64"))


def to_store(parquet_dir: str | os.PathLike, archive: Any) -> tuple[int, Any]:
    """Hand every stored document to ``archive.add_documents`` (``dateline ingest --from-parquet``),
    streaming; returns ``(documents handed over, what add_documents returned)`` — for
    :class:`dateline.store.Archive` an ``IngestResult`` (added, skipped, renamed)."""
    add = getattr(archive, "add_documents", None)
    if not callable(add):
        raise DatelineError(
            f"{type(archive).__name__} has no add_documents(documents): this archive cannot take "
            "analysed documents from Parquet shards yet"
        )
    count = [0]

    def counted() -> Iterator[Document]:
        for doc in read_documents(parquet_dir):
            count[0] += 1
            yield doc

    result = add(counted())
    return count[0], result


def resolve_repeated_ids(parquet_dir: str | os.PathLike) -> list[tuple[str, Document, str]]:
    """Apply the reader's repeated-id rule (:class:`dateline.corpus.ids.IdRegistry`) across shards.

    Partitions are read apart, so an id repeated in two partitions is seen only here, in shard
    order then row order — the single-process reader's order. A repeat with the same content is
    removed, one with other content is renamed ``<id>#<hash8>``; only the shards concerned are
    rewritten, and only the id and hash columns are scanned to find them. Returns
    ``(shard name, removed document, reason)`` for each removal.
    """
    from dateline.corpus.ids import IdRegistry

    root = Path(parquet_dir)
    names = shard_names(root)
    registry = IdRegistry()
    actions: dict[str, dict[int, tuple[str | None, str | None]]] = {}
    for name in names:
        cols = _read(root, "articles", name, ["id", "content_hash"])
        for row, (aid, h) in enumerate(zip(cols["id"].to_pylist(), cols["content_hash"].to_pylist())):
            new_id, reason = registry.resolve(aid, h)
            if new_id != aid:
                actions.setdefault(name, {})[row] = (new_id, reason)
    removed: list[tuple[str, Document, str]] = []
    for name, rows in actions.items():
        keep = ShardBuffer()
        for row, doc in enumerate(list(_shard_documents(root, name))):
            if row not in rows:
                keep.add(doc)
                continue
            new_id, reason = rows[row]
            if new_id is None:
                removed.append((name, doc, reason or "duplicate id"))
            else:
                keep.add(_renamed(doc, new_id))
        writer = ShardWriter(root, name)
        try:
            writer.write(keep)
            writer.commit()
        except BaseException:
            writer.abort()
            raise
    return removed


def _renamed(doc: Document, new_id: str) -> Document:
    return Document(
        replace(doc.article, id=new_id),
        tuple(replace(s, article_id=new_id) for s in doc.sentences),
    )


def dataset_bytes(parquet_dir: str | os.PathLike) -> dict[str, int]:
    """Bytes on disk of each dataset's shard files."""
    root = Path(parquet_dir)
    return {ds: sum(p.stat().st_size for p in (root / ds).glob("part-*.parquet")) for ds in DATASETS}
