"""The redaction review list: coordinators (their division) and program administrators confirm, edit or
keep the proposed redactions of texts that named de-identified people; two reviewers cannot both decide."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from incidents.models import Incident, RedactionReview, Supplement
from incidents.retention import StaleReview, redaction_decide

from .factories import PersonFactory
from .retention_helpers import NOW, closed_incident, run

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]

LIST = reverse("incidents:redaction_list")


@pytest.fixture
def flagged(school, sro, settings):
    """An incident de-identified by the retention run, whose narrative and one supplement named Robin."""
    settings.INCIDENTS_RETENTION_YEARS = 5
    incident = closed_incident(school, narrative="Robin Privateperson pushed a student in the hallway.")
    PersonFactory(incident=incident, name="Robin Privateperson")
    supplement = Supplement.objects.create(incident=incident, author=sro, text="Robin's parents were called.")
    Supplement.objects.create(incident=incident, author=sro, text="The counsellor will follow up.")
    run()
    return incident, supplement


def review_of(incident, supplement=None):
    return RedactionReview.objects.get(incident=incident, supplement=supplement)


def url(review):
    return reverse("incidents:redaction_review", args=[review.pk])


def test_the_list_shows_the_flagged_texts_of_the_division(client, coordinator, flagged):
    incident, supplement = flagged
    client.force_login(coordinator)
    response = client.get(LIST)
    assert response.status_code == 200
    assert [review.pk for review in response.context["page"]] == [review_of(incident).pk,
                                                                   review_of(incident, supplement).pk]
    assert url(review_of(incident)) in response.text


def test_the_list_runs_a_fixed_number_of_queries(client, coordinator, school, sro, settings,
                                                  django_assert_max_num_queries):
    settings.INCIDENTS_RETENTION_YEARS = 5
    client.force_login(coordinator)

    def add_incidents(count):
        for number in range(count):
            incident = closed_incident(school, narrative=f"Sam{number} Doe ran.")
            PersonFactory(incident=incident, name=f"Sam{number} Doe")
            Supplement.objects.create(incident=incident, author=sro, text=f"Doe{number} apologized to Doe.")
        run()

    add_incidents(1)
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    add_incidents(5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert len(response.context["page"]) == 12


def test_confirming_an_edited_proposal_replaces_the_supplement(client, coordinator, flagged):
    incident, supplement = flagged
    review = review_of(incident, supplement)
    client.force_login(coordinator)
    page = client.get(url(review))
    assert page.context["form"]["text"].value() == "[redacted]'s parents were called."
    response = client.post(url(review), {"text": "[redacted]'s parents (the [redacted] family) were called.",
                                         "version": review.version, "action": "confirm"})
    assert response.status_code == 302 and response.url == LIST
    supplement.refresh_from_db()
    assert supplement.text == "[redacted]'s parents (the [redacted] family) were called."
    review.refresh_from_db()
    assert (review.decision, review.reviewed_by, review.reviewed_at) == ("redacted", coordinator, NOW)
    event = AuditEvent.objects.get(event=AuditEvent.Event.REDACTION_REVIEWED)
    assert (event.user, event.object_id, event.detail["decision"]) == (coordinator, str(incident.pk), "redacted")
    assert "Robin" not in repr(event.detail)
    assert review.pk not in [item.pk for item in client.get(LIST).context["page"]]


def test_the_current_text_is_shown_to_the_coordinator_not_the_program_admin(client, coordinator, program_admin,
                                                                            flagged):
    incident, _ = flagged
    review = review_of(incident)
    client.force_login(coordinator)
    assert "Robin Privateperson pushed" in client.get(url(review)).text
    client.force_login(program_admin)
    response = client.get(url(review))
    assert response.status_code == 200 and "Robin" not in response.text
    assert "[redacted] pushed a student" in response.text


def test_confirming_the_narrative_moves_the_incident_version(client, program_admin, flagged):
    incident, _ = flagged
    review = review_of(incident)
    client.force_login(program_admin)
    client.post(url(review), {"text": review.proposed_text, "version": review.version, "action": "confirm"})
    changed = Incident.objects.get(pk=incident.pk)
    assert changed.narrative == "[redacted] pushed a student in the hallway."
    assert changed.version == incident.version + 1


def test_keeping_the_text_leaves_it_and_closes_the_review(client, coordinator, flagged):
    incident, supplement = flagged
    review = review_of(incident, supplement)
    client.force_login(coordinator)
    response = client.post(url(review), {"text": "ignored", "version": review.version, "action": "keep"})
    assert response.status_code == 302
    supplement.refresh_from_db()
    assert supplement.text == "Robin's parents were called."
    review.refresh_from_db()
    assert review.decision == "kept" and review.reviewed_by == coordinator


def test_an_empty_text_is_refused(client, coordinator, flagged):
    incident, supplement = flagged
    review = review_of(incident, supplement)
    client.force_login(coordinator)
    response = client.post(url(review), {"text": "  ", "version": review.version, "action": "confirm"})
    assert response.status_code == 200 and response.context["form"].errors["text"]
    review.refresh_from_db()
    assert review.is_pending


def test_two_reviewers_cannot_both_decide(client, coordinator, program_admin, flagged):
    incident, supplement = flagged
    review = review_of(incident, supplement)
    loaded = review.version
    redaction_decide(review=RedactionReview.objects.get(pk=review.pk), actor=program_admin, version=loaded,
                     text="First: [redacted].")
    client.force_login(coordinator)
    response = client.post(url(review), {"text": "Second: [redacted].", "version": loaded, "action": "confirm"},
                           follow=True)
    assert "Someone else reviewed this text" in response.text
    supplement.refresh_from_db()
    assert supplement.text == "First: [redacted]."
    review.refresh_from_db()
    assert review.reviewed_by == program_admin
    assert AuditEvent.objects.filter(event=AuditEvent.Event.REDACTION_REVIEWED).count() == 1


def test_a_stale_version_of_a_pending_proposal_is_a_conflict(client, coordinator, flagged):
    incident, supplement = flagged
    review = review_of(incident, supplement)
    RedactionReview.objects.filter(pk=review.pk).update(version=review.version + 1,
                                                        proposed_text="Newer: [redacted].")
    client.force_login(coordinator)
    response = client.post(url(review), {"text": "Older.", "version": review.version, "action": "confirm"})
    assert response.status_code == 409
    assert response.context["form"]["text"].value() == "Newer: [redacted]."
    supplement.refresh_from_db()
    assert supplement.text == "Robin's parents were called."


def test_the_service_refuses_a_stale_claim(coordinator, program_admin, flagged):
    incident, supplement = flagged
    review = review_of(incident, supplement)
    with pytest.raises(StaleReview):
        redaction_decide(review=review, actor=coordinator, version=review.version + 1, text="x [redacted]")
    # Both loaded the pending review; the second to write loses, though it sends the version it read.
    mine, theirs = review_of(incident, supplement), review_of(incident, supplement)
    redaction_decide(review=theirs, actor=program_admin, version=theirs.version, text="Theirs [redacted].")
    with pytest.raises(StaleReview):
        redaction_decide(review=mine, actor=coordinator, version=mine.version, text="Mine [redacted].")
    supplement.refresh_from_db()
    assert supplement.text == "Theirs [redacted]."


def test_a_reviewed_text_sends_back_to_the_list(client, coordinator, flagged):
    incident, supplement = flagged
    review = review_of(incident, supplement)
    redaction_decide(review=review, actor=coordinator, version=review.version)
    client.force_login(coordinator)
    response = client.get(url(review))
    assert response.status_code == 302 and response.url == LIST


def test_a_coordinator_of_another_division_gets_404(client, outsider, flagged):
    incident, _ = flagged
    review = review_of(incident)
    client.force_login(outsider)
    assert client.get(url(review)).status_code == 404
    assert client.post(url(review), {"text": "x", "version": review.version}).status_code == 404
    assert list(client.get(LIST).context["page"]) == []
    review.refresh_from_db()
    assert review.is_pending


@pytest.mark.parametrize("role", ["sro", "principal", "evaluator"])
def test_other_roles_get_403(client, request, role, flagged):
    incident, _ = flagged
    client.force_login(request.getfixturevalue(role))
    assert client.get(LIST).status_code == 403
    assert client.get(url(review_of(incident))).status_code == 403


def test_the_menu_has_the_review_list_for_coordinators_only(client, coordinator, sro):
    from tests.test_home import nav_labels

    client.force_login(coordinator)
    assert "Redaction review" in nav_labels(client.get(reverse("home")))
    client.force_login(sro)
    assert "Redaction review" not in nav_labels(client.get(reverse("home")))
