"""The worked example (tests/costs/conftest.py), computed by hand:

FY 2025–26 has 365 days; 100,000 a year.
- Kelvin, 1 April – 30 September 2025: 183 days → 100,000 × 183 / 365 = 50,136.99; 500 students →
  100.27 per student. Division 1 shares 50 / 25 / 25: 25,068.49 + 12,534.25 + 12,534.25 (the two
  cents lost to rounding go to the largest remainders).
- Outside, 1 October 2025 – 31 March 2026: 182 days → 49,863.01; 400 students → 124.66 per student.
  One third each: 16,621.01 + 16,621.00 + 16,621.00.
"""

import datetime
from decimal import Decimal

import pytest
from django.http import Http404

from costs.models import OfficerCostOverride, PartnerShare
from costs.selectors import division_cost_summary, program_cost_summary
from incidents.models import Disposition, RespondingUnit, Status
from tests.factories import AssignmentFactory, SchoolFactory
from tests.incidents.factories import IncidentFactory
from tests.officers.factories import officer_for

from .conftest import constable_rate, patrol_cost


@pytest.fixture
def fifty_twenty_five(division):
    return PartnerShare.objects.create(division=division, fiscal_year=2025, province_percent=Decimal("50"),
                                       division_percent=Decimal("25"), police_service_percent=Decimal("25"))


def amounts(summary):
    return [part.amount for part in summary.partners]


def test_each_division_carries_the_days_the_officer_served_it(worked_example, program_admin, division,
                                                              other_division, fifty_twenty_five):
    first = division_cost_summary(user=program_admin, division=division, fiscal_year=2025)
    second = division_cost_summary(user=program_admin, division=other_division, fiscal_year=2025)
    assert (first.total, second.total) == (Decimal("50136.99"), Decimal("49863.01"))
    assert amounts(first) == [Decimal("25068.49"), Decimal("12534.25"), Decimal("12534.25")]
    assert amounts(second) == [Decimal("16621.01"), Decimal("16621.00"), Decimal("16621.00")]
    assert second.default_shares and not first.default_shares


def test_cost_per_school_and_per_student(worked_example, program_admin, division, other_division):
    first = division_cost_summary(user=program_admin, division=division, fiscal_year=2025)
    second = division_cost_summary(user=program_admin, division=other_division, fiscal_year=2025)
    [kelvin], [outside] = first.schools, second.schools
    assert (kelvin.cost, kelvin.days, kelvin.per_student) == (Decimal("50136.99"), Decimal("183.00"), Decimal("100.27"))
    assert (outside.cost, outside.per_student) == (Decimal("49863.01"), Decimal("124.66"))
    assert first.per_student == Decimal("100.27")


def test_the_officer_row_shows_the_police_service_part_of_a_gap(fiscal_april, division, program_admin):
    school = SchoolFactory(division=division, enrolment=100)
    officer = officer_for(division)
    AssignmentFactory(officer=officer, school=school, start=datetime.date(2025, 4, 1), end=datetime.date(2025, 6, 30))
    constable_rate(division, cost="73000")
    summary = division_cost_summary(user=program_admin, division=division, fiscal_year=2025)
    [row] = summary.officers
    assert (row.cost_here, row.unassigned_days, row.unassigned_cost) == (Decimal("18200.00"), 274, Decimal("54800.00"))
    assert summary.total == Decimal("18200.00")


def test_an_officer_s_own_cost_replaces_the_rank_s(worked_example, program_admin, division):
    OfficerCostOverride.objects.create(officer=worked_example["officer"], fiscal_year=2025,
                                       annual_cost=Decimal("73000"))
    summary = division_cost_summary(user=program_admin, division=division, fiscal_year=2025)
    assert summary.total == Decimal("36600.00")  # 73,000 × 183 / 365
    assert summary.officers[0].overridden


def test_an_officer_without_a_cost_is_counted_apart(fiscal_april, division, program_admin, school):
    AssignmentFactory(officer=officer_for(division, rank="Sergeant"), school=school, start=datetime.date(2025, 4, 1))
    summary = division_cost_summary(user=program_admin, division=division, fiscal_year=2025)
    assert (summary.total, summary.officers_without_cost) == (Decimal("0.00"), 1)


def resolved(school, unit, *, status=Status.CLOSED, when=datetime.datetime(2025, 10, 14, 10, 30, tzinfo=datetime.UTC)):
    return IncidentFactory(school=school, status=status, responding_unit=unit, occurred_at=when,
                           disposition=Disposition.INFORMAL_WARNING)


def test_savings_count_incidents_resolved_without_a_patrol_call(fiscal_april, division, school, coordinator):
    patrol_cost(division, cost="410")
    for unit in [RespondingUnit.SRO, RespondingUnit.SRO, ""]:
        resolved(school, unit)
    resolved(school, RespondingUnit.PATROL)  # a patrol unit came
    resolved(school, RespondingUnit.SRO, status=Status.SUBMITTED)  # not resolved yet
    resolved(school, RespondingUnit.SRO, when=datetime.datetime(2025, 3, 31, 12, tzinfo=datetime.UTC))  # 2024–25
    savings = division_cost_summary(user=coordinator, division=division, fiscal_year=2025).savings
    assert (savings.incidents, savings.cost_per_call, savings.amount) == (3, Decimal("410.00"), Decimal("1230.00"))


def test_evaluators_get_totals_only_and_no_small_incident_count(worked_example, evaluator, division, school):
    patrol_cost(division)
    resolved(school, RespondingUnit.SRO)
    summary = division_cost_summary(user=evaluator, division=division, fiscal_year=2025)
    assert summary.total == Decimal("50136.99") and summary.school_count == 1
    assert (summary.schools, summary.officers) == ([], [])
    assert (summary.savings.incidents, summary.savings.amount) == (None, None)


def test_a_division_outside_the_scope_is_not_found(worked_example, coordinator, other_division):
    with pytest.raises(Http404):
        division_cost_summary(user=coordinator, division=other_division, fiscal_year=2025)


def test_the_program_adds_up_the_divisions_the_user_sees(worked_example, coordinator, program_admin):
    assert program_cost_summary(user=coordinator, fiscal_year=2025).total == Decimal("50136.99")
    program = program_cost_summary(user=program_admin, fiscal_year=2025)
    assert program.total == Decimal("100000.00")
    assert sum(p.amount for p in program.partners) == Decimal("100000.00")
