"""The evaluations forms: instruments (with their question formset), surveys, code batches and the
public answer page with a single-use code. Hostile posts: never a 500, never a half write."""

import pytest
from django.urls import reverse
from hypothesis import given

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
from tests.evaluations.factories import InstrumentFactory, QuestionFactory, SurveyFactory, make_codes

from .helpers import FAST, assert_accepts, post_and_check, rolled_back
from .strategies import field, form_data, nasty_text, valid_data

pytestmark = pytest.mark.django_db

EVALUATION_MODELS = [Instrument, Question, Survey, CodeBatch, ResponseCode, SurveyResponse, Answer]
DATES = ("0001-01-01", "9999-12-31", "2026-02-30")


def instrument_fields():
    return {"name": field("School climate", "x" * 201), "audience": field(Audience.STUDENTS.value, "aliens"),
                "description": field("", "Asked each spring.")}


def test_instrument_create(client, coordinator):
    url = reverse("evaluations:instrument_create")
    fields = instrument_fields()
    assert_accepts(client, coordinator, url, valid_data(**fields))

    @FAST
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, coordinator, url, data, EVALUATION_MODELS)

    run()


def test_instrument_edit_with_questions(client, coordinator):
    instrument = InstrumentFactory(owner=coordinator)
    question = QuestionFactory(instrument=instrument, position=1)
    url = reverse("evaluations:instrument_edit", args=[instrument.pk])
    fields = dict(
        **instrument_fields(),
        **{"questions-TOTAL_FORMS": field("2", "0", "1000", "99999999", "-1"),
           "questions-INITIAL_FORMS": field("1", "0", "5", "-1"),
           "questions-MIN_NUM_FORMS": field("0"), "questions-MAX_NUM_FORMS": field("1000"),
           "questions-0-id": field(str(question.pk), "", "0", "99999"),
           "questions-0-text": field("I feel safe.", "x" * 301),
           "questions-0-kind": field(QuestionKind.AGREEMENT.value, "essay"),
           "questions-0-indicator": field(Indicator.PERCEIVED_SAFETY.value, "happiness"),
           "questions-0-options": field(""), "questions-0-reverse_scored": field("", "on"),
           "questions-0-required": field("on", ""), "questions-0-ORDER": field("1", "", "-7", "99999999999"),
           "questions-0-DELETE": field("", "on"),
           "questions-1-text": field("Your favourite colour?"),
           "questions-1-kind": field(QuestionKind.CHOICE.value, QuestionKind.NUMBER.value, QuestionKind.TEXT.value),
           "questions-1-indicator": field(Indicator.OTHER.value),
           "questions-1-options": field("Red\nBlue", "", "\n\n\n", "x\n" * 500),
           "questions-1-ORDER": field("2", "1", "0")},
    )
    assert_accepts(client, coordinator, url, valid_data(**fields))

    @FAST
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, coordinator, url, data, EVALUATION_MODELS)

    run()


def survey_fields(instrument, school):
    return {
        "instrument": field(str(instrument.pk), "0", "x"), "title": field("Spring survey", "x" * 201),
        "school_year": field("2025-26", "2025–26", "2025-27", "٢٠٢٥-٢٦", "99999-100000"),
        "opens_on": field("2026-03-01", *DATES), "closes_on": field("2026-03-31", "2026-02-01", *DATES),
        "is_baseline": field("", "on"), "baseline": field("", "0", "abc"),
        "schools": field(str(school.pk), "0", "-1", ""),
    }


def test_survey_create(client, coordinator, instrument, school):
    url = reverse("evaluations:survey_create")
    fields = survey_fields(instrument, school)
    assert_accepts(client, coordinator, url, valid_data(**fields))

    @FAST
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, coordinator, url, data, EVALUATION_MODELS)

    run()


def test_survey_edit(client, coordinator, survey, school):
    url = reverse("evaluations:survey_edit", args=[survey.pk])
    fields = survey_fields(survey.instrument, school)
    del fields["instrument"]
    assert_accepts(client, coordinator, url, valid_data(**fields))

    @FAST
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, coordinator, url, data, EVALUATION_MODELS)

    run()


