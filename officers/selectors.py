"""Reads about officers, scoped to the user. Every list here costs a fixed number of queries."""

import datetime

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone

from common.history import history_entries
from schools.models import School

from .dates import LONG_AGO, add_months
from .filters import OfficerFilter
from .models import MANAGER_ROLES, Assignment, Course, Officer, TermExtension, TrainingRecord
from .training import TrainingState, officer_training_rows


def active_courses() -> list[Course]:
    return list(Course.objects.filter(active=True))


def _current_assignments(user, on: datetime.date) -> Prefetch:
    """Prefetch each officer's current assignments in the user's scope as `current_assignments`."""
    queryset = (
        Assignment.objects.current(on=on).visible_to(user, roles=MANAGER_ROLES)
        .select_related("school__division").order_by("school__name")
    )
    return Prefetch("assignments", queryset=queryset, to_attr="current_assignments")


def officer_list(*, user, filters=None, today: datetime.date | None = None) -> OfficerFilter:
    """The officers the user may manage, filtered. Returns the FilterSet (its `.qs` is the list,
    with user, police service, term end, current assignments and training records loaded)."""
    today = today or timezone.localdate()
    queryset = (
        Officer.objects.visible_to(user).with_term_end()
        .select_related("user", "police_service")
        .prefetch_related(_current_assignments(user, today), "training_records")
    )
    return OfficerFilter(filters, queryset=queryset, user=user, today=today)


def attach_training(officers, courses, *, on: datetime.date):
    """Set `training` (one CourseStatus per course) on each officer. No query."""
    for officer in officers:
        officer.training = officer_training_rows(officer, courses, on=on)
    return officers


def terms_ending(*, user, today: datetime.date | None = None, months: int | None = None) -> list[Officer]:
    """Officers in the user's care (OfficerQuerySet.assignable_by: a current assignment in their
    divisions, or unassigned) whose term ends from today to `months` ahead, soonest first."""
    today = today or timezone.localdate()
    months = settings.SRO_TERM_ENDING_MONTHS if months is None else months
    officers = (
        Officer.objects.assignable_by(user).with_term_end()
        .terms_ending_between(today, add_months(today, months))
        .select_related("user", "police_service")
        .prefetch_related(_current_assignments(user, today))
    )
    return sorted(officers, key=lambda officer: (officer.term_end, officer.name))


def terms_ended_still_assigned(*, user, today: datetime.date | None = None) -> list[Officer]:
    """Officers in scope whose term has ended but who still have a current assignment in scope."""
    today = today or timezone.localdate()
    assigned = (
        Assignment.objects.current(on=today).visible_to(user, roles=MANAGER_ROLES).values("officer_id")
    )
    officers = (
        Officer.objects.manageable_by(user).with_term_end()
        .terms_ending_between(LONG_AGO, today - datetime.timedelta(days=1))
        .filter(pk__in=assigned)
        .select_related("user", "police_service")
        .prefetch_related(_current_assignments(user, today))
    )
    return sorted(officers, key=lambda officer: (officer.term_end, officer.name))


def get_officer_for_user(user, pk) -> Officer:
    """An officer the user may see, or 404; annotated with `may_manage` and `may_assign`
    (OfficerQuerySet.with_access)."""
    return get_object_or_404(
        Officer.objects.visible_to(user).with_term_end().with_access(user).select_related("user", "police_service"),
        pk=pk,
    )


def get_officer_to_manage(user, pk) -> Officer:
    """An officer whose record the user may change (term extensions, training), or 404: one with a
    current assignment in the user's divisions (OfficerQuerySet.manageable_by)."""
    return get_object_or_404(
        Officer.objects.manageable_by(user).with_term_end().select_related("user", "police_service"), pk=pk
    )


def get_officer_to_assign(user, pk) -> Officer:
    """An officer the user may assign to one of their schools, or 404 (OfficerQuerySet.assignable_by)."""
    return get_object_or_404(Officer.objects.assignable_by(user).select_related("user", "police_service"), pk=pk)


