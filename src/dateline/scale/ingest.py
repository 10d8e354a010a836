"""Analyse articles on a Dask cluster and write Parquet shards: ``dateline ingest --engine dask``.

Each partition becomes one Dask task that reads its articles with :mod:`dateline.corpus`, runs
:func:`dateline.pipeline.analyze` (the same per-article function as the single-process path) and
writes its own shard files. Only counts and rejections travel back to the client.

>>> result = ingest_parquet(["articles.jsonl.gz"], "out")     # doctest: +SKIP
>>> result.articles, result.partitions                         # doctest: +SKIP
(296, 8)
"""

from __future__ import annotations

import json
import math
import os
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.scale._deps import require_distributed, require_pyarrow
from dateline.scale.partition import Partition, _size, iter_batches, merge_reports, plan_partitions, read_piece
from dateline.scale.schema import DATASETS, SCHEMA_VERSION, ShardBuffer
from dateline.scale.shards import MANIFEST, ShardWriter, clear_dataset, dataset_bytes, resolve_repeated_ids

BATCH_ARTICLES = 256  # articles per Parquet row group (bounds a worker's memory)
PARTITION_BYTES = 64 * 1024 * 1024  # default: at least one partition per this many input bytes
PARTITIONS_PER_THREAD = 4  # default: this many partitions per worker thread, for balance
TASK_PREFIX = "dateline-partition"


@dataclass(frozen=True)
class PartitionResult:
    """What one partition task reports back (small: no article data)."""

    index: int
    name: str
    articles: int
    sentences: int
    mentions: int
    read: int
    kept: int
    rejected: tuple = ()
    shard_bytes: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(frozen=True)
class ScaleResult:
    """Summary of an ingest run: counts, shard sizes on disk (bytes per dataset), wall time."""

    out_dir: Path
    partitions: int
    workers: int
    articles: int
    sentences: int
    mentions: int
    rejected: int
    shard_bytes: dict[str, int]
    seconds: float

    def summary(self) -> str:
        mib = sum(self.shard_bytes.values()) / 2**20
        return (
            f"{self.articles} articles, {self.sentences} sentences, {self.mentions} mentions "
            f"in {self.partitions} partitions on {self.workers} workers, {self.seconds:.1f} s; "
            f"shards {mib:.1f} MiB in {self.out_dir}"
        )


def process_partition(partition: Partition, out_dir: str) -> PartitionResult:
    """Read, analyse and write one partition (runs on a worker). Idempotent: a rerun replaces the
    partition's shard files.

    An article whose analysis raises is not fatal: it becomes a rejection naming its file.
    """
    from dateline.corpus import Rejection, RejectionReport
    from dateline.pipeline import analyze

    t0 = time.perf_counter()
    report = RejectionReport()
    writer = ShardWriter(out_dir, partition.name)
    buf = ShardBuffer()
    n_art = n_sen = n_men = 0
    try:
        for piece in partition.pieces:
            for batch in iter_batches(read_piece(piece, report), BATCH_ARTICLES):
                for article in batch:
                    try:
                        doc = analyze(article)
                    except Exception as exc:  # one bad article must not sink the partition
                        report.kept -= 1
                        report.rejected.append(
                            Rejection(piece.shown or piece.path, 0, f"article {article.id}: analysis failed: "
                                      f"{type(exc).__name__}: {exc}")
                        )
                        continue
                    buf.add(doc)
                    n_art += 1
                    n_sen += len(doc.sentences)
                    n_men += sum(len(s.mentions) for s in doc.sentences)
                writer.write(buf)
                buf.clear()
        sizes = writer.commit()
    except BaseException:
        writer.abort()
        raise
    return PartitionResult(
        partition.index, partition.name, n_art, n_sen, n_men, report.read, report.kept,
        tuple(report.rejected), sizes, time.perf_counter() - t0,
    )


def default_partitions(paths: Sequence[str | os.PathLike], threads: int) -> int:
    """``max(4 × worker threads, input bytes / 64 MiB)``: enough tasks to balance the workers,
    small enough to retry cheaply."""
    total = sum(_size(Path(p)) for p in paths if Path(p).exists())
    return max(PARTITIONS_PER_THREAD * max(1, threads), math.ceil(total / PARTITION_BYTES))


