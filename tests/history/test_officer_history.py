"""The change history of an officer's assignments and training records."""

import datetime

import pytest
from django.urls import reverse
from django.utils import formats

from audit.models import AuditEvent
from officers import services
from officers.models import Assignment, TrainingRecord
from tests.csvfiles import csv_rows
from tests.officers.factories import AssignmentFactory, course


def history_url(officer):
    return reverse("officers:officer_history", args=[officer.pk])


def test_ending_an_assignment_through_the_form_records_who_and_before_after(client, coordinator, assignment):
    client.force_login(coordinator)
    response = client.post(reverse("officers:assignment_end", args=[assignment.pk]), {"end": "2024-06-28"})
    assert response.status_code == 302
    record = Assignment.history.filter(id=assignment.pk, history_type="~").get()
    assert record.history_user == coordinator
    (change,) = record.diff_against(record.prev_record).changes
    assert (change.field, change.old, change.new) == ("end", None, datetime.date(2024, 6, 28))


def test_a_reassignment_records_both_assignments(coordinator, assignment, school, division):
    from tests.officers.factories import officer_for

    newcomer = officer_for(division)
    ended, new = services.assignment_reassign(school=school, to_officer=newcomer, on_date=datetime.date(2024, 9, 3))
    assert Assignment.history.filter(id=assignment.pk, history_type="~", end=datetime.date(2024, 9, 2)).exists()
    assert Assignment.history.filter(id=new.pk, history_type="+").exists()


def test_a_training_record_added_through_the_form_is_recorded(client, coordinator, officer):
    client.force_login(coordinator)
    client.post(reverse("officers:training_record_create", args=[officer.pk]),
                {"course": course("vtra-level-1").pk, "completed_on": "2024-04-02"})
    record = TrainingRecord.history.get(officer_id=officer.pk)
    assert (record.history_type, record.history_user) == ("+", coordinator)


def test_the_page_shows_the_changes_in_words(client, coordinator, assignment, officer, school):
    client.force_login(coordinator)
    client.post(reverse("officers:assignment_end", args=[assignment.pk]), {"end": "2024-06-28"})
    response = client.get(history_url(officer))
    assert response.status_code == 200
    entry = next(e for e in response.context["entries"] if e.kind == "~")
    assert [(c.label, c.before) for c in entry.changes] == [("End", "—")]
    assert entry.changes[0].after == formats.date_format(datetime.date(2024, 6, 28), "SHORT_DATE_FORMAT")
    assert entry.user == coordinator
    assert school.name in response.text  # the school of the created assignment, by name
    assert history_url(officer) in client.get(reverse("officers:officer_detail", args=[officer.pk])).text


@pytest.mark.parametrize(("who", "status"), [
    ("coordinator", 200), ("program_admin", 200), ("outsider", 404), ("sro", 403), ("principal", 403),
    ("evaluator", 403),
])
@pytest.mark.parametrize("url_name", ["officers:officer_history", "officers:officer_history_export"])
def test_who_may_open_the_history(client, request, officer, who, status, url_name):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse(url_name, args=[officer.pk])).status_code == status


def test_anonymous_users_are_sent_to_sign_in(client, officer):
    response = client.get(history_url(officer))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_export_has_the_change_and_is_audited(client, coordinator, assignment, officer):
    client.force_login(coordinator)
    client.post(reverse("officers:assignment_end", args=[assignment.pk]), {"end": "2024-06-28"})
    response = client.get(reverse("officers:officer_history_export", args=[officer.pk]))
    rows = csv_rows(response)
    changed = [row for row in rows if row[4] == "Changed"]
    assert len(changed) == 1 and changed[0][3] == f"Assignment #{assignment.pk}" and changed[0][5] == "End"
    assert changed[0][6] == "—" and changed[0][7]
    assert AuditEvent.objects.get(event=AuditEvent.Event.EXPORT).detail["export"] == "officer_history"


def test_the_page_costs_a_fixed_number_of_queries(client, coordinator, division, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import SchoolFactory
    from tests.officers.factories import officer_for

    few, many = officer_for(division), officer_for(division)
    for officer, count in ((few, 1), (many, 10)):
        for i in range(count):
            assignment = services.assignment_create(officer=officer, school=SchoolFactory(division=division),
                                                    start=datetime.date(2020 + i, 9, 1))
            services.assignment_end(assignment=assignment, end=datetime.date(2021 + i, 6, 28))
    client.force_login(coordinator)
    client.get(history_url(few))
    with CaptureQueriesContext(connection) as baseline:
        assert len(client.get(history_url(few)).context["entries"]) == 2
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        assert len(client.get(history_url(many)).context["entries"]) == 20


def test_assignments_outside_the_coordinators_scope_are_not_in_the_history(client, coordinator, officer,
                                                                          outside_school):
    # As on the officer's page: a coordinator sees the officer's assignments in their division only.
    AssignmentFactory(officer=officer, school=outside_school)
    client.force_login(coordinator)
    response = client.get(history_url(officer))
    assert response.context["entries"]  # the assignment in the coordinator's division
    assert outside_school.name not in response.text
