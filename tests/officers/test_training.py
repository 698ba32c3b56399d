"""Training states (complete, due, overdue, missing) and the database filter that matches them."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from officers.models import Course, Officer
from officers.services import training_record_create
from officers.training import TrainingState, course_state, officer_training_rows, training_state_q

from .factories import TrainingRecordFactory, course, officer_for

D = datetime.date
BECAME = D(2024, 9, 1)


def test_the_catalogue_has_the_four_required_courses(db):
    assert list(Course.objects.values_list("code", "due_days")) == [
        ("effective-presentation", 180), ("cross-cultural-communication", 365),
        ("nasro-basic", None), ("vtra-level-1", None),
    ]


@pytest.mark.parametrize(("on", "state"), [
    (D(2025, 2, 27), TrainingState.DUE),      # due date is 2025-02-28 (180 days)
    (D(2025, 2, 28), TrainingState.DUE),      # on the due date: still due
    (D(2025, 3, 1), TrainingState.OVERDUE),   # the day after
])
def test_a_course_with_a_deadline_is_due_until_the_due_date_then_overdue(db, on, state):
    presentation = Course(code="x", name="x", due_days=180)
    assert course_state(course=presentation, became_sro_on=BECAME, completed_on=None, on=on) == state


def test_a_completed_course_is_complete_even_after_the_due_date(db):
    presentation = Course(code="x", name="x", due_days=180)
    assert course_state(course=presentation, became_sro_on=BECAME, completed_on=D(2025, 6, 1),
                        on=D(2025, 7, 1)) == TrainingState.COMPLETE


def test_a_completion_after_the_day_asked_about_does_not_count(db):
    presentation = Course(code="x", name="x", due_days=180)
    assert course_state(course=presentation, became_sro_on=BECAME, completed_on=D(2025, 6, 1),
                        on=D(2025, 5, 31)) == TrainingState.OVERDUE


def test_a_course_without_deadline_not_done_is_missing(db):
    nasro = Course(code="x", name="x", due_days=None)
    assert course_state(course=nasro, became_sro_on=BECAME, completed_on=None, on=D(2024, 9, 2)) == TrainingState.MISSING


def test_a_course_with_deadline_for_an_officer_not_yet_sro_is_missing(db):
    presentation = Course(code="x", name="x", due_days=180)
    assert course_state(course=presentation, became_sro_on=None, completed_on=None, on=D(2025, 1, 1)) == TrainingState.MISSING


def test_the_deadline_is_configurable_per_course(division):
    presentation = course("effective-presentation")
    presentation.due_days = 30
    presentation.save()
    officer = officer_for(division, became_sro_on=BECAME)
    rows = officer_training_rows(officer, [presentation], on=D(2024, 10, 2))
    assert (rows[0].state, rows[0].due_on) == (TrainingState.OVERDUE, D(2024, 10, 1))


def test_officer_training_rows_give_one_state_per_course(division):
    officer = officer_for(division, became_sro_on=BECAME)
    TrainingRecordFactory(officer=officer, course=course("nasro-basic"), completed_on=D(2024, 10, 1))
    courses = list(Course.objects.all())
    states = [row.state for row in officer_training_rows(officer, courses, on=D(2025, 3, 1))]
    assert states == [TrainingState.OVERDUE, TrainingState.DUE, TrainingState.COMPLETE, TrainingState.MISSING]


def test_the_latest_completion_is_shown(division):
    officer = officer_for(division, became_sro_on=BECAME)
    nasro = course("nasro-basic")
    TrainingRecordFactory(officer=officer, course=nasro, completed_on=D(2019, 5, 1))
    TrainingRecordFactory(officer=officer, course=nasro, completed_on=D(2024, 5, 1))
    assert officer_training_rows(officer, [nasro], on=D(2025, 1, 1))[0].completed_on == D(2024, 5, 1)


# The database filter says the same as the Python states ------------------------------------

@pytest.mark.parametrize("on", [D(2025, 2, 28), D(2025, 3, 1), D(2025, 8, 31), D(2025, 9, 1)])
def test_the_database_filter_agrees_with_the_computed_states(division, on):
    officers = [
        officer_for(division, became_sro_on=BECAME),
        officer_for(division, became_sro_on=D(2024, 3, 1)),
        officer_for(division, became_sro_on=None),
    ]
    for code in ("effective-presentation", "nasro-basic"):
        TrainingRecordFactory(officer=officers[1], course=course(code), completed_on=D(2024, 6, 1))
    courses = list(Course.objects.all())
    for state in TrainingState:
        found = set(Officer.objects.filter(training_state_q(state, courses, on=on)))
        expected = set()
        for officer in Officer.objects.prefetch_related("training_records"):
            states = {row.state for row in officer_training_rows(officer, courses, on=on)}
            if (state == TrainingState.COMPLETE and states == {state}) or (
                state != TrainingState.COMPLETE and state in states
            ):
                expected.add(officer)
        assert found == expected, state


def test_an_officer_who_completed_everything_matches_complete(division):
    officer = officer_for(division, became_sro_on=BECAME)
    for item in Course.objects.all():
        TrainingRecordFactory(officer=officer, course=item, completed_on=D(2024, 10, 1))
    courses = list(Course.objects.all())
    assert list(Officer.objects.filter(training_state_q(TrainingState.COMPLETE, courses, on=D(2025, 1, 1)))) == [officer]


# Recording a completion ---------------------------------------------------------------------

def test_a_completion_is_recorded_with_who_recorded_it(division, coordinator):
    officer = officer_for(division)
    record = training_record_create(officer=officer, course=course("vtra-level-1"), completed_on=D(2024, 4, 2),
                                    by=coordinator)
    assert (record.recorded_by, record.completed_on) == (coordinator, D(2024, 4, 2))


def test_a_completion_today_is_accepted(division):
    from django.utils import timezone

    officer = officer_for(division)
    assert training_record_create(officer=officer, course=course("vtra-level-1"),
                                  completed_on=timezone.localdate()).pk


def test_a_completion_in_the_future_is_refused(division):
    from django.utils import timezone

    officer = officer_for(division)
    with pytest.raises(ValidationError) as exc:
        training_record_create(officer=officer, course=course("vtra-level-1"),
                               completed_on=timezone.localdate() + datetime.timedelta(days=1))
    assert "future" in " ".join(exc.value.message_dict["completed_on"])


def test_the_same_completion_cannot_be_recorded_twice(division):
    officer = officer_for(division)
    training_record_create(officer=officer, course=course("vtra-level-1"), completed_on=D(2024, 4, 2))
    with pytest.raises(ValidationError) as exc:
        training_record_create(officer=officer, course=course("vtra-level-1"), completed_on=D(2024, 4, 2))
    assert "already recorded" in " ".join(exc.value.message_dict["completed_on"])
