import datetime

from officers.dates import Length, add_months, add_years, length_between

D = datetime.date


def test_add_years_keeps_the_calendar_day():
    assert add_years(D(2020, 9, 1), 5) == D(2025, 9, 1)


def test_add_years_turns_29_february_into_28_february():
    assert add_years(D(2020, 2, 29), 5) == D(2025, 2, 28)


def test_add_months_stops_at_the_end_of_a_shorter_month():
    assert add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)


def test_add_months_crosses_the_year():
    assert add_months(D(2026, 11, 15), 3) == D(2027, 2, 15)


def test_length_between_exact_years_has_no_days():
    assert length_between(D(2015, 9, 1), D(2020, 9, 1)) == Length(5, 0)


def test_length_between_one_day_short_of_five_years():
    assert length_between(D(2015, 9, 2), D(2020, 9, 1)) == Length(4, 365)


def test_length_reads_as_years_and_days():
    assert str(Length(4, 364)) == "4 years and 364 days"


def test_length_reads_singulars():
    assert str(Length(1, 1)) == "1 year and 1 day"


def test_length_of_whole_years_omits_days():
    assert str(Length(5, 0)) == "5 years"


def test_length_before_the_start_is_zero():
    assert length_between(D(2020, 1, 1), D(2019, 1, 1)) == Length(0, 0)
