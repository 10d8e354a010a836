"""Property tests: random bytes, random JSON lines and random CSV through every reader.

Whatever the input, a reader never raises anything but ``UnsupportedInput`` (a whole file of no
usable format), and never loses a record: ``read == kept + rejected`` and the number of
articles yielded is ``kept``.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.corpus import FORMATS, RejectionReport, read
from dateline.errors import UnsupportedInput
from dateline.model import Article

SUFFIXES = ["", ".txt", ".jsonl", ".json", ".jsonl.gz", ".csv", ".tsv", ".html", ".xml", ".rss", ".gz"]

# fragments of every supported syntax, so random inputs reach deep into the parsers
FRAGMENTS = [
    b"{", b"}", b"[", b"]", b'"', b":", b",", b"\n", b"\r\n", b"\r", b" ", b"\t", b"\xef\xbb\xbf", b"\xff", b"\x00",
    b'"text"', b'"date"', b'"published"', b'"id"', b'"x"', b'"2019-12-31"', b'"2019-02-30"', b"null", b"1e400",
    b"date 2019-12-31 ", b"date 2019-02-30 ", b"text,date\n", b"id;text;pub_date\n", b"2019-12-31,", b"hello",
    b"<rss>", b"<channel>", b"<item>", b"</item>", b"<pubDate>", b"</pubDate>", b"<description>", b"</description>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'>", b"<entry>", b"</entry>", b"<updated>2020-01-01</updated>",
    b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"&a;", b"&amp;", b"<![CDATA[", b"]]>", b"<?xml version='1.0'?>",
    b"<html>", b"<p>", b"</p>", b"<meta name='date' content='2020-01-01'>", b"<script>", b"</script>",
    b"<time datetime='2020-13-01'>", b"<article>", b"-->", b"<!--",
]
random_bytes = st.one_of(
    st.binary(max_size=1500),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(b"".join),
)


def check(paths: list[Path], fmt: str | None) -> RejectionReport | None:
    """Read ``paths``; return the report, or None if the input was rejected as a whole."""
    report = RejectionReport()
    try:
        articles = list(read(paths, input_format=fmt, report=report))
    except UnsupportedInput as exc:
        assert "\n" not in str(exc)
        return None
    assert report.read == report.kept + len(report.rejected)
    assert len(articles) == report.kept
    assert len({a.id for a in articles}) == len(articles)
    for a in articles:
        assert isinstance(a, Article) and a.id and a.text.strip()
    for r in report.rejected:
        assert r.reason and "\n" not in r.reason and r.line >= 0
    return report


@settings(max_examples=400, deadline=None)
@given(data=random_bytes, suffix=st.sampled_from(SUFFIXES), fmt=st.sampled_from([None, *FORMATS]))
def test_random_bytes_never_crash_a_reader(data: bytes, suffix: str, fmt: str | None) -> None:
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "in"
        folder.mkdir()
        p = folder / f"input{suffix}"
        p.write_bytes(gzip.compress(data) if suffix.endswith(".gz") and data[:1] != b"\x1f" else data)
        check([p], fmt)
        # inside a directory, a bad file is a rejection, never an error
        report = check([folder], None)
        if suffix not in ("", ".gz"):
            assert report is not None


json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(["2019-02-30", "2019-12-31T10:00:00Z", "", "   ", "Tue, 31 Dec 2019 10:00:00 GMT", "soon"]),
    json_values,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=8), st.integers(), json_values),
        "text": st.one_of(st.text(max_size=40), json_values),
        "date": dates,
        "published": dates,
        "time": dates,
        "title": json_values,
        "url": json_values,
    },
)
no_breaks = st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r")
json_lines = st.lists(
    st.one_of(records.map(json.dumps), json_values.map(json.dumps), st.text(no_breaks, max_size=30)),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(lines=json_lines, gz=st.booleans())
def test_random_json_lines_are_all_counted(lines: list[str], gz: bool) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / ("data.jsonl.gz" if gz else "data.jsonl")
        payload = ("\n".join(lines) + "\n").encode("utf-8")
        p.write_bytes(gzip.compress(payload) if gz else payload)
        report = check([p], "jsonl")
        assert report is not None
        expected = list(lines)
        if expected:  # a byte-order mark opening the file is not content
            expected[0] = expected[0].removeprefix("\ufeff")
        assert report.read == sum(1 for line in expected if line.strip())


cells = st.text(st.characters(blacklist_categories=("Cs",)), max_size=25)
header_names = st.sampled_from(["id", "text", "date", "published", "pub_date", "time", "title", "url", "x", "Text"])


@settings(max_examples=300, deadline=None)
@given(
    header=st.lists(header_names, min_size=1, max_size=6),
    rows=st.lists(st.lists(cells | dates.filter(lambda v: isinstance(v, str)), max_size=8), max_size=15),
    delimiter=st.sampled_from([",", "\t", ";"]),
)
def test_random_csv_is_all_counted(header: list[str], rows: list[list[str]], delimiter: str) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "data.csv"
        p.write_text(buf.getvalue(), encoding="utf-8")
        report = check([p], None)
        names = {h.lower() for h in header}
        usable = "text" in names and bool(names & {"date", "published", "pub_date", "time"})
        if not usable:
            assert report is None
            return
        assert report is not None
        assert report.read == sum(1 for r in rows if any(c.strip() for c in r))
