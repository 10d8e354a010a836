"""``dateline score PREDICTED REFERENCE... [--json]``: tilse metrics for timeline files.

Files are tilse text or dateline JSON (a JSON-lines file may hold several references). The table
shows ROUGE-1/2 precision, recall and F1 for concat, agreement, align+ m:1 and the two 1:1
alignments, then date F1; ``--json`` prints the same figures as one JSON object::

    {"concat": {"rouge_1": {"precision", "recall", "f_score"}, "rouge_2": {...}},
     "agreement": {...}, "align_m1": {...}, "date_f1": {"precision", "recall", "f_score"},
     "align_plus_1to1": {...}, "align_1to1": {...}}
"""

from __future__ import annotations

import argparse
import json
import sys

from dateline.errors import DatelineError

LABELS: dict[str, str] = {
    "concat": "concat",
    "agreement": "agreement",
    "align_m1": "align+ m:1",
    "align_plus_1to1": "align+ 1:1",
    "align_1to1": "align 1:1",
}


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "score",
        help="score a timeline against reference timelines (tilse metrics)",
        description="Score PREDICTED against one or more REFERENCE timelines with tilse's metrics "
        "(ROUGE-1/2 concat, agreement, align+ m:1, align+ 1:1, align 1:1; date F1).",
    )
    p.add_argument("predicted", metavar="PREDICTED", help="predicted timeline (tilse text or dateline JSON)")
    p.add_argument("references", metavar="REFERENCE", nargs="+", help="reference timeline file(s)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    return p


def format_table(scores: dict) -> str:
    """The scores as a fixed-width text table.

    >>> s = {"concat": {"rouge_1": {"precision": 1, "recall": .5, "f_score": .6667},
    ...                 "rouge_2": {"precision": 0, "recall": 0, "f_score": 0}},
    ...      "date_f1": {"precision": .5, "recall": 1, "f_score": .6667}}
    >>> print(format_table(s))
    metric       R1-P   R1-R   R1-F   R2-P   R2-R   R2-F
    concat     1.0000 0.5000 0.6667 0.0000 0.0000 0.0000
    date F1     P 0.5000  R 1.0000  F 0.6667
    """
    lines = [f"{'metric':<10} " + " ".join(f"{h:>6}" for h in ("R1-P", "R1-R", "R1-F", "R2-P", "R2-R", "R2-F"))]
    for key, label in LABELS.items():
        if key not in scores:
            continue
        vals = [scores[key][m][f] for m in ("rouge_1", "rouge_2") for f in ("precision", "recall", "f_score")]
        lines.append(f"{label:<10} " + " ".join(f"{v:6.4f}" for v in vals))
    if "date_f1" in scores:
        d = scores["date_f1"]
        lines.append(f"{'date F1':<10}  P {d['precision']:.4f}  R {d['recall']:.4f}  F {d['f_score']:.4f}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from dateline.evaluate.metrics import score
    from dateline.render.tilse import read_timeline, read_timelines

    predicted = read_timeline(args.predicted)
    references = [tl for path in args.references for tl in read_timelines(path)]
    if not references:
        raise DatelineError("no reference timeline found in " + ", ".join(args.references))
    scores = score(predicted, references)
    if args.json:
        sys.stdout.write(json.dumps(scores, indent=2) + "\n")
    else:
        sys.stdout.write(format_table(scores) + "\n")
    return 0
