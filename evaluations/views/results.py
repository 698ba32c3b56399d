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


RESULTS_LIST_HEADER = [
    gettext_lazy("Survey"), gettext_lazy("School year"), gettext_lazy("Audience"), gettext_lazy("Baseline"),
    gettext_lazy("Compared with"), gettext_lazy("Schools"),
]


def _results_list_row(survey):
    # As the list: no response count (a count under the threshold is not for every reader).
    return [survey.title, survey.school_year, survey.get_audience_display(), _("yes") if survey.is_baseline else "",
            survey.baseline.school_year if survey.baseline else "", survey.school_count]


@role_required(*RESULTS_ROLES)
def results_list_export(request):
    surveys = survey_list(user=request.user, filters=request.GET or None, roles=RESULTS_ROLES)
    audit_export(request, "survey_results_list", count=surveys.qs.count())
    return csv_response(filename="survey-results", header=RESULTS_LIST_HEADER,
                        rows=surveys.qs.iterator(chunk_size=500), row=_results_list_row)


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
    return survey, form, results, schools



def _any_suppressed(cells) -> bool:
    return any(cell is not None and cell.suppressed for cell in cells)


def _suppressed_tables(results) -> dict:
    """Which tables of the page hold a suppressed cell: each says what the mark means once, in a
    note above it, instead of in every cell."""
    return {
        "indicators": _any_suppressed(
            cell for row in results["indicator_rows"] for cell in (row["cell"], row["baseline"])),
        "questions": _any_suppressed(
            cell for row in results["question_rows"] for cell in (row["cell"], row["baseline"])),
        "groups": _any_suppressed(
            cell for row in results["group_rows"]
            for cell in (row["responses"], row.get("baseline_responses"), *row["indicators"])),
    }


@role_required(*RESULTS_ROLES)
def survey_results_view(request, pk):
    survey, form, results, schools = _results(request, pk, max_school_rows=RESULTS_MAX_SCHOOL_ROWS)
    return render(request, "evaluations/results.html", {
        "survey": survey, "form": form, "results": results, "suppressed": suppressed_label(),
        "suppressed_in": _suppressed_tables(results),
        # Only the choices that narrow something: one school (or one division) is no choice at all.
        "offer_school": len(schools) > 1, "offer_division": len({s.division_id for s in schools}) > 1,
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


def _results_lines(results):
    """The lines of the results CSV, one at a time as the file is written: the indicators, the
    questions, then each group's indicators. Suppressed groups stay suppressed."""
    scope_label = _("All schools shown")
    for row in results["indicator_rows"]:
        yield [_("Scope"), scope_label, row["indicator"].label, row["indicator"].label,
               _n(row["cell"]), _value(row["cell"], "percent"), "", _n(row["baseline"]),
               _value(row["baseline"], "percent"), "" if row["change"] is None else row["change"]]
    for row in results["question_rows"]:
        question = row["question"]
        yield [_("Scope"), scope_label, question.text, question.get_indicator_display(),
               _n(row["cell"]), _value(row["cell"], "percent"), _value(row["cell"], "mean"),
               _n(row["baseline"]), _value(row["baseline"], "percent"),
               "" if row["change"] is None else row["change"]]
    kinds = {"all": _("All schools shown"), "division": _("Division"), "school": _("School")}
    for row in results["group_rows"]:
        group = row["group"]
        for indicator, cell in zip(results["indicators"], row["indicators"], strict=True):
            yield [kinds[group.kind], group.label or scope_label, indicator.label, indicator.label,
                   _n(cell), _value(cell, "percent"), "", "", "", ""]


@role_required(*RESULTS_ROLES)
def survey_results_export(request, pk):
    """The tables of the results page as one CSV, written line by line as it streams (the figures
    themselves are the aggregates the page shows)."""
    survey, _form, results, _schools = _results(request, pk)
    count = (len(results["indicator_rows"]) + len(results["question_rows"])
             + len(results["group_rows"]) * len(results["indicators"]))
    audit_export(request, f"survey_results:{survey.pk}", count=count)
    return csv_response(filename=f"survey-{survey.pk}-results", header=RESULTS_EXPORT_HEADER,
                        rows=_results_lines(results), row=lambda line: line)
