"""Every dashboard renders for the roles that may open it (figures are tested elsewhere)."""

from django.urls import reverse

from incidents.models import Status
from tests.incidents.factories import IncidentFactory

from .conftest import at


def test_division_dashboard_renders_for_the_coordinator(client, coordinator, division, school):
    IncidentFactory(school=school, status=Status.SUBMITTED, occurred_at=at(2025, 10, 1))
    client.force_login(coordinator)
    response = client.get(reverse("dashboards:division", args=[division.pk]))
    assert response.status_code == 200


def test_school_dashboard_renders_for_the_principal(client, principal, school):
    client.force_login(principal)
    assert client.get(reverse("dashboards:school", args=[school.pk])).status_code == 200


def test_home_renders_for_every_role(client, sro, principal, coordinator, evaluator, program_admin):
    for user in (sro, principal, coordinator, evaluator, program_admin):
        client.force_login(user)
        assert client.get(reverse("home")).status_code == 200


def test_program_overview_renders(client, program_admin, school):
    client.force_login(program_admin)
    assert client.get(reverse("dashboards:program")).status_code == 200


def test_evaluator_division_dashboard_renders(client, evaluator, division, school):
    client.force_login(evaluator)
    assert client.get(reverse("dashboards:division", args=[division.pk])).status_code == 200
