"""The lists: everything in scope, the review queue, the SRO's open incidents; filters; exports."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from incidents.models import PersonalInfoAccess, Status
from tests.csvfiles import csv_text

from .factories import OCCURRED, IncidentFactory, PersonFactory

PURPOSE = {"purpose": "court"}
# Incidents seen by others than their author are submitted ones: a draft is its author's alone.
SUBMITTED = Status.SUBMITTED


def csv_of(response):
    return csv_text(response)


def ids_in(response):
    return [incident.pk for incident in response.context["page"]]


def test_the_list_shows_only_incidents_in_scope(client, outsider, school, outside_school):
    ours = IncidentFactory(status=SUBMITTED, school=school)
    theirs = IncidentFactory(status=SUBMITTED, school=outside_school)
    client.force_login(outsider)
    assert ids_in(client.get(reverse("incidents:incident_list"))) == [theirs.pk]
    assert ours.pk not in ids_in(client.get(reverse("incidents:incident_list")))


def test_the_coordinator_sees_every_school_of_the_division(client, coordinator, school, other_school):
    incidents = {IncidentFactory(status=SUBMITTED, school=school).pk, IncidentFactory(status=SUBMITTED, school=other_school).pk}
    client.force_login(coordinator)
    assert set(ids_in(client.get(reverse("incidents:incident_list")))) == incidents


@pytest.mark.parametrize(("field", "value", "match"), [
    ("category", "theft", {"category": "theft"}),
    ("status", "closed", {"status": Status.CLOSED, "disposition": "police_caution"}),
    ("severity", "high", {"severity": "high"}),
    ("disposition", "restorative_justice", {"disposition": "restorative_justice"}),
])
def test_filters_narrow_the_list(client, coordinator, school, field, value, match):
    wanted = IncidentFactory(school=school, **{"status": SUBMITTED, **match})
    IncidentFactory(status=SUBMITTED, school=school)
    client.force_login(coordinator)
    assert ids_in(client.get(reverse("incidents:incident_list"), {field: value})) == [wanted.pk]


def test_the_date_filter_takes_a_range(client, coordinator, school):
    inside = IncidentFactory(status=SUBMITTED, school=school, occurred_at=OCCURRED)
    IncidentFactory(status=SUBMITTED, school=school, occurred_at=OCCURRED - datetime.timedelta(days=40))
    client.force_login(coordinator)
    response = client.get(reverse("incidents:incident_list"), {"occurred_from": "2025-10-01", "occurred_to": "2025-10-31"})
    assert ids_in(response) == [inside.pk]


def test_the_school_filter_offers_no_school_out_of_scope(client, outsider, school, outside_school):
    client.force_login(outsider)
    response = client.get(reverse("incidents:incident_list"), {"school": school.pk})
    assert "Select a valid choice" in response.text
    assert school.name not in response.text


def test_the_export_is_the_filtered_list_without_names_or_narrative(client, coordinator, school):
    incident = IncidentFactory(status=SUBMITTED, school=school, category="theft", narrative="Secret narrative words")
    PersonFactory(incident=incident, name="Robin Privateperson")
    IncidentFactory(status=SUBMITTED, school=school, category="bullying")
    client.force_login(coordinator)
    content = csv_of(client.get(reverse("incidents:incident_export"), {"category": "theft"}))
    lines = content.strip().splitlines()
    assert len(lines) == 2
    assert f"{incident.pk},{school.name}" in lines[1]
    assert "Robin" not in content and "Secret narrative" not in content


@pytest.mark.parametrize("who", ["sro", "principal", "coordinator"])
def test_the_people_export_gives_the_school_team_the_people_and_is_logged(client, request, school, sro, who):
    PersonFactory(incident=IncidentFactory(status=SUBMITTED, school=school, created_by=sro), name="Robin Privateperson")
    user = request.getfixturevalue(who)
    client.force_login(user)
    assert "Robin Privateperson" in csv_of(client.post(reverse("incidents:people_export"), PURPOSE))
    assert PersonalInfoAccess.objects.filter(user=user, kind="export", purpose="court").exists()


def test_the_people_export_has_no_one_out_of_scope(client, outsider, school, outside_school):
    PersonFactory(incident=IncidentFactory(status=SUBMITTED, school=school), name="Robin Privateperson")
    PersonFactory(incident=IncidentFactory(status=SUBMITTED, school=outside_school), name="Casey Elsewhere")
    client.force_login(outsider)
    content = csv_of(client.post(reverse("incidents:people_export"), PURPOSE))
    assert "Casey Elsewhere" in content and "Robin" not in content


@pytest.mark.parametrize("who", ["evaluator", "program_admin"])
def test_the_people_export_is_refused_to_roles_that_may_not_see_people(client, request, school, who):
    PersonFactory(incident=IncidentFactory(status=SUBMITTED, school=school), name="Robin Privateperson")
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("incidents:people_export")).status_code == 403
    assert client.post(reverse("incidents:people_export"), PURPOSE).status_code == 403


def test_a_program_admin_sees_no_names_in_the_incident_export(client, program_admin, school):
    PersonFactory(incident=IncidentFactory(status=SUBMITTED, school=school), name="Robin Privateperson")
    client.force_login(program_admin)
    assert "Robin" not in csv_of(client.get(reverse("incidents:incident_export")))


def test_the_list_offers_the_people_export_only_to_roles_that_may_see_people(client, program_admin, coordinator):
    client.force_login(program_admin)
    assert reverse("incidents:people_export") not in client.get(reverse("incidents:incident_list")).text
    client.force_login(coordinator)
    assert reverse("incidents:people_export") in client.get(reverse("incidents:incident_list")).text


def test_the_review_queue_lists_what_awaits_review_oldest_first(client, principal, school, other_school):
    now = timezone.now()
    newer = IncidentFactory(school=school, status=Status.SUBMITTED, submitted_at=now - datetime.timedelta(days=1))
    older = IncidentFactory(school=school, status=Status.UNDER_REVIEW, submitted_at=now - datetime.timedelta(days=9))
    IncidentFactory(school=school, status=Status.FOLLOW_UP)
    IncidentFactory(school=school, status=Status.DRAFT)
    IncidentFactory(school=other_school, status=Status.SUBMITTED)
    client.force_login(principal)
    response = client.get(reverse("incidents:review_queue"))
    assert ids_in(response) == [older.pk, newer.pk]
    assert "1\xa0week, 2\xa0days" in response.text  # timesince uses no-break spaces
    assert "table-warning" in response.text


def test_the_sros_open_incidents_put_follow_ups_first_and_leave_closed_out(client, sro, school):
    draft = IncidentFactory(school=school, created_by=sro, occurred_at=OCCURRED)
    follow_up = IncidentFactory(school=school, created_by=sro, status=Status.FOLLOW_UP,
                                occurred_at=OCCURRED - datetime.timedelta(days=3))
    IncidentFactory(school=school, created_by=sro, status=Status.CLOSED, disposition="informal_warning")
    client.force_login(sro)
    assert ids_in(client.get(reverse("incidents:my_open"))) == [follow_up.pk, draft.pk]


@pytest.mark.parametrize("count", [3, 30])
def test_the_incident_list_runs_a_fixed_number_of_queries(client, coordinator, school, count,
                                                          django_assert_num_queries):
    IncidentFactory.create_batch(count, status=SUBMITTED, school=school)
    client.force_login(coordinator)
    # session, user, grants, count, page, school and division choices, overdue assessments
    with django_assert_num_queries(8):
        client.get(reverse("incidents:incident_list"))


@pytest.mark.parametrize("count", [3, 30])
def test_the_review_queue_runs_a_fixed_number_of_queries(client, principal, school, count,
                                                         django_assert_num_queries):
    IncidentFactory.create_batch(count, school=school, status=Status.SUBMITTED)
    client.force_login(principal)
    with django_assert_num_queries(6):
        client.get(reverse("incidents:review_queue"))


@pytest.mark.parametrize("count", [3, 30])
def test_the_sros_open_list_runs_a_fixed_number_of_queries(client, sro, school, count, django_assert_num_queries):
    IncidentFactory.create_batch(count, school=school, created_by=sro)
    client.force_login(sro)
    # With the SRO's schools read once for each set of roles the page scopes by (scoped_incident_q lists them).
    with django_assert_num_queries(10):
        client.get(reverse("incidents:my_open"))


@pytest.mark.parametrize("count", [3, 30])
def test_the_exports_run_a_fixed_number_of_queries(client, coordinator, school, count, django_assert_num_queries):
    for incident in IncidentFactory.create_batch(count, status=SUBMITTED, school=school):
        PersonFactory(incident=incident)
    client.force_login(coordinator)
    # With the audit event (and its row count) and, for people, the access log line.
    with django_assert_num_queries(6):
        csv_of(client.get(reverse("incidents:incident_export")))
    with django_assert_num_queries(7):
        csv_of(client.post(reverse("incidents:people_export"), PURPOSE))
