"""Turning what a person types into a safe FTS5 query.

User text never reaches ``MATCH`` as syntax: it is cut into word terms, each quoted as an FTS5
string, so ``"``, ``-``, ``:``, ``AND``/``NEAR`` or ``*`` cannot change the query's meaning or
raise a syntax error.

>>> fts_query("BP oil-spill")
'"bp" "oil" "spill"'
>>> fts_query('AND "drop" table*', mode="or")
'"and" OR "drop" OR "table"'
>>> fts_query("  ...  ") is None
True
"""

from __future__ import annotations

import re

MAX_TERMS = 32
MAX_TERM_CHARS = 64
_TERM = re.compile(r"[^\W_]+", re.UNICODE)


def terms(query: str | None) -> list[str]:
    """Distinct lower-cased word terms of ``query`` (at most :data:`MAX_TERMS`), in order."""
    if not query:
        return []
    seen = dict.fromkeys(t.lower()[:MAX_TERM_CHARS] for t in _TERM.findall(query))
    return list(seen)[:MAX_TERMS]


def fts_query(query: str | None, mode: str = "and") -> str | None:
    """An FTS5 MATCH expression for ``query``: all terms (``and``) or any term (``or``); ``None`` if empty."""
    ts = terms(query)
    if not ts:
        return None
    joiner = " " if mode == "and" else " OR "
    return joiner.join(f'"{t}"' for t in ts)
