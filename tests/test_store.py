"""The archive: a real SQLite file, FTS5 search, idempotent batch ingest, documents rebuilt exactly."""

from __future__ import annotations

import doctest
import gzip
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.model import Article, Document, Mention, Sentence
from dateline.store import Archive, IngestResult
from dateline.store import archive as archive_mod
from dateline.store import progress as progress_mod
from dateline.store import query as query_mod

REPO = Path(__file__).resolve().parents[1]
DEMO = sorted((REPO / "src" / "dateline" / "data" / "demo").glob("*.jsonl"))


def doc(id_: str, day: date, sentences: list[tuple[str, list[tuple[str, str]]]], *, title: str | None = None,
        url: str | None = None, source: str | None = None) -> Document:
    """A hand-analysed document: each sentence with (expression, value) mentions found by position."""
    text = " ".join(s for s, _ in sentences)
    sents = []
    pos = 0
    for i, (s, ms) in enumerate(sentences):
        mentions = tuple(Mention(e, s.index(e), s.index(e) + len(e), v,
                                 "day" if len(v) == 10 else "year" if len(v) == 4 else "month")
                         for e, v in ms)
        sents.append(Sentence(id_, i, s, mentions, pos, pos + len(s)))
        pos += len(s) + 1
    return Document(Article(id_, day, text, title, source, url), tuple(sents))


