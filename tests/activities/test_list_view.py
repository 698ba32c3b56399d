"""Browsing: each role sees the activities of its scope, filtered, sorted and paginated."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from activities.models import Category
from activities.views import LIST_PAGE_SIZE
from tests.factories import SchoolFactory

from .factories import log

URL = reverse("activities:list")


@pytest.fixture
def entries(sro, other_sro, school, other_school, outside_school):
    """One entry at each school: ours, another SRO's in the division, another division's."""
    from tests.factories import sro_for

    outside_sro = sro_for(outside_school, username="outside_sro")
    return {
        "ours": log(sro, school, date=datetime.date(2026, 10, 5), note="at Kelvin"),
        "division": log(other_sro, other_school, date=datetime.date(2026, 10, 6), note="at Sisler",
                        category=Category.LAW_ENFORCEMENT, minutes=90),
        "outside": log(outside_sro, outside_school, date=datetime.date(2026, 10, 7), note="far away"),
    }


def listed(client, user, params=None):
    client.force_login(user)
    return {a.note for a in client.get(URL, params or {}).context["page"]}


def test_a_school_administrator_sees_their_schools_activities(client, principal, entries):
    assert listed(client, principal) == {"at Kelvin"}


def test_a_coordinator_sees_their_divisions_activities(client, coordinator, entries):
    assert listed(client, coordinator) == {"at Kelvin", "at Sisler"}


def test_the_outsider_sees_only_their_own_division(client, outsider, entries):
    assert listed(client, outsider) == {"far away"}


def test_a_program_admin_sees_everything(client, program_admin, entries):
    assert listed(client, program_admin) == {"at Kelvin", "at Sisler", "far away"}


def test_filter_by_school(client, coordinator, entries, other_school):
    assert listed(client, coordinator, {"school": other_school.pk}) == {"at Sisler"}


def test_filter_by_officer(client, coordinator, entries, other_sro):
    assert listed(client, coordinator, {"officer": other_sro.officer.pk}) == {"at Sisler"}


def test_filter_by_category(client, coordinator, entries):
    assert listed(client, coordinator, {"category": Category.LAW_ENFORCEMENT}) == {"at Sisler"}


def test_filter_by_date_range(client, program_admin, entries):
    params = {"date_from": "2026-10-06", "date_to": "2026-10-06"}
    assert listed(client, program_admin, params) == {"at Sisler"}


def test_sorting_by_minutes(client, coordinator, entries):
    client.force_login(coordinator)
    page = client.get(URL, {"o": "-minutes"}).context["page"]
    assert [a.minutes for a in page] == [90, 30]


@pytest.mark.parametrize("order", ["school", "-school", "officer", "-officer", "category", "-category", "minutes",
                                   "-minutes", "date", "-date"])
def test_every_sort_is_total_and_keeps_each_group_newest_first(client, program_admin, sro, other_sro, school,
                                                               other_school, order):
    """Every sort ends with the primary key, so that pages never overlap or skip; within a school
    or an officer, entries come newest first."""
    for day in (3, 1, 2):
        for officer, where in ((sro, school), (other_sro, other_school)):
            log(officer, where, date=datetime.date(2026, 10, day), minutes=30, note=f"{where.name} {day}")
    client.force_login(program_admin)
    page = list(client.get(URL, {"o": order}).context["page"])
    key = {
        "school": lambda a: (a.school.name, a.school_id, -a.date.toordinal(), -a.pk),
        "officer": lambda a: (a.officer.user.last_name, a.officer.user_id, -a.date.toordinal(), -a.pk),
        "category": lambda a: (a.category, a.pk),
        "minutes": lambda a: (a.minutes, a.pk),
        "date": lambda a: (a.date, a.created_at, a.pk),
    }[order.lstrip("-")]
    if order in ("-school", "-officer"):  # the names descending, each one's entries still newest first
        expected = sorted(page, key=lambda a: key(a)[2:])
        expected = sorted(expected, key=lambda a: key(a)[:2], reverse=True)
    else:
        expected = sorted(page, key=key, reverse=order.startswith("-"))
    assert [a.pk for a in page] == [a.pk for a in expected]
    assert len(page) == 6


def test_newest_first_by_default(client, program_admin, entries):
    client.force_login(program_admin)
    page = client.get(URL).context["page"]
    assert [a.note for a in page] == ["far away", "at Sisler", "at Kelvin"]


def test_filter_choices_offer_only_the_scope(client, principal, entries, other_school, other_sro):
    client.force_login(principal)
    form = client.get(URL).context["filter"].form
    assert list(form.fields["school"].queryset) == [entries["ours"].school]
    assert other_sro.officer not in form.fields["officer"].queryset


def test_filtering_by_a_school_out_of_scope_is_refused_not_leaked(client, principal, entries, other_school):
    client.force_login(principal)
    response = client.get(URL, {"school": other_school.pk})
    assert "Select a valid choice" in response.text
    assert "at Sisler" not in response.text


def test_totals_cover_the_filtered_rows(client, coordinator, entries):
    client.force_login(coordinator)
    totals = client.get(URL).context["totals"]
    assert (totals["entries"], totals["minutes"], totals["contact_minutes"]) == (2, 120, 120)


def test_pages_hold_a_fixed_number_of_rows(client, coordinator, sro, school):
    for _ in range(LIST_PAGE_SIZE + 1):
        log(sro, school, date=datetime.date(2026, 10, 5))
    client.force_login(coordinator)
    assert len(client.get(URL).context["page"]) == LIST_PAGE_SIZE
    assert len(client.get(URL, {"page": 2}).context["page"]) == 1


@pytest.mark.parametrize("count", [3, 40])
def test_the_list_runs_a_fixed_number_of_queries(client, coordinator, division, count, django_assert_num_queries):
    from tests.factories import sro_for

    for index in range(count):
        school = SchoolFactory(division=division)
        log(sro_for(school), school, date=datetime.date(2026, 10, 1) + datetime.timedelta(days=index % 20))
    client.force_login(coordinator)
    # session, user, role grants, whole divisions in scope, summary (totals and categories; no count: the
    # totals give it), page, division, school and officer choices; SQLite (the demo's database) has no
    # summary table: it counts the entries and does not ask for the whole divisions
    with django_assert_num_queries(9 if connection.vendor == "postgresql" else 8):
        client.get(URL)


def test_anonymous_is_sent_to_sign_in(client):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("role_user", ["sro", "evaluator"])
def test_sros_and_evaluators_get_403(client, role_user, request):
    client.force_login(request.getfixturevalue(role_user))
    assert client.get(URL).status_code == 403
