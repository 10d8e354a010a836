"""The web app through its real ASGI interface (Starlette TestClient): page, API, bounds, errors."""

from __future__ import annotations

import doctest
import re
import sys
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra (starlette) is not installed")
pytest.importorskip("httpx2", reason="starlette's TestClient needs httpx2")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from dateline.model import Entry, Quote, Timeline  # noqa: E402
from dateline.store import Archive  # noqa: E402
from dateline.web import app as app_mod  # noqa: E402
from dateline.web import create_app  # noqa: E402
from dateline.web import params as params_mod  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_store import corpus, doc  # noqa: E402

XSS = "<script>alert(1)</script>"


class FirstSentencePerDay:
    """A tiny, fully predictable timeline method: each mentioned day, with its first sentence."""

    name = "firstday"

    def fit(self, tasks):
        return self

    def build(self, documents, *, dates=10, per_date=1, query=None, keywords=(), start=None, end=None):
        by_day: dict[date, list[Quote]] = {}
        for d in documents:
            for s in d.sentences:
                for day in s.days:
                    if (start and day < start) or (end and day > end):
                        continue
                    by_day.setdefault(day, []).append(
                        Quote(s.text, d.id, d.published, d.article.source, d.article.url, d.article.title))
        days = sorted(by_day)[:dates]
        return Timeline(tuple(Entry(k, tuple(by_day[k][:per_date])) for k in days), query=query, method=self.name)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    docs = corpus() + [
        doc("evil/1", date(2019, 12, 30),
            [(f"The embassy guard wrote {XSS} on Monday.", [("Monday", "2019-12-30")])],
            title=f"Embassy {XSS}", url="javascript:alert(2)"),
    ]
    with Archive(path) as a:
        a.add_documents(docs)
    return path


@pytest.fixture
def client(store: Path) -> TestClient:
    app = create_app(store, lambda name: FirstSentencePerDay(), method_names=["firstday", "other"])
    return TestClient(app, raise_server_exceptions=False)


def test_doctests():
    for mod in (params_mod,):
        res = doctest.testmod(mod)
        assert res.failed == 0 and res.attempted > 0


def test_page_and_static_assets(client: TestClient):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    page = r.text
    assert 'id="q"' in page and 'id="chart"' in page and 'id="timeline"' in page
    # no CDN or other external resource
    assert not re.search(r"""(src|href)=["']https?://""", page)
    for asset in ("/static/app.js", "/static/style.css"):
        assert client.get(asset).status_code == 200
    js = client.get("/static/app.js").text
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js
    assert "textContent" in js
    # the URL carries the state
    assert "URLSearchParams" in js and "pushState" in js
    r = client.get("/?q=embassy&dates=3")
    assert r.status_code == 200 and r.text == page


def test_info(client: TestClient):
    info = client.get("/api/info").json()
    assert info["articles"] == 5 and info["first"] == "2010-04-21" and info["last"] == "2020-01-01"
    assert info["methods"] == ["firstday", "other"] and info["default_method"] == "firstday"


def test_search_api(client: TestClient):
    r = client.get("/api/search", params={"q": "embassy", "limit": 2})
    assert r.status_code == 200
    body = r.json()
    assert len(body["hits"]) == 2 and {h["id"] for h in body["hits"]} == {"ap/1", "evil/1"}  # title + text hits
    assert set(body["hits"][0]) >= {"id", "published", "title", "url", "score", "snippet", "highlights"}
    assert client.get("/api/search", params={"q": "zebra"}).json()["hits"] == []


def test_timeline_api_uses_the_method_and_reports_volume(client: TestClient):
    r = client.get("/api/timeline", params={"q": "embassy", "dates": 3, "per_date": 1})
    assert r.status_code == 200, r.text
    body = r.json()
    tl = body["timeline"]
    assert tl["method"] == "firstday" and tl["query"] == "embassy"
    assert [e["date"] for e in tl["entries"]] == ["2019-12-27", "2019-12-29", "2019-12-30"]
    assert all(s["article_id"] for e in tl["entries"] for s in e["sentences"])
    assert body["articles"] == 3
    assert body["volume"] == [["2019-12-30", 1], ["2019-12-31", 1], ["2020-01-01", 1]]
    # start drops earlier articles; end is given to the method
    r = client.get("/api/timeline", params={"q": "embassy", "start": "2019-12-31", "end": "2019-12-31"})
    assert [e["date"] for e in r.json()["timeline"]["entries"]] == ["2019-12-31"]
    empty = client.get("/api/timeline", params={"q": "zebra"}).json()
    assert empty["timeline"]["entries"] == [] and empty["articles"] == 0 and empty["volume"] == []


def test_article_api_with_slash_in_id_and_404(client: TestClient):
    r = client.get("/api/articles/ap/1")
    assert r.status_code == 200
    a = r.json()
    assert a["id"] == "ap/1" and a["url"] == "https://example.org/ap/1" and a["published"] == "2019-12-31"
    assert a["sentences"][0]["dates"] == ["2019-12-31"]
    assert a["sentences"][0]["mentions"][0] == {"text": "Tuesday", "value": "2019-12-31", "granularity": "day", "type": "DATE"}
    r = client.get("/api/articles/nope%2Fnothing")
    assert r.status_code == 404 and "error" in r.json()


