"""Rule families added in the tagger's fifth error-analysis round, one test per family."""

from __future__ import annotations

from datetime import date

from dateline.timex import tag


def vals(text: str, dct: date) -> dict[str, str]:
    return {m.text: m.value for m in tag(text, dct)}


MON = date(2010, 5, 3)  # a Monday


def test_would_be_and_a_participle_is_future() -> None:
    # "would be" takes its participle along: "paid" is no past cue here
    t = "The split would be paid on a date in January to holders of record."
    assert vals(t, date(1989, 10, 26))["January"] == "1990-01"
    t = "Reid said the bill would be completed in the Senate by Tuesday."
    assert vals(t, MON)["Tuesday"] == "2010-05-04"
    # a plain past sentence still looks back
    assert vals("The bill was completed in the Senate on Tuesday.", MON)["Tuesday"] == "2010-04-27"


def test_an_ed_adjective_after_a_determiner_is_no_past_cue() -> None:
    # "a still unspecified date": the adjective says nothing of the clause's tense
    t = "The payment will come on a still unspecified date in January."
    assert vals(t, date(1989, 10, 26))["January"] == "1990-01"
    # "that" is a relative pronoun more often than a determiner: "the spill that lasted ..."
    t = "The spill that lasted 100 days began after an explosion on April 22."
    assert vals(t, date(2010, 11, 21))["April 22"] == "2010-04-22"


def test_an_expression_opening_its_sentence_takes_the_main_clause_tense() -> None:
    # the main verb comes after a long subject: looked for up to the sentence's end
    t = ("Slepian's death was debated. On Tuesday, the National Abortion and Reproductive "
         "Rights Action League plans to hold a news conference.")
    assert vals(t, date(1998, 10, 26))["Tuesday"] == "1998-10-27"
    t = "On Wednesday , a toxicologist from Texas Tech University is scheduled to tell a hearing ."
    assert vals(t, date(2010, 8, 3))["Wednesday"] == "2010-08-04"  # PTB-tokenised comma
    # irregular past forms end the search: "stuck" before a later "will"
    t = ("He spoke. On Thursday, Allen pointedly stuck to the official estimate that the leak "
         "will stop.")
    assert vals(t, date(2010, 7, 9))["Thursday"] == "2010-07-08"
    # without the comma the usual 40-character window applies
    t = "Tuesday the National Abortion and Reproductive Rights Action League plans to meet."
    assert vals(t, date(1998, 10, 26))["Tuesday"] == "1998-10-20"


def test_the_night_of_a_date_is_that_dates_night() -> None:
    # one TIMEX3, as WikiWars' gold has it: "the night of May 13" = 1958-05-13TNI
    v = vals("He was shot on the night of Friday, Oct. 23, at his home.", date(1998, 11, 21))
    assert v["the night of Friday, Oct. 23"] == "1998-10-23TNI"
    assert vals("on the morning of 19 April", MON)["the morning of 19 April"] == "2010-04-19TMO"
    # "the night of" something unresolved is not the DCT's night; a bare "the night" still is
    assert "the night" not in vals("on the night of the attack", MON)
    assert vals("Protesters gathered during the night.", MON)["the night"] == "2010-05-03TNI"


def test_each_month_is_a_set() -> None:
    assert vals("the parades held each July in Portadown", MON)["each July"] == "XXXX-07"
    assert vals("They sail every March.", MON)["every March"] == "XXXX-03"


def test_one_day_after_a_modal_is_some_future_day() -> None:
    assert vals("Islam will one day be the second largest religion.", MON)["one day"] == "FUTURE_REF"
    assert vals("She hopes to one day visit Paris.", MON)["one day"] == "FUTURE_REF"
    assert vals("He stayed one day in Paris.", MON)["one day"] == "P1D"


def test_the_previous_year_is_a_point_even_after_a_duration_preposition() -> None:
    # "during the previous year", "compared to a total for the previous year": the year before
    # the story's, anaphoric like "the previous Friday", never a one-year duration
    t = "In 1942 the Germans kept most gains they achieved during the previous year."
    assert vals(t, date(2009, 1, 1))["the previous year"] == "1941"
    # "the next year" after "for" stays a span ("continued for the next year")
    assert vals("Fighting continued for the next year.", MON)["the next year"] == "P1Y"


