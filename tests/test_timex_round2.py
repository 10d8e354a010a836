"""Rule families added in the tagger's second error-analysis round, one test per family."""

from __future__ import annotations

from datetime import date

from dateline.timex import tag


def vals(text: str, dct: date) -> dict[str, str]:
    return {m.text: m.value for m in tag(text, dct)}


def types(text: str, dct: date) -> dict[str, str]:
    return {m.text: m.type for m in tag(text, dct)}


DCT = date(1989, 10, 25)


def test_fiscal_year_named_by_its_end_is_a_duration() -> None:
    # "the year ended March 31" is a twelve-month span, not the calendar year of the DCT
    t = "Revenue was $76 million for the year ended March 31."
    assert vals(t, DCT)["the year"] == "P1Y"
    assert types(t, DCT)["the year"] == "DURATION"
    assert vals("a loss for the year ending tomorrow", DCT)["the year"] == "P1Y"
    # without "ended" it stays a point in time
    assert vals("the highest level for the year", DCT)["the year"] == "1989"


def test_year_ago_adjective_is_not_split_into_the_year() -> None:
    t = "Profit rose in the third quarter. The year-ago results included a charge."
    v = vals(t, DCT)
    assert "The year" not in v
    assert v["year-ago"] == "1988-Q3"


def test_only_an_ended_quarter_is_the_reported_quarter() -> None:
    # the fourth quarter has not ended at the DCT: "the latest quarter" is still the third
    t = ("Net income fell in the third quarter. The company expects its fourth quarter to be weak. "
         "Sales in the latest quarter were flat.")
    v = vals(t, DCT)
    assert v["the latest quarter"] == "1989-Q3"
    assert v["its fourth quarter"] == "1989-Q4"


def test_last_year_in_a_quarterly_comparison_is_the_year_ago_quarter() -> None:
    t = ("Third-quarter earnings were $24 million, compared with a loss of $3 million last year. "
         "Last year was hard.")
    got = [(m.text, m.value) for m in tag(t, DCT)]
    assert ("last year", "1988-Q3") in got
    assert ("Last year", "1988") in got  # no comparison of figures: the calendar year
    # without a reported quarter in the text, "last year" is the year
    assert vals("Sales rose from $5 million last year.", DCT)["last year"] == "1988"


def test_the_year_quarter_and_period_named_by_year() -> None:
    t = "Net rose in the third quarter, up from $2 million in the 1988 quarter and the 1988 period."
    v = vals(t, DCT)
    assert v["the 1988 quarter"] == "1988-Q3"
    assert v["the 1988 period"] == "1988-Q3"


def test_season_with_a_year_in_words() -> None:
    assert vals("in the winter of nineteen ninety-four", date(1998, 2, 23)) == {
        "the winter of nineteen ninety-four": "1994-WI"}


def test_future_cue_puts_a_bare_month_ahead() -> None:
    t = "Collins will be named commander of the shuttle for a mission in December."
    assert vals(t, date(1998, 3, 4))["December"] == "1998-12"
    # a past cue keeps it behind
    assert vals("The shuttle flew a mission in December.", date(1998, 3, 4))["December"] == "1997-12"


def test_hashtag_dates() -> None:
    assert vals("Protesters chant . #Jan 25 #Egypt", date(2011, 1, 28)) == {"Jan 25": "2011-01-25"}
    # a hashtag number is no year
    assert vals("#2010 trends", date(2011, 1, 28)) == {}


def test_this_day_todays_and_to_this_day() -> None:
    d = date(2011, 2, 11)
    assert vals("Did you believe this day would come?", d) == {"this day": "2011-02-11"}
    assert vals("Here is the reason for todays grenade.", d) == {"todays": "2011-02-11"}
    assert vals("To this day the effects continue.", d) == {"To this day": "PRESENT_REF"}
    assert vals("even in this day and age", d) == {"this day and age": "PRESENT_REF"}
    assert vals("We will take this day by day.", d) == {}


def test_lower_case_month_names_with_a_day() -> None:
    d = date(2010, 5, 1)
    assert vals("the may 2 post at noon", d)["may 2"] == "2010-05-02"
    assert vals("born on the 17th march 1881 in Paris", d) == {"the 17th march 1881": "1881-03-17"}
    # a modal or a verb before an amount is no date
    assert vals("shares may 10 points lower", d) == {}
    assert "march 5" not in vals("they march 5 miles a day", d)
    assert "may" not in " ".join(vals("prices may rise 2 %", d))


