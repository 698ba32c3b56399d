import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.decorators import role_required
from audit.services import audit_export
from common.csvexport import csv_response

from ..forms import CodeBatchForm, SurveyForm
from ..models import SURVEY_ADMIN_ROLES, Survey, format_code
from ..selectors import get_batch_for_user, get_survey_for_user, survey_list, survey_school_rows
from ..services import codes_generate, survey_save

SURVEY_EXPORT_HEADER = [
    gettext_lazy("Survey"), gettext_lazy("School year"), gettext_lazy("Audience"), gettext_lazy("Instrument"),
    gettext_lazy("Opens on"), gettext_lazy("Closes on"), gettext_lazy("Baseline"), gettext_lazy("Schools"),
    gettext_lazy("Responses"),
]


@role_required(*SURVEY_ADMIN_ROLES)
def survey_list_view(request):
    surveys = survey_list(user=request.user, filters=request.GET or None)
    page = Paginator(surveys.qs, 25).get_page(request.GET.get("page"))
    return render(request, "evaluations/survey_list.html", {"filter": surveys, "page": page})


@role_required(*SURVEY_ADMIN_ROLES)
def survey_export(request):
    surveys = survey_list(user=request.user, filters=request.GET or None)
    audit_export(request, "surveys", count=surveys.qs.count())
    return csv_response(
        filename="surveys", header=SURVEY_EXPORT_HEADER, rows=surveys.qs.iterator(chunk_size=500),
        row=lambda s: [s.title, s.school_year, s.get_audience_display(), s.instrument.name, s.opens_on,
                       s.closes_on, s.baseline.school_year if s.baseline else ("✓" if s.is_baseline else ""),
                       s.school_count, s.response_count],
    )


def _survey_form(request, survey):
    form = SurveyForm(request.POST or None, instance=survey, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            saved = survey_save(survey=form.instance, schools=form.cleaned_data["schools"], user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Survey saved."))
            return redirect("evaluations:survey_detail", pk=saved.pk)
    return render(request, "evaluations/survey_form.html", {"form": form, "survey": survey})


@role_required(*SURVEY_ADMIN_ROLES)
def survey_create(request):
    return _survey_form(request, Survey())


@role_required(*SURVEY_ADMIN_ROLES)
def survey_edit(request, pk):
    return _survey_form(request, get_survey_for_user(request.user, pk))


@role_required(*SURVEY_ADMIN_ROLES)
def survey_detail(request, pk):
    survey = get_survey_for_user(request.user, pk)
    rows = survey_school_rows(survey=survey, user=request.user)
    batches = survey.code_batches.filter(school__in=[r["school"] for r in rows]).select_related("school")
    return render(request, "evaluations/survey_detail.html", {
        "survey": survey, "rows": rows, "batches": batches,
        "batch_form": CodeBatchForm(survey=survey, user=request.user),
    })


@require_POST
@role_required(*SURVEY_ADMIN_ROLES)
def codes_generate_view(request, pk):
    survey = get_survey_for_user(request.user, pk)
    form = CodeBatchForm(request.POST, survey=survey, user=request.user)
    if form.is_valid():
        try:
            batch = codes_generate(survey=survey, school=form.cleaned_data["school"],
                                   count=form.cleaned_data["count"], user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("%(n)s codes generated. Print the sheet and cut it up.") % {"n": batch.size})
            return redirect("evaluations:code_sheet", pk=survey.pk, batch=batch.pk)
    rows = survey_school_rows(survey=survey, user=request.user)
    batches = survey.code_batches.filter(school__in=[r["school"] for r in rows]).select_related("school")
    return render(request, "evaluations/survey_detail.html", {
        "survey": survey, "rows": rows, "batches": batches, "batch_form": form,
    })


def _qr_svg(url: str, label: str) -> str:
    # segno writes only geometry (no script, no style attribute) and escapes the title itself
    # (segno/writers.py: `<title>{escape(title)}</title>`); the code and URL are ours.
    svg = segno.make(url, error="m").svg_inline(scale=3, border=2, omitsize=True, title=label)
    return mark_safe(svg)  # noqa: S308  # nosec B308 B703


@role_required(*SURVEY_ADMIN_ROLES)
def code_sheet(request, pk, batch):
    survey = get_survey_for_user(request.user, pk)
    batch = get_batch_for_user(request.user, survey, batch)
    start_url = request.build_absolute_uri(reverse("evaluations:answer_start"))
    cards = []
    for code in batch.codes.all():
        url = request.build_absolute_uri(reverse("evaluations:answer", args=[code.code]))
        cards.append({"code": format_code(code.code), "used": code.used_on is not None,
                      "qr": _qr_svg(url, _("QR code for %(code)s") % {"code": format_code(code.code)})})
    return render(request, "evaluations/code_sheet.html", {
        "survey": survey, "batch": batch, "cards": cards, "start_url": start_url,
    })
