"""Daily: tell each threat-assessment team that a follow-up falls due. Safe to run twice."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from incidents import notifications
from incidents.models import ThreatAssessment
from incidents.services import assessment_claim_notice


class Command(BaseCommand):
    help = (
        "Email the team (the school's SROs, the reporting SRO and the school's administrators) of each open "
        "threat assessment whose follow-up date has come. Each follow-up date is announced once: the notice "
        "is claimed with a conditional update before it is sent, so running the command twice, or twice at "
        "once, sends nothing more. Changing the follow-up date makes a new notice due on the new date."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what is due without sending or claiming.")

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        due = (ThreatAssessment.objects.due(today).select_related("incident", "incident__school",
                                                                    "incident__created_by")
               .order_by("follow_up_on", "pk"))
        sent = claimed = 0
        for assessment in due:
            if assessment.notified_for == assessment.follow_up_on:
                continue
            if dry_run:
                self.stdout.write(f"due: threat assessment {assessment.pk} (follow-up {assessment.follow_up_on})")
                continue
            if not assessment_claim_notice(assessment):
                continue  # another run claimed it first
            claimed += 1
            try:
                sent += notifications.assessment_due(assessment)
            except Exception:
                # Give the notice back so that tomorrow's run retries it, then report the failure.
                ThreatAssessment.objects.filter(pk=assessment.pk).update(notified_for=assessment.notified_for)
                raise
        self.stdout.write(f"{claimed} follow-up(s) due, {sent} email(s) sent.")
