from django.core.management.base import BaseCommand

from evaluations.tallies import rebuild_tallies


class Command(BaseCommand):
    help = ("Compute every survey's per-school tallies again from its responses. Triggers keep them current on "
            "PostgreSQL; run this after a bulk load with the triggers disabled. Safe at any time; nothing on SQLite.")

    def handle(self, *args, **options):
        rebuild_tallies()
        self.stdout.write("Survey tallies rebuilt.")
