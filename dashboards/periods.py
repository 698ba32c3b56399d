"""School years as date ranges, and the change from one year to the next.

A school year runs September to June; July and August count with the year that follows
(``evaluations.models.school_year_of``), so the year "2025–26" is 1 July 2025 to 30 June 2026 and
no day belongs to two years or to none.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from evaluations.models import normalize_school_year, school_year_of

# How many school years the year picker offers, counting back from the current one.
YEARS_OFFERED = 6


@dataclass(frozen=True, order=True)
class SchoolYear:
    start_year: int

    @classmethod
    def of(cls, day: datetime.date) -> SchoolYear:
        return cls(int(school_year_of(day)[:4]))

    @classmethod
    def current(cls) -> SchoolYear:
        return cls.of(timezone.localdate())

    @classmethod
    def parse(cls, value: str) -> SchoolYear:
        """"2025–26" or "2025-26"; raises ValidationError otherwise."""
        return cls(int(normalize_school_year(value)[:4]))

    @property
    def label(self) -> str:
        return f"{self.start_year}–{(self.start_year + 1) % 100:02d}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.start_year, 7, 1)

    @property
    def last_day(self) -> datetime.date:
        return datetime.date(self.start_year + 1, 6, 30)

    @property
    def previous(self) -> SchoolYear:
        return SchoolYear(self.start_year - 1)

    @property
    def months(self) -> list[datetime.date]:
        """The first day of each of its twelve months, July to June."""
        return [datetime.date(self.start_year + (month < 7), month, 1) for month in (*range(7, 13), *range(1, 7))]

    def previous_until(self, today: datetime.date | None = None) -> datetime.date:
        """The last day of the previous year that its figures count: a year under way is compared
        with the same part of the year before (to the same day), a past year with the whole of it."""
        today = today or timezone.localdate()
        if not self.contains(today):
            return self.previous.last_day
        if today.month == 2 and today.day == 29:
            return datetime.date(today.year - 1, 2, 28)
        return datetime.date(today.year - 1, today.month, today.day)

    @property
    def is_under_way(self) -> bool:
        return self.contains(timezone.localdate())

    def contains(self, day: datetime.date) -> bool:
        return self.first_day <= day <= self.last_day

    def __str__(self):
        return self.label


def month_last_day(first: datetime.date) -> datetime.date:
    following = datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def week_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday to Sunday of the week holding `day`."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def change_percent(current: int | float | None, previous: int | float | None) -> Decimal | None:
    """Year-over-year change in per cent, one decimal; None when either figure is hidden or the
    previous one is zero (no change can be stated from nothing)."""
    if current is None or previous is None or not previous:
        return None
    return (Decimal(current - previous) * 100 / Decimal(previous)).quantize(Decimal("0.1"))
