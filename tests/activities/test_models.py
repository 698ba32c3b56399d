"""The rules of one activity: in clean() for clear messages, and in the database too."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from activities.models import Activity, Category, Topic
from tests.factories import AssignmentFactory

from .factories import ActivityFactory, log


def entry(user, school, **kwargs):
    values = {"date": timezone.localdate(), "minutes": 30, "category": Category.INFORMAL_CONTACT}
    return Activity(officer=user.officer, school=school, **{**values, **kwargs})


def errors_of(activity):
    with pytest.raises(ValidationError) as caught:
        activity.full_clean()
    return caught.value.message_dict


def test_a_routine_entry_is_valid(sro, school):
    entry(sro, school).full_clean()


def test_a_future_date_is_refused_on_the_date(sro, school, today):
    errors = errors_of(entry(sro, school, date=today + datetime.timedelta(days=1)))
    assert errors == {"date": ["The date cannot be in the future."]}


@pytest.mark.parametrize("minutes", [0, 721])
def test_minutes_outside_1_to_720_are_refused(sro, school, minutes):
    assert "minutes" in errors_of(entry(sro, school, minutes=minutes))


@pytest.mark.parametrize("minutes", [1, 720])
def test_minutes_at_the_bounds_are_accepted(sro, school, minutes):
    entry(sro, school, minutes=minutes).full_clean()


def test_a_negative_count_is_refused(sro, school):
    assert "students" in errors_of(entry(sro, school, students=-1))


def test_a_topic_on_a_non_presentation_is_refused(sro, school):
    errors = errors_of(entry(sro, school, topic=Topic.CYBERBULLYING))
    assert errors["topic"] == ["A topic is only for classroom presentations: clear it or choose “Classroom presentation”."]


def test_a_presentation_needs_a_topic(sro, school):
    errors = errors_of(entry(sro, school, category=Category.PRESENTATION))
    assert errors == {"topic": ["Choose the topic of the presentation."]}


def test_a_presentation_with_a_topic_is_valid(sro, school):
    entry(sro, school, category=Category.PRESENTATION, topic=Topic.GANG_AWARENESS, students=28).full_clean()


def test_a_school_the_sro_does_not_serve_is_refused(sro, other_school, today):
    errors = errors_of(entry(sro, other_school))
    assert errors == {"school": [f"You were not assigned to this school on {today.isoformat()}."]}


def test_a_school_is_refused_after_the_assignment_ended(sro, other_school):
    AssignmentFactory(officer=sro.officer, school=other_school, start=datetime.date(2024, 9, 1),
                      end=datetime.date(2025, 6, 30))
    assert "school" in errors_of(entry(sro, other_school, date=datetime.date(2025, 7, 2)))


def test_a_past_assignment_still_covers_its_own_dates(sro, other_school):
    AssignmentFactory(officer=sro.officer, school=other_school, start=datetime.date(2024, 9, 1),
                      end=datetime.date(2025, 6, 30))
    entry(sro, other_school, date=datetime.date(2025, 6, 30)).full_clean()


def test_a_date_before_the_assignment_started_is_refused(sro, school):
    assert "school" in errors_of(entry(sro, school, date=datetime.date(2020, 8, 31)))


@pytest.mark.parametrize("changes", [{"minutes": 0}, {"minutes": 721}, {"students": -1}, {"community": -5},
                                     {"topic": Topic.ILLEGAL_DRUGS}])
def test_the_database_refuses_what_clean_refuses(sro, school, changes):
    activity = log(sro, school)
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(**changes)


def test_administration_is_not_contact_time(sro, school):
    assert not log(sro, school, category=Category.ADMINISTRATION).is_contact_time
    assert log(sro, school, category=Category.LAW_ENFORCEMENT).is_contact_time


def test_an_entry_is_open_for_the_configured_days_then_locked(sro, school, settings):
    settings.ACTIVITY_EDIT_DAYS = 7
    activity = log(sro, school)
    assert not activity.is_locked(activity.created_at + datetime.timedelta(days=6, hours=23))
    assert activity.is_locked(activity.created_at + datetime.timedelta(days=7))


def test_the_edit_window_follows_the_setting(sro, school, settings):
    settings.ACTIVITY_EDIT_DAYS = 1
    activity = log(sro, school)
    assert activity.is_locked(activity.created_at + datetime.timedelta(days=2))


def test_an_unlock_reopens_the_window_from_the_unlock(sro, school, coordinator, settings):
    settings.ACTIVITY_EDIT_DAYS = 7
    activity = log(sro, school, created_at=timezone.now() - datetime.timedelta(days=30))
    activity.unlocked_by, activity.unlocked_at = coordinator, timezone.now()
    assert not activity.is_locked()
    assert activity.is_locked(timezone.now() + datetime.timedelta(days=8))


def test_the_lock_uses_the_current_time_by_default(sro, school):
    activity = log(sro, school)
    later = activity.created_at + datetime.timedelta(days=400)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert activity.is_locked()


def test_factory_entry_belongs_to_an_assigned_officer(db):
    activity = ActivityFactory()
    activity.date = timezone.localdate()
    activity.full_clean()
