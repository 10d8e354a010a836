"""The examples in the docstrings of the input modules are tests too."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "dateline.corpus",
    "dateline.corpus.csvfile",
    "dateline.corpus.dates",
    "dateline.corpus.feeds",
    "dateline.corpus.fields",
    "dateline.corpus.htmlpage",
    "dateline.corpus.ids",
    "dateline.corpus.jsonl",
    "dateline.corpus.layouts",
    "dateline.corpus.reader",
    "dateline.corpus.report",
    "dateline.corpus.seed",
    "dateline.corpus.textio",
    "dateline.text",
    "dateline.text.detok",
    "dateline.text.sentences",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
