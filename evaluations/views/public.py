"""The public answer page: no sign-in. It shows no school and never says why a code can't be
used: an unknown, used, closed or not-yet-open code all get the same page."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django_ratelimit.core import get_usage

from audit.services import client_address

from ..forms import AnswerForm, CodeEntryForm
from ..models import normalize_code
from ..services import CodeUnavailable, code_lookup, response_submit

WRONG_CODES = "survey-wrong-codes"  # the rate-limit group: wrong codes counted per source address


def _source_address(group, request):
    return client_address(request) or "unknown"


def _wrong_codes(request, *, count_one: bool) -> dict:
    return get_usage(request, group=WRONG_CODES, key=_source_address, rate=settings.SURVEY_WRONG_CODE_RATE,
                     increment=count_one)


def _refused_for_too_many_wrong_codes(request):
    """A 429 when this address has used up its wrong codes for the window (no code is looked up then,
    right or wrong, else guessing would go on); None otherwise."""
    usage = _wrong_codes(request, count_one=False)
    if usage is None or usage["count"] < usage["limit"]:
        return None
    response = render(request, "evaluations/public/too_many.html", status=429)
    response["Retry-After"] = str(max(usage["time_left"], 1))
    return response


def _unavailable(request):
    """A code that cannot be used: counted against the address, and the same page whatever the reason."""
    _wrong_codes(request, count_one=True)
    return render(request, "evaluations/public/start.html", {"form": CodeEntryForm(), "unavailable": True})


@never_cache
def answer_start(request):
    """Enter a code (GET: nothing changes); a code given goes to its answer page."""
    form = CodeEntryForm(request.GET or None)
    if form.is_bound and (refused := _refused_for_too_many_wrong_codes(request)):
        return refused
    if form.is_valid():
        code = normalize_code(form.cleaned_data["code"])
        if code:
            return redirect("evaluations:answer", code=code)
        return _unavailable(request)
    return render(request, "evaluations/public/start.html", {"form": form})


@never_cache
def answer(request, code):
    if refused := _refused_for_too_many_wrong_codes(request):
        return refused
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
