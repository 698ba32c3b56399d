from django.core.management.base import BaseCommand

from activities.summary import rebuild_summary


class Command(BaseCommand):
    help = ("Rebuild the activity summary (entries, minutes and audiences per division, month and category) from "
            "every entry. A trigger keeps it current on PostgreSQL; run this after a school moves to another division. "
            "Safe to run at any time; does nothing on SQLite.")

    def handle(self, *args, **options):
        rebuild_summary()
        self.stdout.write("Activity summary rebuilt.")
