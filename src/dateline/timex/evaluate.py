"""TempEval-3 task A scores of the tagger against gold TimeML.

Extent: strict (same character span) and relaxed (any overlap) precision, recall and F1,
micro-averaged over all documents. Attributes: on the relaxed matches (each gold TIMEX3 paired
with at most one system TIMEX3, the one it overlaps most), the accuracy of ``value`` and
``type``; the reported attribute F1 is ``F1_relaxed × accuracy`` as in the TempEval-3 scorer.

>>> from dateline.model import Mention
>>> gold = [Mention("last Friday", 0, 11, "2019-12-27"), Mention("2014", 20, 24, "2014", "year")]
>>> pred = [Mention("Friday", 5, 11, "2019-12-27"), Mention("2014", 20, 24, "2013", "year")]
>>> s = Counts(); s.add(gold, pred); r = s.scores()
>>> r["strict"]["f1"], r["relaxed"]["f1"], r["value_f1"]
(0.5, 1.0, 0.5)
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import DatelineError
from dateline.model import Mention
from dateline.timex import tag
from dateline.timex.timeml import read_tml, write_tml


def _prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _overlap(a: Mention, b: Mention) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


@dataclass
class Counts:
    """Running TempEval-3 counts over documents; :meth:`scores` gives the figures."""

    gold: int = 0
    predicted: int = 0
    strict_p: int = 0
    strict_r: int = 0
    relaxed_p: int = 0
    relaxed_r: int = 0
    pairs: int = 0
    value_ok: int = 0
    type_ok: int = 0
    docs: int = 0
    errors: list[tuple[str, Mention | None, Mention | None]] = field(default_factory=list)

    def add(self, gold: Sequence[Mention], pred: Sequence[Mention], name: str = "") -> None:
        """Score one document's system mentions against its gold mentions."""
        self.docs += 1
        self.gold += len(gold)
        self.predicted += len(pred)
        gold_spans = {(g.start, g.end) for g in gold}
        pred_spans = {(p.start, p.end) for p in pred}
        self.strict_p += sum((p.start, p.end) in gold_spans for p in pred)
        self.strict_r += sum((g.start, g.end) in pred_spans for g in gold)
        self.relaxed_p += sum(any(_overlap(p, g) > 0 for g in gold) for p in pred)
        used: set[int] = set()
        for g in gold:
            best, best_ov = None, 0
            for i, p in enumerate(pred):
                ov = _overlap(g, p)
                if ov > best_ov and i not in used:
                    best, best_ov = i, ov
            if best is None:
                if any(_overlap(g, p) > 0 for p in pred):
                    self.relaxed_r += 1  # overlapped, but its partner is taken
                else:
                    self.errors.append((name, g, None))
                continue
            used.add(best)
            p = pred[best]
            self.relaxed_r += 1
            self.pairs += 1
            self.value_ok += p.value == g.value
            self.type_ok += p.type == g.type
            if p.value != g.value or p.type != g.type or (p.start, p.end) != (g.start, g.end):
                self.errors.append((name, g, p))
        for p in pred:
            if not any(_overlap(p, g) > 0 for g in gold):
                self.errors.append((name, None, p))

    def scores(self) -> dict:
        strict = _prf(self.strict_p, self.predicted, self.strict_r, self.gold)
        relaxed = _prf(self.relaxed_p, self.predicted, self.relaxed_r, self.gold)
        value_acc = self.value_ok / self.pairs if self.pairs else 0.0
        type_acc = self.type_ok / self.pairs if self.pairs else 0.0
        return {
            "strict": strict,
            "relaxed": relaxed,
            "value_f1": round(relaxed["f1"] * value_acc, 4),
            "type_f1": round(relaxed["f1"] * type_acc, 4),
            "docs": self.docs,
            "timexes_gold": self.gold,
        }


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The ``.tml`` files named by ``paths`` (files, or folders searched recursively), sorted."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*.tml") if x.is_file()))
        elif p.is_file():
            out.append(p)
        else:
            raise DatelineError(f"{p}: no such file or directory")
    if not out:
        raise DatelineError(f"no .tml files in {', '.join(map(str, paths))}")
    return out


def evaluate(paths: Iterable[str | Path], save_dir: str | Path | None = None) -> tuple[dict, Counts]:
    """TempEval-3 task A scores of :func:`dateline.timex.tag` on gold TimeML files.

    The tagger sees only each file's DCT and raw ``<TEXT>``. With ``save_dir``, its output is
    written as ``save_dir/<gold file name>`` (TimeML, the gold raw text with system TIMEX3 tags).
    Returns the score dictionary (with ``seconds``, the tagging time) and the raw counts.
    """
    files = gold_files(list(paths))
    out_dir = Path(save_dir) if save_dir is not None else None
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatelineError(f"{out_dir}: cannot create: {exc}") from None
    counts = Counts()
    seconds = 0.0
    for f in files:
        dct, text, gold = read_tml(f)
        t0 = time.perf_counter()
        pred = tag(text, dct)
        seconds += time.perf_counter() - t0
        counts.add(gold, pred, f.name)
        if out_dir is not None:
            (out_dir / f.name).write_text(write_tml(text, dct, pred, docid=f.stem), encoding="utf-8")
    result = counts.scores()
    result["seconds"] = round(seconds, 4)
    return result, counts
