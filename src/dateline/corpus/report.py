"""Bookkeeping of what the readers read, kept and rejected.

Every record a reader meets ends up either kept (an :class:`~dateline.model.Article` is yielded)
or rejected (a :class:`Rejection` names file, line and reason), so ``read == kept + rejected``
always holds. Blank lines are not records.

>>> report = RejectionReport()
>>> report.count_kept()
>>> report.add(Rejection("a.jsonl", 2, "invalid JSON"))
>>> print(report.summary())
read 2, kept 1, rejected 1
a.jsonl:2: invalid JSON
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.model import Article


@dataclass(frozen=True, slots=True)
class Rejection:
    """One record that was not turned into an article: where it was and why.

    ``line`` is the 1-based line where the record starts (1 for a record that is a whole file).
    """

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass(slots=True)
class RejectionReport:
    """Counts of records read and kept, and every rejection, in input order."""

    read: int = 0
    kept: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    def count_kept(self) -> None:
        """Record one record read and kept."""
        self.read += 1
        self.kept += 1

    def add(self, rejection: Rejection) -> None:
        """Record one record read and rejected."""
        self.read += 1
        self.rejected.append(rejection)

    @property
    def ok(self) -> bool:
        """True when nothing was rejected."""
        return not self.rejected

    def counts(self) -> str:
        """The one-line count, e.g. ``read 6, kept 3, rejected 3``."""
        return f"read {self.read}, kept {self.kept}, rejected {len(self.rejected)}"

    def summary(self, max_lines: int | None = None) -> str:
        """The count line, then one ``file:line: reason`` line per rejection.

        With ``max_lines``, at most that many rejection lines are listed, then ``... and N more``.

        >>> r = RejectionReport()
        >>> for i in range(3):
        ...     r.add(Rejection("f.csv", i + 2, "missing date"))
        >>> print(r.summary(max_lines=1))
        read 3, kept 0, rejected 3
        f.csv:2: missing date
        ... and 2 more rejected
        """
        lines = [self.counts()]
        shown = self.rejected if max_lines is None else self.rejected[:max_lines]
        lines.extend(str(r) for r in shown)
        hidden = len(self.rejected) - len(shown)
        if hidden:
            lines.append(f"... and {hidden} more rejected")
        return "\n".join(lines)


class FormatError(Exception):
    """Internal: a whole file is not in the format its reader expects.

    :func:`dateline.corpus.read` turns it into :class:`~dateline.errors.UnsupportedInput` for a file
    named on the command line, and into a one-line rejection for a file found in a directory.
    """


@dataclass(frozen=True, slots=True)
class Found:
    """An article a reader produced, with the file and line it came from."""

    article: Article
    file: str
    line: int


# what a format reader yields: one item per record
Item = Found | Rejection
