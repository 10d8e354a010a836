"""``dateline ingest``: analyse articles once and keep them in an archive (SQLite + FTS5).

Engines: the work of turning inputs into stored documents is looked up in :data:`ENGINES`
(name → ``"module:function"``), each ``function(args, archive, report, progress) -> IngestResult``.
``local`` reads with :func:`dateline.corpus.read` and analyses in this process
(:meth:`Archive.ingest`); ``dask`` (:mod:`dateline.scale.cli`) analyses on a Dask cluster into
Parquet shards and stores the analysed documents with :meth:`Archive.add_documents`. The
scale-out flags (``--parquet DIR``, ``--from-parquet DIR``, ``--scheduler`` …) come from
:func:`dateline.scale.cli.add_ingest_options`; without ``--store`` they write shards only.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from dateline.commands._common import add_input_args, positive_int, print_report, read_articles
from dateline.errors import DatelineError

ENGINES: dict[str, str] = {
    "local": "dateline.commands.ingest:ingest_local",
    "dask": "dateline.scale.cli:ingest_engine",
}


def _scale_cli():
    """The scale-out wiring (a light module: Dask itself is imported only when used), or None."""
    try:
        return importlib.import_module("dateline.scale.cli")
    except ImportError:
        return None


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "ingest",
        help="analyse articles once and store them in an archive",
        description="Read articles, split and tag them once, and store them with a full-text index. "
        "Articles already in the archive (same content) are skipped.",
    )
    add_input_args(p, required=False)
    p.add_argument("--store", metavar="PATH", help="archive file (created if missing)")
    p.add_argument("--batch", type=positive_int, default=200, metavar="N",
                   help="articles per transaction (default 200); a batch is stored whole or not at all")
    p.add_argument("--engine", choices=sorted(ENGINES), default="local",
                   help="where to analyse: this process (local, default) or a Dask cluster (dask)")
    p.add_argument("--quiet", action="store_true", help="no progress line and no input report on stderr")
    scale = _scale_cli()
    if scale is not None:
        scale.add_ingest_options(p)
    return p


def ingest_local(args: argparse.Namespace, archive, report, progress: Callable) -> object:
    """The in-process engine: stream, analyse and store batch by batch."""
    return archive.ingest(read_articles(args, report), batch=args.batch, progress=progress)


def _engine(name: str) -> Callable:
    module, _, attr = ENGINES[name].partition(":")
    try:
        return getattr(importlib.import_module(module), attr)
    except ImportError as exc:
        raise DatelineError(f"the {name!r} ingest engine is not available here ({exc})") from None


def run(args: argparse.Namespace) -> int:
    from dateline.corpus import RejectionReport
    from dateline.store import Archive
    from dateline.store.progress import Progress

    report = RejectionReport()
    scale = _scale_cli()
    if scale is not None and scale.wants_scale(args):
        return scale.run_ingest(args, report)  # Parquet shards only, or shards → --store
    if not args.store:
        raise DatelineError("--store PATH is required (the archive to fill)")
    if not args.inputs:
        raise DatelineError("give at least one INPUT file or folder")

    bar = Progress("ingest")
    if args.quiet:
        bar.enabled = False

    def progress(totals) -> None:
        bar.update(totals.seen, f"added {totals.added}, skipped {totals.skipped}")

    with Archive(args.store) as archive:
        try:
            result = _engine(args.engine)(args, archive, report, progress)
        finally:
            bar.close()
        total = len(archive)
    print_report(report, quiet=args.quiet)
    if report.read and not report.kept:
        raise DatelineError("no article could be read from the input")
    renamed = f", {result.renamed} stored under a new id (id already taken)" if result.renamed else ""
    print(f"ingest: added {result.added}, skipped {result.skipped} already stored{renamed}; "
          f"{args.store} holds {total} articles")
    return 0
