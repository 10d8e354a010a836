"""One test per rule family of the temporal tagger (values, types, granularity, mod, extent)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from dateline.model import Mention
from dateline.timex import tag

TUE = date(2019, 12, 31)  # a Tuesday
WED = date(2020, 1, 1)


def found(text: str, dct: date = TUE) -> dict[str, Mention]:
    out = {}
    for m in tag(text, dct):
        assert text[m.start:m.end] == m.text
        out[m.text] = m
    return out


def v(text: str, dct: date = TUE) -> dict[str, str]:
    return {k: m.value for k, m in found(text, dct).items()}


def test_explicit_dates() -> None:
    assert v("On Sept. 11, 2012, the compound was attacked.") == {"Sept. 11, 2012": "2012-09-11"}
    assert v("LONDON | Tue Mar 15 , 2011 1:48 pm GMT LONDON") == {
        "Tue Mar 15 , 2011": "2011-03-15", "1:48 pm GMT": "2011-03-15T13:48"}
    assert v("It opened on 15 March 2011 and on March 3rd 2010.") == {
        "15 March 2011": "2011-03-15", "March 3rd 2010": "2010-03-03"}
    assert v("Data as of 2011-03-15 and 2011/03/16 and 3/17/2011.") == {
        "2011-03-15": "2011-03-15", "2011/03/16": "2011-03-16", "3/17/2011": "2011-03-17"}
    assert v("Tuesday, March 15, 2011 was cold.") == {"Tuesday, March 15, 2011": "2011-03-15"}


def test_dates_without_year() -> None:
    # nearest by default, past/future by tense
    assert v("He was arrested on Dec. 3.", TUE) == {"Dec. 3": "2019-12-03"}
    assert v("The vote will be held on Jan. 15.", TUE) == {"Jan. 15": "2020-01-15"}
    assert v("It ended Sept. 30.", date(1989, 5, 27))["Sept. 30"] == "1988-09-30"
    assert v("The dividend is payable Jan. 2.", date(1989, 11, 2))["Jan. 2"] == "1990-01-02"
    assert v("The talks on 4 January.", TUE) == {"4 January": "2020-01-04"}


def test_month_year_and_months() -> None:
    f = found("They declared victory in December 2017.", WED)
    assert f["December 2017"].value == "2017-12" and f["December 2017"].granularity == "month"
    assert v("protests since October", WED) == {"October": "2019-10"}
    assert v("prices rose in October", date(1998, 1, 8)) == {"October": "1997-10"}
    assert v("It will open in March.", date(1998, 1, 8)) == {"March": "1998-03"}
    assert v("last April", date(1989, 10, 27)) == {"last April": "1989-04"}
    assert v("next March", date(1989, 10, 27)) == {"next March": "1990-03"}
    f = found("in late November", date(1999, 12, 2))
    assert f["late November"].value == "1999-11" and f["late November"].mod == "END"
    assert found("mid-November", date(1989, 12, 2))["mid-November"].mod == "MID"
    # "May" the modal verb is no month
    assert v("May I ask? Prices rose in May.", TUE) == {"May": "2019-05"}


def test_years_and_non_years() -> None:
    f = found("Iran has grown since the 2003 invasion and in 2014 it fought.", WED)
    assert {k: m.value for k, m in f.items()} == {"2003": "2003", "2014": "2014"}
    assert f["2014"].granularity == "year" and f["2014"].day is None
    assert v("About 2,000 people and $2014 in cash; 2000 people came; 1500 troops.", WED) == {}
    assert v("The year-end 2014 figure rose 2014% in 1998.", WED).get("1998") == "1998"
    assert v("fiscal 1989", date(1989, 10, 27)) == {"fiscal 1989": "1989"}
    assert v("nineteen ninety-six", date(1998, 1, 1)) == {"nineteen ninety-six": "1996"}


def test_decades_centuries() -> None:
    f = found("in the 1990s and the late 1970s, the 20th century", WED)
    assert f["the 1990s"].value == "199" and f["the 1990s"].granularity == "decade"
    assert f["the late 1970s"].value == "197" and f["the late 1970s"].mod == "END"
    assert f["the 20th century"].value == "19" and f["the 20th century"].granularity == "century"


def test_seasons_quarters_halves() -> None:
    d = date(1989, 10, 27)
    assert v("last fall", date(1999, 3, 1)) == {"last fall": "1998-FA"}
    assert v("this summer", date(1998, 3, 1)) == {"this summer": "1998-SU"}
    assert v("in the winter of 1994", d) == {"the winter of 1994": "1994-WI"}
    assert v("third-quarter profit", d) == {"third-quarter": "1989-Q3"}
    assert v("in the fourth quarter", date(1998, 1, 8)) == {"the fourth quarter": "1997-Q4"}
    assert v("in the first half of 1989", d) == {"the first half of 1989": "1989-H1"}
    assert v("Q2 2011 results", d) == {"Q2 2011": "2011-Q2"}


def test_relative_days() -> None:
    assert v("yesterday, today and tomorrow", TUE) == {
        "yesterday": "2019-12-30", "today": "2019-12-31", "tomorrow": "2020-01-01"}
    f = found("tonight and last night; this morning", TUE)
    assert f["tonight"].value == "2019-12-31TNI" and f["tonight"].type == "TIME"
    assert f["last night"].value == "2019-12-30TNI"
    assert f["this morning"].value == "2019-12-31TMO"
    assert v("late yesterday", TUE)["late yesterday"] == "2019-12-30"


def test_weekdays_and_cues() -> None:
    # default for news: the nearest past such day (today counts)
    assert v("A rocket attack last Friday; strikes Sunday; but on Tuesday calm.", TUE) == {
        "last Friday": "2019-12-27", "Sunday": "2019-12-29", "Tuesday": "2019-12-31"}
    # future tense and cue words
    assert v("The council will meet Friday.", TUE) == {"Friday": "2020-01-03"}
    assert v("next Monday", TUE) == {"next Monday": "2020-01-06"}
    assert v("The militiamen arrived late Tuesday.", WED)["late Tuesday"] == "2019-12-31"
    f = found("Tuesday night and Wednesday morning", WED)
    assert f["Tuesday night"].value == "2019-12-31TNI" and f["Tuesday night"].type == "TIME"
    assert f["Wednesday morning"].value == "2020-01-01TMO"


def test_parts_of_day_and_clock_times() -> None:
    f = found("It closed at 5 p.m. EST Nov. 9, as planned.", date(1989, 11, 10))
    assert f["5 p.m. EST Nov. 9"].value == "1989-11-09T17:00"
    f = found("The bomb went off at 10:35 a.m.", date(1989, 11, 10))
    assert f["10:35 a.m."].value == "1989-11-10T10:35" and f["10:35 a.m."].type == "TIME"
    # a clock time right after a date belongs to that date
    assert v("On March 3, 2011 at 9 a.m. the polls opened.", TUE)["9 a.m."] == "2011-03-03T09:00"
    assert v("noon Saturday", date(1991, 2, 18)) == {"noon Saturday": "1991-02-16T12:00"}


def test_relative_spans() -> None:
    assert v("last week", TUE) == {"last week": "2019-W52"}  # 2019-12-31 is in ISO week 2020-W01
    assert v("this week", TUE) == {"this week": "2020-W01"}
    assert v("next month", TUE) == {"next month": "2020-01"}
    assert v("this year and last year", TUE) == {"this year": "2019", "last year": "2018"}
    f = found("earlier this month", date(1989, 10, 27))
    assert f["earlier this month"].value == "1989-10" and f["earlier this month"].mod == "START"
    assert v("a year ago", TUE) == {"a year ago": "2018"}
    assert v("three days ago", TUE) == {"three days ago": "2019-12-28"}
    assert v("two weeks ago", TUE) == {"two weeks ago": "2019-W51"}
    assert v("six months ago", TUE) == {"six months ago": "2019-06"}
    assert v("several days ago", TUE) == {"several days ago": "PAST_REF"}
    assert v("the weekend", WED) == {"the weekend": "2019-W52-WE"}


def test_anchored_expressions() -> None:
    # anchored to the last mentioned date, not to the publication date
    assert v("It began on March 3, 2011. Two days later, troops fired.", TUE) == {
        "March 3, 2011": "2011-03-03", "Two days later": "2011-03-05"}
    assert v("He left on Wednesday; a day earlier he had met them.", date(2011, 3, 15)) == {
        "Wednesday": "2011-03-09", "a day earlier": "2011-03-08"}
    assert v("The vote was on Jan. 5, 2010. The next day, riots.", TUE)["The next day"] == "2010-01-06"
    assert v("in 1990. Two years later", TUE)["Two years later"] == "1992"


def test_durations() -> None:
    f = found("for three years, in the past three months, 48 hours, a year and a half", TUE)
    assert f["three years"].value == "P3Y" and f["three years"].type == "DURATION"
    assert f["the past three months"].value == "P3M"
    assert f["48 hours"].value == "PT48H"
    assert f["a year and a half"].value == "P1Y6M"
    assert f["three years"].day is None
    f = found("more than two decades, about a week, several years, a five-year low", TUE)
    assert (f["more than two decades"].value, f["more than two decades"].mod) == ("P20Y", "MORE_THAN")
    assert (f["about a week"].value, f["about a week"].mod) == ("P1W", "APPROX")
    assert f["several years"].value == "PXY"
    assert f["five-year"].value == "P5Y"
    assert v("the worst attack in years", TUE) == {"years": "PXY"}


def test_sets() -> None:
    f = found("every week, every Monday, daily, twice a year", TUE)
    assert f["every week"].value == "P1W" and f["every week"].type == "SET"
    assert f["every Monday"].value == "XXXX-WXX-1"
    assert f["daily"].value == "P1D"
    assert f["a year"].value == "P1Y" and f["a year"].type == "SET"


def test_reference_expressions() -> None:
    assert v("now, currently, recently, in the past, in the future", TUE) == {
        "now": "PRESENT_REF", "currently": "PRESENT_REF", "recently": "PAST_REF",
        "the past": "PAST_REF", "the future": "FUTURE_REF"}
    assert v("as soon as we heard", TUE) == {}


def test_ranges() -> None:
    # both ends of a day range and of a year range are dates
    assert v("The October 5-13 exercise", date(2011, 10, 4)) == {"October 5": "2011-10-05", "13": "2011-10-13"}
    assert v("killed between 25 and 26 May, most", date(2012, 6, 3)) == {"25": "2012-05-25", "26 May": "2012-05-26"}
    assert v("Eastern Theater 1861-1863", date(2009, 12, 19)) == {"1861": "1861", "1863": "1863"}
    assert v("Throughout 1915-17, the British", date(2009, 12, 19)) == {"1915": "1915", "17": "1917"}
    # a dash between a date and a count is no range
    assert v("On May 3 - 25 people died", date(2012, 6, 3)) == {"May 3": "2012-05-03"}
    assert v("born on the first of June 2009", date(2012, 6, 3)) == {"the first of June 2009": "2009-06-01"}


def test_reporting_periods() -> None:
    d = date(1989, 10, 30)
    assert v("Profit rose in the third quarter. In the latest quarter, sales fell.", d) == {
        "the third quarter": "1989-Q3", "the latest quarter": "1989-Q3"}
    assert v("In the year-ago third quarter it earned less.", d) == {"the year-ago third quarter": "1988-Q3"}
    assert v("Net rose in the third quarter from a year ago.", d)["a year ago"] == "1988-Q3"
    assert v("next year's first quarter", d) == {"next year's first quarter": "1990-Q1"}


def test_narrative_year_anchor() -> None:
    # in a history told without DCT-relative expressions, a month follows the last full date's year
    text = "On September 1, 1939, Germany attacked Poland. By early October, Poland was divided."
    f = found(text, date(2009, 12, 19))
    assert f["early October"].value == "1939-10" and f["early October"].mod == "START"
    # news with weekdays keeps the publication date as the reference
    text = "On Sept. 11, 2012, the compound was attacked. On Tuesday, protests began, as in October."
    assert v(text, date(2020, 1, 1))["October"] == "2019-10"


def test_holidays() -> None:
    assert v("a New Year's Eve celebration", WED) == {"New Year's Eve": "2019-12-31"}
    assert v("on Christmas Day", WED) == {"Christmas Day": "2019-12-25"}
    assert v("Thanksgiving 2019", WED) == {"Thanksgiving 2019": "2019-11-28"}
    assert v("Easter", date(2019, 4, 30)) == {"Easter": "2019-04-21"}


def test_offsets_sorted_and_disjoint_on_random_text() -> None:
    rng = random.Random(7)
    words = ("on Friday", "last week", "in 2014", "Sept. 11, 2012", "two days later", "and", "the",
             "attack", "3 p.m.", "every", "May", "2,000", "years", "the past", "of", "-", ",", "12")
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        dct = date(rng.randint(1900, 2030), rng.randint(1, 12), rng.randint(1, 28))
        ms = tag(text, dct)
        ends = -1
        for m in ms:
            assert m.start >= ends and m.end > m.start
            assert text[m.start:m.end] == m.text
            ends = m.end


@pytest.mark.parametrize("text", ["", " ", "\x00", "Feb. 30, 2011", "Q9", "99:99 p.m.", "0 p.m."])
def test_degenerate_input(text: str) -> None:
    assert isinstance(tag(text, TUE), list)
