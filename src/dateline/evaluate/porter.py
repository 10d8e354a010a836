"""The Porter stemmer exactly as ROUGE-1.5.5 runs it (its own Perl port, with Lin's 2004 change).

ROUGE-1.5.5 does not use the textbook Porter (1980) algorithm unchanged: in step 4 a word ending
in ``-ement`` is stripped by the ``-ement`` rule alone, then ``-ment`` and ``-ent`` are tried in
turn on what is left. This module reproduces the Perl subroutine ``stem`` rule by rule, including
the Perl regular-expression semantics it relies on (leftmost match, text before the match).

>>> stem("caresses"), stem("ponies"), stem("relational"), stem("hopping")
('caress', 'poni', 'relat', 'hop')
>>> stem("replacement"), stem("adjustment"), stem("generalization")
('replac', 'adjust', 'gener')
>>> stem("yesterday")
'yesterdai'
"""

from __future__ import annotations

import re

_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = f"{_c}[^aeiouy]*"  # consonant sequence
_V = f"{_v}[aeiou]*"  # vowel sequence

_MGR0 = re.compile(f"^({_C})?{_V}{_C}")  # [C]VC... is m>0
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")  # [C]VC[V] is m=1
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")  # [C]VCVC... is m>1
_HAS_V = re.compile(f"^({_C})?{_v}")  # vowel in stem
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")

_STEP1A_SSES = re.compile(r"(ss|i)es$")
_STEP1A_S = re.compile(r"([^s])s$")
_EED = re.compile(r"eed$")
_ED_ING = re.compile(r"(ed|ing)$")
_AT_BL_IZ = re.compile(r"(at|bl|iz)$")
_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_Y_END = re.compile(r"y$")
_STEP2 = re.compile(
    r"(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness"
    r"|fulness|ousness|aliti|iviti|biliti|logi)$"
)
_STEP3 = re.compile(r"(icate|ative|alize|iciti|ical|ful|ness)$")
_STEP4 = re.compile(r"(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")
_MENT = re.compile(r"ment$")
_ENT = re.compile(r"ent$")
_SION = re.compile(r"(s|t)(ion)$")
_E_END = re.compile(r"e$")
_LL_END = re.compile(r"ll$")

_STEP2_LIST: dict[str, str] = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize",
    "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful",
    "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}
_STEP3_LIST: dict[str, str] = {
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": "",
}


def stem(word: str) -> str:
    """Stem one lower-case word the way ROUGE-1.5.5's Perl ``stem`` does.

    Words shorter than three characters come back unchanged.

    >>> stem("agreed"), stem("feed"), stem("sky")
    ('agre', 'feed', 'sky')
    """
    w = word
    if len(w) < 3:
        return w
    initial_y = w[0] == "y"
    if initial_y:
        w = "Y" + w[1:]

    # Step 1a
    m = _STEP1A_SSES.search(w)
    if m:
        w = w[: m.start()] + m.group(1)
    else:
        m = _STEP1A_S.search(w)
        if m:
            w = w[: m.start()] + m.group(1)

    # Step 1b
    m = _EED.search(w)
    if m:
        if _MGR0.search(w[: m.start()]):
            w = w[:-1]
    else:
        m = _ED_ING.search(w)
        if m:
            s = w[: m.start()]
            if _HAS_V.search(s):
                w = s
                if _AT_BL_IZ.search(w):
                    w += "e"
                elif _DOUBLE.search(w):
                    w = w[:-1]
                elif _CVC.search(w):
                    w += "e"

    # Step 1c
    m = _Y_END.search(w)
    if m:
        s = w[: m.start()]
        if _HAS_V.search(s):
            w = s + "i"

    # Step 2
    m = _STEP2.search(w)
    if m:
        s = w[: m.start()]
        if _MGR0.search(s):
            w = s + _STEP2_LIST[m.group(1)]

    # Step 3
    m = _STEP3.search(w)
    if m:
        s = w[: m.start()]
        if _MGR0.search(s):
            w = s + _STEP3_LIST[m.group(1)]

    # Step 4 (with ROUGE-1.5.5's -ement change: three rules tried in turn)
    m = _STEP4.search(w)
    if m:
        s = w[: m.start()]
        if _MGR1.search(s):
            w = s
    m = _MENT.search(w)
    if m:
        s = w[: m.start()]
        if _MGR1.search(s):
            w = s
    m = _ENT.search(w)
    if m:
        s = w[: m.start()]
        if _MGR1.search(s):
            w = s
    else:
        m = _SION.search(w)
        if m:
            s = w[: m.start()] + m.group(1)
            if _MGR1.search(s):
                w = s

    # Step 5
    m = _E_END.search(w)
    if m:
        s = w[: m.start()]
        if _MGR1.search(s) or (_MEQ1.search(s) and not _CVC.search(s)):
            w = s
    if _LL_END.search(w) and _MGR1.search(w):
        w = w[:-1]

    if initial_y:
        w = "y" + w[1:]
    return w
