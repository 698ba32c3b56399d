"""Incident lists: everything in scope (the coordinator's division list), the SRO's open incidents,
the administrator's review queue; and the CSV exports."""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F, FloatField, Func, Value
from django.db.models.functions import Cast, Extract
from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accounts.decorators import role_required
from accounts.models import Role
from audit.services import audit_export
from common.csvexport import choice_label, csv_response, local_minute, python_bool

from .. import services
from ..filters import IncidentFilter
from ..forms import ExportPurposeForm
from ..models import (
    INCIDENT_ROLES,
    PEOPLE_ROLES,
    Category,
    Disposition,
    Location,
    PersonalInfoAccess,
    RespondingUnit,
    SchoolDiscipline,
    Severity,
    Status,
)
from ..selectors import incident_list, people_export_rows, review_queue, sro_open_incidents

PAGE_SIZE = 25

# No names here: neither of young people (never in an incident row) nor in the narrative, left out.
INCIDENT_EXPORT_HEADER = [
    _("Number"), _("School"), _("Division"), _("Occurred at"), _("Reported at"), _("Location"), _("Category"),
    _("Severity"), _("Status"), _("Call-for-service number"), _("Responding unit"), _("Response time (minutes)"),
    _("Disposition"), _("Parent or guardian contacted"), _("School discipline"), _("Referred to counselling"),
]
PEOPLE_EXPORT_HEADER = [
    _("Incident"), _("School"), _("Occurred at"), _("Role"), _("Name"), _("Age at the incident"),
    _("Date of birth"), _("Grade"), _("Student of the school"),
]


def _stamp(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def incident_row(incident):
    return [
        incident.pk, incident.school.name, incident.school.division.name, _stamp(incident.occurred_at),
        _stamp(incident.reported_at), incident.get_location_display(), incident.get_category_display(),
        incident.get_severity_display(), incident.get_status_display(), incident.call_number,
        incident.get_responding_unit_display(), incident.response_minutes, incident.get_disposition_display(),
        incident.parent_contacted, incident.get_school_discipline_display(), incident.counselling_referral,
    ]


def incident_columns():
    """The cells of incident_row, written by the database (PostgreSQL's COPY): same text, same order."""
    # round() of a double rounds half to even in PostgreSQL, as Python's round() does.
    seconds = Cast(Extract(F("on_scene_at") - F("called_at"), "epoch"), FloatField())
    minutes = Func(seconds / Value(60.0), function="round", output_field=FloatField())
    return [
        "pk", "school__name", "school__division__name", local_minute("occurred_at"), local_minute("reported_at"),
        choice_label("location", Location.choices), choice_label("category", Category.choices),
        choice_label("severity", Severity.choices), choice_label("status", Status.choices), "call_number",
        choice_label("responding_unit", RespondingUnit.choices), minutes,
        choice_label("disposition", Disposition.choices), python_bool("parent_contacted"),
        choice_label("school_discipline", SchoolDiscipline.choices), python_bool("counselling_referral"),
    ]


def person_row(person):
    incident = person.incident
    return [
        incident.pk, incident.school.name, _stamp(incident.occurred_at), person.get_role_display(), person.name,
        person.get_age_band_display() if person.age_band else person.age_on(incident.occurred_at),
        person.date_of_birth or "", person.grade, person.is_student,
    ]


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@role_required(*INCIDENT_ROLES)
def incident_list_view(request):
    incidents = incident_list(user=request.user, filters=request.GET or None)
    return render(request, "incidents/incident_list.html", {
        "filter": incidents, "page": _page(request, incidents.qs), "query": _query_without_page(request),
        "may_export_people": request.user.has_role(*PEOPLE_ROLES),
    })


@role_required(*INCIDENT_ROLES)
def incident_export(request):
    incidents = incident_list(user=request.user, filters=request.GET or None)
    audit_export(request, "incidents", count=incidents.qs.count())
    return csv_response(filename="incidents", header=INCIDENT_EXPORT_HEADER, rows=incidents.qs, row=incident_row,
                        columns=incident_columns())


def _list_filters(data) -> QueryDict:
    """Only the incident list's own filters (no page, token or purpose) of a query or form."""
    filters = QueryDict(mutable=True)
    for name in IncidentFilter.base_filters:
        values = [value for value in data.getlist(name) if value]
        if values:
            filters.setlist(name, values)
    return filters


@require_http_methods(["GET", "POST"])
@role_required(*PEOPLE_ROLES)
def people_export(request):
    """The people involved in the filtered incidents, for the roles that may see them. The link
    leads to a form that asks why (GET); the file comes only with a purpose (POST), and is logged
    with it, in the personal-information access log and the audit log."""
    source = request.POST if request.method == "POST" else request.GET
    filters = _list_filters(source)
    form = ExportPurposeForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        back_query = filters.urlencode()
        return render(request, "incidents/export_purpose_form.html", {
            "form": form, "hidden_filters": [(name, value) for name, values in filters.lists() for value in values],
            "title": _("Export the people involved"), "action_url": reverse("incidents:people_export"),
            "back_label": _("Incidents"),
            "back_url": reverse("incidents:incident_list") + (f"?{back_query}" if back_query else ""),
        }, status=400 if form.is_bound else 200)
    incidents = incident_list(user=request.user, filters=filters or None)
    services.personal_info_viewed(user=request.user, kind=PersonalInfoAccess.Kind.EXPORT,
                                  detail=filters.urlencode(), request=request, purpose=form.cleaned_data["purpose"])
    rows = people_export_rows(user=request.user, incidents=incidents.qs)
    audit_export(request, "people_involved", count=rows.count(), filters=filters)
    return csv_response(filename="people-involved", header=PEOPLE_EXPORT_HEADER,
                        rows=rows.iterator(chunk_size=500), row=person_row)


@role_required(Role.SRO)
def my_open_incidents(request):
    base = sro_open_incidents(user=request.user)
    incidents = incident_list(user=request.user, filters=request.GET or None, base=base)
    return render(request, "incidents/my_open.html", {
        "filter": incidents, "page": _page(request, incidents.qs), "query": _query_without_page(request),
    })


@role_required(Role.SCHOOL_ADMIN)
def review_queue_view(request):
    queue = review_queue(user=request.user)
    now = timezone.now()
    days = settings.INCIDENTS_REVIEW_DAYS
    return render(request, "incidents/review_queue.html", {
        "page": _page(request, queue), "now": now, "review_days": days,
        "late_before": now - datetime.timedelta(days=days),
    })
