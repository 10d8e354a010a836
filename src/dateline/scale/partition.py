"""Cut inputs into partitions, and read one partition's articles with the ordinary corpus reader.

A partition is a list of *pieces*, in input order. A piece is either a whole input (a file or
folder in any format :func:`dateline.corpus.read` understands) or a slice of a big JSONL/CSV file
(plain or gzip): the bytes ``[start, end)`` of its decompressed stream, cut at record boundaries.
A slice is handed to the same reader as a small temporary file (a CSV slice gets the header
record in front), and rejections are mapped back to the original file and line, so parsing and
rejection rules exist once, in :mod:`dateline.corpus`.

>>> p = plan_partitions(["tests/data/seeds"], 4)     # doctest: +SKIP
>>> [len(x.pieces) for x in p]                       # doctest: +SKIP
[1]
"""

from __future__ import annotations

import dataclasses
import gzip
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.model import Article

# file names whose records are one per line (JSONL) or CSV rows: these can be cut into slices
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_CSV_SUFFIXES = (".csv", ".csv.gz", ".tsv", ".tsv.gz")
MIN_PIECE_BYTES = 64 * 1024  # a slice smaller than this is not worth a task of its own
_COPY_CHUNK = 1 << 20


@dataclass(frozen=True)
class Piece:
    """A whole input, or the slice ``[start, end)`` (decompressed bytes) of a JSONL/CSV file.

    ``first_line`` is the 1-based line number of the slice's first line in the original file;
    ``header`` the CSV header record put in front of a slice that does not start the file.
    """

    path: str
    fmt: str | None = None
    start: int = 0
    end: int | None = None
    first_line: int = 1
    header: bytes = b""
    sliced: bool = False
    shown: str = ""  # the path as the user gave it: rejections name the file this way

    @property
    def compressed(self) -> bool:
        return self.path.endswith(".gz")


@dataclass(frozen=True)
class Partition:
    """The unit of work of one Dask task; ``name`` names its shard files."""

    index: int
    pieces: tuple[Piece, ...]

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


def splittable_format(path: Path, input_format: str | None) -> str | None:
    """``"jsonl"`` or ``"csv"`` when ``path`` is a file of one record per line / CSV rows, else None.

    >>> splittable_format(Path("a/articles.jsonl.gz"), None)
    'jsonl'
    >>> splittable_format(Path("feed.xml"), None) is None
    True
    """
    name = path.name.lower()
    if input_format in ("jsonl", "csv"):
        return input_format
    if input_format is not None:
        return None
    fmt = "jsonl" if name.endswith(_JSONL_SUFFIXES) else "csv" if name.endswith(_CSV_SUFFIXES) else None
    if fmt is not None and path.is_file():
        try:  # the reader's own format guess must agree (a seed text named .jsonl is not JSONL)
            from dateline.corpus.textio import sniff

            if sniff(path) != fmt:
                return None
        except (ImportError, OSError, EOFError, ValueError):
            return None
    return fmt


def _gzip_size(path: Path) -> int:
    """The decompressed size of a gzip file, from its trailer (ISIZE, the size modulo 2**32, taken
    as at least the compressed size); one member assumed — only used to balance partitions."""
    size = path.stat().st_size
    if size < 18:
        return size
    with open(path, "rb") as f:
        f.seek(-4, os.SEEK_END)
        est = int.from_bytes(f.read(4), "little")
    while est < size:
        est += 1 << 32
    return est


def _size(path: Path) -> int:
    """Bytes of input behind ``path`` (decompressed for ``.gz`` files; summed over a folder)."""
    if path.is_dir():
        total = 0
        for root, _dirs, files in os.walk(path):
            for f in files:
                try:
                    total += _size(Path(root, f))
                except OSError:
                    pass
        return total
    if path.name.lower().endswith(".gz"):
        return _gzip_size(path)
    return path.stat().st_size


