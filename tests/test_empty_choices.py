"""Empty choices say what empty means (issue 16, defect 5): "Any" in every list's filters, "Not
recorded" for an optional choice of a form and "Choose…" for a required one; never "---------"."""

import pytest
from django.urls import reverse

from incidents.models import Status
from tests.incidents.factories import IncidentFactory


def options_of(html, name):
    select = html.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    return select


@pytest.mark.parametrize(("who", "url_name"), [
    ("coordinator", "incidents:incident_list"), ("coordinator", "activities:list"),
    ("coordinator", "officers:officer_list"), ("coordinator", "evaluations:survey_list"),
    ("coordinator", "incidents:assessment_list"), ("program_admin", "audit:event_list"),
])
def test_filters_say_any_instead_of_dashes(client, request, who, url_name):
    client.force_login(request.getfixturevalue(who))
    text = client.get(reverse(url_name)).text
    assert "---------" not in text
    assert ">Any</option>" in text


def test_the_incident_filters_say_any_for_the_school(client, coordinator, school):
    client.force_login(coordinator)
    assert '<option value="" selected>Any</option>' in options_of(
        client.get(reverse("incidents:incident_list")).text, "school")


def test_an_optional_choice_of_a_form_reads_not_recorded(client, sro, school):
    incident = IncidentFactory(school=school, created_by=sro)
    client.force_login(sro)
    text = client.get(reverse("incidents:incident_edit", args=[incident.pk])).text
    assert "---------" not in text
    assert '<option value="" selected>Not recorded</option>' in options_of(text, "disposition")


def test_a_required_choice_of_a_form_asks_to_choose(client, sro, school):
    client.force_login(sro)
    text = client.get(reverse("incidents:incident_create")).text
    assert ">Choose…</option>" in options_of(text, "school")


def test_the_school_response_form_has_no_dashes(client, principal, school, sro):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)
    client.force_login(principal)
    text = client.get(reverse("incidents:school_response", args=[incident.pk])).text
    assert "---------" not in text and ">Not recorded</option>" in options_of(text, "school_discipline")
