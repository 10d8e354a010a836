"""A small progress line for long ingests: stderr only, and only when stderr is a terminal.

>>> import io
>>> out = io.StringIO()
>>> bar = Progress("ingest", stream=out, force=True, min_interval=0.0)
>>> bar.update(200, "added 180, skipped 20")
>>> bar.close()
>>> "ingest: 200 articles" in out.getvalue()
True
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """A one-line, self-overwriting counter (``\\r``) with a rate; no total needed (inputs stream)."""

    def __init__(self, label: str, *, stream: TextIO | None = None, force: bool = False,
                 min_interval: float = 0.25) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = force or (hasattr(self.stream, "isatty") and self.stream.isatty())
        self.min_interval = min_interval
        self._t0 = time.monotonic()
        self._last = float("-inf")
        self._width = 0
        self._shown = False

    def update(self, count: int, detail: str = "") -> None:
        """Show ``count`` items done (rate-limited to one redraw per ``min_interval`` seconds)."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self.min_interval:
            return
        self._last = now
        rate = count / max(now - self._t0, 1e-9)
        line = f"{self.label}: {count} articles ({rate:.0f}/s)" + (f" — {detail}" if detail else "")
        pad = max(0, self._width - len(line))
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()
        self._width = len(line)
        self._shown = True

    def close(self) -> None:
        """End the line (if anything was drawn)."""
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()
            self._shown = False
