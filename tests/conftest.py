"""Shared test fixtures: paths to the project's own test data and to the benchmark data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "tests" / "data" / "seeds"


def shared_data() -> Path | None:
    """The benchmark data folder (``$DATELINE_DATA`` or ``../shared/data``), or None."""
    env = os.environ.get("DATELINE_DATA")
    candidates = [Path(env)] if env else []
    candidates.append(REPO.parent / "shared" / "data")
    for c in candidates:
        if c.is_dir():
            return c
    return None


@pytest.fixture
def data_dir() -> Path:
    d = shared_data()
    if d is None:
        pytest.skip("benchmark data not found: set DATELINE_DATA or place it in ../shared/data")
    return d


@pytest.fixture
def timeline17(data_dir: Path) -> Path:
    d = data_dir / "timeline17"
    if not d.is_dir():
        pytest.skip(f"Timeline17 not found under {data_dir}")
    return d


def run_cli(*args: str, input: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``python -m dateline ARGS`` as a real subprocess from the repo root."""
    return subprocess.run(
        [sys.executable, "-m", "dateline", *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        input=input,
        timeout=timeout,
    )
