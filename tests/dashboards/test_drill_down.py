"""Every count links to the list behind it, already filtered, and that list shows the same count."""

import datetime

import pytest
from django.urls import reverse

from activities.models import Category as ActivityCategory
from activities.models import Topic
from incidents.models import Category, Disposition, RespondingUnit, Status
from officers.training import TrainingState
from tests.activities.factories import ActivityFactory
from tests.factories import AssignmentFactory
from tests.incidents.factories import IncidentFactory
from tests.officers.factories import TrainingRecordFactory, course, officer_for

from .conftest import at
from .helpers import shown_panels

SUBMITTED = Status.SUBMITTED


@pytest.fixture
def data(school, other_school, outside_school):
    for day, category in ((1, Category.BULLYING), (2, Category.BULLYING), (3, Category.THEFT)):
        IncidentFactory(school=school, status=SUBMITTED, occurred_at=at(2025, 10, day), category=category,
                        disposition=Disposition.POLICE_CAUTION)
    IncidentFactory(school=other_school, status=SUBMITTED, occurred_at=at(2025, 11, 30, 23, 30),
                    category=Category.BULLYING, called_at=at(2025, 11, 30, 23, 30),
                    on_scene_at=at(2025, 12, 1, 0, 10), responding_unit=RespondingUnit.SRO)
    IncidentFactory(school=school, status=SUBMITTED, occurred_at=at(2024, 10, 9), category=Category.BULLYING)
    IncidentFactory(school=outside_school, status=SUBMITTED, occurred_at=at(2025, 10, 1))
    IncidentFactory(school=school, status=Status.DRAFT, occurred_at=at(2025, 10, 1))
    ActivityFactory(school=school, date=datetime.date(2025, 9, 30), minutes=45)
    ActivityFactory(school=other_school, date=datetime.date(2025, 10, 1), minutes=45)
    ActivityFactory(school=school, date=datetime.date(2025, 11, 3), category=ActivityCategory.PRESENTATION,
                    topic=Topic.GANG_AWARENESS, students=20)


def linked_cells(client, coordinator, division, **params):
    client.force_login(coordinator)
    response = client.get(reverse("dashboards:division", args=[division.pk]), params)
    for panel in shown_panels(response).values():
        for row in [*panel.rows, *([panel.total] if panel.total else [])]:
            for cell in row.cells:
                if cell.href and isinstance(cell.value, int):
                    yield panel.slug, row.label, cell


def list_count(client, href):
    response = client.get(href)
    assert response.status_code == 200, href
    page = response.context["page"]
    return page.paginator.count


@pytest.mark.parametrize("params", [{}, {"level": "high"}, {"school": "kelvin"}, {"year": "2024–25"}])
def test_every_linked_count_equals_the_count_of_its_list(client, coordinator, division, school, data, params):
    if params.get("school"):
        params = {"school": school.pk}
    checked = 0
    for slug, label, cell in linked_cells(client, coordinator, division, **params):
        if slug in ("training", "terms-ending"):
            continue  # officer lists: their own test below
        assert list_count(client, cell.href) == cell.value, (slug, label, cell.href)
        checked += 1
    assert checked >= 5


def test_the_month_link_counts_an_incident_by_its_local_day(client, coordinator, division, data):
    # 30 November 23:30 in Winnipeg is already 1 December in UTC: it is a November incident.
    cells = {(slug, label): cell for slug, label, cell in linked_cells(client, coordinator, division)}
    cell = cells["incidents-by-month", "November 2025"]
    assert cell.value == 1 and list_count(client, cell.href) == 1


def test_response_time_counts_link_to_the_timed_incidents(client, coordinator, division, data):
    cells = {(slug, label): cell for slug, label, cell in linked_cells(client, coordinator, division)}
    cell = cells["response-times", "Incidents: SRO"]
    assert cell.value == 1 and list_count(client, cell.href) == 1


def test_training_counts_link_to_the_officers_behind_them(client, coordinator, division, school, other_school):
    done, missing = officer_for(division), officer_for(division)
    for officer in (done, missing):
        AssignmentFactory(officer=officer, school=school)
    TrainingRecordFactory(officer=done, course=course("nasro-basic"))
    AssignmentFactory(officer=officer_for(division), school=other_school, end=datetime.date(2025, 6, 30))
    cells = {(slug, label, cell.href.split("training=")[-1]): cell
             for slug, label, cell in linked_cells(client, coordinator, division) if slug == "training"}
    nasro = str(course("nasro-basic"))
    assert cells["training", nasro, TrainingState.COMPLETE].value == 1
    assert cells["training", nasro, TrainingState.MISSING].value == 1
    for cell in cells.values():
        assert list_count(client, cell.href) == cell.value, cell.href


def test_the_school_dashboard_links_equal_their_lists_too(client, principal, school, data):
    client.force_login(principal)
    response = client.get(reverse("dashboards:school", args=[school.pk]))
    checked = 0
    for panel in shown_panels(response).values():
        for row in [*panel.rows, *([panel.total] if panel.total else [])]:
            for cell in row.cells:
                if cell.href and isinstance(cell.value, int):
                    assert list_count(client, cell.href) == cell.value, (panel.slug, row.label, cell.href)
                    checked += 1
    assert checked >= 5
