"""Threat assessments (VTRA Stage 1): opened from an incident, overdue follow-ups listed."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse

from incidents.models import Status, ThreatAssessment

from .factories import AssessmentFactory, IncidentFactory

TODAY = datetime.date(2025, 11, 20)
FORM = {
    "assessed_on": "2025-11-01", "team_members": "SRO\nPrincipal\nCounsellor", "data_gathered": "Posts.",
    "risk_level": "high", "immediate_steps": "Parents called.", "intervention_plan": "Check-ins.",
    "follow_up_on": "2025-11-15", "outcome": "", "closed_on": "",
}


@pytest.fixture
def submitted(school, sro):
    return IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)


def test_the_sro_opens_a_threat_assessment_from_an_incident(client, sro, submitted):
    client.force_login(sro)
    response = client.post(reverse("incidents:assessment_create", args=[submitted.pk]), FORM)
    assessment = ThreatAssessment.objects.get()
    assert response.url == reverse("incidents:assessment_detail", args=[assessment.pk])
    assert (assessment.incident, assessment.risk_level, assessment.created_by) == (submitted, "high", sro)


def test_a_follow_up_before_the_assessment_is_refused(client, sro, submitted):
    client.force_login(sro)
    response = client.post(reverse("incidents:assessment_create", args=[submitted.pk]),
                           {**FORM, "follow_up_on": "2025-10-01"})
    assert "The follow-up cannot come before the assessment." in response.text


def test_closing_an_assessment_needs_an_outcome(client, sro, submitted):
    client.force_login(sro)
    response = client.post(reverse("incidents:assessment_create", args=[submitted.pk]),
                           {**FORM, "closed_on": "2025-11-16"})
    assert "Record the outcome to close the assessment." in response.text


def test_a_draft_cannot_have_an_assessment_yet(client, sro, incident):
    client.force_login(sro)
    assert client.get(reverse("incidents:assessment_create", args=[incident.pk])).status_code == 403


def test_the_principal_records_the_outcome(client, principal, submitted):
    assessment = AssessmentFactory(incident=submitted)
    client.force_login(principal)
    client.post(reverse("incidents:assessment_edit", args=[assessment.pk]),
                {**FORM, "outcome": "Risk reduced.", "closed_on": "2025-11-16"})
    assessment.refresh_from_db()
    assert (assessment.outcome, assessment.closed_on) == ("Risk reduced.", datetime.date(2025, 11, 16))


@pytest.mark.parametrize("who", ["sro", "principal", "coordinator"])
def test_overdue_follow_ups_are_listed_for_the_team(client, request, submitted, who):
    overdue = AssessmentFactory(incident=submitted, follow_up_on=TODAY - datetime.timedelta(days=2))
    AssessmentFactory(incident=submitted, follow_up_on=TODAY + datetime.timedelta(days=2))
    client.force_login(request.getfixturevalue(who))
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        response = client.get(reverse("incidents:assessment_list"), {"overdue": "true"})
    assert [a.pk for a in response.context["page"]] == [overdue.pk]
    assert "1 overdue" in response.text


def test_the_assessment_list_has_nothing_out_of_scope(client, outsider, submitted):
    AssessmentFactory(incident=submitted)
    client.force_login(outsider)
    assert list(client.get(reverse("incidents:assessment_list")).context["page"]) == []


@pytest.mark.parametrize("count", [2, 20])
def test_the_assessment_list_runs_a_fixed_number_of_queries(client, coordinator, submitted, count,
                                                            django_assert_num_queries):
    AssessmentFactory.create_batch(count, incident=submitted)
    client.force_login(coordinator)
    # one more than before: the division choices (the dashboards' drill-down filter)
    with django_assert_num_queries(8):
        client.get(reverse("incidents:assessment_list"))
