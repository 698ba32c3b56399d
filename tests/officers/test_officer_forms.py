"""The POST forms: assignment create/end, reassignment, term extension, training record."""

import datetime

import pytest
from django.urls import reverse

from officers.models import Assignment, TermExtension, TrainingRecord
from tests.factories import SchoolDivisionFactory, SchoolFactory

from .factories import AssignmentFactory, course, officer_for

D = datetime.date


@pytest.fixture
def manager(client, coordinator):
    client.force_login(coordinator)
    return client


# Every form page: outsider 404, wrong role 403 -------------------------------------------------

FORM_PAGES = [
    ("officers:assignment_create", "officer"),
    ("officers:term_extension_create", "officer"),
    ("officers:training_record_create", "officer"),
    ("officers:assignment_end", "assignment"),
    ("officers:assignment_reassign", "assignment"),
]


@pytest.mark.parametrize(("url_name", "target"), FORM_PAGES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_form_pages_are_404_for_an_outsider(client, request, outsider, outside_school, url_name, target, method):
    client.force_login(outsider)
    url = reverse(url_name, args=[request.getfixturevalue(target).pk])
    assert getattr(client, method)(url).status_code == 404


@pytest.mark.parametrize(("url_name", "target"), FORM_PAGES)
@pytest.mark.parametrize("who", ["sro", "principal", "evaluator"])
def test_form_pages_are_403_for_other_roles(client, request, url_name, target, who):
    url = reverse(url_name, args=[request.getfixturevalue(target).pk])
    client.force_login(request.getfixturevalue(who))
    assert client.post(url).status_code == 403


@pytest.mark.parametrize(("url_name", "target"), FORM_PAGES)
def test_form_pages_show_their_form(manager, request, url_name, target):
    response = manager.get(reverse(url_name, args=[request.getfixturevalue(target).pk]))
    assert response.status_code == 200
    assert "<form method=\"post\"" in response.text


def test_program_admin_may_use_the_forms(client, program_admin, officer):
    client.force_login(program_admin)
    assert client.get(reverse("officers:assignment_create", args=[officer.pk])).status_code == 200


# Assignment create ---------------------------------------------------------------------------

def test_assigning_an_officer_creates_the_assignment_and_redirects(manager, officer, other_school):
    response = manager.post(reverse("officers:assignment_create", args=[officer.pk]),
                            {"school": other_school.pk, "start": "2024-09-03"})
    assert response.status_code == 302
    assert response.url == reverse("officers:officer_detail", args=[officer.pk])
    assert Assignment.objects.filter(officer=officer, school=other_school, start=D(2024, 9, 3)).exists()


def test_an_ineligible_officer_gets_the_message_beside_the_start_and_keeps_the_input(manager, division, other_school):
    junior = officer_for(division, joined_service_on=D(2020, 1, 10))
    response = manager.post(reverse("officers:assignment_create", args=[junior.pk]),
                            {"school": other_school.pk, "start": "2025-01-09"})
    assert response.status_code == 200
    assert "4 years and 365 days" in response.text
    assert 'value="2025-01-09"' in response.text
    assert response.context["form"].errors["start"]
    assert not Assignment.objects.filter(officer=junior).exists()


def test_an_end_before_the_start_is_shown_beside_the_end(manager, officer, other_school):
    response = manager.post(reverse("officers:assignment_create", args=[officer.pk]),
                            {"school": other_school.pk, "start": "2024-09-03", "end": "2024-09-02"})
    assert "cannot be before the start" in response.context["form"].errors["end"][0]


def test_an_overlap_is_shown_beside_the_start(manager, officer, school):
    response = manager.post(reverse("officers:assignment_create", args=[officer.pk]),
                            {"school": school.pk, "start": "2024-09-03"})
    assert "cannot overlap" in response.context["form"].errors["start"][0]


def test_a_school_out_of_scope_cannot_be_chosen(manager, officer, outside_school):
    response = manager.post(reverse("officers:assignment_create", args=[officer.pk]),
                            {"school": outside_school.pk, "start": "2024-09-03"})
    assert "school" in response.context["form"].errors
    assert outside_school.name not in response.text


def test_assigning_beyond_the_maximum_warns_but_saves(manager, settings, officer, division):
    settings.SRO_MAX_SCHOOLS = 1
    new_school = SchoolFactory(division=division)
    response = manager.post(reverse("officers:assignment_create", args=[officer.pk]),
                            {"school": new_school.pk, "start": "2024-09-03"}, follow=True)
    assert Assignment.objects.filter(officer=officer, school=new_school).exists()
    assert "more than the usual maximum of 1" in response.text


# Assignment end ------------------------------------------------------------------------------

def test_ending_an_assignment_sets_its_end(manager, assignment):
    response = manager.post(reverse("officers:assignment_end", args=[assignment.pk]), {"end": "2024-06-28"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.end == D(2024, 6, 28)


def test_ending_before_the_start_is_refused_beside_the_end(manager, assignment):
    response = manager.post(reverse("officers:assignment_end", args=[assignment.pk]), {"end": "2019-06-28"})
    assert response.status_code == 200
    assert response.context["form"].errors["end"]
    assert 'value="2019-06-28"' in response.text


def test_an_assignment_at_a_school_of_another_division_is_404_even_for_a_visible_officer(manager, officer, division):
    neighbour = SchoolDivisionFactory(province=division.province, police_service=division.police_service)
    elsewhere = AssignmentFactory(officer=officer, school=SchoolFactory(division=neighbour))
    for url_name in ("officers:assignment_end", "officers:assignment_reassign"):
        assert manager.get(reverse(url_name, args=[elsewhere.pk])).status_code == 404


def test_the_officer_page_hides_assignments_at_schools_of_another_division(manager, officer, division):
    neighbour = SchoolDivisionFactory(province=division.province, police_service=division.police_service)
    hidden = SchoolFactory(division=neighbour, name="Hidden Neighbour School")
    AssignmentFactory(officer=officer, school=hidden)
    assert hidden.name not in manager.get(reverse("officers:officer_detail", args=[officer.pk])).text


# Reassignment --------------------------------------------------------------------------------

def test_reassigning_hands_the_school_over(manager, assignment, division, school):
    newcomer = officer_for(division)
    response = manager.post(reverse("officers:assignment_reassign", args=[assignment.pk]),
                            {"to_officer": newcomer.pk, "on_date": "2025-01-06"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.end == D(2025, 1, 5)
    assert Assignment.objects.get(officer=newcomer, school=school).start == D(2025, 1, 6)


def test_a_refused_reassignment_shows_why_and_changes_nothing(manager, assignment, division):
    junior = officer_for(division, joined_service_on=D(2020, 1, 7))
    response = manager.post(reverse("officers:assignment_reassign", args=[assignment.pk]),
                            {"to_officer": junior.pk, "on_date": "2025-01-06"})
    assert response.status_code == 200
    assert "4 years and 365 days" in " ".join(response.context["form"].errors["on_date"])
    assignment.refresh_from_db()
    assert assignment.end is None


def test_reassignment_offers_only_officers_in_scope_of_the_schools_service(manager, assignment, other_division):
    stranger = officer_for(other_division)
    response = manager.post(reverse("officers:assignment_reassign", args=[assignment.pk]),
                            {"to_officer": stranger.pk, "on_date": "2025-01-06"})
    assert "to_officer" in response.context["form"].errors


# Term extension ------------------------------------------------------------------------------

def test_extending_a_term_records_the_extension(manager, officer, coordinator):
    response = manager.post(reverse("officers:term_extension_create", args=[officer.pk]),
                            {"new_end": "2026-06-30", "reason": "Finish the school year"})
    assert response.status_code == 302
    extension = TermExtension.objects.get(officer=officer)
    assert (extension.new_end, extension.created_by) == (D(2026, 6, 30), coordinator)


def test_an_extension_not_beyond_the_term_is_refused_beside_the_new_end(manager, officer):
    response = manager.post(reverse("officers:term_extension_create", args=[officer.pk]),
                            {"new_end": "2025-08-31", "reason": "Nothing"})
    assert response.status_code == 200
    assert response.context["form"].errors["new_end"]
    assert "Nothing" in response.text


# Training record -----------------------------------------------------------------------------

def test_recording_training_adds_a_record(manager, officer, coordinator):
    response = manager.post(reverse("officers:training_record_create", args=[officer.pk]),
                            {"course": course("vtra-level-1").pk, "completed_on": "2024-04-02"})
    assert response.status_code == 302
    record = TrainingRecord.objects.get(officer=officer)
    assert (record.completed_on, record.recorded_by) == (D(2024, 4, 2), coordinator)


def test_a_future_completion_is_refused_beside_the_date(manager, officer):
    response = manager.post(reverse("officers:training_record_create", args=[officer.pk]),
                            {"course": course("vtra-level-1").pk, "completed_on": "2999-01-01"})
    assert response.status_code == 200
    assert response.context["form"].errors["completed_on"]
    assert not TrainingRecord.objects.exists()


def test_a_reassignment_beyond_the_maximum_warns_but_saves(manager, settings, assignment, division, other_school):
    settings.SRO_MAX_SCHOOLS = 1
    busy = officer_for(division)
    AssignmentFactory(officer=busy, school=other_school, start=D(2021, 1, 1))
    response = manager.post(reverse("officers:assignment_reassign", args=[assignment.pk]),
                            {"to_officer": busy.pk, "on_date": "2025-01-06"}, follow=True)
    assert Assignment.objects.filter(officer=busy, school=assignment.school).exists()
    assert "more than the usual maximum of 1" in response.text


def test_showing_a_form_changes_nothing(manager, assignment):
    manager.get(reverse("officers:assignment_end", args=[assignment.pk]))
    assignment.refresh_from_db()
    assert assignment.end is None
