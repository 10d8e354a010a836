"""Reading dated articles from files: seed text, JSONL/CSV, news-tls and tilse layouts, HTML, RSS/Atom.

:func:`read` streams :class:`~dateline.model.Article` objects and records every record it could
not use in a :class:`RejectionReport` (file, line, reason) instead of failing::

    report = RejectionReport()
    for article in read(["news.jsonl", "seeds/"], report=report):
        ...
    print(report.summary(), file=sys.stderr)   # "read 6, kept 3, rejected 3" + one line each
"""

from __future__ import annotations

from dateline.corpus.dates import parse_date
from dateline.corpus.reader import FORMATS, normalize_format, read
from dateline.corpus.report import Rejection, RejectionReport

__all__ = ["FORMATS", "Rejection", "RejectionReport", "normalize_format", "parse_date", "read"]
