"""The SRO's daily activity log: one row per activity, at one school, on one day."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from officers.models import Assignment, Officer
from schools.models import School

MIN_MINUTES = 1
MAX_MINUTES = 720  # twelve hours: longer than any shift

# Who may browse activities row by row (SROs see only their own; evaluators only aggregates).
BROWSE_ROLES = frozenset({Role.SCHOOL_ADMIN, Role.COORDINATOR, Role.PROGRAM_ADMIN})
# Who may unlock an activity whose edit window has passed.
UNLOCK_ROLES = frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN})


class Category(models.TextChoices):
    """The program's core components (DOMAIN.md, Activities)."""

    INFORMAL_CONTACT = "informal_contact", _("Informal contact and relationship building")
    PRESENTATION = "presentation", _("Classroom presentation")
    RESTORATIVE_JUSTICE = "restorative_justice", _("Restorative-justice practice")
    VICTIM_FOLLOW_UP = "victim_follow_up", _("Victim follow-up")
    PARENT_CONSULTATION = "parent_consultation", _("Consultation with parents")
    STAFF_CONSULTATION = "staff_consultation", _("Consultation with school staff and administration")
    EVENT = "event", _("Extra-curricular or community event")
    SAFETY_PLANNING = "safety_planning", _("School safety planning (including drills)")
    INFORMATION_GATHERING = "information_gathering", _("Information and intelligence gathering")
    STUDENT_INTERVIEW = "student_interview", _("Interview or caution of a student")
    LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement or investigation")
    ADMINISTRATION = "administration", _("Administration and training")


# Time that is not spent with the school community does not count as contact time.
NON_CONTACT_CATEGORIES = frozenset({Category.ADMINISTRATION})
CONTACT_CATEGORIES = frozenset(Category.values) - NON_CONTACT_CATEGORIES


class Topic(models.TextChoices):
    """Topics of a classroom presentation."""

    CRIME_PREVENTION = "crime_prevention", _("Crime prevention")
    CYBERBULLYING = "cyberbullying", _("Cyberbullying")
    GANG_AWARENESS = "gang_awareness", _("Gang awareness")
    ILLEGAL_DRUGS = "illegal_drugs", _("Illegal drugs")
    INTERNET_SAFETY = "internet_safety", _("Internet and personal safety")
    LAW_RELATED_EDUCATION = "law_related_education", _("Law-related education")


AUDIENCE_FIELDS = ("students", "staff", "parents", "community")


def contact_minutes_q(prefix: str = "") -> Q:
    """Matches the activities whose time counts as contact time (for filtered aggregates)."""
    return ~Q(**{f"{prefix}category__in": list(NON_CONTACT_CATEGORIES)})


class ActivityQuerySet(models.QuerySet):
    def visible_to(self, user, *, roles=BROWSE_ROLES, include_own=True):
        """Activities this user may see row by row: those at the schools their `roles` cover
        (school administrators, coordinators, program administrators), plus, for an SRO, the
        entries they wrote themselves (unless `include_own` is false). Evaluators see none
        (aggregates only); neither does an SRO see another SRO's entries."""
        if not user.is_authenticated:
            return self.none()
        query = Q(pk__in=[])
        if user.has_role(*roles):
            query |= Q(school__in=School.objects.visible_to(user, roles=roles))
        if include_own and user.has_role(Role.SRO):
            query |= Q(officer__user=user)
        return self.filter(query)

    def written_by(self, user):
        """The entries of the SRO `user` (their own log), whatever school they were at."""
        return self.filter(officer__user=user)

    def contact(self):
        return self.filter(contact_minutes_q())

    def with_related(self):
        return self.select_related("school", "school__division", "officer", "officer__user")


def _label(choices, value):
    """The label of a stored value, or the value itself when it is not a choice (Django's rule)."""
    try:
        return choices(value).label
    except ValueError:
        return value


