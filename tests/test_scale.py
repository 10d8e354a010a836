"""The Dask path (``dateline.scale``) against the single-process path, with real components:
the real corpus reader, the real ``analyze``, real Parquet files and a real ``LocalCluster``."""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import threading
import time
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="the dask extra (pyarrow) is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra (dask[distributed]) is not installed")

from conftest import SEEDS, run_cli  # noqa: E402

from dateline import api  # noqa: E402
from dateline.corpus import RejectionReport, read  # noqa: E402
from dateline.errors import DatelineError  # noqa: E402
from dateline.model import Article, Document, Mention, Sentence  # noqa: E402
from dateline.pipeline import analyze  # noqa: E402
from dateline.scale import documents_for_query, ingest_parquet, read_documents, search_documents, to_store  # noqa: E402
from dateline.scale.cli import add_ingest_options, run_ingest, wants_scale  # noqa: E402
from dateline.scale.ingest import TASK_PREFIX, process_partition  # noqa: E402
from dateline.scale.partition import merge_reports, plan_partitions, read_partition  # noqa: E402
from dateline.scale.schema import ShardBuffer  # noqa: E402
from dateline.scale.shards import ShardWriter, shard_names  # noqa: E402

# --- small inputs made here ------------------------------------------------------------------

_TEXTS = (
    "Protesters stormed the embassy compound on Tuesday. The ambassador left on Dec. 29, 2019.",
    "Two days later, the talks resumed in Geneva. \"We will meet again next week,\" he said.",
    "The storm made landfall last Friday.\nOfficials said repairs would take until March 2020.",
)


def _jsonl_lines(n: int) -> list[str]:
    lines = []
    for i in range(n):
        rec = {"id": f"j{i}", "published": f"2020-01-{1 + i % 28:02d}", "title": f"Report {i}",
               "text": _TEXTS[i % 3] + f" Item {i}."}
        lines.append(json.dumps(rec))
    return lines


def _write_csv(path: Path, n: int) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "published", "title", "text"])
    for i in range(n):
        # quoted fields with embedded newlines and quotes: record boundaries are not line boundaries
        w.writerow([f"c{i}", f"2019-12-{1 + i % 31:02d}", f"Title {i}", _TEXTS[i % 3] + f' "Item" {i}.\nEnd.'])
        if i == n // 2:
            w.writerow(["bad", "not a date", "x", "y"])
    path.write_text(buf.getvalue(), encoding="utf-8")


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> list[str]:
    """A gzip JSONL with a broken line, a CSV with multi-line records and a bad date, and seed files."""
    lines = _jsonl_lines(900)
    lines.insert(400, '{"id": "broken", "published": ')
    gz = tmp_path / "news.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    c = tmp_path / "wire.csv"
    _write_csv(c, 800)
    return [str(gz), str(c), *sorted(str(p) for p in SEEDS.glob("*.txt"))]


def _reference(paths: list[str]) -> tuple[list[Document], RejectionReport]:
    report = RejectionReport()
    return [analyze(a) for a in read(paths, report=report)], report


def _run_local(plan, out: Path) -> RejectionReport:
    """Run every partition in this process (the worker function, without a cluster)."""
    report = RejectionReport()
    for part in plan:
        merge_reports(report, process_partition(part, str(out)))
    return report


# --- schema and shards -----------------------------------------------------------------------


def test_shards_round_trip_documents_exactly(tmp_path: Path) -> None:
    docs = [
        Document(
            Article("a1", date(2020, 1, 1), "On Tuesday, it rained. Then nothing.", "T", "reuters", "http://x/1"),
            (
                Sentence("a1", 0, "On Tuesday, it rained.", (Mention("Tuesday", 3, 10, "2019-12-31", "day", "DATE"),), 0, 22),
                Sentence("a1", 1, "Then nothing.", (), 23, 36),
            ),
        ),
        Document(Article("a2", date(1999, 12, 31), ""), ()),  # no sentences, no title/source/url
        Document(
            Article("a3", date(2010, 5, 2), "Late 2009 and every week."),
            (Sentence("a3", 0, "Late 2009 and every week.",
                      (Mention("Late 2009", 0, 9, "2009", "year", "DATE", "END"),
                       Mention("every week", 14, 24, "P1W", "other", "SET")), 0, 25),),
        ),
    ]
    writer = ShardWriter(tmp_path, "part-00000")
    buf = ShardBuffer()
    for d in docs[:2]:
        buf.add(d)
    writer.write(buf)
    buf.clear()
    buf.add(docs[2])
    writer.write(buf)  # a second row group
    writer.commit()
    assert list(read_documents(tmp_path)) == docs
    assert list(read_documents(tmp_path, ids=["a3", "a1"])) == [docs[0], docs[2]]
    assert not [p for p in tmp_path.rglob(".*")], "temporary files left behind"


def test_not_a_dataset_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatelineError, match="not a dateline Parquet dataset"):
        list(read_documents(tmp_path))


