"""The CSV export: exactly the filtered rows of the list, streamed."""

import datetime

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.urls import reverse

from activities.models import Category, Topic
from activities.views import LIST_PAGE_SIZE
from tests.csvfiles import csv_rows

from .factories import log

URL = reverse("activities:export")


def rows(response):
    return csv_rows(response)


@pytest.fixture
def many(sro, other_sro, school, other_school):
    for day in range(LIST_PAGE_SIZE + 10):
        log(sro, school, date=datetime.date(2026, 9, 1) + datetime.timedelta(days=day % 60),
            category=Category.LAW_ENFORCEMENT if day % 3 else Category.INFORMAL_CONTACT)
    log(other_sro, other_school, date=datetime.date(2026, 9, 3), category=Category.LAW_ENFORCEMENT)


@pytest.mark.parametrize("params", [
    {},
    {"category": Category.LAW_ENFORCEMENT},
    {"category": Category.LAW_ENFORCEMENT, "date_from": "2026-09-10", "date_to": "2026-10-10", "o": "minutes"},
])
def test_the_export_equals_the_filtered_list(client, coordinator, many, params):
    client.force_login(coordinator)
    listed = client.get(reverse("activities:list"), params).context["page"].paginator.object_list
    exported = rows(client.get(URL, params))[1:]
    assert [(r[0], r[1], r[5]) for r in exported] == [
        (a.date.isoformat(), a.school.name, a.get_category_display()) for a in listed
    ]


def test_the_export_is_streamed(client, coordinator, many):
    client.force_login(coordinator)
    assert isinstance(client.get(URL), StreamingHttpResponse)


def test_the_export_holds_the_entry(client, principal, sro, school):
    log(sro, school, date=datetime.date(2026, 10, 5), category=Category.PRESENTATION, topic=Topic.ILLEGAL_DRUGS,
        minutes=60, students=25, staff=1, note="=cmd")
    client.force_login(principal)
    [header, row] = rows(client.get(URL))
    assert header[:6] == ["Date", "School", "Division", "Officer", "Badge", "Category"]
    assert row[:3] == ["2026-10-05", school.name, school.division.name]
    assert row[5:13] == ["Classroom presentation", "yes", "Illegal drugs", "60", "25", "1", "0", "0"]
    assert row[13] == "'=cmd"  # no formula injection


def test_the_export_holds_only_the_scope(client, principal, many, other_school):
    client.force_login(principal)
    exported = rows(client.get(URL))[1:]
    assert exported and all(r[1] != other_school.name for r in exported)


def test_the_outsider_exports_nothing_of_our_division(client, outsider, many):
    client.force_login(outsider)
    assert rows(client.get(URL)) [1:] == []


@pytest.mark.parametrize("role_user", ["sro", "evaluator"])
def test_sros_and_evaluators_get_403(client, role_user, request):
    client.force_login(request.getfixturevalue(role_user))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("count", [3, 40])
def test_the_export_runs_a_fixed_number_of_queries(client, coordinator, sro, school, count, django_assert_num_queries):
    for index in range(count):
        log(sro, school, date=datetime.date(2026, 9, 1) + datetime.timedelta(days=index % 30))
    client.force_login(coordinator)
    # session, user, role grants, whole divisions, the figures (the audited count), the audit event, the rows;
    # SQLite (the demo's database) has no summary table, so it does not ask for the whole divisions
    with django_assert_num_queries(7 if connection.vendor == "postgresql" else 6):
        assert len(rows(client.get(URL))) == count + 1
