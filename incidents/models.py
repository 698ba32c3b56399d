"""Incidents, the people involved, their review history, requests for help and threat assessments.

Who may see what is decided here, once:

- ``Incident.objects.visible_to(user)``: incidents at the schools of the user's scope through
  ``INCIDENT_ROLES`` (evaluators have no row-level access) from their first submission on, plus, for
  an SRO, the incidents they wrote (their drafts too: a draft never submitted is its author's alone).
- ``PersonInvolved.objects.visible_to(user)``: the same, through ``PEOPLE_ROLES`` only — the school's
  SRO(s), its administrators and the division coordinator. Program administrators manage the program
  but do not see young people's personal information (DOMAIN.md, "People involved").
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import PERSONAL_INFO_ROLES, Role
from schools.models import School

# Roles that may open an incident page at all. Evaluators see aggregates only (elsewhere).
INCIDENT_ROLES = frozenset({Role.SRO, Role.SCHOOL_ADMIN, Role.COORDINATOR, Role.PROGRAM_ADMIN})
# Roles that may see the people involved, threat assessments and requests for help (which
# describe young people): the school's SRO(s), administrators and the division coordinator.
PEOPLE_ROLES = frozenset(PERSONAL_INFO_ROLES - {Role.PROGRAM_ADMIN})
# Roles that review the redaction of narratives after the retention period (see retention.py): those
# who oversee the program and may read incident narratives (INCIDENT_ROLES), in their scope.
RETENTION_REVIEW_ROLES = frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN})
# Roles that may read an incident's change history (of its people too, for PEOPLE_ROLES only).
HISTORY_ROLES = frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN})

# Youth criminal law in Canada (YCJA) starts at 12: no charge against a younger person.
MINIMUM_AGE_FOR_CHARGE = 12

# A time typed into a report may be this far ahead of the server's clock (a phone's clock runs a
# little fast, a minute rolls over while typing); anything later is in the future and refused.
FUTURE_TOLERANCE = datetime.timedelta(minutes=5)


def submitted_once_q(prefix: str = "") -> Q:
    """Incidents submitted at least once: `submitted_at` is set by the first submission and never
    cleared (a resubmission after follow-up moves it on), and no step leads back to a draft, so an
    incident sent back to its SRO stays submitted. The database keeps `status` and `submitted_at`
    in step (constraint ``incident_submitted_unless_draft``)."""
    return Q(**{f"{prefix}submitted_at__isnull": False})


def scoped_incident_q(user, *, roles, prefix: str = "") -> Q:
    """Incidents (or rows reached through `prefix`, e.g. ``"incident__"``) the user reaches through
    `roles`: those of the schools in their scope once submitted, and for an SRO the incidents they
    wrote, drafts included. A draft never submitted is its author's alone: it is in no one else's
    page, list, count or export, whatever their role (program administrators included)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if Role.SRO in roles and user.has_role(Role.SRO):
        # The same schools, listed: with a subquery inside the OR, PostgreSQL reads every incident
        # (30-50 ms at a province's size, on each of an SRO's pages); with the ids, two indexes.
        schools = Q(**{f"{prefix}school_id__in": user.visible_school_ids(roles)})
        return (schools & submitted_once_q(prefix)) | Q(**{f"{prefix}created_by": user})
    return Q(**{f"{prefix}school__in": School.objects.visible_to(user, roles=roles)}) & submitted_once_q(prefix)


class Category(models.TextChoices):
    BULLYING = "bullying", _("Bullying")
    CYBERBULLYING = "cyberbullying", _("Cyberbullying")
    ASSAULT = "assault", _("Assault or fight")
    THREAT = "threat", _("Threat")
    WEAPON = "weapon", _("Weapon")
    DRUG_POSSESSION = "drug_possession", _("Drug possession")
    DRUG_TRAFFICKING = "drug_trafficking", _("Drug trafficking")
    ALCOHOL = "alcohol", _("Alcohol")
    GANG = "gang", _("Gang activity")
    THEFT = "theft", _("Theft")
    VANDALISM = "vandalism", _("Vandalism, graffiti or property damage")
    TRESPASS = "trespass", _("Trespass")
    HARASSMENT = "harassment", _("Harassment")
    TRUANCY = "truancy", _("Truancy")
    MENTAL_HEALTH = "mental_health", _("Mental-health crisis")
    OTHER = "other", _("Other")


