"""Generate a data set of a given size for measuring the portal (issue 14): `manage.py seed_scale
--size demo|city|province|national [--seed N]`. Rows go in by COPY on PostgreSQL (bulk_create on
SQLite); the same seed gives the same data. Each app's ``scale.py`` generates its own part, floor by
floor. Run on an empty, migrated database; running it twice changes nothing."""

import importlib
import os
import time

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from common.history import record_missing_creations
from common.scale import BENCH_USERS, SIZES, ScaleContext
from schools.scale import already_seeded

# Floor by floor: each part finds in the context what the parts below it generated.
PARTS = ["schools", "accounts", "officers", "costs", "activities", "incidents", "evaluations", "audit"]


class Command(BaseCommand):
    help = ("Generate a data set the size of a Winnipeg-like city, a province or a country for benchmarks "
            "(bulk inserts; repeatable with --seed). Refuses to run with DEBUG off unless --force.")

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=sorted(SIZES), default="demo", help="How much data (default: demo).")
        parser.add_argument("--seed", type=int, default=14, help="Random seed: the same seed gives the same data.")
        parser.add_argument("--force", action="store_true", help="Run even though DEBUG is off (not for production).")

    def handle(self, *args, size, seed, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError("DEBUG is off: this looks like production. Use --force to generate data anyway.")
        if already_seeded():
            self.stdout.write("Generated data is already here: nothing to do (use a fresh database for another size).")
            return
        password = os.environ.get("DEMO_PASSWORD") or settings.DEMO_PASSWORD_DEFAULT
        ctx = ScaleContext(size_name=size, size=SIZES[size], seed=seed, today=timezone.localdate(),
                           password_hash=make_password(password), stdout=self.stdout)
        started = time.monotonic()
        self.stdout.write(f"Generating the {size} data set (seed {seed}) on {connection.vendor}:")
        with transaction.atomic():
            for part in PARTS:
                importlib.import_module(f"{part}.scale").seed(ctx)
            # Officers' assignments and training records get their "created" history entry.
            record_missing_creations(reason="Generated data (seed_scale)")
        if connection.vendor == "postgresql":
            self.stdout.write("  analyzing tables…")
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.0f} s. Sign in as "
                                             f"{', '.join(BENCH_USERS.values())} with the demo password."))
