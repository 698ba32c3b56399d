"""Survey tallies (PostgreSQL): the triggers keep each school's figures equal to its answers added up."""

import pytest
from django.db import connection

from evaluations.models import SurveyResponse, SurveyTally
from evaluations.selectors import _SurveyFigures
from evaluations.tallies import rebuild_tallies

from .factories import make_responses

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the tallies' triggers are PostgreSQL's")


@pytest.fixture
def known(survey, school, other_school, questions):
    agree, bullying = questions[0], questions[1]
    make_responses(survey, school, 9, {agree: 5, bullying: 1})
    make_responses(survey, school, 3, {agree: 2, bullying: 2})
    make_responses(survey, other_school, 10, {agree: 3})
    return survey


def figures(survey, schools, source):
    figures = object.__new__(_SurveyFigures)
    getattr(figures, source)(survey, [s.pk for s in schools])
    fields = ("n", "n_favourable", "scored", "total", "valued")

    def cells(rows):
        return {key: tuple(row[name] for name in fields) for key, row in rows.items()}

    return figures.responses, cells(figures.by_question), cells(figures.by_indicator)


def test_the_tallies_equal_the_answers_added_up(known, school, other_school):
    assert figures(known, [school, other_school], "_from_tallies") == figures(
        known, [school, other_school], "_from_answers")


def test_a_response_added_or_removed_changes_its_schools_figures(known, school, questions):
    make_responses(known, school, 2, {questions[0]: 5})
    assert SurveyTally.objects.get(survey=known, school=school, key="r").n == 14
    assert SurveyTally.objects.get(survey=known, school=school, key=f"q:{questions[0].pk}").n == 14
    SurveyResponse.objects.filter(survey=known, school=school).first().delete()
    assert SurveyTally.objects.get(survey=known, school=school, key="r").n == 13


def test_a_rebuild_gives_the_rows_the_triggers_kept(known):
    kept = set(SurveyTally.objects.values_list("survey", "school", "key", "n", "favourable", "scored", "valued"))
    rebuild_tallies()
    assert set(SurveyTally.objects.values_list("survey", "school", "key", "n", "favourable", "scored",
                                               "valued")) == kept


def test_a_scope_of_many_schools_lists_its_divisions_only_until_one_is_chosen(known, coordinator, division):
    from evaluations.selectors import survey_results

    results = survey_results(survey=known, user=coordinator, max_school_rows=1)
    assert [row["group"].kind for row in results["group_rows"]] == ["all", "division"]
    assert results["schools_hidden"] == 2
    chosen = survey_results(survey=known, user=coordinator, division=division, max_school_rows=1)
    assert [row["group"].kind for row in chosen["group_rows"]] == ["all", "division", "school", "school"]


def test_figures_added_up_by_division_equal_those_added_up_by_school(known, coordinator):
    from evaluations.selectors import survey_results

    def figures_of(results):
        cells = [row["cell"] for row in results["indicator_rows"] + results["question_rows"]]
        groups = [(row["responses"], *row["indicators"]) for row in results["group_rows"] if row["group"].kind != "school"]
        return [(c.n, c.favourable, c.scored, c.valued, round(c.total, 6)) for c in cells + [g for gs in groups for g in gs]]

    by_school = survey_results(survey=known, user=coordinator)
    by_division = survey_results(survey=known, user=coordinator, max_school_rows=1)
    assert figures_of(by_division) == figures_of(by_school)
    assert by_division["schools_left_out"] == by_school["schools_left_out"]
