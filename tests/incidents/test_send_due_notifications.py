"""The daily command: threat-assessment follow-ups that fall due are announced once, to the team."""

import datetime
import io
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command

from incidents.models import ThreatAssessment

from .factories import AssessmentFactory, IncidentFactory, PersonFactory

TODAY = datetime.date(2025, 11, 20)


def run(*args):
    out = io.StringIO()
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        call_command("send_due_notifications", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def due(school, sro, principal):
    incident = IncidentFactory(school=school, created_by=sro, status="submitted")
    PersonFactory(incident=incident, name="Robin Privateperson", date_of_birth=datetime.date(2011, 3, 4), age=None)
    return AssessmentFactory(incident=incident, created_by=sro, follow_up_on=TODAY)


def test_the_team_is_told_when_a_follow_up_falls_due(due, sro, principal):
    run()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([sro.email, principal.email])


def test_the_notice_has_a_link_and_no_personal_information(due):
    run()
    message = mail.outbox[0]
    assert f"/incidents/threat-assessments/{due.pk}/" in message.body
    for secret in ("Robin", "Privateperson", "2011-03-04", "Social-media", "counsellor"):
        assert secret not in message.body and secret not in message.subject


def test_running_twice_sends_once(due):
    run()
    run()
    assert len(mail.outbox) == 2  # the SRO and the principal, once each


def test_a_claimed_notice_is_not_sent_by_a_concurrent_run(due):
    ThreatAssessment.objects.filter(pk=due.pk).update(notified_for=TODAY)
    run()
    assert mail.outbox == []


def test_a_new_follow_up_date_is_announced_again(due):
    run()
    ThreatAssessment.objects.filter(pk=due.pk).update(follow_up_on=TODAY - datetime.timedelta(days=1))
    run()
    assert len(mail.outbox) == 4


def test_future_and_closed_follow_ups_are_not_announced(school, sro):
    AssessmentFactory(incident__school=school, follow_up_on=TODAY + datetime.timedelta(days=1))
    AssessmentFactory(incident__school=school, follow_up_on=TODAY, outcome="Resolved.", closed_on=TODAY)
    assert "0 follow-up(s) due" in run()
    assert mail.outbox == []


def test_a_dry_run_lists_without_sending_or_claiming(due):
    assert f"threat assessment {due.pk}" in run("--dry-run")
    due.refresh_from_db()
    assert (mail.outbox, due.notified_for) == ([], None)


def test_a_failed_send_gives_the_notice_back(due):
    with mock.patch("incidents.notifications.assessment_due", side_effect=OSError("mail server down")), \
            pytest.raises(OSError):
        run()
    due.refresh_from_db()
    assert due.notified_for is None
