"""The CLI contract, through real subprocess runs of ``python -m dateline``."""

from __future__ import annotations

import json

import pytest

from conftest import SEEDS, run_cli

SEED_FILES = sorted(str(p) for p in SEEDS.glob("*.txt"))


def _mentions_by_article() -> dict[str, list[dict]]:
    r = run_cli("tag", *SEED_FILES, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert "read 2, kept 2, rejected 0" in r.stderr
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    return {rec["published"]: rec["mentions"] for rec in recs}


@pytest.fixture(scope="module")
def seed_mentions() -> dict[str, list[dict]]:
    return _mentions_by_article()


def _value_of(mentions: list[dict], text: str) -> list[str]:
    return [m["value"] for m in mentions if m["text"].lower() == text.lower()]


@pytest.mark.parametrize(
    "published, text, value",
    [
        ("2019-12-31", "last Friday", "2019-12-27"),
        ("2019-12-31", "Sunday", "2019-12-29"),
        ("2019-12-31", "Tuesday", "2019-12-31"),
        ("2020-01-01", "Wednesday", "2020-01-01"),
        ("2020-01-01", "Sept. 11, 2012", "2012-09-11"),
        ("2020-01-01", "December 2017", "2017-12"),
        ("2020-01-01", "2014", "2014"),
        ("2020-01-01", "2003", "2003"),
    ],
)
def test_tag_resolves_seed_expressions(seed_mentions, published, text, value):
    values = _value_of(seed_mentions[published], text)
    assert value in values, f"{text!r} in the {published} article: got {values}"


def test_tag_late_tuesday_and_tuesday_night(seed_mentions):
    m = seed_mentions["2020-01-01"]
    late = [x for x in m if "tuesday" in x["text"].lower() and "late" in x["text"].lower()]
    assert late and late[0]["value"].startswith("2019-12-31"), late
    night = [x for x in m if x["text"].lower() == "tuesday night"]
    assert night and night[0]["value"].startswith("2019-12-31"), night


def test_tag_offsets_point_at_the_text(seed_mentions):
    # offsets are into the article text; every mention has a sentence index
    for mentions in seed_mentions.values():
        for m in mentions:
            assert m["end"] - m["start"] == len(m["text"])
            assert isinstance(m["sentence"], int)


def test_timeline_on_seeds_puts_each_event_on_its_day():
    r = run_cli("timeline", *SEED_FILES, "--dates", "4", "--format", "json")
    assert r.returncode == 0, r.stderr
    tl = json.loads(r.stdout)
    days = {e["date"]: e["sentences"] for e in tl["entries"]}
    assert len(days) <= 4
    for day in ("2019-12-27", "2019-12-29", "2019-12-31"):
        assert day in days, f"{day} missing from {sorted(days)}"
        for s in days[day]:
            assert s["article_id"] and s["published"]
    text = lambda d: " ".join(s["text"] for s in days[d]).lower()  # noqa: E731
    assert "rocket" in text("2019-12-27")
    assert "strike" in text("2019-12-29") or "airstrike" in text("2019-12-29")
    # the storming of the embassy (its compound, its reception area) on its own day
    assert any(w in text("2019-12-31") for w in ("embassy", "compound", "stormed"))


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html", "timelinejs", "pretty"])
def test_timeline_every_format_on_seeds(fmt, tmp_path):
    out = tmp_path / f"tl.{fmt}"
    r = run_cli("timeline", *SEED_FILES, "--dates", "3", "--format", fmt, "-o", out)
    assert r.returncode == 0, r.stderr
    body = out.read_text(encoding="utf-8")
    assert "2019-12-31" in body or "December 2019" in body or '"year": 2019' in body.replace("'", '"')


def test_timeline_default_format_pretty_on_a_terminal_tilse_in_a_pipe():
    """At a terminal every quote names its article; piped, the output is tilse text."""
    import os
    import pty
    import subprocess
    import sys

    from conftest import REPO

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline", "timeline", *SEED_FILES, "--dates", "4", "--quiet"],
        cwd=REPO, stdin=subprocess.DEVNULL, stdout=follower, stderr=subprocess.PIPE,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closes when the child exits
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    assert proc.wait(timeout=300) == 0, proc.stderr.read()
    shown = b"".join(chunks).decode("utf-8")
    assert "Friday 27 December 2019" in shown and "Tuesday 31 December 2019" in shown
    assert shown.count("\u2014 ") >= 3  # "— <article>" after each quote

    piped = run_cli("timeline", *SEED_FILES, "--dates", "4", "--quiet")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.splitlines()[0] == "2012-09-11" and "-" * 32 in piped.stdout


def test_unknown_file_format_is_one_line_exit_1(tmp_path):
    bad = tmp_path / "image.bin"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00garbage")
    r = run_cli("timeline", bad)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_missing_input_is_one_line_exit_1(tmp_path):
    r = run_cli("tag", tmp_path / "nope.jsonl")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "nope.jsonl" in r.stderr


def test_bad_usage_exit_1():
    r = run_cli("timeline", "--dates", "zero")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr


def test_rejection_report_counts(tmp_path):
    f = tmp_path / "mixed.jsonl"
    good = [{"id": f"g{i}", "published": "2020-01-0%d" % (i + 1), "text": f"Story {i} happened on Monday."}
            for i in range(3)]
    lines = [json.dumps(g) for g in good]
    lines.insert(1, '{"id": "broken", "published": "2020-01-01", "text": ')
    lines.append(json.dumps({"id": "nodate", "text": "No date here."}))
    lines.append(json.dumps({"id": "impossible", "published": "2019-02-30", "text": "Bad date."}))
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run_cli("tag", f)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == 3
    assert "read 6, kept 3, rejected 3" in r.stderr
    reasons = [ln for ln in r.stderr.splitlines() if "mixed.jsonl:" in ln]
    assert len(reasons) == 3, r.stderr


def test_demo_prints_a_timeline():
    r = run_cli("demo")
    assert r.returncode == 0, r.stderr
    assert "■" in r.stdout and "wikinews.org" in r.stdout
    heads = [ln for ln in r.stdout.splitlines() if ln.startswith("■")]
    assert len(heads) >= 3


def test_version_and_help():
    assert run_cli("--version").stdout.startswith("dateline ")
    r = run_cli("--help")
    assert r.returncode == 0 and "timeline" in r.stdout


def test_timeline_on_a_timeline17_topic(timeline17, tmp_path):
    out = tmp_path / "syria.json"
    r = run_cli("timeline", timeline17 / "syria" / "articles.jsonl.gz", "--dates", "20", "--format", "json",
                "-o", out)
    assert r.returncode == 0, r.stderr
    tl = json.loads(out.read_text(encoding="utf-8"))
    assert 10 <= len(tl["entries"]) <= 20
    dates = [e["date"] for e in tl["entries"]]
    assert dates == sorted(dates)
    assert all(s["article_id"] for e in tl["entries"] for s in e["sentences"])
    assert all("2011-01-01" <= d <= "2013-12-31" for d in dates), dates
