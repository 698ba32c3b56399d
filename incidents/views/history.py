"""An incident's change history, for coordinators and program administrators of its scope: the
page and its CSV export. The history of the people involved (names, birth dates) and of threat
assessments is included only for PEOPLE_ROLES; its display is logged like the incident page, and
its export asks for a purpose first, like the people export."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.decorators import role_required
from audit.decorators import no_store
from audit.services import audit_export
from common.csvexport import csv_response
from common.history import EXPORT_HEADER, export_rows, iter_entries

from .. import services
from ..forms import ExportPurposeForm
from ..models import HISTORY_ROLES, PersonalInfoAccess, PersonInvolved
from ..selectors import get_incident_for_history, incident_history, incident_history_sources


@no_store
@role_required(*HISTORY_ROLES)
def incident_history_view(request, pk):
    incident = get_incident_for_history(request.user, pk)
    entries, with_people = incident_history(user=request.user, incident=incident)
    if with_people and any(entry.model is PersonInvolved for entry in entries):
        services.personal_info_viewed(user=request.user, kind=PersonalInfoAccess.Kind.PAGE, incident=incident,
                                      detail="history", request=request)
    return render(request, "incidents/incident_history.html", {
        "incident": incident, "entries": entries, "with_people": with_people,
    })


@require_http_methods(["GET", "POST"])
@role_required(*HISTORY_ROLES)
def incident_history_export(request, pk):
    """The history as CSV. With the people's history in it, the file comes only with a purpose
    (asked on GET, given by POST) and is logged with it in the personal-information access log.
    Streamed: the entries are read from the database as the file is written (common.history)."""
    incident = get_incident_for_history(request.user, pk)
    querysets, withheld, with_people = incident_history_sources(user=request.user, incident=incident)
    if with_people and PersonInvolved.history.filter(incident_id=incident.pk).exists():
        form = ExportPurposeForm(request.POST if request.method == "POST" else None)
        if not form.is_valid():
            return render(request, "incidents/export_purpose_form.html", {
                "form": form, "title": _("Export the change history"),
                "action_url": reverse("incidents:incident_history_export", args=[incident.pk]),
                "back_label": _("Change history"),
                "back_url": reverse("incidents:incident_history", args=[incident.pk]),
            }, status=400 if form.is_bound else 200)
        services.personal_info_viewed(user=request.user, kind=PersonalInfoAccess.Kind.EXPORT, incident=incident,
                                      detail="history", request=request, purpose=form.cleaned_data["purpose"])
    # The number of changes recorded (a change of several fields is several lines of the file).
    audit_export(request, "incident_history", sum(queryset.count() for queryset in querysets))
    return csv_response(filename=f"incident-{incident.pk}-history", header=EXPORT_HEADER,
                        rows=export_rows(iter_entries(*querysets, withheld=withheld)), row=lambda row: row)
