"""The review step without "Start review" (issue 16, defect 5): on a submitted incident the school
administrator closes it, asks for follow-up or records the school's response at once, and the review
starts implicitly, recorded as its own step; each note box says what it is for; the closing rule
shows before anyone tries; the school-response form shows the incident it answers."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from incidents.models import Disposition, Incident, IncidentEvent, Status
from incidents.workflow import incident_transition

from .factories import IncidentFactory


@pytest.fixture
def submitted_with_disposition(school, sro):
    return IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED,
                           disposition=Disposition.INFORMAL_WARNING)


def steps(incident):
    return list(IncidentEvent.objects.filter(incident=incident).order_by("pk")
                .values_list("from_status", "to_status", "actor__username", "note"))


def test_the_administrator_is_offered_the_review_steps_without_start_review(client, principal, submitted):
    client.force_login(principal)
    text = client.get(submitted.get_absolute_url()).text
    assert "Start review" not in text
    assert "Request follow-up from the SRO" in text and ">Close<" in text


def test_closing_a_submitted_incident_records_the_start_of_the_review_then_the_closing(
        client, principal, submitted_with_disposition):
    incident = submitted_with_disposition
    client.force_login(principal)
    response = client.post(reverse("incidents:incident_transition", args=[incident.pk]),
                           {"to": Status.CLOSED, "closed-version": incident.version, "closed-note": "Done."})
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.status == Status.CLOSED and incident.version == 3
    assert steps(incident) == [(Status.SUBMITTED, Status.UNDER_REVIEW, "principal", ""),
                               (Status.UNDER_REVIEW, Status.CLOSED, "principal", "Done.")]
    assert [h.status for h in Incident.history.filter(id=incident.pk).order_by("history_id")][-2:] == [
        Status.UNDER_REVIEW, Status.CLOSED]


def test_closing_without_a_disposition_changes_nothing(principal, submitted):
    with pytest.raises(ValidationError):
        incident_transition(incident=submitted, to=Status.CLOSED, actor=principal)
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED and steps(submitted) == []


def test_asking_for_follow_up_still_needs_a_note(principal, submitted):
    with pytest.raises(ValidationError):
        incident_transition(incident=submitted, to=Status.FOLLOW_UP, actor=principal, note=" ")
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED and steps(submitted) == []


def test_recording_the_school_response_starts_the_review(client, principal, submitted):
    client.force_login(principal)
    response = client.post(reverse("incidents:school_response", args=[submitted.pk]), {
        "version": submitted.version, "parent_contacted": "on", "school_discipline": "",
        "school_response_note": "Parents called."})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.UNDER_REVIEW and submitted.parent_contacted
    assert steps(submitted) == [(Status.SUBMITTED, Status.UNDER_REVIEW, "principal", "")]


def test_each_note_box_says_what_it_is_for_and_the_closing_rule_shows_first(client, principal, submitted):
    client.force_login(principal)
    text = client.get(submitted.get_absolute_url()).text
    assert "What the SRO should follow up (required)" in text
    assert "Closing note (optional)" in text
    assert "Closing needs a disposition, recorded by the SRO." in text
    assert "No disposition is recorded yet." in text


def test_the_school_response_form_shows_the_incident_it_answers(client, principal, submitted):
    client.force_login(principal)
    text = client.get(reverse("incidents:school_response", args=[submitted.pk])).text
    summary = text.split('id="summary-heading"', 1)[1].split("</section>", 1)[0]
    assert f"Incident #{submitted.pk}" in summary and submitted.school.name in summary
    assert "Bullying" in summary and "Submitted" in summary and "2025-10-14 10:30" in summary
