from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schools.models import PoliceService, School


class Officer(models.Model):
    """A police officer serving as a School Resource Officer."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="officer",
        verbose_name=_("user"),
    )
    badge_number = models.CharField(_("badge number"), max_length=20)
    rank = models.CharField(_("rank"), max_length=50, default="Constable")
    police_service = models.ForeignKey(
        PoliceService, on_delete=models.PROTECT, related_name="officers",
        verbose_name=_("police service"),
    )
    joined_service_on = models.DateField(_("date joined the service"))
    became_sro_on = models.DateField(_("date became an SRO"), null=True, blank=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        constraints = [
            models.UniqueConstraint(
                fields=["police_service", "badge_number"], name="officer_badge_unique_in_service"
            ),
        ]

    def __str__(self):
        return f"{self.rank} {self.user.get_full_name() or self.user.username} ({self.badge_number})"


class AssignmentQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(end__isnull=True) | Q(end__gte=on), start__lte=on)


class Assignment(models.Model):
    """An officer's assignment to a school. History is kept: an assignment ends, never vanishes."""

    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("officer")
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("school")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-start"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="assignment_end_not_before_start",
            ),
        ]
        indexes = [models.Index(fields=["school", "start"]), models.Index(fields=["officer", "start"])]

    def __str__(self):
        return f"{self.officer} → {self.school} ({self.start}–{self.end or '…'})"
