"""The change history of incidents and what hangs on them: recorded by the real views and
services (including the writes made with queryset.update()), shown and exported to coordinators
and program administrators, with the people's history for PEOPLE_ROLES only."""

import csv
import datetime
import io

import pytest
import time_machine
from django.db.models import F
from django.db.models.functions import Coalesce
from django.urls import reverse

from audit.models import AuditEvent
from incidents import services
from incidents.models import (
    Incident,
    PersonalInfoAccess,
    PersonInvolved,
    RedactionReview,
    Status,
    Supplement,
    ThreatAssessment,
)
from incidents.retention import redaction_decide
from incidents.workflow import incident_transition
from tests.csvfiles import csv_text
from tests.incidents.factories import AssessmentFactory, EventFactory, IncidentFactory, PersonFactory
from tests.incidents.retention_helpers import JUST_DUE, NOT_YET_DUE, NOW, OCCURRED, closed_incident, run

FORM = {
    "occurred_at": "2025-10-14T10:30", "reported_at": "2025-10-14T10:50", "location": "hallway",
    "category": "assault", "severity": "low", "narrative": "Two students argued in the hallway; the SRO "
    "spoke with both.", "call_number": "", "called_at": "", "on_scene_at": "", "responding_unit": "",
    "disposition": "",
}


def history_url(incident):
    return reverse("incidents:incident_history", args=[incident.pk])


def latest(model, pk):
    return model.history.filter(id=pk).order_by("-history_date", "-history_id").first()


def csv_rows(response):
    text = csv_text(response)
    return list(csv.reader(io.StringIO(text)))


# Recording ------------------------------------------------------------------------------------

def test_an_edit_through_the_form_records_who_and_before_after(client, sro, incident):
    client.force_login(sro)
    response = client.post(reverse("incidents:incident_edit", args=[incident.pk]), {**FORM, "version": 1})
    assert response.status_code == 302
    record = latest(Incident, incident.pk)
    assert (record.history_type, record.history_user) == ("~", sro)
    delta = record.diff_against(record.prev_record)
    changed = {change.field: (change.old, change.new) for change in delta.changes}
    assert changed["category"] == ("bullying", "assault")
    assert changed["version"] == (1, 2)


def test_a_workflow_step_made_with_a_queryset_update_is_recorded(client, sro, incident):
    client.force_login(sro)
    before = Incident.history.filter(id=incident.pk).count()
    client.post(reverse("incidents:incident_transition", args=[incident.pk]),
                {"to": Status.SUBMITTED, "submitted-version": 1})
    assert Incident.history.filter(id=incident.pk).count() == before + 1
    record = latest(Incident, incident.pk)
    assert (record.status, record.history_user, record.version) == (Status.SUBMITTED, sro, 2)


def test_the_schools_response_is_recorded_with_the_principal(client, sro, principal, school):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.UNDER_REVIEW)
    client.force_login(principal)
    client.post(reverse("incidents:school_response", args=[incident.pk]), {
        "version": 1, "parent_contacted": "on", "school_discipline": "detention", "school_response_note": "Done."})
    record = latest(Incident, incident.pk)
    assert (record.history_user, record.parent_contacted, record.school_discipline) == (principal, True, "detention")


def test_a_stale_write_records_nothing(sro, incident):
    from incidents.workflow import StaleIncident

    before = Incident.history.count()
    with pytest.raises(StaleIncident):
        services.incident_update(incident=incident, actor=sro, version=7, severity="high")
    assert Incident.history.count() == before


def test_people_added_and_removed_are_recorded(client, sro, incident):
    client.force_login(sro)
    client.post(reverse("incidents:person_create", args=[incident.pk]),
                {"role": "victim", "name": "Alex Example", "age": "13", "grade": "8"})
    person = incident.people.get()
    client.post(reverse("incidents:person_remove", args=[incident.pk, person.pk]))
    rows = list(PersonInvolved.history.filter(id=person.pk).order_by("history_date", "history_id"))
    assert [(r.history_type, r.history_user, r.name) for r in rows] == [
        ("+", sro, "Alex Example"), ("-", sro, "Alex Example")]


