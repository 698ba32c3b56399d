from django.conf import settings
from django.core.management.base import BaseCommand

from audit.models import AuditEvent
from audit.services import audit_record


class Command(BaseCommand):
    help = (
        "Delete audit events older than AUDIT_RETENTION_DAYS (at least 365). Never touches a "
        "younger row (on PostgreSQL a trigger refuses it anyway). Safe to run daily and twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted, delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.AUDIT_RETENTION_DAYS
        expired = AuditEvent.objects.older_than(days)
        if dry_run:
            self.stdout.write(f"{expired.count()} audit events are older than {days} days (dry run: none deleted).")
            return
        deleted, _ = expired.delete()
        if deleted:
            audit_record(event=AuditEvent.Event.AUDIT_PURGED, outcome=AuditEvent.Outcome.SUCCESS,
                         detail={"deleted": deleted, "retention_days": days})
        self.stdout.write(f"Deleted {deleted} audit events older than {days} days.")
