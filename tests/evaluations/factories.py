"""Factories for evaluations. Surveys get their schools explicitly; responses are made in bulk."""

import datetime

import factory

from evaluations.models import (
    Answer,
    Audience,
    CodeBatch,
    Indicator,
    Instrument,
    Question,
    QuestionKind,
    ResponseCode,
    Survey,
    SurveyResponse,
)
from tests.factories import SchoolFactory, UserFactory


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instrument

    name = factory.Sequence(lambda n: f"Instrument {n}")
    audience = Audience.STUDENTS
    owner = factory.SubFactory(UserFactory)
    is_standard = False


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    instrument = factory.SubFactory(InstrumentFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Question {n}?")
    kind = QuestionKind.AGREEMENT
    indicator = Indicator.PERCEIVED_SAFETY
    required = False


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey
        skip_postgeneration_save = True

    instrument = factory.SubFactory(InstrumentFactory)
    title = factory.Sequence(lambda n: f"Survey {n}")
    school_year = "2025–26"
    audience = factory.SelfAttribute("instrument.audience")
    opens_on = datetime.date(2000, 1, 1)
    closes_on = datetime.date(2099, 12, 31)

    @factory.post_generation
    def schools(self, create, extracted, **kwargs):
        if create:
            self.schools.set(extracted or [SchoolFactory()])


def make_codes(survey, school, count=1, **kwargs):
    batch = CodeBatch.objects.create(survey=survey, school=school, size=count)
    start = ResponseCode.objects.count()
    return [
        ResponseCode.objects.create(batch=batch, survey=survey, school=school, code=f"TST{start + i:05d}", **kwargs)
        for i in range(count)
    ]


def make_responses(survey, school, count, answers):
    """`count` responses at `school`, each answering {question: value} (favourable computed)."""
    responses = SurveyResponse.objects.bulk_create(
        SurveyResponse(survey=survey, school=school) for _ in range(count)
    )
    Answer.objects.bulk_create(
        Answer(response=r, question=q, value=v, favourable=q.favourable(v))
        for r in responses for q, v in answers.items()
    )
    return responses