def test_day_month_with_last_year() -> None:
    assert vals("He died on 25 June last year.", date(2010, 6, 9))["25 June last year"] == "2009-06-25"
    assert vals("On April 20 of last year it exploded.", MON)["April 20 of last year"] == "2009-04-20"


def test_a_future_full_date_anchors_no_narrative() -> None:
    # a history is told from past dates: "by Dec. 15, 2016" does not move "Oct. 8" to 2016
    v = vals("The bonds mature Dec. 15, 2016. On Oct. 8, the market fell.", date(2008, 11, 1))
    assert v["Oct. 8"] == "2008-10-08"
    v = vals("On May 2, 1945 Berlin fell. On May 8, the war ended.", date(2009, 1, 1))
    assert v["May 8"] == "1945-05-08"


def test_amount_rates_are_sets() -> None:
    # "$2 million a year" repeats every year (TimeML SET, as in WikiWars' gold)
    m = {x.text: x for x in tag("It saves $500 million a year and 30 attacks a day.", MON)}
    assert (m["a year"].value, m["a year"].type) == ("P1Y", "SET")
    assert (m["a day"].value, m["a day"].type) == ("P1D", "SET")
    # but "a year earlier" after an amount is a point in time
    assert "a year earlier" in vals("up from $99 million a year earlier", MON)


def test_a_holiday_week_is_the_holidays_week() -> None:
    assert vals("protesters prayed as Easter week began", date(2000, 4, 17))["Easter week"] == "2000-W16"


def test_the_day_before_or_after_a_named_day() -> None:
    t = "The day before last Tuesday's hearing, Manuel went to Lazaro's home."
    assert vals(t, date(2000, 2, 24))["The day before last Tuesday"] == "2000-02-21"
    assert vals("The day after Christmas they left.", date(2000, 1, 5))["The day after Christmas"] == "1999-12-26"
    t = "On the day before Thanksgiving in 1991, the Senate voted."
    assert vals(t, date(2009, 5, 30))["the day before Thanksgiving in 1991"] == "1991-11-27"
    # without a named day it is the day before the one the story is at
    assert vals("It rained on Friday. The day before, it was dry.", MON)["The day before"] == "2010-04-29"


def test_trading_days_and_mid_afternoon() -> None:
    assert vals("Eight trading days after the crash, it fell.", MON)["Eight trading days"] == "P8D"
    assert vals("By mid afternoon, officials said it was over.", MON)["mid afternoon"] == "2010-05-03TAF"


def test_plans_is_a_future_cue_as_a_verb_only() -> None:
    # the verb: "the group says it plans protests Friday"
    t = "The Islamist group says it plans further street demonstrations Friday."
    assert vals(t, date(2011, 2, 3))["Friday"] == "2011-02-04"
    # the noun says nothing of the tense: "NATO formally approved plans Sunday"
    t = "NATO, which has 28 members, formally approved plans Sunday to take control."
    assert vals(t, date(2011, 3, 28))["Sunday"] == "2011-03-27"


def test_month_and_ordinal_word_days() -> None:
    d = date(2010, 7, 10)
    assert vals("They met on the first of May.", d)["the first of May"] == "2010-05-01"
    assert vals("The parade on July Fourth was big.", d)["July Fourth"] == "2010-07-04"
    assert vals("On January third, he left.", d)["January third"] == "2010-01-03"
    # an ordinal that belongs to a quarter stays the quarter's
    assert vals("Sales in the September third quarter rose.", d)["third quarter"] == "2010-Q3"
    # "in April first triggered": the adverb "first", the month
    assert vals("the explosion in April first triggered the slump", d)["April"] == "2010-04"


