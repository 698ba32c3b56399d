"""Drafts are the author's (issue 12, finding 4).

An incident exists for anyone but its author only from its first submission: a draft the SRO has
never submitted answers 404 on every incident URL to the school's administrator, the division
coordinator, a program administrator and another SRO of the school (403 where the role is refused
anyway), and is in none of their lists, counts or exports. Sent back to the SRO after review
(follow-up), it stays visible: it was submitted before. The rule is scoped_incident_q
(incidents/models.py), through Incident.objects.visible_to.
"""

import pytest
from django.urls import reverse

from incidents.models import PersonalInfoAccess, Status
from incidents.workflow import incident_transition
from tests.csvfiles import csv_text
from tests.factories import sro_for
from tests.incidents.factories import HelpRequestFactory, IncidentFactory, PersonFactory

from .matrix import FORBIDDEN, INSIDE, MATRIX, NOT_FOUND, PRINCIPAL, PROGRAM_ADMIN, SRO

NAME = "Robin Draftperson"
PURPOSE = {"purpose": "court"}
# Every incident URL, and whether it is posted.
INCIDENT_URLS = ["incident_detail", "incident_history", "incident_history_export", "incident_edit",
                 "incident_transition", "supplement_add", "school_response", "person_create", "person_edit",
                 "person_remove", "assessment_create"]
OTHERS = [PRINCIPAL, "coordinator", PROGRAM_ADMIN, "other_sro"]


@pytest.fixture
def draft(school, sro):
    """A draft of the school's SRO, never submitted, naming a young person."""
    incident = IncidentFactory(school=school, created_by=sro, status=Status.DRAFT)
    PersonFactory(incident=incident, name=NAME)
    return incident


@pytest.fixture
def other_sro(school):
    """A second SRO of the same school."""
    return sro_for(school, username="secondsro")


def _url(name, incident):
    args = [incident.pk]
    if name in {"person_edit", "person_remove"}:
        args.append(incident.people.get().pk)
    return reverse(f"incidents:{name}", args=args)


def _expected(name, who):
    """404 for a role that reaches the URL on an incident in its scope; 403 where the role is refused."""
    row = MATRIX[f"incidents:{name}"]
    role = SRO if who == "other_sro" else who
    return FORBIDDEN if row.outcome(role, INSIDE) == FORBIDDEN else NOT_FOUND


@pytest.mark.parametrize("who", OTHERS)
@pytest.mark.parametrize("name", INCIDENT_URLS)
def test_no_one_but_the_author_reaches_a_draft(client, request, draft, name, who):
    client.force_login(request.getfixturevalue(who))
    method = MATRIX[f"incidents:{name}"].method
    response = getattr(client, method)(_url(name, draft))
    assert response.status_code == _expected(name, who)


@pytest.mark.parametrize("name", ["incident_detail", "incident_edit", "person_create", "person_edit"])
def test_the_author_reaches_their_draft(client, sro, draft, name):
    client.force_login(sro)
    response = client.get(_url(name, draft))
    assert response.status_code == 200
    if name == "incident_detail":
        assert NAME in response.text


@pytest.mark.parametrize("who", OTHERS)
def test_a_draft_is_in_no_one_elses_list_count_or_export(client, request, draft, who):
    client.force_login(request.getfixturevalue(who))
    listed = client.get(reverse("incidents:incident_list"))
    assert listed.context["page"].paginator.count == 0
    export = csv_text(client.get(reverse("incidents:incident_export")))
    assert len(export.strip().splitlines()) == 1  # the header only


@pytest.mark.parametrize("who", [PRINCIPAL, "coordinator", "other_sro"])
def test_a_draft_is_in_no_one_elses_people_export(client, request, draft, who):
    client.force_login(request.getfixturevalue(who))
    export = b"".join(client.post(reverse("incidents:people_export"), PURPOSE).streaming_content).decode()
    assert NAME not in export


def test_a_draft_is_not_among_another_sros_open_incidents(client, other_sro, draft):
    client.force_login(other_sro)
    assert client.get(reverse("incidents:my_open")).context["page"].paginator.count == 0


def test_the_author_lists_counts_and_exports_their_draft(client, sro, draft):
    client.force_login(sro)
    assert client.get(reverse("incidents:incident_list")).context["page"].paginator.count == 1
    assert client.get(reverse("incidents:my_open")).context["page"].paginator.count == 1
    assert NAME in b"".join(client.post(reverse("incidents:people_export"), PURPOSE).streaming_content).decode()


def test_the_access_log_keeps_a_draft_from_the_coordinator(client, sro, coordinator, draft):
    PersonalInfoAccess.objects.create(user=sro, kind=PersonalInfoAccess.Kind.PAGE, incident=draft)
    client.force_login(coordinator)
    assert client.get(reverse("incidents:access_log")).context["page"].paginator.count == 0
    assert client.get(reverse("incidents:access_log"), {"incident": draft.pk}).context["page"].paginator.count == 0


def test_a_request_for_help_taken_as_a_draft_does_not_link_to_it(client, principal, school, draft):
    HelpRequestFactory(school=school, raised_by=principal, state="converted", incident=draft)
    client.force_login(principal)
    for page in (client.get(reverse("incidents:request_list"), {"state": ""}),
                 client.get(reverse("incidents:request_detail", args=[draft.help_request.pk]))):
        assert page.status_code == 200
        assert reverse("incidents:incident_detail", args=[draft.pk]) not in page.text


@pytest.mark.parametrize("who", [PRINCIPAL, "coordinator", PROGRAM_ADMIN])
def test_a_draft_sent_back_for_follow_up_stays_visible(client, request, sro, principal, draft, who):
    """Submitted once, then sent back to the SRO: the reviewer and the division still see it."""
    draft.disposition = "informal_warning"
    for to, actor in [(Status.SUBMITTED, sro), (Status.UNDER_REVIEW, principal), (Status.FOLLOW_UP, principal)]:
        incident_transition(incident=draft, to=to, actor=actor, note="Add what the parents were told.")
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("incidents:incident_detail", args=[draft.pk])).status_code == 200
    assert client.get(reverse("incidents:incident_list")).context["page"].paginator.count == 1
