from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name


class PoliceService(models.Model):
    name = models.CharField(_("name"), max_length=150, unique=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="police_services",
        verbose_name=_("province"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("police service")
        verbose_name_plural = _("police services")

    def __str__(self):
        return self.name


class SchoolDivisionQuerySet(models.QuerySet):
    def visible_to(self, user, *, roles=None):
        """Divisions in which the user may see at least one school."""
        return self.filter(pk__in=School.objects.visible_to(user, roles=roles).values("division_id"))

    def with_school_counts(self, user):
        """Annotate each division with the number and enrolment of the schools the user sees."""
        visible = Q(schools__in=School.objects.visible_to(user))
        return self.select_related("province", "police_service").annotate(
            visible_schools=models.Count("schools", filter=visible, distinct=True),
            visible_enrolment=models.Sum("schools__enrolment", filter=visible),
        )


class SchoolDivision(models.Model):
    name = models.CharField(_("name"), max_length=150)
    code = models.CharField(_("code"), max_length=20, unique=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="divisions", verbose_name=_("province")
    )
    police_service = models.ForeignKey(
        PoliceService, on_delete=models.PROTECT, related_name="divisions",
        verbose_name=_("police service"),
    )

    objects = SchoolDivisionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("school division")
        verbose_name_plural = _("school divisions")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("schools:division_detail", args=[self.pk])


class SchoolQuerySet(models.QuerySet):
    def visible_to(self, user, *, roles=None):
        """The schools this user may see, through any of `roles` (default: all their roles).

        This is the one scoping mechanism: every scoped model filters on
        ``school__in=School.objects.visible_to(user, ...)``.
        """
        if not user.is_authenticated:
            return self.none()
        # The user model (a floor above) knows its roles and turns them into a filter.
        return self.filter(user.school_scope_q(roles=roles))

    def active(self):
        return self.filter(active=True)

    def level_counts(self):
        """Number of schools and enrolment per level, aggregated in the database."""
        return (
            self.order_by("level").values("level")
            .annotate(schools=models.Count("pk"), enrolment=models.Sum("enrolment"))
        )


class School(models.Model):
    class Level(models.TextChoices):
        ELEMENTARY = "elementary", _("Elementary")
        MIDDLE = "middle", _("Middle")
        HIGH = "high", _("High")
        K12 = "k12", _("K–12")

    division = models.ForeignKey(
        SchoolDivision, on_delete=models.PROTECT, related_name="schools",
        verbose_name=_("school division"),
    )
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    lowest_grade = models.PositiveSmallIntegerField(_("lowest grade"), help_text=_("K = 0"))
    highest_grade = models.PositiveSmallIntegerField(_("highest grade"))
    address = models.CharField(_("address"), max_length=255, blank=True)
    enrolment = models.PositiveIntegerField(_("enrolment"), default=0)
    active = models.BooleanField(_("active"), default=True)

    objects = SchoolQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        constraints = [
            models.UniqueConstraint(fields=["division", "name"], name="school_name_unique_in_division"),
            models.CheckConstraint(
                condition=Q(lowest_grade__lte=models.F("highest_grade")),
                name="school_grades_in_order",
            ),
            models.CheckConstraint(condition=Q(highest_grade__lte=12), name="school_grade_max_12"),
        ]
        indexes = [
            models.Index(fields=["division", "name"]),
            # Lists sorted by school name (the activity list) walk the schools in this order.
            models.Index(fields=["name", "id"], name="school_name_order_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("schools:school_detail", args=[self.pk])

    @property
    def grade_range(self):
        def label(grade):
            return "K" if grade == 0 else str(grade)

        return f"{label(self.lowest_grade)}–{label(self.highest_grade)}"
