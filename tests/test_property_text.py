"""Property tests of the text stage: the detokeniser is a safe fixed point, spans are well formed."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.text import detokenize, split_sentences

PTB_TOKENS = [
    "-LRB-", "-RRB-", "-LSB-", "-RSB-", "-lcb-", "-RCB-", "``", "''", "'s", "n't", "'re", "'", "`", '"',
    ",", ".", ";", ":", "?", "!", "%", "$", "US$", "5", "3.5", "(", ")", "[", "]", "U.S.", "Dr.", "p.m.",
    "Sept.", "11", "word", "Players", "gon", "na", "ca", "\n", "\n\n", "\r\n", "...", "--", "-",
]  # fmt: skip
ptb_text = st.lists(
    st.tuples(st.sampled_from(PTB_TOKENS), st.sampled_from([" ", " ", "", "\t", "  "])), max_size=40
).map(lambda parts: "".join(tok + sep for tok, sep in parts))
any_text = st.one_of(ptb_text, st.text(max_size=200))
_BRACKET_TOKENS = re.compile(r"-(?:LRB|RRB|LSB|RSB|LCB|RCB)-", re.IGNORECASE)


@settings(max_examples=500, deadline=None)
@given(text=any_text)
def test_detokenize_is_idempotent_and_keeps_words_and_lines(text: str) -> None:
    out = detokenize(text)
    assert detokenize(out) == out
    assert len(out) <= len(text)
    assert out.count("\n") == text.count("\n")
    # letters and digits are neither lost nor invented (bracket tokens become brackets)
    assert [c for c in out if c.isalnum()] == [c for c in _BRACKET_TOKENS.sub("", text) if c.isalnum()]


@settings(max_examples=500, deadline=None)
@given(text=any_text)
def test_sentence_spans_are_well_formed(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        assert "\n" not in piece and "\r" not in piece
        previous_end = end
    covered = set()
    for start, end in spans:
        covered.update(range(start, end))
    # nothing but whitespace falls between sentences
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


# the space-dropping rule as it was written before its cheap first look-ahead filter was added
_SPACE_DROP_UNFILTERED = re.compile(
    r"[ \t]+(?=[,;:?!%)\]}]|\.(?!\w)|''"
    r"|['’](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M)(?![\w'’])|n['’]t(?![\w'’])|N['’]T(?![\w'’]))"
)


@settings(max_examples=500, deadline=None)
@given(text=any_text)
def test_space_drop_filter_changes_nothing(text: str) -> None:
    from dateline.text import detok

    assert detok._SPACE_DROP_RE.sub("", text) == _SPACE_DROP_UNFILTERED.sub("", text)


@settings(max_examples=200, deadline=None)
@given(text=any_text)
def test_compact_analysis_assembles_to_the_same_document(text: str) -> None:
    from datetime import date

    from dateline.model import Article
    from dateline.pipeline import analyze, analyze_compact, assemble

    article = Article("a", date(2012, 9, 11), text)
    assert assemble(article, analyze_compact(article)) == analyze(article)


_SPLITTY_TOKENS = [
    "U.S.", "e.g.", "p.m.", "Mr.", "No.", "3.5", ".", "..", "...", "!", "?", ";", "?!", '."', ".'", ".)", '.")',
    ".''", ")", "(", "]", '"', "'", "’", "”", "the", "officials", "The", "A", "Obama", "x", "I", "5", "a.B",
    "U.S.A.", "end.The", "www.cnn.com", "\t", "\u00a0", "\u2026", "\u3002", "\uff0e", "\uff08",
]  # fmt: skip
splitty_line = st.lists(
    st.tuples(st.sampled_from(_SPLITTY_TOKENS), st.sampled_from([" ", " ", "", "  "])), min_size=1, max_size=25
).map(lambda parts: "".join(tok + sep for tok, sep in parts).strip())


@settings(max_examples=1000, deadline=None)
@given(line=st.one_of(splitty_line, st.text(max_size=80)))
def test_lines_without_a_split_point_are_one_syntok_sentence(line: str) -> None:
    from dateline.text import sentences as S

    line = line.strip()
    if not line or "\n" in line or S._LINE_RE.fullmatch(line) is None or S._SPLIT_POINT_RE.search(line):
        return
    spans = [S._trim(line, s, e) for s, e in S._syntok_spans(line, 0)]
    assert [(s, e) for s, e in spans if s < e] == [(0, len(line))]
