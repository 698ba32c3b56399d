"""Rows of the change-history pages (incidents/urls.py, officers/urls.py): for coordinators and
program administrators of the record's scope only."""

from tests.factories import OfficerFactory
from tests.incidents.factories import IncidentFactory

from .matrix import (
    COORDINATOR,
    Row,
    scoped,
)

# Coordinators: their division's records (404 elsewhere); program administrators: all; others 403.
HISTORY = scoped({COORDINATOR})


def _incident(w, scope, role):
    return [IncidentFactory(school=w.school_for(role, scope)).pk]


def _officer(w, scope, role):
    # An officer of the police service serving the division inside or outside the role's scope.
    return [OfficerFactory(police_service=w.school_for(role, scope).division.police_service).pk]


ROWS = {
    "incidents:incident_history": Row(args=_incident, expect=HISTORY),
    "incidents:incident_history_export": Row(args=_incident, expect=HISTORY),
    "officers:officer_history": Row(args=_officer, expect=HISTORY),
    "officers:officer_history_export": Row(args=_officer, expect=HISTORY),
}
