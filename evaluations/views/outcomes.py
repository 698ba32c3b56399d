from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.decorators import role_required
from accounts.models import Role
from audit.services import audit_export
from common.csvexport import csv_response
from common.suppression import suppressed_label
from schools.models import School

from ..forms import OutcomeUploadForm, SchoolYearForm
from ..imports import import_attendance, import_calls
from ..models import OUTCOME_ROLES, SURVEY_ADMIN_ROLES, OutcomeImport, school_year_of
from ..selectors import outcome_per_school, outcome_totals, suppress_calls


def aggregates_only(user) -> bool:
    """Evaluators read outcome data as shared aggregates: small counts suppressed (common.suppression).
    A person who is also an evaluator gets the suppressed figures everywhere on this page."""
    return user.has_role(Role.EVALUATOR)


def _outcome_figures(user, year, school_ids=None):
    """(per school, totals), suppressed for aggregates-only readers: then over every school in scope,
    whatever `school_ids` asks, so that the totals shown protect every hidden count."""
    if aggregates_only(user):
        per_school = outcome_per_school(user=user, school_year=year)
        totals = outcome_totals(user=user, school_year=year)
        suppress_calls(per_school, totals)
        return per_school, totals
    return (outcome_per_school(user=user, school_year=year, school_ids=school_ids),
            outcome_totals(user=user, school_year=year))


def _school_year(request) -> tuple[SchoolYearForm, str]:
    form = SchoolYearForm(request.GET or None, initial={"school_year": school_year_of(timezone.localdate())})
    year = form.cleaned_data["school_year"] if form.is_valid() else school_year_of(timezone.localdate())
    return form, year


def _page_context(request, upload_form=None, result=None):
    form, year = _school_year(request)
    schools = School.objects.visible_to(request.user, roles=OUTCOME_ROLES).select_related("division")
    page = Paginator(schools, 25).get_page(request.GET.get("page"))
    per_school, totals = _outcome_figures(request.user, year, school_ids=[s.pk for s in page])
    rows = [{"school": s, **per_school.get(s.pk, {})} for s in page]
    can_import = request.user.has_role(*SURVEY_ADMIN_ROLES)
    return {
        "form": form, "school_year": year, "page": page, "rows": rows, "totals": totals,
        "can_import": can_import,
        "upload_form": upload_form or (OutcomeUploadForm() if can_import else None),
        "result": result,
        "imports": OutcomeImport.objects.filter(uploaded_by=request.user)[:10] if can_import else [],
    }


@role_required(*OUTCOME_ROLES)
def outcome_data(request):
    return render(request, "evaluations/outcome_data.html", _page_context(request))


IMPORTERS = {OutcomeImport.Kind.ATTENDANCE: import_attendance, OutcomeImport.Kind.CALLS: import_calls}


@require_POST
@role_required(*SURVEY_ADMIN_ROLES)
def outcome_upload(request):
    form = OutcomeUploadForm(request.POST, request.FILES)
    result = None
    if form.is_valid():
        result = IMPORTERS[form.cleaned_data["kind"]](upload=form.cleaned_data["file"], user=request.user)
        if result.ok:
            messages.success(request, _("File imported: %(created)s rows added, %(updated)s updated.") % {
                "created": result.created, "updated": result.updated})
            return redirect("evaluations:outcome_data")
    return render(request, "evaluations/outcome_data.html", _page_context(request, form, result))


OUTCOME_EXPORT_HEADER = [
    gettext_lazy("School"), gettext_lazy("Division"), gettext_lazy("School year"),
    gettext_lazy("Months of attendance data"), gettext_lazy("Attendance rate (%)"),
    gettext_lazy("SRO calls"), gettext_lazy("SRO mean response (min)"),
    gettext_lazy("Patrol calls"), gettext_lazy("Patrol mean response (min)"),
]


def _calls_cells(figure) -> list:
    if figure.get("suppressed"):
        return [suppressed_label(), suppressed_label()]
    return [figure.get("n", 0), figure.get("minutes", "")]


@role_required(*OUTCOME_ROLES)
def outcome_export(request):
    _form, year = _school_year(request)
    schools = School.objects.visible_to(request.user, roles=OUTCOME_ROLES).select_related("division")
    per_school, _totals = _outcome_figures(request.user, year)

    def row(school):
        data = per_school.get(school.pk, {})
        sro, patrol = data.get("sro", {}), data.get("patrol", {})
        rate = data.get("attendance_rate")
        return [school.name, school.division.name, year, data.get("months", 0),
                "" if rate is None else round(rate, 1), *_calls_cells(sro), *_calls_cells(patrol)]

    audit_export(request, "outcome_data", count=schools.count())
    return csv_response(filename="outcome-data", header=OUTCOME_EXPORT_HEADER,
                        rows=schools.iterator(chunk_size=500), row=row)
