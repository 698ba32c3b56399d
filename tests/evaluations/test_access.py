"""Every evaluations page: an outsider gets 404 for what is not theirs, a wrong role 403."""

import pytest
from django.urls import reverse

from .factories import make_codes

pytestmark = pytest.mark.django_db

ADMIN_OBJECT_PAGES = [
    ("get", "evaluations:survey_detail"),
    ("get", "evaluations:survey_edit"),
    ("post", "evaluations:codes_generate"),
]
ADMIN_LIST_PAGES = [
    ("get", "evaluations:survey_list"), ("get", "evaluations:survey_export"), ("get", "evaluations:survey_create"),
    ("get", "evaluations:instrument_list"), ("get", "evaluations:instrument_create"),
]


def call(client, method, url):
    return getattr(client, method)(url)


@pytest.mark.parametrize(("method", "name"), ADMIN_OBJECT_PAGES)
def test_outsider_gets_404_on_survey_pages(client, outsider, survey, method, name):
    client.force_login(outsider)
    assert call(client, method, reverse(name, args=[survey.pk])).status_code == 404


def test_outsider_gets_404_on_a_code_sheet(client, outsider, survey, school, coordinator):
    make_codes(survey, school)
    client.force_login(outsider)
    batch = survey.code_batches.get()
    assert client.get(reverse("evaluations:code_sheet", args=[survey.pk, batch.pk])).status_code == 404


def test_a_code_sheet_of_another_survey_is_404(client, coordinator, survey, school, instrument):
    from .factories import SurveyFactory

    other = SurveyFactory(instrument=instrument, schools=[school])
    make_codes(other, school)
    client.force_login(coordinator)
    batch = other.code_batches.get()
    assert client.get(reverse("evaluations:code_sheet", args=[survey.pk, batch.pk])).status_code == 404


@pytest.mark.parametrize("name", ["evaluations:survey_results", "evaluations:survey_results_export"])
def test_outsider_gets_404_on_results(client, outsider, survey, name):
    client.force_login(outsider)
    assert client.get(reverse(name, args=[survey.pk])).status_code == 404


@pytest.mark.parametrize("name", ["evaluations:instrument_detail", "evaluations:instrument_edit"])
def test_outsider_gets_404_on_instruments(client, outsider, instrument, name):
    client.force_login(outsider)
    assert client.get(reverse(name, args=[instrument.pk])).status_code == 404


@pytest.mark.parametrize("user", ["sro", "principal", "evaluator"])
@pytest.mark.parametrize(("method", "name"), ADMIN_OBJECT_PAGES)
def test_wrong_role_gets_403_on_survey_pages(client, request, survey, user, method, name):
    client.force_login(request.getfixturevalue(user))
    assert call(client, method, reverse(name, args=[survey.pk])).status_code == 403


@pytest.mark.parametrize("user", ["sro", "principal", "evaluator"])
@pytest.mark.parametrize(("method", "name"), ADMIN_LIST_PAGES)
def test_wrong_role_gets_403_on_survey_administration(client, request, user, method, name):
    client.force_login(request.getfixturevalue(user))
    assert call(client, method, reverse(name)).status_code == 403


@pytest.mark.parametrize("user", ["sro", "principal", "evaluator"])
def test_wrong_role_gets_403_on_code_sheets_and_instruments(client, request, survey, school, instrument, user):
    make_codes(survey, school)
    client.force_login(request.getfixturevalue(user))
    batch = survey.code_batches.get()
    assert client.get(reverse("evaluations:code_sheet", args=[survey.pk, batch.pk])).status_code == 403
    assert client.get(reverse("evaluations:instrument_detail", args=[instrument.pk])).status_code == 403
    assert client.get(reverse("evaluations:instrument_edit", args=[instrument.pk])).status_code == 403
    assert client.post(reverse("evaluations:instrument_copy", args=[instrument.pk])).status_code == 403


@pytest.mark.parametrize("name", ["evaluations:results_list"])
def test_an_sro_gets_403_on_results(client, sro, name):
    client.force_login(sro)
    assert client.get(reverse(name)).status_code == 403


def test_an_sro_gets_403_on_a_survey_result(client, sro, survey):
    client.force_login(sro)
    assert client.get(reverse("evaluations:survey_results", args=[survey.pk])).status_code == 403
    assert client.get(reverse("evaluations:survey_results_export", args=[survey.pk])).status_code == 403


@pytest.mark.parametrize("user", ["sro", "principal"])
@pytest.mark.parametrize("name", ["evaluations:outcome_data", "evaluations:outcome_export"])
def test_wrong_role_gets_403_on_outcome_data(client, request, user, name):
    client.force_login(request.getfixturevalue(user))
    assert client.get(reverse(name)).status_code == 403


def test_outcome_upload_is_post_only(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("evaluations:outcome_upload")).status_code == 405


@pytest.mark.parametrize("name", ["evaluations:survey_list", "evaluations:results_list", "evaluations:outcome_data",
                                  "evaluations:instrument_list"])
def test_anonymous_is_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("user", ["coordinator", "evaluator", "principal", "program_admin"])
def test_results_pages_open_for_their_roles(client, request, survey, user):
    client.force_login(request.getfixturevalue(user))
    assert client.get(reverse("evaluations:results_list")).status_code == 200
    assert client.get(reverse("evaluations:survey_results", args=[survey.pk])).status_code == 200


def test_outsiders_outcome_page_shows_only_their_schools(client, outsider, school, outside_school):
    client.force_login(outsider)
    response = client.get(reverse("evaluations:outcome_data"))
    assert outside_school.name in response.text and school.name not in response.text


def test_navigation_offers_evaluation_pages_by_role(client, coordinator, evaluator):
    client.force_login(coordinator)
    text = client.get(reverse("home")).text
    assert reverse("evaluations:survey_list") in text and reverse("evaluations:outcome_data") in text
    client.force_login(evaluator)
    text = client.get(reverse("home")).text
    assert reverse("evaluations:survey_list") not in text and reverse("evaluations:results_list") in text
