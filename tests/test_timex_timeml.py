"""TimeML reading and writing, and the TempEval-3 scoring of the tagger."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.model import Mention
from dateline.timex import tag
from dateline.timex.evaluate import Counts
from dateline.timex.timeml import parse_tml, read_tml, write_tml

SMALL = Path(__file__).resolve().parent / "data" / "timeml" / "small.tml"


def test_read_tml_gold_offsets_and_entities() -> None:
    dct, text, gold = read_tml(SMALL)
    assert dct == date(1998, 8, 7)
    assert "<" not in text and "dozens & injuring" in text
    assert [(g.text, g.value, g.type) for g in gold] == [
        ("Friday", "1998-08-07", "DATE"), ("last month", "1998-07", "DATE"),
        ("three weeks", "P3W", "DURATION"), ("1999", "1999", "DATE")]
    for g in gold:
        assert text[g.start:g.end] == g.text
    assert gold[0].granularity == "day" and gold[2].granularity == "other"


def test_write_tml_keeps_text_identical() -> None:
    dct, text, _ = read_tml(SMALL)
    pred = tag(text, dct)
    doc = write_tml(text, dct, pred, docid="small")
    dct2, text2, back = parse_tml(doc, "written")
    assert dct2 == dct and text2 == text
    assert [(m.start, m.end, m.value, m.type) for m in back] == [
        (m.start, m.end, m.value, m.type) for m in pred]
    assert "&amp;" in doc


def test_parse_tml_errors_name_the_file() -> None:
    with pytest.raises(DatelineError, match="broken.tml.*DCT"):
        parse_tml("<TimeML><TEXT>x</TEXT></TimeML>", "broken.tml")
    with pytest.raises(DatelineError, match="broken.tml.*TEXT"):
        parse_tml('<DCT><TIMEX3 value="2000-01-01">x</TIMEX3></DCT>', "broken.tml")


def test_counts_strict_relaxed_and_attributes() -> None:
    gold = [Mention("last Friday", 0, 11, "2019-12-27"), Mention("2014", 20, 24, "2014", "year"),
            Mention("now", 30, 33, "PRESENT_REF", "other")]
    pred = [Mention("Friday", 5, 11, "2019-12-27"), Mention("2014", 20, 24, "2013", "year"),
            Mention("spurious", 40, 48, "P1D", "other", "DURATION")]
    c = Counts()
    c.add(gold, pred)
    s = c.scores()
    assert s["strict"] == {"precision": round(1 / 3, 4), "recall": round(1 / 3, 4), "f1": round(1 / 3, 4)}
    assert s["relaxed"]["precision"] == round(2 / 3, 4) and s["relaxed"]["recall"] == round(2 / 3, 4)
    assert s["value_f1"] == round(round(2 / 3, 4) * 0.5, 4)
    assert s["type_f1"] == round(2 / 3, 4)
    assert s["timexes_gold"] == 3 and s["docs"] == 1
