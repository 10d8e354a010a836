"""Optional dependencies of the Dask path, imported on demand with one clear error when absent.

>>> pa = require_pyarrow()          # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from types import ModuleType

from dateline.errors import DatelineError

_HINT = "install the dask extra: pip install 'dateline[dask]'"


def _require(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError:
        top = name.split(".")[0]
        raise DatelineError(f"the Parquet/Dask path needs {top!r}, which is not installed; {_HINT}") from None


def require_pyarrow() -> ModuleType:
    """``pyarrow`` (also loads ``pyarrow.parquet`` and ``pyarrow.compute``)."""
    _require("pyarrow.parquet")
    _require("pyarrow.compute")
    return _require("pyarrow")


def require_distributed() -> ModuleType:
    """``dask.distributed``."""
    return _require("dask.distributed")
