"""Rows of activities/urls.py: an SRO logs, reads and corrects their own entries; school
administrators, coordinators and program administrators browse the entries of the schools in
their scope; coordinators and program administrators unlock. Evaluators see aggregates only,
never an entry (it names its officer)."""

import datetime

from django.utils import timezone

from tests.activities.factories import ActivityFactory, log

from .matrix import (
    ANONYMOUS,
    COORDINATOR,
    EVALUATOR,
    FORBIDDEN,
    INSIDE,
    LOGIN,
    NOT_FOUND,
    PAGE,
    PRINCIPAL,
    PROGRAM_ADMIN,
    REDIRECT,
    SRO,
    Row,
    only,
)

BROWSERS = {PRINCIPAL, COORDINATOR, PROGRAM_ADMIN}

# For an SRO, scope is authorship, not the school: "inside" is their own entry, "outside" is
# another SRO's entry at the very school the SRO serves (the most telling one to try: the school
# is theirs, the entry is not). For every other role, inside and outside are the school's.
SRO_SCOPE_NOTE = ("for the SRO, inside is their own entry and outside another SRO's entry at "
                  "the SRO's own school")


def _activity(w, scope, role, **kwargs):
    if scope == INSIDE:
        return log(w.sro, w.school, **kwargs)
    if role == SRO:
        return ActivityFactory(school=w.school, **kwargs)
    return ActivityFactory(school=w.school_for(role, scope), **kwargs)


def activity_arg(w, scope, role):
    """An entry still open for changes (written now)."""
    return [_activity(w, scope, role).pk]


def locked_activity_arg(w, scope, role):
    """An entry whose edit window has passed."""
    return [_activity(w, scope, role, created_at=timezone.now() - datetime.timedelta(days=30)).pk]


# The author's own pages (change, delete): SRO only, and only their own entries.
OWN_ENTRY = {ANONYMOUS: LOGIN, SRO: (PAGE, NOT_FOUND), PRINCIPAL: FORBIDDEN, COORDINATOR: FORBIDDEN,
             EVALUATOR: FORBIDDEN, PROGRAM_ADMIN: FORBIDDEN}

ROWS = {
    "activities:list": Row(expect=only(BROWSERS),
                           note="an SRO reads their own entries in activities:my_log, not the school's list"),
    "activities:export": Row(expect=only(BROWSERS), note="exactly the list's rows, so the same roles"),
    "activities:log": Row(expect=only({SRO})),
    "activities:my_log": Row(expect=only({SRO})),
    "activities:my_log_export": Row(expect=only({SRO}), note="the SRO's own entries only"),
    "activities:detail": Row(
        args=activity_arg,
        expect={ANONYMOUS: LOGIN, SRO: (PAGE, NOT_FOUND), PRINCIPAL: (PAGE, NOT_FOUND),
                COORDINATOR: (PAGE, NOT_FOUND), EVALUATOR: FORBIDDEN, PROGRAM_ADMIN: PAGE},
        note=SRO_SCOPE_NOTE,
    ),
    "activities:edit": Row(args=activity_arg, expect=OWN_ENTRY,
                           note=f"GET renders the form; {SRO_SCOPE_NOTE}; a coordinator unlocks, never edits"),
    "activities:delete": Row(args=activity_arg, expect=OWN_ENTRY,
                             note=f"GET asks for confirmation; {SRO_SCOPE_NOTE}"),
    "activities:unlock": Row(
        method="post", args=locked_activity_arg,
        expect={ANONYMOUS: LOGIN, SRO: FORBIDDEN, PRINCIPAL: FORBIDDEN, COORDINATOR: (REDIRECT, NOT_FOUND),
                EVALUATOR: FORBIDDEN, PROGRAM_ADMIN: REDIRECT},
        note="POST only; unlocking sends back to the entry's page; an SRO may not unlock even their own",
    ),
}
