import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from dashboards.report import default_years
from evaluations.models import AttendanceRecord
from tests.factories import SchoolFactory


def attendance(school, year, absent):
    AttendanceRecord.objects.create(school=school, month=datetime.date(year, 10, 1), enrolled_days=1000,
                                    absent_days=absent)


def csv_lines(response):
    return b"".join(response.streaming_content).decode("utf-8-sig").strip().splitlines()


def test_the_report_prints_a_title_page_sections_and_an_appendix(client, six_schools, coordinator, division):
    attendance(six_schools["served"][0], 2023, 100)
    attendance(six_schools["served"][0], 2025, 50)
    client.force_login(coordinator)
    page = client.get(reverse("report:division", args=[division.pk]), {"year": 2025, "baseline": 2023}).text
    assert "report-title-page" in page and division.name in page
    assert "2025–26" in page and "2023–24" in page
    assert page.count('class="report-section"') == 8  # seven outcomes and the appendix
    assert "How each figure is computed" in page and "css/report.css" in page


def test_the_default_years_are_those_every_source_covers():
    found = {"surveys": (2024, 2025), "attendance": (2024, 2025), "incidents": (2023, 2026)}
    assert default_years(found) == (2025, 2024)


def test_a_baseline_after_the_year_falls_back_to_the_defaults(client, six_schools, coordinator, division):
    attendance(six_schools["served"][0], 2024, 100)
    attendance(six_schools["served"][0], 2025, 50)
    client.force_login(coordinator)
    response = client.get(reverse("report:division", args=[division.pk]), {"year": 2024, "baseline": 2025})
    assert response.status_code == 200
    assert response.context["report"].baseline == 2024 and response.context["report"].year == 2025
    assert "cannot come after" in response.text


def test_a_table_downloads_with_its_figures(client, six_schools, coordinator, division):
    for s in six_schools["served"] + six_schools["not_served"]:
        attendance(s, 2023, 100)
        attendance(s, 2025, 50 if s in six_schools["served"] else 80)
    client.force_login(coordinator)
    url = reverse("report:division_table", args=[division.pk, "truancy-comparison"])
    lines = csv_lines(client.get(url, {"year": 2025, "baseline": 2023}))
    assert lines[1].split(",") == ["Less truancy", "Attendance rate", "2023–24", "2025–26", "5.0", "2.0", "3.0", ""]
    lines = csv_lines(client.get(reverse("report:division_table", args=[division.pk, "truancy"]),
                                 {"year": 2025, "baseline": 2023}))
    assert lines[1].startswith("Less truancy,Attendance rate,All schools,%,2023–24,90.0,6,2024–25,,0,2025–26,93.5,6,")


def test_an_unknown_table_is_not_found(client, coordinator, division):
    client.force_login(coordinator)
    assert client.get(reverse("report:division_table", args=[division.pk, "nothing"])).status_code == 404


def test_the_program_report_covers_every_division(client, program_admin, school, outside_school):
    client.force_login(program_admin)
    response = client.get(reverse("report:program"))
    assert response.context["report"].school_count == 2


def _more_data(division, schools):
    for index in range(schools):
        new = SchoolFactory(division=division, enrolment=500)
        attendance(new, 2023, 10 + index)
        attendance(new, 2025, 5 + index)


def test_the_report_runs_a_fixed_number_of_queries(client, six_schools, coordinator, division,
                                                   django_assert_max_num_queries, django_assert_num_queries):
    client.force_login(coordinator)
    url = reverse("report:division", args=[division.pk]) + "?year=2025&baseline=2023"
    _more_data(division, 1)
    client.get(url)
    cache.clear()  # reports are cached: measure them computed
    with django_assert_max_num_queries(80) as small:
        assert client.get(url).status_code == 200
    _more_data(division, 6)
    cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("role", ["coordinator", "evaluator"])
def test_a_division_reader_sees_only_their_division_in_the_list(client, request, role, division, other_division,
                                                                 school, outside_school):
    client.force_login(request.getfixturevalue(role))
    page = client.get(reverse("report:index")).text
    assert division.name in page and other_division.name not in page


def test_the_program_report_is_computed_once_for_a_few_minutes(client, program_admin, school, outside_school,
                                                               django_assert_max_num_queries):
    client.force_login(program_admin)
    url = reverse("report:program") + "?year=2025&baseline=2023"
    with django_assert_max_num_queries(80) as computed:
        first = client.get(url)
    with django_assert_max_num_queries(len(computed.captured_queries) - 10):
        again = client.get(url)
    assert again.context["report"].school_count == first.context["report"].school_count == 2
    cache.clear()  # as when its time is up: computed again, with the new school
    SchoolFactory()
    assert client.get(url).context["report"].school_count == 3


def test_a_division_report_is_kept_for_its_reader_only(client, six_schools, coordinator, evaluator, division,
                                                       django_assert_max_num_queries):
    attendance(six_schools["served"][0], 2023, 100)
    attendance(six_schools["served"][0], 2025, 50)
    url = reverse("report:division", args=[division.pk]) + "?year=2025&baseline=2023"
    client.force_login(coordinator)
    with django_assert_max_num_queries(80) as computed:
        client.get(url)
    with django_assert_max_num_queries(len(computed.captured_queries) - 10):
        client.get(url)
    # Another reader of the same division gets their own report, computed for them.
    client.force_login(evaluator)
    with django_assert_max_num_queries(80) as for_evaluator:
        assert client.get(url).status_code == 200
    assert len(for_evaluator.captured_queries) > len(computed.captured_queries) - 10
