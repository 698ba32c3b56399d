"""The report on a phone (issue 16, defect 4): times default to now, a time in the future is refused,
the people involved are given on the same page, and "Submit for review" ends the form."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from incidents.models import Disposition, Incident, IncidentEvent, PersonInvolved, PersonRole, Status

from .factories import IncidentFactory

# 10:48 UTC on 15 January 2026 is 04:48 in Winnipeg (UTC-6 in winter): the case the walk found.
NOW = datetime.datetime(2026, 1, 15, 10, 48, 30, tzinfo=datetime.UTC)

FACTS = {
    "occurred_at": "2026-01-15T04:20", "reported_at": "2026-01-15T04:40", "location": "hallway",
    "category": "assault", "severity": "medium", "narrative": "A fight between two students before class.",
    "call_number": "", "called_at": "", "on_scene_at": "", "responding_unit": "", "disposition": "",
}
NO_PERSON = {"role": "", "name": "", "age": "", "date_of_birth": "", "grade": "", "is_student": ""}


def people_rows(*rows, total=3):
    """The people rows as the page posts them: `rows` filled, the rest of `total` left empty."""
    data = {"people-TOTAL_FORMS": str(total), "people-INITIAL_FORMS": "0",
            "people-MIN_NUM_FORMS": "0", "people-MAX_NUM_FORMS": "30"}
    for index in range(total):
        row = rows[index] if index < len(rows) else NO_PERSON
        data.update({f"people-{index}-{name}": value for name, value in row.items() if value != ""})
    return data


SUBJECT = {"role": PersonRole.SUBJECT, "name": "Riley Example", "age": "14", "date_of_birth": "", "grade": "9",
           "is_student": "on"}
WITNESS = {"role": PersonRole.WITNESS, "name": "Sam Witness", "age": "15", "date_of_birth": "", "grade": "10",
           "is_student": ""}


@pytest.fixture
def report(client, sro, school):
    """Post the report form as the school's SRO at NOW; returns the response."""
    client.force_login(sro)

    def post(data, *people, submit=False):
        payload = {**FACTS, "school": school.pk, **data, **people_rows(*people)}
        if submit:
            payload["submit_for_review"] = "1"
        with time_machine.travel(NOW, tick=False):
            return client.post(reverse("incidents:incident_create"), payload)

    return post


@time_machine.travel(NOW, tick=False)
def test_occurred_and_reported_default_to_now_in_local_time(client, sro):
    client.force_login(sro)
    response = client.get(reverse("incidents:incident_create"))
    form = response.context["form"]
    assert form["occurred_at"].value() == datetime.datetime(2026, 1, 15, 4, 48, tzinfo=form["occurred_at"].value().tzinfo)
    assert response.text.count('value="2026-01-15T04:48"') == 2


@time_machine.travel(NOW, tick=False)
def test_an_sro_of_one_school_finds_it_chosen(client, sro, school):
    client.force_login(sro)
    response = client.get(reverse("incidents:incident_create"))
    assert response.context["form"]["school"].value() == school.pk


def test_a_time_in_the_future_is_refused_with_a_clear_message(report):
    # 10:48 typed at 04:48 in Winnipeg: the report of the walk.
    response = report({"occurred_at": "2026-01-15T10:48", "reported_at": "2026-01-15T10:48"})
    assert response.status_code == 200
    assert "This time is in the future: it is now 2026-01-15 04:48." in response.text
    assert response.context["form"].errors.keys() == {"occurred_at", "reported_at"}
    assert not Incident.objects.exists()


def test_a_few_minutes_ahead_are_tolerated_for_clock_skew(report):
    response = report({"occurred_at": "2026-01-15T04:50", "reported_at": "2026-01-15T04:53"})
    assert response.status_code == 302
    assert Incident.objects.get().reported_at == datetime.datetime(2026, 1, 15, 10, 53, tzinfo=datetime.UTC)


def test_six_minutes_ahead_is_refused(report):
    response = report({"occurred_at": "2026-01-15T04:40", "reported_at": "2026-01-15T04:55"})
    assert list(response.context["form"].errors) == ["reported_at"]


def test_a_police_time_in_the_future_is_refused_too(report):
    response = report({"called_at": "2026-01-15T05:30", "on_scene_at": "2026-01-15T05:40"})
    assert set(response.context["form"].errors) == {"called_at", "on_scene_at"}
    assert not Incident.objects.exists()


def test_an_edit_refuses_a_time_moved_into_the_future(client, sro, school):
    incident = IncidentFactory(school=school, created_by=sro)
    client.force_login(sro)
    with time_machine.travel(NOW, tick=False):
        response = client.post(reverse("incidents:incident_edit", args=[incident.pk]),
                               {**FACTS, "version": 1, "reported_at": "2026-01-15T06:00"})
    assert "This time is in the future" in response.text
    incident.refresh_from_db()
    assert incident.version == 1


