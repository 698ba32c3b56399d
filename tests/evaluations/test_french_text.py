"""Text kept in the database in English and French (issue 16, defect 8): survey instruments,
questions, choices and titles (django-modeltranslation)."""

import pytest
from django.urls import reverse
from django.utils import translation

from evaluations import services
from evaluations.models import Answer, Indicator, Instrument, Question, QuestionKind

from .factories import InstrumentFactory, QuestionFactory, SurveyFactory, make_codes

pytestmark = pytest.mark.django_db

STANDARD = "Student perceptions of safety and police"


def in_french(client):
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})


@pytest.fixture
def bilingual(coordinator, school):
    """A survey whose questions, choices and title have their French."""
    instrument = InstrumentFactory(owner=coordinator, name="Safety", name_fr="Sécurité")
    QuestionFactory(instrument=instrument, position=1, text="I feel safe at this school.",
                    text_fr="Je me sens en sécurité à cette école.", kind=QuestionKind.AGREEMENT, required=True)
    QuestionFactory(instrument=instrument, position=2, text="Which presentation helped most?",
                    text_fr="Quelle présentation vous a le plus aidé?", kind=QuestionKind.CHOICE,
                    indicator=Indicator.SRO_CONTACT, options="Cyberbullying\nGang awareness",
                    options_fr="Cyberintimidation\nSensibilisation aux gangs")
    QuestionFactory(instrument=instrument, position=3, text="Anything else?", kind=QuestionKind.TEXT)
    survey = SurveyFactory(instrument=instrument, title="Student safety", title_fr="Sécurité des élèves",
                           schools=[school])
    return survey, make_codes(survey, school)[0]


def test_a_student_in_french_reads_french_questions_and_choices(client, bilingual):
    survey, code = bilingual
    in_french(client)
    page = client.get(reverse("evaluations:answer", args=[code.code])).text
    for french in ["Sécurité des élèves", "Je me sens en sécurité à cette école.",
                   "Quelle présentation vous a le plus aidé?", "Cyberintimidation", "Sensibilisation aux gangs",
                   "Tout à fait d’accord"]:
        assert french in page, french
    for english in ["Student safety", "I feel safe at this school.", "Which presentation", "Gang awareness"]:
        assert english not in page, english


def test_a_question_without_french_shows_its_english_text(client, bilingual):
    survey, code = bilingual
    in_french(client)
    assert "Anything else?" in client.get(reverse("evaluations:answer", args=[code.code])).text


def test_a_student_in_english_still_reads_english(client, bilingual):
    survey, code = bilingual
    page = client.get(reverse("evaluations:answer", args=[code.code])).text
    assert "I feel safe at this school." in page and "Gang awareness" in page
    assert "Je me sens" not in page


def test_a_french_answer_to_a_choice_records_the_english_option(client, bilingual):
    survey, code = bilingual
    questions = list(survey.instrument.questions.all())
    in_french(client)
    client.post(reverse("evaluations:answer", args=[code.code]),
                {f"q{questions[0].pk}": "4", f"q{questions[1].pk}": "2"})
    assert Answer.objects.get(question=questions[1]).text == "Gang awareness"


def test_the_standard_instruments_ship_in_french():
    instruments = Instrument.objects.filter(is_standard=True, name_en=STANDARD)
    assert instruments.count() == 4
    assert set(instruments.values_list("name_fr", flat=True)) == {"Perceptions des élèves sur la sécurité et la police"}
    questions = Question.objects.filter(instrument__in=instruments)
    assert questions.count() == 39 and not questions.filter(text_fr__isnull=True).exists()
    choice = questions.get(kind=QuestionKind.CHOICE)
    assert len(choice.options_fr.splitlines()) == len(choice.options_en.splitlines()) == 7


def test_the_standard_student_question_reads_in_french():
    question = Question.objects.get(instrument__is_standard=True, instrument__audience="students", position=1)
    with translation.override("fr"):
        assert question.text == "Je me sens en sécurité à cette école."
    with translation.override("en"):
        assert question.text == "I feel safe at this school."


