"""Writes to activities. Each checks who may do it, validates fully, then saves."""

import datetime
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from officers.models import Officer
from schools.models import School

from .models import Activity
from .selectors import get_logged_entry

# What an SRO may change on their own entry.
EDITABLE_FIELDS = frozenset(
    {"school", "date", "minutes", "category", "topic", "students", "staff", "parents", "community", "note"}
)


class ActivityLocked(ValidationError):
    """The entry's edit window has passed; a coordinator may unlock it."""

    def __init__(self):
        super().__init__(
            _("This entry is locked: it can no longer be changed. Ask your coordinator to unlock it."),
            code="locked",
        )


def _check_can_change(activity: Activity, user: User) -> None:
    if activity.officer.user_id != user.pk:
        raise PermissionDenied
    if activity.is_locked():
        raise ActivityLocked


@transaction.atomic
def activity_create(
    *,
    officer: Officer,
    school: School,
    date: datetime.date,
    minutes: int,
    category: str,
    topic: str = "",
    students: int = 0,
    staff: int = 0,
    parents: int = 0,
    community: int = 0,
    note: str = "",
    client_id: uuid.UUID | None = None,
) -> Activity:
    """Log one activity of `officer`. Raises ValidationError for a future date, a school the
    officer was not assigned to on `date`, a topic on a non-presentation, bad numbers, and a
    `client_id` the officer has already used (see activity_log_once)."""
    activity = Activity(
        officer=officer, school=school, date=date, minutes=minutes, category=category, topic=topic,
        students=students, staff=staff, parents=parents, community=community, note=note,
        client_id=client_id,
    )
    activity.full_clean()
    activity.save()
    return activity


def activity_log_once(*, officer: Officer, client_id: uuid.UUID | None, **data) -> tuple[Activity, bool]:
    """Log an entry the phone named `client_id`, once: when the officer already has an entry
    with that id (a retry after a lost answer, a queue sent twice), return it unchanged and
    False; otherwise create it (as activity_create, which validates) and return it and True.
    Without a `client_id` (a page without the script) every call creates an entry."""
    if client_id is None:
        return activity_create(officer=officer, **data), True
    existing = get_logged_entry(officer, client_id)
    if existing is not None:
        return existing, False
    try:
        return activity_create(officer=officer, client_id=client_id, **data), True
    except (IntegrityError, ValidationError):
        # The same entry sent twice at once: the other request saved it first (its row fails
        # our unique check or, past the check, the database's constraint).
        existing = get_logged_entry(officer, client_id)
        if existing is None:
            raise
        return existing, False


@transaction.atomic
def activity_update(*, activity: Activity, by: User, **changes) -> Activity:
    """Change the SRO's own entry while it is still open. Raises PermissionDenied for anyone
    but its author, ActivityLocked once the edit window has passed, ValidationError for bad data."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Not editable: {', '.join(sorted(unknown))}")
    _check_can_change(activity, by)
    for name, value in changes.items():
        setattr(activity, name, value)
    activity.updated_at = timezone.now()
    activity.full_clean()
    activity.save(update_fields=[*changes, "updated_at"])
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity, by: User) -> None:
    """Delete the SRO's own entry while it is still open (same rules as editing)."""
    _check_can_change(activity, by)
    activity.delete()


@transaction.atomic
def activity_unlock(*, activity: Activity, by: User) -> Activity:
    """Open a locked entry again for ACTIVITY_EDIT_DAYS, recording who unlocked it and when.
    The caller has checked that `by` is a coordinator whose scope holds the activity."""
    activity.unlocked_by = by
    activity.unlocked_at = timezone.now()
    activity.save(update_fields=["unlocked_by", "unlocked_at"])
    return activity
