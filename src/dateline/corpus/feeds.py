"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item/entry is one article.

The feed is parsed incrementally with expat (the standard library), so a large feed file is
never held whole. As defusedxml does, a feed that declares entities is refused (no entity
expansion bombs) and external entities are never fetched. Per item: the title, the text of
``content:encoded``/Atom ``content`` (else ``description``/``summary``; HTML is reduced to text),
the date of ``pubDate``/``published``/``dc:date`` (else ``updated``), the link and the guid/id.
An item without a usable date or text is rejected with the line where it starts.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "feed.xml"
>>> _ = p.write_text('''<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
... <item><title>Embassy stormed</title><link>https://example.org/a</link>
... <pubDate>Tue, 31 Dec 2019 10:00:00 GMT</pubDate><description>Protesters stormed it.</description></item>
... <item><title>Undated</title><description>No date here.</description></item>
... </channel></rss>''')
>>> items = list(read_feed(p, str(p)))
>>> a = items[0].article
>>> a.id, a.published.isoformat(), a.text, a.source
('https://example.org/a', '2019-12-31', 'Protesters stormed it.', 'Wire')
>>> str(items[1]).endswith(":4: item has no date")
True
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.parsers import expat

from dateline.corpus.htmlpage import PageInfo, extract_page, page_to_item
from dateline.corpus.report import FormatError, Item, Rejection
from dateline.corpus.textio import open_binary

_CHUNK = 1 << 16
_ITEM_TAGS = frozenset(("item", "entry"))
_FEED_ROOTS = frozenset(("rss", "feed", "rdf"))
_CHANNEL_TAGS = frozenset(("channel", "feed"))
_TEXT_FIELDS = ("encoded", "content", "description", "summary")
_DATE_FIELDS = ("pubdate", "published", "date", "issued", "created", "updated", "modified")
_ID_FIELDS = ("guid", "id")
_XML_DECL_ENCODING_RE = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_WS_RE = re.compile(r"\s+")


class _Refused(Exception):
    """Raised from inside expat handlers to stop parsing a file."""


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1].lower()


def _detect_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    m = _XML_DECL_ENCODING_RE.match(head)
    if m:
        enc = m.group(1).decode("ascii")
        try:
            codecs.lookup(enc)
            return enc
        except LookupError:
            pass
    return "utf-8"


class _FeedBuilder:
    """expat callbacks that assemble items; finished ones wait in ``ready``."""

    def __init__(self, shown: str, name: str, parser: expat.XMLParserType) -> None:
        self.shown = shown
        self.name = name
        self.parser = parser
        self.ready: list[Item] = []
        self.depth = 0
        self.root_checked = False
        self.site: str | None = None
        self.channel_depth = 0
        self.item_depth = 0
        self.item_line = 0
        self.item_count = 0
        self.fields: dict[str, str] = {}
        self.link: str | None = None
        self.capture_field: str | None = None
        self.capture_depth = 0
        self.buffer: list[str] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        local = _local(name)
        if not self.root_checked:
            self.root_checked = True
            if local not in _FEED_ROOTS:
                raise FormatError(f"XML root element <{local}> is not an RSS or Atom feed")
        if self.capture_field is not None:
            # markup inside a captured field (Atom xhtml content): keep block breaks
            self.buffer.append(" ")
            return
        if self.item_depth == 0 and local in _ITEM_TAGS:
            self.item_depth = self.depth
            self.item_line = self.parser.CurrentLineNumber
            self.fields = {}
            self.link = None
            return
        if self.item_depth == 0 and local in _CHANNEL_TAGS and not self.channel_depth:
            self.channel_depth = self.depth
        if self.item_depth and self.depth == self.item_depth + 1:
            if local == "link":
                href = attrs.get("href")
                rel = attrs.get("rel", "alternate")
                if href and rel == "alternate" and self.link is None:
                    self.link = href.strip()
            self.capture_field = local
            self.capture_depth = self.depth
            self.buffer = []
        elif not self.item_depth and self.channel_depth and self.depth == self.channel_depth + 1:
            if local == "title" and self.site is None:
                self.capture_field = "#site"
                self.capture_depth = self.depth
                self.buffer = []

    def end(self, name: str) -> None:
        if self.capture_field is not None and self.depth == self.capture_depth:
            value = "".join(self.buffer).strip()
            if self.capture_field == "#site":
                self.site = _WS_RE.sub(" ", value) or None
            elif value and self.capture_field not in self.fields:
                self.fields[self.capture_field] = value
            self.capture_field = None
        elif self.item_depth and self.depth == self.item_depth:
            self.item_depth = 0
            self.item_count += 1
            self.ready.append(self._item())
        self.depth -= 1

    def data(self, text: str) -> None:
        if self.capture_field is not None:
            self.buffer.append(text)

    def _item(self) -> Item:
        f = self.fields
        if not any(f.get(k) for k in _DATE_FIELDS):
            return Rejection(self.shown, self.item_line, "item has no date")
        body = next((f[k] for k in _TEXT_FIELDS if f.get(k)), "")
        text = extract_page(body).text if body else ""
        link = self.link or f.get("link")
        info = PageInfo(
            title=_WS_RE.sub(" ", f["title"]).strip() if f.get("title") else None,
            text=text,
            dates=[f[k] for k in _DATE_FIELDS if f.get(k)],
            url=link,
            site=self.site,
        )
        art_id = next((f[k] for k in _ID_FIELDS if f.get(k)), None) or link
        if not art_id:
            art_id = f"{self.name}#{self.item_count}"
        item = page_to_item(info, self.shown, self.item_line, art_id)
        if isinstance(item, Rejection) and item.reason == "no text found":
            return Rejection(self.shown, self.item_line, "item has no text")
        return item


def _refuse_entities(*_args: object) -> None:
    raise _Refused("the feed declares XML entities (refused: possible entity expansion attack)")


def read_feed(path: Path, shown: str, name: str | None = None) -> Iterator[Item]:
    """Yield an article or a rejection for every item/entry of the feed file ``path``.

    Raises :class:`FormatError` when the XML root is not a feed.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    builder = _FeedBuilder(shown, name or path.name, parser)
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = _refuse_entities
    parser.UnparsedEntityDeclHandler = _refuse_entities
    parser.ExternalEntityRefHandler = lambda *_a: 1  # never fetch: treat as empty
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    with open_binary(path) as f:
        head = f.read(_CHUNK)
        decoder = codecs.getincrementaldecoder(_detect_encoding(head))(errors="replace")
        chunk = head
        try:
            while True:
                final = not chunk
                text = decoder.decode(chunk, final=final)
                try:
                    parser.Parse(text, final)
                except expat.ExpatError as exc:
                    yield from builder.ready
                    if not builder.root_checked:
                        raise FormatError(f"not well-formed XML ({expat.ErrorString(exc.code)})") from None
                    yield Rejection(
                        shown, exc.lineno, f"XML error: {expat.ErrorString(exc.code)}, rest of file skipped"
                    )
                    return
                except _Refused as exc:
                    yield from builder.ready
                    yield Rejection(shown, parser.CurrentLineNumber, str(exc))
                    return
                yield from builder.ready
                builder.ready = []
                if final:
                    break
                chunk = f.read(_CHUNK)
        except (EOFError, OSError, zlib.error) as exc:
            yield from builder.ready
            yield Rejection(shown, parser.CurrentLineNumber, f"unreadable data, rest of file skipped ({exc})")
    if not builder.root_checked:
        raise FormatError("empty XML file")