def test_people_are_added_with_the_report(report, sro):
    response = report({}, SUBJECT, WITNESS)
    incident = Incident.objects.get()
    assert response.url == reverse("incidents:incident_detail", args=[incident.pk])
    people = {(p.role, p.name, p.age, p.grade, p.is_student) for p in incident.people.all()}
    assert people == {(PersonRole.SUBJECT, "Riley Example", 14, 9, True),
                      (PersonRole.WITNESS, "Sam Witness", 15, 10, False)}
    assert incident.status == Status.DRAFT
    # Their change history says who added them, as when added one by one.
    assert {h.history_user for h in PersonInvolved.history.all()} == {sro}


def test_empty_people_rows_are_ignored(report):
    report({})
    assert Incident.objects.count() == 1
    assert not PersonInvolved.objects.exists()


def test_submit_for_review_submits_the_report_and_its_people_at_once(report, sro):
    report({}, SUBJECT, submit=True)
    incident = Incident.objects.get()
    assert (incident.status, incident.submitted_at, incident.version) == (Status.SUBMITTED, NOW, 2)
    assert incident.people.count() == 1
    steps = list(IncidentEvent.objects.filter(incident=incident).values_list("from_status", "to_status", "actor"))
    assert steps == [("", Status.DRAFT, sro.pk), (Status.DRAFT, Status.SUBMITTED, sro.pk)]


def test_save_draft_keeps_it_a_draft(report):
    report({}, SUBJECT)
    assert Incident.objects.get().status == Status.DRAFT


def test_the_form_keeps_the_typed_people_when_the_report_is_refused(report):
    response = report({"category": ""}, SUBJECT, WITNESS, submit=True)
    assert response.status_code == 200
    assert 'value="Riley Example"' in response.text
    assert 'value="Sam Witness"' in response.text
    assert not Incident.objects.exists()


def test_a_refused_person_shows_the_error_on_their_row_and_saves_nothing(report):
    both = {**WITNESS, "date_of_birth": "2011-03-02"}
    response = report({}, SUBJECT, both, submit=True)
    people = response.context["people"]
    assert people.forms[1].errors["age"] == ["Give the age or the date of birth, not both."]
    assert 'value="Riley Example"' in response.text
    assert not Incident.objects.exists()


def test_a_charge_against_a_subject_under_12_given_in_the_same_report_saves_nothing(report):
    child = {**SUBJECT, "age": "10", "grade": "5"}
    response = report({"disposition": Disposition.CHARGE_LAID}, WITNESS, child, submit=True)
    assert "a charge against a person under 12 is not possible" in response.text
    assert response.context["people"].forms[1].errors["age"]
    assert 'value="Sam Witness"' in response.text
    assert not Incident.objects.exists()
    assert not PersonInvolved.objects.exists()


def test_submit_for_review_ends_the_form_after_the_people_rows(client, sro):
    client.force_login(sro)
    page = client.get(reverse("incidents:incident_create")).text
    assert page.index('name="people-0-name"') < page.index("Save draft") < page.index('name="submit_for_review"')
    form_end = page.index("</form>", page.index('id="incident-form"'))
    assert page.index('name="submit_for_review"') < form_end
    assert 'src="/static/incidents/report.js"' in page
    assert "<script>" not in page  # CSP: no inline script


def test_the_page_offers_three_people_rows_and_a_template_for_more(client, sro):
    client.force_login(sro)
    page = client.get(reverse("incidents:incident_create")).text
    assert all(f'name="people-{index}-name"' in page for index in range(3))
    assert 'name="people-3-name"' not in page
    assert 'name="people-__prefix__-name"' in page  # inside <template>, copied by report.js
    assert 'id="add-person" hidden' in page  # shown by the script only


def test_a_draft_saved_earlier_is_submitted_from_its_edit_page(client, sro, school):
    incident = IncidentFactory(school=school, created_by=sro)
    client.force_login(sro)
    with time_machine.travel(NOW, tick=False):
        response = client.post(reverse("incidents:incident_edit", args=[incident.pk]),
                               {**FACTS, "version": 1, "narrative": "Completed later.", "submit_for_review": "1"})
    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.status, incident.narrative, incident.version) == (Status.SUBMITTED, "Completed later.", 3)


def test_a_refused_edit_does_not_submit_the_draft(client, sro, school):
    incident = IncidentFactory(school=school, created_by=sro)
    client.force_login(sro)
    with time_machine.travel(NOW, tick=False):
        client.post(reverse("incidents:incident_edit", args=[incident.pk]),
                    {**FACTS, "version": 1, "occurred_at": "2026-01-15T09:00", "submit_for_review": "1"})
    incident.refresh_from_db()
    assert (incident.status, incident.version) == (Status.DRAFT, 1)


def test_an_incident_sent_back_for_follow_up_is_only_saved_from_its_edit_page(client, sro, school):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.FOLLOW_UP)
    client.force_login(sro)
    page = client.get(reverse("incidents:incident_edit", args=[incident.pk])).text
    assert 'name="submit_for_review"' not in page
    client.post(reverse("incidents:incident_edit", args=[incident.pk]),
                {**FACTS, "version": 1, "submit_for_review": "1"})
    incident.refresh_from_db()
    assert incident.status == Status.FOLLOW_UP
