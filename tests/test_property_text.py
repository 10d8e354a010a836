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
