"""Every CSV export of the project writes an audit event "export" for the user who downloaded it
(issue 7, "Trust"). A new export (any URL ending in .csv) must be added here, or the suite fails."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from audit.models import AuditEvent
from incidents.models import Status
from tests.evaluations.factories import SurveyFactory
from tests.incidents.factories import IncidentFactory, PersonFactory
from tests.officers.factories import officer_for


def no_args(request):
    return []


def an_incident_with_a_person(request):
    incident = IncidentFactory(school=request.getfixturevalue("school"), status=Status.SUBMITTED)
    PersonFactory(incident=incident)
    return [incident.pk]


def an_officer_of_the_division(request):
    return [officer_for(request.getfixturevalue("division")).pk]


def the_division(request):
    return [request.getfixturevalue("division").pk]


def a_report_table_of_the_division(request):
    return [request.getfixturevalue("division").pk, "truancy"]


def a_survey_of_the_division(request):
    return [SurveyFactory(schools=[request.getfixturevalue("school")]).pk]


def a_division_panel(request):
    return [request.getfixturevalue("division").pk, "incidents-by-category"]


def a_school_panel(request):
    return [request.getfixturevalue("school").pk, "contact-hours"]


# URL name: (export name in the audit event, how to build the URL's arguments, method, form data)
EXPORTS = {
    "schools:school_export": ("schools", no_args, "get", {}),
    "audit:event_export": ("audit_events", no_args, "get", {}),
    "officers:officer_export": ("officers", no_args, "get", {}),
    "activities:export": ("activities", no_args, "get", {}),
    "incidents:incident_export": ("incidents", no_args, "get", {}),
    "incidents:people_export": ("people_involved", no_args, "post", {"purpose": "program_administration"}),
    "incidents:incident_history_export": ("incident_history", an_incident_with_a_person, "post",
                                          {"purpose": "court"}),
    "officers:officer_history_export": ("officer_history", an_officer_of_the_division, "get", {}),
    "incidents:access_log_export": ("personal_info_access", no_args, "get", {}),
    "evaluations:survey_export": ("surveys", no_args, "get", {}),
    "evaluations:survey_results_export": ("survey_results:{0}", a_survey_of_the_division, "get", {}),
    "evaluations:outcome_export": ("outcome_data", no_args, "get", {}),
    "costs:overview_export": ("costs_divisions", no_args, "get", {}),
    "costs:division_schools_export": ("costs_schools", the_division, "get", {}),
    "costs:division_officers_export": ("costs_officers", the_division, "get", {}),
    "report:division_table": ("outcome_report:{1}", a_report_table_of_the_division, "get", {}),
    "incidents:review_queue_export": ("review_queue", no_args, "get", {}),
    "incidents:my_open_export": ("my_open_incidents", no_args, "get", {}),
    "incidents:request_export": ("help_requests", no_args, "get", {}),
    "incidents:assessment_export": ("threat_assessments", no_args, "get", {}),
    "incidents:redaction_export": ("redaction_review", no_args, "get", {}),
    "officers:terms_ending_export": ("terms_ending", no_args, "get", {}),
    "activities:my_log_export": ("my_log", no_args, "get", {}),
    "evaluations:instrument_export": ("instruments", no_args, "get", {}),
    "evaluations:results_list_export": ("survey_results_list", no_args, "get", {}),
    "dashboards:division_csv": ("dashboard:division:{1}", a_division_panel, "get", {}),
    "dashboards:school_csv": ("dashboard:school:{1}", a_school_panel, "get", {}),
}
# The exports of one role's own work, downloaded by that role rather than the coordinator.
EXPORTED_BY = {
    "incidents:review_queue_export": "principal",
    "incidents:my_open_export": "sro",
    "activities:my_log_export": "sro",
}


def csv_url_names(patterns=None, namespace=""):
    """The names of every URL pattern whose route is a CSV file."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from csv_url_names(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern) and str(pattern.pattern).endswith(".csv"):
            yield f"{namespace}{pattern.name}"


def test_every_csv_export_is_checked_here():
    assert sorted(csv_url_names()) == sorted(EXPORTS)


# Exports that only a program administrator may download: they are checked with that user (and the
# coordinator is the one who must have no event).
PROGRAM_ADMIN_EXPORTS = {
    "report:program_table": ("outcome_report:{0}", lambda request: ["truancy"], "get", {}),
}
EXPORTS.update(PROGRAM_ADMIN_EXPORTS)


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_the_export_is_audited(client, request, coordinator, program_admin, school, name):
    export, args, method, data = EXPORTS[name]
    user, other = (program_admin, coordinator) if name in PROGRAM_ADMIN_EXPORTS else (coordinator, program_admin)
    PersonFactory(incident=IncidentFactory(school=school, status=Status.SUBMITTED))
    if name in EXPORTED_BY:
        user = request.getfixturevalue(EXPORTED_BY[name])
    client.force_login(user)
    url_args = args(request)
    response = getattr(client, method)(reverse(name, args=url_args), data)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    b"".join(response.streaming_content)
    assert response.streaming
    event = AuditEvent.objects.get(event=AuditEvent.Event.EXPORT, user=user)
    assert event.outcome == AuditEvent.Outcome.SUCCESS
    assert event.detail["export"] == export.format(*url_args)
    assert isinstance(event.detail.get("rows"), int)
    assert not AuditEvent.objects.filter(event=AuditEvent.Event.EXPORT, user=other).exists()


def test_a_refused_export_writes_no_export_event(client, evaluator):
    client.force_login(evaluator)
    assert client.get(reverse("incidents:incident_export")).status_code == 403
    assert not AuditEvent.objects.filter(event=AuditEvent.Event.EXPORT).exists()
