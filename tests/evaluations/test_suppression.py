import pytest

from evaluations.selectors import survey_results
from evaluations.suppression import is_suppressed

from .factories import make_responses

pytestmark = pytest.mark.django_db


def test_nine_responses_are_suppressed():
    assert is_suppressed(9)


def test_ten_responses_are_shown():
    assert not is_suppressed(10)


def test_the_threshold_comes_from_settings(settings):
    settings.SURVEY_MIN_RESPONSES = 20
    assert is_suppressed(15)


def test_a_school_with_nine_responses_shows_no_figure(client, coordinator, survey, school, questions):
    make_responses(survey, school, 9, {questions[0]: 5})
    client.force_login(coordinator)
    response = client.get(f"/evaluations/results/{survey.pk}/", {"school": school.pk})
    assert "fewer than 10 responses" in response.text
    assert "100.0 %" not in response.text


def test_a_school_with_ten_responses_shows_its_figures(client, coordinator, survey, school, questions):
    make_responses(survey, school, 10, {questions[0]: 5})
    client.force_login(coordinator)
    response = client.get(f"/evaluations/results/{survey.pk}/", {"school": school.pk})
    assert "100.0 %" in response.text


def test_a_suppressed_cell_has_no_percent_no_mean_and_no_count(coordinator, survey, school, questions):
    make_responses(survey, school, 9, {questions[0]: 5})
    results = survey_results(survey=survey, user=coordinator)
    cell = results["question_rows"][0]["cell"]
    assert (cell.percent, cell.mean, cell.shown_n) == (None, None, None)


def test_the_export_keeps_suppressed_groups_suppressed(client, coordinator, survey, school, other_school, questions):
    make_responses(survey, school, 12, {questions[0]: 5})
    make_responses(survey, other_school, 3, {questions[0]: 1})
    client.force_login(coordinator)
    body = b"".join(client.get(f"/evaluations/results/{survey.pk}/export.csv").streaming_content).decode()
    other_rows = [line for line in body.splitlines() if other_school.name in line]
    assert other_rows and all("fewer than 10 responses" in line for line in other_rows)
    assert not any(",3," in line for line in other_rows)


def test_totals_leave_out_suppressed_schools_so_subtraction_reveals_nothing(
        client, evaluator, survey, school, other_school, questions):
    # 12 favourable answers at one school, 3 unfavourable at the other: were the 3 counted in
    # the total (15 responses, 80 %), total minus the school shown would give them back.
    make_responses(survey, school, 12, {questions[0]: 5})
    make_responses(survey, other_school, 3, {questions[0]: 1})
    results = survey_results(survey=survey, user=evaluator)
    assert results["responses"].shown_n == 12
    assert results["question_rows"][0]["cell"].percent == 100.0
    totals = [row for row in results["group_rows"] if row["group"].kind in ("all", "division")]
    assert totals and all(row["responses"].shown_n == 12 for row in totals)
    assert all(cell.percent in (None, 100.0) for row in totals for cell in row["indicators"])
    assert results["schools_left_out"] == 1
    client.force_login(evaluator)
    response = client.get(f"/evaluations/results/{survey.pk}/")
    assert "left out of every total" in response.text
    body = b"".join(client.get(f"/evaluations/results/{survey.pk}/export.csv").streaming_content).decode()
    assert ",15," not in body and "80.0" not in body


def test_a_school_suppressed_for_one_question_only_is_left_out_of_that_questions_total(
        evaluator, survey, school, other_school, questions):
    make_responses(survey, school, 10, {questions[0]: 5, questions[1]: 5})
    make_responses(survey, other_school, 10, {questions[0]: 5})
    make_responses(survey, other_school, 2, {questions[0]: 5, questions[1]: 1})
    results = survey_results(survey=survey, user=evaluator)
    first, second = (row["cell"] for row in results["question_rows"][:2])
    assert first.shown_n == 22  # both schools answered the first question often enough
    # Only 2 answers to the second question at the other school: left out of its total.
    alone = survey_results(survey=survey, user=evaluator, school=school)["question_rows"][1]["cell"]
    assert (second.shown_n, second.percent) == (10, alone.percent)
