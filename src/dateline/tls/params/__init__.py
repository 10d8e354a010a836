"""Trained parameters shipped with dateline (small, versioned, human-readable JSON).

Regenerate them with ``python benchmarks/train_params.py``; nothing is trained at run time.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_params(name: str) -> dict[str, Any] | None:
    """The parameters stored as ``<name>.json`` in this package, or ``None`` if there is none.

    >>> load_params("no-such-method") is None
    True
    """
    try:
        text = resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return json.loads(text)