# --- partitioning reuses the corpus reader -----------------------------------------------------


def test_partitions_read_exactly_what_the_reader_reads(mixed_inputs: list[str]) -> None:
    plan = plan_partitions(mixed_inputs, 12, min_piece_bytes=4096)
    sliced = [p for p in plan if any(piece.sliced for piece in p.pieces)]
    assert len(sliced) >= 6, "the gzip JSONL and the CSV should each be cut into several slices"
    assert any(piece.header for p in plan for piece in p.pieces), "a CSV slice needs the header in front"
    report = RejectionReport()
    got = [a for part in plan for a in read_partition(part, report)]
    ref_report = RejectionReport()
    ref = list(read(mixed_inputs, report=ref_report))
    assert got == ref
    assert (report.read, report.kept) == (ref_report.read, ref_report.kept)
    # rejections name the original file and line, as the single-process reader does
    assert report.rejected == ref_report.rejected
    assert len(report.rejected) == 2


def test_process_partition_is_idempotent(tmp_path: Path, mixed_inputs: list[str]) -> None:
    ref, ref_report = _reference(mixed_inputs)
    plan = plan_partitions(mixed_inputs, 6, min_piece_bytes=4096)
    out = tmp_path / "out"
    report = _run_local(plan, out)
    process_partition(plan[1], str(out))  # a retry of a partition that had already finished
    process_partition(plan[-1], str(out))
    assert shard_names(out) == [p.name for p in plan]
    assert list(read_documents(out)) == ref
    assert report.counts() == ref_report.counts()


def test_query_on_shards_keeps_what_select_keeps(tmp_path: Path, mixed_inputs: list[str]) -> None:
    out = tmp_path / "out"
    _run_local(plan_partitions(mixed_inputs, 4), out)
    for query, start in (("embassy", None), ("Geneva talks", date(2020, 1, 10)), ("nothing-matches-this", None)):
        expected = [analyze(a) for a in api.select(read(mixed_inputs), query=query, start=start)]
        assert list(documents_for_query(out, query, start=start)) == expected
        assert search_documents(out, query, start=start) == [d.id for d in expected]


def test_to_store_adds_the_documents_unchanged(tmp_path: Path, mixed_inputs: list[str]) -> None:
    from dateline.store import Archive

    ref, _ = _reference(mixed_inputs[2:])  # the seed files
    out = tmp_path / "out"
    _run_local(plan_partitions(mixed_inputs[2:], 2), out)
    with Archive(tmp_path / "a.db") as archive:
        n, result = to_store(out, archive)
        assert n == len(ref) == result.added
        assert archive.documents([d.id for d in ref]) == ref
        n, result = to_store(out, archive)  # again: nothing new
        assert result.added == 0 and result.skipped == n


def test_to_store_needs_add_documents(tmp_path: Path) -> None:
    with pytest.raises(DatelineError, match="add_documents"):
        to_store(tmp_path, object())


# --- on a real cluster -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as c:
            yield c


@pytest.fixture(scope="module")
def two_topics() -> list[str]:
    from conftest import shared_data

    data = shared_data()
    files = sorted((data / "timeline17").glob("*/articles.jsonl.gz"), key=lambda p: p.stat().st_size) if data else []
    if len(files) < 2:
        pytest.skip("Timeline17 not found: set DATELINE_DATA or place it in ../shared/data")
    return [str(p) for p in files[:2]]


@pytest.fixture(scope="module")
def two_topics_reference(two_topics: list[str]) -> tuple[list[Document], RejectionReport]:
    return _reference(two_topics)


def test_dask_path_equals_single_process(tmp_path: Path, client, two_topics, two_topics_reference) -> None:
    ref, ref_report = two_topics_reference
    report = RejectionReport()
    result = ingest_parquet(two_topics, tmp_path / "out", scheduler=client, report=report)
    assert result.partitions >= 4 and result.workers == 2
    got = list(read_documents(tmp_path / "out"))
    assert got == ref  # same rows, same order
    assert [d.article.content_hash for d in got] == [d.article.content_hash for d in ref]
    assert (result.articles, result.sentences) == (len(ref), sum(len(d.sentences) for d in ref))
    assert report.counts() == ref_report.counts()
    assert all(v > 0 for v in result.shard_bytes.values())
    # a second run into the same folder must be asked for
    with pytest.raises(DatelineError, match="--overwrite"):
        ingest_parquet(two_topics, tmp_path / "out", scheduler=client)


