"""Daily: de-identify the people involved in closed incidents past the retention period."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from incidents.services import people_deidentify


class Command(BaseCommand):
    help = (
        "Remove the names and dates of birth of the people involved in closed incidents that occurred more "
        "than INCIDENTS_RETENTION_YEARS years ago (their age at the incident, role and grade are kept for "
        "statistics). Safe to run twice: people already de-identified are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count who is due without changing anything.")

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        years = settings.INCIDENTS_RETENTION_YEARS
        try:
            cutoff_day = today.replace(year=today.year - years)
        except ValueError:  # 29 February
            cutoff_day = today.replace(year=today.year - years, day=28)
        cutoff = timezone.make_aware(datetime.datetime.combine(cutoff_day, datetime.time()))
        count = people_deidentify(occurred_before=cutoff, dry_run=dry_run)
        verb = "due for de-identification" if dry_run else "de-identified"
        self.stdout.write(f"{count} person(s) {verb} (incidents closed and older than {cutoff_day}).")
