"""`dateline ingest` and `dateline search` as real subprocesses on real files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import REPO, run_cli  # noqa: E402

DEMO = sorted((REPO / "src" / "dateline" / "data" / "demo").glob("*.jsonl"))


def test_ingest_twice_then_search(tmp_path: Path):
    db = tmp_path / "archive.db"
    r = run_cli("ingest", *DEMO, "--store", db)
    assert r.returncode == 0, r.stderr
    n = sum(1 for f in DEMO for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    assert f"added {n}, skipped 0" in r.stdout
    assert "read" in r.stderr and "Traceback" not in r.stderr  # the rejection report's counts
    r = run_cli("ingest", *DEMO, "--store", db)
    assert r.returncode == 0, r.stderr
    assert f"added 0, skipped {n} already stored" in r.stdout and f"holds {n} articles" in r.stdout

    r = run_cli("search", "Chrysler bankruptcy", "--store", db, "--limit", "3")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert 1 <= len(lines) <= 3
    assert all(line[:4] == "2009" for line in lines)  # the GM/Chrysler story is from 2009

    r = run_cli("search", "Chrysler", "--store", db, "--json", "--start", "2009-05-01")
    body = json.loads(r.stdout)
    assert body["hits"] and all(h["published"] >= "2009-05-01" for h in body["hits"])
    assert all(h["url"].startswith("http") for h in body["hits"])


def test_ingest_rejections_are_reported_and_not_fatal(tmp_path: Path):
    f = tmp_path / "mixed.jsonl"
    f.write_text(
        '{"id": "a", "published": "2020-01-01", "text": "Markets fell on Monday."}\n'
        '{"id": "b", "published": "2020-01-01", "text": \n'
        '{"id": "c", "text": "no date"}\n',
        encoding="utf-8",
    )
    r = run_cli("ingest", f, "--store", tmp_path / "a.db")
    assert r.returncode == 0, r.stderr
    assert "added 1," in r.stdout
    assert "read 3, kept 1, rejected 2" in r.stderr


def test_cli_errors_are_one_line(tmp_path: Path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 50)
    cases = [
        ("search", "x", "--store", tmp_path / "none.db"),
        ("search", "x", "--store", junk),
        ("serve", "--store", tmp_path / "none.db"),
        ("ingest", tmp_path / "missing.jsonl", "--store", tmp_path / "b.db"),
        ("search", "x", "--store", junk, "--limit", "0"),
    ]
    for args in cases:
        r = run_cli(*args)
        assert r.returncode == 1, (args, r.stderr)
        assert "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1, (args, r.stderr)


def test_ingest_needs_a_store_and_inputs(tmp_path: Path):
    for args in (("ingest", *DEMO), ("ingest", "--store", tmp_path / "a.db")):
        r = run_cli(*args)
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert not (tmp_path / "a.db").exists()
