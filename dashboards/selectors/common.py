"""Small helpers shared by the dashboards' selectors."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Case, CharField, Q, Value, When

from common.dates import start_of_day

from ..periods import SchoolYear

CURRENT, PREVIOUS = "current", "previous"


def hours(minutes: int | None) -> Decimal:
    """Minutes as hours, one decimal."""
    return (Decimal(minutes or 0) / 60).quantize(Decimal("0.1"))


def _bounds(field: str, first, last) -> dict:
    """Lookups for `first` ≤ day ≤ `last` on a date field, or on ``<datetime>__date`` as a range of
    local times: the database compares the stored times with two instants (and can use an index)
    instead of converting every row's time to a local date."""
    if field.endswith("__date"):
        return {f"{field[:-6]}__gte": start_of_day(first),
                f"{field[:-6]}__lt": start_of_day(last + datetime.timedelta(days=1))}
    return {f"{field}__gte": first, f"{field}__lte": last}


def two_years_q(field: str, year: SchoolYear) -> Q:
    """The chosen school year and the one before, on a date field (or ``<datetime>__date``). For a
    year under way, the year before counts only to the same day (``SchoolYear.previous_until``), so
    that the change from one to the other compares like with like."""
    return Q(**_bounds(field, year.previous.first_day, year.previous_until())) | Q(
        **_bounds(field, year.first_day, year.last_day))


def period_of(field: str, year: SchoolYear) -> Case:
    """CURRENT for the chosen school year, PREVIOUS for the one before (with `two_years_q`)."""
    since = {f"{field[:-6]}__gte": start_of_day(year.first_day)} if field.endswith("__date") else {
        f"{field}__gte": year.first_day}
    return Case(When(**since, then=Value(CURRENT)), default=Value(PREVIOUS), output_field=CharField())


def two_year_periods(year: SchoolYear) -> dict:
    """The same two periods as `two_years_q`, as {CURRENT or PREVIOUS: (first day, last day)}."""
    return {CURRENT: (year.first_day, year.last_day), PREVIOUS: (year.previous.first_day, year.previous_until())}
