"""The arithmetic of costs, free of queries so that it can be checked by hand.

An officer's annual cost is spread evenly over the days of the fiscal year. On each day the officer
is assigned to k schools, each of them carries 1/k of that day's cost; on a day with no assignment
the cost stays with the police service (it is no school's). Amounts are kept as exact fractions
and rounded to the cent only when shown, so that parts add up to the whole.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

CENT = Decimal("0.01")
ONE_THIRD = Fraction(1, 3)


def to_money(value: Fraction | Decimal | int) -> Decimal:
    """An exact amount rounded half up to the cent."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Period:
    school_id: int
    start: datetime.date
    end: datetime.date | None  # None: open-ended


@dataclass
class OfficerSplit:
    """One officer's fiscal year: each school's share of the cost and the days behind it."""

    annual_cost: Fraction | None
    by_school: dict[int, Fraction]  # school id → cost
    school_days: dict[int, Fraction]  # school id → days (a day shared by k schools counts 1/k each)
    assigned_days: int
    year_days: int

    @property
    def unassigned_days(self) -> int:
        return self.year_days - self.assigned_days

    @property
    def unassigned_cost(self) -> Fraction:
        """The police service's part: the days between assignments."""
        if self.annual_cost is None:
            return Fraction(0)
        return self.annual_cost * self.unassigned_days / self.year_days


def split_officer(annual_cost: Decimal | None, periods: Iterable[Period], first: datetime.date,
                  last: datetime.date) -> OfficerSplit:
    """Spread `annual_cost` over the schools of `periods` for the fiscal year `first`–`last`."""
    year_days = (last - first).days + 1
    # Day boundaries where the set of schools changes, clipped to the fiscal year.
    changes: dict[datetime.date, list[tuple[int, int]]] = defaultdict(list)
    for period in periods:
        start = max(period.start, first)
        end = min(period.end or last, last)
        if start > end:
            continue
        changes[start].append((period.school_id, +1))
        changes[end + datetime.timedelta(days=1)].append((period.school_id, -1))
    open_counts: dict[int, int] = defaultdict(int)
    school_days: dict[int, Fraction] = defaultdict(Fraction)
    assigned = 0
    days = sorted(changes)
    for here, following in zip(days, days[1:], strict=False):
        for school_id, step in changes[here]:
            open_counts[school_id] += step
        schools = [s for s, n in open_counts.items() if n > 0]
        length = (following - here).days
        if schools and length:
            assigned += length
            for school_id in schools:
                school_days[school_id] += Fraction(length, len(schools))
    cost = None if annual_cost is None else Fraction(annual_cost)
    by_school = {} if cost is None else {s: cost * d / year_days for s, d in school_days.items()}
    return OfficerSplit(cost, by_school, dict(school_days), assigned, year_days)


def split_between_partners(total: Decimal, percents: Mapping[str, Fraction | Decimal]) -> dict[str, Decimal]:
    """What each partner pays of `total` (in cents), by their percent; the cents lost to rounding go
    to the largest remainders, so the parts always add up to the total."""
    cents = int((total / CENT).to_integral_value())
    exact = {key: Fraction(cents) * Fraction(p) / 100 for key, p in percents.items()}
    paid = {key: int(value) for key, value in exact.items()}  # floor: amounts are never negative
    left = cents - sum(paid.values())
    for key in sorted(exact, key=lambda k: (exact[k] - paid[k], -list(exact).index(k)), reverse=True)[:left]:
        paid[key] += 1
    return {key: Decimal(n) * CENT for key, n in paid.items()}