def get_assignment_for_user(user, pk) -> Assignment:
    """An assignment the user may end or hand over, or 404: at a school the user manages, of an
    officer they may assign there (a current assignment in their divisions, or none anywhere: the
    first assignment of an unassigned officer can be corrected). Of an officer who moved away, the
    past assignments in the division are history, read-only."""
    return get_object_or_404(
        Assignment.objects.visible_to(user, roles=MANAGER_ROLES)
        .filter(officer__in=Officer.objects.assignable_by(user))
        .select_related("officer__user", "officer__police_service", "school__division"),
        pk=pk,
    )


def officer_profile(*, officer: Officer, user=None, today: datetime.date | None = None) -> dict:
    """Everything the officer page shows. With `user` (a manager; `officer` fetched with
    get_officer_for_user), assignments are limited to the schools in that user's scope, and the term
    extensions are shown only if the user may assign the officer (`may_assign`: in their care or
    unassigned); without, all of it (the officer's own profile)."""
    today = today or timezone.localdate()
    assignments = officer.assignments.select_related("school__division").order_by("-start", "school__name")
    records_shown = user is None or officer.may_assign
    if user is not None:
        assignments = assignments.visible_to(user, roles=MANAGER_ROLES)
    assignments = list(assignments)
    courses = active_courses()
    officer_with_records = Officer.objects.prefetch_related("training_records__course").get(pk=officer.pk)
    extensions = TermExtension.objects.filter(officer=officer).select_related("created_by")
    return {
        "officer": officer,
        "today": today,
        "current_assignments": sorted(
            (a for a in assignments if a.is_current(today)), key=lambda a: a.school.name
        ),
        "assignments": assignments,
        "training": officer_training_rows(officer_with_records, courses, on=today),
        "training_records": list(officer_with_records.training_records.all()),
        "extensions": list(extensions) if records_shown else [],
        "records_withheld": not records_shown,
        "service": officer.service_on(today),
    }


def schools_for_assignment(user):
    """Schools the user may assign officers to."""
    return School.objects.visible_to(user, roles=MANAGER_ROLES).select_related("division")


def training_compliance(*, user, today: datetime.date | None = None) -> list[dict]:
    """For dashboards: per active course, how many officers in scope with a current assignment
    in scope are complete, due, overdue or missing. Three queries, whatever the number of officers.

    Each row: ``{"course": Course, "complete": n, "due": n, "overdue": n, "missing": n}``.
    """
    today = today or timezone.localdate()
    assigned = Assignment.objects.current(on=today).visible_to(user, roles=MANAGER_ROLES).values("officer_id")
    officers = Officer.objects.manageable_by(user).filter(pk__in=assigned).prefetch_related("training_records")
    courses = active_courses()
    rows = {course.pk: {"course": course, **{state.value: 0 for state in TrainingState}} for course in courses}
    for officer in officers:
        for status in officer_training_rows(officer, courses, on=today):
            rows[status.course.pk][status.state.value] += 1
    return list(rows.values())


def officer_history_sources(*, user, officer: Officer) -> list:
    """The historical querysets of the officer's change history for `user` (see officer_history),
    for the page and the streamed export. No query of its own."""
    schools = School.objects.visible_to(user, roles=MANAGER_ROLES).values("pk")
    querysets = [Assignment.history.filter(officer_id=officer.pk, school_id__in=schools)]
    if officer.may_assign:
        querysets.append(TrainingRecord.history.filter(officer_id=officer.pk))
    return querysets


def officer_history(*, user, officer: Officer) -> list:
    """The change history of the officer's assignments at the schools in the user's scope (as on the
    officer's page) and, for an officer the user may assign (`may_assign`: in their care or
    unassigned), of their training records; newest first. Of an officer who moved away, only the
    assignments in the user's divisions. The caller has fetched `officer` with get_officer_for_user."""
    return history_entries(*officer_history_sources(user=user, officer=officer))