def test_supplements_and_assessment_changes_are_recorded(sro, principal, school):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)
    supplement = services.supplement_add(incident=incident, author=principal, text="The bike was found.")
    assert latest(type(supplement), supplement.pk).history_user == principal
    assessment = AssessmentFactory(incident=incident, created_by=sro)
    services.assessment_update(assessment=assessment, actor=principal, risk_level="high")
    record = latest(ThreatAssessment, assessment.pk)
    assert (record.history_type, record.history_user, record.risk_level) == ("~", principal, "high")


def test_the_follow_up_notice_bookkeeping_is_not_a_change_of_the_assessment(sro, school):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)
    assessment = AssessmentFactory(incident=incident, created_by=sro)
    before = ThreatAssessment.history.count()
    assert services.assessment_claim_notice(assessment)
    assert ThreatAssessment.history.count() == before
    assert not hasattr(ThreatAssessment.history.model, "notified_for")


# The page -------------------------------------------------------------------------------------

@pytest.fixture
def changed_incident(client, sro, incident):
    """An incident the SRO edited (bullying → assault), to which they added a person, then submitted
    (until then it is their draft alone)."""
    client.force_login(sro)
    client.post(reverse("incidents:incident_edit", args=[incident.pk]), {**FORM, "version": 1})
    client.post(reverse("incidents:person_create", args=[incident.pk]),
                {"role": "victim", "name": "Alex Example", "age": "13", "grade": "8"})
    client.logout()
    incident_transition(incident=incident, to=Status.SUBMITTED, actor=sro)
    return incident


def test_the_coordinator_sees_who_changed_what_and_the_people(client, coordinator, sro, changed_incident):
    client.force_login(coordinator)
    response = client.get(history_url(changed_incident))
    assert response.status_code == 200
    text = response.text
    assert "Category" in text and "Bullying" in text and "Assault or fight" in text  # labels, not raw values
    assert (sro.get_full_name() or sro.username) in text
    assert "Alex Example" in text and "Person involved" in text
    assert ">Version<" not in text  # bookkeeping is not shown as a change
    entries = response.context["entries"]
    assert entries == sorted(entries, key=lambda e: e.at, reverse=True)
    assert PersonalInfoAccess.objects.filter(user=coordinator, incident=changed_incident, detail="history").exists()
    assert response["Cache-Control"] == "no-store, private"


def test_program_administrators_see_the_incident_history_without_the_people(client, program_admin, changed_incident):
    client.force_login(program_admin)
    response = client.get(history_url(changed_incident))
    assert response.status_code == 200
    assert "Assault or fight" in response.text
    assert "Alex Example" not in response.text
    assert not any(entry.model is PersonInvolved for entry in response.context["entries"])
    assert not PersonalInfoAccess.objects.filter(user=program_admin).exists()


@pytest.mark.parametrize(("who", "status"), [
    ("coordinator", 200), ("program_admin", 200), ("outsider", 404), ("sro", 403), ("principal", 403),
    ("evaluator", 403),
])
@pytest.mark.parametrize("url_name", ["incidents:incident_history", "incidents:incident_history_export"])
def test_who_may_open_the_history(client, request, submitted, who, status, url_name):
    incident = submitted
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse(url_name, args=[incident.pk])).status_code == status


def test_anonymous_users_are_sent_to_sign_in(client, incident):
    response = client.get(history_url(incident))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_incident_page_links_to_the_history_for_coordinators_only(client, coordinator, sro, submitted):
    incident = submitted
    client.force_login(coordinator)
    assert history_url(incident) in client.get(reverse("incidents:incident_detail", args=[incident.pk])).text
    client.force_login(sro)
    assert history_url(incident) not in client.get(reverse("incidents:incident_detail", args=[incident.pk])).text


