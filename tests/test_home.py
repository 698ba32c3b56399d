"""Each role's home page and navigation show their scope and nothing else."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from .factories import SchoolFactory


def nav_labels(response):
    return [str(item["label"]) for item in response.context["nav_items"]]


def test_home_requires_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302


def test_coordinator_home_lists_their_division_with_counts(client, coordinator, division, school, other_school, outside_school):
    client.force_login(coordinator)
    response = client.get(reverse("home"))
    [row] = response.context["coordinator"].rows
    assert row.label == division.name
    assert row.href == reverse("dashboards:division", args=[division.pk])
    assert [row.cells[0].value, row.cells[1].value] == [2, school.enrolment + other_school.enrolment]
    assert outside_school.division.name not in response.text


def test_principal_home_shows_only_their_school(client, principal, division, school, other_school):
    client.force_login(principal)
    section = client.get(reverse("home")).context["school_admin"]
    assert section["schools"] == [school]


def test_sro_home_shows_their_week(client, sro, school, other_school):
    client.force_login(sro)
    response = client.get(reverse("home"))
    assert "sro" in response.context and "school_admin" not in response.context
    assert reverse("activities:log") in response.text


def test_program_admin_home_lists_every_division(client, program_admin, school, outside_school):
    client.force_login(program_admin)
    rows = client.get(reverse("home")).context["program"].rows
    assert {row.label for row in rows} == {school.division.name, outside_school.division.name}


def test_user_without_roles_is_told_so(client, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="a-long-test-password")
    client.force_login(user)
    assert "You have no role" in client.get(reverse("home")).text


def test_sro_navigation_offers_my_schools(client, sro):
    client.force_login(sro)
    # Features append their own entries after these.
    assert nav_labels(client.get(reverse("home")))[:2] == ["Home", "My schools"]


def test_coordinator_navigation_offers_schools_without_admin(client, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("home"))
    assert nav_labels(response)[:2] == ["Home", "Schools"]
    assert reverse("admin:index") not in response.text


def test_program_admin_navigation_has_the_admin_site(client, program_admin):
    client.force_login(program_admin)
    assert reverse("admin:index") in client.get(reverse("home")).text


@pytest.mark.parametrize("count", [2, 20])
def test_home_runs_a_fixed_number_of_queries(client, coordinator, division, count, django_assert_num_queries,
                                             time_machine):
    # Mid-month: the year before is counted to 15 March, so its last month is a partial one.
    time_machine.move_to(datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC), tick=False)
    SchoolFactory.create_batch(count, division=division)
    client.force_login(coordinator)
    # On PostgreSQL the division's contact hours add up the activity summary: the division's school
    # count, the summary and the days of the partial month (none at the end of a month), instead of
    # one query over the entries.
    with django_assert_num_queries(12 if connection.vendor == "postgresql" else 10):
        client.get(reverse("home"))


def test_sro_navigation_offers_the_activity_log(client, sro):
    client.force_login(sro)
    labels = nav_labels(client.get(reverse("home")))
    assert {"Log activity", "My log"} <= set(labels)
    assert "Officers" not in labels


def test_coordinator_navigation_offers_officers_and_activities(client, coordinator):
    client.force_login(coordinator)
    labels = nav_labels(client.get(reverse("home")))
    assert {"Officers", "Activities"} <= set(labels)
    assert "Log activity" not in labels


def test_menu_folds_a_feature_with_several_entries_into_one_drop_down(client, sro):
    client.force_login(sro)
    groups = client.get(reverse("home")).context["nav_groups"]
    [activities] = [g for g in groups if str(g.get("label")) == "Activities"]
    assert [str(i["label"]) for i in activities["items"]] == ["Log activity", "My log"]
