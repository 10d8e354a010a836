"""Parity with tilse 0.2.1 and its Perl ROUGE-1.5.5 path (``rouge_computation="original"``).

Every case is a predicted timeline and 1-3 reference timelines built from the Timeline17
references (one author's timeline against another's, dates shifted, empty dates, cross-topic,
subsets). The case files are written to disk; tilse reads them with its own reader and scores
them with its own evaluator, and ``dateline score --json`` runs as a real subprocess on the same
files. Every figure (five metrics x ROUGE-1/2 x P/R/F, and date F1) must agree within 1e-4.

Speed: tilse starts one Perl process per summary pair (~80 ms each, thousands of pairs). The
evaluator's choice of pairs depends only on its own Python-side date/content costs, never on the
ROUGE counts, so the harness runs tilse twice: once recording the pairs it asks for, then once
answering them from a single batched Perl run (the same ROUGE-1.5.5.pl, the same options and the
same SEE files that pyrouge writes, many <EVAL> entries in one settings file). A separate test
checks the batch answers against direct pyrouge calls.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

import pytest

from conftest import run_cli, shared_data

# (id, topic, predicted file, references [(topic, file)], transform)
CASES: list[tuple[str, str, str, list[tuple[str, str]], str]] = [
    ("bpoil-bbc-vs-foxnews", "bpoil", "bbc.txt", [("bpoil", "foxnews.txt")], "as_is"),
    ("bpoil-foxnews-vs-bbc", "bpoil", "foxnews.txt", [("bpoil", "bbc.txt")], "as_is"),
    ("bpoil-wapo-vs-rbpoil", "bpoil", "washingtonpost.txt", [("bpoil", "rbpoil.txt")], "as_is"),
    ("bpoil-bbc-vs-2", "bpoil", "bbc.txt", [("bpoil", "guardian.txt"), ("bpoil", "washingtonpost.txt")], "as_is"),
    ("bpoil-rbpoil-vs-3", "bpoil", "rbpoil.txt",
     [("bpoil", "bbc.txt"), ("bpoil", "foxnews.txt"), ("bpoil", "washingtonpost.txt")], "as_is"),
    ("bpoil-bbc-shifted-self", "bpoil", "bbc.txt", [("bpoil", "bbc.txt")], "shift"),
    ("bpoil-guardian-shifted-vs-2", "bpoil", "guardian.txt", [("bpoil", "bbc.txt"), ("bpoil", "guardian.txt")], "shift"),
    ("h1n1-reuters-vs-guardian", "h1n1", "h1n1_reuters.txt", [("h1n1", "swine_flu_guardian.txt")], "as_is"),
    ("h1n1-scotland-vs-2", "h1n1", "influenza_A_h1n1_scotland_bbc.txt",
     [("h1n1", "h1n1_reuters.txt"), ("h1n1", "swine_flu_guardian.txt")], "as_is"),
    ("h1n1-guardian-empty-self", "h1n1", "swine_flu_guardian.txt", [("h1n1", "swine_flu_guardian.txt")], "empty"),
    ("libya-tl5-vs-tl6", "libya", "tl5.txt", [("libya", "tl6.txt")], "as_is"),
    ("libya-tl6-shifted-vs-tl5", "libya", "tl6.txt", [("libya", "tl5.txt")], "shift"),
    ("libya-tl5-sparse-vs-2", "libya", "tl5.txt", [("libya", "tl5.txt"), ("libya", "tl6.txt")], "sparse"),
    ("syria-tl1-vs-tl21", "syria", "tl1.txt", [("syria", "tl2.1.txt")], "as_is"),
    ("syria-tl21-vs-2", "syria", "tl2.1.txt", [("syria", "tl2.2.txt"), ("syria", "tl2.3.txt")], "as_is"),
    ("syria-tl22-head-vs-3", "syria", "tl2.2.txt",
     [("syria", "tl1.txt"), ("syria", "tl2.1.txt"), ("syria", "tl2.3.txt")], "head"),
    ("syria-tl23-empty-self", "syria", "tl2.3.txt", [("syria", "tl2.3.txt")], "empty"),
    ("egypt-shifted-self", "egypt", "tl8.txt", [("egypt", "tl8.txt")], "shift"),
    ("haiti-head-self", "haiti", "bbc.txt", [("haiti", "bbc.txt")], "head"),
    ("finan-sparse-self", "finan", "financial_crisis_wallstreet_washingtonpost.txt",
     [("finan", "financial_crisis_wallstreet_washingtonpost.txt")], "sparse"),
    ("iraq-head-self", "iraq", "tl7.txt", [("iraq", "tl7.txt")], "head"),
    ("cross-egypt-vs-libya", "egypt", "tl8.txt", [("libya", "tl5.txt")], "as_is"),
    ("cross-haiti-empty-vs-2", "haiti", "bbc.txt", [("egypt", "tl8.txt"), ("syria", "tl1.txt")], "empty"),
    ("h1n1-reuters-identical", "h1n1", "h1n1_reuters.txt", [("h1n1", "h1n1_reuters.txt")], "as_is"),
]

METRIC_MAP = {  # dateline key -> tilse evaluate_all key
    "concat": "concat",
    "agreement": "agreement",
    "align_1to1": "align_date_costs",
    "align_plus_1to1": "align_date_content_costs",
    "align_m1": "align_date_content_costs_many_to_one",
}
TOL = 1e-4


# --- environment -------------------------------------------------------------------------------

def _perl_ready() -> str | None:
    """None if Perl with XML::Parser/XML::DOM deps and DB_File is usable, else the reason."""
    if shutil.which("perl") is None:
        return "perl not installed"
    for mod in ("XML::Parser", "DB_File"):
        r = subprocess.run(["perl", f"-M{mod}", "-e1"], capture_output=True)
        if r.returncode != 0:
            return f"Perl module {mod} missing (Debian: libxml-parser-perl)"
    return None


@pytest.fixture(scope="module")
def tilse_mods():
    reason = _perl_ready()
    if reason:
        pytest.skip(f"tilse parity needs Perl ROUGE-1.5.5: {reason}")
    try:
        import pyrouge  # noqa: F401  (test-only: tilse's bundled ROUGE-1.5.5 wrapper)
        from tilse.data import timelines
        from tilse.evaluation import dates, rouge
    except ImportError as exc:
        pytest.skip(f"tilse 0.2.1 not importable ({exc}); `pip install --no-deps tilse==0.2.1` and nltk")
    return timelines, rouge, dates


# --- cases ---------------------------------------------------------------------------------------

def _transform(summ: dict, how: str) -> list[tuple]:
    """The predicted timeline as (date, sentences) blocks in file order (dates may repeat)."""
    items = sorted(summ.items())
    if how == "as_is":
        return items
    if how == "shift":  # -2..+2 days by position; colliding dates stay repeated blocks (later wins)
        return [(d + timedelta(days=(i % 5) - 2), s) for i, (d, s) in enumerate(items)]
    if how == "empty":  # every third date keeps its date but loses its sentences
        return [(d, [] if i % 3 == 0 else s) for i, (d, s) in enumerate(items)]
    if how == "head":  # first half of the dates, one sentence each
        return [(d, s[:1]) for d, s in items[: max(1, len(items) // 2)]]
    if how == "sparse":  # every other date, three days late
        return [(d + timedelta(days=3), s) for d, s in items[::2]]
    raise ValueError(how)


def _write_tilse(path: Path, summ: Iterable[tuple]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for d, sents in summ:
            f.write(d.isoformat() + "\n")
            for s in sents:
                f.write(s + "\n")
            f.write("-" * 32 + "\n")


@pytest.fixture(scope="module")
def t17() -> Path:
    d = shared_data()
    if d is None or not (d / "timeline17").is_dir():
        pytest.skip("Timeline17 not found: set DATELINE_DATA or place it in ../shared/data/timeline17")
    return d / "timeline17"


@pytest.fixture(scope="module")
def case_files(t17: Path, tilse_mods, tmp_path_factory) -> dict[str, tuple[Path, list[Path]]]:
    """Write every case's prediction and references as tilse text files."""
    timelines = tilse_mods[0]
    root = tmp_path_factory.mktemp("parity")
    out = {}
    for cid, topic, pred_name, refs, how in CASES:
        src = t17 / topic / "timelines" / pred_name
        with src.open(encoding="utf-8") as f:
            base = timelines.Timeline.from_file(f).dates_to_summaries
        pred_path = root / f"{cid}.pred.txt"
        _write_tilse(pred_path, _transform(base, how))
        ref_paths = [t17 / t / "timelines" / n for t, n in refs]
        out[cid] = (pred_path, ref_paths)
    return out