def local_workers() -> int:
    """Worker processes for a local cluster: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@contextmanager
def connect(scheduler: Any = None) -> Iterator[Any]:
    """A ``distributed.Client``: to ``scheduler`` (an address like ``tcp://host:8786``, or a client
    to reuse), or to a fresh ``LocalCluster`` of one single-threaded process per core, closed after."""
    distributed = require_distributed()
    if isinstance(scheduler, distributed.Client):
        yield scheduler
        return
    if scheduler:
        try:
            client = distributed.Client(str(scheduler), timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise DatelineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    cluster = distributed.LocalCluster(
        n_workers=local_workers(), threads_per_worker=1, processes=True, dashboard_address=None
    )
    try:
        with distributed.Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def _prepare(out: Path, overwrite: bool) -> None:
    if out.exists() and not out.is_dir():
        raise DatelineError(f"{out} exists and is not a folder")
    existing = [p for ds in DATASETS for p in (out / ds).glob("part-*.parquet")] if out.is_dir() else []
    if existing:
        if not overwrite:
            raise DatelineError(f"{out} already holds Parquet shards; remove them or pass --overwrite")
        clear_dataset(out)
    for ds in DATASETS:
        (out / ds).mkdir(parents=True, exist_ok=True)


def ingest_parquet(
    paths: Sequence[str | os.PathLike],
    out_dir: str | os.PathLike,
    *,
    input_format: str | None = None,
    scheduler: Any = None,
    partitions: int | None = None,
    report: Any = None,
    overwrite: bool = False,
    retries: int = 2,
) -> ScaleResult:
    """Analyse the articles of ``paths`` on a Dask cluster into Parquet shards under ``out_dir``.

    ``scheduler``: ``None`` (start a local cluster), a scheduler address, or a ``Client``.
    ``partitions``: how many tasks to cut the input into (default :func:`default_partitions`).
    ``report``: a :class:`dateline.corpus.RejectionReport` that receives the counts and every
    rejected record (with its original file and line). A failing task is retried ``retries`` times;
    a task whose worker dies is rescheduled by Dask; both rewrite only their own shard.
    Inputs and ``out_dir`` must be on a file system the workers see under the same paths.
    """
    require_pyarrow()
    distributed = require_distributed()
    if partitions is not None and partitions < 1:
        raise DatelineError(f"--partitions must be at least 1, not {partitions}")
    paths = [os.fspath(p) for p in paths]
    if not paths:
        raise DatelineError("no input given")
    out = Path(out_dir).resolve()
    _prepare(out, overwrite)
    t0 = time.perf_counter()
    with connect(scheduler) as client:
        nthreads = client.nthreads()
        threads, workers = sum(nthreads.values()), len(nthreads)
        n = partitions or default_partitions(paths, threads)

        def mapper(fn, items):
            return client.gather(client.map(fn, items, pure=False, retries=retries)) if items else []

        plan = plan_partitions(paths, n, input_format=input_format, mapper=mapper)
        token = uuid.uuid4().hex[:8]
        futures = [
            client.submit(process_partition, part, str(out), key=f"{TASK_PREFIX}-{part.index:05d}-{token}",
                          retries=retries, pure=False)
            for part in plan
        ]
        results: list[PartitionResult] = []
        try:
            for fut in distributed.as_completed(futures):
                results.append(fut.result())
        except BaseException:
            client.cancel(futures)
            raise
    clear_dataset(out, stale_only=True)  # temporary files of attempts whose worker died
    results.sort(key=lambda r: r.index)
    if report is not None:
        for r in results:
            merge_reports(report, r)
    articles = sum(r.articles for r in results)
    sentences = sum(r.sentences for r in results)
    mentions = sum(r.mentions for r in results)
    rejected = sum(len(r.rejected) for r in results)
    by_name = {p.name: p for p in plan}
    for name, doc, reason in resolve_repeated_ids(out):
        articles -= 1
        sentences -= len(doc.sentences)
        mentions -= sum(len(s.mentions) for s in doc.sentences)
        rejected += 1
        if report is not None:
            from dateline.corpus import Rejection

            piece = by_name[name].pieces[0]
            report.kept -= 1
            report.rejected.append(Rejection(piece.shown or piece.path, 0, reason))
    result = ScaleResult(
        out, len(plan), workers, articles, sentences, mentions, rejected, dataset_bytes(out),
        time.perf_counter() - t0,
    )
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "shards": [r.name for r in results],
        "articles": result.articles,
        "sentences": result.sentences,
        "mentions": result.mentions,
        "rejected": result.rejected,
        "inputs": paths,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return result