def test_the_export_with_people_asks_for_a_purpose_and_gives_no_file_without_one(client, coordinator,
                                                                                  changed_incident):
    client.force_login(coordinator)
    url = reverse("incidents:incident_history_export", args=[changed_incident.pk])
    form_page = client.get(url)
    assert form_page.status_code == 200 and 'name="purpose"' in form_page.text
    refused = client.post(url, {"purpose": "curiosity"})
    assert refused.status_code == 400 and not refused.has_header("Content-Disposition")
    assert not PersonalInfoAccess.objects.filter(kind=PersonalInfoAccess.Kind.EXPORT).exists()
    assert not AuditEvent.objects.filter(event=AuditEvent.Event.EXPORT).exists()


def test_the_export_lists_each_changed_field_and_is_audited(client, coordinator, sro, changed_incident):
    client.force_login(coordinator)
    response = client.post(reverse("incidents:incident_history_export", args=[changed_incident.pk]),
                           {"purpose": "court"})
    assert response.status_code == 200
    access = PersonalInfoAccess.objects.get(kind=PersonalInfoAccess.Kind.EXPORT)
    assert (access.user, access.incident, access.purpose) == (coordinator, changed_incident, "court")
    rows = csv_rows(response)
    assert rows[0][:8] == ["When (local time)", "When (UTC)", "Who", "Record", "Change", "Field", "Before", "After"]
    who = sro.get_full_name() or sro.username
    assert [who, f"Incident #{changed_incident.pk}", "Changed", "Category", "Bullying", "Assault or fight"] in [
        row[2:8] for row in rows]
    assert any(row[4] == "Created" and row[5] == "Name" and row[7] == "Alex Example" for row in rows)
    event = AuditEvent.objects.get(event=AuditEvent.Event.EXPORT)
    assert event.detail["export"] == "incident_history"
    # The file is streamed: the event counts the changes recorded (one line per field changed).
    recorded = (Incident.history.filter(id=changed_incident.pk).count()
                + PersonInvolved.history.filter(incident_id=changed_incident.pk).count())
    assert event.detail["rows"] == recorded and response.streaming


def test_the_export_leaves_the_people_out_for_program_administrators(client, program_admin, changed_incident):
    client.force_login(program_admin)
    rows = csv_rows(client.get(reverse("incidents:incident_history_export", args=[changed_incident.pk])))
    assert "Alex Example" not in str(rows)
    assert any(row[5] == "Category" for row in rows)


def _changes(incident, actor, count):
    for i in range(count):
        services.incident_update(incident=incident, actor=actor, version=incident.version,
                                 narrative=f"Version {i} of the facts.")
        PersonFactory(incident=incident)