@pytest.mark.parametrize(
    "url",
    [
        "/api/timeline",
        "/api/timeline?q=",
        "/api/timeline?q=" + "x" * 201,
        "/api/timeline?q=a&dates=0",
        "/api/timeline?q=a&dates=51",
        "/api/timeline?q=a&dates=ten",
        "/api/timeline?q=a&per_date=11",
        "/api/timeline?q=a&start=2020-13-01",
        "/api/timeline?q=a&start=yesterday",
        "/api/timeline?q=a&start=2020-02-01&end=2020-01-01",
        "/api/timeline?q=a&method=../../etc/passwd",
        "/api/search?q=a&limit=101",
        "/api/search?limit=5",
        "/api/export?q=a&format=docx",
        "/api/export?q=a&format=../../x",
    ],
)
def test_bad_parameters_are_400_json(client: TestClient, url: str):
    r = client.get(url)
    assert r.status_code == 400, (url, r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["error"]


def test_unknown_routes_and_methods_are_json_4xx(client: TestClient):
    r = client.get("/api/nothing")
    assert r.status_code == 404 and "error" in r.json()
    r = client.post("/api/timeline", content=b"{}")
    assert r.status_code == 405 and "error" in r.json()
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "create_app" not in r.text


def test_exports_escape_and_download(client: TestClient):
    base = {"q": "embassy", "dates": 5}
    r = client.get("/api/export", params={**base, "format": "markdown"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/markdown")
    assert r.headers["content-disposition"] == 'attachment; filename="timeline-embassy.md"'
    assert XSS not in r.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    r = client.get("/api/export", params={**base, "format": "timelinejs"})
    data = r.json()
    assert data["events"] and XSS not in r.text and "javascript:" not in r.text
    r = client.get("/api/export", params={**base, "format": "json"})
    assert r.json()["entries"][0]["sentences"][0]["article_id"]
    r = client.get("/api/export", params={**base, "format": "html"})
    assert XSS not in r.text


def test_default_method_factory_is_the_registry(store: Path):
    from dateline.api import DEFAULT_METHOD
    from dateline.tls.base import method_names

    c = TestClient(create_app(store), raise_server_exceptions=False)
    info = c.get("/api/info").json()
    assert info["methods"] == method_names() and info["default_method"] == DEFAULT_METHOD
    for method in ("datewise", DEFAULT_METHOD):
        r = c.get("/api/timeline", params={"q": "embassy", "dates": 2, "method": method})
        assert r.status_code == 200, r.text
        tl = r.json()["timeline"]
        assert tl["method"] == method and 1 <= len(tl["entries"]) <= 2


def test_missing_store_is_a_json_error_not_a_crash(tmp_path: Path):
    c = TestClient(create_app(tmp_path / "gone.db", lambda n: FirstSentencePerDay()), raise_server_exceptions=False)
    r = c.get("/api/info")
    assert r.status_code == 400 and "no archive" in r.json()["error"]


def test_allowed_hosts_blocks_other_host_headers(store: Path):
    c = TestClient(create_app(store, lambda n: FirstSentencePerDay(), allowed_hosts=["127.0.0.1", "localhost"]),
                   base_url="http://127.0.0.1")
    assert c.get("/api/info").status_code == 200
    assert c.get("/api/info", headers={"host": "evil.example"}).status_code == 400


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(["/api/search", "/api/timeline", "/api/export"]),
    values=st.dictionaries(
        st.sampled_from(["q", "limit", "start", "end", "method", "dates", "per_date", "format"]),
        st.text(max_size=30),
        max_size=6,
    ),
)
def test_random_parameters_never_500(client: TestClient, path: str, values: dict[str, str]):
    r = client.get(path, params=values)
    assert r.status_code < 500, (path, values, r.text)
    if r.status_code >= 400:
        assert "error" in r.json()


def test_limits_are_bounded():
    assert app_mod.LIMITS["story_articles"] <= 5000 and app_mod.LIMITS["search_hits"] <= 1000


def test_timeline_cache_is_bounded_and_invalidated_by_ingest(store: Path):
    builds: list[str] = []

    class Counting(FirstSentencePerDay):
        def build(self, documents, **kw):
            builds.append(kw.get("query"))
            return super().build(documents, **kw)

    c = TestClient(create_app(store, lambda n: Counting(), cache_size=2))
    for _ in range(3):
        assert c.get("/api/timeline", params={"q": "embassy"}).status_code == 200
    c.get("/api/export", params={"q": "Embassy ", "format": "markdown"})  # same story, same cache entry
    assert builds == ["embassy"]
    c.get("/api/timeline", params={"q": "oil"})
    c.get("/api/timeline", params={"q": "rig"})  # evicts "embassy" (size 2)
    c.get("/api/timeline", params={"q": "embassy"})
    assert builds == ["embassy", "oil", "rig", "embassy"]
    with Archive(store) as a:  # a new ingest changes the archive file: cached timelines are stale
        a.add_documents([doc("ap/9", date(2020, 1, 2), [("The embassy reopened on Thursday.", [("Thursday", "2020-01-02")])])])
    r = c.get("/api/timeline", params={"q": "embassy", "dates": 10})
    assert builds[-1] == "embassy" and len(builds) == 5
    assert "2020-01-02" in [e["date"] for e in r.json()["timeline"]["entries"]]

    builds.clear()
    c0 = TestClient(create_app(store, lambda n: Counting(), cache_size=0))
    c0.get("/api/timeline", params={"q": "embassy"})
    c0.get("/api/timeline", params={"q": "embassy"})
    assert len(builds) == 2
