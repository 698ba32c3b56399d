"""The officers' and activities' forms under hostile posts: never a 500, never a half write."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import example, given

from activities.models import Activity, Category, Topic
from officers.models import Assignment, Course, Officer, TermExtension, TrainingRecord
from tests.factories import sro_for

from .helpers import FAST, assert_accepts, post_and_check
from .strategies import field, form_data, valid_data

pytestmark = pytest.mark.django_db

OFFICER_MODELS = [Officer, Assignment, TermExtension, TrainingRecord]
DATES = ("0001-01-01", "9999-12-31", "2026-02-30", "1900-01-01", "2100-01-01")


def test_assignment_create(client, coordinator, sro, other_school):
    url = reverse("officers:assignment_create", args=[sro.officer.pk])
    fields = {"school": field(str(other_school.pk), "0", "x"), "start": field("2024-09-01", *DATES),
                  "end": field("", "2025-06-30", *DATES)}
    assert_accepts(client, coordinator, url, valid_data(**fields))

    @FAST
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, coordinator, url, data, OFFICER_MODELS)

    run()


def test_assignment_end(client, coordinator, sro):
    assignment = sro.officer.assignments.get()
    url = reverse("officers:assignment_end", args=[assignment.pk])
    fields = {"end": field("2025-06-30", *DATES)}
    assert_accepts(client, coordinator, url, valid_data(**fields))

    @FAST
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, coordinator, url, data, OFFICER_MODELS)

    run()


def test_assignment_reassign(client, coordinator, sro, school):
    assignment = sro.officer.assignments.get()
    other = sro_for(username="second_sro")
    other.officer.police_service = school.division.police_service
    other.officer.save()
    url = reverse("officers:assignment_reassign", args=[assignment.pk])
    fields = {"to_officer": field(str(other.officer.pk), "0", str(sro.officer.pk)),
                  "on_date": field("2025-01-06", *DATES)}
    assert_accepts(client, coordinator, url, valid_data(**fields))

    @FAST
    @example({**valid_data(**fields), "on_date": "0001-01-01"})  # found: "the day before" overflowed
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, coordinator, url, data, OFFICER_MODELS)

    run()


def test_term_extension(client, coordinator, sro):
    url = reverse("officers:term_extension_create", args=[sro.officer.pk])
    fields = {"new_end": field("2030-06-30", *DATES), "reason": field("Covering a leave.", "x" * 2001)}
    assert_accepts(client, coordinator, url, valid_data(**fields))

    @FAST
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, coordinator, url, data, OFFICER_MODELS)

    run()


def test_training_record(client, coordinator, sro):
    course = Course.objects.create(code="vtra", name="VTRA Level 1", due_days=365)
    url = reverse("officers:training_record_create", args=[sro.officer.pk])
    fields = {"course": field(str(course.pk), "0", "vtra"), "completed_on": field("2025-03-01", *DATES)}
    assert_accepts(client, coordinator, url, valid_data(**fields))

    @FAST
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, coordinator, url, data, OFFICER_MODELS)

    run()


def activity_fields(school):
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    return {
        "date": field(yesterday, *DATES), "school": field(str(school.pk), "0", "²"),
        "category": field(Category.PRESENTATION.value, "juggling"), "topic": field(Topic.choices[0][0], "", "cats"),
        "minutes_preset": field("30", "", "17"), "minutes": field("", "45", "0", "721", "100000"),
        "students": field("25", "", "-1", "50001", "99999999999"), "staff": field("", "2"), "parents": field(""),
        "community": field(""), "note": field("", "Grade 7 class.", "x" * 501), "action": field("", "another"),
    }


def test_log_activity(client, sro, school):
    url = reverse("activities:log")
    fields = activity_fields(school)
    assert_accepts(client, sro, url, valid_data(**fields))

    @FAST
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, sro, url, data, [Activity])

    run()


def test_edit_activity(client, sro, school):
    activity = Activity.objects.create(officer=sro.officer, school=school, date=timezone.localdate(), minutes=30,
                                       category=Category.INFORMAL_CONTACT)
    url = reverse("activities:edit", args=[activity.pk])
    fields = activity_fields(school)
    assert_accepts(client, sro, url, valid_data(**fields))

    @FAST
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, sro, url, data, [Activity])

    run()
