import datetime

import pytest

from dashboards.report import ALL, NOT_SERVED, SERVED, outcome_report, report_schools
from evaluations.models import AttendanceRecord, CallForService, Indicator
from incidents.models import Category, Status
from tests.evaluations.factories import QuestionFactory, SurveyFactory, make_responses
from tests.incidents.factories import IncidentFactory

from .conftest import BASELINE, LAST, YEAR


def report_for(user, division, baseline=BASELINE):
    return outcome_report(user=user, schools=report_schools(user, division), year=YEAR, baseline=baseline,
                          scope_label=division.name, division=division)


def lines(report, slug, label_start="", group=ALL):
    return [line for line in report.section(slug).lines if line.label.startswith(label_start) and line.group == group]


def test_attendance_and_its_difference_of_differences(six_schools, evaluator, division):
    for schools, absent_now in ((six_schools["served"], 50), (six_schools["not_served"], 80)):
        for s in schools:
            AttendanceRecord.objects.create(school=s, month=datetime.date(2023, 10, 1), enrolled_days=1000,
                                            absent_days=100)
            AttendanceRecord.objects.create(school=s, month=datetime.date(2025, 10, 1), enrolled_days=1000,
                                            absent_days=absent_now)
    report = report_for(evaluator, division)
    [everyone] = lines(report, "truancy")
    assert everyone.figure.values == {BASELINE: 90.0, LAST: None, YEAR: 93.5}  # (6000 − 390) / 6000
    assert everyone.figure.cases[YEAR] == 6
    [comparison] = report.section("truancy").comparisons
    # Served 90 → 95 (+5), not served 90 → 92 (+2): the served schools gained 3 points more.
    assert (comparison.served_change, comparison.not_served_change, comparison.difference) == (5.0, 2.0, 3.0)


@pytest.fixture
def safety_question():
    return QuestionFactory(indicator=Indicator.PERCEIVED_SAFETY)


def survey(question, year, schools):
    return SurveyFactory(instrument=question.instrument, school_year=f"{year}–{(year + 1) % 100:02d}", schools=schools)


def answer(the_survey, question, school, favourable, unfavourable):
    make_responses(the_survey, school, favourable, {question: 4.0})
    make_responses(the_survey, school, unfavourable, {question: 2.0})


def test_perceived_safety_by_group_with_its_cases(six_schools, evaluator, division, safety_question):
    everyone = six_schools["served"] + six_schools["not_served"]
    before, now = survey(safety_question, BASELINE, everyone), survey(safety_question, YEAR, everyone)
    for s in everyone:
        answer(before, safety_question, s, 5, 5)
    for s in six_schools["served"]:
        answer(now, safety_question, s, 8, 2)
    for s in six_schools["not_served"]:
        answer(now, safety_question, s, 6, 4)
    report = report_for(evaluator, division)
    [all_line] = lines(report, "safety")
    assert all_line.figure.values == {BASELINE: 50.0, LAST: None, YEAR: 70.0}  # (24 + 18) / 60
    assert all_line.figure.cases == {BASELINE: 60, LAST: 0, YEAR: 60}
    assert lines(report, "safety", group=SERVED)[0].figure.values[YEAR] == 80.0
    [comparison] = report.section("safety").comparisons
    assert (comparison.served_change, comparison.not_served_change, comparison.difference) == (30.0, 10.0, 20.0)


def test_a_school_with_fewer_than_ten_responses_is_left_out(six_schools, evaluator, division, safety_question):
    kelvin, a = six_schools["served"][:2]
    now = survey(safety_question, YEAR, [kelvin, a])
    answer(now, safety_question, kelvin, 6, 4)
    answer(now, safety_question, a, 9, 0)  # 9 responses: suppressed, counted nowhere
    [all_line] = lines(report_for(evaluator, division), "safety")
    assert (all_line.figure.values[YEAR], all_line.figure.cases[YEAR]) == (60.0, 10)


def call(school, minutes, unit, day=datetime.date(2025, 10, 6)):
    received = datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)
    CallForService.objects.create(call_number=f"C{CallForService.objects.count()}", school=school,
                                  received_at=received, on_scene_at=received + datetime.timedelta(minutes=minutes),
                                  priority=3, unit_type=unit)


def test_response_time_median_and_90th_percentile_by_unit(six_schools, evaluator, division):
    kelvin = six_schools["served"][0]
    for minutes in (4, 6, 8, 10, 30):
        call(kelvin, minutes, "sro")
    for minutes in (20, 25, 30, 35):
        call(kelvin, minutes, "patrol")
    report = report_for(evaluator, division)
    [median] = lines(report, "response", "SRO — median")
    [p90] = lines(report, "response", "SRO — 90th")
    # 4, 6, 8, 10, 30: median 8; 90th percentile at position 3.6: 10 + 0.6 × 20 = 22.
    assert (median.figure.values[YEAR], p90.figure.values[YEAR], median.figure.cases[YEAR]) == (8.0, 22.0, 5)
    [patrol] = lines(report, "response", "Patrol — median")
    assert (patrol.figure.values[YEAR], patrol.figure.cases[YEAR]) == (None, None)  # 4 calls: too few


def incidents(school, category, count, year):
    for _ in range(count):
        IncidentFactory(school=school, category=category, status=Status.SUBMITTED,
                        occurred_at=datetime.datetime(year, 11, 3, 10, tzinfo=datetime.UTC))


def test_incidents_per_1000_students_of_the_schools_served(six_schools, evaluator, division):
    kelvin = six_schools["served"][0]
    incidents(kelvin, Category.ASSAULT, 4, YEAR)
    incidents(kelvin, Category.WEAPON, 2, YEAR)
    incidents(kelvin, Category.THREAT, 2, BASELINE)  # 2: suppressed
    incidents(kelvin, Category.VANDALISM, 5, YEAR)
    IncidentFactory(school=kelvin, category=Category.ASSAULT)  # a draft: not counted
    report = report_for(evaluator, division)
    [violence] = lines(report, "incidents", "Violence")
    assert violence.figure.values == {BASELINE: None, LAST: 0.0, YEAR: 2.0}  # 6 per 3,000 students
    assert violence.figure.cases == {BASELINE: None, LAST: 0, YEAR: 6}
    [vandalism] = lines(report, "graffiti", "Vandalism")
    assert vandalism.figure.values[YEAR] == 1.7  # 5 per 3,000


def test_cost_and_cost_per_student(six_schools, evaluator, division):
    report = report_for(evaluator, division)
    [total] = lines(report, "costs", "Cost of the program")
    [per_student] = lines(report, "costs", "Cost per enrolled")
    # 90,000 for 2025–26 over the three schools served (from 1 April 2025), 3,000 students.
    assert (total.figure.values[YEAR], total.figure.cases[YEAR]) == (90000.0, 3)
    assert per_student.figure.values[YEAR] == 30.0
    assert total.figure.values[BASELINE] == 0.0


def test_too_few_schools_are_not_compared_and_the_report_says_so(evaluator, division, school, other_school):
    report = report_for(evaluator, division)
    assert not report.comparable
    [comparison] = report.section("truancy").comparisons
    assert comparison.difference is None and "Too few schools to compare" in comparison.reason
    assert all(line.group == ALL for section in report.sections for line in section.lines)


def test_the_groups_follow_the_report_year_s_assignments(six_schools, evaluator, division):
    report = report_for(evaluator, division)
    assert (report.school_count, report.served_count, report.not_served_count) == (6, 3, 3)
    assert report.comparable and NOT_SERVED in {line.group for line in report.section("truancy").lines}