class Activity(models.Model):
    """One activity of an SRO: what, where, when, for how long, and with whom."""

    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="activities", verbose_name=_("officer")
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="activities", verbose_name=_("school")
    )
    date = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), validators=[MinValueValidator(MIN_MINUTES), MaxValueValidator(MAX_MINUTES)]
    )
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    topic = models.CharField(
        _("presentation topic"), max_length=30, choices=Topic.choices, blank=True,
        help_text=_("Only for classroom presentations."),
    )
    students = models.PositiveIntegerField(_("students"), default=0)
    staff = models.PositiveIntegerField(_("staff"), default=0)
    parents = models.PositiveIntegerField(_("parents"), default=0)
    community = models.PositiveIntegerField(_("community members"), default=0)
    note = models.CharField(_("note"), max_length=500, blank=True)
    # Set explicitly (default now, services stamp updates) so demo data can carry real dates.
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False)
    unlocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("unlocked by"), editable=False,
    )
    unlocked_at = models.DateTimeField(_("unlocked"), null=True, blank=True, editable=False)
    # The id the phone gave the entry when it was logged (offline or not): a retry of the same
    # entry finds this row instead of creating a second one. Empty for entries from elsewhere.
    client_id = models.UUIDField(_("entry id from the phone"), null=True, blank=True, editable=False)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=MIN_MINUTES, minutes__lte=MAX_MINUTES),
                name="activity_minutes_in_range",
                violation_error_message=_("Minutes must be between 1 and 720."),
            ),
            models.CheckConstraint(
                condition=Q(students__gte=0, staff__gte=0, parents__gte=0, community__gte=0),
                name="activity_counts_not_negative",
                violation_error_message=_("A count cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(category=Category.PRESENTATION) | Q(topic=""),
                name="activity_topic_only_for_presentations",
                violation_error_message=_("A topic is only for classroom presentations."),
            ),
            models.UniqueConstraint(
                fields=["officer", "client_id"], name="activity_client_id_unique_per_officer",
                violation_error_message=_("This entry has already been logged."),
            ),
        ]
        # Each index ends with the list's order (newest first), so that a page of 50 is read off the
        # index instead of sorting every matching row (migration 0002 says which list each serves).
        indexes = [
            models.Index(fields=["-date", "-created_at", "-id"], name="activity_list_order_idx"),
            models.Index(fields=["school", "-date", "-created_at", "-id"], name="activity_school_order_idx"),
            models.Index(fields=["officer", "-date", "-created_at", "-id"], name="activity_officer_order_idx"),
            models.Index(fields=["category", "id"], name="activity_category_order_idx"),
            models.Index(fields=["minutes", "id"], name="activity_minutes_order_idx"),
        ]

    def __str__(self):
        return f"{self.date} · {self.get_category_display()} · {self.minutes} min"

    def get_absolute_url(self):
        return reverse("activities:detail", args=[self.pk])

    # Django's get_FOO_display builds a dict of every choice's translated label at each call, a tenth
    # of a millisecond a row: a third of an officer's "my log" page. The enum reads the one label.
    def get_category_display(self):
        return _label(Category, self.category)

    def get_topic_display(self):
        return _label(Topic, self.topic)

    @property
    def is_contact_time(self) -> bool:
        return self.category not in NON_CONTACT_CATEGORIES

    @property
    def audience(self) -> int:
        return sum(getattr(self, name) for name in AUDIENCE_FIELDS)

    def clean(self):
        """The rules of one entry. Queries the officer's assignments once (when officer,
        school and date are all known)."""
        errors = {}
        if self.date and self.date > timezone.localdate():
            errors["date"] = _("The date cannot be in the future.")
        if self.category == Category.PRESENTATION and not self.topic:
            errors["topic"] = _("Choose the topic of the presentation.")
        elif self.topic and self.category != Category.PRESENTATION:
            errors["topic"] = _("A topic is only for classroom presentations: clear it or choose "
                                "“Classroom presentation”.")
        if (
            self.date and self.school_id and self.officer_id and "date" not in errors
            and not Assignment.objects.current(on=self.date)
            .filter(officer_id=self.officer_id, school_id=self.school_id).exists()
        ):
            errors["school"] = _("You were not assigned to this school on %(date)s.") % {
                "date": self.date.isoformat()
            }
        if errors:
            raise ValidationError(errors)

    # The edit window -----------------------------------------------------------------------

    @staticmethod
    def edit_days() -> int:
        return settings.ACTIVITY_EDIT_DAYS

    @property
    def editable_until(self) -> datetime.datetime:
        """The SRO may change the entry for ACTIVITY_EDIT_DAYS after writing it, or after a
        coordinator last unlocked it."""
        opened = max(self.created_at, self.unlocked_at) if self.unlocked_at else self.created_at
        return opened + datetime.timedelta(days=self.edit_days())

    def is_locked(self, now=None) -> bool:
        return (now or timezone.now()) >= self.editable_until



class ActivitySummary(models.Model):
    """Entries, minutes and audiences per division, month and category: what the activity list's
    totals add up when its scope is whole divisions, instead of reading millions of entries.

    Kept current on write by a PostgreSQL trigger on the activity table (migration 0002: every insert,
    update and delete, whoever makes it: the services, the administration site, a bulk load);
    `manage.py refresh_activity_summary` rebuilds it (after a school moves to another division, or a
    load with the trigger disabled). On SQLite (the demo) it is unused: totals read the entries."""

    division = models.ForeignKey(
        "schools.SchoolDivision", on_delete=models.CASCADE, related_name="+", verbose_name=_("school division")
    )
    month = models.DateField(_("month"))
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    entries = models.IntegerField(_("entries"), default=0)
    minutes = models.BigIntegerField(_("minutes"), default=0)
    students = models.BigIntegerField(_("students"), default=0)
    staff = models.BigIntegerField(_("staff"), default=0)
    parents = models.BigIntegerField(_("parents"), default=0)
    community = models.BigIntegerField(_("community members"), default=0)

    class Meta:
        verbose_name = _("activity summary")
        verbose_name_plural = _("activity summaries")
        constraints = [
            models.UniqueConstraint(fields=["division", "month", "category"], name="activity_summary_unique"),
        ]

    def __str__(self):
        return f"{self.division_id} {self.month:%Y-%m} {self.category}: {self.entries}"
