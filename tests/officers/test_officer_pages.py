"""The officer list, export, officer page, terms ending and My profile: scope and roles."""

import datetime

import django_filters
import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from officers.dates import add_years
from tests.csvfiles import csv_text
from tests.factories import SchoolFactory, user_with_role

from .factories import AssignmentFactory, TermExtensionFactory, TrainingRecordFactory, course, officer_for


def listed(response):
    """The officer table's rows only: the filter form's officer select names every officer in scope."""
    return response.text.split("<tbody", 1)[1].split("</tbody>", 1)[0]


def csv_lines(response):
    return csv_text(response).strip().splitlines()


# Officer list -------------------------------------------------------------------------------

def test_coordinator_sees_the_officers_of_their_division(client, coordinator, officer):
    client.force_login(coordinator)
    response = client.get(reverse("officers:officer_list"))
    assert response.status_code == 200
    assert officer.name in response.text


def test_outsider_does_not_see_officers_of_another_division(client, outsider, officer, other_division,
                                                             outside_school):
    theirs = officer_for(other_division)
    client.force_login(outsider)
    response = client.get(reverse("officers:officer_list"))
    assert officer.name not in response.text
    assert theirs.name in response.text


def test_program_admin_sees_every_officer(client, program_admin, officer, other_division):
    theirs = officer_for(other_division)
    client.force_login(program_admin)
    response = client.get(reverse("officers:officer_list"))
    assert officer.name in response.text and theirs.name in response.text


def test_coordinator_sees_an_officer_of_another_service_assigned_in_their_division(client, coordinator, school,
                                                                                   other_division):
    visitor = officer_for(other_division)
    AssignmentFactory(officer=visitor, school=school, start=datetime.date(2021, 1, 1))
    client.force_login(coordinator)
    assert visitor.name in client.get(reverse("officers:officer_list")).text


