"""Outcome data imports: row-by-row validation, all or nothing, and no duplicates on re-upload."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from evaluations.imports import import_attendance, import_calls
from evaluations.models import AttendanceRecord, CallForService, OutcomeImport

pytestmark = pytest.mark.django_db

ATTENDANCE_HEADER = "division_code,school,school_id,month,enrolled_days,absent_days\n"
CALLS_HEADER = "call_number,division_code,school,school_id,received_at,dispatched_at,on_scene_at,priority,unit_type\n"


def upload(text, name="data.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def attendance_csv(school, other_school):
    return (ATTENDANCE_HEADER
            + f"WSD,{school.name},,2025-09,8000,400\n"
            + f",,{other_school.pk},2025-10,6000,600\n")


@pytest.fixture
def calls_csv(school):
    return (CALLS_HEADER
            + f"C-1,WSD,{school.name},,2025-10-03 14:05,2025-10-03 14:07,2025-10-03 14:15,2,SRO\n"
            + f"C-2,,,{school.pk},2025-10-04 09:00,,2025-10-04 09:40,3,patrol\n")


def test_attendance_file_is_imported(coordinator, attendance_csv, school):
    result = import_attendance(upload=upload(attendance_csv), user=coordinator)
    assert result.ok and (result.created, result.updated) == (2, 0)
    record = AttendanceRecord.objects.get(school=school)
    assert (record.month.isoformat(), record.enrolled_days, record.absent_days) == ("2025-09-01", 8000, 400)
    assert record.attendance_rate == 95.0


def test_uploading_the_same_attendance_file_twice_adds_nothing(coordinator, attendance_csv):
    import_attendance(upload=upload(attendance_csv), user=coordinator)
    result = import_attendance(upload=upload(attendance_csv), user=coordinator)
    assert (result.created, result.updated) == (0, 0)
    assert AttendanceRecord.objects.count() == 2


def test_a_corrected_attendance_file_updates_the_month(coordinator, attendance_csv, school):
    import_attendance(upload=upload(attendance_csv), user=coordinator)
    result = import_attendance(upload=upload(attendance_csv.replace("8000,400", "8000,500")), user=coordinator)
    assert (result.created, result.updated) == (0, 1)
    assert AttendanceRecord.objects.get(school=school).absent_days == 500


def test_bad_attendance_rows_are_reported_with_their_line_and_reason(coordinator, school):
    text = (ATTENDANCE_HEADER + f"WSD,{school.name},,2025-09,100,10\n" + f"WSD,{school.name},,Sept,100,x\n"
            + f"WSD,{school.name},,2025-10,100,200\n")
    result = import_attendance(upload=upload(text), user=coordinator)
    lines = dict(result.errors)
    assert set(lines) == {3, 4}
    assert any("month" in reason for reason in lines[3]) and any("absent_days" in reason for reason in lines[3])
    assert any("exceed" in reason for reason in lines[4])


def test_a_file_with_one_bad_row_writes_nothing(coordinator, attendance_csv):
    result = import_attendance(upload=upload(attendance_csv + "WSD,Nowhere,,2025-11,1,0\n"), user=coordinator)
    assert not result.ok
    assert not AttendanceRecord.objects.exists()
    assert not OutcomeImport.objects.exists()


def test_a_school_outside_the_uploaders_scope_is_a_rejected_row(coordinator, outside_school):
    text = ATTENDANCE_HEADER + f",,{outside_school.pk},2025-09,100,1\n"
    result = import_attendance(upload=upload(text), user=coordinator)
    assert result.errors == [(2, ["Unknown school, or not a school you may import data for."])]


def test_the_same_school_and_month_twice_in_a_file_is_rejected(coordinator, school):
    row = f",,{school.pk},2025-09,100,1\n"
    result = import_attendance(upload=upload(ATTENDANCE_HEADER + row + row), user=coordinator)
    assert [line for line, _ in result.errors] == [3]


def test_a_file_without_the_columns_is_refused(coordinator):
    result = import_attendance(upload=upload("name,value\nx,1\n"), user=coordinator)
    assert result.errors and result.errors[0][0] == 1


def test_calls_file_is_imported_with_local_times(coordinator, calls_csv):
    result = import_calls(upload=upload(calls_csv), user=coordinator)
    assert result.ok and result.created == 2
    call = CallForService.objects.get(call_number="C-1")
    assert (call.unit_type, call.priority) == ("sro", 2)
    assert (call.on_scene_at - call.received_at).total_seconds() == 600
    assert call.received_at.isoformat() == "2025-10-03T19:05:00+00:00"  # Winnipeg is UTC-5 in October


def test_uploading_the_same_calls_file_twice_adds_nothing(coordinator, calls_csv):
    import_calls(upload=upload(calls_csv), user=coordinator)
    result = import_calls(upload=upload(calls_csv), user=coordinator)
    assert (result.created, result.updated) == (0, 0)
    assert CallForService.objects.count() == 2


def test_bad_call_rows_are_reported_and_nothing_is_written(coordinator, calls_csv, school):
    text = calls_csv + f"C-3,,,{school.pk},2025-10-04 09:00,2025-10-04 08:00,,12,bike\n"
    result = import_calls(upload=upload(text), user=coordinator)
    assert [line for line, _ in result.errors] == [4]
    assert len(result.errors[0][1]) == 3  # dispatched before received, priority, unit type
    assert not CallForService.objects.exists()


def test_a_call_recorded_for_a_school_outside_scope_cannot_be_overwritten(coordinator, outsider, outside_school, school):
    import_calls(upload=upload(CALLS_HEADER + f"C-9,,,{outside_school.pk},2025-10-04 09:00,,,1,SRO\n"), user=outsider)
    result = import_calls(upload=upload(CALLS_HEADER + f"C-9,,,{school.pk},2025-10-04 09:00,,,1,SRO\n"),
                          user=coordinator)
    assert not result.ok
    assert CallForService.objects.get().school == outside_school


def test_the_upload_page_reports_rejected_rows(client, coordinator, school):
    client.force_login(coordinator)
    text = ATTENDANCE_HEADER + f",,{school.pk},2025-09,ten,1\n"
    response = client.post(reverse("evaluations:outcome_upload"),
                           {"kind": "attendance", "file": upload(text)})
    assert response.status_code == 200
    assert "Nothing was imported" in response.text
    assert "enrolled_days must be a whole number" in response.text


def test_a_good_upload_redirects_to_the_outcome_page(client, coordinator, attendance_csv):
    client.force_login(coordinator)
    response = client.post(reverse("evaluations:outcome_upload"),
                           {"kind": "attendance", "file": upload(attendance_csv)})
    assert response.status_code == 302 and response.url == reverse("evaluations:outcome_data")
    assert OutcomeImport.objects.get().created == 2


def test_an_evaluator_may_not_upload(client, evaluator, attendance_csv):
    client.force_login(evaluator)
    response = client.post(reverse("evaluations:outcome_upload"),
                           {"kind": "attendance", "file": upload(attendance_csv)})
    assert response.status_code == 403


def test_the_outcome_page_summarises_attendance_and_response_times(client, coordinator, attendance_csv, calls_csv):
    import_attendance(upload=upload(attendance_csv), user=coordinator)
    import_calls(upload=upload(calls_csv), user=coordinator)
    client.force_login(coordinator)
    response = client.get(reverse("evaluations:outcome_data"), {"school_year": "2025-26"})
    assert "95.0 %" in response.text
    assert "10.0" in response.text and "40.0" in response.text


def test_the_outcome_page_runs_the_same_queries_whatever_the_data_size(
    client, coordinator, attendance_csv, calls_csv, django_assert_num_queries
):
    client.force_login(coordinator)
    url = reverse("evaluations:outcome_data")
    client.get(url)
    with django_assert_num_queries(9) as small:
        client.get(url)
    import_attendance(upload=upload(attendance_csv), user=coordinator)
    import_calls(upload=upload(calls_csv), user=coordinator)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)
