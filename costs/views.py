"""Cost pages: the divisions' totals (coordinators, program administrators, evaluators) and one
division's schools and officers (coordinators of it, program administrators). Each table downloads
as CSV."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from accounts.decorators import role_required
from audit.services import audit_export
from common.csvexport import csv_response

from . import fiscal
from .forms import FiscalYearForm
from .models import COST_DETAIL_ROLES, COST_ROLES
from .selectors import division_cost_summary, get_division_for_user, may_see_detail, program_cost_summary


def _money(value):
    return "" if value is None else f"{value:.2f}"


@role_required(*COST_ROLES)
def overview(request):
    form, year = FiscalYearForm.chosen(request.GET)
    return render(request, "costs/overview.html", {
        "form": form, "program": program_cost_summary(user=request.user, fiscal_year=year),
    })


@role_required(*COST_ROLES)
def division_detail(request, pk):
    division = get_division_for_user(request.user, pk)
    form, year = FiscalYearForm.chosen(request.GET)
    return render(request, "costs/division.html", {
        "form": form, "summary": division_cost_summary(user=request.user, division=division, fiscal_year=year),
    })


OVERVIEW_HEADER = [
    _("Division"), _("Fiscal year"), _("Schools served"), _("Enrolment of the schools served"), _("Cost"),
    _("Cost per student"), _("Province (%)"), _("Province pays"), _("School division (%)"), _("School division pays"),
    _("Police service (%)"), _("Police service pays"), _("Incidents resolved without a patrol call"),
    _("Cost of a patrol call"), _("Estimated savings"),
]


@role_required(*COST_ROLES)
def overview_export(request):
    _form, year = FiscalYearForm.chosen(request.GET)
    program = program_cost_summary(user=request.user, fiscal_year=year)

    def row(d):
        parts = [cell for part in d.partners for cell in (part.percent, _money(part.amount))]
        return [d.division.name, d.fiscal_year_label, d.school_count, d.enrolment, _money(d.total),
                _money(d.per_student), *parts, "" if d.savings.incidents is None else d.savings.incidents,
                _money(d.savings.cost_per_call), _money(d.savings.amount)]

    audit_export(request, "costs_divisions", count=len(program.divisions))
    return csv_response(filename=f"costs-{fiscal.label(year)}", header=OVERVIEW_HEADER,
                        rows=program.divisions, row=row)


def _detail_summary(request, pk):
    if not request.user.has_role(*COST_DETAIL_ROLES):
        raise PermissionDenied
    division = get_division_for_user(request.user, pk)
    if not may_see_detail(request.user, division):
        raise Http404
    _form, year = FiscalYearForm.chosen(request.GET)
    return division_cost_summary(user=request.user, division=division, fiscal_year=year)


SCHOOLS_HEADER = [_("School"), _("Division"), _("Fiscal year"), _("SRO days"), _("Cost"), _("Enrolment"),
                  _("Cost per student")]


@role_required(*COST_ROLES)
def division_schools_export(request, pk):
    summary = _detail_summary(request, pk)
    audit_export(request, "costs_schools", count=len(summary.schools))
    return csv_response(
        filename=f"costs-schools-{summary.division.code}-{summary.fiscal_year_label}", header=SCHOOLS_HEADER,
        rows=summary.schools,
        row=lambda c: [c.school.name, summary.division.name, summary.fiscal_year_label, c.days, _money(c.cost),
                       c.school.enrolment, _money(c.per_student)],
    )


OFFICERS_HEADER = [_("Officer"), _("Badge"), _("Rank"), _("Fiscal year"), _("Annual cost"), _("Own cost (override)"),
                   _("SRO days in this division"), _("Cost to this division"), _("Days assigned (all schools)"),
                   _("Days without an assignment"), _("Cost kept by the police service")]


@role_required(*COST_ROLES)
def division_officers_export(request, pk):
    summary = _detail_summary(request, pk)
    audit_export(request, "costs_officers", count=len(summary.officers))
    return csv_response(
        filename=f"costs-officers-{summary.division.code}-{summary.fiscal_year_label}", header=OFFICERS_HEADER,
        rows=summary.officers,
        row=lambda c: [c.officer.name, c.officer.badge_number, c.officer.rank, summary.fiscal_year_label,
                       _money(c.annual_cost), _("yes") if c.overridden else _("no"), c.days_here, _money(c.cost_here),
                       c.assigned_days, c.unassigned_days, _money(c.unassigned_cost)],
    )
