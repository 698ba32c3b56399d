"""Calendar arithmetic for service lengths and terms. Pure functions, no database."""

import calendar
import datetime
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

# A day before any term: the open start of "terms that already ended".
LONG_AGO = datetime.date(1900, 1, 1)


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day `years` later (or earlier); 29 February becomes 28 February
    in a year that has none."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the last day of that month when it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Length:
    """A length of time in whole years and the days left over."""

    years: int
    days: int

    def __str__(self):
        years = ngettext("%(n)d year", "%(n)d years", self.years) % {"n": self.years}
        days = ngettext("%(n)d day", "%(n)d days", self.days) % {"n": self.days}
        if not self.days:
            return years
        if not self.years:
            return days
        return gettext("%(years)s and %(days)s") % {"years": years, "days": days}

    def at_least(self, years: int) -> bool:
        return self.years >= years


def length_between(start: datetime.date, end: datetime.date) -> Length:
    """Whole years from `start` to `end`, then the remaining days (zero when `end` is before)."""
    if end < start:
        return Length(0, 0)
    years = end.year - start.year
    if add_years(start, years) > end:
        years -= 1
    return Length(years, (end - add_years(start, years)).days)