def test_a_chronology_entry_in_the_past_tense_is_past() -> None:
    t = "The deaths so far. June 19 : An airman was killed. August 13: Private Smith died."
    v = vals(t, date(2005, 5, 2))
    assert v["June 19"] == "2004-06-19"
    assert v["August 13"] == "2004-08-13"
    # a future entry stays ahead
    assert vals("Coming up. June 19: The vote will be held.", date(2005, 5, 2))["June 19"] == "2005-06-19"


def test_recent_times_in_a_perfect_sentence_is_past_ref() -> None:
    # "times" is no unit: the duration reading of "has grown in recent years" does not apply
    assert vals("It has grown in recent times.", MON)["recent times"] == "PAST_REF"
    assert vals("It has grown in recent years.", MON)["recent years"] == "PXY"


def test_should_is_a_future_cue() -> None:
    t = "In a best-case scenario, the contraption should be operational by Monday."
    assert vals(t, date(2010, 5, 6))["Monday"] == "2010-05-10"


def test_a_live_update_stamp_is_on_or_after_the_dct() -> None:
    t = "(Update 5:16 a.m. Thursday in Cairo, 10:16 p.m. ET Wednesday) All remaining citizens left."
    v = vals(t, date(2011, 2, 1))
    assert v["5:16 a.m. Thursday"] == "2011-02-03T05:16"
    assert v["10:16 p.m. ET Wednesday"] == "2011-02-02T22:16"
    # outside the stamp a past sentence still looks back
    assert vals("He said at 5 p.m. Thursday it ended.", date(2011, 2, 1))["5 p.m. Thursday"] == "2011-01-27T17:00"


def test_march_as_a_procession_is_no_month() -> None:
    assert "March" not in vals("Crowds joined the annual March for Life on Capitol Hill.", MON)
    assert "March" not in vals("She led the March of the Combatant Mothers.", MON)
    assert vals("In March, he left for Paris.", MON)["March"] == "2010-03"


def test_unit_to_unit_adjectives_are_no_expressions() -> None:
    assert vals("The quarter-to-quarter comparison was also enhanced.", MON) == {}
    assert "the quarter" in vals("Sales in the quarter rose.", date(1989, 11, 2))


def test_the_past_year_is_the_year_before() -> None:
    # TimeBank: "over the past year", "in the past year" = the previous calendar year
    t = "Hate groups grew dramatically over the past year."
    assert vals(t, date(1998, 3, 3))["the past year"] == "1997"
    # with a number it stays a span
    assert vals("over the past two years", date(1998, 3, 3))["the past two years"] == "P2Y"


def test_in_n_units_in_a_future_sentence_is_a_point() -> None:
    d = date(1989, 11, 2)
    assert vals("The stock would be redeemed in five years.", d)["five years"] == "1994"
    assert vals("It will arrive in two days.", d)["two days"] == "1989-11-04"
    # in a past sentence "in two weeks" is how long it took
    assert vals("He wrote his second letter in two weeks.", d)["two weeks"] == "P2W"


def test_within_or_over_the_next_year_is_next_year() -> None:
    d = date(1989, 11, 2)
    assert vals("Plants will be closed over the next year or so.", d)["the next year"] == "1990"
    assert vals("Fighting continued for the next year.", d)["the next year"] == "P1Y"


def test_a_day_month_date_before_a_number_that_is_no_year() -> None:
    # a list number, a clock time or a count after "22 June" is no day of "June 2"
    dct = date(2012, 6, 24)
    assert vals("The F-4 Phantom takes off on 22 June 2. Syria says it enters", dct) == {"22 June": "2012-06-22"}
    assert vals("The jet was lost on 22 June 12:30 GMT.", dct) == {"22 June": "2012-06-22",
                                                                   "12:30 GMT": "2012-06-22T12:30"}
    assert vals("On 3 May 2 people were killed.", dct) == {"3 May": "2012-05-03"}
    # a year after it is still the full date; "June 5, 2010" stays the month-day date
    assert vals("It began on 22 June 2012.", dct) == {"22 June 2012": "2012-06-22"}
    assert vals("It began on 3 June 5, 2010.", dct) == {"June 5, 2010": "2010-06-05"}
