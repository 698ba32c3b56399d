"""Medians and 90th percentiles by the database, checked against values worked out by hand,
on PostgreSQL (percentile_cont) and on SQLite (the same interpolation in Python)."""

import datetime

import pytest
from django.db.models import DurationField, F

from common.stats import interpolate, percentiles
from incidents.models import Incident

from ..incidents.factories import IncidentFactory


def test_interpolation_by_hand():
    # 10 values: the median lies halfway between the 5th and 6th (5 and 6), the 90th percentile
    # at position 0.9 × 9 = 8.1, a tenth of the way from the 9th (9) to the 10th (100).
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]
    assert interpolate(values, 0.5) == 5.5
    assert interpolate(values, 0.9) == pytest.approx(18.1)
    assert interpolate([], 0.5) is None


@pytest.mark.django_db
def test_response_time_percentiles_grouped_in_one_query(django_assert_num_queries):
    called = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)
    for minutes in (4, 6, 8, 10, 30):
        IncidentFactory(called_at=called, on_scene_at=called + datetime.timedelta(minutes=minutes),
                        responding_unit="sro")
    IncidentFactory(called_at=called, on_scene_at=called + datetime.timedelta(minutes=12), responding_unit="patrol")
    IncidentFactory(called_at=None, on_scene_at=None, responding_unit="patrol")  # not timed: left out
    with django_assert_num_queries(1):
        result = percentiles(Incident.objects.all(), F("on_scene_at") - F("called_at"),
                             group_by=["responding_unit"], output_field=DurationField())
    median, p90, n = result[("sro",)]
    # 4, 6, 8, 10, 30 minutes: median 8; p90 at position 3.6: 10 + 0.6 × 20 = 22 minutes.
    assert (median, p90, n) == (datetime.timedelta(minutes=8), datetime.timedelta(minutes=22), 5)
    assert result[("patrol",)] == (datetime.timedelta(minutes=12), datetime.timedelta(minutes=12), 1)
