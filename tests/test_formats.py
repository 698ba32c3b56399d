"""Dates and numbers (issue 16, defect 7): on pages, one format per language — year-first dates in
English and French, thousands grouped (11,504.6 / 11 504,6) — while identifiers, page numbers, form
inputs and CSV files are never grouped and date inputs read and show ISO dates in both languages."""

import datetime

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from incidents.models import Status
from tests.incidents.factories import IncidentFactory

NBSP = "\xa0"


@pytest.fixture(autouse=True)
def english_afterwards():
    """A request in French leaves French active in this thread: the next test starts in English."""
    with translation.override("en"):
        yield


def in_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language


@pytest.mark.parametrize(("language", "expected"), [("en", "11,504.6 · 1,754 · 2028-01-12 · 2028-01-12 14:05"),
                                                    ("fr", f"11{NBSP}504,6 · 1{NBSP}754 · 2028-01-12 · 2028-01-12 14:05")])
def test_each_language_has_one_format_for_numbers_and_dates(language, expected):
    template = Template('{{ hours }} · {{ count }} · {{ day|date:"SHORT_DATE_FORMAT" }} · {{ when|date:"DATETIME_FORMAT" }}')
    context = Context({"hours": 11504.6, "count": 1754, "day": datetime.date(2028, 1, 12),
                       "when": datetime.datetime(2028, 1, 12, 14, 5)})
    with translation.override(language):
        assert template.render(context) == expected


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_end_of_term_is_year_first(client, coordinator, sro, language):
    in_language(client, language)
    client.force_login(coordinator)
    text = client.get(reverse("officers:terms_ending")).text
    assert "2025-08-31" in text  # the shared SRO's term: became an SRO on 2020-09-01
    assert "08/31/2025" not in text and "31/08/2025" not in text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_incident_numbers_and_their_links_are_never_grouped(client, coordinator, school, language):
    IncidentFactory(pk=12345, school=school, status=Status.SUBMITTED)
    in_language(client, language)
    client.force_login(coordinator)
    text = client.get(reverse("incidents:incident_list")).text
    assert "#12345<" in text and 'href="/incidents/12345/"' in text
    assert "12,345" not in text and f"12{NBSP}345" not in text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_date_filter_keeps_an_iso_date_in_its_input(client, coordinator, language):
    in_language(client, language)
    client.force_login(coordinator)
    response = client.get(reverse("incidents:incident_list"), {"occurred_from": "2025-10-01"})
    assert response.context["filter"].form.is_valid()
    assert 'value="2025-10-01"' in response.text


def test_csv_files_keep_plain_numbers_and_iso_dates_in_french(client, coordinator, school):
    IncidentFactory(pk=12345, school=school, status=Status.SUBMITTED)
    in_language(client, "fr")
    client.force_login(coordinator)
    content = b"".join(client.get(reverse("incidents:incident_export")).streaming_content).decode("utf-8-sig")
    assert content.splitlines()[1].startswith(f"12345,{school.name},")
    assert "2025-10-14 10:30" in content


def test_page_numbers_in_links_are_never_grouped():
    page = type("Page", (), {"has_other_pages": True, "has_previous": True, "previous_page_number": 1233,
                             "has_next": True, "next_page_number": 1235, "number": 1234,
                             "paginator": type("P", (), {"num_pages": 2000})})()
    with translation.override("en"):
        html = Template('{% include "includes/pagination.html" %}').render(Context({"page": page, "query": ""}))
    assert "page=1233" in html and "page=1235" in html
    assert "Page 1,234 of 2,000" in html
