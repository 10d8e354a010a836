"""Text normalisation: PTB detokenisation for display and sentence splitting.

>>> text = detokenize("He said `` no '' . Then he left .")
>>> text
'He said "no". Then he left.'
>>> [text[s:e] for s, e in split_sentences(text)]
['He said "no".', 'Then he left.']
"""

from __future__ import annotations

from dateline.text.detok import detokenize
from dateline.text.sentences import split_sentences

__all__ = ["detokenize", "split_sentences"]
