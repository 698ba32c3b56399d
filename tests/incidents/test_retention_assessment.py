"""The retention period reaches the free texts of the incident's threat assessments and of the request for
help it came from: a text naming a de-identified person goes on the redaction review, where only the
coordinator (PEOPLE_ROLES) sees it — program administrators may not read these texts, even redacted."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from audit.models import AuditEvent
from incidents.models import (
    _ASSESSMENT_TARGETS,
    _HELP_REQUEST_TARGETS,
    HelpRequest,
    RedactionReview,
    ThreatAssessment,
)
from incidents.retention import redaction_decide

from .factories import AssessmentFactory, HelpRequestFactory, PersonFactory
from .retention_helpers import NOW, closed_incident, run

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]

LIST = reverse("incidents:redaction_list")
Target = RedactionReview.Target


@pytest.fixture(autouse=True)
def five_years(settings):
    settings.INCIDENTS_RETENTION_YEARS = 5


@pytest.fixture
def incident(school, principal):
    """A long-closed incident about Robin, with a threat assessment whose plan names Robin and a request
    for help whose details name Robin (its subject does not)."""
    incident = closed_incident(school, narrative="A student made threats in the hallway.")
    PersonFactory(incident=incident, name="Robin Privateperson")
    assessment = AssessmentFactory(incident=incident, team_members="SRO\nPrincipal Robin Staffname",
                                   data_gathered="Posts read.", intervention_plan="First plan.")
    # A later edit: the change history keeps both copies, the later one naming Robin.
    assessment.intervention_plan = "Weekly check-ins for Robin with the counsellor."
    assessment.save()
    HelpRequestFactory(school=school, raised_by=principal, subject="Threats at the back doors",
                       details="A staff member heard PRIVATEPERSON threaten a classmate.",
                       state=HelpRequest.State.CONVERTED, handled_at=NOW, incident=incident)
    return incident


def reviews_of(incident):
    return {review.target: review for review in RedactionReview.objects.filter(incident=incident)}


def url(review):
    return reverse("incidents:redaction_review", args=[review.pk])


def test_the_constraint_lists_match_the_field_maps():
    assert sorted(RedactionReview.ASSESSMENT_FIELDS) == sorted(_ASSESSMENT_TARGETS)
    assert sorted(RedactionReview.HELP_REQUEST_FIELDS) == sorted(_HELP_REQUEST_TARGETS)


def test_the_texts_naming_the_person_are_flagged_and_the_others_not(incident):
    assert "2 text(s)" in run()
    reviews = reviews_of(incident)
    assert set(reviews) == {Target.TA_INTERVENTION_PLAN, Target.HELP_DETAILS}
    plan, details = reviews[Target.TA_INTERVENTION_PLAN], reviews[Target.HELP_DETAILS]
    assert plan.threat_assessment == incident.threat_assessments.get()
    assert (plan.help_request, plan.supplement) == (None, None)
    assert plan.proposed_text == "Weekly check-ins for [redacted] with the counsellor."
    assert details.help_request == incident.help_request and details.threat_assessment is None
    assert details.proposed_text == "A staff member heard [redacted] threaten a classmate."
    # Nothing is rewritten before the review; the team members (staff) are not searched.
    assessment = ThreatAssessment.objects.get()
    assert assessment.intervention_plan == "Weekly check-ins for Robin with the counsellor."
    assert assessment.team_members == "SRO\nPrincipal Robin Staffname"


def test_every_assessment_of_the_incident_is_searched(incident, principal):
    second = AssessmentFactory(incident=incident, created_by=principal, data_gathered="Robin's locker.",
                               intervention_plan="", immediate_steps="", outcome="Closed, Robin moved.",
                               closed_on=datetime.date(2025, 12, 1))
    run()
    flagged = {(review.target, review.threat_assessment_id)
               for review in RedactionReview.objects.filter(threat_assessment__isnull=False)}
    first = incident.threat_assessments.exclude(pk=second.pk).get()
    assert flagged == {(Target.TA_INTERVENTION_PLAN, first.pk), (Target.TA_DATA_GATHERED, second.pk),
                       (Target.TA_OUTCOME, second.pk)}


def test_a_request_for_help_of_another_incident_is_not_touched(incident, school, principal):
    other = closed_incident(school, narrative="Nothing here.")
    PersonFactory(incident=other, name="Kim Other")
    HelpRequestFactory(school=school, raised_by=principal, details="Robin again.",
                       state=HelpRequest.State.CONVERTED, handled_at=NOW, incident=other)
    run()
    assert not RedactionReview.objects.filter(incident=other).exists()
    assert reviews_of(incident)[Target.HELP_DETAILS].help_request == incident.help_request


def test_running_twice_makes_no_second_review(incident):
    run()
    first = set(RedactionReview.objects.values_list("pk", "target", "version"))
    with time_machine.travel(NOW + datetime.timedelta(days=1), tick=False):
        assert "0 text(s)" in run()
    assert set(RedactionReview.objects.values_list("pk", "target", "version")) == first


def test_one_pending_review_per_assessment_text_in_the_database(coordinator, incident):
    run()
    plan = reviews_of(incident)[Target.TA_INTERVENTION_PLAN]
    with pytest.raises(IntegrityError), transaction.atomic():
        RedactionReview.objects.create(incident=incident, target=Target.TA_INTERVENTION_PLAN,
                                       threat_assessment=plan.threat_assessment, proposed_text="again")
    with pytest.raises(IntegrityError), transaction.atomic():  # an assessment text needs its assessment
        RedactionReview.objects.create(incident=incident, target=Target.TA_OUTCOME, proposed_text="x")
    # Once reviewed, the text may be flagged again (another person, a later run).
    redaction_decide(review=plan, actor=coordinator, version=plan.version)
    RedactionReview.objects.create(incident=incident, target=Target.TA_INTERVENTION_PLAN,
                                   threat_assessment=plan.threat_assessment, proposed_text="again")


def test_confirming_replaces_the_assessment_text_and_its_history_copies(client, coordinator, incident):
    run()
    plan = reviews_of(incident)[Target.TA_INTERVENTION_PLAN]
    client.force_login(coordinator)
    page = client.get(url(plan))
    assert page.status_code == 200
    assert "Threat assessment — intervention plan" in page.text
    assert "Weekly check-ins for Robin" in page.text  # the coordinator sees the current text
    response = client.post(url(plan), {"text": "Weekly check-ins for [redacted].", "version": plan.version,
                                       "action": "confirm"})
    assert response.status_code == 302 and response.url == LIST
    assessment = ThreatAssessment.objects.get()
    assert assessment.intervention_plan == "Weekly check-ins for [redacted]."
    assert assessment.data_gathered == "Posts read."
    copies = set(ThreatAssessment.history.filter(id=assessment.pk).values_list("intervention_plan", flat=True))
    assert copies == {"Weekly check-ins for [redacted]."}
    event = AuditEvent.objects.get(event=AuditEvent.Event.REDACTION_REVIEWED)
    assert event.detail["threat_assessment"] == assessment.pk and "Robin" not in repr(event.detail)


def test_confirming_replaces_the_request_details(client, coordinator, incident):
    run()
    details = reviews_of(incident)[Target.HELP_DETAILS]
    client.force_login(coordinator)
    assert "Request for help — details" in client.get(LIST).text
    client.post(url(details), {"text": details.proposed_text, "version": details.version, "action": "confirm"})
    request = HelpRequest.objects.get()
    assert request.details == "A staff member heard [redacted] threaten a classmate."
    assert request.subject == "Threats at the back doors"
    details.refresh_from_db()
    assert details.decision == "redacted" and details.reviewed_by == coordinator


def test_a_subject_longer_than_its_field_is_refused(coordinator, incident):
    HelpRequest.objects.filter(incident=incident).update(subject="Robin at the back doors")
    run()
    subject = reviews_of(incident)[Target.HELP_SUBJECT]
    with pytest.raises(ValidationError) as error:
        redaction_decide(review=subject, actor=coordinator, version=subject.version, text="[redacted] " * 30)
    assert "at most 200 characters" in str(error.value)
    subject.refresh_from_db()
    assert subject.is_pending and HelpRequest.objects.get().subject == "Robin at the back doors"


def test_a_stale_version_is_refused(client, coordinator, incident):
    run()
    plan = reviews_of(incident)[Target.TA_INTERVENTION_PLAN]
    client.force_login(coordinator)
    response = client.post(url(plan), {"text": "x [redacted]", "version": plan.version + 1, "action": "confirm"})
    assert response.status_code == 409
    assert ThreatAssessment.objects.get().intervention_plan == "Weekly check-ins for Robin with the counsellor."


def test_program_admins_do_not_see_these_reviews(client, program_admin, incident):
    incident.narrative = "Robin made threats."
    incident.save()
    run()
    reviews = reviews_of(incident)
    client.force_login(program_admin)
    listed = {review.target for review in client.get(LIST).context["page"]}
    assert listed == {Target.NARRATIVE}  # the incident's own text, as before
    for target in (Target.TA_INTERVENTION_PLAN, Target.HELP_DETAILS):
        review = reviews[target]
        assert client.get(url(review)).status_code == 404
        response = client.post(url(review), {"text": "x [redacted]", "version": review.version,
                                             "action": "confirm"})
        assert response.status_code == 404
        with pytest.raises(PermissionDenied):
            redaction_decide(review=review, actor=program_admin, version=review.version, text="x [redacted]")
        review.refresh_from_db()
        assert review.is_pending
    assert ThreatAssessment.objects.get().intervention_plan == "Weekly check-ins for Robin with the counsellor."


def test_a_coordinator_of_another_division_gets_404(client, outsider, incident):
    run()
    plan = reviews_of(incident)[Target.TA_INTERVENTION_PLAN]
    client.force_login(outsider)
    assert client.get(url(plan)).status_code == 404
    assert list(client.get(LIST).context["page"]) == []
