"""Reads about costs, scoped to the user, in a fixed number of queries whatever the number of
divisions, schools, officers or incidents.

Scope: the divisions the user sees through COST_ROLES (``SchoolDivision.objects.visible_to``, built
on the one school scope). Coordinators and program administrators see each division's schools and
officers; evaluators see division totals only, with small incident counts suppressed.

For the dashboards: ``division_cost_summary(user=..., division=..., fiscal_year=...)`` and
``program_cost_summary(user=..., fiscal_year=...)``, rendered by ``templates/costs/_panel.html``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404

from common.dates import day_bounds
from common.suppression import INCIDENT_MINIMUM, is_small
from incidents.models import Incident, RespondingUnit, Status, scoped_incident_q
from officers.models import Assignment, Officer
from schools.models import School, SchoolDivision

from . import fiscal
from .allocation import ONE_THIRD, Period, split_between_partners, split_officer, to_money
from .models import (
    COST_DETAIL_ROLES,
    COST_ROLES,
    OfficerCostOverride,
    OfficerCostRate,
    Partner,
    PartnerShare,
    PatrolCallCost,
)

PARTNERS = [Partner.PROVINCE, Partner.DIVISION, Partner.POLICE_SERVICE]
DEFAULT_PERCENTS = dict.fromkeys(PARTNERS, ONE_THIRD * 100)


def divisions_for(user, *, detail: bool = False):
    """The divisions whose costs the user may read (with schools and officers when `detail`)."""
    roles = COST_DETAIL_ROLES if detail else COST_ROLES
    return SchoolDivision.objects.visible_to(user, roles=roles).select_related("police_service", "province")


def get_division_for_user(user, pk) -> SchoolDivision:
    """A division whose costs the user may read, or 404."""
    return get_object_or_404(divisions_for(user), pk=pk)


def may_see_detail(user, division) -> bool:
    """Schools and officers of `division`: coordinators of it and program administrators (one query)."""
    return divisions_for(user, detail=True).filter(pk=division.pk).exists()


@dataclass
class SchoolCost:
    school: School
    cost: Decimal
    days: Decimal  # days of SRO presence (a day shared by k schools counts 1/k)

    @property
    def per_student(self) -> Decimal | None:
        return to_money(self.cost / self.school.enrolment) if self.school.enrolment else None


@dataclass
class OfficerCost:
    officer: Officer
    annual_cost: Decimal | None  # None: no cost set for the officer's rank and year
    overridden: bool
    cost_here: Decimal
    days_here: Decimal
    assigned_days: int
    unassigned_days: int
    unassigned_cost: Decimal


@dataclass
class PartnerPart:
    partner: str
    label: str
    percent: Decimal
    amount: Decimal


@dataclass
class Savings:
    incidents: int | None  # None: hidden (a small count, for readers of aggregates)
    cost_per_call: Decimal | None  # None: not set for the police service and year
    amount: Decimal | None

    @property
    def formula_ready(self) -> bool:
        return self.incidents is not None and self.cost_per_call is not None


@dataclass
class DivisionCost:
    division: SchoolDivision
    fiscal_year: int
    total: Decimal
    enrolment: int  # of the schools that carry a cost
    partners: list[PartnerPart]
    default_shares: bool
    savings: Savings
    detail: bool
    officers_without_cost: int
    school_count: int  # schools that carry a cost
    schools: list[SchoolCost] = field(default_factory=list)
    officers: list[OfficerCost] = field(default_factory=list)

    @property
    def fiscal_year_label(self) -> str:
        return fiscal.label(self.fiscal_year)

    @property
    def per_student(self) -> Decimal | None:
        return to_money(self.total / self.enrolment) if self.enrolment else None


def savings_incidents(user, fiscal_year: int, division_ids):
    """Incidents resolved with no patrol unit called: closed, in the fiscal year, with the SRO (or
    no police unit) responding. {division id: count}."""
    start, end = day_bounds(*fiscal.bounds(fiscal_year))
    rows = (
        Incident.objects.filter(scoped_incident_q(user, roles=COST_ROLES))
        .filter(status=Status.CLOSED, occurred_at__gte=start, occurred_at__lt=end,
                school__division__in=division_ids)
        .exclude(responding_unit=RespondingUnit.PATROL)
        .order_by().values("school__division").annotate(n=Count("pk"))
    )
    return {row["school__division"]: row["n"] for row in rows}


def division_costs(*, user, fiscal_year: int, divisions=None) -> list[DivisionCost]:
    """Each division's costs for `fiscal_year` (all divisions the user may read, or `divisions`,
    which must come from ``divisions_for``). Nine queries whatever the data."""
    first, last = fiscal.bounds(fiscal_year)
    divisions = list(divisions if divisions is not None else divisions_for(user))
    if not divisions:
        return []
    division_ids = [d.pk for d in divisions]
    detail_ids = set(divisions_for(user, detail=True).filter(pk__in=division_ids).values_list("pk", flat=True))
    in_year = Assignment.objects.overlapping(first, last)
    serving = in_year.filter(school__division__in=division_ids).values("officer_id")
    # Every assignment of those officers in the year, in any division: an officer's day is split
    # over all the schools they serve that day, wherever they are.
    periods = defaultdict(list)
    school_division = {}
    for officer_id, school_id, division_id, start, end in in_year.filter(officer__in=serving).values_list(
        "officer_id", "school_id", "school__division_id", "start", "end"
    ):
        periods[officer_id].append(Period(school_id, start, end))
        school_division[school_id] = division_id
    officers = {o.pk: o for o in Officer.objects.filter(pk__in=periods).select_related("user", "police_service")}
    rates = {(r.police_service_id, r.rank.casefold()): r.annual_cost
             for r in OfficerCostRate.objects.filter(fiscal_year=fiscal_year)}
    overrides = {o.officer_id: o.annual_cost
                 for o in OfficerCostOverride.objects.filter(fiscal_year=fiscal_year, officer__in=periods.keys())}
    shares = {s.division_id: s for s in PartnerShare.objects.filter(fiscal_year=fiscal_year, division__in=division_ids)}
    call_costs = {c.police_service_id: c.cost_per_call for c in PatrolCallCost.objects.filter(fiscal_year=fiscal_year)}
    resolved = savings_incidents(user, fiscal_year, division_ids)

    school_cost = defaultdict(Fraction)
    school_days = defaultdict(Fraction)
    officer_rows = defaultdict(list)
    without_cost = defaultdict(set)
    for officer_id, officer_periods in periods.items():
        officer = officers[officer_id]
        annual = overrides.get(officer_id, rates.get((officer.police_service_id, officer.rank.casefold())))
        split = split_officer(annual, officer_periods, first, last)
        here = defaultdict(lambda: [Fraction(0), Fraction(0)])
        for school_id, days in split.school_days.items():
            division_id = school_division[school_id]
            school_days[school_id] += days
            school_cost[school_id] += split.by_school.get(school_id, Fraction(0))
            here[division_id][0] += split.by_school.get(school_id, Fraction(0))
            here[division_id][1] += days
            if annual is None:
                without_cost[division_id].add(officer_id)
        for division_id, (cost, days) in here.items():
            officer_rows[division_id].append(OfficerCost(
                officer=officer, annual_cost=annual, overridden=officer_id in overrides,
                cost_here=to_money(cost), days_here=to_money(days), assigned_days=split.assigned_days,
                unassigned_days=split.unassigned_days, unassigned_cost=to_money(split.unassigned_cost),
            ))
    schools = {s.pk: s for s in School.objects.filter(pk__in=school_cost.keys(), division__in=division_ids)}
    schools_of = defaultdict(list)
    for school in schools.values():
        schools_of[school.division_id].append(school.pk)

    result = []
    for division in divisions:
        ids = schools_of[division.pk]
        total = to_money(sum((school_cost[s] for s in ids), Fraction(0)))
        share = shares.get(division.pk)
        percents = share.percents() if share else DEFAULT_PERCENTS
        paid = split_between_partners(total, percents)
        labels = dict(Partner.choices)
        detail = division.pk in detail_ids
        count = resolved.get(division.pk, 0)
        if not detail and is_small(count, INCIDENT_MINIMUM):
            count = None
        per_call = call_costs.get(division.police_service_id)
        amount = None if count is None or per_call is None else to_money(per_call * count)
        row = DivisionCost(
            division=division, fiscal_year=fiscal_year, total=total,
            enrolment=sum(schools[s].enrolment for s in ids),
            partners=[PartnerPart(p, labels[p], to_money(Fraction(percents[p])), paid[p]) for p in PARTNERS],
            default_shares=share is None, savings=Savings(count, per_call, amount), detail=detail,
            officers_without_cost=len(without_cost[division.pk]), school_count=len(ids),
        )
        if detail:
            row.schools = sorted(
                (SchoolCost(schools[s], to_money(school_cost[s]), to_money(school_days[s])) for s in ids),
                key=lambda c: c.school.name)
            row.officers = sorted(officer_rows[division.pk], key=lambda c: (c.officer.user.last_name,
                                                                             c.officer.user.first_name))
        result.append(row)
    return result


def division_cost_summary(*, user, division, fiscal_year: int) -> DivisionCost:
    """One division's costs for the dashboards; 404 when the division is outside the user's scope."""
    rows = division_costs(user=user, fiscal_year=fiscal_year, divisions=divisions_for(user).filter(pk=division.pk))
    if not rows:
        raise Http404
    return rows[0]


@dataclass
class ProgramCost:
    fiscal_year: int
    divisions: list[DivisionCost]

    @property
    def fiscal_year_label(self) -> str:
        return fiscal.label(self.fiscal_year)

    @property
    def total(self) -> Decimal:
        return sum((d.total for d in self.divisions), Decimal("0.00"))

    @property
    def enrolment(self) -> int:
        return sum(d.enrolment for d in self.divisions)

    @property
    def per_student(self) -> Decimal | None:
        return to_money(self.total / self.enrolment) if self.enrolment else None

    @property
    def partners(self) -> list[PartnerPart]:
        if not self.divisions:
            return []
        parts = []
        for index, first in enumerate(self.divisions[0].partners):
            amount = sum((d.partners[index].amount for d in self.divisions), Decimal("0.00"))
            percent = to_money(100 * amount / self.total) if self.total else first.percent
            parts.append(PartnerPart(first.partner, first.label, percent, amount))
        return parts

    @property
    def savings(self) -> Savings:
        """Summed over divisions; hidden when any division's count is hidden (the sum would give it
        away) and without a cost per call when a division with such incidents has none."""
        counts = [d.savings.incidents for d in self.divisions]
        if any(c is None for c in counts):
            return Savings(None, None, None)
        amounts = [d.savings.amount for d in self.divisions if d.savings.incidents]
        amount = None if any(a is None for a in amounts) else sum(amounts, Decimal("0.00"))
        per_call = {d.savings.cost_per_call for d in self.divisions if d.savings.incidents}
        return Savings(sum(counts), per_call.pop() if len(per_call) == 1 else None, amount)

    @property
    def officers_without_cost(self) -> int:
        return sum(d.officers_without_cost for d in self.divisions)


def program_cost_summary(*, user, fiscal_year: int) -> ProgramCost:
    """Every division the user may read, with program totals (the program overview)."""
    return ProgramCost(fiscal_year, division_costs(user=user, fiscal_year=fiscal_year))
