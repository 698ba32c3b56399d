import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import Role
from schools.models import PoliceService, School, SchoolDivision

from .dates import Length, add_years, length_between

# Roles that manage officers (list, officer page, forms). SROs see only their own profile.
MANAGER_ROLES = (Role.COORDINATOR, Role.PROGRAM_ADMIN)


def _first_day_reaching(target: datetime.date, years: int) -> datetime.date:
    """The earliest day d with add_years(d, years) >= target."""
    day = add_years(target, -years)
    while add_years(day, years) < target:
        day += datetime.timedelta(days=1)
    return day


def _last_day_within(target: datetime.date, years: int) -> datetime.date:
    """The latest day d with add_years(d, years) <= target."""
    day = add_years(target, -years)
    while add_years(day + datetime.timedelta(days=1), years) <= target:
        day += datetime.timedelta(days=1)
    return day


class OfficerQuerySet(models.QuerySet):
    """Who may read and who may change an officer: the one rule, here. Officers are not tied to one
    school; a coordinator's part of them is the assignments at the schools of their divisions.

    - ``visible_to(user)`` (reads): the officers with an assignment (past, current or to come) at
      a school of the user's divisions, and the officers of the police services serving those
      divisions who have no current assignment anywhere (so that they can be assigned). Of an
      officer who moved away, only the assignments in the user's divisions are shown.
    - ``manageable_by(user)`` (writes: term extensions, training records, ending or handing over an
      assignment): the officers with a current assignment at a school of the user's divisions.
    - ``assignable_by(user)`` (a new assignment at one of the user's schools): those, plus the
      officers of the police services serving the user's divisions who have no current assignment.

    Program administrators: every officer, for all three. Everyone else: none (an SRO reads their own
    profile through ``request.user.officer``).
    """

    def _schools(self, user):
        return School.objects.visible_to(user, roles=MANAGER_ROLES)

    def _unassigned_of_services(self, user):
        """Officers of the police services serving the user's divisions, with no current assignment."""
        services = SchoolDivision.objects.visible_to(user, roles=MANAGER_ROLES).values("police_service")
        return Q(police_service__in=services) & ~Q(pk__in=Assignment.objects.current().values("officer_id"))

    def _manages(self, user) -> bool | None:
        """True for a program administrator (everyone), False for a user without a manager role."""
        if not user.is_authenticated or not user.has_role(*MANAGER_ROLES):
            return False
        return True if user.has_role(Role.PROGRAM_ADMIN) else None

    def visible_to(self, user):
        everyone = self._manages(user)
        if everyone is not None:
            return self.all() if everyone else self.none()
        served = Assignment.objects.filter(school__in=self._schools(user)).values("officer_id")
        return self.filter(Q(pk__in=served) | self._unassigned_of_services(user))

    def manageable_by(self, user):
        everyone = self._manages(user)
        if everyone is not None:
            return self.all() if everyone else self.none()
        return self.filter(pk__in=Assignment.objects.current().filter(school__in=self._schools(user))
                           .values("officer_id"))

    def assignable_by(self, user):
        everyone = self._manages(user)
        if everyone is not None:
            return self.all() if everyone else self.none()
        current_here = Assignment.objects.current().filter(school__in=self._schools(user)).values("officer_id")
        return self.filter(Q(pk__in=current_here) | self._unassigned_of_services(user))

    def with_access(self, user):
        """Annotate `may_manage` and `may_assign` (see the class): what the officer page offers this
        user. In the same query."""
        return self.annotate(
            may_manage=models.Exists(Officer.objects.manageable_by(user).filter(pk=OuterRef("pk"))),
            may_assign=models.Exists(Officer.objects.assignable_by(user).filter(pk=OuterRef("pk"))),
        )

    def with_term_end(self):
        """Annotate `latest_extension_end` (the end of the latest term extension, or None), which
        `Officer.term_end` reads instead of running a query."""
        latest = TermExtension.objects.filter(officer=OuterRef("pk")).order_by("-new_end").values("new_end")[:1]
        return self.annotate(latest_extension_end=Subquery(latest))

    def terms_ending_between(self, first: datetime.date, last: datetime.date):
        """Officers whose term (extensions included) ends on a day from `first` to `last`.
        Needs `with_term_end()`."""
        years = settings.SRO_TERM_YEARS
        # Without an extension the term ends the day before the anniversary of becoming an SRO.
        one_day = datetime.timedelta(days=1)
        became_from = _first_day_reaching(first + one_day, years)
        became_to = _last_day_within(last + one_day, years)
        return self.filter(
            Q(latest_extension_end__range=(first, last))
            | Q(latest_extension_end__isnull=True, became_sro_on__range=(became_from, became_to))
        )


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

    objects = OfficerQuerySet.as_manager()

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        constraints = [
            models.UniqueConstraint(
                fields=["police_service", "badge_number"], name="officer_badge_unique_in_service"
            ),
            models.CheckConstraint(
                condition=Q(became_sro_on__isnull=True) | Q(became_sro_on__gte=F("joined_service_on")),
                name="officer_became_sro_after_joining",
            ),
        ]

    def __str__(self):
        return f"{self.rank} {self.user.get_full_name() or self.user.username} ({self.badge_number})"

    @property
    def name(self) -> str:
        return self.user.get_full_name() or self.user.username

    def clean(self):
        if self.became_sro_on and self.joined_service_on and self.became_sro_on < self.joined_service_on:
            raise ValidationError(
                {"became_sro_on": _("An officer becomes an SRO after joining the service, not before.")}
            )

    # Service and eligibility --------------------------------------------------------------

    def service_on(self, day: datetime.date) -> Length:
        """Length of service on `day`."""
        return length_between(self.joined_service_on, day)

    @property
    def eligible_from(self) -> datetime.date:
        """The first day the officer may start an SRO assignment."""
        return add_years(self.joined_service_on, settings.SRO_MIN_SERVICE_YEARS)

    def is_eligible_on(self, day: datetime.date) -> bool:
        """At least SRO_MIN_SERVICE_YEARS of service on `day` (exactly that many is enough)."""
        return self.service_on(day).at_least(settings.SRO_MIN_SERVICE_YEARS)

    # Term -----------------------------------------------------------------------------------

    @property
    def base_term_end(self) -> datetime.date | None:
        """Last day of the SRO term before any extension: the day before the
        SRO_TERM_YEARS anniversary of becoming an SRO."""
        if not self.became_sro_on:
            return None
        return add_years(self.became_sro_on, settings.SRO_TERM_YEARS) - datetime.timedelta(days=1)

    @property
    def term_end(self) -> datetime.date | None:
        """Last day of the term, extensions included. Reads the `latest_extension_end`
        annotation (``Officer.objects.with_term_end()``); without it, runs one query."""
        if not self.became_sro_on:
            return None
        if "latest_extension_end" in self.__dict__:
            latest = self.latest_extension_end
        else:
            latest = self.term_extensions.aggregate(latest=models.Max("new_end"))["latest"]
        return latest or self.base_term_end

    def schools_covered_on(self, day: datetime.date) -> int:
        """Number of different schools the officer is assigned to on `day` (runs one query)."""
        return self.assignments.current(on=day).values("school").distinct().count()


class AssignmentQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(end__isnull=True) | Q(end__gte=on), start__lte=on)

    def visible_to(self, user, *, roles=None):
        """Assignments at the schools the user may see (through `roles`)."""
        return self.filter(school__in=School.objects.visible_to(user, roles=roles))

    def overlapping(self, start: datetime.date, end: datetime.date | None):
        """Assignments sharing at least one day with the period `start`–`end` (open when None)."""
        query = Q(end__isnull=True) | Q(end__gte=start)
        if end is not None:
            query &= Q(start__lte=end)
        return self.filter(query)


class Assignment(models.Model):
    """An officer's assignment to a school. History is kept: an assignment ends, never vanishes."""

    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("officer")
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("school")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True, help_text=_("Leave empty while it lasts."))

    objects = AssignmentQuerySet.as_manager()
    history = HistoricalRecords(verbose_name=_("assignment history record"))

    class Meta:
        ordering = ["-start"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="assignment_end_not_before_start",
            ),
            models.UniqueConstraint(
                fields=["officer", "school", "start"], name="assignment_unique_officer_school_start"
            ),
        ]
        indexes = [models.Index(fields=["school", "start"]), models.Index(fields=["officer", "start"])]

    def __str__(self):
        return f"{self.officer} → {self.school} ({self.start}–{self.end or '…'})"

    def is_current(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.start <= on and (self.end is None or self.end >= on)

    def _placement_changed(self) -> bool:
        """True for a new assignment, or when its officer, school or start changed (one query).
        The placement rules (police service, eligibility) are checked only then, so that an
        existing assignment can always be ended even if a rule or a setting changed since."""
        if self._state.adding or self.pk is None:
            return True
        saved = Assignment.objects.filter(pk=self.pk).values_list("officer_id", "school_id", "start").first()
        return saved != (self.officer_id, self.school_id, self.start)

    def clean(self):
        """The rules of one assignment; each error is keyed to `start`, `end` or `school`."""
        errors = {}
        placement_changed = self._placement_changed()
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end (%(end)s) cannot be before the start (%(start)s).") % {
                "end": formats.date_format(self.end), "start": formats.date_format(self.start)
            }
        served_by = self.school.division.police_service_id if self.school_id else None
        if placement_changed and self.officer_id and self.school_id and served_by != self.officer.police_service_id:
            errors["school"] = _("This school is served by %(service)s, not by the officer's police service.") % {
                "service": self.school.division.police_service
            }
        if placement_changed and self.officer_id and self.start and not self.officer.is_eligible_on(self.start):
            errors["start"] = _(
                "On %(start)s this officer has %(service)s of service; an SRO needs at least "
                "%(years)d years of service when the assignment starts."
            ) % {
                "start": formats.date_format(self.start),
                "service": self.officer.service_on(self.start),
                "years": settings.SRO_MIN_SERVICE_YEARS,
            }
        if self.officer_id and self.school_id and self.start and "end" not in errors:
            clash = (
                Assignment.objects.filter(officer_id=self.officer_id, school_id=self.school_id)
                .exclude(pk=self.pk).overlapping(self.start, self.end).order_by("start").first()
            )
            if clash is not None:
                errors.setdefault("start", _(
                    "This officer is already assigned to this school from %(start)s to %(end)s; "
                    "assignments of one officer to one school cannot overlap."
                ) % {
                    "start": formats.date_format(clash.start),
                    "end": formats.date_format(clash.end) if clash.end else _("now"),
                })
        if errors:
            raise ValidationError(errors)

    def load_warning(self) -> str | None:
        """A warning (not an error) when, on its start date, the officer would cover more
        schools than SRO_MAX_SCHOOLS. Runs one query."""
        covered = self.officer.schools_covered_on(self.start)
        if covered > settings.SRO_MAX_SCHOOLS:
            return _(
                "%(officer)s now covers %(count)d schools on %(start)s, more than the usual "
                "maximum of %(max)d."
            ) % {
                "officer": self.officer.name, "count": covered,
                "start": formats.date_format(self.start), "max": settings.SRO_MAX_SCHOOLS,
            }
        return None


