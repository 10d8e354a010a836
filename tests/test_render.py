"""The writers: every format, escaping of hostile article text, a source beside every sentence."""

from __future__ import annotations

import doctest
import html
import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest

import dateline.render as render_pkg
from dateline.errors import DatelineError, MalformedTimeline
from dateline.model import Entry, Quote, Timeline
from dateline.render import (
    FORMATS,
    render,
    timeline_from_dict,
    timeline_to_dict,
    timeline_to_timelinejs,
)
from dateline.render import _util, htmlpage, jsonfmt, markdown, timelinejs

XSS = "<script>alert(1)</script>"
STAMP = "2020-01-02T03:04:05+00:00"


def sample() -> Timeline:
    return Timeline(
        (
            Entry(
                date(2019, 12, 31),
                (
                    Quote(f"Protesters stormed the embassy {XSS} & chanted.", "ap/1", date(2019, 12, 31),
                          source="ap", url="https://example.org/news/embassy?x=1&y=2", title="Embassy <b>stormed</b>"),
                    Quote("Marines arrived *late* [sic].", "ap/2", date(2020, 1, 1)),
                ),
            ),
            Entry(
                date(2019, 12, 27),
                (Quote("A rocket hit the base.", "rt/9", date(2019, 12, 28), url="javascript:alert(2)",
                       title="Rocket attack"),),
            ),
        ),
        query="baghdad <embassy>",
        method="datewise",
    )


def test_doctests_of_every_writer_module():
    for mod in (render_pkg, _util, htmlpage, jsonfmt, markdown, timelinejs):
        result = doctest.testmod(mod)
        assert result.failed == 0, mod.__name__
        assert result.attempted > 0, f"{mod.__name__} has no doctest examples"


def test_timeline_sorts_entries_and_json_roundtrips():
    tl = sample()
    d = timeline_to_dict(tl, generated_at=STAMP)
    assert [e["date"] for e in d["entries"]] == ["2019-12-27", "2019-12-31"]
    assert d["generated_at"] == STAMP and d["query"] == tl.query and d["method"] == "datewise"
    assert set(d["entries"][1]["sentences"][0]) == {"text", "article_id", "published", "source", "url", "title"}
    text = render(tl, "json", generated_at=STAMP)
    assert timeline_from_dict(json.loads(text)) == tl
    # deterministic when the stamp is given
    assert text == render(tl, "json", generated_at=STAMP)


def test_json_default_stamp_is_iso_and_source_date_epoch_pins_it(monkeypatch):
    from datetime import datetime

    d = timeline_to_dict(sample())
    datetime.fromisoformat(d["generated_at"])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert timeline_to_dict(sample())["generated_at"] == "1970-01-01T00:00:00+00:00"


def test_meta_roundtrips():
    tl = Timeline((), query="q", method="m", meta=(("articles", "12"),))
    d = timeline_to_dict(tl, generated_at=STAMP)
    assert d["meta"] == {"articles": "12"}
    assert timeline_from_dict(d) == tl


@pytest.mark.parametrize(
    "bad, fragment",
    [
        ([], "not a dateline timeline"),
        ({"entries": [{"date": "2019-13-01", "sentences": []}]}, "entries[0]"),
        ({"entries": [{"date": "2019-12-01", "sentences": [{"text": "x"}]}]}, "sentences[0]"),
        ({"entries": [{"date": "2019-12-01", "sentences": [{"text": "x", "article_id": "a", "url": 3}]}]}, "'url'"),
        ({"entries": ["x"]}, "expected an object"),
    ],
)
def test_from_dict_rejects_bad_structure_with_a_located_message(bad, fragment):
    with pytest.raises(MalformedTimeline, match=re.escape(fragment)) as exc:
        timeline_from_dict(bad, name="t.json")
    assert str(exc.value).startswith("t.json")


def test_unknown_format_is_a_user_error():
    with pytest.raises(DatelineError, match="unknown output format"):
        render(sample(), "docx")