# --- batched Perl ROUGE --------------------------------------------------------------------------

def _key(summary, references) -> str:
    return json.dumps([summary, sorted(references.items())])


class _Recorder:
    """Stands in for pyrouge while tilse runs: records requests, answers from a table if given."""

    def __init__(self, answers: dict[str, dict] | None = None):
        self.requests: dict[str, tuple] = {}
        self.answers = answers

    def score_summary(self, summary, references):
        k = _key(summary, references)
        if self.answers is None:
            self.requests.setdefault(k, (summary, references))
            return {f"rouge_{n}_{c}_count": 1 for n in (1, 2) for c in ("m", "p", "h")}
        return self.answers[k]


def _batch_rouge(requests: dict[str, tuple]) -> dict[str, dict]:
    """Score many (summary, references) requests with one ROUGE-1.5.5.pl run, as pyrouge would."""
    import pyrouge
    from pyrouge.rouge import rouge_summary_content

    r155 = pyrouge.Rouge155(average="raw", stem=True, ignore_stopwords=True)
    work = Path(tempfile.mkdtemp(prefix="rouge-batch-"))
    try:
        evals = []
        keys = list(requests)
        for i, k in enumerate(keys):
            summary, references = requests[k]
            (work / f"p{i}.html").write_text(rouge_summary_content("A", summary), encoding="utf-8")
            models = []
            for j, (rid, ref) in enumerate(references.items()):
                name = f"m{i}_{j}.html"
                (work / name).write_text(rouge_summary_content(rid, ref), encoding="utf-8")
                models.append(f'<M ID="{chr(65 + j)}">{name}</M>')
            evals.append(
                f'<EVAL ID="{i}"><MODEL-ROOT>{work}</MODEL-ROOT><PEER-ROOT>{work}</PEER-ROOT>'
                f'<INPUT-FORMAT TYPE="SEE">  </INPUT-FORMAT><PEERS><P ID="0">p{i}.html</P></PEERS>'
                f"<MODELS>{''.join(models)}</MODELS></EVAL>"
            )
        settings = work / "settings.xml"
        settings.write_text('<ROUGE_EVAL version="1.55">' + "\n".join(evals) + "</ROUGE_EVAL>", encoding="utf-8")
        cmd = [r155._rouge_bin, "-e", r155._rouge_data, "-a", "-n", "2", "-x", "-f", "A", "-d",
               "-m", "-s", "-t", "2", str(settings)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    finally:
        shutil.rmtree(work, ignore_errors=True)
    answers: dict[str, dict] = {k: {} for k in keys}
    for line in out.splitlines():
        parts = line.split()
        # "0 ROUGE-1 Eval 12.0 R:<model count> P:<peer count> F:<hits>"
        if len(parts) == 7 and parts[2] == "Eval":
            n = parts[1].split("-")[1]
            k = keys[int(parts[3].split(".")[0])]
            answers[k][f"rouge_{n}_m_count"] = int(parts[4][2:])
            answers[k][f"rouge_{n}_p_count"] = int(parts[5][2:])
            answers[k][f"rouge_{n}_h_count"] = int(parts[6][2:])
    missing = [k for k, v in answers.items() if len(v) != 6]
    assert not missing, f"ROUGE-1.5.5 gave no counts for {len(missing)} requests"
    return answers


@pytest.fixture(scope="module")
def tilse_scores(case_files, tilse_mods) -> dict[str, dict]:
    """tilse's evaluate_all + evaluate_dates for every case (Perl counts, batched)."""
    timelines, rouge, dates = tilse_mods

    def load(p: Path):
        with p.open(encoding="utf-8") as f:
            return timelines.Timeline.from_file(f)

    loaded = {cid: (load(p), timelines.GroundTruth([load(r) for r in refs])) for cid, (p, refs) in case_files.items()}
    evaluator = rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation="original")
    recorder = _Recorder()
    evaluator.rouge = recorder
    for pred, gt in loaded.values():
        evaluator.evaluate_all(pred, gt)
    evaluator.rouge = _Recorder(_batch_rouge(recorder.requests))
    out = {}
    for cid, (pred, gt) in loaded.items():
        res = dict(evaluator.evaluate_all(pred, gt))
        res["date_f1"] = dates.evaluate_dates(pred, gt)
        out[cid] = res
    out["_requests"] = recorder.requests  # for the batch-vs-pyrouge check
    return out


