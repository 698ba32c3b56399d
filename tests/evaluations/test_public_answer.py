"""The public answer page: no sign-in, one use per code, nothing that identifies anyone."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from evaluations.models import Answer, ResponseCode, SurveyResponse

from .factories import SurveyFactory, make_codes

pytestmark = pytest.mark.django_db


def answer_url(code):
    return reverse("evaluations:answer", args=[code.code if hasattr(code, "code") else code])


def post_answers(client, code, questions, **extra):
    data = {f"q{questions[0].pk}": "5", f"q{questions[1].pk}": "1", f"q{questions[2].pk}": "Nothing"}
    data.update(extra)
    return client.post(answer_url(code), data)


def normalized(response):
    """The page without the per-request CSRF token and without the address asked for (which
    the language switcher echoes back)."""
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return text.replace(response.wsgi_request.get_full_path(), "PATH")


def test_a_valid_code_shows_the_questions_without_sign_in(client, code, questions):
    response = client.get(answer_url(code))
    assert response.status_code == 200
    assert questions[0].text in response.text


def test_the_answer_page_does_not_name_the_school(client, code, school):
    assert school.name not in client.get(answer_url(code)).text


def test_submitting_saves_one_response_for_the_code_school(client, code, questions, school):
    response = post_answers(client, code, questions, grade_band="9-10")
    assert response.status_code == 302
    assert response.url == reverse("evaluations:answer_thanks")
    saved = SurveyResponse.objects.get()
    assert (saved.school, saved.grade_band, saved.survey) == (school, "9-10", code.survey)
    assert Answer.objects.filter(response=saved).count() == 3


def test_submitting_marks_the_code_used_on_that_day_only(client, code, questions):
    post_answers(client, code, questions)
    code.refresh_from_db()
    assert isinstance(code.used_on, datetime.date) and not isinstance(code.used_on, datetime.datetime)


def test_a_response_keeps_no_link_to_its_code_nor_anything_about_the_person():
    fields = {f.name for f in SurveyResponse._meta.get_fields()}
    assert fields == {"id", "survey", "school", "grade_band", "answers"}


def test_a_code_works_only_once(client, code, questions):
    post_answers(client, code, questions)
    response = post_answers(client, code, questions)
    assert response.status_code == 200
    assert "can’t be used" in response.text
    assert SurveyResponse.objects.count() == 1


def test_an_incomplete_form_keeps_its_answers(client, code, questions):
    response = client.post(answer_url(code), {f"q{questions[2].pk}": "Kept text", f"q{questions[1].pk}": "3"})
    assert response.status_code == 200
    assert "Kept text" in response.text
    assert re.search(rf'name="q{questions[1].pk}" value="3"[^>]*checked', response.text)
    assert not SurveyResponse.objects.exists()
    code.refresh_from_db()
    assert code.used_on is None


def test_unknown_used_closed_and_unopened_codes_get_the_very_same_page(client, survey, school, questions):
    used = make_codes(survey, school, used_on=datetime.date(2025, 10, 1))[0]
    closed_survey = SurveyFactory(instrument=survey.instrument, closes_on=datetime.date(2001, 1, 1), schools=[school])
    closed = make_codes(closed_survey, school)[0]
    future_survey = SurveyFactory(instrument=survey.instrument, opens_on=datetime.date(2098, 1, 1), schools=[school])
    future = make_codes(future_survey, school)[0]
    pages = [client.get(answer_url(c)) for c in ("ZZZZ9999", used, closed, future)]
    assert {p.status_code for p in pages} == {200}
    assert len({normalized(p) for p in pages}) == 1
    assert school.name not in pages[0].text


def test_posting_to_an_unknown_or_used_code_gets_the_same_page_as_get(client, survey, school, questions):
    used = make_codes(survey, school, used_on=datetime.date(2025, 10, 1))[0]
    pages = [client.post(answer_url(c), {}) for c in ("ZZZZ9999", used)] + [client.get(answer_url("ZZZZ9999"))]
    assert len({normalized(p) for p in pages}) == 1


def test_the_entry_form_sends_a_typed_code_to_its_page(client, code):
    typed = f"{code.code[:4].lower()}-{code.code[4:]}"
    response = client.get(reverse("evaluations:answer_start"), {"code": typed})
    assert response.status_code == 302
    assert response.url == answer_url(code)


def test_the_entry_page_shows_a_code_field(client):
    response = client.get(reverse("evaluations:answer_start"))
    assert response.status_code == 200
    assert 'name="code"' in response.text


def test_answering_requires_a_csrf_token(code, questions):
    client = Client(enforce_csrf_checks=True)
    response = post_answers(client, code, questions)
    assert response.status_code == 403
    assert not SurveyResponse.objects.exists()


def test_the_thanks_page_is_public(client):
    assert client.get(reverse("evaluations:answer_thanks")).status_code == 200


def test_a_choice_answer_keeps_the_option_text(client, survey, school, instrument):
    from evaluations.models import QuestionKind

    from .factories import QuestionFactory

    question = QuestionFactory(instrument=instrument, position=9, kind=QuestionKind.CHOICE, options="Red\nBlue")
    code = make_codes(survey, school)[0]
    first = instrument.questions.get(position=1)
    client.post(answer_url(code), {f"q{first.pk}": "4", f"q{question.pk}": "2"})
    assert Answer.objects.get(question=question).text == "Blue"
    assert ResponseCode.objects.get(pk=code.pk).used_on is not None
