"""Small helpers shared by the dashboards' selectors."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Case, CharField, Q, Value, When

from ..periods import SchoolYear

CURRENT, PREVIOUS = "current", "previous"


def hours(minutes: int | None) -> Decimal:
    """Minutes as hours, one decimal."""
    return (Decimal(minutes or 0) / 60).quantize(Decimal("0.1"))


def two_years_q(field: str, year: SchoolYear) -> Q:
    """The chosen school year and the one before, on a date field (or ``<datetime>__date``). For a
    year under way, the year before counts only to the same day (``SchoolYear.previous_until``), so
    that the change from one to the other compares like with like."""
    return Q(**{f"{field}__gte": year.previous.first_day, f"{field}__lte": year.last_day}) & ~Q(
        **{f"{field}__gt": year.previous_until(), f"{field}__lt": year.first_day})


def period_of(field: str, year: SchoolYear) -> Case:
    """CURRENT for the chosen school year, PREVIOUS for the one before (with `two_years_q`)."""
    return Case(When(**{f"{field}__gte": year.first_day}, then=Value(CURRENT)),
                default=Value(PREVIOUS), output_field=CharField())
