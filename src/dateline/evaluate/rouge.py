"""ROUGE-1 and ROUGE-2 counts exactly as tilse 0.2.1 obtains them from ROUGE-1.5.5.

tilse runs ``ROUGE-1.5.5.pl -n 2 -m -s -f A -t 2`` through pyrouge, handing each summary over as
a list of sentences (each ``sentence.split()`` into tokens). What the Perl script then does, and
this module repeats in Python:

* every sentence is written as one SEE-format HTML line (``^`` becomes ``&circ;``); the Perl
  reader keeps the text up to the first ``<`` and drops a sentence that is empty or starts with
  ``<``;
* the sentences are lower-cased (ASCII only), joined with spaces, and every character that is not
  ``[A-Za-z0-9-]`` becomes a space (``-`` is its own token);
* tokens in the SMART stopword list are dropped, only tokens starting with ``[a-z0-9$]`` are kept,
  and tokens longer than three characters are stemmed: WordNet 2.0 exception table first, then
  ROUGE's own Porter stemmer (:mod:`dateline.evaluate.porter`);
* n-grams run over the whole summary (across sentence boundaries). With N references, hits are
  clipped per reference and summed, the model count is the sum of the references' n-gram counts
  and the peer count is N times the summary's (the ``-f A`` model-average formula).

>>> r = Rouge()
>>> r.tokens(["The oil spill spreads ; BP 's shares fall ."])
('oil', 'spill', 'spread', 'bp', 'share', 'fall')
>>> c = r.counts(["Oil spills spread."], [["The oil spill spread fast."], []])
>>> c[1], c[2]
(Counts(hits=3, peer=6, model=4), Counts(hits=2, peer=4, model=3))
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

from dateline.evaluate.porter import stem as porter_stem


def _load_stopwords() -> frozenset[str]:
    text = resources.files("dateline.evaluate").joinpath("smart_stopwords.txt").read_text("ascii")
    return frozenset(text.splitlines())


def _load_exceptions() -> Mapping[str, str]:
    text = resources.files("dateline.evaluate").joinpath("wordnet_exceptions.tsv").read_text("ascii")
    table: dict[str, str] = {}
    for line in text.splitlines():
        key, _, value = line.partition("\t")
        table[key] = value
    return MappingProxyType(table)


#: The SMART stopword list that ROUGE-1.5.5 ships (``smart_common_words.txt``).
STOPWORDS: frozenset[str] = _load_stopwords()
#: ROUGE-1.5.5's WordNet 2.0 inflection exceptions (``WordNet-2.0.exc.db``), restricted to keys
#: that can occur as ROUGE tokens (lower-case alphanumerics longer than three characters).
EXCEPTIONS: Mapping[str, str] = _load_exceptions()

_NON_TOKEN = re.compile(r"[^A-Za-z0-9\-]")
_HYPHEN = re.compile(r"-")
_KEEP = re.compile(r"[a-z0-9$]")


class Counts(NamedTuple):
    """ROUGE-N counts of one summary against its references.

    ``hits``: clipped matches summed over references; ``peer``: N x the summary's n-grams
    (precision denominator); ``model``: the references' n-grams (recall denominator).
    """

    hits: int
    peer: int
    model: int


Grams = tuple[Counter, Counter]  # (unigram counts, bigram counts) of one summary


class Rouge:
    """ROUGE-1/2 with tilse's settings; caches tokenised sentences and stems per instance.

    One instance can score many summaries; the caches only grow with distinct input strings.
    """

    def __init__(self) -> None:
        self._stems: dict[str, str] = {}
        self._sentence_tokens: dict[str, tuple[str, ...]] = {}

    # --- tokenisation -------------------------------------------------------------------
    def stem(self, token: str) -> str:
        """ROUGE's ``MorphStem``: exception table, else Porter; tokens of <= 3 chars unchanged.

        >>> Rouge().stem("went"), Rouge().stem("running"), Rouge().stem("was")
        ('go', 'run', 'was')
        """
        if len(token) <= 3:
            return token
        s = self._stems.get(token)
        if s is None:
            s = EXCEPTIONS.get(token)
            if s is None:
                s = porter_stem(token)
            self._stems[token] = s
        return s

    def sentence_tokens(self, sentence: str) -> tuple[str, ...]:
        """The ROUGE tokens of one sentence (a string, split on whitespace as tilse does).

        >>> Rouge().sentence_tokens("BP spill <b> well")
        ('bp', 'spill')
        """
        cached = self._sentence_tokens.get(sentence)
        if cached is not None:
            return cached
        line = " ".join(sentence.split()).replace("^", "&circ;")
        cut = line.find("<")
        if cut >= 0:
            line = line[:cut]
        out: list[str] = []
        if line:
            text = _NON_TOKEN.sub(" ", _HYPHEN.sub(" - ", line)).lower()
            for tok in text.split():
                if tok in STOPWORDS or not _KEEP.match(tok):
                    continue
                out.append(self.stem(tok))
        result = tuple(out)
        self._sentence_tokens[sentence] = result
        return result

    def tokens(self, sentences: Iterable[str]) -> tuple[str, ...]:
        """The ROUGE tokens of a summary given as sentences, in order."""
        out: list[str] = []
        for s in sentences:
            out.extend(self.sentence_tokens(s))
        return tuple(out)

    def grams(self, sentences: Iterable[str]) -> Grams:
        """Unigram and bigram counts of a summary (bigrams cross sentence boundaries)."""
        toks = self.tokens(sentences)
        return Counter(toks), Counter(zip(toks, toks[1:]))

    # --- counting -----------------------------------------------------------------------
    def counts(self, summary: Sequence[str], references: Sequence[Sequence[str]]) -> dict[int, Counts]:
        """ROUGE-1 and ROUGE-2 counts of ``summary`` against ``references`` (each a list of sentences)."""
        return counts_from_grams(self.grams(summary), [self.grams(r) for r in references])


def _hits(peer: Counter, model: Counter) -> int:
    if len(peer) > len(model):
        peer, model = model, peer
    h = 0
    for g, c in peer.items():
        m = model.get(g)
        if m:
            h += c if c < m else m
    return h


def counts_from_grams(peer: Grams, models: Sequence[Grams]) -> dict[int, Counts]:
    """ROUGE-1/2 counts from precomputed n-gram tables (see :meth:`Rouge.grams`).

    >>> from collections import Counter
    >>> counts_from_grams((Counter("ab"), Counter()), [(Counter("a"), Counter())])[1]
    Counts(hits=1, peer=2, model=1)
    """
    n_models = len(models)
    out: dict[int, Counts] = {}
    for n in (1, 2):
        p = peer[n - 1]
        p_total = sum(p.values())
        hits = 0
        m_total = 0
        for model in models:
            m = model[n - 1]
            m_total += sum(m.values())
            if p_total:
                hits += _hits(p, m)
        out[n] = Counts(hits, n_models * p_total, m_total)
    return out
