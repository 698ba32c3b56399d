"""The CSV export engine (common.csvexport): the database's COPY writes the same file as the Python
engine, every export ends with its row count, and memory stays flat however many rows stream."""

import datetime
import tracemalloc

import pytest
from django.db import connection
from django.utils import timezone

from activities.models import Activity, Category, Topic
from activities.views import EXPORT_HEADER, _export_columns, _export_row
from common.bulkload import bulk_load
from common.csvexport import csv_response, end_line
from incidents.models import Disposition, Incident, RespondingUnit, SchoolDiscipline, Status
from incidents.views.lists import INCIDENT_EXPORT_HEADER, incident_columns, incident_row
from tests.csvfiles import csv_rows
from tests.incidents.factories import IncidentFactory

from .activities.factories import log

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")


def both_engines(queryset, header, row, columns):
    by_copy = csv_rows(csv_response(filename="x", header=header, rows=queryset, row=row, columns=columns))
    by_python = csv_rows(csv_response(filename="x", header=header, rows=queryset, row=row))
    return by_copy, by_python


@postgresql_only
def test_copy_writes_the_activity_export_the_python_engine_writes(sro, school):
    log(sro, school, date=datetime.date(2026, 10, 5), category=Category.PRESENTATION, topic=Topic.ILLEGAL_DRUGS,
        minutes=60, students=25, staff=1, note='=SUM(A1), "quoted", comma\nnew line')
    log(sro, school, date=datetime.date(2026, 10, 6), category=Category.ADMINISTRATION, note="-12.5")
    log(sro, school, date=datetime.date(2026, 10, 7), note="@home\tand +1")
    by_copy, by_python = both_engines(Activity.objects.order_by("pk"), EXPORT_HEADER, _export_row, _export_columns())
    assert by_copy == by_python
    assert [row[13] for row in by_copy[1:]] == ["'=SUM(A1), \"quoted\", comma\nnew line", "-12.5", "'@home\tand +1"]


@postgresql_only
def test_copy_writes_the_incident_export_the_python_engine_writes(school):
    called = timezone.make_aware(datetime.datetime(2026, 10, 5, 10, 0))
    IncidentFactory(school=school, status=Status.CLOSED, disposition=Disposition.POLICE_CAUTION,
                    parent_contacted=True, school_discipline=SchoolDiscipline.DETENTION,
                    responding_unit=RespondingUnit.SRO, call_number="=C26-1", called_at=called,
                    on_scene_at=called + datetime.timedelta(minutes=7, seconds=30))
    IncidentFactory(school=school, status=Status.SUBMITTED)
    queryset = Incident.objects.select_related("school__division").order_by("pk")
    by_copy, by_python = both_engines(queryset, INCIDENT_EXPORT_HEADER, incident_row, incident_columns())
    assert by_copy == by_python
    assert by_copy[1][11] == "8" and by_copy[1][9] == "'=C26-1"  # 7.5 minutes rounds half to even, as Python


def test_the_last_line_states_the_row_count(sro, school):
    for day in range(3):
        log(sro, school, date=datetime.date(2026, 10, 5 + day))
    response = csv_response(filename="x", header=EXPORT_HEADER, rows=Activity.objects.all(), row=_export_row,
                            columns=_export_columns())
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.rstrip("\r\n").rsplit("\n", 1)[1] == end_line(3) == "End of export: 3 rows"


def test_an_empty_export_has_its_header_and_says_zero_rows():
    response = csv_response(filename="x", header=["A"], rows=Activity.objects.none(), row=_export_row,
                            columns=_export_columns())
    assert b"".join(response.streaming_content).decode("utf-8-sig").splitlines() == ["A", "End of export: 0 rows"]


def _load_activities(officer_id, school_id, count):
    created = timezone.now()
    rows = ((officer_id, school_id, datetime.date(2026, 9, 1) + datetime.timedelta(days=i % 60), 30,
             Category.INFORMAL_CONTACT, "", i % 30, 0, 0, 0, f"note {i}", created, created) for i in range(count))
    bulk_load(Activity, ["officer_id", "school_id", "date", "minutes", "category", "topic", "students", "staff",
                         "parents", "community", "note", "created_at", "updated_at"], rows)


def _peak_while_streaming(queryset) -> tuple[int, int]:
    """(rows, peak bytes allocated by Python) while the export streams to nowhere."""
    tracemalloc.start()
    response = csv_response(filename="x", header=EXPORT_HEADER, rows=queryset, row=_export_row,
                            columns=_export_columns())
    lines = 0
    for block in response.streaming_content:
        lines += block.count(b"\n")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return lines - 2, peak  # header and end line


@pytest.mark.slow
@postgresql_only
def test_memory_stays_flat_from_two_thousand_to_forty_thousand_rows(sro, school):
    _load_activities(sro.officer.pk, school.pk, 2_000)
    small_rows, small_peak = _peak_while_streaming(Activity.objects.order_by("pk"))
    _load_activities(sro.officer.pk, school.pk, 38_000)
    large_rows, large_peak = _peak_while_streaming(Activity.objects.order_by("pk"))
    assert (small_rows, large_rows) == (2_000, 40_000)
    # Twenty times the rows (about 3 MB of CSV), not twenty times the memory: the queue holds ~1 MB at most.
    assert large_peak < 2 * small_peak + 1_500_000
