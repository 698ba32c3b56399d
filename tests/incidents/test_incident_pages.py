"""The incident pages: report, edit (with concurrent edits), workflow buttons, supplements, the
school's response and people involved."""

import pytest
from django.urls import reverse

from incidents.models import Disposition, Incident, IncidentEvent, PersonalInfoAccess, PersonRole, Status

from .factories import IncidentFactory, PersonFactory

FORM = {
    "occurred_at": "2025-10-14T10:30", "reported_at": "2025-10-14T10:45", "location": "hallway",
    "category": "assault", "severity": "medium", "narrative": "A fight between two students at lunch.",
    "call_number": "", "called_at": "", "on_scene_at": "", "responding_unit": "", "disposition": "",
}


def test_an_sro_reports_an_incident_as_a_draft(client, sro, school):
    client.force_login(sro)
    response = client.post(reverse("incidents:incident_create"), {**FORM, "school": school.pk})
    incident = Incident.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("incidents:incident_detail", args=[incident.pk])
    assert (incident.status, incident.created_by) == (Status.DRAFT, sro)


def test_the_report_form_refuses_a_report_before_the_occurrence_and_keeps_the_text(client, sro, school):
    client.force_login(sro)
    response = client.post(reverse("incidents:incident_create"),
                           {**FORM, "school": school.pk, "reported_at": "2025-10-14T10:00"})
    assert response.status_code == 200
    assert "The incident cannot be reported before it occurred." in response.text
    assert "A fight between two students at lunch." in response.text
    assert not Incident.objects.exists()


def test_the_report_form_refuses_on_scene_before_called(client, sro, school):
    client.force_login(sro)
    response = client.post(reverse("incidents:incident_create"), {
        **FORM, "school": school.pk, "called_at": "2025-10-14T10:40", "on_scene_at": "2025-10-14T10:35"})
    assert "Police cannot be on scene before they were called." in response.text


def test_the_report_form_offers_only_the_sros_schools(client, sro, school, other_school):
    client.force_login(sro)
    response = client.get(reverse("incidents:incident_create"))
    assert school.name in response.text
    assert other_school.name not in response.text


def test_charge_laid_is_refused_on_the_form_when_a_subject_is_under_12(client, sro, incident):
    PersonFactory(incident=incident, role=PersonRole.SUBJECT, age=10)
    client.force_login(sro)
    response = client.post(reverse("incidents:incident_edit", args=[incident.pk]),
                           {**FORM, "version": 1, "disposition": Disposition.CHARGE_LAID})
    assert response.status_code == 200
    assert "A charge cannot be laid" in response.text
    incident.refresh_from_db()
    assert incident.disposition == ""


def test_a_second_concurrent_edit_is_refused_and_keeps_the_typed_text(client, sro, incident):
    client.force_login(sro)
    url = reverse("incidents:incident_edit", args=[incident.pk])
    client.post(url, {**FORM, "version": 1, "narrative": "The first editor's words."})
    response = client.post(url, {**FORM, "version": 1, "narrative": "The second editor's words."})
    assert response.status_code == 200
    assert "Someone else changed this incident" in response.text
    assert "The second editor&#x27;s words." in response.text
    incident.refresh_from_db()
    assert (incident.narrative, incident.version) == ("The first editor's words.", 2)


def test_after_a_refused_edit_saving_again_knowingly_succeeds(client, sro, incident):
    client.force_login(sro)
    url = reverse("incidents:incident_edit", args=[incident.pk])
    client.post(url, {**FORM, "version": 1, "narrative": "First."})
    response = client.post(url, {**FORM, "version": 1, "narrative": "Second."})
    assert 'name="version" value="2"' in response.text
    client.post(url, {**FORM, "version": 2, "narrative": "Second."})
    incident.refresh_from_db()
    assert incident.narrative == "Second."


def test_the_edit_form_has_no_narrative_once_submitted(client, sro, school):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.FOLLOW_UP)
    client.force_login(sro)
    response = client.get(reverse("incidents:incident_edit", args=[incident.pk]))
    assert 'name="narrative"' not in response.text
    assert "add a supplement" in response.text


def test_the_sro_submits_with_the_button(client, sro, incident):
    client.force_login(sro)
    response = client.post(reverse("incidents:incident_transition", args=[incident.pk]),
                           {"to": Status.SUBMITTED, "submitted-version": 1})
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.status == Status.SUBMITTED


def test_requesting_follow_up_without_a_note_is_refused_beside_the_note(client, sro, principal, school):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.UNDER_REVIEW)
    client.force_login(principal)
    response = client.post(reverse("incidents:incident_transition", args=[incident.pk]),
                           {"to": Status.FOLLOW_UP, "follow_up-version": 1, "follow_up-note": ""})
    assert response.status_code == 400
    assert "Add a note saying why." in response.text
    incident.refresh_from_db()
    assert incident.status == Status.UNDER_REVIEW


