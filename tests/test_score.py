"""``dateline score`` and the tilse-format reader/writer, through real files and real CLI runs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import run_cli
from dateline.errors import MalformedTimeline
from dateline.model import Entry, Quote, Timeline
from dateline.render.tilse import format_tilse, parse_tilse, read_timeline, read_timelines

PRED = "2020-01-02\noil spill\n" + "-" * 32 + "\n2020-01-05\nrelief capped\n" + "-" * 32 + "\n"
REF = "2020-01-01\noil spill\n" + "-" * 32 + "\n2020-01-05\nrelief sealed\n" + "-" * 32 + "\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    p, r = tmp_path / "pred.txt", tmp_path / "ref.txt"
    p.write_text(PRED, encoding="utf-8")
    r.write_text(REF, encoding="utf-8")
    return p, r


def test_score_json_shape_and_values(files):
    res = run_cli("score", *map(str, files), "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert list(out)[:4] == ["concat", "agreement", "align_m1", "date_f1"]
    for key in ("concat", "agreement", "align_m1"):
        assert set(out[key]) == {"rouge_1", "rouge_2"}
        for n in ("rouge_1", "rouge_2"):
            assert set(out[key][n]) == {"precision", "recall", "f_score"}
    assert set(out["date_f1"]) == {"precision", "recall", "f_score"}
    assert out["concat"]["rouge_1"]["f_score"] == pytest.approx(0.75)
    assert out["align_m1"]["rouge_1"]["recall"] == pytest.approx(0.5)
    assert out["date_f1"]["f_score"] == pytest.approx(0.5)


def test_score_table(files):
    res = run_cli("score", *map(str, files))
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0].split()[:2] == ["metric", "R1-P"]
    assert any(line.startswith("align+ m:1") for line in lines)
    assert lines[-1].startswith("date F1")


def test_json_timelines_score_like_tilse_text(files, tmp_path: Path):
    pred, ref = files
    as_json = tmp_path / "pred.json"
    tl = read_timeline(pred)
    as_json.write_text(json.dumps({"entries": [
        {"date": e.date.isoformat(), "sentences": [{"text": q.text, "article_id": "x"} for q in e.sentences]}
        for e in tl.entries]}), encoding="utf-8")
    news_tls = tmp_path / "refs.jsonl"  # news-tls layout: one [[date, [sentences]], ...] per line
    news_tls.write_text(json.dumps([["2020-01-01T00:00:00", ["oil spill"]], ["2020-01-05T00:00:00", ["relief sealed"]]])
                        + "\n", encoding="utf-8")
    a = run_cli("score", str(pred), str(ref), "--json")
    b = run_cli("score", str(as_json), str(news_tls), "--json")
    assert a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr
    assert json.loads(a.stdout) == json.loads(b.stdout)


def test_malformed_timeline_names_file_and_line(files, tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_text("2020-01-01\noil spill\n" + "-" * 32 + "\n2020-01-0\nrelief\n", encoding="utf-8")
    res = run_cli("score", str(files[0]), str(bad))
    assert res.returncode == 1
    err = res.stderr.strip().splitlines()
    assert len(err) == 1 and f"{bad}:4" in err[0] and "Traceback" not in res.stderr


def test_missing_and_non_text_files_fail_cleanly(files, tmp_path: Path):
    res = run_cli("score", str(tmp_path / "nope.txt"), str(files[1]))
    assert res.returncode == 1 and "nope.txt" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    res = run_cli("score", str(binary), str(files[1]))
    assert res.returncode == 1 and "bin.txt" in res.stderr


# --- reader / writer ---------------------------------------------------------------------------

def test_format_and_parse_round_trip():
    tl = Timeline((Entry(date(2010, 4, 20), (Quote("The rig explodes .", "a"), Quote("11 die .", "b"))),
                   Entry(date(2010, 4, 22), ())))
    text = format_tilse(tl)
    assert text.splitlines()[2] == "11 die ."
    back = parse_tilse(text)
    assert [(e.date, [q.text for q in e.sentences]) for e in back.entries] == \
        [(date(2010, 4, 20), ["The rig explodes .", "11 die ."]), (date(2010, 4, 22), [])]


def test_parse_is_lenient_about_blank_lines_and_final_dashes():
    tl = parse_tilse("\n2010-04-20\n\nA .\n---\n2010-04-21\nB .\n")
    assert [e.date.day for e in tl.entries] == [20, 21]
    assert tl.entries[1].sentences[0].text == "B ."


@pytest.mark.parametrize(
    "text, line, what",
    [
        ("hello\n", 1, "before the first date"),
        ("2010-04-20\nA\n---\n---\n", 4, "without a date"),
        ("2010-02-30\nA\n", 1, "invalid date"),
    ],
)
def test_parse_errors(text, line, what):
    with pytest.raises(MalformedTimeline, match=rf"^t\.txt:{line}: .*{what}"):
        parse_tilse(text, "t.txt")


def test_read_timelines_json_errors(tmp_path: Path):
    p = tmp_path / "x.json"
    p.write_text('{"entries": [{"date": "someday", "sentences": []}]}', encoding="utf-8")
    with pytest.raises(MalformedTimeline, match="x.json"):
        read_timeline(p)
    p.write_text('[["2020-01-01", ["a"]]]\n{not json\n', encoding="utf-8")
    with pytest.raises(MalformedTimeline, match=r"x.json:2"):
        read_timelines(p)
