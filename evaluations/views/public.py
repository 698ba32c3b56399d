"""The public answer page: no sign-in. It shows no school and never says why a code can't be
used: an unknown, used, closed or not-yet-open code all get the same page."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from ..forms import AnswerForm, CodeEntryForm
from ..models import normalize_code
from ..services import CodeUnavailable, code_lookup, response_submit


def _unavailable(request):
    return render(request, "evaluations/public/start.html", {"form": CodeEntryForm(), "unavailable": True})


@never_cache
def answer_start(request):
    """Enter a code (GET: nothing changes); a code given goes to its answer page."""
    form = CodeEntryForm(request.GET or None)
    if form.is_valid():
        code = normalize_code(form.cleaned_data["code"])
        if code:
            return redirect("evaluations:answer", code=code)
        return _unavailable(request)
    return render(request, "evaluations/public/start.html", {"form": form})


@never_cache
def answer(request, code):
    try:
        found = code_lookup(code=normalize_code(code))
    except CodeUnavailable:
        return _unavailable(request)
    questions = found.survey.instrument.questions.all()
    form = AnswerForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            response_submit(code=found, answers=form.answers(), grade_band=form.cleaned_data["grade_band"])
        except CodeUnavailable:
            return _unavailable(request)
        return redirect("evaluations:answer_thanks")
    return render(request, "evaluations/public/answer.html", {"survey": found.survey, "form": form})


@never_cache
def answer_thanks(request):
    return render(request, "evaluations/public/thanks.html")