def test_next_day_without_article() -> None:
    t = "We arrived on May 29. Next day , on boats , we saw oil."
    assert vals(t, date(2010, 5, 31))["Next day"] == "2010-05-30"


def test_more_holidays() -> None:
    d = date(2011, 3, 1)
    v = vals("He will speak on Pentecost, at the May Day rally and on Columbus Day.", d)
    assert v["Pentecost"] == "2011-06-12"
    assert v["May Day"] == "2011-05-01"
    assert v["Columbus Day"] == "2011-10-10"
    assert vals("He spoke on Pentecost.", d)["Pentecost"] == "2010-05-23"


def test_day_ranges_with_spaced_dashes() -> None:
    got = [(m.text, m.value) for m in tag("killing 11 men April 21 - 22 - The BOP failed", date(2010, 9, 8))]
    assert ("April 21", "2010-04-21") in got and ("22", "2010-04-22") in got
    got = [(m.text, m.value) for m in tag("Five Days : Sept. 15 - 19 , 2008 The Dow", date(2010, 1, 1))]
    assert ("Sept. 15", "2008-09-15") in got and ("19", "2008-09-19") in got
    # a dash followed by a count is no range
    assert vals("On May 3 - 25 people died", date(2012, 6, 3)) == {"May 3": "2012-05-03"}


def test_past_cues_since_attributive_dates_and_irregular_verbs() -> None:
    d = date(2010, 7, 13)
    assert vals("the first stop since the explosion on 20 April", d)["20 April"] == "2010-04-20"
    assert vals("It was flowing hours before the 20 April explosion, he will say.", d)[
        "the 20 April"] == "2010-04-20"
    assert vals("Alvarez wrote Dec. 23 .", date(2009, 6, 12))["Dec. 23"] == "2008-12-23"
    # a date before a planned event stays ahead
    assert vals("ahead of the 27 July vote , they will meet", d)["the 27 July"] == "2010-07-27"


def test_dotted_day_month_year_and_spaced_range_start() -> None:
    d = date(2010, 6, 29)
    assert vals("Laura Lewis b 14.04.1889 Berriew", d) == {"14.04.1889": "1889-04-14"}
    assert vals("married on 23.1.1818 .", d) == {"23.1.1818": "1818-01-23"}
    assert vals("version 1.2.2010a", d) == {}
    got = [(m.text, m.value) for m in tag("8 - 18 MAY : DOME FAILED", date(2010, 6, 4))]
    assert got == [("8", "2010-05-08"), ("18 MAY", "2010-05-18")]


def test_fiscal_and_full_year_are_the_reported_year_unless_bounded() -> None:
    d = date(1989, 11, 2)
    assert vals("earnings will be lower for the fiscal year.", d)["the fiscal year"] == "1989"
    assert vals("sales in the current fiscal year that are higher", d)["the current fiscal year"] == "1989"
    assert vals("sales in the latest fiscal year.", d)["the latest fiscal year"] == "1988"
    assert vals("Sales for the full year were $6.6 billion.", d)["the full year"] == "1989"
    # a named end or a span keeps the twelve months a duration
    assert vals("In the fiscal year ended Jan. 31, it earned more.", d)["the fiscal year"] == "P1Y"
    assert vals("profits should rise throughout the fiscal year.", d)["the fiscal year"] == "P1Y"
    assert types("profits should rise throughout the fiscal year.", d)["the fiscal year"] == "DURATION"


def test_recent_units_with_a_perfect_are_a_span() -> None:
    d = date(1998, 2, 13)
    assert vals("Mexico has suffered from kidnappings in recent years.", d)["recent years"] == "PXY"
    assert vals("But in recent years, the market has moved on.", d)["recent years"] == "PXY"
    # a simple past, a passive perfect or "of recent years" is a time in the past
    assert vals("As the yen soared in recent years, losses grew.", d)["recent years"] == "PAST_REF"
    assert vals("4,000 more have been told to pack in recent days.", d)["recent days"] == "PAST_REF"
    assert vals("It has helped to finance the boom of recent years.", d)["recent years"] == "PAST_REF"


