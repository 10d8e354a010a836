"""Every input reader, on small fixtures in tests/data/inputs and on files written per test."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from dateline.corpus import FORMATS, Rejection, RejectionReport, read
from dateline.errors import DatelineError, UnsupportedInput
from dateline.model import Article

INPUTS = Path(__file__).resolve().parent / "data" / "inputs"


def read_all(*paths: Path | str, fmt: str | None = None) -> tuple[list[Article], RejectionReport]:
    report = RejectionReport()
    articles = list(read(list(paths), input_format=fmt, report=report))
    assert report.read == report.kept + len(report.rejected)
    assert report.kept == len(articles)
    return articles, report


def reasons(report: RejectionReport) -> list[tuple[int, str]]:
    return [(r.line, r.reason) for r in report.rejected]


# ---------------------------------------------------------------------------------------- JSONL


def test_issue_case_three_good_one_broken_one_undated_one_impossible() -> None:
    path = INPUTS / "mixed.jsonl"
    articles, report = read_all(path)
    assert [a.id for a in articles] == ["good-1", "good-2", "good-3"]
    assert [a.published for a in articles] == [date(2019, 12, 27), date(2019, 12, 29), date(2019, 12, 31)]
    assert (report.read, report.kept, len(report.rejected)) == (6, 3, 3)
    lines = report.summary().splitlines()
    assert lines[0] == "read 6, kept 3, rejected 3"
    assert len(lines) == 4
    assert lines[1].startswith(f"{path}:3: invalid JSON")
    assert lines[2].startswith(f"{path}:4: missing date")
    assert lines[3] == f"{path}:5: impossible date '2019-02-30'"


def test_jsonl_optional_fields_kept() -> None:
    articles, _ = read_all(INPUTS / "mixed.jsonl")
    first = articles[0]
    assert (first.title, first.source, first.url) == ("Rocket attack", "wire", "https://example.org/1")
    assert articles[1].title is None and articles[1].url is None


def test_jsonl_gz_reads_like_jsonl(tmp_path: Path) -> None:
    gz = tmp_path / "mixed.jsonl.gz"
    gz.write_bytes(gzip.compress((INPUTS / "mixed.jsonl").read_bytes()))
    plain, plain_report = read_all(INPUTS / "mixed.jsonl")
    packed, packed_report = read_all(gz)
    assert packed == plain
    assert reasons(packed_report) == reasons(plain_report)


@pytest.mark.parametrize("field", ["published", "date", "time", "pub_date", "Published", "PUB_DATE"])
@pytest.mark.parametrize(
    "value, expected",
    [
        ("2011-03-15", date(2011, 3, 15)),
        ("2011-03-15T10:00:00Z", date(2011, 3, 15)),
        ("2011-03-15 23:30:00", date(2011, 3, 15)),
        ("2011-03-15T23:30:00-05:00", date(2011, 3, 15)),
        ("Tue, 15 Mar 2011 10:00:00 GMT", date(2011, 3, 15)),
        ("March 15, 2011", date(2011, 3, 15)),
    ],
)
def test_jsonl_date_fields_and_spellings(tmp_path: Path, field: str, value: str, expected: date) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "x", field: value, "text": "Something happened."}) + "\n")
    (article,), _ = read_all(p)
    assert article.published == expected


def test_jsonl_missing_id_gets_stable_id_from_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "noid.jsonl"
    p.write_text('\n{"date": "2020-01-01", "text": "A."}\n{"date": "2020-01-02", "text": "B."}\n')
    articles, _ = read_all(p)
    assert [a.id for a in articles] == ["noid.jsonl:2", "noid.jsonl:3"]
    again, _ = read_all(p)
    assert [a.id for a in again] == [a.id for a in articles]


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"date": "2020-01-01", "text": "   "}', "empty text"),
        ('{"date": "2020-01-01"}', "no 'text' field"),
        ('{"date": "2020-01-01", "text": 5}', "field 'text' is a number, not a string"),
        ('["a", "list"]', "record is a JSON array, not an object"),
        ('"just a string"', "record is a JSON string, not an object"),
        ('{"date": "", "text": "x"}', "missing date (no published|date|time|pub_date field)"),
        ('{"date": "yesterday", "text": "x"}', "unrecognised date 'yesterday'"),
        ('{"date": "2020-13-01", "text": "x"}', "impossible date '2020-13-01'"),
        ('{"date": "2020-01-01", "text": "x", "id": ["a"]}', "field 'id' is a array, not a string or number"),
        ("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" * 200,
         None),
    ],
)
def test_jsonl_bad_records_are_rejected_with_a_reason(tmp_path: Path, line: str, reason: str | None) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": "ok", "date": "2020-01-01", "text": "Fine."}\n' + line + "\n")
    articles, report = read_all(p)
    assert [a.id for a in articles] == ["ok"]
    assert len(report.rejected) == 1
    rej = report.rejected[0]
    assert (rej.file, rej.line) == (str(p), 2)
    if reason is not None:
        assert rej.reason == reason
    else:
        assert rej.reason.startswith("invalid JSON")


def test_repeated_ids_same_content_rejected_other_content_renamed(tmp_path: Path) -> None:
    a = tmp_path / "a.jsonl"
    b = tmp_path / "b.jsonl"
    a.write_text('{"id": "x", "date": "2020-01-01", "text": "First."}\n'
                 '{"id": "x", "date": "2020-01-02", "text": "Second."}\n')
    b.write_text('{"id": "x", "date": "2020-01-01", "text": "First."}\n'
                 '{"id": "y", "date": "2020-01-03", "text": "Other."}\n'
                 '{"id": "x", "date": "2020-01-02", "text": "Second."}\n')
    articles, report = read_all(a, b)
    second = Article("x", date(2020, 1, 2), "Second.").content_hash[:8]
    assert [(x.id, x.text) for x in articles] == [("x", "First."), (f"x#{second}", "Second."), ("y", "Other.")]
    assert [(r.file, r.line, r.reason) for r in report.rejected] == [
        (str(b), 1, "duplicate id 'x' (same content)"),
        (str(b), 3, f"duplicate id 'x' (same content as 'x#{second}')"),
    ]
    assert report.read == 5 and report.kept == 3


def test_json_array_and_pretty_printed_object(tmp_path: Path) -> None:
    arr = tmp_path / "list.json"
    arr.write_text(json.dumps([{"id": "a", "date": "2020-01-01", "text": "A."},
                               {"id": "b", "text": "no date"}], indent=2))
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "c", "date": "2020-01-03", "text": "C."}, indent=2))
    articles, report = read_all(arr, one)
    assert [a.id for a in articles] == ["a", "c"]
    assert [r.reason for r in report.rejected] == [
        "item 2: missing date (no published|date|time|pub_date field)"
    ]


def test_reading_is_streamed_record_by_record(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    with p.open("w") as f:
        for i in range(5000):
            f.write(json.dumps({"id": str(i), "date": "2020-01-01", "text": f"Article {i}."}) + "\n")
    report = RejectionReport()
    stream = read([p], report=report)
    first = next(stream)
    assert first.id == "0"
    assert report.read == 1  # nothing beyond the first record has been parsed
    rest = list(stream)
    assert len(rest) == 4999 and report.read == 5000


def test_bom_crlf_and_invalid_bytes_are_handled(tmp_path: Path) -> None:
    p = tmp_path / "enc.jsonl"
    good = json.dumps({"id": "a", "date": "2020-01-01", "text": "Caf\u00e9 opened."}, ensure_ascii=False)
    bad = b'{"id": "b", "date": "2020-01-02", "text": "broken \xff\xfe bytes"}'
    p.write_bytes(b"\xef\xbb\xbf" + good.encode("utf-8") + b"\r\n" + bad + b"\r\n")
    articles, report = read_all(p)
    assert report.ok
    assert articles[0].text == "Caf\u00e9 opened."
    assert "\ufffd" in articles[1].text and articles[1].text.startswith("broken ")


def test_corrupt_gzip_is_a_rejection_not_a_crash(tmp_path: Path) -> None:
    data = gzip.compress(("".join(
        json.dumps({"id": str(i), "date": "2020-01-01", "text": "x" * 50}) + "\n" for i in range(200)
    )).encode())
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    articles, report = read_all(p)
    assert report.rejected and "corrupt compressed data" in report.rejected[-1].reason


# ---------------------------------------------------------------------------------------- CSV


def test_csv_reader_with_quoted_multiline_text() -> None:
    path = INPUTS / "articles.csv"
    articles, report = read_all(path)
    assert [a.id for a in articles] == ["c1", "c2", "c4"]
    assert articles[1].title == "Strike, killed"
    assert articles[1].text.count("\n") == 1
    # c3 starts on line 5: c2's quoted text spans lines 3-4
    assert [(r.file, r.line, r.reason) for r in report.rejected] == [
        (str(path), 5, "unrecognised date 'not a date'")
    ]


@pytest.mark.parametrize("delim, suffix", [("\t", ".tsv"), (";", ".csv"), ("|", ".csv")])
def test_csv_delimiters(tmp_path: Path, delim: str, suffix: str) -> None:
    p = tmp_path / f"a{suffix}"
    p.write_text(delim.join(["date", "text"]) + "\n" + delim.join(["2020-01-01", "One."]) + "\n")
    (article,), _ = read_all(p)
    assert (article.id, article.text, article.published) == (f"a{suffix}:2", "One.", date(2020, 1, 1))


def test_csv_with_too_many_fields_is_rejected(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text("date,text\n2020-01-01,One.\n2020-01-02,Two.,extra\n")
    articles, report = read_all(p)
    assert len(articles) == 1
    assert reasons(report) == [(3, "3 fields but the header has 2")]


def test_csv_without_text_or_date_column_is_unsupported(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text("name,value\nx,1\n")
    with pytest.raises(UnsupportedInput, match="text"):
        read([p])


# ---------------------------------------------------------------------------------------- seed


def test_seed_files_and_directory() -> None:
    articles, report = read_all(INPUTS / "seeds")
    assert report.ok
    assert [(a.id, a.published) for a in articles] == [
        ("embassy", date(2019, 12, 31)),
        ("teargas", date(2020, 1, 1)),
    ]
    assert articles[0].text == "Protesters stormed the embassy on Tuesday.\n\nThey left on Wednesday."
    assert articles[1].text == "Marines fired tear gas on Wednesday."  # 'date:' and CRLF


def test_shared_seed_articles_date_is_the_first_token(data_dir: Path) -> None:
    seeds = data_dir.parent / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} not found")
    articles, report = read_all(seeds)
    files = sorted(seeds.glob("*.txt"))
    assert report.ok and len(articles) == len(files)
    for article, f in zip(articles, files):
        tokens = f.read_text(encoding="utf-8").split()
        assert tokens[0] == "date"
        assert article.published.isoformat() == tokens[1]
        assert article.id == f.stem
        assert article.text.split()[:3] == tokens[2:5]


def test_seed_with_impossible_date_is_rejected(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_text("date 2019-02-30 Something.")
    articles, report = read_all(p)
    assert articles == [] and reasons(report) == [(1, "impossible date '2019-02-30'")]


def test_non_seed_text_is_unsupported_alone_but_rejected_in_a_directory(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("just some notes\n")
    (tmp_path / "ok.txt").write_text("date 2020-01-01 Fine.")
    with pytest.raises(UnsupportedInput, match="notes.txt"):
        read([tmp_path / "notes.txt"])
    articles, report = read_all(tmp_path)
    assert [a.id for a in articles] == ["ok"]
    assert report.rejected[0].file == str(tmp_path / "notes.txt")
    assert "not a seed article" in report.rejected[0].reason


# ---------------------------------------------------------------------------------------- HTML


def test_html_page_title_text_date_and_url() -> None:
    (article,), report = read_all(INPUTS / "page.html")
    assert report.ok
    assert article.id == "page"
    assert article.published == date(2019, 12, 31)
    assert article.title == "Protesters storm U.S. Embassy in Baghdad"
    assert article.source == "Example News"
    assert article.url == "https://news.example.org/2019/12/31/embassy"
    paragraphs = article.text.split("\n\n")
    assert paragraphs == [
        "Protesters stormed the U.S. Embassy in Baghdad on Tuesday & set fire to a reception area.",
        "They were protesting airstrikes that killed 25 fighters on Sunday.",
    ]
    for junk in ("tracking", "color", "Home", "Related", "Copyright"):
        assert junk not in article.text


@pytest.mark.parametrize(
    "head, body",
    [
        ('<meta name="date" content="2020-01-03">', ""),
        ('<meta itemprop="datePublished" content="2020-01-03T08:00:00Z">', ""),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-01-03"}</script>', ""),
        ("", '<time datetime="2020-01-03T10:00">Jan 3</time>'),
        ('<link rel="canonical" href="https://x.example/2020/01/03/strike.html">', ""),
    ],
)
def test_html_date_sources(tmp_path: Path, head: str, body: str) -> None:
    p = tmp_path / "p.html"
    p.write_text(f"<html><head><title>T</title>{head}</head><body>{body}"
                 "<p>A drone strike killed a general near the airport.</p></body></html>")
    (article,), _ = read_all(p)
    assert article.published == date(2020, 1, 3)
    assert "drone strike" in article.text


def test_html_without_date_is_rejected(tmp_path: Path) -> None:
    p = tmp_path / "undated.html"
    p.write_text("<html><head><title>T</title></head><body><p>Text without a date.</p></body></html>")
    articles, report = read_all(p)
    assert articles == [] and reasons(report) == [(1, "no publication date found")]


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    p = tmp_path / "latin.html"
    p.write_bytes('<html><head><meta charset="iso-8859-1"><meta name="date" content="2020-01-01">'
                  "</head><body><p>Caf\u00e9 de la Paix</p></body></html>".encode("latin-1"))
    (article,), _ = read_all(p)
    assert article.text == "Caf\u00e9 de la Paix"


# ---------------------------------------------------------------------------------------- RSS / Atom


def test_rss_items_are_articles_and_undated_items_rejected() -> None:
    path = INPUTS / "feed.rss"
    articles, report = read_all(path)
    assert [a.id for a in articles] == ["wire-rocket", "https://wire.example.org/embassy"]
    rocket, embassy = articles
    assert rocket.published == date(2019, 12, 27)
    assert rocket.text == "A rocket attack killed a contractor."
    assert rocket.source == "Example Wire" and rocket.url == "https://wire.example.org/rocket"
    assert embassy.published == date(2019, 12, 31)
    assert embassy.text == "Protesters stormed the embassy.\n\nGuards fired tear gas."  # content:encoded wins
    assert [(r.file, r.line, r.reason) for r in report.rejected] == [(str(path), 13, "item has no date")]


def test_atom_entries() -> None:
    articles, report = read_all(INPUTS / "atom.xml")
    assert report.ok
    assert [(a.id, a.published, a.url) for a in articles] == [
        ("tag:atom.example.org,2019:airstrikes", date(2019, 12, 29), "https://atom.example.org/airstrikes"),
        ("tag:atom.example.org,2020:updated", date(2020, 1, 2), "https://atom.example.org/updated"),
    ]
    assert articles[0].text == "U.S. jets struck militia sites on Sunday."
    assert articles[0].source == "Example Atom"


def test_rss1_rdf_feed(tmp_path: Path) -> None:
    p = tmp_path / "rdf.xml"
    p.write_text(
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>RDF wire</title></channel>"
        '<item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link>'
        "<dc:date>2020-01-05</dc:date><description>Parliament voted.</description></item></rdf:RDF>"
    )
    (article,), _ = read_all(p)
    assert (article.id, article.published, article.text) == ("https://r.example/1", date(2020, 1, 5), "Parliament voted.")


def test_feed_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "bomb.xml"
    p.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        "<rss><channel><item><pubDate>2020-01-01</pubDate><description>&b;</description></item></channel></rss>"
    )
    articles, report = read_all(p)
    assert articles == []
    assert "declares XML entities" in report.rejected[0].reason


def test_feed_external_entity_is_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    p = tmp_path / "xxe.xml"
    p.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file://{secret}">'
        "<rss><channel><item><pubDate>2020-01-01</pubDate><description>Plain text.</description></item>"
        "</channel></rss>"
    )
    articles, _ = read_all(p)
    assert all("TOP-SECRET" not in a.text for a in articles)


def test_malformed_feed_keeps_earlier_items(tmp_path: Path) -> None:
    p = tmp_path / "cut.rss"
    p.write_text(
        "<rss><channel>\n<item><guid>1</guid><pubDate>2020-01-01</pubDate><description>One.</description></item>\n"
        "<item><guid>2</guid><pubDate>2020-01-02</pubDate><description>Two & broken</description></item>\n"
    )
    articles, report = read_all(p)
    assert [a.id for a in articles] == ["1"]
    assert report.rejected[0].line == 3 and report.rejected[0].reason.startswith("XML error")


def test_xml_that_is_not_a_feed_is_unsupported(tmp_path: Path) -> None:
    p = tmp_path / "data.xml"
    p.write_text("<?xml version='1.0'?><inventory><item>1</item></inventory>")
    with pytest.raises(UnsupportedInput, match="not an RSS or Atom feed"):
        list(read([p]))


# ---------------------------------------------------------------------------------------- layouts


def _write_newstls_topic(topic: Path, ids: list[str]) -> None:
    topic.mkdir(parents=True)
    lines = [json.dumps({"id": i, "time": "2011-03-15 00:00:00", "text": f"Article {i} ."}) for i in ids]
    (topic / "articles.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    (topic / "timelines.jsonl").write_text('[["2011-03-15T00:00:00", ["A timeline sentence ."]]]\n')
    (topic / "heideltime.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x", "published": "2011-03-15"}\n'))
    (topic / "topic.json").write_text('{"topic": "t"}')


def test_newstls_topic_reads_only_article_files(tmp_path: Path) -> None:
    _write_newstls_topic(tmp_path / "syria", ["reuters/1", "bbc/2"])
    articles, report = read_all(tmp_path / "syria")
    assert report.ok
    assert [(a.id, a.published) for a in articles] == [
        ("reuters/1", date(2011, 3, 15)),
        ("bbc/2", date(2011, 3, 15)),
    ]


def test_newstls_several_topics_prefix_ids_so_they_do_not_collide(tmp_path: Path) -> None:
    _write_newstls_topic(tmp_path / "egypt", ["bbc/1"])
    _write_newstls_topic(tmp_path / "syria", ["bbc/1"])
    articles, report = read_all(tmp_path)
    assert report.ok
    assert [a.id for a in articles] == ["egypt/bbc/1", "syria/bbc/1"]
    forced, _ = read_all(tmp_path, fmt="newstls")
    assert forced == articles


def test_newstls_sentences_field_as_text(tmp_path: Path) -> None:
    topic = tmp_path / "t"
    topic.mkdir()
    rec = {"id": "1", "time": "2011-03-15 00:00:00", "sentences": [{"raw": "One ."}, {"raw": "Two ."}]}
    (topic / "articles.preprocessed.jsonl").write_text(json.dumps(rec) + "\n")
    (article,), _ = read_all(topic)
    assert article.text == "One .\nTwo ."


def test_tilse_layout_dates_come_from_folders() -> None:
    articles, report = read_all(INPUTS / "tilse")
    assert report.ok
    assert [(a.id, a.published) for a in articles] == [
        ("2019-12-31/a1.txt", date(2019, 12, 31)),
        ("2020-01-01/a2.txt", date(2020, 1, 1)),
    ]
    # the same articles whether the topic, its InputDocs or a day folder is named
    docs, _ = read_all(INPUTS / "tilse" / "baghdad" / "InputDocs")
    assert docs == articles
    day, _ = read_all(INPUTS / "tilse" / "baghdad" / "InputDocs" / "2020-01-01")
    assert day == articles[1:]


def test_tilse_forced_on_a_file_and_bad_day_folder(tmp_path: Path) -> None:
    bad = tmp_path / "t" / "InputDocs" / "2019-02-30"
    bad.mkdir(parents=True)
    (bad / "x.txt").write_text("Text.")
    articles, report = read_all(tmp_path / "t")
    assert articles == [] and "impossible date" in report.rejected[0].reason
    f = INPUTS / "tilse" / "baghdad" / "InputDocs" / "2019-12-31" / "a1.txt"
    (article,), _ = read_all(f, fmt="tilse")
    assert article.published == date(2019, 12, 31)
    with pytest.raises(UnsupportedInput):
        list(read([INPUTS / "mixed.jsonl"], input_format="tilse"))


def test_timeline17_topic_reads_every_article(timeline17: Path) -> None:
    topic = timeline17 / "syria"
    with gzip.open(topic / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        n = sum(1 for line in f if line.strip())
    articles, report = read_all(topic)
    assert report.read == n
    assert len({a.id for a in articles}) == len(articles)


# ---------------------------------------------------------------------------------------- directories, errors


def test_mixed_directory_is_walked_in_name_order(tmp_path: Path) -> None:
    d = tmp_path / "in"
    shutil.copytree(INPUTS, d)
    (d / "README.md").write_text("not an input")
    (d / ".hidden.jsonl").write_text("garbage")
    articles, report = read_all(d)
    ids = [a.id for a in articles]
    assert ids[:3] == ["c1", "c2", "c4"]  # articles.csv comes first
    assert "seeds/embassy" in ids and "page" in ids and "2019-12-31/a1.txt" in ids
    files = {Path(r.file).name for r in report.rejected}
    assert files == {"articles.csv", "feed.rss", "mixed.jsonl"}
    again, _ = read_all(d)
    assert again == articles


def test_nonexistent_path_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    with pytest.raises(DatelineError, match="nope.jsonl: no such file or directory"):
        read([missing])


def test_unsupported_file_is_one_clear_error_before_reading(tmp_path: Path) -> None:
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(UnsupportedInput) as info:
        read([INPUTS / "mixed.jsonl", png])  # raised at the call, before any article is streamed
    message = str(info.value)
    assert "\n" not in message and "image.png" in message and "not a supported input format" in message


def test_empty_directory_is_unsupported(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedInput, match="no input files"):
        read([tmp_path])


def test_unknown_input_format(tmp_path: Path) -> None:
    with pytest.raises(DatelineError, match="unknown input format 'pdf'"):
        read([INPUTS / "mixed.jsonl"], input_format="pdf")


def test_forced_format_overrides_detection(tmp_path: Path) -> None:
    p = tmp_path / "records.txt"
    p.write_text('{"id": "a", "date": "2020-01-01", "text": "A."}\n')
    (article,), _ = read_all(p, fmt="jsonl")
    assert article.id == "a"
    with pytest.raises(UnsupportedInput):
        list(read([p], input_format="seed"))


def test_formats_list_matches_the_cli_contract() -> None:
    assert set(FORMATS) == {"seed", "jsonl", "csv", "newstls", "tilse", "html", "rss"}


def test_rejection_str_and_summary_limit() -> None:
    report = RejectionReport()
    report.count_kept()
    for i in range(5):
        report.add(Rejection("f.jsonl", i + 2, "missing date"))
    assert str(report.rejected[0]) == "f.jsonl:2: missing date"
    lines = report.summary(max_lines=2).splitlines()
    assert lines == ["read 6, kept 1, rejected 5", "f.jsonl:2: missing date", "f.jsonl:3: missing date",
                     "... and 3 more rejected"]
