"""Evaluation: tilse-compatible timeline metrics in pure Python, and the news-tls benchmark.

* :mod:`dateline.evaluate.rouge` -- ROUGE-1/2 counts exactly as tilse gets them from
  ROUGE-1.5.5 (``-n 2 -m -s``: SMART stopwords, WordNet exceptions + ROUGE's Porter stemmer).
* :mod:`dateline.evaluate.metrics` -- concat, agreement, align+ m:1, align+ 1:1, align 1:1, date F1.
* :mod:`dateline.evaluate.protocol` -- one task per reference timeline, oracles, means.

>>> from datetime import date
>>> from dateline.model import Entry, Quote, Timeline
>>> ref = Timeline((Entry(date(2010, 4, 20), (Quote("The rig explodes .", "r"),)),))
>>> score(ref, [ref])["align_m1"]["rouge_1"]["f_score"]
1.0
"""

from __future__ import annotations

from dateline.evaluate.metrics import METRICS, score, summaries
from dateline.evaluate.rouge import Counts, Rouge

__all__ = ["METRICS", "Counts", "Rouge", "score", "summaries"]
