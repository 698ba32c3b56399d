"""Outcome data imported from CSV files: school attendance per month, and police calls for service.

Each file is read whole and every row is validated first; the rows that fail are reported with
their line number and reasons. A file with any error writes nothing. A file without errors is
written in one transaction as an upsert on the natural key ((school, month) for attendance, the
call number for calls), so uploading the same file again adds nothing.

Attendance columns: division_code, school, school_id, month, enrolled_days, absent_days.
  A school is named by school_id, or by division_code and school (its name). month is YYYY-MM.
  enrolled_days and absent_days are student-days in that month (the sum over students of the
  school days each was enrolled / absent); the attendance rate is computed from them, so that
  months and schools add up correctly.
Calls columns: call_number, division_code, school, school_id, received_at, dispatched_at,
  on_scene_at, priority, unit_type. Times are ISO 8601 (2025-10-03 14:05), local time unless
  they carry an offset; dispatched_at and on_scene_at may be empty. priority is 1 to 9 (1 most
  urgent); unit_type is SRO or patrol.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from common.input_limits import validate_plausible_date
from schools.models import School

from .models import SURVEY_ADMIN_ROLES, AttendanceRecord, CallForService, OutcomeImport, UnitType

ATTENDANCE_COLUMNS = ["division_code", "school", "school_id", "month", "enrolled_days", "absent_days"]
CALL_COLUMNS = ["call_number", "division_code", "school", "school_id", "received_at", "dispatched_at",
                "on_scene_at", "priority", "unit_type"]


@dataclass
class ImportResult:
    errors: list[tuple[int, list[str]]] = field(default_factory=list)  # (line number, reasons)
    created: int = 0
    updated: int = 0
    record: OutcomeImport | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


class _Schools:
    """The schools the uploader may import data for, looked up without a query per row."""

    def __init__(self, user):
        schools = School.objects.visible_to(user, roles=SURVEY_ADMIN_ROLES).select_related("division")
        self.by_id = {s.pk: s for s in schools}
        self.by_name = {(s.division.code.casefold(), s.name.casefold()): s for s in self.by_id.values()}

    def find(self, row, reasons) -> School | None:
        raw_id = (row.get("school_id") or "").strip()
        if raw_id:
            # isdigit() is also true of "²" and other digits int() refuses: ASCII digits only.
            school = self.by_id.get(int(raw_id)) if raw_id.isascii() and raw_id.isdigit() else None
        else:
            code, name = (row.get("division_code") or "").strip(), (row.get("school") or "").strip()
            if not code or not name:
                reasons.append(_("Give school_id, or division_code and school."))
                return None
            school = self.by_name.get((code.casefold(), name.casefold()))
        if school is None:
            # One message whether the school does not exist or is outside the uploader's scope.
            reasons.append(_("Unknown school, or not a school you may import data for."))
        return school


def _read(upload, columns) -> tuple[list[tuple[int, dict]], list[tuple[int, list[str]]]]:
    """The rows of an uploaded CSV file with their line numbers, or a file-level error (line 0/1)."""
    if upload.size > settings.OUTCOME_IMPORT_MAX_BYTES:
        return [], [(0, [_("The file is too large.")])]
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [(0, [_("The file is not a UTF-8 CSV file.")])]
    if "\x00" in text:  # no text file holds NUL characters (nor can the database store them)
        return [], [(0, [_("The file is not a UTF-8 CSV file.")])]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = [c for c in columns if c not in header and c not in ("school_id", "division_code", "school")]
    if not header or missing:
        return [], [(1, [_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing or columns)}])]
    reader.fieldnames = header
    rows = []
    for row in reader:
        rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}))
    if not rows:
        return [], [(2, [_("The file has no data rows.")])]
    return rows, []


INT_MAX = 2**31 - 1  # the largest number the database's integer columns hold


def _int(row, name, reasons, *, low=0, high=INT_MAX):
    raw = row.get(name, "")
    try:
        value = int(raw)
    except ValueError:
        reasons.append(_("%(column)s must be a whole number, not “%(value)s”.") % {"column": name, "value": raw})
        return None
    if value < low or value > high:
        reasons.append(_("%(column)s is out of range.") % {"column": name})
        return None
    return value


def _month(raw, reasons):
    for fmt in ("%Y-%m", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(raw, fmt).date().replace(day=1)
        except ValueError:
            continue
    reasons.append(_("month must look like 2025-09, not “%(value)s”.") % {"value": raw})
    return None


def _moment(row, name, reasons, *, required):
    raw = row.get(name, "")
    if not raw:
        if required:
            reasons.append(_("%(column)s is required.") % {"column": name})
        return None
    try:
        value = parse_datetime(raw)
    except ValueError:
        value = None
    if value is None:
        reasons.append(_("%(column)s must be a date and time such as 2025-10-03 14:05.") % {"column": name})
        return None
    try:
        validate_plausible_date(value)
    except ValidationError as error:
        reasons.extend(f"{name}: {message}" for message in error.messages)
        return None
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def _finish(result: ImportResult, *, kind, upload, user) -> ImportResult:
    result.record = OutcomeImport.objects.create(
        kind=kind, filename=(upload.name or "")[:255], created=result.created, updated=result.updated,
        uploaded_by=user,
    )
    return result


@transaction.atomic
def import_attendance(*, upload, user) -> ImportResult:
    rows, errors = _read(upload, ATTENDANCE_COLUMNS)
    result = ImportResult(errors=errors)
    if errors:
        return result
    schools = _Schools(user)
    parsed, seen = {}, {}
    for line, row in rows:
        reasons = []
        school = schools.find(row, reasons)
        month = _month(row.get("month", ""), reasons)
        enrolled = _int(row, "enrolled_days", reasons)
        absent = _int(row, "absent_days", reasons)
        if enrolled is not None and absent is not None and absent > enrolled:
            reasons.append(_("absent_days cannot exceed enrolled_days."))
        if school and month:
            key = (school.pk, month)
            if key in seen:
                reasons.append(_("Same school and month as line %(line)s.") % {"line": seen[key]})
            seen.setdefault(key, line)
        if reasons:
            result.errors.append((line, reasons))
        else:
            parsed[key] = (enrolled, absent)
    if result.errors:
        return result
    existing = {
        (r.school_id, r.month): r
        for r in AttendanceRecord.objects.filter(school_id__in={k[0] for k in parsed}, month__in={k[1] for k in parsed})
    }
    now = timezone.now()
    to_create, to_update = [], []
    for (school_id, month), (enrolled, absent) in parsed.items():
        record = existing.get((school_id, month))
        if record is None:
            to_create.append(AttendanceRecord(school_id=school_id, month=month, enrolled_days=enrolled,
                                              absent_days=absent, updated_at=now))
        elif (record.enrolled_days, record.absent_days) != (enrolled, absent):
            record.enrolled_days, record.absent_days, record.updated_at = enrolled, absent, now
            to_update.append(record)
    AttendanceRecord.objects.bulk_create(to_create, batch_size=500)
    AttendanceRecord.objects.bulk_update(to_update, ["enrolled_days", "absent_days", "updated_at"], batch_size=500)
    result.created, result.updated = len(to_create), len(to_update)
    return _finish(result, kind=OutcomeImport.Kind.ATTENDANCE, upload=upload, user=user)


UNIT_TYPES = {"sro": UnitType.SRO, "patrol": UnitType.PATROL}
CALL_FIELDS = ["school_id", "received_at", "dispatched_at", "on_scene_at", "priority", "unit_type"]


@transaction.atomic
def import_calls(*, upload, user) -> ImportResult:
    rows, errors = _read(upload, CALL_COLUMNS)
    result = ImportResult(errors=errors)
    if errors:
        return result
    schools = _Schools(user)
    parsed, seen = {}, {}
    for line, row in rows:
        reasons = []
        number = row.get("call_number", "")
        if not number or len(number) > 40:
            reasons.append(_("call_number is required (at most 40 characters)."))
        elif number in seen:
            reasons.append(_("Same call number as line %(line)s.") % {"line": seen[number]})
        seen.setdefault(number, line)
        school = schools.find(row, reasons)
        received = _moment(row, "received_at", reasons, required=True)
        dispatched = _moment(row, "dispatched_at", reasons, required=False)
        on_scene = _moment(row, "on_scene_at", reasons, required=False)
        for name, moment in (("dispatched_at", dispatched), ("on_scene_at", on_scene)):
            if received and moment and moment < received:
                reasons.append(_("%(column)s is before received_at.") % {"column": name})
        priority = _int(row, "priority", reasons, low=1, high=9)
        unit_type = UNIT_TYPES.get(row.get("unit_type", "").casefold())
        if unit_type is None:
            reasons.append(_("unit_type must be SRO or patrol."))
        if reasons:
            result.errors.append((line, reasons))
        else:
            parsed[number] = (line, {"school_id": school.pk, "received_at": received, "dispatched_at": dispatched,
                                     "on_scene_at": on_scene, "priority": priority, "unit_type": unit_type})
    existing = {c.call_number: c for c in CallForService.objects.filter(call_number__in=list(parsed))}
    for number, (line, _values) in parsed.items():
        call = existing.get(number)
        if call is not None and call.school_id not in schools.by_id:
            # Recorded for a school the uploader cannot see: refuse without saying more.
            result.errors.append((line, [_("This call number is already recorded and cannot be changed by you.")]))
    if result.errors:
        result.errors.sort()
        return result
    now = timezone.now()
    to_create, to_update = [], []
    for number, (_line, values) in parsed.items():
        call = existing.get(number)
        if call is None:
            to_create.append(CallForService(call_number=number, updated_at=now, **values))
        elif any(getattr(call, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(call, name, value)
            call.updated_at = now
            to_update.append(call)
    CallForService.objects.bulk_create(to_create, batch_size=500)
    CallForService.objects.bulk_update(to_update, [*CALL_FIELDS, "updated_at"], batch_size=500)
    result.created, result.updated = len(to_create), len(to_update)
    return _finish(result, kind=OutcomeImport.Kind.CALLS, upload=upload, user=user)
