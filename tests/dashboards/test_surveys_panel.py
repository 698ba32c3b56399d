"""Survey indicators on the dashboards: favourable answers against the baseline, groups under 10
responses neither shown nor counted."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.evaluations.factories import QuestionFactory, SurveyFactory, make_responses

from .helpers import shown_panels


@pytest.fixture
def surveys(school, other_school):
    baseline = SurveyFactory(school_year="2024–25", is_baseline=True, schools=[school, other_school])
    current = SurveyFactory(school_year="2025–26", baseline=baseline, instrument=baseline.instrument,
                            schools=[school, other_school])
    question = QuestionFactory(instrument=baseline.instrument)
    return baseline, current, question


def survey_row(client, coordinator, division):
    client.force_login(coordinator)
    response = client.get(reverse("dashboards:division", args=[division.pk]))
    panel = shown_panels(response)["survey-indicators"]
    [row] = panel.rows
    return row


def test_favourable_share_against_the_baseline(client, coordinator, division, school, surveys):
    baseline, current, question = surveys
    make_responses(current, school, 9, {question: 5})  # agree: favourable
    make_responses(current, school, 3, {question: 1})
    make_responses(baseline, school, 5, {question: 5})
    make_responses(baseline, school, 5, {question: 2})
    row = survey_row(client, coordinator, division)
    # 9 of 12 = 75.0 %; baseline 5 of 10 = 50.0 %: +25.0 points.
    assert row.label == "Students: Perceived safety"
    assert [c.value for c in row.cells] == [12, Decimal("75.0"), 10, Decimal("50.0"), Decimal("25.0")]


@pytest.mark.parametrize(("count", "shown"), [(9, False), (10, True)])
def test_a_group_of_9_is_hidden_and_10_shown(client, coordinator, division, school, surveys, count, shown):
    _baseline, current, question = surveys
    make_responses(current, school, count, {question: 5})
    row = survey_row(client, coordinator, division)
    assert row.cells[0].hidden is not shown and row.cells[1].hidden is not shown


def test_a_small_school_is_left_out_of_the_division_figure(client, coordinator, division, school, other_school,
                                                          surveys):
    _baseline, current, question = surveys
    make_responses(current, school, 12, {question: 5})
    make_responses(current, other_school, 4, {question: 1})
    row = survey_row(client, coordinator, division)
    # Sisler's 4 would be the division's 16 less Kelvin's 12: they count nowhere.
    assert [c.value for c in row.cells[:2]] == [12, Decimal("100.0")]
