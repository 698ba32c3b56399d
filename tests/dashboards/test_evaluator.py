"""Evaluators see aggregates only: small counts suppressed so that none can be worked out from the
figures shown, no name, no link to a record."""

import datetime

import pytest
from django.urls import reverse

from incidents.models import Category, RespondingUnit, Status
from tests.factories import AssignmentFactory
from tests.incidents.factories import IncidentFactory
from tests.officers.factories import officer_for

from .conftest import at
from .helpers import shown_panels

SUBMITTED = Status.SUBMITTED


def dashboard(client, user, division, **params):
    client.force_login(user)
    response = client.get(reverse("dashboards:division", args=[division.pk]), params)
    assert response.status_code == 200
    return response


def panels(response):
    return shown_panels(response)


def make(school, category, count, when=None):
    for day in range(count):
        IncidentFactory(school=school, status=SUBMITTED, category=category,
                        occurred_at=when or at(2025, 10, day + 1))


@pytest.mark.parametrize(("count", "hidden"), [(4, True), (5, False)])
def test_an_incident_count_of_4_is_hidden_and_5_is_shown(client, evaluator, division, school, count, hidden):
    make(school, Category.THEFT, count)
    make(school, Category.BULLYING, 12, when=at(2025, 11, 3))
    make(school, Category.ASSAULT, 6, when=at(2025, 12, 3))
    theft = [r for r in panels(dashboard(client, evaluator, division))["incidents-by-category"].rows
             if r.label == "Theft"][0]
    assert theft.cells[0].hidden is hidden
    assert theft.cells[1].hidden is hidden  # the rate would give the count back


def test_no_hidden_count_can_be_worked_out_from_the_totals(client, evaluator, division, school, other_school):
    make(school, Category.THEFT, 2)
    make(school, Category.BULLYING, 7, when=at(2025, 11, 3))
    make(other_school, Category.ASSAULT, 9, when=at(2025, 12, 3))
    make(other_school, Category.ASSAULT, 6, when=at(2024, 12, 3))
    for slug in ("incidents-by-category", "incidents-by-month", "incidents-by-category-and-month"):
        panel = panels(dashboard(client, evaluator, division))[slug]
        count_columns = range(len(panel.columns)) if slug.endswith("-and-month") else (0, 2)
        for column in count_columns:
            cells = [row.cells[column] for row in panel.rows]
            if not panel.total.cells[column].hidden:
                assert sum(cell.hidden for cell in cells) != 1, (slug, column)
        for row in panel.rows:
            if slug.endswith("-and-month"):
                counts = row.cells
                assert row.cells[-1].hidden or sum(cell.hidden for cell in counts[:-1]) != 1, (slug, row.label)


def test_the_evaluator_sees_no_name_and_no_link_to_records(client, evaluator, division, school):
    officer = officer_for(division, user__last_name="Constablename")
    AssignmentFactory(officer=officer, school=school)
    make(school, Category.BULLYING, 6)
    response = dashboard(client, evaluator, division)
    assert "Constablename" not in response.text
    assert reverse("incidents:incident_list") not in response.text
    assert reverse("activities:list") not in response.text
    assert not {"reviews-open", "follow-ups-overdue", "training", "terms-ending"} & panels(response).keys()


def test_the_evaluator_has_no_school_or_level_filter(client, evaluator, division, school):
    make(school, Category.BULLYING, 6)
    response = dashboard(client, evaluator, division, school=school.pk, level="high")
    assert set(response.context["form"].fields) == {"year"}
    assert response.context["scope"].school is None


def test_medians_of_fewer_than_5_responses_are_hidden(client, evaluator, division, school):
    for minutes in (5, 7, 9):
        called = at(2025, 10, 3, 9)
        IncidentFactory(school=school, status=SUBMITTED, occurred_at=called, called_at=called,
                        on_scene_at=called + datetime.timedelta(minutes=minutes), responding_unit=RespondingUnit.SRO)
    panel = panels(dashboard(client, evaluator, division))["response-times"]
    sro = [r for r in panel.rows if r.label == "Incidents: SRO"][0]
    assert all(cell.hidden for cell in sro.cells[:3])


def test_a_coordinator_sees_the_small_counts_of_their_division(client, coordinator, division, school):
    make(school, Category.THEFT, 2)
    theft = [r for r in panels(dashboard(client, coordinator, division))["incidents-by-category"].rows
             if r.label == "Theft"][0]
    assert theft.cells[0].value == 2 and not theft.cells[0].hidden


def test_the_evaluator_csv_holds_the_suppressed_table(client, evaluator, division, school):
    make(school, Category.THEFT, 2)
    make(school, Category.BULLYING, 12, when=at(2025, 11, 3))
    client.force_login(evaluator)
    response = client.get(reverse("dashboards:division_csv", args=[division.pk, "incidents-by-category"]))
    text = b"".join(response.streaming_content).decode()
    theft = [line for line in text.splitlines() if line.startswith("Theft")][0]
    assert theft.split(",")[1] == "suppressed (small count)"


def test_the_evaluator_cannot_export_a_records_panel(client, evaluator, division):
    client.force_login(evaluator)
    assert client.get(reverse("dashboards:division_csv", args=[division.pk, "training"])).status_code == 404
