"""End to end in a real headless Chromium: `dateline ingest` the demo articles, `dateline serve`
them, then search, read the timeline, open a source, export — and prove hostile article text
stays text. A screenshot goes to test-artifacts/ (git-ignored)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import REPO, run_cli  # noqa: E402

CHROMIUM = os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = REPO / "test-artifacts"
DEMO = sorted((REPO / "src" / "dateline" / "data" / "demo").glob("*.jsonl"))
XSS = "<script>alert(1)</script>"

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
    pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's chromium or set DATELINE_CHROMIUM)",
                allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"dateline serve exited early: {proc.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"dateline serve did not answer at {url} within {timeout}s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    db = tmp / "archive.db"
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(json.dumps({
        "id": "xss-1", "published": "2009-04-30", "title": f"Chrysler notes {XSS}",
        "url": "javascript:alert(2)",
        "text": f"Chrysler filed for bankruptcy on Thursday, analysts said. One analyst wrote {XSS} in a note.",
    }) + "\n", encoding="utf-8")
    r = run_cli("ingest", *DEMO, hostile, "--store", db)
    assert r.returncode == 0, r.stderr
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--store", str(db), "--port", str(port)],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/api/info", proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1360, "height": 1000}, accept_downloads=True)
    p = ctx.new_page()
    p.dialogs = []  # any alert() would land here
    p.console_errors = []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.on("console", lambda m: m.type == "error" and p.console_errors.append(m.text))
    p.on("pageerror", lambda e: p.console_errors.append(str(e)))
    yield p
    ctx.close()


def test_search_timeline_source_export(server, page, tmp_path):
    page.goto(server + "/")
    # a selector wait, not wait_for_function: polling a JavaScript string is an eval, which the
    # page's Content-Security-Policy (script-src 'self') rightly refuses when the wait must poll
    page.wait_for_selector("#method option", state="attached")
    assert "articles" in page.inner_text("#archive-info")
    page.fill("#q", "Chrysler bankruptcy")
    page.fill("#dates", "6")
    page.click("#go")
    page.wait_for_selector("#timeline > li[data-date]")

    # the state is in the URL, so the view can be shared as a link
    assert "q=Chrysler+bankruptcy" in page.url and "dates=6" in page.url
    dates = page.eval_on_selector_all("#timeline > li[data-date]", "els => els.map(e => e.dataset.date)")
    assert 2 <= len(dates) <= 6 and dates == sorted(dates)
    assert all(d.startswith("2009-") for d in dates)
    quotes = page.locator("#timeline .quote")
    assert quotes.count() >= len(dates)
    for i in range(quotes.count()):  # every sentence carries its source
        assert quotes.nth(i).locator("button.open-source").count() == 1
    # chart: article bars and one marker per timeline date
    assert page.locator("#chart svg rect.bar").count() >= 3
    assert page.locator("#chart svg g.marker").count() == len(dates)
    assert page.locator("#hits li").count() >= 1

    # open a source: the article view shows the article with the quoted sentence highlighted
    # (the first quote from a Wikinews article: the hostile one has no link to show, see below)
    first = page.locator("#timeline .quote", has=page.locator("button.open-source:not([data-article='xss-1'])")).first
    quoted = first.locator("p").inner_text()
    first.locator("button.open-source").click()
    page.wait_for_selector("#article:not([hidden])")
    assert page.inner_text("#article-title").strip()
    assert page.locator("#article-body p.quoted").count() >= 1
    assert quoted.strip() in page.inner_text("#article-body")
    href = page.get_attribute("#article-link", "href")
    assert href and href.startswith("http") and "wikinews.org" in href
    assert "article=" in page.url

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "e2e-timeline.png"), full_page=True)

    # export: the three buttons download the rendered timeline
    downloads = {}
    for fmt in ("json", "markdown", "timelinejs"):
        with page.expect_download() as info:
            page.click(f"#export-{fmt}")
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        downloads[fmt] = target.read_text(encoding="utf-8")
    assert [e["date"] for e in json.loads(downloads["json"])["entries"]] == dates
    assert [f"## {d}" for d in dates] == [ln for ln in downloads["markdown"].splitlines() if ln.startswith("## ")]
    assert len(json.loads(downloads["timelinejs"])["events"]) == len(dates)

    # a shared link re-opens the same view
    page.goto(server + "/?q=Chrysler+bankruptcy&dates=2")
    page.wait_for_selector("#timeline > li[data-date]")
    assert page.locator("#timeline > li[data-date]").count() <= 2
    assert page.input_value("#q") == "Chrysler bankruptcy" and page.input_value("#dates") == "2"
    assert not page.dialogs and not page.console_errors, (page.dialogs, page.console_errors)


def test_hostile_article_renders_as_text_in_the_page(server, page):
    page.goto(server + "/?q=Chrysler+analyst&article=xss-1")
    page.wait_for_selector("#article:not([hidden])")
    body = page.inner_text("#article-body")
    assert XSS in body  # shown literally
    assert XSS in page.inner_text("#article-title")
    # it is text, not markup: no script element anywhere came from the article, nothing ran
    assert page.evaluate("document.querySelectorAll('#article script, #hits script, #timeline script').length") == 0
    assert page.evaluate("[...document.scripts].every(s => s.src.endsWith('/static/app.js'))")
    # the javascript: URL did not become a link
    assert page.get_attribute("#article-link", "href") is None
    hits = page.inner_text("#hits-box") if page.is_visible("#hits-box") else ""
    page.click("#article-close")
    page.wait_for_selector("#hits-box:not([hidden])")
    assert XSS in page.inner_text("#hits") or XSS in hits
    page.screenshot(path=str(ARTIFACTS / "e2e-hostile-article.png"), full_page=False)
    assert not page.dialogs, page.dialogs
    assert not page.console_errors, page.console_errors


def test_hostile_article_is_escaped_by_every_writer(tmp_path):
    """Where the hostile sentence is the whole story, it must reach every export — escaped."""
    db = tmp_path / "x.db"
    src = tmp_path / "x.jsonl"
    src.write_text(json.dumps({
        "id": "xss-2", "published": "2020-01-01",
        "text": f"On Tuesday, protesters wrote {XSS} on the embassy wall."}) + "\n", encoding="utf-8")
    assert run_cli("ingest", src, "--store", db).returncode == 0
    from starlette.testclient import TestClient

    from dateline.web import create_app

    client = TestClient(create_app(db))
    for fmt in ("html", "markdown", "timelinejs"):
        r = client.get("/api/export", params={"q": "protesters embassy", "format": fmt})
        assert r.status_code == 200, r.text
        assert "wrote &lt;script&gt;alert(1)&lt;/script&gt; on" in r.text, fmt
        assert XSS not in r.text, fmt
