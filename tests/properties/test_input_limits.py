"""The project-wide limit on typed dates (common.input_limits)."""

import datetime

import pytest
from django import forms
from django.utils import timezone

from common import input_limits


class Dates(forms.Form):
    day = forms.DateField(required=False)
    moment = forms.DateTimeField(required=False)


@pytest.mark.parametrize("day, moment, ok", [
    ("1900-01-01", "2199-12-31T23:59", True),
    ("2025-10-14", "", True),
    ("", "", True),
    ("1899-12-31", "", False),
    ("2200-01-01", "", False),
    ("", "9999-12-31T23:59", False),
    ("", "0001-01-01T00:00", False),
])
def test_every_date_field_refuses_implausible_dates(day, moment, ok):
    form = Dates({"day": day, "moment": moment})
    assert form.is_valid() is ok
    if not ok:
        assert any(e.code == "date_out_of_range" for errors in form.errors.as_data().values() for e in errors)


def test_installing_twice_wraps_once():
    validate = forms.DateField.validate
    input_limits.install()
    assert forms.DateField.validate is validate


def test_the_validator_reads_a_date_time_in_its_own_zone():
    late = timezone.make_aware(datetime.datetime(2199, 12, 31, 23, 59))
    input_limits.validate_plausible_date(late)
    with pytest.raises(forms.ValidationError):
        input_limits.validate_plausible_date(late + datetime.timedelta(minutes=1))


@pytest.mark.django_db
def test_the_audit_log_stores_text_with_nul_characters():
    """Found through an export's filter names (JSON with \\u0000, refused by PostgreSQL); the query
    middleware now refuses such an address first, and the audit log stays safe on its own."""
    from audit.models import AuditEvent
    from audit.services import audit_record

    event = audit_record(event=AuditEvent.Event.EXPORT, outcome=AuditEvent.Outcome.SUCCESS,
                         username="a\x00b", obj=("x\x00", "1\x00"), detail={"filters": "\x00,q", "\x00": "v"})
    event.refresh_from_db()
    assert event.username == "a\ufffdb"
    assert event.detail == {"filters": "\ufffd,q", "\ufffd": "v"}
