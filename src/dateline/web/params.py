"""Validation of request parameters: every bad value becomes a 400 with a JSON error, never a 500.

>>> p = Params({"q": "oil spill", "dates": "12"})
>>> p.text("q", max_len=200), p.integer("dates", 10, 1, 50), p.day("start")
('oil spill', 12, None)
>>> Params({"dates": "x"}).integer("dates", 10, 1, 50)
Traceback (most recent call last):
...
dateline.web.params.BadRequest: 'dates' must be an integer from 1 to 50, got 'x'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date


class BadRequest(ValueError):
    """A request parameter is missing, malformed or out of bounds (HTTP 400)."""


class Params:
    """Typed, bounded access to a request's query parameters."""

    def __init__(self, query: Mapping[str, str]) -> None:
        self.query = query

    def text(self, name: str, *, max_len: int, required: bool = False) -> str | None:
        value = (self.query.get(name) or "").strip()
        if not value:
            if required:
                raise BadRequest(f"parameter {name!r} is required")
            return None
        if len(value) > max_len:
            raise BadRequest(f"{name!r} is longer than {max_len} characters")
        return value

    def integer(self, name: str, default: int, lo: int, hi: int) -> int:
        raw = (self.query.get(name) or "").strip()
        if not raw:
            return default
        try:
            n = int(raw)
        except ValueError:
            n = None
        if n is None or not lo <= n <= hi:
            raise BadRequest(f"{name!r} must be an integer from {lo} to {hi}, got {raw[:40]!r}")
        return n

    def day(self, name: str) -> date | None:
        raw = (self.query.get(name) or "").strip()
        if not raw:
            return None
        try:
            return date.fromisoformat(raw) if len(raw) == 10 else _bad_date(name, raw)
        except ValueError:
            return _bad_date(name, raw)

    def choice(self, name: str, choices: Sequence[str], default: str) -> str:
        raw = (self.query.get(name) or "").strip()
        if not raw:
            return default
        if raw not in choices:
            raise BadRequest(f"{name!r} must be one of {', '.join(choices)}, got {raw[:40]!r}")
        return raw

    def period(self) -> tuple[date | None, date | None]:
        """``start`` and ``end``, checked to be in order."""
        start, end = self.day("start"), self.day("end")
        if start and end and start > end:
            raise BadRequest(f"'start' {start} is after 'end' {end}")
        return start, end


def _bad_date(name: str, raw: str) -> date:
    raise BadRequest(f"{name!r} must be a date YYYY-MM-DD, got {raw[:40]!r}")
