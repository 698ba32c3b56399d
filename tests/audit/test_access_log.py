"""The personal-information access log (issue 7, "Trust"): every page and export that shows people
involved is logged with the source address; exports need a purpose; coordinators and program
administrators search the log, each within their scope, and never see a young person's name there."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from incidents.models import ExportPurpose, PersonalInfoAccess, Status
from tests.csvfiles import csv_text
from tests.incidents.factories import AssessmentFactory, HelpRequestFactory, IncidentFactory, PersonFactory

ADDRESS = "203.0.113.9"
NAME = "Robin Privateperson"


def csv_of(response):
    return csv_text(response)


@pytest.fixture
def incident(school, sro):
    return IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)


def access(user, incident=None, **fields):
    return PersonalInfoAccess.objects.create(user=user, incident=incident,
                                             kind=fields.pop("kind", PersonalInfoAccess.Kind.PAGE), **fields)


# Every page that shows people involved is logged, with the address ---------------------------

def test_the_incident_page_logs_the_source_address(client, sro, incident):
    PersonFactory(incident=incident, name=NAME)
    client.force_login(sro)
    client.get(reverse("incidents:incident_detail", args=[incident.pk]), REMOTE_ADDR=ADDRESS)
    row = PersonalInfoAccess.objects.get(user=sro)
    assert (row.incident, row.kind, row.source_address, row.purpose) == (incident, "page", ADDRESS, "")


def test_the_person_form_of_a_saved_person_is_logged(client, sro, incident):
    person = PersonFactory(incident=incident, name=NAME)
    client.force_login(sro)
    response = client.get(reverse("incidents:person_edit", args=[incident.pk, person.pk]), REMOTE_ADDR=ADDRESS)
    assert NAME in response.text
    row = PersonalInfoAccess.objects.get(user=sro)
    assert (row.incident, row.detail, row.source_address) == (incident, f"person {person.pk}", ADDRESS)


def test_the_empty_form_to_add_a_person_shows_no_one_and_is_not_logged(client, sro, incident):
    client.force_login(sro)
    assert client.get(reverse("incidents:person_create", args=[incident.pk])).status_code == 200
    assert not PersonalInfoAccess.objects.exists()


@pytest.mark.parametrize("who", ["sro", "principal", "coordinator"])
def test_the_threat_assessment_page_is_logged(client, request, sro, incident, who):
    assessment = AssessmentFactory(incident=incident, created_by=sro)
    user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(reverse("incidents:assessment_detail", args=[assessment.pk])).status_code == 200
    row = PersonalInfoAccess.objects.get(user=user)
    assert (row.incident, row.detail, row.kind) == (incident, f"threat assessment {assessment.pk}", "page")


def test_the_threat_assessment_form_is_logged(client, sro, incident):
    assessment = AssessmentFactory(incident=incident, created_by=sro)
    client.force_login(sro)
    assert client.get(reverse("incidents:assessment_edit", args=[assessment.pk])).status_code == 200
    assert PersonalInfoAccess.objects.get(user=sro).detail == f"threat assessment {assessment.pk}"


def test_the_request_for_help_page_is_logged(client, sro, principal, school):
    help_request = HelpRequestFactory(school=school, raised_by=principal)
    client.force_login(sro)
    assert client.get(reverse("incidents:request_detail", args=[help_request.pk])).status_code == 200
    row = PersonalInfoAccess.objects.get(user=sro)
    assert (row.incident, row.detail) == (None, f"request for help {help_request.pk}")


def test_taking_a_request_for_help_shows_its_details_and_is_logged(client, sro, principal, school):
    help_request = HelpRequestFactory(school=school, raised_by=principal)
    client.force_login(sro)
    assert client.get(reverse("incidents:request_convert", args=[help_request.pk])).status_code == 200
    assert PersonalInfoAccess.objects.get(user=sro).detail == f"request for help {help_request.pk}"


def test_a_refused_decline_shows_the_request_again_and_is_logged(client, sro, principal, school):
    help_request = HelpRequestFactory(school=school, raised_by=principal)
    client.force_login(sro)
    response = client.post(reverse("incidents:request_decline", args=[help_request.pk]), {"reason": ""})
    assert response.status_code == 400 and help_request.details in response.text
    assert PersonalInfoAccess.objects.get(user=sro).detail == f"request for help {help_request.pk}"


def test_a_page_refused_to_someone_out_of_scope_is_not_logged(client, outsider, sro, incident):
    assessment = AssessmentFactory(incident=incident, created_by=sro)
    client.force_login(outsider)
    assert client.get(reverse("incidents:assessment_detail", args=[assessment.pk])).status_code == 404
    assert not PersonalInfoAccess.objects.exists()


# The people export needs a purpose ------------------------------------------------------------

def test_the_people_export_link_leads_to_a_purpose_form_that_keeps_the_filters(client, coordinator, incident):
    PersonFactory(incident=incident, name=NAME)
    client.force_login(coordinator)
    response = client.get(reverse("incidents:people_export"), {"category": "theft", "page": "2", "junk": "x"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert NAME not in response.text
    assert '<input type="hidden" name="category" value="theft">' in response.text
    assert 'name="page"' not in response.text and 'name="junk"' not in response.text
    assert str(ExportPurpose.COURT.label) in response.text
    assert not PersonalInfoAccess.objects.exists()
    assert not AuditEvent.objects.filter(event=AuditEvent.Event.EXPORT).exists()


@pytest.mark.parametrize("data", [{}, {"purpose": ""}, {"purpose": "curiosity"}])
def test_no_people_export_without_a_valid_purpose(client, coordinator, incident, data):
    PersonFactory(incident=incident, name=NAME)
    client.force_login(coordinator)
    response = client.post(reverse("incidents:people_export"), {"category": "theft", **data})
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    assert NAME not in response.text
    assert response.context["form"].errors["purpose"]
    assert '<input type="hidden" name="category" value="theft">' in response.text
    assert not PersonalInfoAccess.objects.exists()
    assert not AuditEvent.objects.filter(event=AuditEvent.Event.EXPORT).exists()


def test_the_service_refuses_an_export_log_without_a_purpose(coordinator):
    from django.core.exceptions import ValidationError

    from incidents.services import personal_info_viewed

    with pytest.raises(ValidationError):
        personal_info_viewed(user=coordinator, kind=PersonalInfoAccess.Kind.EXPORT)


def test_the_people_export_with_a_purpose_streams_the_filtered_people_and_logs_the_purpose(
        client, coordinator, school, sro):
    theft = IncidentFactory(school=school, created_by=sro, category="theft", status=Status.SUBMITTED)
    PersonFactory(incident=theft, name=NAME)
    PersonFactory(incident=IncidentFactory(school=school, category="bullying", status=Status.SUBMITTED), name="Casey Otherincident")
    client.force_login(coordinator)
    response = client.post(reverse("incidents:people_export"),
                           {"category": "theft", "purpose": ExportPurpose.THREAT_ASSESSMENT}, REMOTE_ADDR=ADDRESS)
    content = csv_of(response)
    assert NAME in content and "Casey" not in content
    row = PersonalInfoAccess.objects.get(user=coordinator)
    assert (row.kind, row.purpose, row.source_address, row.detail) == (
        "export", "threat_assessment", ADDRESS, "category=theft")
    event = AuditEvent.objects.get(event=AuditEvent.Event.EXPORT, user=coordinator)
    assert (event.detail["export"], event.detail["filters"], event.detail["rows"]) == ("people_involved", "category", 1)


# The search page ------------------------------------------------------------------------------

@pytest.fixture
def log(sro, coordinator, outsider, school, other_school, outside_school):
    """Rows about incidents of the division, one outside it, and exports (no incident) by someone of
    the division and by someone outside it."""
    ours = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)
    sister = IncidentFactory(school=other_school, status=Status.SUBMITTED)
    theirs = IncidentFactory(school=outside_school, status=Status.SUBMITTED)
    return {
        "ours": access(sro, ours), "sister": access(coordinator, sister), "theirs": access(outsider, theirs),
        "our_export": access(sro, kind="export", purpose=ExportPurpose.COURT, detail="category=theft"),
        "their_export": access(outsider, kind="export", purpose=ExportPurpose.OTHER),
    }


def listed(response):
    return {row.pk for row in response.context["page"]}


def test_a_coordinator_sees_the_accesses_of_their_scope_only(client, coordinator, log):
    client.force_login(coordinator)
    response = client.get(reverse("incidents:access_log"))
    assert response.status_code == 200
    assert listed(response) == {log["ours"].pk, log["sister"].pk, log["our_export"].pk}


def test_a_program_admin_sees_every_access(client, program_admin, log):
    client.force_login(program_admin)
    assert listed(client.get(reverse("incidents:access_log"))) == {row.pk for row in log.values()}


@pytest.mark.parametrize("who", ["sro", "principal", "evaluator"])
def test_other_roles_may_not_read_the_access_log(client, request, who, log):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("incidents:access_log")).status_code == 403
    assert client.get(reverse("incidents:access_log_export")).status_code == 403


def test_the_log_is_filtered_by_record_user_kind_and_purpose(client, program_admin, log):
    client.force_login(program_admin)
    url = reverse("incidents:access_log")
    assert listed(client.get(url, {"incident": log["ours"].incident_id})) == {log["ours"].pk}
    assert listed(client.get(url, {"username": "SRO"})) == {log["ours"].pk, log["our_export"].pk}
    assert listed(client.get(url, {"kind": "export"})) == {log["our_export"].pk, log["their_export"].pk}
    assert listed(client.get(url, {"purpose": "court"})) == {log["our_export"].pk}


def test_the_log_is_filtered_by_date_range(client, program_admin, sro):
    today = timezone.localdate()
    old = access(sro, at=timezone.now() - datetime.timedelta(days=40))
    recent = access(sro)
    client.force_login(program_admin)
    url = reverse("incidents:access_log")
    since = (today - datetime.timedelta(days=7)).isoformat()
    assert listed(client.get(url, {"since": since})) == {recent.pk}
    assert listed(client.get(url, {"until": since})) == {old.pk}


def test_the_log_shows_no_young_persons_name(client, coordinator, sro, incident):
    PersonFactory(incident=incident, name=NAME)
    client.force_login(sro)
    client.get(reverse("incidents:incident_detail", args=[incident.pk]))
    client.post(reverse("incidents:people_export"), {"purpose": "court"})
    client.force_login(coordinator)
    response = client.get(reverse("incidents:access_log"))
    assert len(response.context["page"]) == 2
    assert "Robin" not in response.text and "Privateperson" not in response.text
    assert f"#{incident.pk}" in response.text and "sro" in response.text
    assert "Robin" not in csv_of(client.get(reverse("incidents:access_log_export")))


@pytest.mark.parametrize("count", [3, 30])
def test_the_log_page_runs_a_fixed_number_of_queries(client, coordinator, sro, school, count,
                                                     django_assert_num_queries):
    for incident in IncidentFactory.create_batch(count, school=school, status=Status.SUBMITTED):
        access(sro, incident, source_address=ADDRESS)
        access(sro, kind="export", purpose="court")
    client.force_login(coordinator)
    # session, user, grants, count, page (with the users)
    with django_assert_num_queries(5):
        response = client.get(reverse("incidents:access_log"))
    assert len(response.context["page"]) == min(2 * count, 50)


def test_the_log_export_is_the_filtered_log_and_is_audited(client, coordinator, log):
    client.force_login(coordinator)
    response = client.get(reverse("incidents:access_log_export"), {"kind": "export"}, REMOTE_ADDR=ADDRESS)
    lines = csv_of(response).strip().splitlines()
    assert len(lines) == 2
    assert "sro" in lines[1] and "Court order" in lines[1] and "category=theft" in lines[1]
    event = AuditEvent.objects.get(event=AuditEvent.Event.EXPORT, user=coordinator)
    assert (event.detail["export"], event.detail["rows"], event.source_address) == ("personal_info_access", 1,
                                                                                     ADDRESS)


def test_the_access_log_is_in_the_menu_of_coordinators_and_program_admins_only(client, coordinator,
                                                                               program_admin, sro):
    url = reverse("incidents:access_log")
    for user, shown in [(coordinator, True), (program_admin, True), (sro, False)]:
        client.force_login(user)
        urls = [item["url"] for item in client.get(reverse("home")).context["nav_items"]]
        assert (url in urls) is shown
