"""The one scoping mechanism: School.objects.visible_to(user) and what builds on it."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import Role
from schools.models import School, SchoolDivision
from tests.csvfiles import csv_text

from .factories import AssignmentFactory, SchoolFactory, sro_for, user_with_role


def test_coordinator_sees_every_school_of_their_division_only(coordinator, school, other_school, outside_school):
    assert set(School.objects.visible_to(coordinator)) == {school, other_school}


def test_outsider_sees_nothing_of_another_division(outsider, school, other_school, outside_school):
    assert set(School.objects.visible_to(outsider)) == {outside_school}
    assert list(SchoolDivision.objects.visible_to(outsider)) == [outside_school.division]


def test_principal_sees_only_their_school(principal, school, other_school):
    assert list(School.objects.visible_to(principal)) == [school]


def test_sro_sees_the_schools_of_current_assignments(sro, school, other_school):
    assert list(School.objects.visible_to(sro)) == [school]


def test_sro_no_longer_sees_a_school_after_the_assignment_ended(school, other_school):
    user = sro_for(other_school)
    AssignmentFactory(officer=user.officer, school=school, start=datetime.date(2019, 9, 1),
                      end=datetime.date(2020, 6, 30))
    assert list(School.objects.visible_to(user)) == [other_school]


def test_sro_does_not_yet_see_a_school_of_a_future_assignment(school):
    user = sro_for()
    AssignmentFactory(officer=user.officer, school=school, start=datetime.date(2099, 9, 1))
    assert not School.objects.visible_to(user).exists()


def test_program_admin_sees_everything(program_admin, school, outside_school):
    assert set(School.objects.visible_to(program_admin)) == {school, outside_school}


def test_user_without_role_sees_nothing(django_user_model, school):
    user = django_user_model.objects.create_user("nobody", password="a-long-test-password")
    assert not School.objects.visible_to(user).exists()


def test_anonymous_sees_nothing(school):
    from django.contrib.auth.models import AnonymousUser

    assert not School.objects.visible_to(AnonymousUser()).exists()


def test_roles_argument_narrows_the_scope(division, school, other_school):
    user = user_with_role(Role.EVALUATOR, division=division)
    assert not School.objects.visible_to(user, roles=[Role.COORDINATOR]).exists()
    assert School.objects.visible_to(user, roles=[Role.EVALUATOR]).count() == 2


def test_two_roles_add_up(division, other_division, school, outside_school):
    from .factories import grant

    user = user_with_role(Role.SCHOOL_ADMIN, school=outside_school)
    grant(user, Role.COORDINATOR, division=division)
    assert set(School.objects.visible_to(user)) == {school, outside_school}


def test_sro_with_many_assignments_is_listed_once_per_school(school):
    user = sro_for(school)
    AssignmentFactory(officer=user.officer, school=school, start=datetime.date(2015, 1, 1),
                      end=datetime.date(2016, 1, 1))
    assert School.objects.visible_to(user).count() == 1


# Pages -----------------------------------------------------------------------------------

def test_school_list_shows_only_schools_in_scope(client, outsider, school, outside_school):
    client.force_login(outsider)
    response = client.get(reverse("schools:school_list"))
    assert outside_school.name in response.text
    assert school.name not in response.text


def test_school_outside_scope_is_404_by_direct_url(client, outsider, school):
    client.force_login(outsider)
    assert client.get(reverse("schools:school_detail", args=[school.pk])).status_code == 404


def test_school_in_scope_is_shown_by_direct_url(client, coordinator, school):
    client.force_login(coordinator)
    response = client.get(reverse("schools:school_detail", args=[school.pk]))
    assert response.status_code == 200
    assert school.name in response.text


def test_division_outside_scope_is_404(client, outsider, division):
    client.force_login(outsider)
    assert client.get(reverse("schools:division_detail", args=[division.pk])).status_code == 404


def test_division_filter_offers_only_divisions_in_scope(client, outsider, division, outside_school):
    client.force_login(outsider)
    response = client.get(reverse("schools:school_list"))
    assert division.name not in response.text
    assert outside_school.division.name in response.text


def test_filtering_by_a_division_out_of_scope_is_refused_not_leaked(client, outsider, school, outside_school):
    client.force_login(outsider)
    response = client.get(reverse("schools:school_list"), {"division": school.division.pk})
    assert school.name not in response.text
    assert "Select a valid choice" in response.text


def test_search_does_not_find_schools_out_of_scope(client, outsider, school):
    client.force_login(outsider)
    response = client.get(reverse("schools:school_list"), {"q": "Kelvin"})
    assert school.name not in response.text


def test_export_contains_only_schools_in_scope(client, outsider, school, outside_school):
    client.force_login(outsider)
    response = client.get(reverse("schools:school_export"))
    content = b"".join(response.streaming_content).decode()
    assert outside_school.name in content
    assert school.name not in content


def test_export_equals_the_filtered_list(client, coordinator, school, other_school):
    client.force_login(coordinator)
    response = client.get(reverse("schools:school_export"), {"q": "Kelvin"})
    lines = csv_text(response).strip().splitlines()
    assert len(lines) == 2
    assert school.name in lines[1]


def test_anonymous_is_sent_to_sign_in(client, school):
    response = client.get(reverse("schools:school_detail", args=[school.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("count", [3, 30])
def test_school_list_runs_a_fixed_number_of_queries(client, coordinator, division, count, django_assert_num_queries):
    SchoolFactory.create_batch(count, division=division)
    client.force_login(coordinator)
    # session, user, role grants, count, page of schools, division filter choices
    with django_assert_num_queries(6):
        client.get(reverse("schools:school_list"))


def test_school_list_filters_inactive_schools(client, coordinator, school, other_school):
    other_school.active = False
    other_school.save(update_fields=["active"])
    client.force_login(coordinator)
    response = client.get(reverse("schools:school_list"), {"active": "false"})
    assert [s.name for s in response.context["page"]] == [other_school.name]
