"""The one rule for young people's personal information: PersonInvolved.objects.visible_to."""

import pytest

from incidents.models import Incident, PersonInvolved, Status

from .factories import IncidentFactory, PersonFactory


@pytest.fixture
def person(school, sro):
    """A person named in a submitted incident (a draft is its author's alone: tests/access/test_drafts.py)."""
    return PersonFactory(incident=IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED))


@pytest.mark.parametrize(("who", "sees"), [
    ("sro", True), ("principal", True), ("coordinator", True),
    ("evaluator", False), ("program_admin", False), ("outsider", False),
])
def test_people_involved_are_visible_only_to_the_school_team(request, person, who, sees):
    user = request.getfixturevalue(who)
    assert PersonInvolved.objects.visible_to(user).filter(pk=person.pk).exists() is sees


def test_an_sro_of_another_school_does_not_see_them(person, other_school):
    from tests.factories import sro_for

    assert not PersonInvolved.objects.visible_to(sro_for(other_school)).exists()


def test_the_reporting_sro_still_sees_their_record_after_reassignment(school, other_school):
    from tests.factories import sro_for

    author = sro_for(other_school)
    person = PersonFactory(incident=IncidentFactory(school=school, created_by=author))
    assert list(PersonInvolved.objects.visible_to(author)) == [person]


@pytest.mark.parametrize(("who", "sees"), [
    ("sro", True), ("principal", True), ("coordinator", True), ("program_admin", True),
    ("evaluator", False), ("outsider", False),
])
def test_incidents_are_visible_to_the_roles_with_row_level_access(request, person, who, sees):
    user = request.getfixturevalue(who)
    assert Incident.objects.visible_to(user).filter(pk=person.incident_id).exists() is sees


def test_anonymous_sees_nothing(person):
    from django.contrib.auth.models import AnonymousUser

    assert not PersonInvolved.objects.visible_to(AnonymousUser()).exists()
    assert not Incident.objects.visible_to(AnonymousUser()).exists()


@pytest.mark.parametrize(("who", "reads"), [
    ("sro", True), ("principal", True), ("coordinator", True), ("program_admin", False), ("outsider", False),
])
def test_a_text_awaiting_redaction_is_read_as_written_only_through_the_people_roles(request, person, who, reads):
    from incidents.models import RedactionReview
    from incidents.redaction import readable_texts

    incident = person.incident
    RedactionReview.objects.create(incident=incident, target=RedactionReview.Target.NARRATIVE,
                                   proposed_text="[redacted] argued.", matches=1)
    shown = readable_texts(request.getfixturevalue(who), incidents=[incident.pk]).get(incident, "narrative")
    assert (shown.text == incident.narrative, shown.withheld) == (reads, not reads)
