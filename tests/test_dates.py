"""Dates and times in every form the cables use, normalised to ISO 8601."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from tei_cables.pipeline import convert_text
from tei_cables.tag.dates import DateContext, Order, decide_orders, find_dates

from .conftest import xp


def whens(text: str, **ctx) -> list[str]:
    return [d.when for d in find_dates(text, DateContext(**ctx))]


def test_us_date_with_redundant_pm_keeps_24h():
    assert whens("Received in Moscow on 09/30/50 at 14:45 p.m.") == ["1950-09-30T14:45:00"]


def test_pm_on_a_12_hour_time_adds_twelve_hours():
    assert whens("sent on 09/30/50 at 8:30 p.m.") == ["1950-09-30T20:30:00"]


def test_am_after_midnight():
    assert whens("Deciphered by X on 10/01/50 at 0:35 a.m.") == ["1950-10-01T00:35:00"]


def test_european_date_with_dotted_time():
    assert whens("Подана 30.9.50 20.35") == ["1950-09-30T20:35:00"]


def test_day_month_without_year_takes_the_year_of_the_context():
    assert whens("Принята 30.9 23.32", year=1950) == ["1950-09-30T23:32:00"]


def test_year_carries_over_from_an_earlier_date():
    ctx = DateContext()
    find_dates("Sent 17.7.52", ctx)
    assert [d.when for d in find_dates("Received 17.7 20:50", ctx)] == ["1952-07-17T20:50:00"]


def test_time_on_the_next_line_joins_its_date():
    assert whens("Sent 17.7.52\n\n18:45") == ["1952-07-17T18:45:00"]


def test_roman_numeral_month():
    assert whens("30.IX.50") == ["1950-09-30"]


def test_russian_date_with_year_word_keeps_the_word_inside():
    found = find_dates("16.9.1950г. осуществили", DateContext())
    assert [(d.start, d.end, d.when) for d in found] == [(0, 11, "1950-09-16")]


def test_russian_month_name_in_the_genitive():
    assert whens("29 сентября 1950 г.") == ["1950-09-29"]


def test_four_digit_time_before_a_spelled_out_date():
    assert whens("sent at 2035 30 September 1950") == ["1950-09-30T20:35:00"]


def test_date_broken_over_a_line():
    assert whens("at 2330 30\nSeptember 1950") == ["1950-09-30T23:30:00"]


def test_month_first_with_comma():
    assert whens("our note of January 10, 1952") == ["1952-01-10"]


def test_two_dates_in_one_phrase_each_take_the_year():
    assert whens("on July 11 and the night of July 12", year=1952) == ["1952-07-11", "1952-07-12"]


def test_of_this_year_belongs_to_the_date():
    found = find_dates("on 20 July of this year", DateContext(year=1951))
    assert [(found[0].when, found[0].end)] == [("1951-07-20", len("on 20 July of this year"))]


def test_bare_year_after_a_preposition():
    assert whens("application for 1952") == ["1952"]


def test_two_digit_years_are_1900s():
    assert whens("on 5/6/49") == ["1949-05-06"]


def test_an_ambiguous_date_follows_the_order_decided_for_its_hand():
    ctx = DateContext(orders={"translation": Order(month_first=True)}, group="translation")
    assert [d.when for d in find_dates("cabled on 10.01.50 at 12:50 p.m.", ctx)] == ["1950-10-01T12:50:00"]


def test_ambiguous_dotted_date_is_european_by_default():
    assert whens("от 5.3.50") == ["1950-03-05"]


def test_slash_date_with_day_over_twelve_is_read_day_first():
    assert whens("on 30/9/50") == ["1950-09-30"]


def test_impossible_date_stays_text_and_is_reported():
    ctx = DateContext()
    assert find_dates("on 02/31/50", ctx) == []
    assert ctx.warnings == [(0, "not a real date: '02/31/50'")]


def test_impossible_time_stays_text_and_is_reported():
    ctx = DateContext()
    assert find_dates("at 25:70", ctx) == []
    assert ctx.warnings == [(0, "not a real time: '25:70'")]


def test_date_without_any_year_is_a_month_day():
    assert whens("on 16 September") == ["--09-16"]


def test_document_numbers_are_not_dates():
    assert whens("No. 600301/sh, Вх. № 3561/42, listy 46-49, 200-300 pilots") == []


def test_a_time_alone_is_a_time_of_day():
    found = find_dates("at 18:45", DateContext())
    assert [(d.element, d.when) for d in found] == [("time", "18:45:00")]


def test_a_day_over_twelve_decides_the_order_of_the_ambiguous_dates_of_its_hand():
    orders, warnings = decide_orders([("t", "Sent on 13/01/50.", 1), ("t", "Received on 12/01/50.", 3)])
    assert orders == {"t": Order(month_first=False)} and warnings == []


def test_one_cable_reads_13_01_and_12_01_alike():
    root = convert_text("CIPHERED TELEGRAM\n\nSent on 13/01/50.\n\nReceived on 12/01/50.\n", "a.txt")
    assert b'when="1950-01-13"' in root.tei and b'when="1950-01-12"' in root.tei


def test_month_first_dates_decide_for_dotted_ones_of_the_same_hand():
    orders, _ = decide_orders([("t", "Sent on 09/29/50", 1), ("t", "cabled on 10.01.50", 2)])
    assert orders["t"].month_first is True


def test_the_original_and_the_translation_are_decided_apart():
    orders, _ = decide_orders([("ru", "от 29.9.50 и 10.01.50", 1), ("en", "on 09/29/50 and 10/01/50", 5)])
    assert (orders["ru"].month_first, orders["en"].month_first) == (False, True)


def test_the_date_heading_decides_when_no_date_does():
    orders, warnings = decide_orders([("t", "Received on 10/01/50.", 4)], heading=dt.date(1950, 1, 9))
    assert orders["t"] == Order(month_first=False) and warnings == []


def test_no_evidence_is_a_warning_naming_the_line_and_a_medium_certainty():
    orders, warnings = decide_orders([("t", "Text.\nReceived on 10/01/50.", 4)])
    assert orders["t"] == Order(month_first=True, cert="medium")
    assert warnings[0][0] == 5 and "10/01" in warnings[0][1] and "month first" in warnings[0][1]


def test_a_date_read_without_evidence_is_marked_medium_in_the_tei():
    root = convert_text("CIPHERED TELEGRAM\n\nReceived on 10/01/50.\n", "a.txt")
    date = next(d for d in xp(etree.fromstring(root.tei), "//t:text//t:date") if d.get("when") == "1950-10-01")
    assert (date.get("cert"), date.get("resp")) == ("medium", "#tei_cables")
    assert any("10/01" in w.message and w.line == 3 for w in root.warnings)


def test_a_date_read_without_evidence_is_marked_medium_in_the_correspondence_too():
    root = etree.fromstring(convert_text("CIPHERED TELEGRAM\n\nReceived on 10/01/50.\n", "a.txt").tei)
    date = xp(root, "//t:correspAction[@type='received']/t:date")[0]
    assert (date.get("when"), date.get("cert")) == ("1950-10-01", "medium")


def test_dates_written_both_ways_are_a_warning_naming_a_line_of_each():
    _, warnings = decide_orders([("t", "on 13/01/50\non 01/14/50\non 01/14/50\non 05/06/50", 1)])
    assert warnings == [(4, "dates are written both day first (line 1) and month first (line 2); the ambiguous "
                            "ones are read month first, as most of them are")]


def test_day_slash_month_dash_year_of_a_russian_clerk():
    assert whens("13/5-50. Roshchin") == ["1950-05-13"]


def test_a_footnote_digit_glued_to_the_minutes_is_not_part_of_the_time():
    assert whens("Sent on 26.9.50 at 8:101 a.m., by wire") == ["1950-09-26T08:10:00"]


def test_an_hour_with_am_or_pm_and_no_minutes():
    assert whens("Washington, June 27, 1950—3 p. m.") == ["1950-06-27T15:00:00"]


def test_a_dash_joins_a_date_and_its_time():
    assert whens("Seoul, June 25, 1950—10 a.m.") == ["1950-06-25T10:00:00"]


def test_noon_is_twelve_oclock():
    assert whens("Moscow, June 29, 1950—noon.") == ["1950-06-29T12:00:00"]


def test_midnight_ends_its_day():
    assert whens("Tokyo, June 30, 1950—midnight.") == ["1950-07-01T00:00:00"]


def test_a_ratio_is_not_a_time():
    assert whens("a map at 1:100 scale") == []
