"""Rule families added in the tagger's fourth error-analysis round, one test per family."""

from __future__ import annotations

from datetime import date

from dateline.timex import tag


def vals(text: str, dct: date) -> dict[str, str]:
    return {m.text: m.value for m in tag(text, dct)}


MON = date(2000, 4, 3)  # a Monday


def test_now_that_is_present_ref() -> None:
    # TimeML tags "now" in "now that ..." and "are now on the board" like any other "now"
    assert vals("Aqaba is Iraq's only outlet now that a noose has tightened.", MON)["now"] == "PRESENT_REF"
    assert vals("the people who are now on the board", MON)["now"] == "PRESENT_REF"


def test_latest_period_without_an_earlier_quarter_is_the_reported_quarter() -> None:
    # "the latest period" of an earnings report = the last finished quarter before the DCT
    assert vals("Sales in the latest period rose 5%.", date(1989, 11, 2))["the latest period"] == "1989-Q3"
    # a bare "the period" with no quarter named before stays untagged
    assert "the period" not in vals("Sales in the period rose 5%.", date(1989, 11, 2))


def test_century_durations_use_the_century_unit() -> None:
    # TIMEX3 durations of centuries are written in the CE unit, like decades in DE
    assert vals("for the past two centuries", MON)["the past two centuries"] == "P2CE"
    assert vals("it has stood for centuries", MON)["centuries"] == "PXCE"


def test_until_a_clock_time_and_weekday_lies_ahead() -> None:
    t = "The agency has given the relatives until 9 a.m. Tuesday to sign a paper."
    assert vals(t, MON)["9 a.m. Tuesday"] == "2000-04-04T09:00"
    # a past sentence looks back: "it took 60 hours until noon on Thursday"
    t = "It took 60 hours until noon on Thursday before the White House took control."
    assert vals(t, MON)["noon on Thursday"] == "2000-03-30T12:00"


def test_clock_time_takes_the_weekday_after_a_bracketed_conversion() -> None:
    t = "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building."
    assert vals(t, date(1998, 8, 8))["at about 10:35 a.m."] == "1998-08-07T10:35"


def test_tense_cue_later_in_the_sentence() -> None:
    # no cue before "On Tuesday" in its sentence: the verb after it ("plans to") decides
    t = "The debate ended. On Tuesday, the rights league plans to hold a news conference."
    assert vals(t, date(1998, 10, 26))["Tuesday"] == "1998-10-27"
    t = "The debate ended. On Tuesday, the rights league held a news conference."
    assert vals(t, date(1998, 10, 26))["Tuesday"] == "1998-10-20"


def test_the_previous_or_following_weekday_counts_from_the_story_day() -> None:
    t = "The index fell on Wednesday, Oct. 25, down 4.5% from the previous Friday."
    assert vals(t, date(1989, 10, 30))["the previous Friday"] == "1989-10-20"
    t = "The deal was signed on Oct. 25, 1989. The following Monday, shares rose."
    assert vals(t, date(1989, 11, 20))["The following Monday"] == "1989-10-30"


def test_generic_of_tomorrow_and_today_is_no_day() -> None:
    # TimeBank leaves "the people of tomorrow" untagged: no day is meant
    assert "tomorrow" not in vals("He expected GM to make the cars of tomorrow, he said.", MON)
    assert "Tomorrow" not in vals("Together for the sake of the Libya of Tomorrow.", MON)
    assert "today" not in vals("It is the Britain of today that matters.", MON)
    # ... but a part of the day, a possessive or a plain mention still is the day
    assert vals("It will rain for the better part of tomorrow.", MON)["tomorrow"] == "2000-04-04"
    assert vals("in the aftermath of tomorrow's match", MON)["tomorrow"] == "2000-04-04"
    assert vals("The vote is tomorrow.", MON)["tomorrow"] == "2000-04-04"
    assert vals("by the end of today", MON)["today"] == "2000-04-03"


def test_of_today_keeps_the_day_after_other_heads() -> None:
    # "as of today", "the story of today", a capitalised first word, a PTB possessive: the day
    assert vals("140,000 gallons were poured into the Gulf as of today.", MON)["today"] == "2000-04-03"
    assert vals("The story of today is this celebration.", MON)["today"] == "2000-04-03"
    assert vals("As of today, the ban holds.", MON)["today"] == "2000-04-03"
    assert vals("A roundup of today s news.", MON)["today"] == "2000-04-03"
    # a proper noun inside the sentence marks an era
    assert "today" not in vals("the people of Egypt of today are proud", MON)
