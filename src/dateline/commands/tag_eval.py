"""``dateline tag-eval``: TempEval-3 task A scores of the temporal tagger on gold TimeML."""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "tag-eval",
        help="score the temporal tagger on gold TimeML files (TempEval-3 task A)",
        description="Tag the raw text of each gold .tml file (seeing only its DCT) and report extent "
                    "strict/relaxed P/R/F1, value F1 and type F1 (F1_relaxed x attribute accuracy).",
    )
    p.add_argument("gold", nargs="+", metavar="GOLD_DIR",
                   help="folder(s) of gold .tml files (searched recursively) or .tml files")
    p.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    p.add_argument("--save-dir", metavar="DIR",
                   help="write the tagger's TimeML output for each gold file as DIR/<same name>.tml")
    p.add_argument("--errors", type=int, default=0, metavar="N",
                   help="also print up to N disagreements (gold vs. system) on stderr")
    return p


def run(args: argparse.Namespace) -> int:
    from dateline.timex.evaluate import evaluate

    result, counts = evaluate(args.gold, save_dir=args.save_dir)
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        print(f"documents {result['docs']}, gold TIMEX3 {result['timexes_gold']}, "
              f"tagging time {result['seconds']:.2f} s")
        print(f"{'':10}{'P':>8}{'R':>8}{'F1':>8}")
        for k in ("strict", "relaxed"):
            r = result[k]
            print(f"{k:10}{r['precision']:8.3f}{r['recall']:8.3f}{r['f1']:8.3f}")
        print(f"value F1 {result['value_f1']:.3f}   type F1 {result['type_f1']:.3f}")
    for name, g, p in counts.errors[: max(args.errors, 0)]:
        gs = f"{g.text!r} {g.type} {g.value}" if g else "-"
        ps = f"{p.text!r} {p.type} {p.value}" if p else "-"
        print(f"{name}\tgold: {gs}\tsys: {ps}", file=sys.stderr)
    return 0
