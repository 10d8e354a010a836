"""``dateline tag-eval`` run as a real subprocess, on a small file and on TempEval-3 if present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from dateline.timex.timeml import read_tml

SMALL_DIR = Path(__file__).resolve().parent / "data" / "timeml"
KEYS = {"strict", "relaxed", "value_f1", "type_f1", "docs", "timexes_gold", "seconds"}


def test_tag_eval_json_and_save_dir(tmp_path: Path) -> None:
    r = run_cli("tag-eval", SMALL_DIR, "--json", "--save-dir", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert set(res) == KEYS
    assert res["docs"] == 1 and res["timexes_gold"] == 4
    for k in ("strict", "relaxed"):
        assert set(res[k]) == {"precision", "recall", "f1"}
    assert res["relaxed"]["f1"] == 1.0 and res["value_f1"] == 1.0
    saved = tmp_path / "out" / "small.tml"
    dct, text, pred = read_tml(saved)
    dct0, text0, _ = read_tml(SMALL_DIR / "small.tml")
    assert (dct, text) == (dct0, text0)
    assert [p.value for p in pred] == ["1998-08-07", "1998-07", "P3W", "1999"]


def test_tag_eval_text_table() -> None:
    r = run_cli("tag-eval", SMALL_DIR)
    assert r.returncode == 0, r.stderr
    assert "strict" in r.stdout and "relaxed" in r.stdout and "value F1" in r.stdout


def test_tag_eval_bad_input_is_one_line(tmp_path: Path) -> None:
    r = run_cli("tag-eval", tmp_path / "missing")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    (tmp_path / "x.tml").write_text("<TimeML>no text</TimeML>", encoding="utf-8")
    r = run_cli("tag-eval", tmp_path)
    assert r.returncode == 1 and "x.tml" in r.stderr and "Traceback" not in r.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run_cli("tag-eval", empty)
    assert r.returncode == 1 and "no .tml files" in r.stderr


def test_tempeval3_regression_floors(data_dir: Path) -> None:
    """TimeBank + AQUAINT combined: floors at (not above) the scores measured when written."""
    te3 = data_dir / "tempeval3"
    if not (te3 / "TimeBank").is_dir() or not (te3 / "AQUAINT").is_dir():
        pytest.skip(f"TempEval-3 TimeBank/AQUAINT not found under {data_dir}")
    r = run_cli("tag-eval", te3 / "TimeBank", te3 / "AQUAINT", "--json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert res["docs"] == 256 and res["timexes_gold"] == 1822
    assert res["strict"]["f1"] >= 0.868
    assert res["relaxed"]["f1"] >= 0.94
    assert res["value_f1"] >= 0.811
    assert res["type_f1"] >= 0.895
