"""Journeys of the evaluation: a student answers a survey with a code, in French, without an
account; the evaluator reads the results, where a school with too few answers shows no figure."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.models import Indicator, QuestionKind, SurveyResponse
from incidents.models import Status
from tests.evaluations.factories import (
    InstrumentFactory,
    QuestionFactory,
    SurveyFactory,
    make_codes,
    make_responses,
)
from tests.incidents.factories import IncidentFactory


@pytest.fixture
def survey(coordinator, school, other_school):
    instrument = InstrumentFactory(owner=coordinator, name="Safety survey")
    QuestionFactory(instrument=instrument, position=1, text="I feel safe at this school.", required=True,
                    kind=QuestionKind.AGREEMENT, indicator=Indicator.PERCEIVED_SAFETY)
    QuestionFactory(instrument=instrument, position=2, text="How often have you seen bullying?",
                    kind=QuestionKind.FREQUENCY, indicator=Indicator.BULLYING_SEEN, reverse_scored=True)
    QuestionFactory(instrument=instrument, position=3, text="Anything else?", kind=QuestionKind.TEXT,
                    indicator=Indicator.OTHER)
    return SurveyFactory(instrument=instrument, title="Student safety 2025", schools=[school, other_school])


def test_a_student_answers_a_survey_with_a_code_in_french(make_actor, survey, school):
    code = make_codes(survey, school)[0]
    student = make_actor(locale="fr-CA", name="student")  # a browser set to French, no account
    page = student.page
    student.goto("/evaluations/s/", step="code")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "Répondre à un sondage"
    student.fill(page.locator("input[name=code]"), code.code)
    student.tap(page.locator("main form button[type=submit]"), step="questions")
    first, second = survey.instrument.questions.order_by("position")[:2]
    student.choose(page.locator(f'input[name="q{first.pk}"][value="5"]'))
    student.choose(page.locator(f'input[name="q{second.pk}"][value="1"]'))
    student.tap(page.locator("main form button[type=submit]"), step="thanks")
    assert page.get_by_role("heading", level=1).inner_text() == "Merci!"
    response = SurveyResponse.objects.get()
    assert (response.school, response.answers.count()) == (school, 2)
    code.refresh_from_db()
    assert code.used_on is not None


def test_the_evaluator_reads_results_where_a_small_school_is_suppressed(
        make_actor, evaluator, survey, school, other_school):
    first, second, _text = survey.instrument.questions.order_by("position")
    make_responses(survey, school, 12, {first: 5, second: 1})  # 12: shown, all favourable
    make_responses(survey, other_school, 3, {first: 1, second: 5})  # 3: fewer than 10, suppressed
    reader = make_actor(evaluator)
    page = reader.page
    reader.open_menu("Evaluation", "Results")
    reader.tap(page.get_by_role("link", name="Student safety 2025"), step="survey results")
    main = page.locator("main")
    assert "fewer than 10 responses" in main.inner_text()
    other_row = main.locator("tr", has_text=other_school.name).first
    # The cell carries a mark (read out as "suppressed"); the legend above the table says why, once.
    assert "suppressed" in other_row.inner_text() and "%" not in other_row.inner_text()
    assert "100.0 %" in main.locator("tr", has_text=school.name).first.inner_text()
    reader.open_menu("Evaluation", "Outcome data")
    assert page.get_by_role("region", name="Attendance and calls for service by school").is_visible()


def test_the_evaluators_division_dashboard_hides_small_counts_without_widening_the_page(
        make_actor, evaluator, school):
    """Three incidents this month: suppressed in the incidents by category and month table, whose
    hidden totals sit at its far right. The harness checks the page does not scroll sideways (the
    screen-reader text of a hidden cell once escaped the table's scrolling region on a phone)."""
    now = timezone.now()
    for _ in range(3):
        IncidentFactory(school=school, status=Status.SUBMITTED, occurred_at=now - datetime.timedelta(hours=2))
    reader = make_actor(evaluator)
    reader.goto(reverse("dashboards:division", args=[school.division_id]), step="division dashboard")
    region = reader.page.get_by_role("region", name="Incidents by category and month", exact=False).first
    assert "3" not in region.inner_text().split()  # no cell or total gives the small count

