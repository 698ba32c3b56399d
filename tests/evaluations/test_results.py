"""Survey results on a small known data set, their scope, and their query count."""

import pytest
from django.db import connection
from django.urls import reverse

from accounts.models import Role
from evaluations.selectors import survey_results
from tests.factories import SchoolFactory, user_with_role

from .factories import SurveyFactory, make_responses

pytestmark = pytest.mark.django_db


@pytest.fixture
def known(survey, school, other_school, questions):
    """Kelvin: 9 strongly agree + 3 disagree, all never saw bullying. Sisler: 10 neutral."""
    agree, bullying = questions[0], questions[1]
    make_responses(survey, school, 9, {agree: 5, bullying: 1})
    make_responses(survey, school, 3, {agree: 2, bullying: 1})
    make_responses(survey, other_school, 10, {agree: 3})
    return survey


@pytest.fixture
def baseline(survey, instrument, school, questions):
    base = SurveyFactory(instrument=instrument, school_year="2024–25", is_baseline=True, schools=[school])
    make_responses(base, school, 10, {questions[0]: 2})
    survey.baseline = base
    survey.save(update_fields=["baseline"])
    return base


def row_for(rows, key, value):
    return next(row for row in rows if getattr(row[key], "pk", row[key]) == value)


def test_question_results_add_up_across_schools(known, coordinator, questions):
    results = survey_results(survey=known, user=coordinator)
    cell = row_for(results["question_rows"], "question", questions[0].pk)["cell"]
    assert (cell.n, cell.percent, cell.mean) == (22, 40.9, 3.68)


def test_lower_is_better_questions_count_never_as_favourable(known, coordinator, questions):
    cell = row_for(survey_results(survey=known, user=coordinator)["question_rows"], "question", questions[1].pk)["cell"]
    assert (cell.n, cell.percent) == (12, 100.0)


def test_indicator_results_count_responses_once(known, coordinator):
    rows = survey_results(survey=known, user=coordinator)["indicator_rows"]
    safety = next(r for r in rows if r["indicator"] == "perceived_safety")["cell"]
    assert (safety.n, safety.percent) == (22, 40.9)


def test_results_by_school(known, coordinator, school, other_school):
    groups = {row["group"].label: row for row in survey_results(survey=known, user=coordinator)["group_rows"]}
    assert groups[school.name]["responses"].n == 12
    assert groups[school.name]["indicators"][0].percent == 75.0
    assert groups[other_school.name]["indicators"][0].percent == 0.0
    assert groups[school.division.name]["responses"].n == 22


def test_results_narrowed_to_one_school(known, coordinator, school, questions):
    results = survey_results(survey=known, user=coordinator, school=school)
    cell = row_for(results["question_rows"], "question", questions[0].pk)["cell"]
    assert (cell.n, cell.percent, cell.mean) == (12, 75.0, 4.25)


def test_results_compare_with_the_baseline_over_the_same_schools(known, baseline, coordinator, school, questions):
    results = survey_results(survey=known, user=coordinator, school=school)
    row = row_for(results["question_rows"], "question", questions[0].pk)
    assert (row["baseline"].n, row["baseline"].percent, row["change"]) == (10, 0.0, 75.0)


def test_a_principal_sees_only_their_school(known, principal, school, other_school):
    results = survey_results(survey=known, user=principal)
    assert results["responses"].n == 12
    assert [row["group"].label for row in results["group_rows"]] == ["", school.name]


def test_an_evaluator_sees_aggregates_of_their_division(client, known, evaluator):
    client.force_login(evaluator)
    response = client.get(reverse("evaluations:survey_results", args=[known.pk]))
    assert response.status_code == 200
    assert "40.9 %" in response.text


def test_free_text_answers_are_never_shown(client, known, coordinator, school, questions):
    make_responses(known, school, 10, {questions[2]: 5})
    known.responses.first().answers.filter(question=questions[2]).update(text="Jamie in 8B")
    client.force_login(coordinator)
    assert "Jamie" not in client.get(reverse("evaluations:survey_results", args=[known.pk])).text


def test_results_page_runs_the_same_queries_whatever_the_data_size(
    client, known, baseline, coordinator, division, questions, django_assert_num_queries
):
    client.force_login(coordinator)
    url = reverse("evaluations:survey_results", args=[known.pk])
    client.get(url)
    # On PostgreSQL the figures come from the tallies: one query per survey (current, baseline); one
    # division in scope, so its choice (and the query for it) is not offered (issue 16, defect 6).
    # SQLite (the demo's database) has no tallies: the figures come from the answers.
    with django_assert_num_queries(10 if connection.vendor == "postgresql" else 14) as small:
        client.get(url)
    for _ in range(3):
        extra = SchoolFactory(division=division)
        known.schools.add(extra)
        make_responses(known, extra, 11, {questions[0]: 4, questions[1]: 2})
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)


def test_results_list_runs_the_same_queries_whatever_the_number_of_surveys(
    client, known, coordinator, school, instrument, django_assert_num_queries
):
    client.force_login(coordinator)
    url = reverse("evaluations:results_list")
    client.get(url)
    with django_assert_num_queries(6) as small:
        client.get(url)
    for year in ("2021–22", "2022–23", "2023–24"):
        SurveyFactory(instrument=instrument, school_year=year, schools=[school])
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.text.count("2022–23") >= 1


def test_a_school_admin_of_another_school_gets_404(client, known, outside_school):
    user = user_with_role(Role.SCHOOL_ADMIN, school=outside_school)
    client.force_login(user)
    assert client.get(reverse("evaluations:survey_results", args=[known.pk])).status_code == 404