class _TextCollector(HTMLParser):
    """Collects the visible text, the tags and the links of an HTML fragment or page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.hrefs: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("style", "title"):
            self._skip += 1
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse_html(fragment: str) -> _TextCollector:
    p = _TextCollector()
    p.feed(fragment)
    p.close()
    return p


def test_html_page_escapes_article_text_and_links_sources():
    page = render(sample(), "html", generated_at=STAMP)
    assert page.startswith("<!DOCTYPE html>")
    parsed = parse_html(page)
    # no element was injected by article text: no script, no <b> from the title
    assert "script" not in parsed.tags and "b" not in parsed.tags
    visible = " ".join(parsed.text)
    assert XSS in visible  # shown as text
    assert "Embassy <b>stormed</b>" in visible
    # self-contained: no external resources, and scripts are forbidden by CSP
    assert not re.search(r"<(link|script|img|iframe)\b", page)
    assert "default-src 'none'" in page
    # only the safe URL became a link, with its query string escaped in the attribute
    assert parsed.hrefs == ["https://example.org/news/embassy?x=1&y=2"]
    assert "javascript:" not in page
    # every sentence has a source next to it
    for li in re.findall(r"<ul class=\"quotes\">(.*?)</ul>", page, flags=re.S):
        for item in re.findall(r"<li>(.*?)</li>", li, flags=re.S):
            assert 'class="src"' in item
    assert page.count('class="src"') == 3
    assert "ap/2" in visible and "Rocket attack (rt/9)" in visible


def test_markdown_escapes_and_has_a_source_on_every_sentence_line():
    md = render(sample(), "markdown")
    assert "<script>" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "<b>" not in md
    assert "# Timeline: baghdad &lt;embassy&gt;" in md.splitlines()[0]
    bullets = [ln for ln in md.splitlines() if ln.startswith("- ")]
    assert len(bullets) == 3
    assert all(" — " in b for b in bullets)
    assert "[Embassy &lt;b&gt;stormed&lt;/b&gt;](<https://example.org/news/embassy?x=1&y=2>)" in bullets[1]
    assert bullets[2].endswith("— ap/2")
    assert r"\*late\* \[sic\]" in bullets[2]
    # the javascript: URL is not linked; the title and id remain
    assert bullets[0].endswith("— Rocket attack (rt/9)")
    assert [ln for ln in md.splitlines() if ln.startswith("## ")] == ["## 2019-12-27", "## 2019-12-31"]


def test_timelinejs_structure_and_escaping():
    d = timeline_to_timelinejs(sample())
    assert set(d) == {"title", "events"}
    assert [e["start_date"] for e in d["events"]] == [
        {"year": 2019, "month": 12, "day": 27},
        {"year": 2019, "month": 12, "day": 31},
    ]
    assert "&lt;embassy&gt;" in d["title"]["text"]["headline"]
    for ev in d["events"]:
        assert set(ev["text"]) == {"headline", "text"}
        for field in ev["text"].values():
            parsed = parse_html(field)
            assert "script" not in parsed.tags and "b" not in parsed.tags
    embassy = d["events"][1]["text"]["text"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in embassy
    assert parse_html(embassy).hrefs == ["https://example.org/news/embassy?x=1&y=2"]
    # one paragraph per sentence, each with its source
    paragraphs = re.findall(r"<p>(.*?)</p>", embassy)
    assert len(paragraphs) == 2 and all("<small>— " in p for p in paragraphs)
    assert "javascript:" not in json.dumps(d)
    json.loads(render(sample(), "timelinejs"))


def test_timelinejs_headline_is_shortened_on_a_word_boundary():
    long = "word " * 60
    d = timeline_to_timelinejs(Timeline((Entry(date(2020, 1, 1), (Quote(long, "a"),)),)))
    head = d["events"][0]["text"]["headline"]
    assert head.endswith("…") and len(head) <= timelinejs.HEADLINE_CHARS + 1 and "  " not in head


def test_empty_timeline_in_every_format_that_needs_no_parser():
    empty = Timeline(())
    for fmt in ("json", "markdown", "html", "timelinejs"):
        out = render(empty, fmt, generated_at=STAMP)
        assert out.strip()
    assert "No dated events found" in render(empty, "markdown")
    assert "No dated events found" in render(empty, "html", generated_at=STAMP)


def test_safe_url():
    assert _util.safe_url("http://a.org/x y") == "http://a.org/x%20y"
    assert _util.safe_url("HTTPS://a.org/?q=<b>") == "HTTPS://a.org/?q=%3Cb%3E"
    for bad in (None, "", "javascript:alert(1)", "data:text/html,<b>", "/relative", "http://", "ftp://a.org/"):
        assert _util.safe_url(bad) is None


def test_text_format_is_tilse_and_parses_back():
    from dateline.render.tilse import parse_tilse

    tl = sample()
    text = render(tl, "text")
    back = parse_tilse(text, name="out.txt")
    assert back.dates == tl.dates
    assert [len(e.sentences) for e in back.entries] == [len(e.sentences) for e in tl.entries]


def test_every_format_renders_the_sample():
    for fmt in FORMATS:
        if fmt == "text":
            continue  # covered above (needs the tilse writer)
        out = render(sample(), fmt, generated_at=STAMP)
        assert "2019" in out
        if fmt in ("markdown", "html", "timelinejs"):  # media where markup would be live
            assert "<script>" not in out


def test_html_escape_helper_is_the_stdlib_one():
    assert htmlpage._e(XSS) == html.escape(XSS, quote=True)
