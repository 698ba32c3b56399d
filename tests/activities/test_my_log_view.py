"""My log: the SRO's own entries by week, with totals aggregated in the database."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Category
from activities.selectors import WEEKS_PER_PAGE
from tests.factories import sro_for

from .factories import log

URL = reverse("activities:my_log")
MONDAY = datetime.date(2026, 11, 2)


def test_entries_are_grouped_by_week_newest_first(client, sro, school):
    log(sro, school, date=MONDAY)
    log(sro, school, date=MONDAY + datetime.timedelta(days=4))
    log(sro, school, date=MONDAY - datetime.timedelta(days=1))  # Sunday: the week before
    client.force_login(sro)
    weeks = client.get(URL).context["weeks"]
    assert [w.start for w in weeks] == [MONDAY, MONDAY - datetime.timedelta(days=7)]
    assert [len(w.entries) for w in weeks] == [2, 1]


def test_a_week_totals_its_categories_and_contact_hours(client, sro, school):
    log(sro, school, date=MONDAY, minutes=60, category=Category.INFORMAL_CONTACT)
    log(sro, school, date=MONDAY, minutes=30, category=Category.INFORMAL_CONTACT)
    log(sro, school, date=MONDAY, minutes=45, category=Category.ADMINISTRATION)
    client.force_login(sro)
    [week] = client.get(URL).context["weeks"]
    assert (week.entries_count, week.minutes, week.contact_minutes) == (3, 135, 90)
    assert [(c["category"], c["entries"], c["minutes"]) for c in week.categories] == [
        (Category.INFORMAL_CONTACT, 2, 90), (Category.ADMINISTRATION, 1, 45)]


def test_contact_hours_are_shown_in_hours(client, sro, school):
    log(sro, school, date=MONDAY, minutes=90)
    client.force_login(sro)
    assert "1.5 contact hours" in client.get(URL).text


def test_only_the_sros_own_entries_are_shown(client, sro, other_sro, school, other_school):
    log(other_sro, other_school, date=MONDAY, note="Not mine")
    log(sro, school, date=MONDAY, note="Mine")
    client.force_login(sro)
    response = client.get(URL)
    assert "Mine" in response.text and "Not mine" not in response.text
    assert other_school.name not in response.text


def test_entries_at_a_former_school_stay_in_the_log(client, school, other_school):
    user = sro_for(other_school)
    log(user, school, date=datetime.date(2024, 10, 1), note="From my old school")
    client.force_login(user)
    assert "From my old school" in client.get(URL).text


def test_open_entries_offer_change_and_locked_ones_do_not(client, sro, school):
    open_entry = log(sro, school, date=MONDAY)
    locked = log(sro, school, date=MONDAY, created_at=timezone.now() - datetime.timedelta(days=30))
    client.force_login(sro)
    html = client.get(URL).text
    assert reverse("activities:edit", args=[open_entry.pk]) in html
    assert reverse("activities:edit", args=[locked.pk]) not in html
    assert "Locked" in html


def test_weeks_are_paginated(client, sro, school):
    for week in range(WEEKS_PER_PAGE + 1):
        log(sro, school, date=MONDAY - datetime.timedelta(weeks=week))
    client.force_login(sro)
    first = client.get(URL)
    second = client.get(URL, {"page": 2})
    assert len(first.context["weeks"]) == WEEKS_PER_PAGE
    assert [w.start for w in second.context["weeks"]] == [MONDAY - datetime.timedelta(weeks=WEEKS_PER_PAGE)]


def test_an_empty_log_invites_a_first_entry(client, sro):
    client.force_login(sro)
    assert "Nothing logged yet." in client.get(URL).text


@pytest.mark.parametrize("per_day", [1, 8])
def test_my_log_runs_a_fixed_number_of_queries(client, sro, school, per_day, django_assert_num_queries):
    for day in range(20):
        for _ in range(per_day):
            log(sro, school, date=MONDAY - datetime.timedelta(days=day))
    client.force_login(sro)
    # session, user, role grants, count of weeks, page of weeks, category totals, entries
    with django_assert_num_queries(7):
        client.get(URL)


def test_anonymous_is_sent_to_sign_in(client):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("role_user", ["principal", "coordinator", "evaluator", "program_admin"])
def test_other_roles_get_403(client, role_user, request):
    client.force_login(request.getfixturevalue(role_user))
    assert client.get(URL).status_code == 403
