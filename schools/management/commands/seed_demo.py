"""Load the demo data set: deterministic, and safe to run twice.

Each app may contribute a ``demo.py`` module with a ``seed(ctx)`` function; they run in
INSTALLED_APPS order (schools first), so each floor finds what the floors below it made.
"""

import importlib
import os
import random
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext

from common.history import record_missing_creations

DEMO_SEED = 2002  # the year the Winnipeg program began


@dataclass
class DemoContext:
    password: str
    stdout: object
    rng: random.Random = field(default_factory=lambda: random.Random(DEMO_SEED))
    sign_ins: list = field(default_factory=list)

    def rng_for(self, name: str) -> random.Random:
        """An independent, reproducible generator per part of the data set, so that adding
        data in one app never changes what another app generates."""
        return random.Random(f"{DEMO_SEED}:{name}")


class Command(BaseCommand):
    help = (
        "Load the SRO Portal demo data (provinces, divisions, 107 Winnipeg-area schools, one "
        "user per role, and each feature's demo records). Deterministic; running it twice "
        "changes nothing. Refuses to run with DEBUG off unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even though DEBUG is off (not for production)."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like production. Use --force to load demo data anyway."
            )
        password = os.environ.get("DEMO_PASSWORD") or settings.DEMO_PASSWORD_DEFAULT
        ctx = DemoContext(password=password, stdout=self.stdout)
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                try:
                    module = importlib.import_module(module_name)
                except ModuleNotFoundError as exc:
                    if exc.name != module_name:
                        raise
                    continue
                module.seed(ctx)
                self.stdout.write(f"  {app_config.verbose_name}: done")
            # The demo's rows are written in bulk, without their change history: each gets its
            # "created" entry, so that the history pages show where a record's story starts.
            record_missing_creations(reason=gettext("Demo data loaded"))
        self.stdout.write(self.style.SUCCESS("Demo data ready. Sign in at /accounts/login/ with:"))
        for username, description in ctx.sign_ins:
            self.stdout.write(f"  {username:<14} {description}")
        self.stdout.write(f"  password: {'(from DEMO_PASSWORD)' if os.environ.get('DEMO_PASSWORD') else password}")
        self.stdout.write("  two-step code (coordinator, programadmin): add the key shown to an authenticator "
                          "app, or run `manage.py demo_two_step_code`")
