"""The seed text format: one article per file, ``date YYYY-MM-DD`` then the text.

Leading whitespace is allowed, ``date:`` too; the article id is the file name without its
extension. The text keeps its paragraphs (blank lines) and line breaks.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "embassy.txt"
>>> _ = p.write_text(" date 2019-12-31 Protesters stormed the embassy.\\n\\nNobody was hurt.\\n")
>>> article = next(read_seed(p, str(p))).article
>>> article.id, article.published.isoformat(), article.text
('embassy', '2019-12-31', 'Protesters stormed the embassy.\\n\\nNobody was hurt.')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from dateline.corpus.dates import parse_date
from dateline.corpus.report import FormatError, Found, Item, Rejection
from dateline.corpus.textio import open_text
from dateline.model import Article

_SEED_HEADER_RE = re.compile(r"\s*date\s*:?\s+(\S+)[ \t]*\n?", re.IGNORECASE)


def seed_id(name: str) -> str:
    """The article id of a seed file: its name without the extension(s).

    >>> seed_id("news/000_c067.txt")
    'news/000_c067'
    """
    original = name
    for suffix in (".gz", ".txt"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name or original


def read_seed(path: Path, shown: str, name: str | None = None) -> Iterator[Item]:
    """Yield the one article of the seed file ``path`` (or a rejection saying why not).

    The id is ``name`` (default: the file name) without its extension. Raises
    :class:`FormatError` when the file does not start with ``date``.
    """
    with open_text(path) as f:
        content = f.read()
    m = _SEED_HEADER_RE.match(content)
    if m is None:
        raise FormatError("not a seed article: the file does not start with 'date YYYY-MM-DD'")
    try:
        published = parse_date(m.group(1))
    except ValueError as exc:
        yield Rejection(shown, 1, str(exc))
        return
    text = content[m.end() :].strip()
    if not text:
        yield Rejection(shown, 1, "empty text")
        return
    yield Found(Article(seed_id(name or path.name), published, text), shown, 1)
