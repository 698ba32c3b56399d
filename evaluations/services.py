"""Writes across several evaluation models: instruments, surveys, codes and responses."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from schools.models import School

from .models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    SURVEY_ADMIN_ROLES,
    Answer,
    CodeBatch,
    Instrument,
    Question,
    QuestionKind,
    ResponseCode,
    Survey,
    SurveyResponse,
)


class CodeUnavailable(Exception):
    """The code is unknown, already used, or its survey is not open. Deliberately one error:
    the public page must not tell these apart."""


# --- Instruments -----------------------------------------------------------------------------


@transaction.atomic
def instrument_copy(*, instrument: Instrument, user) -> Instrument:
    """A private, editable copy of an instrument (standard or not) owned by `user`."""
    copy = Instrument(audience=instrument.audience, is_standard=False, owner=user,
                      description_en=instrument.description_en, description_fr=instrument.description_fr)
    for language in ("en", "fr"):  # each language's name, marked a copy in that language
        name = getattr(instrument, f"name_{language}")
        with translation.override(language):
            setattr(copy, f"name_{language}", _("%(name)s (copy)") % {"name": name} if name else None)
    copy.full_clean()
    copy.save()
    Question.objects.bulk_create(
        Question(instrument=copy, position=q.position, text_en=q.text_en, text_fr=q.text_fr, kind=q.kind,
                 indicator=q.indicator, options_en=q.options_en, options_fr=q.options_fr,
                 reverse_scored=q.reverse_scored, required=q.required)
        for q in instrument.questions.all()
    )
    return copy


@transaction.atomic
def instrument_renumber(*, instrument: Instrument) -> None:
    """Positions 1, 2, 3… in the current order (after questions were added or removed)."""
    questions = list(instrument.questions.order_by("position", "pk"))
    # Two passes so that the unique (instrument, position) constraint never sees a clash.
    offset = len(questions) + 1000
    for q in questions:
        q.position += offset
    Question.objects.bulk_update(questions, ["position"])
    for index, q in enumerate(questions, start=1):
        q.position = index
    Question.objects.bulk_update(questions, ["position"])


@transaction.atomic
def instrument_questions_save(*, instrument: Instrument, questions: list[Question], deleted: list[Question]) -> None:
    """Save an instrument's questions in the given order (positions 1, 2, 3…), dropping `deleted`."""
    for question in deleted:
        if question.pk:
            question.delete()
    # Move the remaining questions out of the way so the unique position never clashes.
    instrument.questions.update(position=F("position") + 10000)
    for position, question in enumerate(questions, start=1):
        question.instrument = instrument
        question.position = position
        question.full_clean()
        question.save()


# --- Surveys ---------------------------------------------------------------------------------


@transaction.atomic
def survey_save(*, survey: Survey, schools, user) -> Survey:
    """Create or update a survey with `schools` (chosen among those the user may run surveys in).

    Schools of the survey outside the user's scope (added by a coordinator of another division)
    are kept: a user changes only what they can see."""
    survey.full_clean()
    if survey.pk is None:
        survey.created_by = user
    survey.save()
    scope = School.objects.visible_to(user, roles=SURVEY_ADMIN_ROLES)
    hidden = list(survey.schools.exclude(pk__in=scope.values("pk")).values_list("pk", flat=True))
    survey.schools.set([*hidden, *(s.pk for s in schools)])
    return survey


def _new_codes(count: int) -> set[str]:
    return {"".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)) for _ in range(count)}


@transaction.atomic
def codes_generate(*, survey: Survey, school: School, count: int, user) -> CodeBatch:
    """A batch of `count` single-use codes for one school of a survey (cryptographically random,
    unique across all surveys)."""
    if not 1 <= count <= settings.SURVEY_CODE_BATCH_MAX:
        raise ValidationError(
            {"count": _("Between 1 and %(max)s codes at a time.") % {"max": settings.SURVEY_CODE_BATCH_MAX}}
        )
    if not survey.schools.filter(pk=school.pk).exists():
        raise ValidationError({"school": _("This school does not take part in the survey.")})
    batch = CodeBatch.objects.create(survey=survey, school=school, size=count, created_by=user)
    codes: set[str] = set()
    while len(codes) < count:
        fresh = _new_codes(count - len(codes)) - codes
        taken = set(ResponseCode.objects.filter(code__in=fresh).values_list("code", flat=True))
        codes |= fresh - taken
    ResponseCode.objects.bulk_create(
        ResponseCode(batch=batch, survey=survey, school=school, code=code) for code in sorted(codes)
    )
    return batch


# --- Responses -------------------------------------------------------------------------------


def code_lookup(*, code: str, today=None) -> ResponseCode:
    """The unused code of an open survey, or CodeUnavailable (one error for every reason)."""
    today = today or timezone.localdate()
    found = (
        ResponseCode.objects.select_related("survey", "survey__instrument")
        .filter(code=code, used_on__isnull=True, survey__opens_on__lte=today, survey__closes_on__gte=today)
        .first()
    )
    if found is None:
        raise CodeUnavailable
    return found


def _claim(code: ResponseCode, today) -> bool:
    """Mark the code used, if and only if nobody has yet: a conditional UPDATE. Two requests
    racing for the same code both run it; the database lets exactly one of them change the row."""
    return ResponseCode.objects.filter(pk=code.pk, used_on__isnull=True).update(used_on=today) == 1


@transaction.atomic
def response_submit(*, code: ResponseCode, answers: dict, grade_band: str = "", today=None) -> SurveyResponse:
    """Save one anonymous response through `code`, or raise CodeUnavailable if it was used
    meanwhile. `answers` maps each Question to its cleaned value (None or "" when skipped).

    The response records the survey, the school of the code and the grade band, nothing else:
    no link to the code, no time, no request data."""
    today = today or timezone.localdate()
    if not _claim(code, today):
        raise CodeUnavailable
    response = SurveyResponse.objects.create(survey=code.survey, school_id=code.school_id, grade_band=grade_band)
    Answer.objects.bulk_create(
        answer for question, raw in answers.items()
        if (answer := build_answer(response=response, question=question, raw=raw)) is not None
    )
    return response


def build_answer(*, response: SurveyResponse, question: Question, raw) -> Answer | None:
    """An unsaved Answer from a cleaned form value (None when the question was skipped)."""
    if raw is None or raw == "":
        return None
    if question.kind == QuestionKind.TEXT:
        return Answer(response=response, question=question, text=str(raw).strip())
    value = float(raw)
    text = ""
    if question.kind == QuestionKind.CHOICE:
        # The English option, whatever the respondent's language: results count one text per option.
        options = question.english_option_list
        text = options[int(value) - 1] if 1 <= value <= len(options) else ""
    return Answer(response=response, question=question, value=value, text=text,
                  favourable=question.favourable(value))
