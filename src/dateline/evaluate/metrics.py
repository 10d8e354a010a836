"""Timeline metrics with tilse 0.2.1 semantics: concat, agreement, the align variants, date F1.

All metrics compare one predicted timeline with one or more reference timelines (Martschat and
Markert, 2017) and return, per ROUGE order, precision, recall and F1::

    {"rouge_1": {"precision": ..., "recall": ..., "f_score": ...}, "rouge_2": {...}}

* ``concat``: all predicted sentences against each reference's sentences, concatenated.
* ``agreement``: per date of prediction and references together, the date's summaries; hits count
  toward precision on predicted dates and toward recall on reference dates.
* ``align_m1`` (tilse's *align+ m:1*): every predicted date is matched to its cheapest reference
  date (earliest on ties), cost ``(1 - 1/(|p-r|+1)) * (1 - F1~)`` where ``F1~`` is a unigram F1
  over whitespace tokens; hits are weighted ``1/(|p-r|+1)``. Recall is the mirror image.
* ``align_plus_1to1`` (tilse's *align+*): the same costs, injective (Hungarian) assignment.
* ``align_1to1`` (tilse's *align*): date-distance costs only, injective assignment.
* ``date_f1``: predicted dates against the union of reference dates.

Where tilse would divide by zero (an empty prediction), the score is 0.

>>> from datetime import date
>>> from dateline.model import Entry, Quote, Timeline
>>> tl = lambda *es: Timeline(tuple(Entry(d, tuple(Quote(s, "x") for s in ss)) for d, ss in es))
>>> pred = tl((date(2010, 4, 21), ["Rig explodes in the Gulf ."]))
>>> ref = tl((date(2010, 4, 20), ["The rig explodes , killing 11 ."]))
>>> s = score(pred, [ref])
>>> round(s["concat"]["rouge_1"]["recall"], 3), round(s["align_m1"]["rouge_1"]["recall"], 3)
(0.5, 0.25)
>>> s["date_f1"]["f_score"]
0.0
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import date

import numpy as np

from dateline.evaluate.rouge import Counts, Grams, Rouge, counts_from_grams
from dateline.model import Timeline

Summaries = Mapping[date, Sequence[str]]
Scores = dict[str, dict[str, float]]
MEASURES: tuple[str, ...] = ("rouge_1", "rouge_2")
#: Metric keys in the order :func:`score` returns them (``date_f1`` has no ROUGE level).
METRICS: tuple[str, ...] = ("concat", "agreement", "align_m1", "date_f1", "align_plus_1to1", "align_1to1")


def summaries(timeline: Timeline | Summaries) -> dict[date, list[str]]:
    """A timeline as ``{date: [sentence, ...]}``, sentences stripped.

    A date given twice keeps its later block, as tilse's and news-tls's readers do (both build a
    dict from the file); Timeline17's guardian and iraq references have such repeats.

    >>> from dateline.model import Entry, Quote
    >>> summaries(Timeline((Entry(date(2020, 1, 2), (Quote(" a ", "x"),)),)))
    {datetime.date(2020, 1, 2): ['a']}
    """
    out: dict[date, list[str]] = {}
    if isinstance(timeline, Timeline):
        for e in timeline.entries:
            out[e.date] = [q.text.strip() for q in e.sentences]
    else:
        for d, sents in timeline.items():
            out[d] = [s.strip() for s in sents]
    return out


def f_score(precision: float, recall: float, beta: float = 1.0) -> float:
    """F_beta from precision and recall (0 when both are 0).

    >>> f_score(0.5, 0.25)
    0.3333333333333333
    """
    if precision + recall == 0:
        return 0.0
    return (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


def prf(precision: float, recall: float) -> dict[str, float]:
    """``{"precision", "recall", "f_score"}``."""
    return {"precision": float(precision), "recall": float(recall), "f_score": float(f_score(precision, recall))}


_PUNCT = string.punctuation


def _approx_counter(sentences: Sequence[str]) -> Counter:
    # tilse: tokens ``k not in string.punctuation`` -- a substring test on the punctuation string
    c: Counter = Counter()
    for s in sentences:
        c.update(k for k in s.split() if k not in _PUNCT)
    return c


def _approx_f1(pred: Counter, pred_total: int, refs: Sequence[Counter], ref_total: int) -> float:
    """tilse's ``compute_rouge_approximation`` (unigram F1 against several references)."""
    match = 0
    if pred_total:
        for tok, c in pred.items():
            for r in refs:
                m = r.get(tok)
                if m:
                    match += c if c < m else m
    prec_denom = len(refs) * pred_total
    precision = 0 if prec_denom == 0 else match / prec_denom
    recall = 0 if ref_total == 0 else match / ref_total
    if precision + recall == 0:
        return 0
    return 2 * precision * recall / (precision + recall)


