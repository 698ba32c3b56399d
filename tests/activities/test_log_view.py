"""The quick log: the SRO's main page, built for a phone."""

import datetime
import re

import pytest
from django.urls import reverse

from activities.models import Activity, Category, Topic
from tests.factories import AssignmentFactory, SchoolFactory, sro_for

from .factories import log

URL = reverse("activities:log")


def form_defaults(response) -> dict:
    """What the page submits if the SRO changes nothing: the form's initial values."""
    form = response.context["form"]
    data = {name: form[name].value() for name in ("date", "school", "minutes_preset")}
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items() if v is not None}


@pytest.fixture
def two_school_sro(school, division):
    second = SchoolFactory(division=division, name="Gordon Bell High School")
    return sro_for(school, second, username="sro2"), second


def test_a_routine_entry_is_one_tap_on_a_category_then_save(client, sro, school, today):
    client.force_login(sro)
    data = {**form_defaults(client.get(URL)), "category": Category.INFORMAL_CONTACT, "action": "save"}
    response = client.post(URL, data)
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.officer, activity.school, activity.date, activity.minutes) == (sro.officer, school, today, 30)
    assert (activity.students, activity.staff, activity.parents, activity.community) == (0, 0, 0, 0)


def test_the_date_defaults_to_today(client, sro, today):
    client.force_login(sro)
    assert client.get(URL).context["form"]["date"].value() == today


def test_the_school_defaults_to_the_one_used_last(client, two_school_sro, yesterday):
    user, second = two_school_sro
    log(user, second, date=yesterday)
    client.force_login(user)
    assert client.get(URL).context["form"]["school"].value() == second.pk


def test_the_school_defaults_to_the_first_assigned_without_history(client, two_school_sro):
    user, second = two_school_sro
    client.force_login(user)
    assert client.get(URL).context["form"]["school"].value() == second.pk  # Gordon Bell < Kelvin


def test_only_schools_assigned_on_the_date_are_offered(client, sro, school, other_school, outside_school):
    AssignmentFactory(officer=sro.officer, school=other_school, start=datetime.date(2019, 9, 1),
                      end=datetime.date(2020, 6, 30))
    client.force_login(sro)
    html = client.get(URL).text
    assert re.search(rf'<option value="{school.pk}"[^>]*data-periods="2020-09-01/"[^>]*>', html)
    assert re.search(rf'<option value="{other_school.pk}"[^>]*hidden[^>]*disabled', html)
    assert outside_school.name not in html


def test_the_past_date_offers_the_schools_of_that_date(client, sro, school, other_school):
    AssignmentFactory(officer=sro.officer, school=other_school, start=datetime.date(2019, 9, 1),
                      end=datetime.date(2020, 6, 30))
    client.force_login(sro)
    html = client.get(URL, {"date": "2020-03-02"}).text
    assert re.search(rf'<option value="{school.pk}"[^>]*hidden', html)
    assert not re.search(rf'<option value="{other_school.pk}"[^>]*hidden', html)


def test_categories_are_big_radio_buttons_and_counts_numeric(client, sro):
    client.force_login(sro)
    html = client.get(URL).text
    assert html.count('type="radio" name="category"') == 12
    assert 'class="btn btn-outline-primary tap-button"' in html
    assert re.search(r'<input type="number" name="students"[^>]*inputmode="numeric"', html)
    assert "<script>" not in html and "style=" not in html


def test_save_and_log_another_keeps_date_and_school(client, two_school_sro, yesterday):
    user, second = two_school_sro
    client.force_login(user)
    response = client.post(URL, {"date": yesterday.isoformat(), "school": second.pk, "minutes_preset": 45,
                                 "category": Category.STAFF_CONSULTATION, "action": "another"})
    assert response.url == f"{URL}?date={yesterday.isoformat()}&school={second.pk}"
    form = client.get(response.url).context["form"]
    assert (form["date"].value(), form["school"].value()) == (yesterday, second.pk)
    assert not form["category"].value()


def test_save_goes_to_my_log(client, sro, school, today):
    client.force_login(sro)
    response = client.post(URL, {"date": today.isoformat(), "school": school.pk, "minutes_preset": 15,
                                 "category": Category.INFORMAL_CONTACT, "action": "save"})
    assert response.url == reverse("activities:my_log")


def test_a_typed_duration_wins_over_the_preset(client, sro, school, today):
    client.force_login(sro)
    client.post(URL, {"date": today.isoformat(), "school": school.pk, "minutes_preset": 30, "minutes": 50,
                      "category": Category.LAW_ENFORCEMENT})
    assert Activity.objects.get().minutes == 50


def test_a_presentation_keeps_its_topic_and_audience(client, sro, school, today):
    client.force_login(sro)
    client.post(URL, {"date": today.isoformat(), "school": school.pk, "minutes_preset": 60,
                      "category": Category.PRESENTATION, "topic": Topic.CYBERBULLYING, "students": "27", "staff": "1"})
    activity = Activity.objects.get()
    assert (activity.topic, activity.students, activity.staff) == (Topic.CYBERBULLYING, 27, 1)


# Bad input: a clear message beside its field, the rest of the form kept ------------------

