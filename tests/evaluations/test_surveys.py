import datetime

import pytest
from django.urls import reverse

from evaluations.models import CODE_ALPHABET, CODE_LENGTH, ResponseCode, Survey
from evaluations.services import codes_generate

from .factories import SurveyFactory, make_codes

pytestmark = pytest.mark.django_db


def survey_data(instrument, schools, **extra):
    data = {"instrument": instrument.pk, "title": "Student safety", "school_year": "2025-26",
            "opens_on": "2025-10-01", "closes_on": "2025-10-31", "schools": [s.pk for s in schools]}
    data.update(extra)
    return data


def test_a_coordinator_creates_a_survey_in_their_schools(client, coordinator, instrument, school):
    client.force_login(coordinator)
    response = client.post(reverse("evaluations:survey_create"), survey_data(instrument, [school]))
    survey = Survey.objects.get()
    assert response.url == reverse("evaluations:survey_detail", args=[survey.pk])
    assert (survey.school_year, survey.audience, list(survey.schools.all())) == ("2025–26", "students", [school])


def test_a_survey_cannot_include_a_school_outside_scope(client, coordinator, instrument, outside_school):
    client.force_login(coordinator)
    response = client.post(reverse("evaluations:survey_create"), survey_data(instrument, [outside_school]))
    assert response.status_code == 200
    assert not Survey.objects.exists()


def test_a_survey_closing_before_it_opens_is_refused_beside_the_field(client, coordinator, instrument, school):
    client.force_login(coordinator)
    response = client.post(reverse("evaluations:survey_create"),
                           survey_data(instrument, [school], closes_on="2025-09-01"))
    assert "closes on or after" in response.text
    assert 'value="Student safety"' in response.text


def test_a_baseline_must_come_from_an_earlier_year(client, coordinator, instrument, school):
    base = SurveyFactory(instrument=instrument, school_year="2026–27", is_baseline=True, schools=[school])
    client.force_login(coordinator)
    response = client.post(reverse("evaluations:survey_create"),
                           survey_data(instrument, [school], baseline=base.pk))
    assert "earlier school year" in response.text


def test_editing_keeps_schools_the_editor_cannot_see(client, coordinator, instrument, school, outside_school):
    survey = SurveyFactory(instrument=instrument, schools=[school, outside_school])
    client.force_login(coordinator)
    client.post(reverse("evaluations:survey_edit", args=[survey.pk]),
                {**survey_data(instrument, [school], title="Renamed"), "instrument": ""})
    survey.refresh_from_db()
    assert survey.title == "Renamed"
    assert set(survey.schools.all()) == {school, outside_school}


def test_codes_are_random_unambiguous_and_unique(survey, school, coordinator):
    batch = codes_generate(survey=survey, school=school, count=50, user=coordinator)
    codes = list(batch.codes.values_list("code", flat=True))
    assert len(set(codes)) == 50
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("IL01O") & set(CODE_ALPHABET)


def test_generating_codes_prints_a_sheet_with_qr_codes(client, coordinator, survey, school):
    client.force_login(coordinator)
    response = client.post(reverse("evaluations:codes_generate", args=[survey.pk]),
                           {"school": school.pk, "count": 3})
    batch = survey.code_batches.get()
    assert response.url == reverse("evaluations:code_sheet", args=[survey.pk, batch.pk])
    sheet = client.get(response.url)
    assert sheet.text.count("<svg") == 3
    code = ResponseCode.objects.filter(batch=batch).first().code
    assert f"{code[:4]}-{code[4:]}" in sheet.text
    assert "<script>" not in sheet.text and 'style="' not in sheet.text


def test_codes_only_for_a_school_of_the_survey_in_scope(client, coordinator, survey, outside_school):
    client.force_login(coordinator)
    response = client.post(reverse("evaluations:codes_generate", args=[survey.pk]),
                           {"school": outside_school.pk, "count": 3})
    assert response.status_code == 200
    assert not ResponseCode.objects.exists()


def test_too_many_codes_at_once_is_refused(client, coordinator, survey, school, settings):
    settings.SURVEY_CODE_BATCH_MAX = 20
    client.force_login(coordinator)
    client.post(reverse("evaluations:codes_generate", args=[survey.pk]), {"school": school.pk, "count": 21})
    assert not ResponseCode.objects.exists()


def test_the_survey_page_counts_codes_used_per_school(client, coordinator, survey, school):
    make_codes(survey, school, 2)
    make_codes(survey, school, 1, used_on=datetime.date(2025, 10, 1))
    client.force_login(coordinator)
    response = client.get(reverse("evaluations:survey_detail", args=[survey.pk]))
    assert response.context["rows"][0]["codes"] == 3 and response.context["rows"][0]["used"] == 1


def test_survey_list_runs_the_same_queries_whatever_the_number(
    client, coordinator, survey, instrument, school, django_assert_num_queries
):
    client.force_login(coordinator)
    url = reverse("evaluations:survey_list")
    client.get(url)
    with django_assert_num_queries(6) as small:
        client.get(url)
    for _ in range(4):
        SurveyFactory(instrument=instrument, schools=[school])
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)


def test_survey_export_is_the_filtered_list(client, coordinator, survey, instrument, school):
    SurveyFactory(instrument=instrument, title="Old one", school_year="2019–20", schools=[school])
    client.force_login(coordinator)
    response = client.get(reverse("evaluations:survey_export"), {"school_year": "2025-26"})
    body = b"".join(response.streaming_content).decode()
    assert survey.title in body and "Old one" not in body


def test_survey_list_hides_surveys_of_other_divisions(client, outsider, survey):
    client.force_login(outsider)
    assert survey.title not in client.get(reverse("evaluations:survey_list")).text
