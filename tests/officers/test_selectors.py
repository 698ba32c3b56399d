"""Selectors offered to dashboards."""

import datetime

import pytest

from officers.selectors import training_compliance

from .factories import AssignmentFactory, TrainingRecordFactory, course, officer_for


def test_training_compliance_counts_assigned_officers_per_course_and_state(coordinator, officer, division, school):
    TrainingRecordFactory(officer=officer, course=course("nasro-basic"), completed_on=datetime.date(2021, 1, 1))
    officer_for(division)  # not assigned: not counted
    rows = {row["course"].code: row for row in training_compliance(user=coordinator)}
    assert rows["nasro-basic"]["complete"] == 1
    assert rows["vtra-level-1"]["missing"] == 1
    assert rows["effective-presentation"]["overdue"] == 1


def test_training_compliance_ignores_officers_out_of_scope(outsider, officer, outside_school):
    assert all(row["overdue"] + row["missing"] + row["complete"] + row["due"] == 0
               for row in training_compliance(user=outsider))


@pytest.mark.parametrize("count", [2, 20])
def test_training_compliance_runs_a_fixed_number_of_queries(coordinator, division, school, count,
                                                            django_assert_num_queries):
    for _ in range(count):
        AssignmentFactory(officer=officer_for(division), school=school)
    coordinator.grants  # noqa: B018 - load the grants outside the count
    with django_assert_num_queries(3):
        training_compliance(user=coordinator)
