"""HTML news pages: title, main text and publication date, with the standard library only.

The text is the content of ``<article>`` (else ``<main>``, else the page's paragraphs), one
paragraph per block, without scripts, styles, navigation, headers, footers, asides and forms.
The publication date comes, in order of preference, from meta tags (``article:published_time``,
``og:published_time``, ``datePublished``, ``pubdate``, ``date``, ``dc.date``, ...), JSON-LD
``datePublished``, a ``<time datetime>`` element, and finally a ``/YYYY/MM/DD/`` in the page's
canonical URL. A page without any is rejected.

>>> page = ('<html><head><title>Embassy stormed</title>'
...         '<meta property="article:published_time" content="2019-12-31T10:00:00Z"></head>'
...         '<body><nav>Home</nav><article><p>Protesters stormed the embassy.</p>'
...         '<p>Nobody was hurt.</p></article></body></html>')
>>> info = extract_page(page)
>>> info.title, info.dates[0], info.text
('Embassy stormed', '2019-12-31T10:00:00Z', 'Protesters stormed the embassy.\\n\\nNobody was hurt.')
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from dateline.corpus.dates import parse_date
from dateline.corpus.report import Found, Item, Rejection
from dateline.corpus.textio import open_binary
from dateline.model import Article

# meta names/properties/itemprops that carry the publication date, most trusted first
DATE_META: tuple[str, ...] = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "date_published",
    "published_time",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "citation_publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)
_DATE_META_RANK: dict[str, int] = {name: i for i, name in enumerate(DATE_META)}
_SKIP_TAGS = frozenset(
    "script style noscript template svg nav header footer aside form iframe button select "
    "textarea object canvas map".split()
)
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote pre br hr tr td th table section article main "
    "dd dt dl figcaption figure address caption details summary body".split()
)
_PARA_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 blockquote li pre".split())
_WS_RE = re.compile(r"\s+")
_LD_DATE_RE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,64})"')
_URL_DATE_RE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_.]|$)")
_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_MIN_PARAGRAPH_TEXT = 200
_MAX_PAGE_BYTES = 64 * 1024 * 1024


@dataclass
class PageInfo:
    """What :func:`extract_page` found in one page; ``dates`` are raw strings, best first."""

    title: str | None = None
    text: str = ""
    dates: list[str] = field(default_factory=list)
    url: str | None = None
    site: str | None = None


@dataclass
class _Block:
    text: str
    in_article: bool
    in_main: bool
    paragraph: bool


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.article_depth = 0
        self.main_depth = 0
        self.para_depth = 0
        self.in_title = False
        self.in_h1 = False
        self.in_ld_json = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.ld_parts: list[str] = []
        self.current: list[str] = []
        self.current_para = False
        self.blocks: list[_Block] = []
        self.meta: dict[str, str] = {}
        self.meta_dates: list[tuple[int, str]] = []
        self.time_dates: list[tuple[int, str]] = []
        self.canonical: str | None = None

    # text collection
    def _flush(self) -> None:
        text = _WS_RE.sub(" ", "".join(self.current)).strip()
        self.current = []
        if text:
            self.blocks.append(
                _Block(text, self.article_depth > 0, self.main_depth > 0, self.current_para)
            )
        self.current_para = self.para_depth > 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(a)
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href") or None
            return
        if tag == "time" and a.get("datetime"):
            rank = 0 if ("pubdate" in a or a.get("itemprop", "").lower() == "datepublished") else 1
            self.time_dates.append((rank, a["datetime"]))
        if tag == "script" and "ld+json" in a.get("type", "").lower():
            self.in_ld_json = True
            return
        if tag == "title":
            self.in_title = True
            return
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
            self.skip_stack.append(tag)
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "article":
            self.article_depth += 1
        elif tag == "main":
            self.main_depth += 1
        elif tag == "h1":
            self.in_h1 = True
        if tag in _PARA_TAGS:
            self.para_depth += 1
            self.current_para = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.in_ld_json:
            self.in_ld_json = False
            return
        if tag == "title":
            self.in_title = False
            return
        if tag in _SKIP_TAGS:
            if tag in self.skip_stack:
                while self.skip_stack:
                    self.skip_depth -= 1
                    if self.skip_stack.pop() == tag:
                        break
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "article" and self.article_depth:
            self.article_depth -= 1
        elif tag == "main" and self.main_depth:
            self.main_depth -= 1
        elif tag == "h1":
            self.in_h1 = False
        if tag in _PARA_TAGS and self.para_depth:
            self.para_depth -= 1
            self.current_para = self.para_depth > 0

    def handle_data(self, data: str) -> None:
        if self.in_ld_json:
            self.ld_parts.append(data)
        elif self.in_title:
            self.title_parts.append(data)
        elif self.skip_depth == 0:
            if self.in_h1:
                self.h1_parts.append(data)
            self.current.append(data)

    def _meta(self, a: dict[str, str]) -> None:
        content = a.get("content", "").strip()
        if not content:
            return
        for key in ("property", "name", "itemprop"):
            name = a.get(key, "").strip().lower()
            if not name:
                continue
            self.meta.setdefault(name, content)
            if name in _DATE_META_RANK:
                self.meta_dates.append((_DATE_META_RANK[name], content))

    def result(self) -> PageInfo:
        self._flush()
        info = PageInfo()
        title = self.meta.get("og:title") or "".join(self.title_parts) or "".join(self.h1_parts)
        info.title = _WS_RE.sub(" ", title).strip() or None
        info.url = self.canonical or self.meta.get("og:url") or None
        info.site = self.meta.get("og:site_name") or None
        blocks = _main_blocks(self.blocks)
        if blocks and info.title and blocks[0].text == info.title:
            blocks = blocks[1:]  # the headline is the title, not a sentence of the text
        info.text = "\n\n".join(b.text for b in blocks)
        dates = [d for _, d in sorted(self.meta_dates, key=lambda x: x[0])]
        dates += _LD_DATE_RE.findall("".join(self.ld_parts))
        dates += [d for _, d in sorted(self.time_dates, key=lambda x: x[0])]
        if info.url:
            m = _URL_DATE_RE.search(info.url)
            if m:
                dates.append("-".join(m.groups()))
        info.dates = dates
        return info


def _main_blocks(blocks: list[_Block]) -> list[_Block]:
    for pick in (lambda b: b.in_article, lambda b: b.in_main):
        chosen = [b for b in blocks if pick(b)]
        if chosen:
            return chosen
    paragraphs = [b for b in blocks if b.paragraph]
    if sum(len(b.text) for b in paragraphs) >= _MIN_PARAGRAPH_TEXT:
        return paragraphs
    return blocks


def extract_page(html: str) -> PageInfo:
    """Parse an HTML page into title, main text, candidate publication dates, URL and site name."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.result()


