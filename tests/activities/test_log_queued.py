"""Entries the phone kept offline, sent one by one as JSON (activities:log_queued)."""

import datetime
import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from activities.models import Activity, Category
from tests.factories import AssignmentFactory

URL = reverse("activities:log_queued")


def entry(user, school, on, **fields):
    return {
        "client_id": str(uuid.uuid4()), "user_id": user.pk,
        "fields": {"date": on.isoformat(), "school": str(school.pk), "category": Category.INFORMAL_CONTACT,
                   "minutes_preset": "30", **fields},
    }


def send(client, payload):
    return client.post(URL, json.dumps(payload), content_type="application/json")


def test_an_entry_is_logged_with_the_phones_id(client, sro, school, today):
    client.force_login(sro)
    payload = entry(sro, school, today, students="25", note="Lunch-hour chat")
    response = send(client, payload)
    assert response.status_code == 201
    activity = Activity.objects.get()
    assert response.json() == {"status": "created", "id": activity.pk, "client_id": payload["client_id"]}
    assert (str(activity.client_id), activity.officer, activity.school, activity.date) == (
        payload["client_id"], sro.officer, school, today)
    assert (activity.minutes, activity.students, activity.note) == (30, 25, "Lunch-hour chat")


def test_the_same_id_sent_twice_logs_one_activity(client, sro, school, today):
    client.force_login(sro)
    payload = entry(sro, school, today)
    first = send(client, payload)
    second = send(client, payload)
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["status"] == "exists"
    assert second.json()["id"] == first.json()["id"]
    assert Activity.objects.count() == 1


def test_a_retry_with_changed_fields_keeps_the_first_entry(client, sro, school, today):
    client.force_login(sro)
    payload = entry(sro, school, today)
    send(client, payload)
    payload["fields"]["minutes_preset"] = "90"
    assert send(client, payload).status_code == 200
    assert Activity.objects.get().minutes == 30


def test_two_ids_log_two_activities(client, sro, school, today):
    client.force_login(sro)
    send(client, entry(sro, school, today))
    send(client, entry(sro, school, today))
    assert Activity.objects.count() == 2


def test_a_school_not_assigned_on_the_date_is_refused_with_its_reason(client, sro, school, other_school, today):
    AssignmentFactory(officer=sro.officer, school=other_school, start=datetime.date(2019, 9, 1),
                      end=datetime.date(2020, 6, 30))
    client.force_login(sro)
    response = send(client, entry(sro, other_school, today))
    assert response.status_code == 422
    assert response.json() == {"status": "refused", "reason": "invalid", "errors": [
        {"field": "school", "label": "School",
         "messages": [f"You were not assigned to this school on {today.isoformat()}."]}]}
    assert not Activity.objects.exists()


def test_refusal_reasons_name_each_field(client, sro, school, today):
    client.force_login(sro)
    tomorrow = today + datetime.timedelta(days=1)
    response = send(client, entry(sro, school, tomorrow, category=Category.PRESENTATION, minutes="721"))
    assert response.status_code == 422
    errors = {error["field"]: error["messages"] for error in response.json()["errors"]}
    assert errors == {
        "date": ["The date cannot be in the future."],
        "minutes": ["Minutes must be between 1 and 720 (12 hours)."],
        "topic": ["Choose the topic of the presentation."],
    }


def test_a_presentation_without_a_topic_is_refused(client, sro, school, today):
    client.force_login(sro)
    response = send(client, entry(sro, school, today, category=Category.PRESENTATION))
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "topic", "label": "Presentation topic",
                                          "messages": ["Choose the topic of the presentation."]}]


def test_a_school_that_is_not_theirs_is_refused(client, sro, outside_school, today):
    client.force_login(sro)
    response = send(client, entry(sro, outside_school, today))
    assert response.status_code == 422
    assert response.json()["errors"][0]["messages"] == ["Choose one of your schools."]


