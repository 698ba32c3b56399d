import pytest
from django.urls import reverse

from evaluations.models import Audience, Instrument, Question

from .factories import InstrumentFactory, SurveyFactory

pytestmark = pytest.mark.django_db

STANDARD = "Student perceptions of safety and police"


def test_the_standard_instrument_ships_with_four_audiences():
    standard = Instrument.objects.filter(is_standard=True, name=STANDARD)
    assert set(standard.values_list("audience", flat=True)) == {"students", "parents", "staff", "community"}


def test_the_student_instrument_asks_the_programs_questions():
    texts = set(Question.objects.filter(instrument__name=STANDARD, instrument__audience="students")
                .values_list("text", flat=True))
    assert {"I feel safe at this school.", "I feel safe going to and from school.",
            "I would go to our SRO for advice or help."} <= texts


def test_a_coordinator_sees_standard_and_own_instruments_only(coordinator, instrument):
    foreign = InstrumentFactory(name="Someone else's")
    visible = Instrument.objects.visible_to(coordinator)
    assert instrument in visible and foreign not in visible
    assert visible.filter(is_standard=True).count() == 4


def test_copying_a_standard_instrument_gives_an_editable_copy(client, coordinator):
    standard = Instrument.objects.get(name=STANDARD, audience=Audience.STUDENTS)
    client.force_login(coordinator)
    response = client.post(reverse("evaluations:instrument_copy", args=[standard.pk]))
    copy = Instrument.objects.get(owner=coordinator)
    assert response.url == reverse("evaluations:instrument_edit", args=[copy.pk])
    assert copy.questions.count() == standard.questions.count()


def test_copying_needs_a_post(client, coordinator, instrument):
    client.force_login(coordinator)
    assert client.get(reverse("evaluations:instrument_copy", args=[instrument.pk])).status_code == 405


def test_a_coordinator_cannot_edit_a_standard_instrument(client, coordinator):
    standard = Instrument.objects.filter(is_standard=True).first()
    client.force_login(coordinator)
    assert client.get(reverse("evaluations:instrument_edit", args=[standard.pk])).status_code == 403


def test_an_instrument_in_use_is_frozen(client, coordinator, survey, instrument):
    client.force_login(coordinator)
    assert client.get(reverse("evaluations:instrument_edit", args=[instrument.pk])).status_code == 403


def test_another_coordinators_instrument_is_404(client, outsider, instrument):
    client.force_login(outsider)
    assert client.get(reverse("evaluations:instrument_detail", args=[instrument.pk])).status_code == 404


def test_creating_an_instrument_leads_to_its_questions(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("evaluations:instrument_create"),
                           {"name": "Grade 8 check-in", "audience": "students", "description": ""})
    instrument = Instrument.objects.get(name="Grade 8 check-in")
    assert instrument.owner == coordinator
    assert response.url == reverse("evaluations:instrument_edit", args=[instrument.pk])


def formset_data(instrument, rows, extra=0):
    data = {"name": instrument.name, "audience": instrument.audience, "description": "",
            "questions-TOTAL_FORMS": str(len(rows) + extra), "questions-INITIAL_FORMS": str(sum(1 for r in rows if r.get("id"))),
            "questions-MIN_NUM_FORMS": "0", "questions-MAX_NUM_FORMS": "1000"}
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"questions-{index}-{key}"] = value
    return data


def test_questions_are_saved_and_reordered(client, coordinator, instrument, questions):
    client.force_login(coordinator)
    rows = [{"id": q.pk, "text": q.text, "kind": q.kind, "indicator": q.indicator, "ORDER": str(3 - i)}
            for i, q in enumerate(questions)]
    rows.append({"text": "Do you know the SRO?", "kind": "yes_no", "indicator": "sro_contact", "ORDER": "4"})
    response = client.post(reverse("evaluations:instrument_edit", args=[instrument.pk]),
                           formset_data(instrument, rows))
    assert response.status_code == 302
    assert list(instrument.questions.values_list("text", flat=True)) == [
        "Anything else?", "How often have you seen bullying?", "I feel safe at this school.", "Do you know the SRO?"]


def test_a_choice_question_without_options_is_refused_beside_the_field(client, coordinator, instrument, questions):
    client.force_login(coordinator)
    rows = [{"id": q.pk, "text": q.text, "kind": q.kind, "indicator": q.indicator, "ORDER": str(i + 1)}
            for i, q in enumerate(questions)]
    rows.append({"text": "Favourite colour?", "kind": "choice", "indicator": "other", "ORDER": "4"})
    response = client.post(reverse("evaluations:instrument_edit", args=[instrument.pk]),
                           formset_data(instrument, rows))
    assert response.status_code == 200
    assert "at least two options" in response.text
    assert 'value="Favourite colour?"' in response.text


def test_deleting_a_question(client, coordinator, instrument, questions):
    client.force_login(coordinator)
    rows = [{"id": q.pk, "text": q.text, "kind": q.kind, "indicator": q.indicator, "ORDER": str(i + 1)}
            for i, q in enumerate(questions)]
    rows[0]["DELETE"] = "on"
    client.post(reverse("evaluations:instrument_edit", args=[instrument.pk]), formset_data(instrument, rows))
    assert list(instrument.questions.values_list("position", flat=True)) == [1, 2]


def test_instrument_list_runs_the_same_queries_whatever_the_number(client, coordinator, django_assert_num_queries):
    client.force_login(coordinator)
    url = reverse("evaluations:instrument_list")
    client.get(url)
    with django_assert_num_queries(5) as small:
        client.get(url)
    for _ in range(4):
        InstrumentFactory(owner=coordinator)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)


def test_a_survey_uses_the_instruments_audience(coordinator, instrument, school):
    survey = SurveyFactory(instrument=instrument, schools=[school])
    assert survey.audience == instrument.audience
