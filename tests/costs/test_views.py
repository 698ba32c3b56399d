import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from costs.models import PartnerShare
from tests.csvfiles import csv_text
from tests.factories import AssignmentFactory, SchoolFactory
from tests.officers.factories import officer_for

from .conftest import constable_rate


def csv_lines(response):
    return csv_text(response).strip().splitlines()  # checks and leaves out the end line


def test_the_division_page_shows_schools_officers_and_shares(client, worked_example, coordinator, division):
    PartnerShare.objects.create(division=division, fiscal_year=2025, province_percent=Decimal("50"),
                                division_percent=Decimal("25"), police_service_percent=Decimal("25"))
    client.force_login(coordinator)
    page = client.get(reverse("costs:division", args=[division.pk]), {"fiscal_year": 2025}).text
    assert "$50,136.99" in page and "$100.27" in page and "$25,068.49" in page
    assert worked_example["officer"].name in page
    assert "Outside" not in page  # the officer's other division is not this coordinator's


def test_an_evaluator_sees_the_division_totals_only(client, worked_example, evaluator, division):
    client.force_login(evaluator)
    page = client.get(reverse("costs:division", args=[division.pk]), {"fiscal_year": 2025}).text
    assert "$50,136.99" in page
    assert "Kelvin" not in page and worked_example["officer"].name not in page


def test_a_wrong_fiscal_year_falls_back_to_the_current_one(client, coordinator, division):
    client.force_login(coordinator)
    assert client.get(reverse("costs:overview"), {"fiscal_year": "1066"}).status_code == 200


def test_the_schools_csv_holds_the_worked_example(client, worked_example, coordinator, division):
    client.force_login(coordinator)
    lines = csv_lines(client.get(reverse("costs:division_schools_export", args=[division.pk]), {"fiscal_year": 2025}))
    assert lines[1].split(",") == ["Kelvin", division.name, "2025–26", "183.00", "50136.99", "500", "100.27"]


def test_the_divisions_csv_has_one_line_per_division_in_scope(client, worked_example, coordinator, division):
    client.force_login(coordinator)
    lines = csv_lines(client.get(reverse("costs:overview_export"), {"fiscal_year": 2025}))
    assert len(lines) == 2 and lines[1].startswith(f"{division.name},2025–26,1,500,50136.99,100.27,")


def _serve(division, schools, officers):
    for index in range(officers):
        officer = officer_for(division)
        for school in SchoolFactory.create_batch(schools, division=division):
            AssignmentFactory(officer=officer, school=school, start=datetime.date(2025, 4, 1 + index))


@pytest.mark.parametrize("url_name", ["costs:overview", "costs:division"])
def test_pages_run_a_fixed_number_of_queries(client, fiscal_april, coordinator, division, url_name,
                                              django_assert_max_num_queries, django_assert_num_queries):
    client.force_login(coordinator)
    args = [division.pk] if url_name == "costs:division" else []
    url = reverse(url_name, args=args) + "?fiscal_year=2025"
    constable_rate(division)
    _serve(division, schools=1, officers=1)
    client.get(url)  # warm the session and content types
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    _serve(division, schools=4, officers=3)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200
