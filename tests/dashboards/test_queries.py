"""Every dashboard runs a fixed number of queries whatever the data size."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from incidents.models import Category, Status
from tests.activities.factories import ActivityFactory
from tests.factories import AssignmentFactory, SchoolFactory
from tests.incidents.factories import AssessmentFactory, IncidentFactory
from tests.officers.factories import TrainingRecordFactory, officer_for

from .conftest import at


def fill(division, size):
    """`size` schools, each with incidents, activities, an officer with training and a follow-up."""
    for n in range(size):
        school = SchoolFactory(division=division)
        officer = officer_for(division)
        AssignmentFactory(officer=officer, school=school)
        TrainingRecordFactory(officer=officer)
        for category in (Category.BULLYING, Category.THEFT):
            incident = IncidentFactory(school=school, status=Status.SUBMITTED, category=category,
                                       occurred_at=at(2025, 10, n % 28 + 1))
        AssessmentFactory(incident=incident, follow_up_on=datetime.date(2026, 3, 1))
        ActivityFactory(school=school, officer=officer, date=datetime.date(2025, 10, 6))


def queries(client, url):
    cache.clear()  # dashboards and the program overview are cached: measure them computed
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("role", ["coordinator", "evaluator"])
def test_the_division_dashboard_runs_a_fixed_number_of_queries(client, request, division, role):
    client.force_login(request.getfixturevalue(role))
    url = reverse("dashboards:division", args=[division.pk])
    fill(division, 2)
    small = queries(client, url)
    fill(division, 8)
    assert queries(client, url) == small


def test_the_school_dashboard_runs_a_fixed_number_of_queries(client, principal, school, division):
    client.force_login(principal)
    url = reverse("dashboards:school", args=[school.pk])
    ActivityFactory(school=school, date=datetime.date(2025, 10, 1))
    small = queries(client, url)
    for day in range(1, 15):
        IncidentFactory(school=school, status=Status.SUBMITTED, occurred_at=at(2025, 10, day))
        ActivityFactory(school=school, date=datetime.date(2025, 10, day))
    assert queries(client, url) == small


@pytest.mark.parametrize("page", ["home", "dashboards:program"])
def test_the_program_overview_runs_a_fixed_number_of_queries(client, program_admin, division, other_division, page):
    client.force_login(program_admin)
    fill(division, 1)
    small = queries(client, reverse(page))
    fill(division, 4)
    fill(other_division, 4)
    assert queries(client, reverse(page)) == small


def cached_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_program_overview_is_computed_once_for_a_few_minutes(client, program_admin, division, school):
    client.force_login(program_admin)
    computed = queries(client, reverse("dashboards:program"))
    assert cached_queries(client, reverse("dashboards:program")) < computed


def test_a_dashboards_figures_are_shared_by_the_same_scope_only(client, coordinator, program_admin, evaluator,
                                                                division):
    fill(division, 2)
    url = reverse("dashboards:division", args=[division.pk])
    client.force_login(coordinator)
    computed = queries(client, url)
    again = cached_queries(client, url)
    assert again < computed
    # The program administrator sees the same schools through the same roles: the same figures.
    client.force_login(program_admin)
    assert cached_queries(client, url) == again
    # The evaluator's scope (aggregates only) is another: computed for them.
    client.force_login(evaluator)
    assert cached_queries(client, url) > again
    # A school chosen is another scope too.
    client.force_login(coordinator)
    assert cached_queries(client, url + f"?school={division.schools.first().pk}") > again


def _panels_part(html):
    return html[html.index('<h2 class="h5 mt-4">'):html.rindex("</section>")]


def test_the_rendered_panels_are_kept_per_scope_language_and_address(client, coordinator, division):
    fill(division, 2)
    url = reverse("dashboards:division", args=[division.pk])
    client.force_login(coordinator)
    first = client.get(url)
    again = client.get(url)
    assert _panels_part(again.text) == _panels_part(first.text)
    rendered = [[template.name for template in response.templates] for response in (first, again)]
    assert "dashboards/includes/panel.html" in rendered[0]
    assert "dashboards/includes/panel.html" not in rendered[1]  # kept, not rendered again
    first = first.text
    # French readers get French panels, not the English ones kept a moment ago.
    french = client.get(url, headers={"accept-language": "fr"}).text
    assert _panels_part(french) != _panels_part(first)
    # The CSV links carry the page's filters: another address, other links.
    year = client.get(url + "?year=2024").text
    assert 'year=2024' in _panels_part(year) and 'year=2024' not in _panels_part(first)