def test_repeated_ids_across_partitions_follow_the_reader_rule(tmp_path: Path, client) -> None:
    lines = _jsonl_lines(2000)  # > 4 x 64 KiB, so that it is cut into 4 slices
    lines[1800] = lines[5].replace('"Report 5"', '"Report 5, again"')  # same id, other content: renamed
    lines[1900] = lines[7]  # same id, same content: rejected
    f = tmp_path / "dups.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ref, ref_report = _reference([str(f)])
    report = RejectionReport()
    result = ingest_parquet([str(f)], tmp_path / "out", scheduler=client, partitions=4, report=report)
    assert result.partitions == 4
    assert list(read_documents(tmp_path / "out")) == ref
    assert report.counts() == ref_report.counts()
    assert [r.reason for r in report.rejected] == [r.reason for r in ref_report.rejected] == [
        "duplicate id 'j7' (same content)"
    ]
    assert sum(d.id.startswith("j5#") for d in ref) == 1
    assert result.articles == len(ref)


class KillOnce(distributed.WorkerPlugin):
    """Kills its worker process (``os._exit``) while a partition task is writing its shard — once per
    run, whichever worker gets there first (the marker file is created atomically)."""

    def __init__(self, marker: str, out_dir: str) -> None:
        self.marker = marker
        self.out_dir = out_dir

    def setup(self, worker) -> None:
        self.watching = False

    def transition(self, key, start, finish, **kwargs) -> None:
        if finish != "executing" or not str(key).startswith(TASK_PREFIX) or self.watching:
            return
        self.watching = True
        threading.Thread(target=self._kill_when_writing, daemon=True).start()

    def _kill_when_writing(self) -> None:
        folder = Path(self.out_dir) / "articles"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not os.path.exists(self.marker):
            if any(p.name.endswith(".tmp") for p in folder.glob(".part-*")):
                try:
                    fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
                except FileExistsError:
                    return
                os.close(fd)
                os._exit(1)
            time.sleep(0.005)


def test_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path: Path, client, two_topics,
                                                            two_topics_reference) -> None:
    ref, ref_report = two_topics_reference
    out = tmp_path / "out"
    marker = tmp_path / "killed"
    client.register_plugin(KillOnce(str(marker), str(out)), name="kill-once")
    try:
        report = RejectionReport()
        result = ingest_parquet(two_topics, out, scheduler=client, report=report)
    finally:
        client.unregister_worker_plugin("kill-once")
    assert marker.exists(), "no worker was killed: the test did not test anything"
    got = list(read_documents(out))
    assert got == ref
    ids = [d.id for d in got]
    assert len(ids) == len(set(ids)) == result.articles
    assert report.counts() == ref_report.counts()
    assert not list(out.rglob(".part-*")), "temporary shard files left behind"
    client.wait_for_workers(2, timeout=60)  # the nanny brought the worker back


# --- command line ----------------------------------------------------------------------------


def _ingest_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ingest")
    p.add_argument("inputs", nargs="*")
    p.add_argument("--input-format", default=None)
    p.add_argument("--store", default=None)
    p.add_argument("--quiet", action="store_true")
    return add_ingest_options(p)


def test_run_ingest_then_from_parquet(tmp_path: Path, client, mixed_inputs, capsys) -> None:
    from dateline.store import Archive

    addr = client.scheduler.address
    out = tmp_path / "shards"
    args = _ingest_parser().parse_args([*mixed_inputs, "--engine", "dask", "--scheduler", addr,
                                        "--partitions", "3", "--parquet", str(out)])
    assert wants_scale(args)
    report = RejectionReport()
    assert run_ingest(args, report) == 0
    ref, ref_report = _reference(mixed_inputs)
    assert report.counts() == ref_report.counts()
    assert list(read_documents(out)) == ref
    assert "wire.csv" in capsys.readouterr().err  # the rejection report names the file

    db = tmp_path / "a.db"
    args = _ingest_parser().parse_args(["--from-parquet", str(out), "--store", str(db)])
    assert run_ingest(args, RejectionReport()) == 0
    with Archive(db) as archive:
        assert len(archive) == len(ref)

    bad = _ingest_parser().parse_args([*mixed_inputs, "--engine", "dask"])
    with pytest.raises(DatelineError, match="--parquet"):
        run_ingest(bad, RejectionReport())
    bad = _ingest_parser().parse_args([*mixed_inputs, "--parquet", str(out)])
    with pytest.raises(DatelineError, match="need --engine dask"):
        run_ingest(bad, RejectionReport())


def test_cli_timeline_from_parquet(tmp_path: Path, mixed_inputs: list[str]) -> None:
    out = tmp_path / "out"
    _run_local(plan_partitions(mixed_inputs, 3), out)
    from_files = run_cli("timeline", *mixed_inputs, "--query", "embassy", "--format", "json", "--quiet")
    from_shards = run_cli("timeline", "--parquet", str(out), "--query", "embassy", "--format", "json")
    assert from_files.returncode == 0, from_files.stderr
    assert from_shards.returncode == 0, from_shards.stderr
    strip = lambda s: {k: v for k, v in json.loads(s).items() if k != "generated_at"}  # noqa: E731
    assert strip(from_shards.stdout) == strip(from_files.stdout)
    missing = run_cli("timeline", "--parquet", str(tmp_path / "nope"), "--query", "x")
    assert missing.returncode == 1 and "not a dateline Parquet dataset" in missing.stderr
