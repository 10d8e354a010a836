"""The tagger on the project's own seed articles: every dated expression resolves correctly."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from dateline.timex import tag

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
_HEADER = re.compile(r"\s*date\s+(\d{4}-\d\d-\d\d)\s*")


def _mentions(name: str) -> tuple[str, dict[str, list]]:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed file {path} missing")
    raw = path.read_text(encoding="utf-8")
    m = _HEADER.match(raw)
    assert m, "seed file must start with 'date YYYY-MM-DD'"
    text = raw[m.end():]
    found: dict[str, list] = {}
    for x in tag(text, date.fromisoformat(m.group(1))):
        assert text[x.start:x.end] == x.text
        found.setdefault(x.text, []).append(x)
    return text, found


def _value(found: dict[str, list], text: str) -> str:
    assert text in found, f"{text!r} not tagged; found {sorted(found)}"
    values = {m.value for m in found[text]}
    assert len(values) == 1, f"{text!r} resolved inconsistently: {values}"
    return values.pop()


def test_seed_2019_12_31() -> None:
    _, found = _mentions("000_c067cd99e942c9c8.txt")
    assert _value(found, "last Friday") == "2019-12-27"
    assert _value(found, "Sunday") == "2019-12-29"
    assert _value(found, "Tuesday") == "2019-12-31"  # "But on Tuesday it seemed ..."
    assert _value(found, "1979") == "1979"
    assert found["1979"][0].granularity == "year"
    assert found["last Friday"][0].day == date(2019, 12, 27)
    decade = [m for k, ms in found.items() for m in ms if "decade ago" in k]
    assert decade and decade[0].type == "DATE" and decade[0].value.startswith("200")
    # numbers that are not years
    assert "5,000" not in found and "000" not in found


def test_seed_2020_01_01() -> None:
    _, found = _mentions("004_adbe81227245509e.txt")
    assert _value(found, "Wednesday") == "2020-01-01"
    assert _value(found, "late Tuesday") == "2019-12-31"
    assert found["late Tuesday"][0].mod == "END"
    assert found["late Tuesday"][0].day == date(2019, 12, 31)
    assert _value(found, "Tuesday night") == "2019-12-31TNI"
    assert found["Tuesday night"][0].day == date(2019, 12, 31)
    assert _value(found, "Wednesday morning") == "2020-01-01TMO"
    assert _value(found, "Tuesday") == "2019-12-31"
    assert _value(found, "Sept. 11, 2012") == "2012-09-11"
    assert _value(found, "December 2017") == "2017-12"
    assert found["December 2017"][0].granularity == "month"
    assert _value(found, "2014") == "2014"
    assert _value(found, "2003") == "2003"
    assert _value(found, "October") == "2019-10"
    assert _value(found, "the weekend") == "2019-W52-WE"
    assert _value(found, "recent days") == "PAST_REF"
    # "has risen in recent years": the span up to now (TimeBank: DURATION PXY with a perfect)
    assert _value(found, "recent years") == "PXY"
    assert _value(found, "two days") == "P2D"
    assert found["two days"][0].type == "DURATION"
    # "as soon as we heard" is no time expression, and 750 / 4,000 / 100 are not years
    assert "soon" not in found
    assert not any(k in found for k in ("750", "4,000", "100", "500", "25"))


def test_seed_day_mentions_only_on_real_days() -> None:
    """Only day-level mentions give a calendar day (the timeline methods rely on this)."""
    for name in ("000_c067cd99e942c9c8.txt", "004_adbe81227245509e.txt"):
        _, found = _mentions(name)
        for ms in found.values():
            for m in ms:
                if m.granularity != "day" or m.type in ("DURATION", "SET"):
                    assert m.day is None
