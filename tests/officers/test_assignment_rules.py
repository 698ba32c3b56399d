"""The rules of one assignment (Assignment.clean, through the assignment_create service)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from officers.models import Assignment
from officers.services import assignment_create, assignment_end
from tests.factories import SchoolFactory

from .factories import AssignmentFactory, officer_for

D = datetime.date


@pytest.fixture
def officer(division):
    return officer_for(division, joined_service_on=D(2015, 9, 1))


def messages_of(exc, field):
    return " ".join(exc.value.message_dict[field])


def test_an_officer_with_exactly_five_years_of_service_can_be_assigned(officer, school):
    assignment = assignment_create(officer=officer, school=school, start=D(2020, 9, 1))
    assert assignment.pk


def test_an_officer_one_day_short_of_five_years_is_refused(officer, school):
    with pytest.raises(ValidationError) as exc:
        assignment_create(officer=officer, school=school, start=D(2020, 8, 31))
    assert "4 years and 365 days" in messages_of(exc, "start")
    assert not Assignment.objects.exists()


def test_the_eligibility_message_says_how_much_service_they_have(division, school):
    officer = officer_for(division, joined_service_on=D(2016, 9, 2))  # 2020 is a leap year
    with pytest.raises(ValidationError) as exc:
        assignment_create(officer=officer, school=school, start=D(2021, 9, 1))
    assert "4 years and 364 days of service" in messages_of(exc, "start")


def test_an_officer_with_more_than_five_years_can_be_assigned(officer, school):
    assert assignment_create(officer=officer, school=school, start=D(2024, 1, 10)).pk


def test_the_end_may_be_the_start_day(officer, school):
    assert assignment_create(officer=officer, school=school, start=D(2021, 1, 4), end=D(2021, 1, 4)).pk


def test_the_end_cannot_be_before_the_start(officer, school):
    with pytest.raises(ValidationError) as exc:
        assignment_create(officer=officer, school=school, start=D(2021, 1, 4), end=D(2021, 1, 3))
    assert "cannot be before the start" in messages_of(exc, "end")


def test_the_database_refuses_an_end_before_the_start_too(officer, school):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Assignment.objects.create(officer=officer, school=school, start=D(2021, 1, 4), end=D(2021, 1, 3))


def test_overlapping_assignments_of_one_officer_to_one_school_are_refused(officer, school):
    AssignmentFactory(officer=officer, school=school, start=D(2021, 1, 1), end=D(2021, 6, 30))
    with pytest.raises(ValidationError) as exc:
        assignment_create(officer=officer, school=school, start=D(2021, 6, 30))
    assert "cannot overlap" in messages_of(exc, "start")


def test_an_assignment_starting_the_day_after_the_last_one_ended_is_accepted(officer, school):
    AssignmentFactory(officer=officer, school=school, start=D(2021, 1, 1), end=D(2021, 6, 30))
    assert assignment_create(officer=officer, school=school, start=D(2021, 7, 1)).pk


def test_an_assignment_ending_the_day_before_a_later_one_is_accepted(officer, school):
    AssignmentFactory(officer=officer, school=school, start=D(2022, 1, 1))
    assert assignment_create(officer=officer, school=school, start=D(2021, 1, 1), end=D(2021, 12, 31)).pk


def test_an_open_assignment_overlaps_every_later_one(officer, school):
    AssignmentFactory(officer=officer, school=school, start=D(2021, 1, 1))
    with pytest.raises(ValidationError):
        assignment_create(officer=officer, school=school, start=D(2030, 1, 1))


def test_an_open_new_assignment_overlaps_a_later_one(officer, school):
    AssignmentFactory(officer=officer, school=school, start=D(2023, 1, 1), end=D(2023, 6, 30))
    with pytest.raises(ValidationError):
        assignment_create(officer=officer, school=school, start=D(2021, 1, 1))


def test_the_same_officer_may_cover_another_school_at_the_same_time(officer, school, other_school):
    AssignmentFactory(officer=officer, school=school, start=D(2021, 1, 1))
    assert assignment_create(officer=officer, school=other_school, start=D(2021, 1, 1)).pk


def test_two_officers_may_cover_one_school(division, officer, school):
    AssignmentFactory(officer=officer_for(division), school=school, start=D(2021, 1, 1))
    assert assignment_create(officer=officer, school=school, start=D(2021, 1, 1)).pk


def test_a_school_served_by_another_police_service_is_refused(officer, outside_school):
    with pytest.raises(ValidationError) as exc:
        assignment_create(officer=officer, school=outside_school, start=D(2021, 1, 1))
    assert "served by" in messages_of(exc, "school")


def test_ending_an_assignment_keeps_it_in_the_history(officer, school):
    assignment = AssignmentFactory(officer=officer, school=school, start=D(2021, 1, 1))
    assignment_end(assignment=assignment, end=D(2022, 6, 30))
    assignment.refresh_from_db()
    assert assignment.end == D(2022, 6, 30)
    assert Assignment.objects.count() == 1


def test_ending_an_assignment_before_its_start_is_refused(officer, school):
    assignment = AssignmentFactory(officer=officer, school=school, start=D(2021, 1, 1))
    with pytest.raises(ValidationError):
        assignment_end(assignment=assignment, end=D(2020, 12, 31))
    assignment.refresh_from_db()
    assert assignment.end is None


# Load warning ------------------------------------------------------------------------------

def test_no_warning_at_the_maximum_number_of_schools(settings, officer, division):
    settings.SRO_MAX_SCHOOLS = 3
    for school in SchoolFactory.create_batch(2, division=division):
        AssignmentFactory(officer=officer, school=school, start=D(2021, 1, 1))
    third = assignment_create(officer=officer, school=SchoolFactory(division=division), start=D(2021, 2, 1))
    assert third.load_warning() is None


def test_a_warning_above_the_maximum_number_of_schools(settings, officer, division):
    settings.SRO_MAX_SCHOOLS = 3
    for school in SchoolFactory.create_batch(3, division=division):
        AssignmentFactory(officer=officer, school=school, start=D(2021, 1, 1))
    fourth = assignment_create(officer=officer, school=SchoolFactory(division=division), start=D(2021, 2, 1))
    assert "covers 4 schools" in fourth.load_warning()


def test_ended_assignments_do_not_count_towards_the_maximum(settings, officer, division):
    settings.SRO_MAX_SCHOOLS = 1
    AssignmentFactory(officer=officer, school=SchoolFactory(division=division), start=D(2020, 9, 1),
                      end=D(2021, 1, 31))
    second = assignment_create(officer=officer, school=SchoolFactory(division=division), start=D(2021, 2, 1))
    assert second.load_warning() is None


def test_the_maximum_defaults_to_twelve_schools():
    from django.conf import settings as live

    assert live.SRO_MAX_SCHOOLS == 12


def test_an_existing_assignment_can_be_ended_after_the_service_rule_was_raised(settings, officer, school):
    assignment = assignment_create(officer=officer, school=school, start=D(2021, 1, 4))
    settings.SRO_MIN_SERVICE_YEARS = 10
    assignment_end(assignment=assignment, end=D(2022, 6, 30))
    assignment.refresh_from_db()
    assert assignment.end == D(2022, 6, 30)


def test_moving_the_start_of_an_assignment_checks_eligibility_again(officer, school):
    assignment = assignment_create(officer=officer, school=school, start=D(2021, 1, 4))
    assignment.start = D(2020, 8, 31)
    with pytest.raises(ValidationError) as exc:
        assignment.full_clean()
    assert "4 years and 365 days" in messages_of(exc, "start")


def test_eligible_from_is_the_first_day_an_assignment_may_start(officer, school):
    assert officer.eligible_from == D(2020, 9, 1)
    assert officer.is_eligible_on(officer.eligible_from)
    assert not officer.is_eligible_on(officer.eligible_from - datetime.timedelta(days=1))
