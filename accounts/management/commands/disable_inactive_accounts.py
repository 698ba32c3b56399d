import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_record


class Command(BaseCommand):
    help = (
        "Disable accounts not used for ACCOUNT_INACTIVE_DAYS (default 90): no sign-in since then, "
        "or never signed in and created before then. Run daily; running twice changes nothing "
        "more. An administrator re-enables an account in the administration site."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the accounts, disable none.")

    def handle(self, *args, dry_run=False, **options):
        cutoff = timezone.now() - datetime.timedelta(days=settings.ACCOUNT_INACTIVE_DAYS)
        unused = User.objects.filter(
            Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff), is_active=True
        ).order_by("username")
        disabled = 0
        for user in unused:
            if dry_run:
                self.stdout.write(f"would disable {user.username}")
                continue
            # Claim with a conditional update: a concurrent run disables each account once.
            if User.objects.filter(pk=user.pk, is_active=True).update(is_active=False):
                disabled += 1
                audit_record(user=user, event=AuditEvent.Event.ACCOUNT_DISABLED, outcome=AuditEvent.Outcome.SUCCESS,
                             obj=user, detail={"inactive_days": settings.ACCOUNT_INACTIVE_DAYS})
        self.stdout.write(f"Disabled {disabled} accounts unused for {settings.ACCOUNT_INACTIVE_DAYS} days.")
