import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from audit.models import AuditEvent

from .factories import AuditEventFactory


def aged(days):
    return AuditEventFactory(occurred_at=timezone.now() - datetime.timedelta(days=days))


def test_it_deletes_only_events_older_than_the_retention(settings, db):
    settings.AUDIT_RETENTION_DAYS = 400
    old, kept = aged(401), aged(399)
    call_command("purge_audit", stdout=StringIO())
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=kept.pk).exists()


def test_it_records_the_purge_and_running_twice_deletes_nothing_more(settings, db):
    settings.AUDIT_RETENTION_DAYS = 400
    aged(500)
    call_command("purge_audit", stdout=StringIO())
    out = StringIO()
    call_command("purge_audit", stdout=out)
    assert "Deleted 0" in out.getvalue()
    assert AuditEvent.objects.get(event=AuditEvent.Event.AUDIT_PURGED).detail["deleted"] == 1


def test_a_dry_run_deletes_nothing(settings, db):
    aged(1000)
    call_command("purge_audit", "--dry-run", stdout=StringIO())
    assert AuditEvent.objects.count() == 1


pg_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")


@pg_only
def test_the_database_refuses_to_change_an_audit_event(db):
    event = aged(1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(outcome="failure")


@pg_only
def test_the_database_refuses_to_delete_an_event_younger_than_a_year(db):
    event = aged(364)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()


@pg_only
def test_the_database_allows_deleting_an_event_older_than_a_year(db):
    event = aged(366)
    AuditEvent.objects.filter(pk=event.pk).delete()
    assert not AuditEvent.objects.exists()
