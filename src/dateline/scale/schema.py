"""The Parquet schema of analysed articles, and the exact conversion to and from :class:`Document`.

Three datasets, one row per article, per sentence and per time mention::

    articles/   id, content_hash, published, title, source, url, text
    sentences/  article_id, index, start, end, text
    mentions/   article_id, sentence_index, start, end, text, value, granularity, type, mod

Rows of a shard keep the order in which the articles were read; the sentences and mentions of an
article follow its row order, so :func:`documents_from_tables` rebuilds exactly the
:class:`~dateline.model.Document` that :func:`dateline.pipeline.analyze` produced.

>>> from datetime import date
>>> from dateline.model import Article, Document, Mention, Sentence
>>> doc = Document(Article("a1", date(2020, 1, 1), "On Tuesday."),
...                (Sentence("a1", 0, "On Tuesday.", (Mention("Tuesday", 3, 10, "2019-12-31"),), 0, 11),))
>>> buf = ShardBuffer()
>>> buf.add(doc)
>>> list(documents_from_tables(*buf.tables())) == [doc]
True
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from dateline.model import Article, Document, Mention, Sentence
from dateline.scale._deps import require_pyarrow

SCHEMA_VERSION = "1"
DATASETS: tuple[str, ...] = ("articles", "sentences", "mentions")

# column name -> arrow type name; the one place the layout is written down
COLUMNS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    # (name, type, nullable)
    "articles": (
        ("id", "string", False),
        ("content_hash", "string", False),
        ("published", "date32", False),
        ("title", "string", True),
        ("source", "string", True),
        ("url", "string", True),
        ("text", "string", False),
    ),
    "sentences": (
        ("article_id", "string", False),
        ("index", "int32", False),
        ("start", "int32", False),
        ("end", "int32", False),
        ("text", "string", False),
    ),
    "mentions": (
        ("article_id", "string", False),
        ("sentence_index", "int32", False),
        ("start", "int32", False),
        ("end", "int32", False),
        ("text", "string", False),
        ("value", "string", False),
        ("granularity", "string", False),
        ("type", "string", False),
        ("mod", "string", True),
    ),
}


def schema(dataset: str) -> Any:
    """The ``pyarrow.Schema`` of ``dataset`` (one of :data:`DATASETS`)."""
    pa = require_pyarrow()
    fields = [pa.field(name, getattr(pa, kind)(), nullable=nullable) for name, kind, nullable in COLUMNS[dataset]]
    return pa.schema(fields, metadata={"dateline.schema_version": SCHEMA_VERSION, "dateline.dataset": dataset})


class ShardBuffer:
    """Column buffers for the rows of a batch of documents (one row group of each dataset)."""

    def __init__(self) -> None:
        self.columns: dict[str, dict[str, list]] = {
            ds: {name: [] for name, _, _ in cols} for ds, cols in COLUMNS.items()
        }
        self.documents = 0

    def __len__(self) -> int:
        return self.documents

    def add(self, doc: Document) -> None:
        """Append the rows of one analysed article."""
        a = doc.article
        art = self.columns["articles"]
        art["id"].append(a.id)
        art["content_hash"].append(a.content_hash)
        art["published"].append(a.published)
        art["title"].append(a.title)
        art["source"].append(a.source)
        art["url"].append(a.url)
        art["text"].append(a.text)
        sen = self.columns["sentences"]
        men = self.columns["mentions"]
        for s in doc.sentences:
            sen["article_id"].append(a.id)
            sen["index"].append(s.index)
            sen["start"].append(s.start)
            sen["end"].append(s.end)
            sen["text"].append(s.text)
            for m in s.mentions:
                men["article_id"].append(a.id)
                men["sentence_index"].append(s.index)
                men["start"].append(m.start)
                men["end"].append(m.end)
                men["text"].append(m.text)
                men["value"].append(m.value)
                men["granularity"].append(m.granularity)
                men["type"].append(m.type)
                men["mod"].append(m.mod)
        self.documents += 1

    def tables(self) -> tuple[Any, Any, Any]:
        """The buffered rows as ``(articles, sentences, mentions)`` ``pyarrow.Table``\\ s."""
        pa = require_pyarrow()
        return tuple(  # type: ignore[return-value]
            pa.Table.from_pydict(self.columns[ds], schema=schema(ds)) for ds in DATASETS
        )

    def clear(self) -> None:
        for cols in self.columns.values():
            for values in cols.values():
                values.clear()
        self.documents = 0


def _rows(table: Any) -> dict[str, list]:
    return {name: table.column(name).to_pylist() for name in table.column_names}


def documents_from_tables(articles: Any, sentences: Any, mentions: Any) -> Iterator[Document]:
    """Rebuild documents from the three tables of one shard (or of a filtered slice of it).

    Sentences and mentions are matched to their article by walking the rows in order: an article's
    sentences are the next run of sentence rows with its id whose ``index`` counts up from 0, and
    likewise for mentions, so repeated article ids in a shard do not mix.
    """
    a = _rows(articles)
    s = _rows(sentences)
    m = _rows(mentions)
    si = mi = 0
    n_s, n_m = len(s["article_id"]), len(m["article_id"])
    for row in range(len(a["id"])):
        aid = a["id"][row]
        published = a["published"][row]
        if not isinstance(published, date):  # pragma: no cover - arrow gives date for date32
            published = date.fromisoformat(str(published))
        article = Article(aid, published, a["text"][row], a["title"][row], a["source"][row], a["url"][row])
        sents: list[Sentence] = []
        expected = 0
        while si < n_s and s["article_id"][si] == aid and s["index"][si] == expected:
            idx = s["index"][si]
            ments: list[Mention] = []
            while mi < n_m and m["article_id"][mi] == aid and m["sentence_index"][mi] == idx:
                ments.append(
                    Mention(m["text"][mi], m["start"][mi], m["end"][mi], m["value"][mi],
                            m["granularity"][mi], m["type"][mi], m["mod"][mi])
                )
                mi += 1
            sents.append(Sentence(aid, idx, s["text"][si], tuple(ments), s["start"][si], s["end"][si]))
            si += 1
            expected += 1
        yield Document(article, tuple(sents))
