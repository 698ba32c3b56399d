"""Writes about officers: assignments, reassignment, term extensions, training records.

Each function validates with ``full_clean()`` before saving and raises ValidationError, keyed
to its own argument names, when a rule refuses the change.
"""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from schools.models import School

from .models import Assignment, Course, Officer, TermExtension, TrainingRecord


def _renamed(exc: ValidationError, names: dict[str, str]) -> ValidationError:
    """The same errors, keyed to the caller's argument names."""
    if not hasattr(exc, "error_dict"):
        return exc
    return ValidationError({names.get(key, key): value for key, value in exc.error_dict.items()})


@transaction.atomic
def assignment_create(
    *, officer: Officer, school: School, start: datetime.date, end: datetime.date | None = None
) -> Assignment:
    assignment = Assignment(officer=officer, school=school, start=start, end=end)
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def assignment_end(*, assignment: Assignment, end: datetime.date) -> Assignment:
    """Set (or move) the last day of an assignment. History is kept: nothing is deleted."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    assignment.end = end
    assignment.full_clean()
    assignment.save(update_fields=["end"])
    return assignment


@transaction.atomic
def assignment_reassign(
    *, school: School, to_officer: Officer, on_date: datetime.date
) -> tuple[list[Assignment], Assignment]:
    """Hand `school` over to `to_officer` from `on_date`: the assignments current at the school
    that day end the day before, and the new one starts on `on_date` (no gap, no overlap).
    All or nothing: when the new assignment is refused, the old ones are left as they were.

    Returns (the ended assignments, the new assignment). Errors are keyed `on_date`,
    `to_officer` or NON_FIELD_ERRORS.
    """
    names = {"start": "on_date", "end": "on_date", "school": NON_FIELD_ERRORS, "officer": "to_officer"}
    current = list(
        Assignment.objects.select_for_update().current(on=on_date).filter(school=school).order_by("pk")
    )
    if any(old.officer_id == to_officer.pk for old in current):
        raise ValidationError({"to_officer": _("This officer is already assigned to this school on that day.")})
    ended = []
    day_before = on_date - datetime.timedelta(days=1)
    for old in current:
        if old.start > day_before:
            raise ValidationError({"on_date": _(
                "The current assignment of %(officer)s starts on %(start)s: hand the school over "
                "after that day, or end that assignment instead."
            ) % {"officer": old.officer.name, "start": formats.date_format(old.start)}})
        old.end = day_before
        try:
            old.full_clean()
        except ValidationError as exc:
            raise _renamed(exc, names) from exc
        old.save(update_fields=["end"])
        ended.append(old)
    new = Assignment(officer=to_officer, school=school, start=on_date)
    try:
        new.full_clean()
    except ValidationError as exc:
        raise _renamed(exc, names) from exc
    new.save()
    return ended, new


@transaction.atomic
def term_extension_create(*, officer: Officer, new_end: datetime.date, reason: str, by=None) -> TermExtension:
    extension = TermExtension(officer=officer, new_end=new_end, reason=reason, created_by=by)
    extension.full_clean()
    extension.save()
    return extension


@transaction.atomic
def training_record_create(
    *, officer: Officer, course: Course, completed_on: datetime.date, by=None
) -> TrainingRecord:
    record = TrainingRecord(officer=officer, course=course, completed_on=completed_on, recorded_by=by)
    record.full_clean()
    if by is not None:
        record._history_user = by
    record.save()
    return record