def test_day_month_two_digit_year_near_the_dct() -> None:
    assert vals("Council meeting 09 February 12 on Syria", date(2012, 2, 9)) == {
        "09 February 12": "2012-02-09"}
    assert vals("posted 28 Aug 11 at noon", date(2011, 8, 30))["28 Aug 11"] == "2011-08-28"
    # a two-digit number far from the DCT's year, or a count, is no year
    assert "12 May 15" not in vals("on 12 May 15 people died", date(2015, 6, 1))
    assert "12 May 80" not in vals("on 12 May 80 , he said", date(2015, 6, 1))


def test_before_a_date_in_a_past_sentence_is_past() -> None:
    d = date(2010, 10, 29)
    assert vals("BP did not have the results before 19 April , when it ordered work", d)[
        "19 April"] == "2010-04-19"
    # other deadline words keep a date ahead even in a past sentence
    assert vals("The bank extended loans through January .", date(1989, 10, 30))["January"] == "1990-01"
    assert vals("They will not decide before 19 April .", d)["19 April"] == "2011-04-19"


def test_past_perfect_plan_is_over() -> None:
    d = date(1989, 10, 30)  # a Monday
    assert vals("It had been due to expire Friday evening .", d)["Friday evening"] == "1989-10-27TEV"
    assert vals("It is due to expire Friday evening .", d)["Friday evening"] == "1989-11-03TEV"


def test_near_and_short_term_are_future_ref() -> None:
    d = date(1989, 10, 30)
    assert vals("the challenges of the near term .", d) == {"the near term": "FUTURE_REF"}
    assert vals("to placate holders in the short term .", d) == {"the short term": "FUTURE_REF"}
    assert vals("long-term debt and a short-term loan ; the term of office", d) == {}


def test_reporting_period_followed_by_a_year_ago() -> None:
    t = ("Net rose in the third quarter. It compares with $1.8 million for the corresponding period "
         "last year. For the quarter a year ago, it earned more.")
    v = vals(t, date(1989, 11, 1))
    assert v["the corresponding period last year"] == "1988-Q3"
    assert v["the quarter a year ago"] == "1988-Q3"


def test_a_year_earlier_after_a_compared_figure_is_the_year_ago_quarter() -> None:
    t = ("Du Pont said third-quarter profit rose , as reported yesterday . In chemicals , profit soared "
         "to $155 million from $99 million a year earlier .")
    assert vals(t, date(1989, 10, 26))["a year earlier"] == "1988-Q3"
    # without a compared figure it stays a year before the last day mentioned
    t2 = "Profit rose in the third quarter ended Aug. 26 . A year earlier the company earned less ."
    assert vals(t2, date(1989, 11, 1))["A year earlier"] == "1988-08-26"


def test_the_year_followed_by_its_number() -> None:
    d = date(1998, 3, 3)
    assert vals("The approach of the year two thousand has many worried", d) == {
        "the year two thousand": "2000"}
    assert vals("by the year 2000 .", d) == {"the year 2000": "2000"}


def test_a_year_earlier_adjective_is_not_a_duration() -> None:
    t = "Net fell in the third quarter , compared with a year-earlier loss of $6 million ."
    got = vals(t, date(1989, 11, 2))
    assert got["year-earlier"] == "1988-Q3" and "a year" not in got


def test_part_of_day_before_yesterday_or_today() -> None:
    d = date(1989, 11, 2)
    assert vals("In London at mid-afternoon yesterday , shares fell", d) == {
        "mid-afternoon yesterday": "1989-11-01TAF"}
    assert vals("by mid afternoon today , the crowd", d) == {"mid afternoon today": "1989-11-02TAF"}


def test_election_day_and_holiday_of_year() -> None:
    assert vals("from now to Election Day .", date(1998, 10, 25))["Election Day"] == "1998-11-03"
    assert vals("On Election Day voters came out .", date(2008, 11, 6))["Election Day"] == "2008-11-04"
    assert vals("a speech on Labor Day of 1936 , he said", date(2008, 10, 16)) == {
        "Labor Day of 1936": "1936-09-07"}
