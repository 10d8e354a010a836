"""Calendar arithmetic and TIMEX3 value formatting used by the resolver.

>>> from datetime import date
>>> point_value(date(2019, 12, 27), "week"), point_value(date(2019, 12, 27), "quarter")
('2019-W52', '2019-Q4')
>>> shift(date(2020, 1, 31), -1, "month")
datetime.date(2019, 12, 31)
>>> parse_point("2019-12-31TNI")
(datetime.date(2019, 12, 31), 'day')
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

GRANULARITY_ORDER: dict[str, int] = {
    "day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5,
    "century": 6,
}

_POINT = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?"
)


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` calendar months, clamped to the month's last day.

    >>> add_months(date(2019, 3, 31), -1)
    datetime.date(2019, 2, 28)
    """
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    y = min(max(y, 1), 9999)
    return date(y, m + 1, min(d.day, _cal.monthrange(y, m + 1)[1]))


def shift(d: date, n: int, unit: str) -> date:
    """``d`` moved by ``n`` units (day, night, week, weekend, fortnight, month, quarter, year...)."""
    try:
        if unit in ("day", "night"):
            return d + timedelta(days=n)
        if unit in ("week", "weekend"):
            return d + timedelta(weeks=n)
        if unit == "fortnight":
            return d + timedelta(weeks=2 * n)
        months = {"month": 1, "quarter": 3, "semester": 6, "year": 12, "decade": 120,
                  "century": 1200, "millennium": 12000}.get(unit)
        if months is not None:
            return add_months(d, n * months)
        if unit in ("hour", "minute", "second"):
            return d
    except OverflowError:
        return d
    raise ValueError(f"unknown unit {unit!r}")


def iso_week(d: date) -> str:
    """ISO week value, e.g. ``2019-W52``."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def point_value(d: date, granularity: str) -> str:
    """TIMEX3 value of the period of ``granularity`` that contains ``d``."""
    if granularity == "day":
        return d.isoformat()
    if granularity == "week":
        return iso_week(d)
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if granularity == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if granularity == "season":
        return f"{d.year:04d}-{season_of(d)}"
    if granularity == "year":
        return f"{d.year:04d}"
    if granularity == "decade":
        return f"{d.year // 10:03d}"
    if granularity == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(f"unknown granularity {granularity!r}")


def season_of(d: date) -> str:
    """Meteorological season code of a day (``SP``, ``SU``, ``FA``, ``WI``)."""
    return ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[d.month - 1]


def parse_point(value: str) -> tuple[date, str] | None:
    """A representative day and the granularity of a TIMEX3 point value, or ``None``."""
    m = _POINT.match(value)
    if not m or not value[:4].isdigit():
        return None
    y = int(m["y"])
    try:
        if m["d"]:
            return date(y, int(m["m"]), int(m["d"])), "day"
        if m["m"]:
            return date(y, int(m["m"]), 1), "month"
        if m["w"]:
            return date.fromisocalendar(y, int(m["w"]), 1), "week"
        if m["q"]:
            return date(y, 3 * int(m["q"]) - 2, 1), "quarter"
        if m["h"]:
            return date(y, 6 * int(m["h"]) - 5, 1), "quarter"
        if m["s"]:
            return date(y, {"WI": 1, "SP": 4, "SU": 7, "FA": 10}[m["s"]], 1), "season"
        return date(y, 1, 1), "year"
    except ValueError:
        return None


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm).

    >>> easter(2019)
    datetime.date(2019, 4, 21)
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (Monday = 0) of a month; ``n = -1`` is the last one.

    >>> nth_weekday(2019, 11, 3, 4)  # Thanksgiving
    datetime.date(2019, 11, 28)
    """
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, _cal.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)
