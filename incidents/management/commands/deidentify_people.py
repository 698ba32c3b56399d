"""Daily: de-identify the people involved in incidents closed longer ago than the retention period."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from incidents.retention import deidentify_due_people, retention_cutoff


class Command(BaseCommand):
    help = (
        "Remove the names, dates of birth and exact ages of the people involved in incidents closed more than "
        "INCIDENTS_RETENTION_YEARS years ago (their age band at the incident, role and grade are kept for "
        "statistics), and put the texts of those incidents that name them on the coordinators' redaction "
        "review list. Safe to run twice: people already de-identified are skipped. Each run is recorded in "
        "the audit log (counts only)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count who is due without changing anything.")

    def handle(self, *args, dry_run=False, **options):
        cutoff = retention_cutoff(timezone.localdate(), settings.INCIDENTS_RETENTION_YEARS)
        result = deidentify_due_people(cutoff=cutoff, dry_run=dry_run)
        verb = "due for de-identification" if dry_run else "de-identified"
        flagged = "to flag" if dry_run else "flagged"
        self.stdout.write(
            f"{result.people} person(s) in {result.incidents} incident(s) {verb} (incidents closed before "
            f"{cutoff.date()}); {result.texts_flagged} text(s) naming them {flagged} for review."
        )
