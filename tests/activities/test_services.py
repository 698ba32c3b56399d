"""The writes: each checks who may do it and validates before saving."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from activities.models import Activity, Category
from activities.services import ActivityLocked, activity_create, activity_delete, activity_unlock, activity_update

from .factories import log


def test_create_validates_before_saving(sro, other_school, today):
    with pytest.raises(ValidationError):
        activity_create(officer=sro.officer, school=other_school, date=today, minutes=30,
                        category=Category.INFORMAL_CONTACT)
    assert not Activity.objects.exists()


def test_create_saves_a_valid_entry(sro, school, today):
    activity = activity_create(officer=sro.officer, school=school, date=today, minutes=30,
                               category=Category.INFORMAL_CONTACT, students=12)
    assert Activity.objects.get() == activity


def test_only_the_author_may_change_an_entry(sro, other_sro, school, yesterday):
    activity = log(sro, school, date=yesterday)
    with pytest.raises(PermissionDenied):
        activity_update(activity=activity, by=other_sro, minutes=45)


def test_a_change_is_saved_and_stamped(sro, school, yesterday):
    activity = log(sro, school, date=yesterday)
    activity_update(activity=activity, by=sro, minutes=45)
    activity.refresh_from_db()
    assert activity.minutes == 45 and activity.updated_at > activity.created_at


def test_the_officer_of_an_entry_cannot_be_changed(sro, other_sro, school, yesterday):
    activity = log(sro, school, date=yesterday)
    with pytest.raises(TypeError):
        activity_update(activity=activity, by=sro, officer=other_sro.officer)


def test_a_locked_entry_refuses_change_and_delete(sro, school, yesterday):
    activity = log(sro, school, date=yesterday, created_at=timezone.now() - datetime.timedelta(days=8))
    with pytest.raises(ActivityLocked):
        activity_update(activity=activity, by=sro, minutes=45)
    with pytest.raises(ActivityLocked):
        activity_delete(activity=activity, by=sro)
    assert Activity.objects.filter(pk=activity.pk, minutes=30).exists()


def test_unlock_records_who_and_when(sro, school, yesterday, coordinator):
    activity = log(sro, school, date=yesterday, created_at=timezone.now() - datetime.timedelta(days=8))
    activity_unlock(activity=activity, by=coordinator)
    activity.refresh_from_db()
    assert activity.unlocked_by == coordinator and activity.unlocked_at is not None
    assert not activity.is_locked()