def test_filters_and_ordering_read_the_current_language(coordinator):
    InstrumentFactory(owner=coordinator, name="Zebra", name_fr="Abeille")
    InstrumentFactory(owner=coordinator, name="Apple", name_fr="Zèbre")
    with translation.override("fr"):  # a page's queryset is built in the page's language
        mine = Instrument.objects.filter(owner=coordinator)
        assert [i.name for i in mine] == ["Abeille", "Zèbre"]
        assert mine.get(name="Zèbre").name_en == "Apple"
    with translation.override("en"):
        mine = Instrument.objects.filter(owner=coordinator)
        assert [i.name for i in mine] == ["Apple", "Zebra"]


def test_the_instrument_form_in_french_keeps_name_as_the_english_text(client, coordinator):
    client.force_login(coordinator)
    in_french(client)
    response = client.post(reverse("evaluations:instrument_create"), {
        "name": "Grade 8 check-in", "name_fr": "Bilan de 8e année", "audience": "students", "description": ""})
    assert response.status_code == 302
    instrument = Instrument.objects.get(owner=coordinator)
    assert (instrument.name_en, instrument.name_fr) == ("Grade 8 check-in", "Bilan de 8e année")


def question_rows(instrument, *rows):
    data = {"questions-TOTAL_FORMS": str(len(rows)), "questions-INITIAL_FORMS": "0",
            "questions-MIN_NUM_FORMS": "0", "questions-MAX_NUM_FORMS": "1000",
            "name": instrument.name_en, "audience": instrument.audience, "description": ""}
    for index, row in enumerate(rows):
        data.update({f"questions-{index}-{key}": value for key, value in row.items()})
    return data


def test_french_options_must_match_the_english_ones_line_for_line(client, coordinator):
    instrument = InstrumentFactory(owner=coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("evaluations:instrument_edit", args=[instrument.pk]), question_rows(instrument, {
        "text": "Colour?", "kind": "choice", "indicator": "other", "options": "Red\nBlue\nGreen",
        "options_fr": "Rouge\nBleu", "ORDER": "1"}))
    assert response.status_code == 200
    assert "one per line: 3 lines" in response.text
    assert not instrument.questions.exists()


def test_a_question_is_saved_in_both_languages(client, coordinator):
    instrument = InstrumentFactory(owner=coordinator)
    client.force_login(coordinator)
    in_french(client)
    client.post(reverse("evaluations:instrument_edit", args=[instrument.pk]), question_rows(instrument, {
        "text": "Colour?", "text_fr": "Couleur?", "kind": "choice", "indicator": "other",
        "options": "Red\nBlue", "options_fr": "Rouge\nBleu", "ORDER": "1"}))
    question = instrument.questions.get()
    assert (question.text_en, question.text_fr, question.options_en, question.options_fr) == (
        "Colour?", "Couleur?", "Red\nBlue", "Rouge\nBleu")


def test_a_copy_keeps_both_languages(coordinator):
    instrument = InstrumentFactory(owner=coordinator, name="Safety", name_fr="Sécurité")
    QuestionFactory(instrument=instrument, text="Safe?", text_fr="En sécurité?")
    copy = services.instrument_copy(instrument=instrument, user=coordinator)
    assert (copy.name_en, copy.name_fr) == ("Safety (copy)", "Sécurité (copie)")
    assert list(copy.questions.values_list("text_en", "text_fr")) == [("Safe?", "En sécurité?")]


def test_the_instrument_search_finds_either_languages_name(client, coordinator):
    InstrumentFactory(owner=coordinator, name="Grade 8 check-in", name_fr="Bilan de 8e année")
    InstrumentFactory(owner=coordinator, name="Parents' views")  # no French name yet
    client.force_login(coordinator)
    in_french(client)
    url = reverse("evaluations:instrument_list")
    assert "Bilan de 8e année" in client.get(url, {"q": "check-in"}).text
    assert "Parents&#x27; views" in client.get(url, {"q": "parents"}).text
    assert "Bilan de 8e année" not in client.get(url, {"q": "parents"}).text
