"""The readers through the real command line: rejection report on stderr, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

INPUTS = Path(__file__).resolve().parent / "data" / "inputs"


def _require_tag_verb() -> None:
    try:
        import dateline.commands.tag  # noqa: F401
    except ModuleNotFoundError:
        pytest.skip("the `dateline tag` verb is not built yet")


def test_tag_reports_three_rejections_and_exits_zero() -> None:
    _require_tag_verb()
    path = INPUTS / "mixed.jsonl"
    proc = run_cli("tag", path)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert [r["article_id"] for r in records] == ["good-1", "good-2", "good-3"]
    err = proc.stderr.splitlines()
    assert "read 6, kept 3, rejected 3" in err
    rejection_lines = [line for line in err if line.startswith(f"{path}:")]
    assert [line.split(":")[1] for line in rejection_lines] == ["3", "4", "5"]
    assert "Traceback" not in proc.stderr


def test_unsupported_file_is_one_line_and_exit_one(tmp_path: Path) -> None:
    _require_tag_verb()
    bad = tmp_path / "picture.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    proc = run_cli("tag", bad)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "picture.png" in proc.stderr
    assert "not a supported input format" in proc.stderr
    assert proc.stdout == ""


def test_missing_path_is_one_line_and_exit_one(tmp_path: Path) -> None:
    _require_tag_verb()
    proc = run_cli("tag", tmp_path / "missing.jsonl")
    assert proc.returncode == 1
    assert proc.stderr.strip().endswith("missing.jsonl: no such file or directory")
    assert proc.stderr.count("\n") == 1


def test_forced_input_format_flag(tmp_path: Path) -> None:
    _require_tag_verb()
    p = tmp_path / "records.txt"
    p.write_text('{"id": "a", "date": "2020-01-01", "text": "It rained on Tuesday."}\n')
    proc = run_cli("tag", "--input-format", "jsonl", p)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["article_id"] == "a"
    assert "read 1, kept 1, rejected 0" in proc.stderr
