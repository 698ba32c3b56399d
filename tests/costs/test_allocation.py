import datetime
from decimal import Decimal
from fractions import Fraction

from costs.allocation import Period, split_between_partners, split_officer

APRIL, MARCH = datetime.date(2025, 4, 1), datetime.date(2026, 3, 31)


def test_an_officer_at_ten_schools_splits_each_day_evenly():
    periods = [Period(school, APRIL, None) for school in range(10)]
    split = split_officer(Decimal("100000"), periods, APRIL, MARCH)
    assert set(split.by_school.values()) == {Fraction(10000)}
    assert split.unassigned_days == 0


def test_days_between_assignments_stay_with_the_police_service():
    # 1 April – 30 June 2025: 91 days; then nothing.
    split = split_officer(Decimal("73000"), [Period(1, APRIL, datetime.date(2025, 6, 30))], APRIL, MARCH)
    assert split.by_school == {1: Fraction(73000 * 91, 365)}
    assert (split.assigned_days, split.unassigned_days) == (91, 274)
    assert split.unassigned_cost == Fraction(73000 * 274, 365)


def test_assignments_are_clipped_to_the_fiscal_year():
    split = split_officer(Decimal("36500"), [Period(1, datetime.date(2020, 9, 1), datetime.date(2025, 4, 10))],
                          APRIL, MARCH)
    assert split.by_school == {1: Fraction(1000)}  # 10 days × 100 a day


def test_a_day_shared_by_two_schools_counts_half_for_each():
    periods = [Period(1, APRIL, datetime.date(2025, 4, 10)), Period(2, datetime.date(2025, 4, 6), None)]
    split = split_officer(Decimal("36500"), periods, APRIL, MARCH)
    # School 1: 5 days alone + 5 shared = 7.5 days; school 2: 5 shared + 355 alone = 357.5 days.
    assert split.school_days == {1: Fraction(15, 2), 2: Fraction(715, 2)}
    assert split.by_school == {1: Fraction(750), 2: Fraction(35750)}


def test_partner_parts_add_up_to_the_total_to_the_cent():
    parts = split_between_partners(Decimal("100.00"), {"a": Fraction(100, 3), "b": Fraction(100, 3),
                                                       "c": Fraction(100, 3)})
    assert parts == {"a": Decimal("33.34"), "b": Decimal("33.33"), "c": Decimal("33.33")}
