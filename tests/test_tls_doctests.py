"""The examples in the docstrings of the timeline, evaluation and pipeline modules are tests too."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import dateline.evaluate
import dateline.tls


def _modules(package) -> list[str]:
    return [package.__name__] + [f"{package.__name__}.{m.name}"
                                 for m in pkgutil.iter_modules(package.__path__)]


MODULES = _modules(dateline.tls) + _modules(dateline.evaluate) + ["dateline.pipeline", "dateline.model"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