def test_an_entry_queued_by_another_user_is_refused(client, sro, school, today, other_sro):
    client.force_login(other_sro)
    response = send(client, entry(sro, school, today))
    assert response.status_code == 403
    assert response.json()["reason"] == "other_user"
    assert not Activity.objects.exists()


def test_the_other_users_entry_is_logged_when_its_user_sends_it(client, sro, school, today, other_sro):
    payload = entry(sro, school, today)
    client.force_login(other_sro)
    send(client, payload)
    client.force_login(sro)
    assert send(client, payload).status_code == 201
    assert Activity.objects.get().officer == sro.officer


def test_the_same_id_from_two_officers_are_two_entries(client, sro, school, today, other_sro, other_school):
    payload = entry(sro, school, today)
    client.force_login(sro)
    send(client, payload)
    client.force_login(other_sro)
    other = {**payload, "user_id": other_sro.pk, "fields": {**payload["fields"], "school": str(other_school.pk)}}
    assert send(client, other).status_code == 201
    assert Activity.objects.filter(client_id=payload["client_id"]).count() == 2


@pytest.mark.parametrize("body", [
    "not json", "[]", json.dumps({"fields": {}}), json.dumps({"client_id": "nope", "fields": {}}),
    json.dumps({"client_id": "21f10be9-4a1b-49d4-a359-83f23f11b4d7", "fields": "date=2026-01-01"}),
])
def test_a_request_that_is_not_an_entry_is_a_bad_request(client, sro, body):
    client.force_login(sro)
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert not Activity.objects.exists()


def test_fields_that_are_not_text_are_ignored(client, sro, school, today):
    client.force_login(sro)
    payload = entry(sro, school, today)
    payload["fields"]["students"] = ["25"]
    payload["fields"]["officer"] = "999"
    assert send(client, payload).status_code == 201
    assert Activity.objects.get().students == 0


def test_announce_shows_logged_on_the_next_page(client, sro, school, today):
    client.force_login(sro)
    send(client, {**entry(sro, school, today), "announce": True})
    assert "Logged: Informal contact and relationship building, 30 min at Kelvin High School." in \
        client.get(reverse("activities:my_log")).text


def test_queued_entries_say_nothing_on_the_next_page(client, sro, school, today):
    client.force_login(sro)
    send(client, entry(sro, school, today))
    assert "Logged:" not in client.get(reverse("activities:my_log")).text


def test_a_signed_out_phone_is_sent_to_sign_in_and_nothing_is_logged(client, sro, school, today):
    response = send(client, entry(sro, school, today))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not Activity.objects.exists()


def test_a_user_without_an_officer_profile_is_refused_with_a_reason(client, sro, school, today):
    sro.officer.assignments.all().delete()
    sro.officer.delete()
    client.force_login(sro)
    response = send(client, entry(sro, school, today))
    assert response.status_code == 403
    assert response.json()["reason"] == "no_officer"


def test_a_post_without_the_csrf_token_is_refused(sro, school, today):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sro)
    assert send(client, entry(sro, school, today)).status_code == 403
    assert not Activity.objects.exists()


def test_the_token_in_the_header_is_accepted(sro, school, today):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sro)
    client.get(reverse("activities:log"))
    token = client.cookies["csrftoken"].value
    response = client.post(URL, json.dumps(entry(sro, school, today)), content_type="application/json",
                           headers={"X-CSRFToken": token})
    assert response.status_code == 201


@pytest.mark.parametrize(("name", "value"), [
    ("school", "99999999999999999999999"), ("school", "²"), ("date", "9999-12-31"), ("date", "0001-01-01"),
    ("minutes", "1e5"), ("students", "-1"), ("note", "nul \x00 byte"), ("note", "x" * 501),
    ("category", "juggling"), ("topic", "cats"),
])
def test_hostile_values_are_refused_with_reasons_never_a_500(client, sro, school, today, name, value):
    client.force_login(sro)
    payload = entry(sro, school, today)
    payload["fields"][name] = value
    response = send(client, payload)
    assert response.status_code == 422
    assert response.json()["errors"]
    assert not Activity.objects.exists()
