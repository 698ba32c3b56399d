"""The survey results page, uncluttered (issue 16, defect 6): the small-group rule is said once per
table, cells carry a short mark; a user with one school is offered no scope to choose."""

from django.urls import reverse

from tests.factories import SchoolFactory

from .factories import make_responses

PHRASE = "fewer than 10 responses"


def test_the_small_group_rule_is_said_once_per_table_not_per_cell(client, coordinator, survey, school,
                                                                  division, questions):
    for _ in range(6):
        extra = SchoolFactory(division=division)
        survey.schools.add(extra)
        make_responses(survey, extra, 3, {questions[0]: 4})
    make_responses(survey, school, 3, {questions[0]: 4})
    client.force_login(coordinator)
    response = client.get(reverse("evaluations:survey_results", args=[survey.pk]))
    text = response.text
    marks = text.count('class="suppressed-mark"')
    assert marks >= 7 * 3  # every school's row: responses and its indicators
    # The phrase: the total responses line and one legend per table, each of the three tables.
    assert text.count(PHRASE) - text.count(f'title="{PHRASE}"') == 4


def test_a_principal_with_one_school_is_offered_no_scope_to_choose(client, principal, survey):
    client.force_login(principal)
    text = client.get(reverse("evaluations:survey_results", args=[survey.pk])).text
    assert 'name="school"' not in text and 'name="division"' not in text
    assert reverse("evaluations:survey_results_export", args=[survey.pk]) in text


def test_a_coordinator_of_one_division_chooses_among_schools_only(client, coordinator, survey):
    client.force_login(coordinator)
    text = client.get(reverse("evaluations:survey_results", args=[survey.pk])).text
    assert 'name="school"' in text and 'name="division"' not in text