@pytest.mark.parametrize("who", ["sro", "principal", "evaluator"])
def test_other_roles_get_403_on_the_officer_list(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("officers:officer_list")).status_code == 403


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get(reverse("officers:officer_list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_police_service_filter_offers_only_services_in_scope(client, outsider, officer, other_division):
    officer_for(other_division)
    client.force_login(outsider)
    response = client.get(reverse("officers:officer_list"))
    assert officer.police_service.name not in response.text


def test_filtering_by_a_division_out_of_scope_is_refused(client, outsider, division, officer):
    client.force_login(outsider)
    response = client.get(reverse("officers:officer_list"), {"division": division.pk})
    assert "Select a valid choice" in response.text
    assert officer.name not in response.text


def test_officers_are_found_by_id_and_badge_never_by_a_name_in_the_url(client, coordinator, officer, division):
    other = officer_for(division)
    client.force_login(coordinator)
    response = client.get(reverse("officers:officer_list"), {"officer": officer.pk})
    assert officer.name in listed(response) and other.name not in listed(response)
    response = client.get(reverse("officers:officer_list"), {"badge": other.badge_number})
    assert other.name in listed(response) and officer.name not in listed(response)
    assert not any(isinstance(f, django_filters.CharFilter) and f.field_name != "badge_number"
                   for f in response.context["filter"].filters.values())


def test_an_officer_out_of_scope_cannot_be_chosen(client, outsider, officer):
    client.force_login(outsider)
    response = client.get(reverse("officers:officer_list"), {"officer": officer.pk})
    assert "Select a valid choice" in response.text
    assert officer.name not in response.text


def test_division_filter_keeps_officers_currently_assigned_there(client, coordinator, officer, division):
    idle = officer_for(division)
    client.force_login(coordinator)
    response = client.get(reverse("officers:officer_list"), {"division": division.pk})
    assert officer.name in listed(response)
    assert idle.name not in listed(response)


def test_training_filter_finds_officers_with_overdue_training(client, coordinator, officer, division):
    trained = officer_for(division, became_sro_on=datetime.date(2020, 9, 1))
    for code in ("effective-presentation", "cross-cultural-communication"):
        TrainingRecordFactory(officer=trained, course=course(code), completed_on=datetime.date(2021, 1, 1))
    client.force_login(coordinator)
    response = client.get(reverse("officers:officer_list"), {"training": "overdue"})
    assert officer.name in listed(response)
    assert trained.name not in listed(response)


def test_term_filter_finds_terms_ending_within_six_months(client, coordinator, officer, division):
    today = timezone.localdate()
    soon = officer_for(division, joined_service_on=datetime.date(2005, 1, 1),
                       became_sro_on=add_years(today, -5) + datetime.timedelta(days=30))
    client.force_login(coordinator)
    response = client.get(reverse("officers:officer_list"), {"term": "6"})
    assert soon.name in listed(response)
    assert officer.name not in listed(response)  # term ended in 2025


def test_term_filter_finds_terms_already_ended(client, coordinator, officer):
    client.force_login(coordinator)
    assert officer.name in client.get(reverse("officers:officer_list"), {"term": "ended"}).text


@pytest.mark.parametrize("count", [3, 30])
def test_officer_list_runs_a_fixed_number_of_queries(client, coordinator, division, count, django_assert_num_queries):
    for _ in range(count):
        officer = officer_for(division)
        for school in SchoolFactory.create_batch(2, division=division):
            AssignmentFactory(officer=officer, school=school)
        TrainingRecordFactory(officer=officer, course=course("nasro-basic"))
        TermExtensionFactory(officer=officer)
    client.force_login(coordinator)
    # session, user, grants, count, page of officers, current assignments, training records,
    # courses, officer choices, police service choices, division, school and course choices
    with django_assert_num_queries(13):
        response = client.get(reverse("officers:officer_list"))
    assert response.status_code == 200


# Export -------------------------------------------------------------------------------------

def test_export_contains_only_officers_in_scope(client, outsider, officer, other_division, outside_school):
    theirs = officer_for(other_division)
    client.force_login(outsider)
    content = "\n".join(csv_lines(client.get(reverse("officers:officer_export"))))
    assert theirs.name in content
    assert officer.name not in content


def test_export_equals_the_filtered_list(client, coordinator, officer, division, school):
    officer_for(division)
    client.force_login(coordinator)
    lines = csv_lines(client.get(reverse("officers:officer_export"), {"division": division.pk}))
    assert len(lines) == 2
    assert officer.name in lines[1] and school.name in lines[1]


def test_export_has_one_column_per_course(client, coordinator, officer):
    client.force_login(coordinator)
    header = csv_lines(client.get(reverse("officers:officer_export")))[0]
    assert "NASRO Basic SRO training" in header and "VTRA Level 1" in header


def test_export_is_403_for_an_evaluator(client, evaluator):
    client.force_login(evaluator)
    assert client.get(reverse("officers:officer_export")).status_code == 403


# Officer page -------------------------------------------------------------------------------

def test_officer_page_shows_schools_term_and_training(client, coordinator, officer, school):
    client.force_login(coordinator)
    response = client.get(reverse("officers:officer_detail", args=[officer.pk]))
    assert response.status_code == 200
    for text in (school.name, "NASRO Basic SRO training", "Term"):
        assert text in response.text


def test_officer_page_is_404_for_an_outsider(client, outsider, officer):
    client.force_login(outsider)
    assert client.get(reverse("officers:officer_detail", args=[officer.pk])).status_code == 404


@pytest.mark.parametrize("who", ["sro", "principal", "evaluator"])
def test_officer_page_is_403_for_other_roles(client, request, who, officer):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("officers:officer_detail", args=[officer.pk])).status_code == 403


def test_officer_page_shows_only_assignments_in_scope(client, division, school, other_division, outside_school):
    visitor = officer_for(other_division)
    AssignmentFactory(officer=visitor, school=school, start=datetime.date(2021, 1, 1))
    AssignmentFactory(officer=visitor, school=outside_school, start=datetime.date(2021, 1, 1))
    user = user_with_role(Role.COORDINATOR, division=division)
    client.force_login(user)
    response = client.get(reverse("officers:officer_detail", args=[visitor.pk]))
    assert school.name in response.text
    assert outside_school.name not in response.text


def test_officer_page_lists_extensions(client, coordinator, officer):
    TermExtensionFactory(officer=officer, new_end=datetime.date(2026, 12, 31), reason="Bridge the school year")
    client.force_login(coordinator)
    assert "Bridge the school year" in client.get(reverse("officers:officer_detail", args=[officer.pk])).text


# Terms ending -------------------------------------------------------------------------------

def test_terms_ending_lists_terms_within_six_months(client, coordinator, division, officer):
    today = timezone.localdate()
    soon = officer_for(division, joined_service_on=datetime.date(2005, 1, 1),
                       became_sro_on=add_years(today, -5) + datetime.timedelta(days=100))
    later = officer_for(division, joined_service_on=datetime.date(2005, 1, 1),
                        became_sro_on=add_years(today, -5) + datetime.timedelta(days=250))
    client.force_login(coordinator)
    response = client.get(reverse("officers:terms_ending"))
    assert soon.name in response.text
    assert later.name not in response.text
    assert response.context["officers"] == [soon]


def test_terms_ending_hides_officers_out_of_scope(client, outsider, division):
    today = timezone.localdate()
    soon = officer_for(division, joined_service_on=datetime.date(2005, 1, 1),
                       became_sro_on=add_years(today, -5) + datetime.timedelta(days=100))
    client.force_login(outsider)
    assert soon.name not in client.get(reverse("officers:terms_ending")).text


def test_terms_ending_is_403_for_an_evaluator(client, evaluator):
    client.force_login(evaluator)
    assert client.get(reverse("officers:terms_ending")).status_code == 403


# My profile ---------------------------------------------------------------------------------

def test_an_sro_sees_their_own_profile_schools_and_training(client, sro, school):
    client.force_login(sro)
    response = client.get(reverse("officers:my_profile"))
    assert response.status_code == 200
    assert school.name in response.text and "VTRA Level 1" in response.text
    assert reverse("officers:assignment_create", args=[sro.officer.pk]) not in response.text


def test_my_profile_is_403_for_a_coordinator(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("officers:my_profile")).status_code == 403


def test_my_profile_is_404_for_an_sro_without_an_officer_profile(client, db):
    client.force_login(user_with_role(Role.SRO))
    assert client.get(reverse("officers:my_profile")).status_code == 404


def test_navigation_shows_officers_to_coordinators_and_my_profile_to_sros(client, coordinator, sro):
    client.force_login(coordinator)
    assert reverse("officers:officer_list") in client.get(reverse("home")).text
    client.force_login(sro)
    text = client.get(reverse("home")).text
    assert f'href="{reverse("officers:my_profile")}"' in text
    assert f'href="{reverse("officers:officer_list")}"' not in text


def test_terms_ending_also_lists_officers_still_assigned_after_their_term(client, coordinator, officer, division):
    retired = officer_for(division, became_sro_on=datetime.date(2019, 1, 1))  # ended, no assignment
    client.force_login(coordinator)
    response = client.get(reverse("officers:terms_ending"))
    assert [o.pk for o in response.context["ended"]] == [officer.pk]
    assert retired.name not in response.text
