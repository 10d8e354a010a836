"""The web app: one static page (search → timeline → sources) over a JSON API.

>>> from starlette.testclient import TestClient     # doctest: +SKIP
>>> client = TestClient(create_app("archive.db"))   # doctest: +SKIP
>>> client.get("/api/timeline", params={"q": "oil spill", "dates": 5}).json()["timeline"]["entries"]  # doctest: +SKIP

Routes: ``/`` (the page; its state lives in the URL: ``/?q=&start=&end=&method=&dates=``),
``/static/*``, ``/api/info``, ``/api/search``, ``/api/timeline``, ``/api/export``,
``/api/articles/{id}``. Every API error is JSON ``{"error": "..."}`` with a 4xx status. Requests
never name files; sizes are bounded (:data:`LIMITS`). The archive is opened read-only per request.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline.errors import DatelineError
from dateline.model import Timeline
from dateline.web.params import BadRequest, Params

STATIC = Path(__file__).resolve().parent / "static"

# bounds on what a request may ask for and what a response may hold
LIMITS: dict[str, int] = {
    "query_chars": 200,
    "search_hits": 100,
    "dates": 50,
    "per_date": 10,
    "story_articles": 1500,
    "article_sentences": 2000,
    "body_bytes": 16 * 1024,
}
EXPORT_FORMATS: tuple[str, ...] = ("json", "markdown", "timelinejs", "html", "text")

_SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
     b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


class SecurityHeaders:
    """ASGI middleware adding a strict CSP and friends to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _SECURITY_HEADERS if k not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def create_app(
    store_path: str | Path,
    method_factory: Callable[[str], Any] | None = None,
    *,
    method_names: Sequence[str] | None = None,
    allowed_hosts: Sequence[str] | None = None,
    cache_size: int = 32,
) -> Starlette:
    """The Starlette app serving the archive at ``store_path``.

    ``method_factory(name)`` returns a timeline method (default
    :func:`dateline.tls.base.get_method`); ``method_names`` are the names a request may choose
    (default: every registered method, or the default method's name for a custom factory).
    ``allowed_hosts`` restricts the ``Host`` header (``dateline serve`` passes the loopback
    names when bound to 127.0.0.1).
    """
    from dateline import api

    store = str(store_path)
    if method_factory is None:
        from dateline.tls.base import get_method, method_names as registered

        method_factory = get_method
        names = tuple(method_names or registered())
    else:
        names = tuple(method_names or (api.DEFAULT_METHOD,))
    default_method = api.DEFAULT_METHOD if api.DEFAULT_METHOD in names else names[0]

    def open_archive():
        from dateline.store import Archive

        return Archive(store, readonly=True)

    # -- work done in a worker thread (SQLite and the timeline method are blocking) --------------
    def info() -> dict[str, Any]:
        with open_archive() as archive:
            stats = archive.stats()
        return {**stats, "methods": list(names), "default_method": default_method, "limits": LIMITS}

    def search(q: str, limit: int, start, end) -> dict[str, Any]:
        with open_archive() as archive:
            hits = archive.search(q, limit=limit, start=start, end=end)
        return {
            "query": q,
            "hits": [
                {"id": h.id, "published": h.published.isoformat(), "title": h.title, "source": h.source,
                 "url": h.url, "score": h.score, "snippet": h.snippet, "highlights": list(h.highlights)}
                for h in hits
            ],
        }

    cache: OrderedDict[tuple, tuple[Timeline, int, list[tuple[str, int]]]] = OrderedDict()
    cache_lock = threading.Lock()

    def store_stamp() -> tuple[int, ...]:
        """Changes whenever the archive's content can have changed (an empty WAL file does not count)."""
        stamp: list[int] = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(store + suffix)
            except OSError:
                stamp += [0, 0]
                continue
            stamp += [st.st_mtime_ns if st.st_size else 0, st.st_size]
        return tuple(stamp)

    def build(q: str, start, end, method: str, dates: int, per_date: int) -> tuple[Timeline, int, list]:
        """The timeline, the number of story articles and their volume per day (cached)."""
        key = (" ".join(q.lower().split()), start, end, method, dates, per_date, store_stamp())
        with cache_lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        with open_archive() as archive:
            docs = archive.retrieve(q, start=start, end=end, limit=LIMITS["story_articles"])
        if docs:
            tl = method_factory(method).build(
                docs, dates=dates, per_date=per_date, query=q, keywords=api.query_terms(q), start=start, end=end
            )
        else:
            tl = Timeline((), query=q, method=method)
        volume = sorted(Counter(d.published.isoformat() for d in docs).items())
        result = (tl, len(docs), volume)
        if cache_size > 0:
            with cache_lock:
                cache[key] = result
                while len(cache) > cache_size:
                    cache.popitem(last=False)
        return result

    def timeline(q: str, start, end, method: str, dates: int, per_date: int) -> dict[str, Any]:
        from dateline.render import timeline_to_dict

        t0 = time.perf_counter()
        tl, n_docs, volume = build(q, start, end, method, dates, per_date)
        return {
            "timeline": timeline_to_dict(tl),
            "articles": n_docs,
            "volume": volume,
            "elapsed_ms": round((time.perf_counter() - t0) * 1000, 1),
        }

    def export(fmt: str, *build_args) -> str:
        from dateline.render import render

        return render(build(*build_args)[0], fmt)

    def article(article_id: str) -> dict[str, Any] | None:
        with open_archive() as archive:
            doc = archive.document(article_id)
        if doc is None:
            return None
        a = doc.article
        cap = LIMITS["article_sentences"]
        return {
            "id": a.id,
            "published": a.published.isoformat(),
            "title": a.title,
            "source": a.source,
            "url": a.url,
            "sentences": [
                {"index": s.index, "text": s.text, "dates": [d.isoformat() for d in s.days],
                 "mentions": [{"text": m.text, "value": m.value, "granularity": m.granularity, "type": m.type}
                              for m in s.mentions]}
                for s in doc.sentences[:cap]
            ],
            "truncated": len(doc.sentences) > cap,
        }

    # -- request handlers ----------------------------------------------------------------------
    def story_params(request: Request) -> tuple:
        p = Params(request.query_params)
        q = p.text("q", max_len=LIMITS["query_chars"], required=True)
        start, end = p.period()
        method = p.choice("method", names, default_method)
        dates = p.integer("dates", 10, 1, LIMITS["dates"])
        per_date = p.integer("per_date", 2, 1, LIMITS["per_date"])
        return q, start, end, method, dates, per_date

    async def page(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def favicon(request: Request) -> Response:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    async def api_info(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(info))

    async def api_search(request: Request) -> Response:
        p = Params(request.query_params)
        q = p.text("q", max_len=LIMITS["query_chars"], required=True)
        limit = p.integer("limit", 20, 1, LIMITS["search_hits"])
        start, end = p.period()
        return JSONResponse(await run_in_threadpool(search, q, limit, start, end))

    async def api_timeline(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(timeline, *story_params(request)))

    async def api_export(request: Request) -> Response:
        from dateline.render import MEDIA_TYPES

        fmt = Params(request.query_params).choice("format", EXPORT_FORMATS, "json")
        args = story_params(request)
        body = await run_in_threadpool(export, fmt, *args)
        ext, media = MEDIA_TYPES[fmt]
        stem = "-".join(args[0].lower().split())[:40] or "timeline"
        stem = "".join(ch for ch in stem if (ch.isascii() and ch.isalnum()) or ch == "-") or "story"
        return Response(body, media_type=media,
                        headers={"content-disposition": f'attachment; filename="timeline-{stem}{ext}"'})

    async def api_article(request: Request) -> Response:
        article_id = request.path_params["article_id"]
        if not article_id or len(article_id) > 300:
            raise BadRequest("article id must be 1 to 300 characters")
        found = await run_in_threadpool(article, article_id)
        if found is None:
            return _error(404, f"no article with id {article_id[:80]!r}")
        return JSONResponse(found)

    # -- errors: JSON for the API, never a traceback ---------------------------------------------
    async def bad_request(request: Request, exc: Exception) -> Response:
        return _error(400, str(exc))

    async def user_error(request: Request, exc: Exception) -> Response:
        return _error(400, str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return _error(exc.status_code, exc.detail if isinstance(exc.detail, str) else "error")

    async def internal_error(request: Request, exc: Exception) -> Response:
        return _error(500, f"internal error: {type(exc).__name__}")

    routes = [
        Route("/", page, methods=["GET", "HEAD"]),
        Route("/favicon.ico", favicon, methods=["GET", "HEAD"]),
        Route("/api/info", api_info, methods=["GET"]),
        Route("/api/search", api_search, methods=["GET"]),
        Route("/api/timeline", api_timeline, methods=["GET"]),
        Route("/api/export", api_export, methods=["GET"]),
        Route("/api/articles/{article_id:path}", api_article, methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts:
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)))
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={
            BadRequest: bad_request,
            DatelineError: user_error,
            HTTPException: http_error,
            Exception: internal_error,
        },
        max_body_size=LIMITS["body_bytes"],
    )
