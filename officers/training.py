"""Training compliance: the state of each officer for each required course.

The states, for an officer, a course and a day:

- **complete**: the officer has a completion record for the course dated on or before that day;
- otherwise, for a course with a deadline (``Course.due_days``) and an officer with a date
  became an SRO, the due date is that date plus ``due_days``:
  **due** up to and including the due date, **overdue** from the day after;
- otherwise (a course without a deadline, or an officer who is not yet an SRO): **missing**.

`course_state` is pure Python. `officer_training_rows` works on officers whose
``training_records`` are prefetched (see `officers.selectors`), so a whole list costs no
query per officer. `training_state_q` says the same thing as a database filter.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from .models import Course, TrainingRecord


class TrainingState(models.TextChoices):
    COMPLETE = "complete", _("Complete")
    DUE = "due", _("Due")
    OVERDUE = "overdue", _("Overdue")
    MISSING = "missing", _("Missing")


STATE_BADGES = {
    TrainingState.COMPLETE: "success",
    TrainingState.DUE: "info",
    TrainingState.OVERDUE: "danger",
    TrainingState.MISSING: "warning",
}


@dataclass(frozen=True)
class CourseStatus:
    course: Course
    state: TrainingState
    completed_on: datetime.date | None
    due_on: datetime.date | None

    @property
    def badge(self) -> str:
        return STATE_BADGES[self.state]


def course_state(
    *, course: Course, became_sro_on: datetime.date | None, completed_on: datetime.date | None,
    on: datetime.date,
) -> TrainingState:
    if completed_on is not None and completed_on <= on:
        return TrainingState.COMPLETE
    due_on = course.due_date_for(became_sro_on)
    if due_on is None:
        return TrainingState.MISSING
    return TrainingState.DUE if on <= due_on else TrainingState.OVERDUE


def officer_training_rows(officer, courses, *, on: datetime.date) -> list[CourseStatus]:
    """One status per course. Reads `officer.training_records.all()` (prefetch it)."""
    latest = {}
    for record in officer.training_records.all():
        if record.completed_on <= on and (
            record.course_id not in latest or record.completed_on > latest[record.course_id]
        ):
            latest[record.course_id] = record.completed_on
    rows = []
    for course in courses:
        completed_on = latest.get(course.pk)
        rows.append(CourseStatus(
            course=course,
            state=course_state(course=course, became_sro_on=officer.became_sro_on,
                               completed_on=completed_on, on=on),
            completed_on=completed_on,
            due_on=course.due_date_for(officer.became_sro_on),
        ))
    return rows


def training_state_q(state: str, courses, *, on: datetime.date) -> Q:
    """A filter on Officer: officers with at least one course in `state`, or for
    ``complete``, officers who completed every course."""

    def done(course):
        return Exists(TrainingRecord.objects.filter(
            officer=OuterRef("pk"), course=course, completed_on__lte=on
        ))

    if state == TrainingState.COMPLETE:
        query = Q()
        for course in courses:
            query &= Q(done(course))
        return query
    query = Q(pk__in=[])
    for course in courses:
        if state == TrainingState.MISSING:
            if course.due_days is None:
                query |= ~Q(done(course))
            else:
                query |= Q(~Q(done(course)), became_sro_on__isnull=True)
        elif course.due_days is not None:
            # due_on = became + due_days; due while on <= due_on, i.e. became >= on - due_days.
            cutoff = on - datetime.timedelta(days=course.due_days)
            dates = {"became_sro_on__gte": cutoff} if state == TrainingState.DUE else {"became_sro_on__lt": cutoff}
            query |= Q(~Q(done(course)), **dates)
    return query
