"""The archive's SQLite schema (version :data:`SCHEMA_VERSION`, kept in ``PRAGMA user_version``).

``articles`` holds each article once (``content_hash`` is unique, so re-ingesting is a no-op);
``sentences`` and ``mentions`` hold the analysis so tagging happens once; ``articles_fts`` is an
FTS5 index over title and text (external content: the text is stored once, in ``articles``).
"""

from __future__ import annotations

import sqlite3

from dateline.errors import DatelineError

SCHEMA_VERSION = 1

DDL: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS articles (
        pk           INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        published    TEXT NOT NULL,
        title        TEXT,
        source       TEXT,
        url          TEXT,
        text         TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS articles_published ON articles(published)",
    """CREATE TABLE IF NOT EXISTS sentences (
        article INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
        idx     INTEGER NOT NULL,
        text    TEXT NOT NULL,
        start   INTEGER NOT NULL,
        end     INTEGER NOT NULL,
        PRIMARY KEY (article, idx)
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS mentions (
        article     INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
        sentence    INTEGER NOT NULL,
        start       INTEGER NOT NULL,
        end         INTEGER NOT NULL,
        text        TEXT NOT NULL,
        value       TEXT NOT NULL,
        granularity TEXT NOT NULL,
        type        TEXT NOT NULL,
        mod         TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article, sentence)",
    """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
        title, text, content='articles', content_rowid='pk',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
)

REQUIRED_TABLES = frozenset({"articles", "sentences", "mentions", "articles_fts"})


def check_fts5(conn: sqlite3.Connection) -> None:
    """Raise a clear :class:`DatelineError` when this SQLite library was built without FTS5."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        conn.execute("DROP TABLE temp.fts5_probe")
    except sqlite3.OperationalError as exc:
        raise DatelineError(
            f"this Python's SQLite {sqlite3.sqlite_version} has no FTS5 full-text index ({exc}); "
            "the archive needs a Python whose sqlite3 is built with FTS5 (e.g. the python.org or Debian builds)"
        ) from None


def create(conn: sqlite3.Connection) -> None:
    """Create the schema in an empty database (idempotent)."""
    check_fts5(conn)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for stmt in DDL:
            conn.execute(stmt)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def verify(conn: sqlite3.Connection, path: str) -> None:
    """Raise :class:`DatelineError` unless ``conn`` is a dateline archive of this schema version."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise DatelineError(f"{path} is not a dateline archive ({exc})") from None
    missing = REQUIRED_TABLES - names
    if missing:
        raise DatelineError(f"{path} is not a dateline archive (no table {', '.join(sorted(missing))})")
    if version != SCHEMA_VERSION:
        raise DatelineError(
            f"{path} is an archive of schema version {version}; this dateline reads version {SCHEMA_VERSION}"
        )
