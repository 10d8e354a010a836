"""One rule for repeated article ids, shared by the single-process reader and the Dask path.

Inputs from several files often reuse ids (``1``, ``2``, … in every CSV; wire ids across topics).
An id seen before with the *same* content is a duplicate record and is rejected; with *different*
content it is another article, kept under ``<id>#<first 8 hex digits of its content hash>`` so that
nothing is lost and the new id is stable across runs.
"""

from __future__ import annotations

from dataclasses import replace

from dateline.model import Article


class IdRegistry:
    """Admits articles in input order, applying the repeated-id rule.

    >>> from datetime import date
    >>> ids = IdRegistry()
    >>> ids.admit(Article("1", date(2020, 1, 1), "Rockets hit the base.")).id
    '1'
    >>> ids.admit(Article("1", date(2020, 1, 1), "Rockets hit the base."))
    "duplicate id '1' (same content)"
    >>> ids.admit(Article("1", date(2020, 1, 2), "Another story.")).id
    '1#3d552538'
    """

    def __init__(self) -> None:
        self._hashes: dict[str, str] = {}

    def resolve(self, article_id: str, content_hash: str) -> tuple[str | None, str | None]:
        """``(id to keep it under, None)``, or ``(None, reason to reject it)``."""
        seen = self._hashes.get(article_id)
        if seen is None:
            self._hashes[article_id] = content_hash
            return article_id, None
        if seen == content_hash:
            return None, f"duplicate id {article_id!r} (same content)"
        new_id = f"{article_id}#{content_hash[:8]}"
        if new_id in self._hashes:
            return None, f"duplicate id {article_id!r} (same content as {new_id!r})"
        self._hashes[new_id] = content_hash
        return new_id, None

    def admit(self, article: Article) -> Article | str:
        """The article to keep (renamed if need be), or the reason to reject it."""
        new_id, reason = self.resolve(article.id, article.content_hash)
        if new_id is None:
            return reason or "duplicate id"
        return article if new_id == article.id else replace(article, id=new_id)
