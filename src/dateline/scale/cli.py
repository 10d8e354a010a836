"""The Dask/Parquet side of ``dateline ingest``, written so that the verb wires it in a few lines.

In ``dateline/commands/ingest.py``::

    ENGINES = {..., "dask": "dateline.scale.cli:ingest_engine"}      # --engine dask --store PATH
    add_ingest_options(p)                                            # in add_parser
    if wants_scale(args): return run_ingest(args, report)            # in run, before opening --store

Flags added: ``--scheduler tcp://HOST:PORT``, ``--partitions N``, ``--parquet DIR``,
``--overwrite``, ``--from-parquet DIR`` (and ``--engine {local,dask}`` when the parser has none).
They use the verb's own ``inputs`` (INPUT...), ``--input-format``, ``--store``, ``--batch`` and
``--quiet``. The command lines::

    dateline ingest INPUT... --engine dask [--scheduler tcp://HOST:PORT] [--partitions N] --parquet DIR
    dateline ingest INPUT... --engine dask [...] [--parquet DIR] --store archive.db
    dateline ingest --from-parquet DIR --store archive.db
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from typing import Any

from dateline.commands._common import positive_int
from dateline.errors import DatelineError


def add_ingest_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the scale-out flags to the ``ingest`` parser; returns it."""
    g = parser.add_argument_group("scale-out on Dask (needs: pip install 'dateline[dask]')")
    try:
        g.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="'dask': analyse on a Dask cluster, writing Parquet shards")
    except argparse.ArgumentError:
        pass  # the verb declares --engine itself (with "dask" among its engines)
    g.add_argument("--scheduler", metavar="tcp://HOST:PORT", default=None,
                   help="Dask scheduler to run on (default: a local cluster, one worker process per core)")
    g.add_argument("--partitions", type=positive_int, metavar="N", default=None,
                   help="cut the input into N tasks (default: 4 per worker thread, at least one per 64 MiB)")
    g.add_argument("--parquet", metavar="DIR", default=None,
                   help="write Parquet shards to DIR/articles, DIR/sentences, DIR/mentions")
    g.add_argument("--overwrite", action="store_true", help="replace the shards already in --parquet DIR")
    g.add_argument("--from-parquet", metavar="DIR", default=None,
                   help="store the analysed articles of Parquet shards in --store PATH (no INPUT)")
    return parser


def wants_scale(args: argparse.Namespace) -> bool:
    """Whether :func:`run_ingest` handles ``args``: ``--from-parquet``, or ``--engine dask`` without
    ``--store`` (``--engine dask --store`` runs through the verb's engine table, :func:`ingest_engine`)."""
    if getattr(args, "from_parquet", None):
        return True
    return getattr(args, "engine", "local") == "dask" and not getattr(args, "store", None)


def _check(args: argparse.Namespace) -> None:
    engine = getattr(args, "engine", "local")
    if engine != "dask" and (args.scheduler or args.partitions or args.parquet or args.overwrite):
        raise DatelineError("--scheduler, --partitions, --parquet and --overwrite need --engine dask")


def _ingest(args: argparse.Namespace, out_dir: str, report: Any, overwrite: bool) -> Any:
    from dateline.scale.ingest import ingest_parquet

    inputs = list(getattr(args, "inputs", None) or [])
    if not inputs:
        raise DatelineError("--engine dask needs INPUT files or folders")
    result = ingest_parquet(
        inputs,
        out_dir,
        input_format=getattr(args, "input_format", None),
        scheduler=args.scheduler,
        partitions=args.partitions,
        report=report,
        overwrite=overwrite,
    )
    if not getattr(args, "quiet", False):
        print(f"ingest: {result.summary()}", file=sys.stderr)
    return result


def _open_archive(path: str) -> Any:
    try:
        from dateline.store import Archive
    except ImportError:
        raise DatelineError("the archive (dateline.store.Archive) is not available in this install") from None
    return Archive(path)


def run_ingest(args: argparse.Namespace, report: Any) -> int:
    """``ingest INPUT... --engine dask --parquet DIR`` or ``ingest --from-parquet DIR --store PATH``.

    Fills ``report`` and prints it (unless ``--quiet``) with one summary line, like the verb does.
    """
    store = getattr(args, "store", None)
    if args.from_parquet:
        if getattr(args, "inputs", None) or getattr(args, "engine", "local") == "dask" or args.parquet:
            raise DatelineError("--from-parquet DIR takes no INPUT, --engine dask or --parquet")
        if not store:
            raise DatelineError("--from-parquet needs --store PATH")
        from dateline.scale.shards import to_store

        with _open_archive(store) as archive:
            n, res = to_store(args.from_parquet, archive)
            total = len(archive) if hasattr(archive, "__len__") else None
        report.read += n
        report.kept += n
        added = getattr(res, "added", n)
        skipped = getattr(res, "skipped", 0)
        held = f"; {store} holds {total} articles" if total is not None else ""
        print(f"ingest: added {added}, skipped {skipped} already stored (from {args.from_parquet}){held}")
        if n == 0:
            raise DatelineError(f"{args.from_parquet} holds no article")
        return 0

    _check(args)
    if not args.parquet:
        raise DatelineError("--engine dask needs --parquet DIR (where the shards go) or --store PATH")
    result = _ingest(args, args.parquet, report, args.overwrite)
    if not getattr(args, "quiet", False):
        print(report.summary(), file=sys.stderr)
    if result.articles == 0:
        raise DatelineError("no article could be read from the input")
    print(f"ingest: {result.articles} articles analysed into {args.parquet}")
    return 0


def ingest_engine(args: argparse.Namespace, archive: Any, report: Any, progress: Callable) -> Any:
    """The ``dask`` entry of the ``ingest`` verb's engine table (``--engine dask --store PATH``):
    analyse on the cluster into ``--parquet DIR`` (or a temporary folder, deleted after), then store
    the documents with ``archive.add_documents``. Returns what that returns (an ``IngestResult``)."""
    _check(args)
    from dateline.scale.shards import read_documents

    def store(out_dir: str) -> Any:
        _ingest(args, out_dir, report, args.overwrite)
        kwargs: dict[str, Any] = {"progress": progress}
        if getattr(args, "batch", None):
            kwargs["batch"] = args.batch
        return archive.add_documents(read_documents(out_dir), **kwargs)

    if args.parquet:
        return store(args.parquet)
    if args.scheduler:
        raise DatelineError("with --scheduler, give --parquet DIR on a file system the workers share")
    with tempfile.TemporaryDirectory(prefix="dateline-shards-") as tmp:
        return store(tmp)
