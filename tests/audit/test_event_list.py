import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from tests.csvfiles import csv_text
from tests.factories import SchoolFactory, sro_for

from .factories import AuditEventFactory


@pytest.fixture
def events(coordinator, principal, sro, outsider):
    """One sign-in each for people of our division, one for an outsider, one anonymous failure."""
    return {
        "principal": AuditEventFactory(user=principal),
        "sro": AuditEventFactory(user=sro),
        "outsider": AuditEventFactory(user=outsider),
        "anonymous": AuditEventFactory(username="mallory", event=AuditEvent.Event.SIGN_IN_FAILED,
                                       outcome=AuditEvent.Outcome.FAILURE),
    }


def listed(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("audit:event_list"), params)
    assert response.status_code == 200
    # Leave out the viewer's own sign-in (force_login records one).
    return [event for event in response.context["page"] if event.user_id != user.pk]


def test_it_requires_sign_in(client, db):
    response = client.get(reverse("audit:event_list"))
    assert response.status_code == 302 and reverse("login") in response.url


@pytest.mark.parametrize("role", ["sro", "principal", "evaluator"])
def test_other_roles_get_403(client, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("audit:event_list")).status_code == 403
    assert client.get(reverse("audit:event_export")).status_code == 403


def test_coordinator_sees_the_events_of_people_in_their_division_only(client, coordinator, events):
    shown = listed(client, coordinator)
    assert set(shown) == {events["principal"], events["sro"]}


def test_outsider_sees_none_of_our_division(client, events, outsider):
    assert listed(client, outsider) == []


def test_program_admin_sees_every_event_including_unknown_names(client, program_admin, events):
    assert set(listed(client, program_admin)) == set(events.values())


def test_it_filters_by_user_event_and_date(client, program_admin, events):
    old = AuditEventFactory(username="mallory", occurred_at=timezone.now() - datetime.timedelta(days=30))
    assert listed(client, program_admin, username="MALLORY", event="sign_in_failed") == [events["anonymous"]]
    since = (timezone.now() - datetime.timedelta(days=1)).date().isoformat()
    assert old not in listed(client, program_admin, username="mallory", since=since)


def test_the_export_has_exactly_the_filtered_rows_and_is_recorded(client, program_admin, events):
    client.force_login(program_admin)
    response = client.get(reverse("audit:event_export"), {"event": "sign_in_failed"})
    lines = csv_text(response).splitlines()
    assert len(lines) == 2 and "mallory" in lines[1]
    assert response["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(event=AuditEvent.Event.EXPORT, user=program_admin).exists()


def test_the_list_is_marked_no_store(client, program_admin):
    client.force_login(program_admin)
    assert client.get(reverse("audit:event_list"))["Cache-Control"] == "no-store, private"


def test_the_list_runs_the_same_queries_for_few_and_many_events(client, coordinator, division,
                                                               django_assert_num_queries):
    def make(n):
        for _ in range(n):
            AuditEventFactory(user=sro_for(SchoolFactory(division=division)))
    client.force_login(coordinator)
    make(2)
    client.get(reverse("audit:event_list"))
    with django_assert_num_queries(5) as first:
        client.get(reverse("audit:event_list"))
    make(20)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(reverse("audit:event_list"))
