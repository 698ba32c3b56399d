from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.decorators import role_required
from audit.services import audit_export
from common.csvexport import csv_response

from ..forms import ResultsScopeForm
from ..models import RESULTS_ROLES
from ..selectors import get_survey_for_user, results_scope, survey_list, survey_results
from ..suppression import suppressed_label


@role_required(*RESULTS_ROLES)
def results_list(request):
    surveys = survey_list(user=request.user, filters=request.GET or None, roles=RESULTS_ROLES)
    page = Paginator(surveys.qs, 25).get_page(request.GET.get("page"))
    return render(request, "evaluations/results_list.html", {"filter": surveys, "page": page})


# The page lists each school up to this many (a city); beyond, its divisions, and a division's schools
# once chosen: 1,900 schools of a province would make a page of megabytes. The CSV export has them all.
RESULTS_MAX_SCHOOL_ROWS = 120


def _results(request, pk, *, max_school_rows=None):
    survey = get_survey_for_user(request.user, pk, roles=RESULTS_ROLES)
    schools = results_scope(survey=survey, user=request.user)
    form = ResultsScopeForm(request.GET or None, schools=schools)
    scope = form.cleaned_data if form.is_valid() else {}
    results = survey_results(survey=survey, user=request.user, school=scope.get("school"),
                             division=scope.get("division"), schools=schools, max_school_rows=max_school_rows)
    return survey, form, results


@role_required(*RESULTS_ROLES)
def survey_results_view(request, pk):
    survey, form, results = _results(request, pk, max_school_rows=RESULTS_MAX_SCHOOL_ROWS)
    return render(request, "evaluations/results.html", {
        "survey": survey, "form": form, "results": results, "suppressed": suppressed_label(),
    })


RESULTS_EXPORT_HEADER = [
    gettext_lazy("Group"), gettext_lazy("Name"), gettext_lazy("Item"), gettext_lazy("Indicator"),
    gettext_lazy("Responses"), gettext_lazy("% favourable"), gettext_lazy("Mean"),
    gettext_lazy("Baseline responses"), gettext_lazy("Baseline % favourable"), gettext_lazy("Change (points)"),
]


def _n(cell):
    if cell is None:
        return ""
    return suppressed_label() if cell.suppressed else cell.n


def _value(cell, attr):
    if cell is None or cell.suppressed:
        return "" if cell is None else suppressed_label()
    value = getattr(cell, attr)
    return "" if value is None else value


@role_required(*RESULTS_ROLES)
def survey_results_export(request, pk):
    """The tables of the results page as one CSV: suppressed groups stay suppressed."""
    survey, _form, results = _results(request, pk)
    lines = []
    scope_label = _("All schools shown")
    for row in results["indicator_rows"]:
        lines.append([_("Scope"), scope_label, row["indicator"].label, row["indicator"].label,
                      _n(row["cell"]), _value(row["cell"], "percent"), "", _n(row["baseline"]),
                      _value(row["baseline"], "percent"), "" if row["change"] is None else row["change"]])
    for row in results["question_rows"]:
        question = row["question"]
        lines.append([_("Scope"), scope_label, question.text, question.get_indicator_display(),
                      _n(row["cell"]), _value(row["cell"], "percent"), _value(row["cell"], "mean"),
                      _n(row["baseline"]), _value(row["baseline"], "percent"),
                      "" if row["change"] is None else row["change"]])
    kinds = {"all": _("All schools shown"), "division": _("Division"), "school": _("School")}
    for row in results["group_rows"]:
        group = row["group"]
        for indicator, cell in zip(results["indicators"], row["indicators"], strict=True):
            lines.append([kinds[group.kind], group.label or scope_label, indicator.label, indicator.label,
                          _n(cell), _value(cell, "percent"), "", "", "", ""])
    audit_export(request, f"survey_results:{survey.pk}", count=len(lines))
    return csv_response(filename=f"survey-{survey.pk}-results", header=RESULTS_EXPORT_HEADER, rows=lines,
                        row=lambda line: line)
