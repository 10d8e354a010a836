"""Undo Penn-Treebank tokenisation for display.

News-TLS and Timeline17 ship text tokenised the PTB way: brackets are ``-LRB-``/``-RRB-``,
double quotes are ````` ``...'' `````, slashes are escaped (``1\\/26``), clitics are split
(``government 's``, ``do n't``) and every punctuation mark stands alone (``Tuesday , 2011 .``).
:func:`detokenize` turns that back into ordinary text. Every rewrite rule shortens the text and
the rules are applied until nothing changes, so the function is idempotent and leaves ordinary
prose as it is. Rules never look across a newline: line breaks are kept as sentence/paragraph
hints.

>>> detokenize("LONDON -LRB- Reuters -RRB- - The government 's `` bold new approach , '' he said .")
'LONDON (Reuters) - The government\\'s "bold new approach," he said.'
>>> detokenize("They do n't know ; it cost $ 5 , or 10 % more .")
"They don't know; it cost $5, or 10% more."
>>> detokenize("Ordinary text (with brackets) isn't changed.")
"Ordinary text (with brackets) isn't changed."
"""

from __future__ import annotations

import re

# PTB bracket tokens (upper or lower case, as some corpora lower-case everything)
_BRACKETS: dict[str, str] = {
    "-lrb-": "(",
    "-rrb-": ")",
    "-lsb-": "[",
    "-rsb-": "]",
    "-lcb-": "{",
    "-rcb-": "}",
}
_BRACKET_RE = re.compile(r"-(?:LRB|RRB|LSB|RSB|LCB|RCB|lrb|rrb|lsb|rsb|lcb|rcb)-")

_SP = r"[ \t]"  # horizontal whitespace only: never join across a newline

# `` word  ->  "word
_OPEN_DQ_RE = re.compile(r"``" + _SP + r"*")
# one pass drops the space before: closing punctuation, a closing '' quote, and the clitics PTB
# splits off (government 's, they 're, I 've, we 'll, he 'd, I 'm, do n't)
# (the first look-ahead is a cheap filter: one character class that every alternative of the
# second starts with, so that the many spaces before ordinary words fail at once)
_SPACE_DROP_RE = re.compile(
    _SP
    + r"+(?=[,;:?!%)\]}.'’nN])(?=[,;:?!%)\]}]|\.(?!\w)|''"
    + r"|['’](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M)(?![\w'’])|n['’]t(?![\w'’])|N['’]T(?![\w'’]))"
)
_SPACE_AFTER_OPEN_RE = re.compile(r"([(\[{])" + _SP + r"+")
# PTB splits "gonna"/"wanna" into two tokens ("can not" stays: it is also ordinary English)
_SPLIT_WORD_RE = re.compile(r"(?<=\b[Gg]on|\b[Ww]an|\bGON|\bWAN)" + _SP + r"(?=(?:na|NA)\b)")
# currency symbols glued to the number: $ 5 -> $5, US$ 5 -> US$5
_CURRENCY_RE = re.compile(r"([$£€¥])" + _SP + r"+(?=\d)")
# "U.S. ." -> "U.S." (PTB repeats the full stop after an abbreviation that ends a sentence)
_ABBREV_STOP_RE = re.compile(r"\.(?<=[A-Za-z]\.)" + _SP + r"+\.(?=[ \t]*(?:\n|$))")
# single quotes: ` word -> 'word ; players ' union -> players' union
_OPEN_SQ_RE = re.compile(r"`" + _SP + r"+(?=\w)")
# stand-alone straight double quotes: pair them up within a line
_STANDALONE_DQ_RE = re.compile(r'"(?<![^ \t]")(?![^ \t])')
_CURRENCY_CHARS = ("$", "£", "€", "¥")  # substring tests: far cheaper than a set over the text
_MAX_ROUNDS = 8


def _pair_standalone_quotes(line: str) -> str:
    """Attach stand-alone ``"`` tokens of one line: odd ones to the next word, even ones to the last."""
    matches = list(_STANDALONE_DQ_RE.finditer(line))
    if not matches:
        return line
    out: list[str] = []
    pos = 0
    for n, m in enumerate(matches):
        if n % 2 == 0:  # opening quote: drop the space after it
            out.append(line[pos : m.end()])
            pos = m.end()
            while pos < len(line) and line[pos] in " \t":
                pos += 1
        else:  # closing quote: drop the space before it
            out.append(line[pos : m.start()].rstrip(" \t"))
            out.append('"')
            pos = m.end()
    out.append(line[pos:])
    return "".join(out)


def _attach_plural_possessives(text: str) -> str:
    """``players ' union`` -> ``players' union`` (a lone apostrophe after a word ending in s)."""
    parts = text.split(" ' ")
    out = [parts[0]]
    for part in parts[1:]:
        out.append("' " if out[-1][-1:] in ("s", "S") else " ' ")
        out.append(part)
    return "".join(out)


def _round(text: str) -> str:
    """One pass of every rule; each rule only ever shortens the text. Cheap guards skip rules
    whose trigger cannot occur, which keeps a corpus-wide pass fast."""
    if "-" in text:
        text = _BRACKET_RE.sub(lambda m: _BRACKETS[m.group(0).lower()], text)
    if "\\" in text:  # PTB escapes slashes and asterisks: 1\/26\/11, \*
        text = text.replace("\\/", "/").replace("\\*", "*")
    if "``" in text:
        text = _OPEN_DQ_RE.sub('"', text)
    if '"' in text and _STANDALONE_DQ_RE.search(text):
        text = "\n".join(_pair_standalone_quotes(line) for line in text.split("\n"))
    if ". ." in text or ".\t." in text:
        text = _ABBREV_STOP_RE.sub(".", text)
    text = _SPACE_DROP_RE.sub("", text)
    if "''" in text:
        text = text.replace("''", '"')
    if "(" in text or "[" in text or "{" in text:
        text = _SPACE_AFTER_OPEN_RE.sub(r"\1", text)
    if "n na" in text or "N NA" in text or "n\tna" in text:
        text = _SPLIT_WORD_RE.sub("", text)
    if "`" in text:
        text = _OPEN_SQ_RE.sub("'", text)
    if " ' " in text:
        text = _attach_plural_possessives(text)
    if any(c in text for c in _CURRENCY_CHARS):
        text = _CURRENCY_RE.sub(r"\1", text)
    return text


def detokenize(text: str) -> str:
    """Turn PTB-tokenised ``text`` into display text; ordinary text comes back unchanged.

    Idempotent: ``detokenize(detokenize(t)) == detokenize(t)`` for every ``t``. Newlines are kept.

    >>> detokenize("Smoke rose -LRB- again -RRB- , witnesses said .")
    'Smoke rose (again), witnesses said.'
    >>> detokenize("It was in the U.S. .\\nNext line .")
    'It was in the U.S.\\nNext line.'
    """
    for _ in range(_MAX_ROUNDS):
        new = _round(text)
        if new == text:
            return text
        text = new
    # every rule strictly shortens the text, so this is only reached on pathological input;
    # keep going until stable so that the result is still a fixed point
    while True:
        new = _round(text)
        if new == text:
            return text
        text = new
