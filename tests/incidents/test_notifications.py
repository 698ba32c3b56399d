"""Emails on workflow steps and requests for help: to the right people, a link, no personal information."""

import datetime

import pytest
from django.core import mail

from incidents import services
from incidents.models import Status
from incidents.workflow import incident_transition
from tests.factories import user_with_role

from .factories import IncidentFactory, PersonFactory

SECRETS = ("Robin", "Privateperson", "2011-03-04", "Two students argued")


@pytest.fixture
def incident(school, sro):
    incident = IncidentFactory(school=school, created_by=sro)
    PersonFactory(incident=incident, name="Robin Privateperson", age=None, date_of_birth=datetime.date(2011, 3, 4))
    return incident


def assert_no_personal_information(message):
    for secret in SECRETS:
        assert secret not in message.body
        assert secret not in message.subject


def test_the_schools_administrators_are_told_an_incident_awaits_review(
        incident, sro, principal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        incident_transition(incident=incident, to=Status.SUBMITTED, actor=sro)
    assert [m.to for m in mail.outbox] == [[principal.email]]
    assert f"/incidents/{incident.pk}/" in mail.outbox[0].body
    assert_no_personal_information(mail.outbox[0])


def test_administrators_of_other_schools_are_not_told(incident, sro, principal, other_school,
                                                       django_capture_on_commit_callbacks):
    from accounts.models import Role

    user_with_role(Role.SCHOOL_ADMIN, school=other_school, email="elsewhere@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        incident_transition(incident=incident, to=Status.SUBMITTED, actor=sro)
    assert "elsewhere@example.org" not in [m.to[0] for m in mail.outbox]


def test_the_sro_is_told_when_follow_up_is_requested(incident, sro, principal, django_capture_on_commit_callbacks):
    incident_transition(incident=incident, to=Status.SUBMITTED, actor=sro)
    incident_transition(incident=incident, to=Status.UNDER_REVIEW, actor=principal)
    with django_capture_on_commit_callbacks(execute=True):
        incident_transition(incident=incident, to=Status.FOLLOW_UP, actor=principal, note="Robin's parents?")
    assert [m.to for m in mail.outbox] == [[sro.email]]
    assert_no_personal_information(mail.outbox[0])


def test_the_link_uses_the_site_url(incident, sro, principal, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://sro.example.ca"
    with django_capture_on_commit_callbacks(execute=True):
        incident_transition(incident=incident, to=Status.SUBMITTED, actor=sro)
    assert f"https://sro.example.ca/incidents/{incident.pk}/" in mail.outbox[0].body


def test_a_refused_step_sends_nothing(incident, principal, django_capture_on_commit_callbacks):
    from django.core.exceptions import ValidationError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        incident_transition(incident=incident, to=Status.CLOSED, actor=principal)
    assert mail.outbox == []


def test_the_schools_sro_is_told_of_a_request_for_help(school, sro, principal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        help_request = services.help_request_create(
            actor=principal, school=school, subject="Robin Privateperson is being threatened",
            details="Robin Privateperson, born 2011-03-04, told a teacher.")
    assert [m.to for m in mail.outbox] == [[sro.email]]
    assert f"/incidents/requests/{help_request.pk}/" in mail.outbox[0].body
    assert_no_personal_information(mail.outbox[0])


def test_the_administrators_are_told_when_a_coordinator_reopens(school, sro, principal, coordinator,
                                                               django_capture_on_commit_callbacks):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.CLOSED, disposition="police_caution")
    with django_capture_on_commit_callbacks(execute=True):
        incident_transition(incident=incident, to=Status.UNDER_REVIEW, actor=coordinator, note="New information.")
    assert [m.to for m in mail.outbox] == [[principal.email]]


def test_the_access_log_is_read_only_in_the_admin_site(admin_client):
    from django.urls import reverse

    assert admin_client.get(reverse("admin:incidents_personalinfoaccess_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:incidents_personalinfoaccess_add")).status_code == 403