def _open_stream(path: str):
    raw = open(path, "rb")
    if path.endswith(".gz"):
        return raw, gzip.GzipFile(fileobj=raw, mode="rb")
    return raw, raw


def find_splits(path: str, fmt: str, pieces: int) -> tuple[tuple[tuple[int, int], ...], bytes]:
    """Record boundaries that cut ``path`` into about ``pieces`` equal parts (by bytes on disk).

    Returns ``((offset, line), ...)`` — the decompressed byte offset and 1-based line number where
    each later slice starts — and, for CSV, the header record. A CSV boundary is a newline outside
    quotes (an even number of ``"`` so far), so quoted fields may hold newlines.
    """
    raw, stream = _open_stream(path)
    try:
        total = os.fstat(raw.fileno()).st_size
        targets = [total * j // pieces for j in range(1, pieces)]
        splits: list[tuple[int, int]] = []
        head: list[bytes] = []
        header_done = fmt != "csv"
        offset = 0
        line = 0
        quotes_odd = False
        t = 0
        for chunk in stream:
            offset += len(chunk)
            line += 1
            if fmt == "csv":
                if chunk.count(b'"') % 2:
                    quotes_odd = not quotes_odd
                if not header_done:
                    head.append(chunk)
                    header_done = not quotes_odd
                    continue
                if quotes_odd:
                    continue
            if t < len(targets) and raw.tell() >= targets[t] and chunk.endswith(b"\n"):
                splits.append((offset, line + 1))
                while t < len(targets) and raw.tell() >= targets[t]:
                    t += 1
        # drop a boundary at the very end (an empty last slice)
        splits = [s for s in splits if s[0] < offset]
        return tuple(splits), b"".join(head)
    finally:
        stream.close()
        raw.close()


def plan_partitions(
    paths: Sequence[str | os.PathLike],
    partitions: int,
    *,
    input_format: str | None = None,
    mapper: Callable[[Callable, list], list] | None = None,
    min_piece_bytes: int = MIN_PIECE_BYTES,
) -> list[Partition]:
    """Cut ``paths`` into about ``partitions`` partitions of similar size, in input order.

    Big JSONL/CSV files are sliced at record boundaries (``mapper(find_splits_job, jobs)`` runs the
    boundary scans, e.g. on the cluster; default: here); a file is not cut into slices smaller than
    ``min_piece_bytes``. Other files are grouped whole. Folders (and inputs forced to a dataset
    layout) are read together by one partition, at the place of the first of them, because the
    reader decides article ids over all the dataset topics of one call.
    """
    if partitions < 1:
        raise DatelineError(f"partitions must be at least 1, not {partitions}")
    units: list[tuple[str, str, str | None, int]] = []  # (path to open, path as given, format, size)
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise DatelineError(f"{os.fspath(p)}: no such file or directory")
        fmt = splittable_format(path, input_format) if path.is_file() else None
        units.append((str(path.resolve()), os.fspath(p), fmt, max(1, _size(path))))
    total = sum(u[3] for u in units)
    share = total / partitions

    jobs = []
    for path, _, fmt, size in units:
        if fmt is not None:
            k = min(max(1, math.ceil(size / share - 1e-9)), max(1, size // max(1, min_piece_bytes)))
            if k > 1:
                jobs.append((path, fmt, k))
    results = (mapper or _local_map)(find_splits_job, jobs)
    scans = {job[0]: res for job, res in zip(jobs, results)}

    out: list[list[Piece]] = []
    group: list[Piece] = []
    group_size = 0
    datasets: list[Piece] | None = None

    def close_group() -> None:
        nonlocal group, group_size
        if group:
            out.append(group)
        group, group_size = [], 0

    for path, shown, fmt, size in units:
        if Path(path).is_dir() or input_format in ("newstls", "tilse"):
            if datasets is None:
                close_group()
                datasets = []
                out.append(datasets)
            datasets.append(Piece(path, input_format, shown=shown))
            continue
        if fmt is None or path not in scans or not scans[path][0]:
            group.append(Piece(path, input_format, shown=shown))
            group_size += size
            if group_size >= share:
                close_group()
            continue
        close_group()
        splits, header = scans[path]
        bounds = [(0, 1), *splits]
        for i, (start, first_line) in enumerate(bounds):
            end = bounds[i + 1][0] if i + 1 < len(bounds) else None
            out.append([Piece(path, fmt, start, end, first_line, header if start else b"", True, shown)])
    close_group()
    return [Partition(i, tuple(pieces)) for i, pieces in enumerate(out)]


def find_splits_job(job: tuple[str, str, int]) -> tuple[tuple[tuple[int, int], ...], bytes]:
    """:func:`find_splits` over one ``(path, fmt, pieces)`` tuple (a picklable task)."""
    path, fmt, k = job
    if k <= 1:
        return (), b""
    return find_splits(path, fmt, k)


def _local_map(fn: Callable, items: list) -> list:
    return [fn(x) for x in items]


# --- reading a partition --------------------------------------------------------------------


def _copy_slice(piece: Piece, dest: Path) -> None:
    """Write the slice as a file the reader sees exactly as the original: the CSV header, blank
    lines standing in for the lines before the slice (blank lines are not records), then the slice.
    Line numbers, and the ``<file name>:<line>`` ids of records without an id, come out the same."""
    raw, stream = _open_stream(piece.path)
    try:
        if piece.start:
            stream.seek(piece.start)
        with open(dest, "wb") as out:
            out.write(piece.header)
            blank = piece.first_line - 1 - piece.header.count(b"\n")
            while blank > 0:
                n = min(blank, _COPY_CHUNK)
                out.write(b"\n" * n)
                blank -= n
            remaining = None if piece.end is None else piece.end - piece.start
            while remaining is None or remaining > 0:
                chunk = stream.read(_COPY_CHUNK if remaining is None else min(_COPY_CHUNK, remaining))
                if not chunk:
                    break
                out.write(chunk)
                if remaining is not None:
                    remaining -= len(chunk)
    finally:
        stream.close()
        raw.close()


def read_piece(piece: Piece, report: Any) -> Iterator[Article]:
    """The articles of one piece, through :func:`dateline.corpus.read`; rejections go to ``report``
    naming the original file (a slice is read from a temporary file of the same name)."""
    from dateline.corpus import RejectionReport, read

    shown = piece.shown or piece.path
    sub = RejectionReport()
    if not piece.sliced:
        yield from read([piece.path], input_format=piece.fmt, report=sub)
        merge_reports(report, sub, file_map={piece.path: shown})
        return
    with tempfile.TemporaryDirectory(prefix="dateline-slice-") as tmp:
        dest = Path(tmp) / Path(piece.path).name  # gzip is recognised by content, not by name
        _copy_slice(piece, dest)
        yield from read([str(dest)], input_format=piece.fmt, report=sub)
        merge_reports(report, sub, file_map={str(dest): shown})


def read_partition(partition: Partition, report: Any) -> Iterator[Article]:
    """All articles of ``partition``, in input order."""
    for piece in partition.pieces:
        yield from read_piece(piece, report)


def _rename(file: str, file_map: dict[str, str]) -> str:
    for old, new in file_map.items():
        if file == old or file.startswith(old + os.sep):
            return new + file[len(old):]
    return file


def merge_reports(into: Any, other: Any, file_map: dict[str, str] | None = None) -> None:
    """Add ``other``'s counts and rejections to ``into``; ``file_map`` renames files (and files
    under folders) in rejections: ``{"/abs/news": "news"}`` turns ``/abs/news/a.csv`` into ``news/a.csv``."""
    rejected = list(other.rejected)
    if file_map:
        rejected = [dataclasses.replace(r, file=_rename(str(r.file), file_map)) for r in rejected]
    into.read += other.read
    into.kept += other.kept
    into.rejected.extend(rejected)


def iter_batches(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of at most ``size``."""
    batch: list = []
    for x in items:
        batch.append(x)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
