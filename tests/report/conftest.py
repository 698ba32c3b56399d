"""A small data set worked out by hand: six schools of 1,000 students in the Winnipeg division;
Kelvin, A and B are served by an SRO from April 2025 (so in 2025–26), C, D and E are not.
Baseline 2023–24, last year 2024–25, the report's year 2025–26."""

import datetime
from decimal import Decimal

import pytest

from costs.models import OfficerCostRate
from tests.factories import AssignmentFactory, SchoolFactory
from tests.officers.factories import officer_for

BASELINE, LAST, YEAR = 2023, 2024, 2025


@pytest.fixture
def six_schools(settings, division, school):
    settings.FISCAL_YEAR_START_MONTH = 4
    school.enrolment = 1000
    school.save()
    served = [school, *(SchoolFactory(division=division, name=n, enrolment=1000) for n in "AB")]
    not_served = [SchoolFactory(division=division, name=n, enrolment=1000) for n in "CDE"]
    officer = officer_for(division)
    for s in served:
        AssignmentFactory(officer=officer, school=s, start=datetime.date(2025, 4, 1))
    OfficerCostRate.objects.create(police_service=division.police_service, rank="Constable", fiscal_year=2025,
                                   annual_cost=Decimal("90000"))
    return {"served": served, "not_served": not_served, "officer": officer}
