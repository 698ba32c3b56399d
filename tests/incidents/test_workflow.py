"""incident_transition: every status pair, for every member of the cast."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from incidents.models import Disposition, IncidentEvent, Status
from incidents.workflow import TRANSITIONS, IncidentAccess, StaleIncident, incident_transition

from .factories import IncidentFactory

ROLES = ["sro", "principal", "coordinator", "evaluator", "program_admin", "outsider"]
# Who may make each move (the outsider is a coordinator of another division: never).
ALLOWED = {
    (Status.DRAFT, Status.SUBMITTED): {"sro"},
    (Status.FOLLOW_UP, Status.SUBMITTED): {"sro"},
    (Status.SUBMITTED, Status.UNDER_REVIEW): {"principal"},
    (Status.UNDER_REVIEW, Status.FOLLOW_UP): {"principal"},
    (Status.UNDER_REVIEW, Status.CLOSED): {"principal"},
    (Status.CLOSED, Status.UNDER_REVIEW): {"coordinator"},
}
# The review starts by itself when its first step is taken on a submitted incident (issue 16, defect 5):
# recorded as two events, submitted → under review, then the step.
IMPLICIT = {
    (Status.SUBMITTED, Status.FOLLOW_UP): {"principal"},
    (Status.SUBMITTED, Status.CLOSED): {"principal"},
}
CASES = [
    (src, to, who)
    for src, to in itertools.permutations(Status.values, 2)
    for who in ROLES
]


def test_the_map_is_the_one_the_tests_expect():
    assert set(TRANSITIONS) == set(ALLOWED)


@pytest.mark.parametrize(("src", "to", "who"), CASES)
def test_transition_is_allowed_only_to_the_roles_the_map_names(src, to, who, cast, school):
    incident = IncidentFactory(school=school, created_by=cast["sro"], status=src,
                               disposition=Disposition.INFORMAL_WARNING)
    actor = cast[who]
    if who in ALLOWED.get((src, to), set()) | IMPLICIT.get((src, to), set()):
        event = incident_transition(incident=incident, to=to, actor=actor, note="Checked with the family.")
        incident.refresh_from_db()
        assert incident.status == to
        step_from = Status.UNDER_REVIEW if (src, to) in IMPLICIT else src
        assert (event.actor, event.from_status, event.to_status, event.note) == (actor, step_from, to,
                                                                                 "Checked with the family.")
    else:
        expected = PermissionDenied if (src, to) in ALLOWED or (src, to) in IMPLICIT else ValidationError
        with pytest.raises(expected):
            incident_transition(incident=incident, to=to, actor=actor, note="Checked with the family.")
        incident.refresh_from_db()
        assert incident.status == src
        assert not IncidentEvent.objects.filter(incident=incident).exists()


def test_an_unknown_status_is_refused(incident, sro):
    with pytest.raises(ValidationError):
        incident_transition(incident=incident, to="deleted", actor=sro)


def test_submitting_stamps_the_submission_time_and_bumps_the_version(incident, sro):
    incident_transition(incident=incident, to=Status.SUBMITTED, actor=sro)
    assert incident.submitted_at is not None
    assert incident.version == 2


def test_an_sro_of_another_school_cannot_submit(school, other_school, sro):
    from tests.factories import sro_for

    other_sro = sro_for(other_school)
    incident = IncidentFactory(school=school, created_by=sro)
    with pytest.raises(PermissionDenied):
        incident_transition(incident=incident, to=Status.SUBMITTED, actor=other_sro)


def test_the_author_can_still_submit_after_their_assignment_moved(school, other_school):
    from tests.factories import sro_for

    author = sro_for(other_school)
    incident = IncidentFactory(school=school, created_by=author)
    incident_transition(incident=incident, to=Status.SUBMITTED, actor=author)
    assert incident.status == Status.SUBMITTED


def test_a_second_sro_of_the_school_cannot_submit_a_colleagues_draft(school, sro):
    """A draft is its author's alone until submitted (issue 12): a colleague does not reach it."""
    from tests.factories import sro_for

    colleague = sro_for(school)
    incident = IncidentFactory(school=school, created_by=sro)
    with pytest.raises(PermissionDenied):
        incident_transition(incident=incident, to=Status.SUBMITTED, actor=colleague)
    incident.refresh_from_db()
    assert incident.status == Status.DRAFT


def test_a_second_sro_of_the_school_can_resubmit_after_follow_up(school, sro):
    from tests.factories import sro_for

    colleague = sro_for(school)
    incident = IncidentFactory(school=school, created_by=sro, status=Status.FOLLOW_UP)
    incident_transition(incident=incident, to=Status.SUBMITTED, actor=colleague)
    assert incident.status == Status.SUBMITTED


def test_closing_requires_a_disposition(school, sro, principal):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.UNDER_REVIEW)
    with pytest.raises(ValidationError, match="disposition"):
        incident_transition(incident=incident, to=Status.CLOSED, actor=principal)
    incident.refresh_from_db()
    assert incident.status == Status.UNDER_REVIEW


@pytest.mark.parametrize(("src", "to", "who"), [
    (Status.UNDER_REVIEW, Status.FOLLOW_UP, "principal"),
    (Status.CLOSED, Status.UNDER_REVIEW, "coordinator"),
])
def test_requesting_follow_up_and_reopening_need_a_note(src, to, who, cast, school):
    incident = IncidentFactory(school=school, created_by=cast["sro"], status=src, disposition="informal_warning")
    with pytest.raises(ValidationError) as info:
        incident_transition(incident=incident, to=to, actor=cast[who], note="  ")
    assert "note" in info.value.error_dict


def test_a_stale_version_is_refused(incident, sro):
    with pytest.raises(StaleIncident):
        incident_transition(incident=incident, to=Status.SUBMITTED, actor=sro, version=incident.version + 1)


def test_a_double_submission_moves_the_incident_once(incident, sro):
    from incidents.models import Incident

    stale_copy = Incident.objects.get(pk=incident.pk)
    incident_transition(incident=incident, to=Status.SUBMITTED, actor=sro)
    with pytest.raises(StaleIncident):
        incident_transition(incident=stale_copy, to=Status.SUBMITTED, actor=sro)
    assert IncidentEvent.objects.filter(incident=incident).count() == 1


def test_the_buttons_offered_are_the_allowed_moves(school, sro, principal):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.UNDER_REVIEW)
    assert [to for to, _ in IncidentAccess(principal, incident).transitions()] == [Status.FOLLOW_UP, Status.CLOSED]
    assert IncidentAccess(sro, incident).transitions() == []