def decode_html(data: bytes) -> str:
    """Decode page bytes: UTF-8 (BOM aware) if valid, else the declared ``<meta charset>``, else
    UTF-8 with replacement characters."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET_RE.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("utf-8", errors="replace")


def page_id(name: str) -> str:
    """The article id of a page file: its name without the HTML extension."""
    for suffix in (".gz", ".html", ".htm", ".xhtml"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def read_html(path: Path, shown: str, name: str | None = None) -> Iterator[Item]:
    """Yield the article of the HTML page ``path``, or a rejection if it has no date or no text."""
    with open_binary(path) as f:
        data = f.read(_MAX_PAGE_BYTES + 1)
    if len(data) > _MAX_PAGE_BYTES:
        yield Rejection(shown, 1, f"page larger than {_MAX_PAGE_BYTES // (1024 * 1024)} MiB")
        return
    info = extract_page(decode_html(data))
    yield page_to_item(info, shown, 1, page_id(name or path.name))


def page_to_item(info: PageInfo, shown: str, line: int, art_id: str) -> Item:
    """An article from extracted page parts, or the reason why there is none."""
    if not info.dates:
        return Rejection(shown, line, "no publication date found")
    published = None
    first_error = ""
    for raw in info.dates:
        try:
            published = parse_date(raw)
            break
        except ValueError as exc:
            first_error = first_error or str(exc)
    if published is None:
        return Rejection(shown, line, f"no usable publication date ({first_error})")
    if not info.text.strip():
        return Rejection(shown, line, "no text found")
    article = Article(art_id, published, info.text, title=info.title, source=info.site, url=info.url)
    return Found(article, shown, line)