def post_bad(client, sro, school, today, **changes):
    client.force_login(sro)
    data = {"date": today.isoformat(), "school": school.pk, "minutes_preset": 30,
            "category": Category.LAW_ENFORCEMENT, "students": "4", "note": "Locker theft", **changes}
    response = client.post(URL, data)
    assert response.status_code == 200
    assert not Activity.objects.exists()
    return response.context["form"]


def assert_rest_kept(form, *except_fields):
    kept = {"category": Category.LAW_ENFORCEMENT, "students": "4", "note": "Locker theft"}
    for name, value in kept.items():
        if name not in except_fields:
            assert form[name].value() == value, name


def test_a_future_date_is_refused_beside_the_date(client, sro, school, today):
    form = post_bad(client, sro, school, today, date=(today + datetime.timedelta(days=1)).isoformat())
    assert form.errors == {"date": ["The date cannot be in the future."]}
    assert_rest_kept(form)


@pytest.mark.parametrize(("minutes", "message"), [
    ("0", "Minutes must be between 1 and 720."),
    ("721", "Minutes must be between 1 and 720 (12 hours)."),
    ("-30", "Minutes must be between 1 and 720."),
])
def test_minutes_outside_1_to_720_are_refused_beside_the_minutes(client, sro, school, today, minutes, message):
    form = post_bad(client, sro, school, today, minutes=minutes)
    assert form.errors == {"minutes": [message]}
    assert form["minutes"].value() == minutes
    assert_rest_kept(form)


def test_no_duration_at_all_is_refused_beside_the_minutes(client, sro, school, today):
    form = post_bad(client, sro, school, today, minutes_preset="")
    assert form.errors == {"minutes": ["Choose a duration or type the minutes."]}


def test_a_school_not_assigned_on_the_date_is_refused_beside_the_school(client, sro, school, other_school, today):
    AssignmentFactory(officer=sro.officer, school=other_school, start=datetime.date(2019, 9, 1),
                      end=datetime.date(2020, 6, 30))
    form = post_bad(client, sro, other_school, today)
    assert form.errors == {"school": [f"You were not assigned to this school on {today.isoformat()}."]}
    assert_rest_kept(form)


def test_another_sros_school_cannot_be_logged_for(client, sro, other_sro, other_school, today):
    form = post_bad(client, sro, other_school, today)
    assert form.errors == {"school": ["Choose one of your schools."]}


def test_a_negative_count_is_refused_beside_the_count(client, sro, school, today):
    form = post_bad(client, sro, school, today, parents="-2")
    assert form.errors == {"parents": ["A count cannot be negative."]}
    assert_rest_kept(form)


def test_a_topic_on_a_non_presentation_is_refused_beside_the_topic(client, sro, school, today):
    form = post_bad(client, sro, school, today, topic=Topic.GANG_AWARENESS)
    assert list(form.errors) == ["topic"]
    assert "only for classroom presentations" in form.errors["topic"][0]
    assert_rest_kept(form)


def test_errors_are_rendered_beside_their_fields(client, sro, school, today):
    client.force_login(sro)
    response = client.post(URL, {"date": today.isoformat(), "school": school.pk, "minutes": "900", "students": "-1"})
    html = response.text
    assert 'id="id_minutes-errors"' in html and "Minutes must be between 1 and 720 (12 hours)." in html
    assert 'id="id_category-errors"' in html and "Choose what you did." in html
    assert "A count cannot be negative." in html


# Access ------------------------------------------------------------------------------------

def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role_user", ["principal", "coordinator", "evaluator", "program_admin"])
def test_other_roles_get_403(client, role_user, request):
    client.force_login(request.getfixturevalue(role_user))
    assert client.get(URL).status_code == 403


def test_an_sro_without_officer_profile_is_told_so(client, db):
    from accounts.models import Role
    from tests.factories import user_with_role

    client.force_login(user_with_role(Role.SRO))
    response = client.get(URL)
    assert response.status_code == 403
    assert "officer profile is not set up" in response.text


def test_an_sro_without_assignments_is_told_so(client, db):
    client.force_login(sro_for())
    assert "You have no school assignment yet" in client.get(URL).text


def test_counts_start_blank_so_the_sro_just_types(client, sro):
    client.force_login(sro)
    form = client.get(URL).context["form"]
    assert [form[name].value() for name in ("students", "staff", "parents", "community")] == [None] * 4


def test_a_date_without_assignment_says_so(client, sro):
    client.force_login(sro)
    html = client.get(URL, {"date": "2019-01-07"}).text
    assert 'id="no-school-on-date" class="form-text text-warning-emphasis mb-0"' in html


def test_a_future_date_in_the_address_falls_back_to_today(client, sro, today):
    client.force_login(sro)
    assert client.get(URL, {"date": "2999-01-01"}).context["form"]["date"].value() == today


def test_an_absurd_count_is_refused_beside_the_count(client, sro, school, today):
    form = post_bad(client, sro, school, today, community="99999999999999999999999")
    assert form.errors == {"community": ["That is more people than any event: check the number."]}


def test_a_tampered_preset_is_refused_not_a_500(client, sro, school, today):
    form = post_bad(client, sro, school, today, minutes_preset="abc")
    assert "minutes_preset" in form.errors


def test_the_page_shows_what_is_already_logged_that_day(client, sro, school, today):
    log(sro, school, date=today, minutes=90)
    log(sro, school, date=today, minutes=30)
    client.force_login(sro)
    assert "2 entries logged, 2.0 h" in client.get(URL).text
