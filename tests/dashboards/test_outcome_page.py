"""The evaluator's outcome-data page goes through common.suppression: no calls-for-service count of
1 to 4 per school, and none that the totals would give back."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.models import CallForService, UnitType

from .conftest import at


def calls(school, count, unit=UnitType.SRO):
    for n in range(count):
        received = at(2025, 10, 1) + datetime.timedelta(hours=n)
        CallForService.objects.create(call_number=f"{school.pk}-{unit}-{n}-{timezone.now().timestamp()}",
                                      school=school, received_at=received, priority=2, unit_type=unit,
                                      on_scene_at=received + datetime.timedelta(minutes=10))


def rows_of(client, user):
    client.force_login(user)
    response = client.get(reverse("evaluations:outcome_data"), {"school_year": "2025-26"})
    return response, {row["school"].pk: row for row in response.context["rows"]}


@pytest.mark.parametrize(("count", "suppressed"), [(4, True), (5, False)])
def test_a_schools_calls_of_1_to_4_are_suppressed_for_the_evaluator(client, evaluator, school, other_school,
                                                                   count, suppressed):
    calls(school, count)
    calls(other_school, 12)
    _response, rows = rows_of(client, evaluator)
    assert bool(rows[school.pk]["sro"].get("suppressed")) is suppressed


def test_the_total_does_not_give_a_hidden_count_back(client, evaluator, school, other_school):
    calls(school, 3)
    calls(other_school, 12)
    response, rows = rows_of(client, evaluator)
    # Kelvin's 3 are hidden; shown beside a total of 15, Sisler's 12 would give them back: hidden too.
    assert rows[school.pk]["sro"]["suppressed"] and rows[other_school.pk]["sro"]["suppressed"]
    assert response.context["totals"]["sro"]["n"] == 15


def test_the_coordinator_sees_every_count(client, coordinator, school, other_school):
    calls(school, 3)
    _response, rows = rows_of(client, coordinator)
    assert rows[school.pk]["sro"]["n"] == 3


def test_the_evaluator_export_is_suppressed_too(client, evaluator, school, other_school):
    calls(school, 3)
    calls(other_school, 12)
    client.force_login(evaluator)
    response = client.get(reverse("evaluations:outcome_export"), {"school_year": "2025-26"})
    text = b"".join(response.streaming_content).decode()
    assert ",3," not in text and ",12," not in text
