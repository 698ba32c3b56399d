from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.decorators import role_required
from audit.services import audit_export
from common.csvexport import csv_response

from ..forms import InstrumentForm, QuestionFormSet
from ..models import SURVEY_ADMIN_ROLES
from ..selectors import get_instrument_for_user, instrument_list
from ..services import instrument_copy, instrument_questions_save


@role_required(*SURVEY_ADMIN_ROLES)
def instrument_list_view(request):
    instruments = instrument_list(user=request.user, filters=request.GET or None)
    page = Paginator(instruments.qs, 25).get_page(request.GET.get("page"))
    return render(request, "evaluations/instrument_list.html", {"filter": instruments, "page": page})


INSTRUMENT_EXPORT_HEADER = [
    gettext_lazy("Instrument"), gettext_lazy("Audience"), gettext_lazy("Owner"), gettext_lazy("Questions"),
    gettext_lazy("Surveys"),
]


def _instrument_row(instrument):
    owner = _("standard") if instrument.is_standard else str(instrument.owner or "")
    return [instrument.name, instrument.get_audience_display(), owner, instrument.question_count,
            instrument.survey_count]


@role_required(*SURVEY_ADMIN_ROLES)
def instrument_export(request):
    instruments = instrument_list(user=request.user, filters=request.GET or None)
    audit_export(request, "instruments", count=instruments.qs.count())
    return csv_response(filename="survey-instruments", header=INSTRUMENT_EXPORT_HEADER,
                        rows=instruments.qs.iterator(chunk_size=500), row=_instrument_row)


@role_required(*SURVEY_ADMIN_ROLES)
def instrument_detail(request, pk):
    instrument = get_instrument_for_user(request.user, pk)
    return render(request, "evaluations/instrument_detail.html", {
        "instrument": instrument,
        "questions": instrument.questions.all(),
        "can_edit": instrument.can_be_edited_by(request.user),
    })


@role_required(*SURVEY_ADMIN_ROLES)
def instrument_create(request):
    form = InstrumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        instrument = form.save(commit=False)
        instrument.owner = request.user
        instrument.full_clean()
        instrument.save()
        messages.success(request, _("Instrument created. Now add its questions."))
        return redirect("evaluations:instrument_edit", pk=instrument.pk)
    return render(request, "evaluations/instrument_form.html", {"form": form})


@role_required(*SURVEY_ADMIN_ROLES)
def instrument_edit(request, pk):
    instrument = get_instrument_for_user(request.user, pk)
    if not instrument.can_be_edited_by(request.user):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = InstrumentForm(data, instance=instrument)
    formset = QuestionFormSet(data, instance=instrument, prefix="questions")
    if data is not None and form.is_valid() and formset.is_valid():
        form.save()
        deleted = [f.instance for f in formset.deleted_forms if f.instance.pk]
        questions = [f.save(commit=False) for f in formset.ordered_forms]
        instrument_questions_save(instrument=instrument, questions=questions, deleted=deleted)
        messages.success(request, _("Instrument saved."))
        return redirect("evaluations:instrument_detail", pk=instrument.pk)
    return render(request, "evaluations/instrument_form.html", {
        "form": form, "formset": formset, "instrument": instrument,
    })


@require_POST
@role_required(*SURVEY_ADMIN_ROLES)
def instrument_copy_view(request, pk):
    instrument = get_instrument_for_user(request.user, pk)
    copy = instrument_copy(instrument=instrument, user=request.user)
    messages.success(request, _("This is your copy: edit it freely."))
    return redirect("evaluations:instrument_edit", pk=copy.pk)
