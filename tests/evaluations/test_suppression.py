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
