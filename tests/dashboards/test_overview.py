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


def test_contact_hours_count_each_period_to_the_day(client, program_admin, coordinator, school, outside_school):
    """The year before counts to the same day (15 March): on PostgreSQL whole months come from the
    activity summary and the days of March from the entries; elsewhere all from the entries."""
    import datetime

    from activities.models import Category
    from tests.activities.factories import ActivityFactory

    for where, day, minutes in [(school, datetime.date(2025, 10, 6), 60), (school, datetime.date(2024, 10, 7), 30),
                                (school, datetime.date(2025, 3, 10), 90), (school, datetime.date(2025, 3, 20), 600),
                                (outside_school, datetime.date(2025, 11, 3), 120)]:
        ActivityFactory(school=where, date=day, minutes=minutes)
    ActivityFactory(school=school, date=datetime.date(2025, 10, 7), minutes=240, category=Category.ADMINISTRATION)
    rows = {row.label: [cell.value for cell in row.cells] for row in overview(client, program_admin).rows}
    # Winnipeg: 1.0 hour this year; 30 + 90 minutes = 2.0 hours last year to 15 March (not the 20th).
    assert rows[school.division.name][2] == Decimal("1.0")
    assert rows[outside_school.division.name][2] == Decimal("2.0")
    client.force_login(coordinator)
    home = client.get(reverse("home")).context["coordinator"]
    assert [cell.value for cell in home.rows[0].cells][2] == Decimal("1.0")
    from dashboards.periods import SchoolYear
    from dashboards.selectors.overview import _contact_minutes
    from schools.models import SchoolDivision

    divisions = list(SchoolDivision.objects.filter(pk=school.division_id))
    minutes = _contact_minutes(program_admin, {"program_admin"}, divisions, {school.division_id: {"n": 1}},
                               SchoolYear(2025))
    assert (minutes[school.division_id, "current"], minutes[school.division_id, "previous"]) == (60, 120)
    # Counted as if some of the division's schools were hidden (n differs): read from the entries.
    minutes = _contact_minutes(program_admin, {"program_admin"}, divisions, {school.division_id: {"n": 99}},
                               SchoolYear(2025))
    assert (minutes[school.division_id, "current"], minutes[school.division_id, "previous"]) == (60, 120)