def test_closing_without_a_disposition_shows_the_rule(client, sro, principal, school):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.UNDER_REVIEW)
    client.force_login(principal)
    response = client.post(reverse("incidents:incident_transition", args=[incident.pk]),
                           {"to": Status.CLOSED, "closed-version": 1}, follow=True)
    assert "Closing requires a disposition" in response.text
    incident.refresh_from_db()
    assert incident.status == Status.UNDER_REVIEW


def test_a_stale_button_is_refused(client, sro, principal, school):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED, version=3)
    client.force_login(principal)
    response = client.post(reverse("incidents:incident_transition", args=[incident.pk]),
                           {"to": Status.UNDER_REVIEW, "under_review-version": 2}, follow=True)
    assert "Someone else changed this incident" in response.text
    assert not IncidentEvent.objects.exists()


def test_the_timeline_shows_each_step_with_its_actor_and_note(client, sro, principal, school):
    from incidents.workflow import incident_transition

    incident = IncidentFactory(school=school, created_by=sro, status=Status.UNDER_REVIEW)
    incident_transition(incident=incident, to=Status.FOLLOW_UP, actor=principal, note="Call the parents please.")
    client.force_login(sro)
    response = client.get(reverse("incidents:incident_detail", args=[incident.pk]))
    assert "Call the parents please." in response.text
    assert str(principal) in response.text


def test_a_supplement_is_added_to_a_submitted_incident(client, sro, school):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)
    client.force_login(sro)
    client.post(reverse("incidents:supplement_add", args=[incident.pk]), {"text": "The bike was found."})
    response = client.get(reverse("incidents:incident_detail", args=[incident.pk]))
    assert "The bike was found." in response.text


def test_the_principal_records_the_schools_response(client, sro, principal, school):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.UNDER_REVIEW)
    client.force_login(principal)
    response = client.post(reverse("incidents:school_response", args=[incident.pk]), {
        "version": 1, "parent_contacted": "on", "school_discipline": "detention", "school_response_note": "Done."})
    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.parent_contacted, incident.school_discipline) == (True, "detention")


def test_the_sro_adds_a_person_involved(client, sro, incident):
    client.force_login(sro)
    response = client.post(reverse("incidents:person_create", args=[incident.pk]),
                           {"role": "victim", "name": "Alex Example", "age": "13", "grade": "8"})
    assert response.status_code == 302
    assert incident.people.get().name == "Alex Example"


def test_a_subject_under_12_is_refused_on_a_charged_incident_with_a_message(client, sro, school):
    incident = IncidentFactory(school=school, created_by=sro, disposition=Disposition.CHARGE_LAID)
    client.force_login(sro)
    response = client.post(reverse("incidents:person_create", args=[incident.pk]),
                           {"role": "subject", "name": "Young Child", "age": "11"})
    assert response.status_code == 200
    assert "a charge against a person under 12 is not possible" in response.text
    assert 'value="Young Child"' in response.text


def test_giving_both_age_and_date_of_birth_is_refused(client, sro, incident):
    client.force_login(sro)
    response = client.post(reverse("incidents:person_create", args=[incident.pk]),
                           {"role": "victim", "name": "Alex", "age": "13", "date_of_birth": "2012-01-01"})
    assert "not both" in response.text


def test_the_sro_removes_a_person(client, sro, incident):
    person = PersonFactory(incident=incident)
    client.force_login(sro)
    client.post(reverse("incidents:person_remove", args=[incident.pk, person.pk]))
    assert not incident.people.exists()


@pytest.mark.parametrize("who", ["sro", "principal", "coordinator"])
def test_people_involved_are_shown_to_the_school_team_and_the_view_is_logged(client, request, submitted, who):
    incident = submitted
    PersonFactory(incident=incident, name="Robin Privateperson")
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.get(reverse("incidents:incident_detail", args=[incident.pk]))
    assert "Robin Privateperson" in response.text
    assert PersonalInfoAccess.objects.filter(user=user, incident=incident, kind="page").count() == 1


def test_people_involved_are_not_shown_to_a_program_admin(client, program_admin, submitted):
    incident = submitted
    PersonFactory(incident=incident, name="Robin Privateperson")
    client.force_login(program_admin)
    response = client.get(reverse("incidents:incident_detail", args=[incident.pk]))
    assert response.status_code == 200
    assert "Robin Privateperson" not in response.text
    assert "People involved" not in response.text


@pytest.mark.parametrize("count", [2, 12])
def test_the_incident_page_runs_a_fixed_number_of_queries(client, sro, principal, school, count,
                                                          django_assert_num_queries):
    from .factories import AssessmentFactory, EventFactory

    incident = IncidentFactory(school=school, created_by=sro, status=Status.UNDER_REVIEW)
    PersonFactory.create_batch(count, incident=incident)
    EventFactory.create_batch(count, incident=incident, actor=sro)
    AssessmentFactory.create_batch(count, incident=incident)
    client.force_login(principal)
    # session, user, grants, incident, role scope, people, access log, assessments, help request, events, supplements,
    # texts waiting on the redaction review
    with django_assert_num_queries(12):
        client.get(reverse("incidents:incident_detail", args=[incident.pk]))
