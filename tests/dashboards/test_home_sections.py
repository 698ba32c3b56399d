"""Each role's home: an SRO lands on the quick log and finds their week; a school administrator
their queue; every count links to its list, which shows the same count."""

import datetime

from django.urls import reverse

from incidents.models import HelpRequest, Status
from tests.activities.factories import log
from tests.factories import grant
from tests.incidents.factories import AssessmentFactory, HelpRequestFactory, IncidentFactory

from .conftest import at


def test_signing_in_an_sro_lands_on_the_quick_log(client, sro):
    response = client.post(reverse("login"), {"username": "sro", "password": "a-long-test-password"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("activities:log")


def test_an_sro_who_also_reviews_a_school_lands_on_the_home(client, sro, school):
    from accounts.models import Role
    grant(sro, Role.SCHOOL_ADMIN, school=school)
    client.force_login(sro)
    assert client.get(reverse("dashboards:landing")).url == reverse("home")


def test_the_sro_week_counts_hours_by_category(client, sro, school):
    log(sro, school, date=datetime.date(2026, 3, 9), minutes=90)  # Monday of the week of the 15th
    log(sro, school, date=datetime.date(2026, 3, 15), minutes=30)
    log(sro, school, date=datetime.date(2026, 3, 8), minutes=60)  # the Sunday before: last week
    client.force_login(sro)
    week = client.get(reverse("home")).context["sro"]
    assert [(row["hours"], row["entries"]) for row in week["by_category"]] == [(2, 2)]


def test_each_sro_count_equals_its_list(client, sro, school):
    IncidentFactory(school=school, created_by=sro)  # a draft
    sent_back = IncidentFactory(school=school, created_by=sro, status=Status.FOLLOW_UP, occurred_at=at(2026, 3, 1))
    AssessmentFactory(incident=sent_back, follow_up_on=datetime.date(2026, 3, 14))
    AssessmentFactory(incident=sent_back, follow_up_on=datetime.date(2026, 3, 30))
    HelpRequestFactory(school=school)
    HelpRequestFactory(school=school, state=HelpRequest.State.DECLINED, decline_reason="Not police work")
    client.force_login(sro)
    counts = client.get(reverse("home")).context["sro"]["counts"]
    assert [item.value for item in counts] == [1, 1, 1, 1]
    for item in counts:
        assert client.get(item.href).context["page"].paginator.count == item.value, item.href


def test_the_school_administrator_sees_the_queue_oldest_first(client, principal, school):
    late = IncidentFactory(school=school, status=Status.SUBMITTED, occurred_at=at(2026, 3, 1),
                           reported_at=at(2026, 3, 2))
    recent = IncidentFactory(school=school, status=Status.SUBMITTED, occurred_at=at(2026, 3, 14),
                             reported_at=at(2026, 3, 14))
    client.force_login(principal)
    section = client.get(reverse("home")).context["school_admin"]
    assert section["waiting"] == [late, recent]
    assert (section["review"]["n"], section["review"]["late"], section["oldest_days"]) == (2, 1, 13)
    assert section["waiting"][0].late and not section["waiting"][1].late


def test_the_school_administrator_counts_equal_their_lists(client, principal, school, other_school):
    HelpRequestFactory(school=school)
    HelpRequestFactory(school=other_school)
    incident = IncidentFactory(school=school, status=Status.SUBMITTED, occurred_at=at(2026, 1, 5))
    AssessmentFactory(incident=incident, follow_up_on=datetime.date(2026, 3, 1))
    client.force_login(principal)
    counts = client.get(reverse("home")).context["school_admin"]["counts"]
    assert [item.value for item in counts] == [1, 1]
    for item in counts:
        assert client.get(item.href).context["page"].paginator.count == item.value, item.href