def corpus() -> list[Document]:
    return [
        doc("ap/1", date(2019, 12, 31),
            [("Protesters stormed the US embassy in Baghdad on Tuesday.", [("Tuesday", "2019-12-31")]),
             ("A rocket attack on Friday killed a contractor.", [("Friday", "2019-12-27")])],
            title="Embassy stormed in Baghdad", url="https://example.org/ap/1", source="ap"),
        doc("ap/2", date(2020, 1, 1),
            [("US airstrikes on Sunday hit militia bases.", [("Sunday", "2019-12-29")]),
             ("The embassy siege ended on Wednesday.", [("Wednesday", "2020-01-01")])],
            title="Siege ends", source="ap"),
        doc("rt/7", date(2010, 4, 21),
            [("An oil rig exploded in the Gulf of Mexico on Tuesday.", [("Tuesday", "2010-04-20")]),
             ("Oil spilling from the well threatens the coast in 2010.", [("2010", "2010")])],
            title="Rig explosion", source="reuters"),
        doc("rt/8", date(2010, 5, 2),
            [("BP said the oil spill could take months to stop.", [])],
            title="BP on the spill", source="reuters"),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    with Archive(path) as a:
        assert a.add_documents(corpus(), batch=3) == IngestResult(added=4, skipped=0, renamed=0)
    return path


def test_doctests():
    for mod in (archive_mod, progress_mod, query_mod):
        res = doctest.testmod(mod)
        assert res.failed == 0 and res.attempted > 0, mod.__name__


def test_schema_is_real_sqlite_with_fts5_and_unique_hash(store: Path):
    conn = sqlite3.connect(store)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    assert {"articles", "sentences", "mentions", "articles_fts"} <= tables
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    assert conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 7
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 6
    cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
    assert cols == ["pk", "id", "content_hash", "published", "title", "source", "url", "text"]
    with pytest.raises(sqlite3.IntegrityError):
        h = conn.execute("SELECT content_hash FROM articles LIMIT 1").fetchone()[0]
        conn.execute("INSERT INTO articles (id, content_hash, published, text) VALUES ('x', ?, '2020-01-01', 't')", (h,))
    conn.close()


def test_documents_rebuild_exactly_without_retagging(store: Path):
    with Archive(store, readonly=True) as a:
        want = {d.id: d for d in corpus()}
        got = a.documents(["rt/8", "nope", "ap/1", "ap/2", "rt/7"])
        assert [d.id for d in got] == ["rt/8", "ap/1", "ap/2", "rt/7"]
        for d in got:
            assert d == want[d.id]
        assert a.document("ap/1").sentences[1].days == (date(2019, 12, 27),)
        assert a.document("missing") is None
        assert a.stats() == {"articles": 4, "sentences": 7, "mentions": 6, "first": "2010-04-21", "last": "2020-01-01"}


def test_reingest_is_a_noop_and_duplicates_in_one_batch_count_once(store: Path):
    with Archive(store) as a:
        again = a.add_documents(corpus() + corpus()[:1])
        assert again == IngestResult(added=0, skipped=5, renamed=0)
        assert len(a) == 4


def test_same_id_other_content_is_kept_under_a_new_id(store: Path):
    other = doc("ap/1", date(2021, 3, 3), [("A different story about tea.", [])], title="Tea")
    with Archive(store) as a:
        res = a.add_documents([other])
        assert res == IngestResult(added=1, skipped=0, renamed=1)
        hit = a.search("tea")[0]
        assert hit.id.startswith("ap/1#") and hit.id != "ap/1"
        back = a.document(hit.id)
        assert back.article.text == other.article.text
        assert all(s.article_id == hit.id for s in back.sentences)
        assert a.document("ap/1").article.title == "Embassy stormed in Baghdad"


def test_search_ranks_with_bm25_filters_dates_and_is_injection_safe(store: Path):
    with Archive(store, readonly=True) as a:
        hits = a.search("embassy")
        assert [h.id for h in hits][:1] == ["ap/1"]  # in the title and the text: ranks first
        assert {h.id for h in hits} == {"ap/1", "ap/2"}
        assert hits[0].score >= hits[1].score > 0
        assert "embassy" in hits[0].snippet.lower()
        s, e = hits[0].highlights[0]
        assert hits[0].snippet[s:e].lower() == "embassy"
        # Porter stemming: "spills" finds "spill"/"spilling"
        assert {h.id for h in a.search("spills")} == {"rt/7", "rt/8"}
        # all terms must match; when nothing has them all, any term
        assert [h.id for h in a.search("oil BP")] == ["rt/8"]
        assert {h.id for h in a.search("embassy rig")} == {"ap/1", "ap/2", "rt/7"}
        assert [h.id for h in a.search("embassy", start=date(2020, 1, 1))] == ["ap/2"]
        assert [h.id for h in a.search("embassy", end=date(2019, 12, 31))] == ["ap/1"]
        assert a.search("embassy", limit=1)[0].id == "ap/1"
        # FTS5 syntax in user text is neutralised, not an error
        for nasty in ('"', 'embassy"', "NEAR(", "a AND OR NOT", "*", "title:x", "-", "'; DROP TABLE articles; --"):
            a.search(nasty)
        assert a.search("   ") == []
        assert len(a) == 4


def test_retrieve_story_cutoff_and_start(store: Path):
    with Archive(store, readonly=True) as a:
        docs = a.retrieve("oil spill")
        assert [d.id for d in docs] == ["rt/7", "rt/8"]  # publication order
        assert [d.id for d in a.retrieve("embassy", start=date(2020, 1, 1))] == ["ap/2"]
        assert a.retrieve("zebra") == []
        assert len(a.retrieve(None)) == 4 and len(a.retrieve(None, limit=2)) == 2
        assert all(isinstance(d, Document) for d in docs)


def test_batch_is_atomic(tmp_path: Path):
    path = tmp_path / "a.db"

    def exploding(article: Article) -> Document:
        if article.id == "boom":
            raise RuntimeError("analysis failed")
        return Document(article, (Sentence(article.id, 0, article.text, (), 0, len(article.text)),))

    arts = [Article(f"a{i}", date(2020, 1, i + 1), f"Text {i}.") for i in range(5)]
    with Archive(path) as a:
        assert a.ingest(arts[:2], batch=2, analyze=exploding).added == 2
        with pytest.raises(RuntimeError):
            a.ingest(arts[2:4] + [Article("boom", date(2020, 2, 1), "x")], batch=3, analyze=exploding)
        assert len(a) == 2  # the failing batch left nothing behind


def test_write_failure_inside_a_batch_rolls_back(tmp_path: Path):
    path = tmp_path / "a.db"
    good = corpus()[0]
    bad = Document(Article("bad", date(2020, 1, 1), "x"), (Sentence("bad", 0, "x"), Sentence("bad", 0, "x")))
    with Archive(path) as a:
        with pytest.raises(sqlite3.IntegrityError):
            a.add_documents([good, bad])  # duplicate sentence index: the whole batch fails
        assert len(a) == 0
        assert a.search("embassy") == []


def test_ingest_skips_known_articles_before_analysis(tmp_path: Path):
    calls: list[str] = []

    def counting(article: Article) -> Document:
        calls.append(article.id)
        return Document(article, ())

    arts = [Article(f"a{i}", date(2020, 1, 1), f"Story number {i}.") for i in range(7)]
    seen: list[IngestResult] = []
    with Archive(tmp_path / "a.db") as a:
        assert a.ingest(arts, batch=3, analyze=counting, progress=seen.append) == IngestResult(7, 0, 0)
        assert [r.seen for r in seen] == [3, 6, 7]
        assert a.ingest(arts + arts, batch=4, analyze=counting) == IngestResult(0, 14, 0)
    assert calls == [f"a{i}" for i in range(7)]


def test_open_errors_are_one_clear_dateline_error(tmp_path: Path):
    with pytest.raises(DatelineError, match="no archive at"):
        Archive(tmp_path / "missing.db", create=False)
    with pytest.raises(DatelineError, match="no archive at"):
        Archive(tmp_path / "missing.db", readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(DatelineError, match="not a dateline archive"):
        Archive(junk)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DatelineError, match="not a dateline archive"):
        Archive(other)
    with pytest.raises(DatelineError, match="folder"):
        Archive(tmp_path)
    with pytest.raises(DatelineError, match="does not exist"):
        Archive(tmp_path / "no" / "such" / "dir.db")


def test_readonly_archive_refuses_writes(store: Path):
    with Archive(store, readonly=True) as a:
        with pytest.raises(DatelineError, match="read-only"):
            a.add_documents(corpus()[:1] + [doc("new", date(2020, 1, 1), [("New.", [])])])


def test_ingest_with_the_real_pipeline(tmp_path: Path):
    """Real analysis: the demo articles' sentences and resolved dates land in the store."""
    from dateline.pipeline import analyze

    rows = [json.loads(line) for line in DEMO[0].read_text(encoding="utf-8").splitlines()[:3]]
    arts = [Article(r["id"], date.fromisoformat(r["date"]), r["text"], r.get("title"), None, r.get("url"))
            for r in rows]
    with Archive(tmp_path / "a.db") as a:
        assert a.ingest(arts).added == 3
        for art in arts:
            assert a.document(art.id) == analyze(art)
        assert any(s.days for d in a.documents([x.id for x in arts]) for s in d.sentences)


def test_timeline17_sample_twice(tmp_path: Path, timeline17: Path):
    """A slice of a real benchmark file (gzip JSONL, PTB text) ingests once, however often it is offered."""
    from dateline.corpus import read

    src = timeline17 / "mj" / "articles.jsonl.gz"
    sample = tmp_path / "mj.jsonl"
    with gzip.open(src, "rt", encoding="utf-8") as f:
        sample.write_text("".join(next(f) for _ in range(25)), encoding="utf-8")
    with Archive(tmp_path / "a.db") as a:
        first = a.ingest(read([sample]))
        second = a.ingest(read([sample]))
        assert first.added == len(a) > 0 and second.added == 0 and second.skipped == first.seen
        hits = a.search("jackson")
        assert hits and "-LRB-" not in hits[0].snippet
