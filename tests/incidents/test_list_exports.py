"""The CSV exports of the review queue, my open incidents, requests for help, threat assessments and
the redaction review: each is exactly its list's rows for the same user and filters, streamed."""

import datetime

import time_machine
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from incidents.models import HelpRequest, RedactionReview, Status
from tests.csvfiles import csv_rows

from .factories import AssessmentFactory, HelpRequestFactory, IncidentFactory

NOW = timezone.make_aware(datetime.datetime(2025, 10, 24, 12, 0))


def rows_of(response):
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    return csv_rows(response)  # checks and leaves out the end line


def listed(response):
    return [item.pk for item in response.context["page"]]


@time_machine.travel(NOW, tick=False)
def test_the_review_queue_export_has_the_queue_oldest_first_with_days_waiting(client, principal, school,
                                                                             other_school):
    late = IncidentFactory(school=school, status=Status.SUBMITTED, submitted_at=NOW - datetime.timedelta(days=6))
    fresh = IncidentFactory(school=school, status=Status.SUBMITTED, submitted_at=NOW - datetime.timedelta(days=1))
    IncidentFactory(school=other_school, status=Status.SUBMITTED)  # not the principal's school
    IncidentFactory(school=school, status=Status.CLOSED, disposition="informal_warning")  # not awaiting review
    client.force_login(principal)
    rows = rows_of(client.get(reverse("incidents:review_queue_export")))
    assert rows[0][:4] == ["Number", "Submitted at", "Days waiting", "Late"]
    assert [int(row[0]) for row in rows[1:]] == listed(client.get(reverse("incidents:review_queue")))
    assert [row[:4] for row in rows[1:]] == [
        [str(late.pk), "2025-10-18 12:00", "6", "yes"], [str(fresh.pk), "2025-10-23 12:00", "1", "no"]]


def test_my_open_export_keeps_the_list_filters_and_scope(client, sro, school, outside_school):
    theft = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED, category="theft")
    IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED, category="bullying")
    IncidentFactory(school=school, created_by=sro, status=Status.CLOSED, category="theft",
                    disposition="informal_warning")
    IncidentFactory(school=outside_school, status=Status.SUBMITTED, category="theft")
    client.force_login(sro)
    rows = rows_of(client.get(reverse("incidents:my_open_export"), {"category": "theft"}))
    assert [int(row[0]) for row in rows[1:]] == [theft.pk]
    assert listed(client.get(reverse("incidents:my_open"), {"category": "theft"})) == [theft.pk]
    assert AuditEvent.objects.get(event=AuditEvent.Event.EXPORT).detail == {
        "export": "my_open_incidents", "filters": "category", "rows": 1}


def test_the_request_export_follows_the_state_tab(client, principal, school, outside_school):
    open_one = HelpRequestFactory(school=school, subject="Loitering at the doors")
    HelpRequestFactory(school=school, state=HelpRequest.State.DECLINED, decline_reason="Not police work")
    HelpRequestFactory(school=outside_school)
    client.force_login(principal)
    rows = rows_of(client.get(reverse("incidents:request_export")))
    assert rows[0] == ["Raised at", "School", "Subject", "Raised by", "State", "Incident"]
    assert [row[1:3] + row[4:] for row in rows[1:]] == [[school.name, "Loitering at the doors", "Open", ""]]
    assert len(rows_of(client.get(reverse("incidents:request_export"), {"state": "all"}))) == 3
    assert open_one.pk in listed(client.get(reverse("incidents:request_list")))


@time_machine.travel(NOW, tick=False)
def test_the_assessment_export_has_the_filtered_list_with_its_state(client, coordinator, school, outside_school):
    overdue = AssessmentFactory(incident=IncidentFactory(school=school, status=Status.SUBMITTED),
                                follow_up_on=datetime.date(2025, 10, 20), risk_level="high")
    AssessmentFactory(incident=IncidentFactory(school=school, status=Status.SUBMITTED),
                      follow_up_on=datetime.date(2025, 11, 20), risk_level="low")
    AssessmentFactory(incident=IncidentFactory(school=outside_school, status=Status.SUBMITTED),
                      follow_up_on=datetime.date(2025, 10, 20), risk_level="high")
    client.force_login(coordinator)
    rows = rows_of(client.get(reverse("incidents:assessment_export"), {"risk_level": "high"}))
    assert rows[1:] == [["2025-10-20", "2025-10-15", school.name, str(overdue.incident_id), "High",
                         "Follow-up overdue"]]
    assert listed(client.get(reverse("incidents:assessment_list"), {"risk_level": "high"})) == [overdue.pk]


def test_the_redaction_export_lists_pending_texts_in_scope_without_the_texts(client, coordinator, school,
                                                                             outside_school):
    def review(school, **kwargs):
        incident = IncidentFactory(school=school, status=Status.CLOSED, disposition="informal_warning")
        return RedactionReview.objects.create(incident=incident, target=RedactionReview.Target.NARRATIVE,
                                              proposed_text="[redacted] pushed a student.", matches=2, **kwargs)
    pending = review(school)
    review(school, decision=RedactionReview.Decision.KEPT, reviewed_at=timezone.now(),
           reviewed_by=coordinator)
    review(outside_school)
    client.force_login(coordinator)
    rows = rows_of(client.get(reverse("incidents:redaction_export")))
    assert [row[:4] + row[5:6] for row in rows[1:]] == [
        [str(pending.incident_id), school.name, school.division.name, "Narrative", "2"]]
    assert "pushed" not in str(rows)
    assert listed(client.get(reverse("incidents:redaction_list"))) == [pending.pk]
