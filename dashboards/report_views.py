"""The outcome report: a division's (coordinators, evaluators, program administrators) or the whole
program's (program administrators), as a printable page and a CSV file per table."""

from django.core.cache import cache
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from accounts.decorators import role_required
from accounts.models import Role
from audit.services import audit_export
from common.csvexport import csv_response
from common.suppression import INCIDENT_MINIMUM, SURVEY_MINIMUM
from schools.models import SchoolDivision

from .report import (
    MIN_GROUP_SCHOOLS,
    REPORT_ROLES,
    outcome_report,
    report_schools,
    too_small_message,
    years_with_data,
)
from .report_forms import ReportYearsForm


def _division(user, pk):
    return get_object_or_404(SchoolDivision.objects.visible_to(user, roles=REPORT_ROLES), pk=pk)


# A report reads every school's figures of several years (a division's: about 0.3 s at a province's
# size; the whole program's: about a second). It is a yearly document whose figures change slowly, so
# it is kept in the shared cache for a few minutes per reader, scope, choice of years, day and
# language (the whole program's, the same for every program administrator, is shared by them).
REPORT_SECONDS = 600


def _cached(key, compute):
    key = f"report:{key}:{timezone.localdate().isoformat()}:{get_language()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, REPORT_SECONDS)
    return value


def _report(request, division=None):
    schools = report_schools(request.user, division)
    scope = "program" if division is None else f"division:{division.pk}:user:{request.user.pk}"
    found = _cached(f"{scope}:years", lambda: years_with_data(schools))
    form = ReportYearsForm(request.GET, found=found, today=timezone.localdate())
    year, baseline = form.years()
    label = division.name if division is not None else _("The whole program")
    report = _cached(f"{scope}:{year}:{baseline}", lambda: outcome_report(
        user=request.user, schools=schools, year=year, baseline=baseline, scope_label=label, division=division))
    return form, report


@role_required(*REPORT_ROLES)
def index(request):
    divisions = SchoolDivision.objects.visible_to(request.user, roles=REPORT_ROLES).select_related("province")
    return render(request, "dashboards/report/index.html", {
        "divisions": divisions, "whole_program": request.user.is_program_admin,
    })


def _render(request, form, report, csv_base):
    return render(request, "dashboards/report/report.html", {
        "form": form, "report": report, "tables": report.tables(), "csv_base": csv_base,
        "query": urlencode({"year": report.year, "baseline": report.baseline}),
        "report_year": report.label(report.year), "report_baseline": report.label(report.baseline),
        "report_last": report.label(report.last), "too_small": too_small_message(report),
        "min_schools": MIN_GROUP_SCHOOLS, "survey_minimum": SURVEY_MINIMUM, "incident_minimum": INCIDENT_MINIMUM,
        "incident_maximum_hidden": INCIDENT_MINIMUM - 1,
    })


@role_required(*REPORT_ROLES)
def division_report(request, pk):
    division = _division(request.user, pk)
    form, report = _report(request, division)
    return _render(request, form, report, reverse("report:division_table", args=[division.pk, "x"])[:-5])


@role_required(Role.PROGRAM_ADMIN)
def program_report(request):
    form, report = _report(request)
    return _render(request, form, report, reverse("report:program_table", args=["x"])[:-5])


LINES_HEADER = [
    gettext_lazy("Outcome"), gettext_lazy("Indicator"), gettext_lazy("Schools"), gettext_lazy("Unit"),
    gettext_lazy("Baseline year"), gettext_lazy("Baseline value"), gettext_lazy("Baseline cases"),
    gettext_lazy("Last year"), gettext_lazy("Last year's value"), gettext_lazy("Last year's cases"),
    gettext_lazy("Year"), gettext_lazy("Value"), gettext_lazy("Cases"),
    gettext_lazy("Change since the baseline"), gettext_lazy("Direction"), gettext_lazy("Change since last year"),
    gettext_lazy("Direction"),
]
COMPARISON_HEADER = [
    gettext_lazy("Outcome"), gettext_lazy("Indicator"), gettext_lazy("Baseline year"), gettext_lazy("Year"),
    gettext_lazy("Change, schools served by an SRO"), gettext_lazy("Change, schools not served"),
    gettext_lazy("Difference of differences"), gettext_lazy("Why no comparison"),
]


def _blank(value):
    return "" if value is None else value


def _table_csv(request, report, table):
    slug, _sep, kind = table.partition("-")
    section = report.section(slug)
    if section is None or kind not in ("", "comparison"):
        raise Http404
    years = [report.baseline, report.last, report.year]
    name = f"outcome-report-{slug}{'-comparison' if kind else ''}-{report.label(report.year)}"
    audit_export(request, f"outcome_report:{table}",
                 count=len(section.comparisons if kind else section.lines))
    if kind:
        return csv_response(filename=name, header=COMPARISON_HEADER, rows=section.comparisons, row=lambda c: [
            section.title, c.label, report.label(report.baseline), report.label(report.year),
            _blank(c.served_change), _blank(c.not_served_change), _blank(c.difference), c.reason])

    def row(item):
        cells = [section.title, item["line"].label, item["group"], item["line"].unit]
        for year, (value, cases) in zip(years, item["cells"], strict=True):
            cells += [report.label(year), _blank(value), _blank(cases)]
        return [*cells, _blank(item["since_baseline"]), item["baseline_direction"], _blank(item["since_last"]),
                item["last_direction"]]

    return csv_response(filename=name, header=LINES_HEADER, rows=report.rows(section), row=row)


@role_required(*REPORT_ROLES)
def division_table(request, pk, table):
    _form, report = _report(request, _division(request.user, pk))
    return _table_csv(request, report, table)


@role_required(Role.PROGRAM_ADMIN)
def program_table(request, table):
    _form, report = _report(request)
    return _table_csv(request, report, table)