def test_the_page_costs_a_fixed_number_of_queries(client, coordinator, sro, school,
                                                 django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    few, many = IncidentFactory(school=school, created_by=sro), IncidentFactory(school=school, created_by=sro)
    _changes(few, sro, 2)
    _changes(many, sro, 20)
    Incident.objects.filter(pk__in=[few.pk, many.pk]).update(status=Status.SUBMITTED, submitted_at=F("reported_at"))
    client.force_login(coordinator)
    client.get(history_url(few))  # warm the session and caches
    with CaptureQueriesContext(connection) as baseline:
        assert len(client.get(history_url(few)).context["entries"]) >= 4
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        assert len(client.get(history_url(many)).context["entries"]) >= 40


# De-identification ----------------------------------------------------------------------------

def close_long_ago(incident):
    """Close the incident (its people and supplements were written while it was open), with the closing
    step just past the retention period of the frozen test time."""
    Incident.objects.filter(pk=incident.pk).update(status=Status.CLOSED, disposition="informal_warning",
                                                   submitted_at=Coalesce("submitted_at", "reported_at"))
    EventFactory(incident=incident, from_status=Status.UNDER_REVIEW, to_status=Status.CLOSED, at=JUST_DUE)

@time_machine.travel(NOW, tick=False)
def test_de_identification_scrubs_the_peoples_history(sro, school, settings):
    settings.INCIDENTS_RETENTION_YEARS = 5
    incident = IncidentFactory(school=school, created_by=sro, occurred_at=OCCURRED)
    person = PersonFactory(incident=incident, name="Robin Privateperson", age=None,
                           date_of_birth=datetime.date(2011, 3, 4))
    person.name = "Robin Q. Privateperson"
    services.person_save(incident=incident, actor=sro, person=person)
    close_long_ago(incident)
    kept = PersonFactory(incident=closed_incident(school, closed_at=NOT_YET_DUE), name="Sam Stillopen")
    assert PersonInvolved.history.filter(id=person.pk, name__contains="Privateperson").count() == 2

    assert "1 person(s) in 1 incident(s) de-identified" in run()

    rows = PersonInvolved.history.filter(id=person.pk)
    assert not rows.exclude(name="").exists()
    assert not rows.filter(date_of_birth__isnull=False).exists()
    assert not rows.filter(age__isnull=False).exists()
    last = rows.order_by("-history_date", "-history_id").first()
    assert (last.history_type, last.age_band) == ("~", "12_14")
    assert last.history_change_reason.startswith("De-identified")
    assert PersonInvolved.history.filter(id=kept.pk, name="Sam Stillopen").exists()  # not due: untouched


@time_machine.travel(NOW, tick=False)
def test_de_identification_scrubs_the_history_of_people_since_removed(sro, school, settings):
    settings.INCIDENTS_RETENTION_YEARS = 5
    incident = IncidentFactory(school=school, created_by=sro, occurred_at=OCCURRED)
    removed = PersonFactory(incident=incident, name="Casey Removedperson", date_of_birth=datetime.date(2012, 1, 2))
    removed_pk = removed.pk
    services.person_remove(incident=incident, actor=sro, person=removed)
    close_long_ago(incident)
    assert PersonInvolved.history.filter(id=removed_pk, name="Casey Removedperson").count() == 2

    assert "0 person(s)" in run()  # nobody left to de-identify, but the history is scrubbed

    assert not PersonInvolved.history.filter(id=removed_pk).exclude(name="").exists()
    assert not PersonInvolved.history.filter(id=removed_pk, date_of_birth__isnull=False).exists()


@time_machine.travel(NOW, tick=False)
def test_a_confirmed_redaction_replaces_the_text_in_the_history_too(sro, coordinator, school, settings):
    settings.INCIDENTS_RETENTION_YEARS = 5
    incident = IncidentFactory(school=school, created_by=sro, occurred_at=OCCURRED, status=Status.SUBMITTED)
    PersonFactory(incident=incident, name="Robin Privateperson")
    supplement = services.supplement_add(incident=incident, author=sro, text="Robin said it was not him.")
    close_long_ago(incident)
    run()
    review = RedactionReview.objects.get(supplement=supplement)
    assert Supplement.history.filter(id=supplement.pk, text__icontains="Robin").exists()
    redaction_decide(review=review, actor=coordinator, version=review.version, text=review.proposed_text)
    assert Supplement.history.filter(id=supplement.pk).exists()
    assert not Supplement.history.filter(id=supplement.pk, text__icontains="Robin").exists()


@time_machine.travel(NOW, tick=False)
def test_every_copy_of_a_text_awaiting_redaction_is_withheld_from_program_administrators(
        client, sro, coordinator, program_admin, school, settings):
    settings.INCIDENTS_RETENTION_YEARS = 5
    incident = IncidentFactory(school=school, created_by=sro, occurred_at=OCCURRED, status=Status.SUBMITTED,
                               narrative="Robin pushed a student.")
    Incident.objects.filter(pk=incident.pk).update(narrative="Robin Privateperson pushed a student.")
    incident.refresh_from_db()
    incident.save()  # a second copy in the history
    PersonFactory(incident=incident, name="Robin Privateperson")
    close_long_ago(incident)
    run()
    client.force_login(program_admin)
    entries = client.get(history_url(incident)).context["entries"]
    narratives = [change for entry in entries for change in entry.changes if change.label == "Narrative"]
    assert len(narratives) == 2
    assert {change.after for change in narratives} == {"[withheld until the redaction review]"}
    exported = csv_rows(client.get(reverse("incidents:incident_history_export", args=[incident.pk])))
    assert "[withheld until the redaction review]" in {cell for row in exported for cell in row}
    assert "Robin" not in repr(exported)
    client.force_login(coordinator)
    assert "Robin pushed a student." in client.get(history_url(incident)).text