class _Task:
    """Precomputed n-grams of one prediction and its references, shared by all metrics."""

    def __init__(self, pred: dict[date, list[str]], refs: list[dict[date, list[str]]], rouge: Rouge):
        self.pred = pred
        self.refs = refs
        self.rouge = rouge
        self.pred_dates = sorted(pred)
        self.ref_dates = sorted(set().union(*refs)) if refs else []
        self._pred_grams: dict[date, Grams] = {}
        self._ref_grams: dict[date, list[Grams]] = {}

    def pred_grams(self, d: date | None) -> Grams:
        if d is None or d not in self.pred:
            return Counter(), Counter()
        g = self._pred_grams.get(d)
        if g is None:
            g = self._pred_grams[d] = self.rouge.grams(self.pred[d])
        return g

    def ref_grams(self, d: date | None) -> list[Grams]:
        if d is None:
            return [(Counter(), Counter()) for _ in self.refs]
        g = self._ref_grams.get(d)
        if g is None:
            g = self._ref_grams[d] = [self.rouge.grams(r.get(d, ())) for r in self.refs]
        return g

    def pair(self, p: date | None, r: date | None) -> dict[int, Counts]:
        return counts_from_grams(self.pred_grams(p), self.ref_grams(r))


def _ratio(num: float, den: float) -> float:
    return 0.0 if den == 0 else num / den


def concat(task: _Task) -> Scores:
    """ROUGE of all predicted sentences (date order) against each whole reference."""
    pred_sents = [s for d in task.pred_dates for s in task.pred[d]]
    ref_sents = [[s for d in sorted(r) for s in r[d]] for r in task.refs]
    c = counts_from_grams(task.rouge.grams(pred_sents), [task.rouge.grams(r) for r in ref_sents])
    return {m: prf(_ratio(c[n].hits, c[n].peer), _ratio(c[n].hits, c[n].model))
            for n, m in ((1, MEASURES[0]), (2, MEASURES[1]))}


def agreement(task: _Task) -> Scores:
    """Per-date ROUGE over the dates of prediction and references together."""
    pred_dates = set(task.pred_dates)
    ref_dates = set(task.ref_dates)
    sums = {n: [0, 0, 0, 0] for n in (1, 2)}  # prec num, prec den, rec num, rec den
    for d in sorted(pred_dates | ref_dates):
        c = task.pair(d if d in pred_dates else None, d if d in ref_dates else None)
        for n in (1, 2):
            if d in pred_dates:
                sums[n][0] += c[n].hits
                sums[n][1] += c[n].peer
            if d in ref_dates:
                sums[n][2] += c[n].hits
                sums[n][3] += c[n].model
    return {m: prf(_ratio(sums[n][0], sums[n][1]), _ratio(sums[n][2], sums[n][3]))
            for n, m in ((1, MEASURES[0]), (2, MEASURES[1]))}


def _date_factor(a: date, b: date) -> float:
    return 1 - 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def date_costs(task: _Task) -> np.ndarray:
    """Cost matrix (predicted dates x reference dates) of tilse's *align*: date distance only."""
    return np.array([[_date_factor(p, r) for r in task.ref_dates] for p in task.pred_dates], dtype=float).reshape(
        len(task.pred_dates), len(task.ref_dates)
    )


def date_content_costs(task: _Task) -> np.ndarray:
    """Cost matrix of tilse's *align+*: date distance times (1 - approximate unigram F1)."""
    pred_c = {d: _approx_counter(task.pred[d]) for d in task.pred_dates}
    pred_t = {d: sum(c.values()) for d, c in pred_c.items()}
    ref_c = {d: [_approx_counter(r.get(d, ())) for r in task.refs] for d in task.ref_dates}
    ref_t = {d: sum(sum(c.values()) for c in cs) for d, cs in ref_c.items()}
    costs = np.empty((len(task.pred_dates), len(task.ref_dates)), dtype=float)
    for i, p in enumerate(task.pred_dates):
        for j, r in enumerate(task.ref_dates):
            costs[i, j] = _date_factor(p, r) * (1 - _approx_f1(pred_c[p], pred_t[p], ref_c[r], ref_t[r]))
    return costs


