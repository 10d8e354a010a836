"""Property tests of the tagger (hypothesis) and the doctests of the timex modules."""

from __future__ import annotations

import doctest
import importlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.timex import tag

WORDS = ["on", "Friday", "last", "week", "in", "2014", "Sept.", "11", ",", "2012", "two", "days",
         "later", "the", "past", "three", "months", "May", "may", "5", "p.m.", "-", "13", "every",
         "year", "ago", "early", "mid-", "1990s", "quarter", "third", "Christmas", "(", ")", "'",
         "yesterday", "night", "2,000", "$", "1861-1863", "Q2", "\n"]


def _check(text: str, dct: date) -> None:
    end = 0
    for m in tag(text, dct):
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= end
        assert text[m.start:m.end] == m.text
        assert m.type in ("DATE", "TIME", "DURATION", "SET")
        assert m.value
        end = m.end


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_any_text_any_date(text: str, dct: date) -> None:
    _check(text, dct)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40),
       st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_time_word_soup(words: list[str], dct: date) -> None:
    _check(" ".join(words), dct)


@pytest.mark.parametrize("module", [
    "dateline.timex", "dateline.timex.patterns", "dateline.timex.resolve",
    "dateline.timex.calendar_math", "dateline.timex.timeml", "dateline.timex.evaluate",
    "dateline.timex.resources.vocab",
])
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0
