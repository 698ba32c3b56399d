import datetime
from decimal import Decimal

import pytest

from costs.models import OfficerCostRate, PatrolCallCost
from tests.factories import AssignmentFactory, SchoolFactory
from tests.officers.factories import officer_for


@pytest.fixture
def fiscal_april(settings):
    settings.FISCAL_YEAR_START_MONTH = 4


def constable_rate(division, year=2025, cost="100000"):
    return OfficerCostRate.objects.create(police_service=division.police_service, rank="Constable",
                                          fiscal_year=year, annual_cost=Decimal(cost))


def patrol_cost(division, year=2025, cost="410"):
    return PatrolCallCost.objects.create(police_service=division.police_service, fiscal_year=year,
                                         cost_per_call=Decimal(cost))


@pytest.fixture
def worked_example(fiscal_april, division, other_division):
    """One constable (100,000 a year in 2025–26) at Kelvin (division 1, 500 students) from 1 April to
    30 September 2025, then at Outside School (division 2, 400 students) to 31 March 2026.
    The second division is served by the same police service (same province's program)."""
    other_division.police_service = division.police_service
    other_division.save()
    first = SchoolFactory(division=division, name="Kelvin", enrolment=500)
    second = SchoolFactory(division=other_division, name="Outside", enrolment=400)
    officer = officer_for(division, joined_service_on=datetime.date(2010, 1, 1))
    AssignmentFactory(officer=officer, school=first, start=datetime.date(2025, 4, 1), end=datetime.date(2025, 9, 30))
    AssignmentFactory(officer=officer, school=second, start=datetime.date(2025, 10, 1), end=datetime.date(2026, 3, 31))
    constable_rate(division)
    return {"officer": officer, "first": first, "second": second}
