"""Publication dates as they appear in article files, parsed to a calendar day.

The day is taken as written: ``2011-03-15T23:30:00-05:00`` is 2011-03-15 (the publisher's local
date), not converted to UTC. Accepted spellings: ISO dates and datetimes (``2011-03-15``,
``2011-03-15 10:00:00``, ``2011-03-15T10:00:00Z``, ``2011-03-15T10:00:00.123+01:00``),
``2011/03/15``, ``20110315``, RFC 2822 (``Tue, 15 Mar 2011 10:00:00 GMT``, as in RSS), the usual
English forms (``March 15, 2011``, ``15 March 2011``, ``Mar. 15 2011``) and Unix timestamps given
as JSON numbers (seconds or milliseconds, read as UTC).

>>> parse_date("2011-03-15T10:00:00Z")
datetime.date(2011, 3, 15)
>>> parse_date("Tue, 15 Mar 2011 10:00:00 GMT")
datetime.date(2011, 3, 15)
>>> parse_date("2019-02-30")
Traceback (most recent call last):
...
ValueError: impossible date '2019-02-30'
"""

from __future__ import annotations

import email.utils
import math
import re
from datetime import date, datetime, timezone

_ISO_RE = re.compile(
    r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?"
    r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?",
    re.IGNORECASE,
)
_COMPACT_RE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{2}:?\d{2}(?::?\d{2})?Z?)?")
_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TAIL = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}.*)?"
_MDY_RE = re.compile(_WEEKDAY + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TAIL, re.IGNORECASE)
_DMY_RE = re.compile(_WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(\d{4})" + _TAIL, re.IGNORECASE)
_MAX_TEXT = 100


def _make(year: int, month: int, day: int, raw: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"impossible date {raw!r}") from None


def _from_timestamp(value: float) -> date:
    if not math.isfinite(value):
        raise ValueError(f"unrecognised date {value!r}")
    seconds = value / 1000 if abs(value) >= 1e11 else value
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"unrecognised date {value!r}") from None


def parse_date(value: object) -> date:
    """Parse a publication date; raise :class:`ValueError` with a one-line reason if impossible.

    >>> parse_date("March 15, 2011")
    datetime.date(2011, 3, 15)
    >>> parse_date(1300183200)
    datetime.date(2011, 3, 15)
    >>> parse_date("soon")
    Traceback (most recent call last):
    ...
    ValueError: unrecognised date 'soon'
    """
    if isinstance(value, bool) or value is None:
        raise ValueError(f"unrecognised date {value!r}")
    if isinstance(value, (int, float)):
        return _from_timestamp(float(value))
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"unrecognised date of type {type(value).__name__}")
    raw = value.strip()
    shown = raw if len(raw) <= _MAX_TEXT else raw[:_MAX_TEXT] + "..."
    if not raw:
        raise ValueError("empty date")
    m = _ISO_RE.fullmatch(raw)
    if m:
        return _make(int(m.group(1)), int(m.group(3)), int(m.group(4)), shown)
    m = _COMPACT_RE.fullmatch(raw)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), shown)
    m = _MDY_RE.fullmatch(raw)
    if m:
        return _make(int(m.group(3)), _MONTHS[m.group(1)[:3].lower()], int(m.group(2)), shown)
    m = _DMY_RE.fullmatch(raw)
    if m:
        return _make(int(m.group(3)), _MONTHS[m.group(2)[:3].lower()], int(m.group(1)), shown)
    if len(raw) <= 200:
        try:
            parsed = email.utils.parsedate_tz(raw)
        except (TypeError, ValueError, IndexError, OverflowError):
            parsed = None
        if parsed is not None and parsed[0] and parsed[1] and parsed[2]:
            return _make(parsed[0], parsed[1], parsed[2], shown)
    raise ValueError(f"unrecognised date {shown!r}")
