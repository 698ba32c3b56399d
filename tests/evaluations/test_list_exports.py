"""The CSVs of the survey instruments and of the survey results list, and the streamed results CSV."""


from django.urls import reverse

from tests.csvfiles import csv_rows

from .factories import InstrumentFactory, SurveyFactory, make_responses


def rows_of(response):
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    return csv_rows(response)  # checks and leaves out the end line


def test_the_instrument_export_is_the_filtered_list_in_scope(client, coordinator, outsider, instrument):
    InstrumentFactory(owner=outsider, name="Safety survey of another division")
    InstrumentFactory(owner=coordinator, name="Parents' views", audience="parents")
    client.force_login(coordinator)
    rows = rows_of(client.get(reverse("evaluations:instrument_export"), {"q": "safety survey"}))
    assert rows[1:] == [["Safety survey", "Students", str(coordinator), "3", "0"]]
    page = client.get(reverse("evaluations:instrument_list"), {"q": "safety survey"})
    assert [i.name for i in page.context["page"]] == ["Safety survey"]
    everything = rows_of(client.get(reverse("evaluations:instrument_export")))
    assert [row[0] for row in everything[1:]] == [i.name for i in client.get(
        reverse("evaluations:instrument_list")).context["page"]]
    assert reverse("evaluations:instrument_export") in page.text


def test_the_results_list_export_is_the_list_without_response_counts(client, evaluator, survey, outside_school):
    SurveyFactory(title="Elsewhere", schools=[outside_school])
    make_responses(survey, survey.schools.first(), 3, {})
    client.force_login(evaluator)
    rows = rows_of(client.get(reverse("evaluations:results_list_export")))
    assert rows == [["Survey", "School year", "Audience", "Baseline", "Compared with", "Schools"],
                    ["Student safety 2025", "2025–26", "Students", "", "", "2"]]


def test_the_results_export_streams_the_page_figures(client, coordinator, survey, school, other_school, questions):
    make_responses(survey, school, 12, {questions[0]: 5})
    make_responses(survey, other_school, 4, {questions[0]: 5})
    client.force_login(coordinator)
    rows = rows_of(client.get(reverse("evaluations:survey_results_export", args=[survey.pk])))
    by_item = {(row[0], row[1], row[2]): row for row in rows[1:]}
    assert by_item[("Scope", "All schools shown", "I feel safe at this school.")][4:6] == ["12", "100.0"]
    assert by_item[("School", other_school.name, "Perceived safety")][4:6] == ["fewer than 10 responses"] * 2