class TermExtension(models.Model):
    """An extension of an officer's SRO term: the new last day, why, who decided and when."""

    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="term_extensions", verbose_name=_("officer")
    )
    new_end = models.DateField(_("new end of term"))
    reason = models.TextField(_("reason"), max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["new_end"]
        verbose_name = _("term extension")
        verbose_name_plural = _("term extensions")
        constraints = [
            models.UniqueConstraint(fields=["officer", "new_end"], name="termextension_unique_new_end"),
        ]

    def __str__(self):
        return f"{self.officer} → {self.new_end}"

    def clean(self):
        if not self.officer_id or not self.new_end:
            return
        if not self.officer.became_sro_on:
            raise ValidationError({"new_end": _("This officer has no SRO term to extend (no date became an SRO).")})
        others = TermExtension.objects.filter(officer_id=self.officer_id).exclude(pk=self.pk)
        current_end = others.aggregate(latest=models.Max("new_end"))["latest"] or self.officer.base_term_end
        if self.new_end <= current_end:
            raise ValidationError({"new_end": _(
                "The term already runs until %(end)s: the new end must be later."
            ) % {"end": formats.date_format(current_end)}})


class Course(models.Model):
    """A required training course. Courses with `due_days` must be completed within that many
    days of becoming an SRO; the others have no deadline."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    due_days = models.PositiveIntegerField(
        _("due within (days)"), null=True, blank=True,
        help_text=_("Days after becoming an SRO; empty when there is no deadline."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self):
        return self.name

    def due_date_for(self, became_sro_on: datetime.date | None) -> datetime.date | None:
        """The last day to complete the course, or None when it has no deadline."""
        if self.due_days is None or became_sro_on is None:
            return None
        return became_sro_on + datetime.timedelta(days=self.due_days)


class TrainingRecord(models.Model):
    """One completion of a course by an officer."""

    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="training_records", verbose_name=_("officer")
    )
    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="records", verbose_name=_("course")
    )
    completed_on = models.DateField(_("completed on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    history = HistoricalRecords(verbose_name=_("training record history record"))

    class Meta:
        ordering = ["-completed_on"]
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "course", "completed_on"], name="trainingrecord_unique_completion"
            ),
        ]

    def __str__(self):
        return f"{self.officer} — {self.course} ({self.completed_on})"

    def clean(self):
        if self.completed_on and self.completed_on > timezone.localdate():
            raise ValidationError({"completed_on": _("A completion date cannot be in the future.")})
        if self.officer_id and self.course_id and self.completed_on:
            duplicate = TrainingRecord.objects.filter(
                officer_id=self.officer_id, course_id=self.course_id, completed_on=self.completed_on
            ).exclude(pk=self.pk)
            if duplicate.exists():
                raise ValidationError({"completed_on": _("This completion is already recorded.")})
