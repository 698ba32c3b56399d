"""Rows of the change-history pages (incidents/urls.py, officers/urls.py): for coordinators and
program administrators of the record's scope only."""

from incidents.models import Status
from tests.factories import OfficerFactory
from tests.incidents.factories import IncidentFactory

from .matrix import (
    COORDINATOR,
    INSIDE,
    Row,
    scoped,
)
from .rows_officers import officer_elsewhere

# Coordinators: their division's records (404 elsewhere); program administrators: all; others 403.
HISTORY = scoped({COORDINATOR})


def _incident(w, scope, role):
    # Submitted: a draft is its author's alone (tests/access/test_drafts.py).
    return [IncidentFactory(school=w.school_for(role, scope), status=Status.SUBMITTED).pk]


def _officer(w, scope, role):
    """Inside: an officer of the police service serving the role's division, with no current
    assignment (to be assigned there). Outside: an officer of that same service assigned only in a
    sister division it also serves (for a coordinator) — by police service alone it would be inside."""
    if scope == INSIDE:
        return [OfficerFactory(police_service=w.division.police_service).pk]
    return [officer_elsewhere(w, role).pk]


ROWS = {
    "incidents:incident_history": Row(args=_incident, expect=HISTORY),
    "incidents:incident_history_export": Row(args=_incident, expect=HISTORY),
    "officers:officer_history": Row(args=_officer, expect=HISTORY),
    "officers:officer_history_export": Row(args=_officer, expect=HISTORY),
}
