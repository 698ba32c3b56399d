"""The outcome-data CSV import: whatever the file holds, never a 500, and all its rows or none."""

import csv
import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from evaluations.imports import ATTENDANCE_COLUMNS, CALL_COLUMNS
from evaluations.models import AttendanceRecord, CallForService, OutcomeImport

from .helpers import FAST, assert_all_valid, rolled_back, snapshot
from .strategies import MISSING, field, form_data, nasty_text, valid_data

pytestmark = pytest.mark.django_db

OUTCOME_MODELS = [AttendanceRecord, CallForService, OutcomeImport]
URL = "evaluations:outcome_upload"


def attendance_fields(school, index):
    return {
        "division_code": field(school.division.code, "", "XX"), "school": field(school.name, "", "Nowhere High"),
        "school_id": field("", str(school.pk), "0", "²", "9" * 30),
        "month": field(f"2025-{index + 1:02d}", "2025-13", "0001-01", "9999-12", "2025-01-01", "2025-09"),
        "enrolled_days": field("4000", "0", "-1", "9" * 12, "1e3", "²"),
        "absent_days": field("200", "0", "5000", "-3", "9" * 12, "٣"),
    }


def call_fields(school, index):
    return {
        "call_number": field(f"WPS-{index}", "", "x" * 41, "WPS-0", f"WPS\x00{index}"),
        "division_code": field(school.division.code, "XX"), "school": field(school.name, "Nowhere High"),
        "school_id": field("", str(school.pk), "0", "²"),
        "received_at": field("2025-10-03 14:05", "", "9999-12-31 23:59", "0001-01-01 00:00",
                          "2025-10-03T14:05:00+14:00", "2025-02-30 10:00", "0001-01-01T00:00-12:00"),
        "dispatched_at": field("", "2025-10-03 14:07", "2025-10-03 13:00", "9999-12-31 23:59"),
        "on_scene_at": field("", "2025-10-03 14:15", "0001-01-01 00:00"),
        "priority": field("2", "0", "10", "-1", "9" * 30, "²"), "unit_type": field("SRO", "patrol", "PATROL", "swat", ""),
    }


def to_csv(columns, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return out.getvalue().encode("utf-8")


@st.composite
def csv_files(draw, school, kind):
    """A CSV file of `kind`: valid rows with a few cells hostile, columns sometimes dropped or
    renamed, or something that is not a CSV file at all."""
    columns = list(ATTENDANCE_COLUMNS if kind == "attendance" else CALL_COLUMNS)
    make_fields = attendance_fields if kind == "attendance" else call_fields
    shape = draw(st.sampled_from(["rows", "rows", "rows", "columns", "bytes", "text"]))
    if shape == "bytes":
        return draw(st.binary(max_size=300))
    if shape == "text":
        return draw(nasty_text).encode("utf-8")
    if shape == "columns":
        dropped = draw(st.lists(st.sampled_from(columns), max_size=3, unique=True))
        columns = [c for c in columns if c not in dropped] + draw(st.lists(nasty_text, max_size=2))
    rows = [draw(form_data(**make_fields(school, index))) for index in range(draw(st.integers(min_value=0, max_value=4)))]
    return to_csv(columns, rows)


def upload_and_check(client, user, kind, content, filename="data.csv"):
    with rolled_back():
        client.force_login(user)
        before = snapshot(OUTCOME_MODELS)
        upload = SimpleUploadedFile(filename, content, content_type="text/csv")
        response = client.post(reverse(URL), {"kind": kind, "file": upload})
        assert response.status_code in {200, 302}
        if response.status_code != 302:
            assert snapshot(OUTCOME_MODELS) == before, "a refused file wrote rows"
            return response
        # Accepted: every data row written (the tables started empty), each one valid.
        (record,) = OutcomeImport.objects.all()
        data_rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))[1:]
        model = AttendanceRecord if kind == "attendance" else CallForService
        assert record.created == model.objects.count() == len([r for r in data_rows if r])
        assert_all_valid(OUTCOME_MODELS)
        for obj in model.objects.all():  # readable back
            str(obj)
        return response


@pytest.mark.parametrize("kind", ["attendance", "calls"])
def test_outcome_upload(client, coordinator, school, kind):
    make_fields = attendance_fields if kind == "attendance" else call_fields
    valid = to_csv(ATTENDANCE_COLUMNS if kind == "attendance" else CALL_COLUMNS,
                   [valid_data(**make_fields(school, index)) for index in range(2)])
    assert upload_and_check(client, coordinator, kind, valid).status_code == 302

    @FAST
    @given(csv_files(school, kind))
    def run(content):
        upload_and_check(client, coordinator, kind, content)

    run()


@pytest.mark.parametrize("kind", ["attendance", "calls"])
def test_outcome_upload_form_fields(client, coordinator, kind):
    """The form itself: a hostile kind, a missing file, a hostile file name."""

    @FAST
    @given(st.one_of(st.just(kind), nasty_text), st.one_of(st.just(MISSING), nasty_text))
    def run(posted_kind, filename):
        with rolled_back():
            client.force_login(coordinator)
            before = snapshot(OUTCOME_MODELS)
            data = {"kind": posted_kind}
            if filename is not MISSING:
                # A browser sends the file's own name: never a path, "." or "..".
                name = os.path.basename(filename)
                data["file"] = SimpleUploadedFile(name if name not in {"", ".", ".."} else "x.csv", b"call_number\n",
                                                  content_type="text/csv")
            response = client.post(reverse(URL), data)
            assert response.status_code == 200
            assert snapshot(OUTCOME_MODELS) == before

    run()


ATTENDANCE_HEADER = ",".join(ATTENDANCE_COLUMNS)
CALLS_HEADER = ",".join(CALL_COLUMNS)


@pytest.mark.parametrize("kind, content", [
    # Found by the search above (PROPERTY_EXAMPLES=300): each was a 500.
    ("attendance", f"{ATTENDANCE_HEADER}\n,,²,2025-01,4000,0\n"),  # "²".isdigit(), but int("²") fails
    ("calls", f"{CALLS_HEADER}\nWPS-0,,,²,2025-10-03 14:05,,,2,SRO\n"),
    ("attendance", f"{ATTENDANCE_HEADER}\nWSD,Kelvin High School,,2025-01,999999999999,200\n"),  # > integer column
    ("calls", f"{CALLS_HEADER}\nWPS-0,WSD,Kelvin High School,,9999-12-31 23:59,,,2,SRO\n"),  # year 10000 in UTC
    ("calls", f"{CALLS_HEADER}\nWPS-0,WSD,Kelvin High School,,0001-01-01T00:00-12:00,,,2,SRO\n"),
    ("calls", f"{CALLS_HEADER}\nWPS\x000,WSD,Kelvin High School,,2025-10-03 14:05,,,2,SRO\n"),  # NUL
])
def test_outcome_upload_found_cases(client, coordinator, school, kind, content):
    response = upload_and_check(client, coordinator, kind, content.encode())
    assert response.status_code == 200  # refused, with the reason on the page
