"""Fiscal years: the partners budget from FISCAL_YEAR_START_MONTH (April by default) to the month
before it. A fiscal year is named by the calendar year it starts in: 2025 is April 2025 – March 2026,
labelled "2025–26" (or "2025" when it starts in January)."""

import datetime

from django.conf import settings


def start_month() -> int:
    return settings.FISCAL_YEAR_START_MONTH


def fiscal_year_of(day: datetime.date) -> int:
    """The fiscal year `day` belongs to (the calendar year it starts in)."""
    return day.year if day.month >= start_month() else day.year - 1


def bounds(year: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of fiscal year `year`."""
    first = datetime.date(year, start_month(), 1)
    following = datetime.date(year + 1, start_month(), 1)
    return first, following - datetime.timedelta(days=1)


def length_in_days(year: int) -> int:
    first, last = bounds(year)
    return (last - first).days + 1


def label(year: int) -> str:
    if start_month() == 1:
        return str(year)
    return f"{year}–{(year + 1) % 100:02d}"


def for_school_year(start_year: int) -> int:
    """The fiscal year holding most of the school year that starts in September of `start_year`
    (the school year's middle, 1 February, decides: April–March puts 2025–26 in 2025–26)."""
    return fiscal_year_of(datetime.date(start_year + 1, 2, 1))
