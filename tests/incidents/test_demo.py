"""The demo incidents: plausible, within the rules, and what the demo users need to see."""

import statistics

import pytest

from accounts.models import User
from incidents.models import (
    Disposition,
    HelpRequest,
    Incident,
    PersonInvolved,
    PersonRole,
    RedactionReview,
    Status,
    ThreatAssessment,
)

# The demo is seeded once for the module (tests/conftest.py, `seeded_demo`). A database test, so it runs
# with the other database tests and before the transactional ones, whose closing flush removes the rows
# that data migrations made (the course catalogue).
pytestmark = pytest.mark.django_db


def test_the_demo_principal_has_incidents_awaiting_review(seeded_demo):
    principal = User.objects.get(username="principal")
    assert Incident.objects.visible_to(principal, roles=["school_admin"]).awaiting_review().count() >= 4


def test_the_demo_has_exactly_one_overdue_threat_assessment(seeded_demo):
    assert ThreatAssessment.objects.overdue().count() == 1
    assert ThreatAssessment.objects.count() >= 3


def test_the_demo_has_requests_for_help_in_each_state(seeded_demo):
    assert set(HelpRequest.objects.values_list("state", flat=True)) == set(HelpRequest.State.values)


def test_no_demo_charge_against_a_subject_under_12(seeded_demo):
    for incident in Incident.objects.filter(disposition=Disposition.CHARGE_LAID).prefetch_related("people"):
        ages = [p.age_on(incident.occurred_at) for p in incident.people.all() if p.role == PersonRole.SUBJECT]
        assert min(ages) >= 12


def test_every_closed_demo_incident_has_a_disposition_and_a_history(seeded_demo):
    closed = Incident.objects.filter(status=Status.CLOSED)
    assert not closed.filter(disposition="").exists()
    assert not closed.filter(events__isnull=True).exists()


def test_the_sro_gets_there_faster_than_a_patrol(seeded_demo):
    def median(unit):
        return statistics.median(i.response_minutes for i in Incident.objects.filter(responding_unit=unit))

    assert median("sro") < median("patrol")


def test_the_school_year_is_busier_than_the_summer(seeded_demo):
    summer = Incident.objects.filter(occurred_at__month__in=[7, 8]).count()
    october = Incident.objects.filter(occurred_at__month=10).count()
    assert october > 5 * summer


def test_the_demo_coordinator_has_texts_to_review_after_the_retention_run(seeded_demo):
    coordinator = User.objects.get(username="coordinator")
    pending = RedactionReview.objects.visible_to(coordinator).pending()
    assert pending.count() >= 3
    assert all("[redacted]" in review.proposed_text for review in pending)
    old_people = PersonInvolved.objects.filter(incident__in=pending.values("incident"))
    assert old_people.exists() and not old_people.exclude(name="").exists()
    assert not old_people.filter(age_band="").exists()
