import datetime

from costs import fiscal


def test_the_last_day_of_march_belongs_to_the_fiscal_year_before(settings):
    settings.FISCAL_YEAR_START_MONTH = 4
    assert fiscal.fiscal_year_of(datetime.date(2026, 3, 31)) == 2025
    assert fiscal.fiscal_year_of(datetime.date(2026, 4, 1)) == 2026


def test_a_fiscal_year_runs_from_its_first_month_to_the_month_before(settings):
    settings.FISCAL_YEAR_START_MONTH = 4
    assert fiscal.bounds(2025) == (datetime.date(2025, 4, 1), datetime.date(2026, 3, 31))
    assert fiscal.length_in_days(2025) == 365
    assert fiscal.length_in_days(2027) == 366  # 29 February 2028
    assert fiscal.label(2025) == "2025–26"


def test_the_first_month_is_a_setting(settings):
    settings.FISCAL_YEAR_START_MONTH = 1
    assert fiscal.bounds(2025) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert fiscal.fiscal_year_of(datetime.date(2025, 12, 31)) == 2025
    assert fiscal.label(2025) == "2025"


def test_a_school_year_goes_with_the_fiscal_year_holding_its_middle(settings):
    settings.FISCAL_YEAR_START_MONTH = 4
    assert fiscal.for_school_year(2025) == 2025  # September 2025 – June 2026 → April 2025 – March 2026
    settings.FISCAL_YEAR_START_MONTH = 1
    assert fiscal.for_school_year(2025) == 2026