class Location(models.TextChoices):
    CLASSROOM = "classroom", _("Classroom")
    HALLWAY = "hallway", _("Hallway")
    WASHROOM = "washroom", _("Washroom")
    GROUNDS = "grounds", _("School grounds")
    BUS = "bus", _("School bus")
    OFF_SITE = "off_site", _("Off-site, near the school")
    ONLINE = "online", _("Online")


class Severity(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class RespondingUnit(models.TextChoices):
    SRO = "sro", _("School resource officer")
    PATROL = "patrol", _("Patrol unit")


class Disposition(models.TextChoices):
    NO_FURTHER_ACTION = "no_further_action", _("No further action")
    INFORMAL_WARNING = "informal_warning", _("Informal warning")
    POLICE_CAUTION = "police_caution", _("Police caution")
    RESTORATIVE_JUSTICE = "restorative_justice", _("Restorative-justice referral")
    EXTRAJUDICIAL_SANCTION = "extrajudicial_sanction", _("Extrajudicial sanction")
    COMMUNITY_AGENCY = "community_agency", _("Referral to a community agency")
    CHARGE_LAID = "charge_laid", _("Charge laid")
    THREAT_ASSESSMENT = "threat_assessment", _("Threat assessment opened")


class SchoolDiscipline(models.TextChoices):
    NONE = "none", _("None")
    CONFERENCE = "conference", _("Conference with the student")
    DETENTION = "detention", _("Detention")
    IN_SCHOOL_SUSPENSION = "in_school_suspension", _("In-school suspension")
    SUSPENSION = "suspension", _("Out-of-school suspension")
    EXPULSION = "expulsion", _("Expulsion")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    FOLLOW_UP = "follow_up", _("Follow-up requested")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = frozenset(Status.values) - {Status.CLOSED}
# Waiting for the school administrator.
AWAITING_REVIEW_STATUSES = frozenset({Status.SUBMITTED, Status.UNDER_REVIEW})


class IncidentQuerySet(models.QuerySet):
    def visible_to(self, user, *, roles=INCIDENT_ROLES):
        return self.filter(scoped_incident_q(user, roles=frozenset(roles)))

    def open(self):
        return self.exclude(status=Status.CLOSED)

    def awaiting_review(self):
        return self.filter(status__in=AWAITING_REVIEW_STATUSES)


class Incident(models.Model):
    """Something at or around a school that the SRO dealt with."""

    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="incidents", verbose_name=_("school")
    )
    occurred_at = models.DateTimeField(_("occurred at"))
    reported_at = models.DateTimeField(_("reported at"))
    location = models.CharField(_("location"), max_length=20, choices=Location.choices)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    narrative = models.TextField(
        _("narrative"),
        help_text=_("What happened, in facts. Name people under “People involved”, not here. "
                    "Once submitted, the narrative is kept as written: add a supplement instead."),
    )

    # The police response. Response time = time on scene − time called.
    call_number = models.CharField(_("call-for-service number"), max_length=30, blank=True)
    called_at = models.DateTimeField(_("time police were called"), null=True, blank=True)
    on_scene_at = models.DateTimeField(_("time on scene"), null=True, blank=True)
    responding_unit = models.CharField(
        _("responding unit"), max_length=10, choices=RespondingUnit.choices, blank=True
    )
    disposition = models.CharField(_("disposition"), max_length=30, choices=Disposition.choices, blank=True)

    # The school's own response, recorded by its administrator.
    parent_contacted = models.BooleanField(_("parent or guardian contacted"), default=False)
    school_discipline = models.CharField(
        _("school discipline"), max_length=30, choices=SchoolDiscipline.choices, blank=True
    )
    counselling_referral = models.BooleanField(_("referred to counselling"), default=False)
    school_response_note = models.TextField(_("school's response, notes"), blank=True)
    school_response_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("school response recorded by"),
    )
    school_response_at = models.DateTimeField(_("school response recorded at"), null=True, blank=True)

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    # Set each time the SRO submits; the review queue's age counts from here.
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="incidents_reported",
        verbose_name=_("reporting officer"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    # Optimistic locking: every write is ``UPDATE … WHERE version = <the version the writer read>``.
    version = models.PositiveIntegerField(_("version"), default=1)

    objects = IncidentQuerySet.as_manager()
    # Change history. Writes through queryset.update() (optimistic locking, workflow) add their
    # history row explicitly: see services.record_history.
    history = HistoricalRecords(verbose_name=_("incident history record"))

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        constraints = [
            models.CheckConstraint(
                name="incident_reported_not_before_occurred",
                condition=Q(reported_at__gte=F("occurred_at")),
                violation_error_message=_("An incident cannot be reported before it occurred."),
            ),
            models.CheckConstraint(
                name="incident_on_scene_not_before_called",
                condition=Q(on_scene_at__isnull=True) | Q(called_at__isnull=True)
                | Q(on_scene_at__gte=F("called_at")),
                violation_error_message=_("Police cannot be on scene before they were called."),
            ),
            models.CheckConstraint(
                # "Submitted at least once" (submitted_once_q) reads submitted_at: a draft has none,
                # every later status has one.
                name="incident_submitted_unless_draft",
                condition=Q(status="draft", submitted_at__isnull=True)
                | (~Q(status="draft") & Q(submitted_at__isnull=False)),
                violation_error_message=_("Only a draft has no submission time."),
            ),
            models.CheckConstraint(
                name="incident_closed_has_disposition",
                condition=~Q(status="closed") | ~Q(disposition=""),
                violation_error_message=_("A closed incident needs a disposition."),
            ),
        ]
        # The list's order (newest first) at the end of the index, so a page is read off it without a sort:
        # the unfiltered list (program administrators) and the list of one school or a few.
        indexes = [
            models.Index(fields=["-occurred_at", "-id"], name="incident_list_order_idx"),
            models.Index(fields=["school", "-occurred_at", "-id"], name="incident_school_order_idx"),
            models.Index(fields=["status", "submitted_at"]),
            models.Index(fields=["created_by", "status"]),
        ]

    def __str__(self):
        return _("Incident #%(number)s") % {"number": self.pk}

    def get_absolute_url(self):
        return reverse("incidents:incident_detail", args=[self.pk])

    @property
    def number(self):
        return self.pk

    @property
    def response_time(self) -> datetime.timedelta | None:
        """Time from the call to police on scene: an outcome the program measures."""
        if self.called_at and self.on_scene_at:
            return self.on_scene_at - self.called_at
        return None

    @property
    def response_minutes(self) -> int | None:
        delta = self.response_time
        return None if delta is None else round(delta.total_seconds() / 60)

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED

    @property
    def narrative_locked(self) -> bool:
        """Once submitted, the narrative is the record: additions go into supplements."""
        return self.submitted_at is not None

    def clean(self):
        errors = {}
        if self.occurred_at and self.reported_at and self.reported_at < self.occurred_at:
            errors["reported_at"] = _("The incident cannot be reported before it occurred.")
        if self.called_at and self.on_scene_at and self.on_scene_at < self.called_at:
            errors["on_scene_at"] = _("Police cannot be on scene before they were called.")
        if self.on_scene_at and not self.called_at:
            errors["called_at"] = _("Give the time police were called, to go with the time on scene.")
        if self.disposition == Disposition.CHARGE_LAID and self.pk:
            too_young = self.subjects_under_charge_age()
            if too_young:
                errors["disposition"] = charge_refused_message(too_young)
        if errors:
            raise ValidationError(errors)

    # The times an SRO types: none of them can be in the future.
    TYPED_TIMES = ("occurred_at", "reported_at", "called_at", "on_scene_at")

    def future_time_errors(self, *, fields=TYPED_TIMES, now=None) -> dict:
        """Errors for the times among `fields` that lie in the future (beyond FUTURE_TOLERANCE).
        Checked when a time is typed (services), not on every save: a record saved a minute ahead
        within the tolerance stays valid."""
        now = now or timezone.now()
        errors = {}
        for name in fields:
            value = getattr(self, name)
            if value is not None and value > now + FUTURE_TOLERANCE:
                errors[name] = ValidationError(
                    _("This time is in the future: it is now %(now)s. Give the time it happened."),
                    code="future", params={"now": timezone.localtime(now).strftime("%Y-%m-%d %H:%M")},
                )
        return errors

    def subjects_under_charge_age(self) -> list["PersonInvolved"]:
        """Subjects younger than 12 when the incident occurred. Runs one query."""
        subjects = self.people.filter(role=PersonRole.SUBJECT)
        return [person for person in subjects if person.is_under_charge_age(self.occurred_at)]


def charge_refused_message(people) -> str:
    return _(
        "A charge cannot be laid: %(count)s subject(s) were under %(age)s when the incident occurred "
        "(the Youth Criminal Justice Act starts at %(age)s). Choose another disposition, such as a "
        "referral to a community agency."
    ) % {"count": len(people), "age": MINIMUM_AGE_FOR_CHARGE}


class IncidentEvent(models.Model):
    """One step of the review workflow: who moved the incident, when, from what to what, and why."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="events",
                                 verbose_name=_("incident"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("by"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("incident history entry")
        verbose_name_plural = _("incident history")
        indexes = [models.Index(fields=["incident", "at"])]

    def __str__(self):
        return f"{self.incident_id}: {self.from_status or '∅'} → {self.to_status}"


class Supplement(models.Model):
    """An addition to a submitted narrative: the narrative itself is never rewritten."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="supplements",
                                 verbose_name=_("incident"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("author"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    text = models.TextField(_("supplement"))

    history = HistoricalRecords(verbose_name=_("supplement history record"))

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("supplement")
        verbose_name_plural = _("supplements")

    def __str__(self):
        return f"{self.incident_id} @ {self.at:%Y-%m-%d %H:%M}"


class AgeBand(models.TextChoices):
    """What is left of a date of birth after the retention period: the age band at the incident."""

    UNDER_12 = "under_12", _("Under 12")
    FROM_12_TO_14 = "12_14", _("12 to 14")
    FROM_15_TO_17 = "15_17", _("15 to 17")
    ADULT = "18_plus", _("18 and over")

    @classmethod
    def for_age(cls, age: int | None) -> str:
        """The band of an age in years ("" when the age is unknown)."""
        if age is None:
            return ""
        if age < MINIMUM_AGE_FOR_CHARGE:
            return cls.UNDER_12
        if age < 15:
            return cls.FROM_12_TO_14
        if age < 18:
            return cls.FROM_15_TO_17
        return cls.ADULT


class PersonRole(models.TextChoices):
    VICTIM = "victim", _("Victim")
    WITNESS = "witness", _("Witness")
    SUBJECT = "subject", _("Subject")
    COMPLAINANT = "complainant", _("Complainant")
    REPORTING_PERSON = "reporting_person", _("Reporting person")


class PersonInvolvedQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one rule for young people's personal information: only through PEOPLE_ROLES."""
        return self.filter(scoped_incident_q(user, roles=PEOPLE_ROLES, prefix="incident__"))


def user_may_see_people(user) -> bool:
    """Whether this kind of user may ever see people involved (evaluators, program admins: no)."""
    return user.is_authenticated and user.has_role(*PEOPLE_ROLES)


class PersonInvolved(models.Model):
    """A person involved in an incident: youth personal information."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="people",
                                 verbose_name=_("incident"))
    role = models.CharField(_("role"), max_length=20, choices=PersonRole.choices)
    # Blank only once de-identified (see retention.py).
    name = models.CharField(_("name"), max_length=150, blank=True)
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True,
                                           help_text=_("If the date of birth is not known."))
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    grade = models.PositiveSmallIntegerField(_("grade"), null=True, blank=True, help_text=_("K = 0"))
    is_student = models.BooleanField(_("student of the school"), default=False)
    deidentified_at = models.DateTimeField(_("de-identified at"), null=True, blank=True, editable=False)
    # Set when de-identified: the age and date of birth give way to the age band at the incident.
    age_band = models.CharField(_("age band at the incident"), max_length=10, choices=AgeBand.choices,
                                blank=True, editable=False)

    objects = PersonInvolvedQuerySet.as_manager()
    # Copies names and birth dates: shown to PEOPLE_ROLES only, scrubbed by retention.deidentify_due_people.
    history = HistoricalRecords(verbose_name=_("person involved history record"))

    class Meta:
        ordering = ["role", "name", "pk"]
        verbose_name = _("person involved")
        verbose_name_plural = _("people involved")
        constraints = [
            models.CheckConstraint(name="person_age_plausible", condition=Q(age__isnull=True) | Q(age__lte=120)),
            models.CheckConstraint(name="person_grade_max_12", condition=Q(grade__isnull=True) | Q(grade__lte=12)),
            models.CheckConstraint(name="person_named_until_deidentified",
                                   condition=~Q(name="") | Q(deidentified_at__isnull=False)),
            models.CheckConstraint(name="person_deidentified_has_no_birth_date",
                                   condition=Q(deidentified_at__isnull=True) | Q(date_of_birth__isnull=True)),
            models.CheckConstraint(name="person_deidentified_has_no_exact_age",
                                   condition=Q(deidentified_at__isnull=True) | Q(age__isnull=True)),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.name or _('(de-identified)')}"

    def age_on(self, when) -> int | None:
        """Age on a date (or datetime): from the date of birth when known, else the age given."""
        if self.date_of_birth:
            day = timezone.localtime(when).date() if isinstance(when, datetime.datetime) else when
            born = self.date_of_birth
            return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        return self.age

    def is_under_charge_age(self, when) -> bool:
        age = self.age_on(when)
        return age is not None and age < MINIMUM_AGE_FOR_CHARGE

    def clean(self):
        errors = {}
        incident = self.incident if self.incident_id else None
        if self.date_of_birth and incident and self.date_of_birth > timezone.localtime(incident.occurred_at).date():
            errors["date_of_birth"] = _("The date of birth is after the incident.")
        if (incident and self.role == PersonRole.SUBJECT and incident.disposition == Disposition.CHARGE_LAID
                and self.is_under_charge_age(incident.occurred_at)):
            errors["date_of_birth" if self.date_of_birth else "age"] = _(
                "A charge has been laid in this incident, and a charge against a person under %(age)s is not "
                "possible. Change the disposition first, or check the age."
            ) % {"age": MINIMUM_AGE_FOR_CHARGE}
        if errors:
            raise ValidationError(errors)


class ExportPurpose(models.TextChoices):
    """Why someone exports young people's personal information: a fixed list, asked before each export."""

    COURT = "court", _("Court order or legal requirement")
    THREAT_ASSESSMENT = "threat_assessment", _("Threat assessment follow-up")
    CASE_FOLLOW_UP = "case_follow_up", _("Follow-up of an incident with the school")
    PROGRAM_ADMINISTRATION = "program_administration", _("Program administration")
    SHARING_AGREEMENT = "sharing_agreement", _("Information-sharing agreement")
    ACCESS_REQUEST = "access_request", _("Access-to-information or privacy request")
    OTHER = "other", _("Other")


class PersonalInfoAccessQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Access rows this user may read: program administrators all of them; a coordinator those
        about incidents of their division(s), and rows without an incident (exports) made by people
        who hold a role in their divisions; anyone else nothing."""
        if not user.is_authenticated or not user.has_role(Role.COORDINATOR, Role.PROGRAM_ADMIN):
            return self.none()
        if user.is_program_admin:
            return self.all()
        incidents = Incident.objects.visible_to(user, roles=[Role.COORDINATOR]).values("pk")
        return self.filter(Q(incident__in=incidents) | (Q(incident__isnull=True) & user.audit_subject_q(field="user")))


class PersonalInfoAccess(models.Model):
    """A log line for each time someone was shown people involved (DOMAIN: every view is logged)."""

    class Kind(models.TextChoices):
        PAGE = "page", _("Page view")
        EXPORT = "export", _("Export")

    Purpose = ExportPurpose

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("user"))
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="+", verbose_name=_("incident"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)
    source_address = models.GenericIPAddressField(_("source address"), null=True, blank=True)
    purpose = models.CharField(_("purpose"), max_length=30, choices=ExportPurpose.choices, blank=True,
                               help_text=_("Why the personal information was exported (exports only)."))

    objects = PersonalInfoAccessQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["at"]), models.Index(fields=["incident", "at"])]
        verbose_name = _("personal information access")
        verbose_name_plural = _("personal information accesses")

    def __str__(self):
        return f"{self.user_id} {self.kind} {self.incident_id or ''} {self.at:%Y-%m-%d %H:%M}"


class HelpRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(school__in=School.objects.visible_to(user, roles=PEOPLE_ROLES))


class HelpRequest(models.Model):
    """School staff ask the school's SRO for help; the SRO takes it (as an incident) or declines it."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        CONVERTED = "converted", _("Taken as an incident")
        DECLINED = "declined", _("Declined")

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="help_requests",
                               verbose_name=_("school"))
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("raised by"))
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now)
    subject = models.CharField(_("subject"), max_length=200)
    details = models.TextField(_("details"))
    occurred_at = models.DateTimeField(_("when it happened"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.OPEN)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("handled by"))
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    incident = models.OneToOneField(Incident, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="help_request", verbose_name=_("incident"))

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_at", "-pk"]
        verbose_name = _("request for help")
        verbose_name_plural = _("requests for help")
        constraints = [
            models.CheckConstraint(
                name="helprequest_declined_has_reason",
                condition=~Q(state="declined") | ~Q(decline_reason=""),
            ),
            models.CheckConstraint(
                name="helprequest_open_is_unhandled",
                condition=~Q(state="open") | Q(handled_at__isnull=True, incident__isnull=True),
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("incidents:request_detail", args=[self.pk])


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class ThreatAssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(scoped_incident_q(user, roles=PEOPLE_ROLES, prefix="incident__"))

    def open(self):
        return self.filter(closed_on__isnull=True)

    def overdue(self, today=None):
        """Open assessments whose follow-up date has passed."""
        today = today or timezone.localdate()
        return self.open().filter(follow_up_on__lt=today)

    def due(self, today=None):
        """Open assessments whose follow-up falls due today or earlier."""
        today = today or timezone.localdate()
        return self.open().filter(follow_up_on__lte=today)


class ThreatAssessment(models.Model):
    """A VTRA Stage 1 threat assessment opened from an incident."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="threat_assessments",
                                 verbose_name=_("incident"))
    assessed_on = models.DateField(_("date"))
    team_members = models.TextField(
        _("team members"), help_text=_("One per line: SRO, administrator, counsellor, others."))
    data_gathered = models.TextField(_("what was gathered"))
    risk_level = models.CharField(_("risk level"), max_length=10, choices=RiskLevel.choices)
    immediate_steps = models.TextField(_("immediate risk-reducing steps"), blank=True)
    intervention_plan = models.TextField(_("intervention plan"), blank=True)
    follow_up_on = models.DateField(_("follow-up date"))
    outcome = models.TextField(_("outcome"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True,
                                 help_text=_("Set when the follow-up is done and the outcome recorded."))
    # The follow-up date the team was last told about; the daily command claims work with it.
    notified_for = models.DateField(_("follow-up notice sent for"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("opened by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = ThreatAssessmentQuerySet.as_manager()
    # `notified_for` is the notice bookkeeping of the daily command, not a change of the assessment.
    history = HistoricalRecords(excluded_fields=["notified_for"],
                                verbose_name=_("threat assessment history record"))

    class Meta:
        ordering = ["follow_up_on", "pk"]
        verbose_name = _("threat assessment")
        verbose_name_plural = _("threat assessments")
        constraints = [
            models.CheckConstraint(
                name="threatassessment_follow_up_not_before_assessment",
                condition=Q(follow_up_on__gte=F("assessed_on")),
                violation_error_message=_("The follow-up cannot come before the assessment."),
            ),
            models.CheckConstraint(
                name="threatassessment_closed_has_outcome",
                condition=Q(closed_on__isnull=True) | ~Q(outcome=""),
                violation_error_message=_("Record the outcome to close the assessment."),
            ),
        ]
        indexes = [models.Index(fields=["closed_on", "follow_up_on"])]

    def __str__(self):
        return _("Threat assessment of %(date)s") % {"date": self.assessed_on}

    def get_absolute_url(self):
        return reverse("incidents:assessment_detail", args=[self.pk])

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.closed_on is None and self.follow_up_on < today

    def clean(self):
        errors = {}
        if self.assessed_on and self.follow_up_on and self.follow_up_on < self.assessed_on:
            errors["follow_up_on"] = _("The follow-up cannot come before the assessment.")
        if self.closed_on and not self.outcome.strip():
            errors["outcome"] = _("Record the outcome to close the assessment.")
        if errors:
            raise ValidationError(errors)


# The targets of RedactionReview that are texts of a threat assessment / of a request for help (its constraints).
_ASSESSMENT_TARGETS = ["ta_data_gathered", "ta_immediate_steps", "ta_intervention_plan", "ta_outcome"]
_HELP_REQUEST_TARGETS = ["help_subject", "help_details"]


class RedactionReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Reviews of incidents in the user's scope through RETENTION_REVIEW_ROLES; the texts of threat
        assessments and requests for help (PEOPLE_ROLES only, even redacted) only where the user also
        holds one of PEOPLE_ROLES: program administrators do not see them."""
        people_only = Q(target__in=_ASSESSMENT_TARGETS + _HELP_REQUEST_TARGETS)
        return self.filter(scoped_incident_q(user, roles=RETENTION_REVIEW_ROLES, prefix="incident__")).filter(
            ~people_only
            | scoped_incident_q(user, roles=RETENTION_REVIEW_ROLES & PEOPLE_ROLES, prefix="incident__"))

    def pending(self):
        return self.filter(reviewed_at__isnull=True)

    def withheld_from(self, user):
        """Pending reviews whose text, as it stands (it still names a person), `user` may not read: those
        of incidents the user does not reach through PEOPLE_ROLES (a program administrator; a user whose
        people role is in another division). The one rule: incidents.redaction applies it everywhere."""
        return self.pending().exclude(scoped_incident_q(user, roles=PEOPLE_ROLES, prefix="incident__"))


class RedactionReview(models.Model):
    """A free text of an incident (narrative, school's response, supplement, the free texts of its threat
    assessments and of the request for help it came from) that named a person who was de-identified at
    the end of the retention period. It waits on the coordinator's review list until someone confirms
    the redaction (or keeps the text). Neither the names nor the original words are kept here: only the
    proposed text, with each name already replaced by "[redacted]"."""

    class Target(models.TextChoices):
        NARRATIVE = "narrative", _("Narrative")
        SCHOOL_RESPONSE = "school_response_note", _("School's response, notes")
        SUPPLEMENT = "supplement", _("Supplement")
        TA_DATA_GATHERED = "ta_data_gathered", _("Threat assessment — what was gathered")
        TA_IMMEDIATE_STEPS = "ta_immediate_steps", _("Threat assessment — immediate risk-reducing steps")
        TA_INTERVENTION_PLAN = "ta_intervention_plan", _("Threat assessment — intervention plan")
        TA_OUTCOME = "ta_outcome", _("Threat assessment — outcome")
        HELP_SUBJECT = "help_subject", _("Request for help — subject")
        HELP_DETAILS = "help_details", _("Request for help — details")

    # The texts of a threat assessment and of a request for help, by target: the field they replace.
    # Not the assessment's team members, who are staff. (Repeated in the constraints below.)
    ASSESSMENT_FIELDS = {Target.TA_DATA_GATHERED: "data_gathered", Target.TA_IMMEDIATE_STEPS: "immediate_steps",
                         Target.TA_INTERVENTION_PLAN: "intervention_plan", Target.TA_OUTCOME: "outcome"}
    HELP_REQUEST_FIELDS = {Target.HELP_SUBJECT: "subject", Target.HELP_DETAILS: "details"}

    class Decision(models.TextChoices):
        REDACTED = "redacted", _("Redacted")
        KEPT = "kept", _("Kept as it was")

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="redaction_reviews",
                                 verbose_name=_("incident"))
    target = models.CharField(_("text"), max_length=30, choices=Target.choices)
    supplement = models.ForeignKey(Supplement, on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="redaction_reviews", verbose_name=_("supplement"))
    threat_assessment = models.ForeignKey(ThreatAssessment, on_delete=models.CASCADE, null=True, blank=True,
                                          related_name="redaction_reviews", verbose_name=_("threat assessment"))
    help_request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="redaction_reviews", verbose_name=_("request for help"))
    proposed_text = models.TextField(_("proposed text"))
    matches = models.PositiveIntegerField(_("names found"), default=0)
    flagged_at = models.DateTimeField(_("flagged at"), default=timezone.now)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("reviewed by"))
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    # Optimistic locking, as for incidents: two reviewers cannot both decide.
    version = models.PositiveIntegerField(_("version"), default=1)

    objects = RedactionReviewQuerySet.as_manager()

    class Meta:
        ordering = ["flagged_at", "incident_id", "pk"]
        verbose_name = _("redaction review")
        verbose_name_plural = _("redaction reviews")
        constraints = [
            models.CheckConstraint(
                name="redactionreview_supplement_iff_target",
                condition=Q(target="supplement", supplement__isnull=False)
                | (~Q(target="supplement") & Q(supplement__isnull=True)),
            ),
            models.CheckConstraint(
                name="redactionreview_assessment_iff_target",
                condition=Q(target__in=_ASSESSMENT_TARGETS, threat_assessment__isnull=False)
                | (~Q(target__in=_ASSESSMENT_TARGETS) & Q(threat_assessment__isnull=True)),
            ),
            models.CheckConstraint(
                name="redactionreview_help_request_iff_target",
                condition=Q(target__in=_HELP_REQUEST_TARGETS, help_request__isnull=False)
                | (~Q(target__in=_HELP_REQUEST_TARGETS) & Q(help_request__isnull=True)),
            ),
            models.CheckConstraint(
                name="redactionreview_reviewed_has_decision",
                condition=Q(reviewed_at__isnull=True, decision="")
                | Q(reviewed_at__isnull=False, reviewed_by__isnull=False) & ~Q(decision=""),
            ),
            # One pending review per text: a supplement, a text of a threat assessment or of a request
            # for help, or one of the incident's own texts (partial constraints rather than NULLS NOT
            # DISTINCT, which SQLite does not have).
            models.UniqueConstraint(
                fields=["supplement"], condition=Q(reviewed_at__isnull=True, supplement__isnull=False),
                name="redactionreview_one_pending_per_supplement",
            ),
            models.UniqueConstraint(
                fields=["threat_assessment", "target"],
                condition=Q(reviewed_at__isnull=True, threat_assessment__isnull=False),
                name="redactionreview_one_pending_per_assessment_text",
            ),
            models.UniqueConstraint(
                fields=["help_request", "target"],
                condition=Q(reviewed_at__isnull=True, help_request__isnull=False),
                name="redactionreview_one_pending_per_help_request_text",
            ),
            models.UniqueConstraint(
                fields=["incident", "target"],
                condition=Q(reviewed_at__isnull=True, supplement__isnull=True, threat_assessment__isnull=True,
                            help_request__isnull=True),
                name="redactionreview_one_pending_per_incident_text",
            ),
        ]

    def __str__(self):
        related = self.supplement_id or self.threat_assessment_id or self.help_request_id or ""
        return f"{self.incident_id} {self.target} {related}".strip()

    def get_absolute_url(self):
        return reverse("incidents:redaction_review", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.reviewed_at is None

    def current_text(self) -> str:
        """The text as it stands now (the one the proposal would replace)."""
        if self.target == self.Target.SUPPLEMENT:
            return self.supplement.text
        if self.target in self.ASSESSMENT_FIELDS:
            return getattr(self.threat_assessment, self.ASSESSMENT_FIELDS[self.target])
        if self.target in self.HELP_REQUEST_FIELDS:
            return getattr(self.help_request, self.HELP_REQUEST_FIELDS[self.target])
        return getattr(self.incident, self.target)

    def text_key(self) -> tuple[type[models.Model], int, str]:
        """The text under review as (model, primary key, field name), e.g. (Supplement, 7, "text")."""
        if self.target == self.Target.SUPPLEMENT:
            return Supplement, self.supplement_id, "text"
        if self.target in self.ASSESSMENT_FIELDS:
            return ThreatAssessment, self.threat_assessment_id, self.ASSESSMENT_FIELDS[self.target]
        if self.target in self.HELP_REQUEST_FIELDS:
            return HelpRequest, self.help_request_id, self.HELP_REQUEST_FIELDS[self.target]
        return Incident, self.incident_id, self.target

    @property
    def is_people_only(self) -> bool:
        """A text of a threat assessment or request for help: for PEOPLE_ROLES only."""
        return self.target in self.ASSESSMENT_FIELDS or self.target in self.HELP_REQUEST_FIELDS
