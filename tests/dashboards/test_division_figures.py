"""Each figure of the division dashboard against a small data set computed by hand.

The cast's division has Kelvin (`school`) and Sisler (`other_school`), 300 students each: 600.
The day is 15 March 2026: the school year 2025–26, compared with 2024–25.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from activities.models import Category as ActivityCategory
from activities.models import Topic
from evaluations.models import AttendanceRecord
from incidents.models import Category, Disposition, RespondingUnit, Status
from tests.activities.factories import ActivityFactory
from tests.incidents.factories import AssessmentFactory, IncidentFactory

from .conftest import at
from .helpers import shown_panels

SUBMITTED = Status.SUBMITTED


def panels_of(client, user, division, **params):
    client.force_login(user)
    response = client.get(reverse("dashboards:division", args=[division.pk]), params)
    assert response.status_code == 200
    return shown_panels(response)


def row(panel, label):
    [found] = [r for r in panel.rows if r.label == label]
    return found


def values(row_):
    return [cell.value for cell in row_.cells]


def incident(school, when, **kwargs):
    return IncidentFactory(school=school, status=SUBMITTED, occurred_at=when, **kwargs)


@pytest.fixture
def incidents(school, other_school, outside_school):
    for day in (1, 2, 3):
        incident(school, at(2025, 10, day), category=Category.BULLYING)
    incident(other_school, at(2026, 1, 12), category=Category.THEFT)
    for day in (7, 8):
        incident(school, at(2024, 10, day), category=Category.BULLYING)
    # Not counted: a draft, another division, the year before last.
    IncidentFactory(school=school, status=Status.DRAFT, occurred_at=at(2025, 10, 4))
    incident(outside_school, at(2025, 10, 5))
    incident(school, at(2023, 10, 5))


def test_incidents_by_category_count_rate_and_change(client, coordinator, division, incidents):
    panel = panels_of(client, coordinator, division)["incidents-by-category"]
    # 3 this year, 3 × 1,000 / 600 = 5.0; 2 last year = 3.3; (3 − 2) / 2 = +50 %.
    assert values(row(panel, "Bullying")) == [3, Decimal("5.0"), 2, Decimal("3.3"), Decimal("50.0")]
    assert values(row(panel, "Theft")) == [1, Decimal("1.7"), 0, Decimal("0.0"), None]
    # 4 this year: 6.7 per 1,000; 2 last year; +100 %.
    assert values(panel.total) == [4, Decimal("6.7"), 2, Decimal("3.3"), Decimal("100.0")]


def test_incidents_by_month_compare_the_same_month_a_year_before(client, coordinator, division, incidents):
    panel = panels_of(client, coordinator, division)["incidents-by-month"]
    assert [r.label for r in panel.rows][:4] == ["July 2025", "August 2025", "September 2025", "October 2025"]
    assert values(row(panel, "October 2025"))[0::2] == [3, 2, Decimal("50.0")]
    assert values(row(panel, "January 2026"))[0] == 1


def test_a_school_filter_narrows_every_figure_and_the_rate(client, coordinator, division, school, incidents):
    panel = panels_of(client, coordinator, division, school=school.pk)["incidents-by-category"]
    # Kelvin alone: 3 bullying for 300 students = 10.0 per 1,000; no theft there.
    assert values(row(panel, "Bullying"))[:2] == [3, Decimal("10.0")]
    assert "Theft" not in [r.label for r in panel.rows]


def test_a_level_filter_keeps_the_schools_of_that_level(client, coordinator, division, school, other_school, incidents):
    # Kelvin is a high school, Sisler an elementary one (the factory's default).
    panel = panels_of(client, coordinator, division, level="elementary")["incidents-by-category"]
    assert [r.label for r in panel.rows] == ["Theft"]


def test_the_previous_school_year_can_be_chosen(client, coordinator, division, incidents):
    panel = panels_of(client, coordinator, division, year="2024-25")["incidents-by-category"]
    # 2024–25 against 2023–24: 2 bullying against 1 (the "other" incident of 2023 is bullying too).
    assert values(row(panel, "Bullying"))[0::2] == [2, 1, Decimal("100.0")]


def test_dispositions_count_the_unrecorded_too(client, coordinator, division, school):
    incident(school, at(2025, 11, 3), disposition=Disposition.POLICE_CAUTION)
    incident(school, at(2025, 11, 4))
    panel = panels_of(client, coordinator, division)["dispositions"]
    assert values(row(panel, "Police caution"))[0] == 1
    assert values(row(panel, "Not recorded yet"))[0] == 1


def timed(school, minutes, unit=RespondingUnit.SRO, when=None):
    called = when or at(2025, 11, 3, 9)
    return incident(school, called, called_at=called, on_scene_at=called + datetime.timedelta(minutes=minutes),
                    responding_unit=unit)


def test_response_time_median_and_90th_percentile(client, coordinator, division, school):
    for minutes in (5, 10, 20, 60):
        timed(school, minutes)
    timed(school, 30, unit=RespondingUnit.PATROL)
    panel = panels_of(client, coordinator, division)["response-times"]
    # Sorted 5, 10, 20, 60: the median is halfway between 10 and 20 = 15; the 90th percentile sits
    # at 0.9 × 3 = 2.7, from 20 seven tenths of the way to 60 = 48.
    assert values(row(panel, "Incidents: SRO"))[:3] == [4, 15.0, 48.0]
    assert values(row(panel, "Incidents: patrol"))[:3] == [1, 30.0, 30.0]


def test_contact_hours_leave_administration_out(client, coordinator, division, school):
    ActivityFactory(school=school, date=datetime.date(2025, 10, 6), minutes=90)
    ActivityFactory(school=school, date=datetime.date(2025, 10, 7), minutes=30)
    ActivityFactory(school=school, date=datetime.date(2024, 10, 7), minutes=60)
    ActivityFactory(school=school, date=datetime.date(2025, 10, 7), minutes=120,
                    category=ActivityCategory.ADMINISTRATION)
    panel = panels_of(client, coordinator, division)["contact-hours"]
    # 120 minutes = 2.0 hours in 2 entries; 1.0 hour last year: +100 %.
    assert values(row(panel, "Informal contact and relationship building")) == [
        Decimal("2.0"), 2, Decimal("1.0"), Decimal("100.0")]
    assert "Administration and training" not in [r.label for r in panel.rows]


def test_presentations_and_students_reached_by_topic(client, coordinator, division, school):
    for students in (25, 30):
        ActivityFactory(school=school, date=datetime.date(2025, 11, 6), category=ActivityCategory.PRESENTATION,
                        topic=Topic.CYBERBULLYING, students=students)
    panel = panels_of(client, coordinator, division)["presentations"]
    assert values(row(panel, "Cyberbullying")) == [2, 55, 0, 0]


def test_attendance_against_the_baseline(client, coordinator, division, school):
    for month, enrolled, absent in ((datetime.date(2023, 10, 1), 1000, 100), (datetime.date(2024, 10, 1), 1000, 90),
                                    (datetime.date(2025, 10, 1), 600, 30), (datetime.date(2025, 11, 1), 400, 50)):
        AttendanceRecord.objects.create(school=school, month=month, enrolled_days=enrolled, absent_days=absent)
    panel = panels_of(client, coordinator, division)["attendance"]
    # Baseline 2023–24: 10 % absent. 2025–26: 80 of 1,000 = 8 %: 2 points less.
    assert [r.label for r in panel.rows] == ["2023–24 (baseline)", "2024–25", "2025–26"]
    assert values(panel.rows[2]) == [2, Decimal("92.00"), Decimal("8.00"), Decimal("-2.00")]


def test_reviews_open_with_the_age_of_the_oldest(client, coordinator, division, school):
    IncidentFactory(school=school, status=SUBMITTED, occurred_at=at(2026, 3, 1), reported_at=at(2026, 3, 5))
    IncidentFactory(school=school, status=SUBMITTED, occurred_at=at(2026, 3, 12), reported_at=at(2026, 3, 13))
    panel = panels_of(client, coordinator, division)["reviews-open"]
    # Submitted on 5 March (10 days before the 15th, late after 5 days) and on 13 March.
    assert values(row(panel, "Submitted")) == [2, 10, 1]


def test_follow_ups_overdue_per_school(client, coordinator, division, school):
    AssessmentFactory(incident=incident(school, at(2026, 1, 5)), follow_up_on=datetime.date(2026, 3, 1))
    AssessmentFactory(incident=incident(school, at(2026, 1, 6)), follow_up_on=datetime.date(2026, 3, 20))
    panel = panels_of(client, coordinator, division)["follow-ups-overdue"]
    assert values(row(panel, school.name)) == [1, 14]


def test_a_year_under_way_is_compared_with_last_year_to_the_same_day(client, coordinator, division, school):
    incident(school, at(2025, 10, 1), category=Category.THEFT)
    incident(school, at(2024, 10, 1), category=Category.THEFT)
    incident(school, at(2025, 4, 10), category=Category.THEFT)  # after 15 March 2025: not yet comparable
    panel = panels_of(client, coordinator, division)["incidents-by-category"]
    assert values(row(panel, "Theft"))[0::2] == [1, 1, Decimal("0.0")]
    whole_year = panels_of(client, coordinator, division, year="2024–25")["incidents-by-category"]
    assert values(row(whole_year, "Theft"))[0] == 2


def test_months_to_come_show_no_count(client, coordinator, division, school):
    incident(school, at(2025, 4, 10))
    panel = panels_of(client, coordinator, division)["incidents-by-month"]
    april = row(panel, "April 2026")
    assert [cell.value for cell in april.cells] == [None] * 5
