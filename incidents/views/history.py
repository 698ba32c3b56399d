"""An incident's change history, for coordinators and program administrators of its scope: the
page and its CSV export. The history of the people involved (names, birth dates) and of threat
assessments is included only for PEOPLE_ROLES, and its display is logged like the incident page."""

from django.shortcuts import render

from accounts.decorators import role_required
from audit.decorators import no_store
from audit.services import audit_export
from sro_portal.csvexport import csv_response
from sro_portal.history import EXPORT_HEADER, export_rows

from .. import services
from ..models import HISTORY_ROLES, PersonalInfoAccess, PersonInvolved
from ..selectors import get_incident_for_history, incident_history


def _history(request, pk, *, kind):
    incident = get_incident_for_history(request.user, pk)
    entries, with_people = incident_history(user=request.user, incident=incident)
    if with_people and any(entry.model is PersonInvolved for entry in entries):
        services.personal_info_viewed(user=request.user, kind=kind, incident=incident, detail="history")
    return incident, entries, with_people


@no_store
@role_required(*HISTORY_ROLES)
def incident_history_view(request, pk):
    incident, entries, with_people = _history(request, pk, kind=PersonalInfoAccess.Kind.PAGE)
    return render(request, "incidents/incident_history.html", {
        "incident": incident, "entries": entries, "with_people": with_people,
    })


@role_required(*HISTORY_ROLES)
def incident_history_export(request, pk):
    incident, entries, _with_people = _history(request, pk, kind=PersonalInfoAccess.Kind.EXPORT)
    rows = list(export_rows(entries))
    audit_export(request, "incident_history", len(rows))
    return csv_response(filename=f"incident-{incident.pk}-history", header=EXPORT_HEADER, rows=rows,
                        row=lambda row: row)
