"""The program overview: one row per division, grouped by province, with the program's totals."""

from decimal import Decimal

from django.core.cache import cache
from django.urls import reverse

from incidents.models import Status
from tests.incidents.factories import IncidentFactory

from .conftest import at


def overview(client, program_admin):
    cache.clear()
    client.force_login(program_admin)
    return client.get(reverse("dashboards:program")).context["panel"]


def test_each_division_with_its_rate_and_the_program_totals(client, program_admin, school, other_school,
                                                           outside_school):
    for day in (1, 2, 3):
        IncidentFactory(school=school, status=Status.SUBMITTED, occurred_at=at(2025, 10, day))
    IncidentFactory(school=outside_school, status=Status.SUBMITTED, occurred_at=at(2024, 10, 1))
    panel = overview(client, program_admin)
    rows = {row.label: [cell.value for cell in row.cells] for row in panel.rows}
    # Winnipeg: 2 schools, 600 students, 3 incidents = 5.0 per 1,000; none last year.
    assert rows[school.division.name][:7] == [2, 600, Decimal("0.0"), 3, Decimal("5.0"), 0, None]
    # Calgary: 1 school, 300 students, none this year, 1 last year: -100 %.
    assert rows[outside_school.division.name][3:7] == [0, Decimal("0.0"), 1, Decimal("-100.0")]
    assert [cell.value for cell in panel.total.cells][:7] == [3, 900, Decimal("0.0"), 3, Decimal("3.3"), 1,
                                                             Decimal("200.0")]
    assert all(row.href.startswith("/dashboards/division/") for row in panel.rows)