def assign_min_cost(costs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Many-to-one: every row takes its cheapest column (the first one on ties)."""
    rows = np.arange(costs.shape[0])
    if costs.shape[0] == 0 or costs.shape[1] == 0:
        return rows[:0], rows[:0]
    return rows, costs.argmin(axis=1)


def assign_one_to_one(costs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Injective assignment of least total cost (scipy's ``linear_sum_assignment``, as tilse)."""
    from scipy.optimize import linear_sum_assignment

    if costs.shape[0] == 0 or costs.shape[1] == 0:
        empty = np.arange(0)
        return empty, empty
    return linear_sum_assignment(np.ascontiguousarray(costs))


def aligned(task: _Task, costs: np.ndarray, assign: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]) -> Scores:
    """ROUGE over aligned dates, hits weighted by ``1/(|p-r|+1)`` (tilse's per-day mapping, micro)."""
    pd, rd = task.pred_dates, task.ref_dates
    prec_num = {1: [], 2: []}
    prec_den = {1: [], 2: []}
    rec_num = {1: [], 2: []}
    rec_den = {1: [], 2: []}

    rows, cols = assign(costs)
    for i, j in zip(rows.tolist(), cols.tolist()):
        p, r = pd[i], rd[j]
        c = task.pair(p, r)
        w = 1 / (abs(p.toordinal() - r.toordinal()) + 1)
        for n in (1, 2):
            prec_num[n].append(w * c[n].hits)
            prec_den[n].append(c[n].peer)
    matched = set(rows.tolist())
    for i, p in enumerate(pd):
        if i not in matched:
            c = task.pair(p, None)
            for n in (1, 2):
                prec_num[n].append(c[n].hits)
                prec_den[n].append(c[n].peer)

    rows, cols = assign(np.ascontiguousarray(costs.T))
    for i, j in zip(rows.tolist(), cols.tolist()):
        r, p = rd[i], pd[j]
        c = task.pair(p, r)
        w = 1 / (abs(p.toordinal() - r.toordinal()) + 1)
        for n in (1, 2):
            rec_num[n].append(w * c[n].hits)
            rec_den[n].append(c[n].model)
    matched = set(rows.tolist())
    for i, r in enumerate(rd):
        if i not in matched:
            c = task.pair(None, r)
            for n in (1, 2):
                rec_num[n].append(c[n].hits)
                rec_den[n].append(c[n].model)

    return {m: prf(_ratio(sum(prec_num[n]), sum(prec_den[n])), _ratio(sum(rec_num[n]), sum(rec_den[n])))
            for n, m in ((1, MEASURES[0]), (2, MEASURES[1]))}


def date_f1(pred_dates: Sequence[date], ref_dates: Sequence[date]) -> dict[str, float]:
    """Precision, recall and F1 of predicted dates against reference dates.

    >>> date_f1([date(2020, 1, 1), date(2020, 1, 2)], [date(2020, 1, 2)])
    {'precision': 0.5, 'recall': 1.0, 'f_score': 0.6666666666666666}
    """
    p, r = set(pred_dates), set(ref_dates)
    both = len(p & r)
    return prf(_ratio(both, len(p)), _ratio(both, len(r)))


def score(
    predicted: Timeline | Summaries,
    references: Sequence[Timeline | Summaries],
    *,
    rouge: Rouge | None = None,
    metrics: Sequence[str] = METRICS,
) -> dict[str, Scores | dict[str, float]]:
    """Every tilse metric of ``predicted`` against ``references`` (see the module docstring).

    ``rouge`` may be shared between calls to reuse its token cache; ``metrics`` picks a subset of
    :data:`METRICS` (the order of the result follows :data:`METRICS`).
    """
    if not references:
        raise ValueError("at least one reference timeline is needed")
    unknown = set(metrics) - set(METRICS)
    if unknown:
        raise ValueError(f"unknown metrics: {', '.join(sorted(unknown))}")
    task = _Task(summaries(predicted), [summaries(r) for r in references], rouge or Rouge())
    out: dict[str, Scores | dict[str, float]] = {}
    content = None
    for name in METRICS:
        if name not in metrics:
            continue
        if name == "concat":
            out[name] = concat(task)
        elif name == "agreement":
            out[name] = agreement(task)
        elif name == "date_f1":
            out[name] = date_f1(task.pred_dates, task.ref_dates)
        elif name == "align_1to1":
            out[name] = aligned(task, date_costs(task), assign_one_to_one)
        else:
            if content is None:
                content = date_content_costs(task)
            assign = assign_min_cost if name == "align_m1" else assign_one_to_one
            out[name] = aligned(task, content, assign)
    return out
