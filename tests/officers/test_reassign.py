"""assignment_reassign: one school handed from one officer to another, all or nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from officers.models import Assignment
from officers.services import assignment_reassign

from .factories import AssignmentFactory, officer_for

D = datetime.date


@pytest.fixture
def old(division, school):
    return AssignmentFactory(officer=officer_for(division), school=school, start=D(2021, 9, 1))


@pytest.fixture
def newcomer(division):
    return officer_for(division, joined_service_on=D(2016, 1, 15))


def test_the_old_assignment_ends_the_day_before_the_new_one_starts(old, newcomer, school):
    ended, new = assignment_reassign(school=school, to_officer=newcomer, on_date=D(2024, 1, 8))
    old.refresh_from_db()
    assert old.end == D(2024, 1, 7)
    assert (new.officer, new.school, new.start, new.end) == (newcomer, school, D(2024, 1, 8), None)
    assert ended == [old]


def test_after_reassignment_exactly_one_officer_covers_the_school_each_day(old, newcomer, school):
    assignment_reassign(school=school, to_officer=newcomer, on_date=D(2024, 1, 8))
    for day in (D(2024, 1, 7), D(2024, 1, 8)):
        assert Assignment.objects.current(on=day).filter(school=school).count() == 1


def test_a_refused_new_assignment_leaves_the_old_one_unchanged(old, division, school):
    too_junior = officer_for(division, joined_service_on=D(2020, 1, 9))
    with pytest.raises(ValidationError) as exc:
        assignment_reassign(school=school, to_officer=too_junior, on_date=D(2025, 1, 8))
    assert "4 years and 365 days" in " ".join(exc.value.message_dict["on_date"])
    old.refresh_from_db()
    assert old.end is None
    assert Assignment.objects.filter(officer=too_junior).count() == 0


def test_an_officer_from_another_service_is_refused_and_nothing_changes(old, other_division, school):
    stranger = officer_for(other_division)
    with pytest.raises(ValidationError):
        assignment_reassign(school=school, to_officer=stranger, on_date=D(2024, 1, 8))
    old.refresh_from_db()
    assert old.end is None


def test_reassigning_to_the_officer_already_there_is_refused(old, school):
    with pytest.raises(ValidationError) as exc:
        assignment_reassign(school=school, to_officer=old.officer, on_date=D(2024, 1, 8))
    assert "to_officer" in exc.value.message_dict


def test_a_handover_on_the_day_the_current_assignment_starts_is_refused(old, newcomer, school):
    with pytest.raises(ValidationError) as exc:
        assignment_reassign(school=school, to_officer=newcomer, on_date=old.start)
    assert "on_date" in exc.value.message_dict
    old.refresh_from_db()
    assert old.end is None


def test_a_handover_the_day_after_the_current_assignment_starts_is_accepted(old, newcomer, school):
    assignment_reassign(school=school, to_officer=newcomer, on_date=old.start + datetime.timedelta(days=1))
    old.refresh_from_db()
    assert old.end == old.start


def test_a_school_without_an_officer_is_simply_assigned(newcomer, school):
    ended, new = assignment_reassign(school=school, to_officer=newcomer, on_date=D(2024, 1, 8))
    assert ended == []
    assert new.pk


def test_an_assignment_planned_to_end_later_is_shortened(division, newcomer, school):
    planned = AssignmentFactory(officer=officer_for(division), school=school, start=D(2021, 9, 1),
                                end=D(2024, 6, 30))
    assignment_reassign(school=school, to_officer=newcomer, on_date=D(2024, 1, 8))
    planned.refresh_from_db()
    assert planned.end == D(2024, 1, 7)


def test_the_old_officers_other_schools_are_untouched(old, newcomer, school, other_school):
    elsewhere = AssignmentFactory(officer=old.officer, school=other_school, start=D(2021, 9, 1))
    assignment_reassign(school=school, to_officer=newcomer, on_date=D(2024, 1, 8))
    elsewhere.refresh_from_db()
    assert elsewhere.end is None