# --- tests ----------------------------------------------------------------------------------------

def test_batched_perl_matches_pyrouge(tilse_scores, tilse_mods):
    """The batch harness answers exactly what pyrouge's own one-request Perl run answers."""
    import pyrouge

    requests = tilse_scores["_requests"]
    keys = sorted(requests)
    # a spread of requests, including ones with empty summaries or empty references
    picks = keys[:: max(1, len(keys) // 6)][:6]
    picks += [k for k in keys if '[[""]]' in k][:1]
    batch = _batch_rouge({k: requests[k] for k in picks})
    direct = pyrouge.Rouge155(average="raw", stem=True, ignore_stopwords=True)
    for k in picks:
        assert batch[k] == direct.score_summary(*requests[k]), k


@pytest.fixture(scope="module")
def dateline_scores(case_files) -> dict[str, dict]:
    out = {}
    for cid, (pred, refs) in case_files.items():
        r = run_cli("score", str(pred), *map(str, refs), "--json", timeout=120)
        assert r.returncode == 0, f"{cid}: {r.stderr}"
        out[cid] = json.loads(r.stdout)
    return out


def test_enough_cases():
    assert len(CASES) >= 20
    assert any(len(refs) == 3 for *_, refs, _ in CASES)


@pytest.mark.parametrize("cid", [c[0] for c in CASES])
def test_score_equals_tilse(cid, dateline_scores, tilse_scores):
    ours, theirs = dateline_scores[cid], tilse_scores[cid]
    assert list(ours)[:4] == ["concat", "agreement", "align_m1", "date_f1"]
    diffs = []
    for key, tkey in METRIC_MAP.items():
        for n in ("rouge_1", "rouge_2"):
            for f in ("precision", "recall", "f_score"):
                a, b = ours[key][n][f], theirs[tkey][n][f]
                if abs(a - b) > TOL:
                    diffs.append(f"{key}.{n}.{f}: dateline {a:.6f} tilse {b:.6f}")
    for f in ("precision", "recall", "f_score"):
        a, b = ours["date_f1"][f], theirs["date_f1"][f]
        if abs(a - b) > TOL:
            diffs.append(f"date_f1.{f}: dateline {a:.6f} tilse {b:.6f}")
    assert not diffs, "\n".join(diffs)


def test_cases_are_not_trivial(tilse_scores):
    """The case set spans low and high scores, so agreement is not agreement on zeros."""
    r1 = [tilse_scores[c[0]]["align_date_content_costs_many_to_one"]["rouge_1"]["f_score"] for c in CASES]
    assert min(r1) < 0.1 and max(r1) > 0.9
    assert len({round(x, 4) for x in r1}) >= len(CASES) - 2


def test_reader_matches_tilse_reader(timeline17: Path, tilse_mods):
    """Our tilse-format reader gives tilse's dates and sentences (repeated dates: later block wins)."""
    from dateline.errors import MalformedTimeline
    from dateline.evaluate.metrics import summaries
    from dateline.render.tilse import read_timeline

    timelines = tilse_mods[0]
    files = sorted(timeline17.glob("*/timelines/*.txt"))
    assert files
    for path in files:
        with path.open(encoding="utf-8") as f:
            theirs = timelines.Timeline.from_file(f).dates_to_summaries
        if None in theirs:  # tilse silently files a block under date None; we refuse the file
            with pytest.raises(MalformedTimeline, match=rf"{path.name}:\d+"):
                read_timeline(path)
            continue
        ours = summaries(read_timeline(path))
        assert ours == {d: [s for s in ss if s] for d, ss in theirs.items()}, path


def test_stemmer_matches_perl(timeline17: Path, tmp_path: Path):
    """Our Porter port gives ROUGE-1.5.5's Perl ``stem`` output on the reference vocabulary."""
    import re

    if shutil.which("perl") is None:
        pytest.skip("perl not installed")
    try:
        import pyrouge
    except ImportError:
        pytest.skip("tilse/pyrouge not installed")
    from dateline.evaluate.porter import stem

    script = Path(pyrouge.__file__).parent / "tools" / "ROUGE-1.5.5" / "ROUGE-1.5.5.pl"
    src = script.read_text(encoding="latin-1")
    start = src.index("# Porter stemmer in Perl")
    harness = tmp_path / "stem.pl"
    harness.write_text(src[start:] + '\n&initialise();\nwhile(<STDIN>){chomp; print stem($_),"\\n";}\n')
    words = set()
    for p in timeline17.glob("*/timelines/*.txt"):
        words.update(w for w in re.sub(r"[^a-z0-9]", " ", p.read_text(encoding="utf-8").lower()).split() if len(w) > 3)
    words.update(["caresses", "ponies", "agreement", "replacement", "generalization", "hopping", "yelling"])
    vocab = sorted(words)
    out = subprocess.run(["perl", str(harness)], input="\n".join(vocab) + "\n", capture_output=True, text=True,
                         check=True).stdout.split("\n")[:-1]
    assert len(out) == len(vocab)
    bad = [(w, s, stem(w)) for w, s in zip(vocab, out) if stem(w) != s]
    assert not bad, bad[:10]


def test_shipped_exception_table_matches_rouge_db(tilse_mods):
    """The WordNet exception table we ship is ROUGE-1.5.5's WordNet-2.0.exc.db (usable keys)."""
    import pyrouge

    from dateline.evaluate.rouge import EXCEPTIONS, STOPWORDS

    data = Path(pyrouge.__file__).parent / "tools" / "ROUGE-1.5.5" / "data"
    dump = subprocess.run(
        ["perl", "-MDB_File", "-e",
         'tie %h,"DB_File",$ARGV[0],O_RDONLY,0440,$DB_HASH or die; print "$_\\t$h{$_}\\n" for sort keys %h',
         str(data / "WordNet-2.0.exc.db")],
        capture_output=True, text=True, check=True,
    ).stdout
    table = dict(line.split("\t", 1) for line in dump.splitlines())
    usable = {k: v for k, v in table.items() if k.isascii() and k.isalnum() and k == k.lower() and len(k) > 3}
    assert dict(EXCEPTIONS) == usable
    assert STOPWORDS == frozenset((data / "smart_common_words.txt").read_text().splitlines())