def test_codes_generate(client, coordinator, survey, school):
    url = reverse("evaluations:codes_generate", args=[survey.pk])
    fields = {"school": field(str(school.pk), "0", "abc"), "count": field("3", "0", "-1", "501", "99999999999999")}
    assert_accepts(client, coordinator, url, valid_data(**fields))

    @FAST
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, coordinator, url, data, EVALUATION_MODELS)

    run()


@pytest.fixture
def every_kind_of_question(instrument):
    """Beside the fixture's agreement, frequency and text questions: yes/no, choice, number."""
    QuestionFactory(instrument=instrument, position=4, kind=QuestionKind.YES_NO, required=True)
    QuestionFactory(instrument=instrument, position=5, kind=QuestionKind.CHOICE, options="Bus\nWalk\nCar")
    QuestionFactory(instrument=instrument, position=6, kind=QuestionKind.NUMBER)
    return list(instrument.questions.order_by("position"))


def test_public_answer(client, survey, code, every_kind_of_question):
    """Anyone with a single-use code: every answer hostile or missing, never a 500; a response
    is either written whole (one answer per question answered, the code used) or not at all."""
    url = reverse("evaluations:answer", args=[code.code])
    valid = {QuestionKind.AGREEMENT: "4", QuestionKind.FREQUENCY: "1", QuestionKind.TEXT: "Fine, thanks",
             QuestionKind.YES_NO: "1", QuestionKind.CHOICE: "2", QuestionKind.NUMBER: "3"}
    alternatives = ("0", "6", "-1", "", "99999999999999999999", "1.0", "x" * 1001)
    fields = {f"q{q.pk}": field(valid[q.kind], *alternatives) for q in every_kind_of_question}
    fields["grade_band"] = field("", "7-9", "13", "kindergarten")
    assert_accepts(client, None, url, valid_data(**fields))

    @FAST
    @given(form_data(**fields))
    def run(data):
        post_and_check(client, None, url, data, EVALUATION_MODELS)

    run()


def test_public_answer_is_whole_or_nothing(client, survey, code, every_kind_of_question):
    url = reverse("evaluations:answer", args=[code.code])
    fields = {f"q{q.pk}": field("1", "2", "", "x") for q in every_kind_of_question}

    @FAST
    @given(form_data(**fields))
    def run(data):
        with rolled_back():
            response = client.post(url, data)
            assert response.status_code in {200, 302}
            code.refresh_from_db()
            responses = SurveyResponse.objects.filter(survey=survey)
            if response.status_code == 302:
                assert code.used_on is not None and responses.count() == 1
                assert Answer.objects.filter(response__in=responses).count() >= 1
            else:
                assert code.used_on is None and not responses.exists() and not Answer.objects.exists()

    run()


def test_public_code_in_the_address_and_the_start_form(client, survey, code):
    """The code typed on the start page (GET) or put in the address: never a 500."""

    @FAST
    @given(nasty_text.filter(lambda text: "/" not in text and "\\" not in text))
    def run(text):
        with rolled_back():
            status = client.get(reverse("evaluations:answer_start"), {"code": text}).status_code
            assert status == 400 if "\x00" in text else status in {200, 302}
            if text.strip(". ") and "\x00" not in text and "?" not in text and "#" not in text:
                assert client.get(reverse("evaluations:answer", args=[text])).status_code in {200, 404}
                assert client.post(reverse("evaluations:answer", args=[text]), {}).status_code in {200, 404}

    run()


def test_closed_survey_code_writes_nothing(client, school):
    closed = SurveyFactory(schools=[school], opens_on="2000-01-01", closes_on="2000-12-31")
    QuestionFactory(instrument=closed.instrument, kind=QuestionKind.AGREEMENT)
    (closed_code,) = make_codes(closed, school)
    response = client.post(reverse("evaluations:answer", args=[closed_code.code]), {})
    assert response.status_code == 200
    assert not SurveyResponse.objects.exists()
