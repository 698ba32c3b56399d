"""Evaluation of the program: survey instruments, their administration through single-use codes,
anonymous responses, and the outcome data imported from CSV files (attendance, calls for service).

Anonymity by design: a response records its survey, its school and an optional grade band, and
nothing else. It has no link to the code that was used (no foreign key, no timestamp, a random
primary key), so an answer cannot be traced back to a printed code or to a person.
"""

import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from schools.models import School

# Roles that may build instruments, run surveys and import outcome data.
SURVEY_ADMIN_ROLES = frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN})
# Roles that may read survey results (aggregates only, small groups suppressed).
RESULTS_ROLES = frozenset({Role.EVALUATOR, Role.COORDINATOR, Role.PROGRAM_ADMIN, Role.SCHOOL_ADMIN})
# Roles that may read outcome data summaries; importing takes SURVEY_ADMIN_ROLES.
OUTCOME_ROLES = frozenset({Role.EVALUATOR, Role.COORDINATOR, Role.PROGRAM_ADMIN})

SCHOOL_YEAR_RE = re.compile(r"^(\d{4})[–-](\d{2})$")


def normalize_school_year(value: str) -> str:
    """"2025-26" or "2025–26" → "2025–26"; raises ValidationError for anything else."""
    match = SCHOOL_YEAR_RE.match((value or "").strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValidationError(_("Enter a school year such as 2025–26."), code="school_year")
    return f"{match.group(1)}–{match.group(2)}"


def school_year_of(day) -> str:
    """The school year (September–June) a date belongs to; July and August count with the next."""
    start = day.year if day.month >= 7 else day.year - 1
    return f"{start}–{(start + 1) % 100:02d}"


def school_year_start(year: str) -> int:
    return int(normalize_school_year(year)[:4])


def validate_school_year(value):
    normalize_school_year(value)


class Indicator(models.TextChoices):
    """The program's anticipated outcomes that surveys measure."""

    PERCEIVED_SAFETY = "perceived_safety", _("Perceived safety")
    PERCEPTION_OF_POLICE = "perception_of_police", _("Perception of police")
    TRUST_IN_SRO = "trust_in_sro", _("Trust in the SRO")
    SRO_CONTACT = "sro_contact", _("Contact with the SRO")
    BULLYING_SEEN = "bullying_seen", _("Bullying seen")
    VIOLENCE_SEEN = "violence_seen", _("Violence seen")
    GANGS_DRUGS_SEEN = "gangs_drugs_seen", _("Gang or drug activity seen")
    GRAFFITI_SEEN = "graffiti_seen", _("Graffiti or damage seen")
    OTHER = "other", _("Other")


class Audience(models.TextChoices):
    STUDENTS = "students", _("Students")
    PARENTS = "parents", _("Parents")
    STAFF = "staff", _("School staff")
    COMMUNITY = "community", _("Community")
    POLICE = "police", _("Police")


class GradeBand(models.TextChoices):
    K_3 = "k3", _("Kindergarten to grade 3")
    G4_6 = "4-6", _("Grades 4 to 6")
    G7_8 = "7-8", _("Grades 7 and 8")
    G9_10 = "9-10", _("Grades 9 and 10")
    G11_12 = "11-12", _("Grades 11 and 12")


# --- Instruments -----------------------------------------------------------------------------


class InstrumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Standard instruments for every survey administrator, their own ones, and all of them
        for program administrators."""
        if not user.is_authenticated or not user.has_role(*SURVEY_ADMIN_ROLES):
            return self.none()
        if user.is_program_admin:
            return self
        return self.filter(Q(is_standard=True) | Q(owner=user))


class Instrument(models.Model):
    """A questionnaire: ordered questions, each tied to an outcome indicator."""

    name = models.CharField(_("name"), max_length=200)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    description = models.TextField(_("description"), blank=True)
    is_standard = models.BooleanField(
        _("standard"), default=False,
        help_text=_("Shared with every coordinator; copy it to make changes."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="survey_instruments", verbose_name=_("owner"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        ordering = ["-is_standard", "name", "audience"]
        verbose_name = _("survey instrument")
        verbose_name_plural = _("survey instruments")
        constraints = [
            models.CheckConstraint(
                condition=Q(is_standard=True, owner__isnull=True) | Q(is_standard=False, owner__isnull=False),
                name="instrument_standard_xor_owner",
            ),
            models.UniqueConstraint(
                fields=["name", "audience"], condition=Q(is_standard=True),
                name="instrument_standard_unique",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_audience_display()})"

    def get_absolute_url(self):
        return reverse("evaluations:instrument_detail", args=[self.pk])

    def is_in_use(self) -> bool:
        """Runs one query. An instrument that a survey uses is frozen: its results depend on it."""
        return self.surveys.exists()

    def can_be_edited_by(self, user) -> bool:
        """Runs one query (is_in_use). Coordinators edit their own; program administrators any."""
        mine = user.is_program_admin or (not self.is_standard and self.owner_id == user.pk)
        return mine and not self.is_in_use()


class QuestionKind(models.TextChoices):
    AGREEMENT = "agreement", _("5-point agreement")
    YES_NO = "yes_no", _("Yes / no")
    FREQUENCY = "frequency", _("Frequency")
    CHOICE = "choice", _("Choice")
    NUMBER = "number", _("Number")
    TEXT = "text", _("Free text")


AGREEMENT_SCALE = [
    (1, _("Strongly disagree")), (2, _("Disagree")), (3, _("Neither agree nor disagree")),
    (4, _("Agree")), (5, _("Strongly agree")),
]
FREQUENCY_SCALE = [(1, _("Never")), (2, _("Rarely")), (3, _("Sometimes")), (4, _("Often")), (5, _("Very often"))]
YES_NO_SCALE = [(1, _("Yes")), (0, _("No"))]
SCALED_KINDS = frozenset({QuestionKind.AGREEMENT, QuestionKind.FREQUENCY, QuestionKind.YES_NO})
NUMBER_MAX = 10000


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class Question(models.Model):
    instrument = models.ForeignKey(
        Instrument, on_delete=models.CASCADE, related_name="questions", verbose_name=_("instrument")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    indicator = models.CharField(_("indicator"), max_length=30, choices=Indicator.choices)
    options = models.TextField(
        _("options"), blank=True, help_text=_("For a choice question: one option per line."),
    )
    reverse_scored = models.BooleanField(
        _("lower is better"), default=False,
        help_text=_('For example "How often have you seen bullying?": "never" is the favourable answer.'),
    )
    required = models.BooleanField(_("required"), default=False)

    class Meta:
        ordering = ["instrument", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "position"], name="question_position_unique"),
        ]

    def __str__(self):
        return self.text

    def clean(self):
        # `options` is the English list (in forms too, see common.bilingual), `options_fr` the French.
        english, french = _lines(self.options_en), _lines(self.options_fr)
        if self.kind == QuestionKind.CHOICE and len(english) < 2:
            raise ValidationError({"options": _("A choice question needs at least two options, one per line.")})
        if self.kind != QuestionKind.CHOICE and (english or french):
            raise ValidationError({"options" if english else "options_fr": _("Only a choice question has options.")})
        if french and len(french) != len(english):
            # An answer is kept as the option's number: both lists must match line for line.
            raise ValidationError({"options_fr": _(
                "Give the French options in the same order as the English ones, one per line: %(count)s lines."
            ) % {"count": len(english)}})

    @property
    def option_list(self) -> list[str]:
        """The options in the current language (English where no French was given)."""
        return _lines(self.options)

    @property
    def english_option_list(self) -> list[str]:
        """The options in English: what an answer records, whatever the respondent's language."""
        return _lines(self.options_en)

    @property
    def is_scaled(self) -> bool:
        return self.kind in SCALED_KINDS

    def scale(self):
        """The (value, label) pairs a respondent chooses from, or None for number and text."""
        if self.kind == QuestionKind.AGREEMENT:
            return AGREEMENT_SCALE
        if self.kind == QuestionKind.FREQUENCY:
            return FREQUENCY_SCALE
        if self.kind == QuestionKind.YES_NO:
            return YES_NO_SCALE
        if self.kind == QuestionKind.CHOICE:
            return list(enumerate(self.option_list, start=1))
        return None

    def favourable(self, value) -> bool | None:
        """Whether an answer counts as favourable for the indicator (None: not a scaled question).

        Agreement and frequency: the top two of five (the bottom two when lower is better);
        yes/no: yes (no when lower is better)."""
        if value is None or not self.is_scaled:
            return None
        if self.kind == QuestionKind.YES_NO:
            return (value == 1) != self.reverse_scored
        return value <= 2 if self.reverse_scored else value >= 4


# --- Surveys and codes -----------------------------------------------------------------------


def _scope_schools(user, roles):
    return School.objects.visible_to(user, roles=roles)


class SurveyQuerySet(models.QuerySet):
    def visible_to(self, user, *, roles=SURVEY_ADMIN_ROLES):
        """Surveys that run in at least one school the user sees through `roles`."""
        if not user.is_authenticated:
            return self.none()
        links = Survey.schools.through.objects.filter(school__in=_scope_schools(user, roles))
        return self.filter(pk__in=links.values("survey_id"))

    def open_on(self, day):
        return self.filter(opens_on__lte=day, closes_on__gte=day)


class Survey(models.Model):
    """One administration of an instrument: a school year, an audience, schools, dates."""

    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="surveys", verbose_name=_("instrument")
    )
    title = models.CharField(_("title"), max_length=200)
    school_year = models.CharField(
        _("school year"), max_length=7, validators=[validate_school_year], help_text=_("For example 2025–26.")
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    schools = models.ManyToManyField(School, related_name="surveys", verbose_name=_("schools"))
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    is_baseline = models.BooleanField(
        _("baseline"), default=False, help_text=_("Later surveys are compared with this one."),
    )
    baseline = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="follow_ups",
        verbose_name=_("compare with baseline"), limit_choices_to={"is_baseline": True},
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-school_year", "title", "pk"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="survey_closes_after_opening"),
            models.CheckConstraint(
                condition=Q(is_baseline=False) | Q(baseline__isnull=True),
                name="survey_baseline_has_no_baseline",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.school_year})"

    def get_absolute_url(self):
        return reverse("evaluations:survey_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.school_year:
            try:
                self.school_year = normalize_school_year(self.school_year)
            except ValidationError as exc:
                errors["school_year"] = exc.messages
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = _("A survey closes on or after the day it opens.")
        if self.instrument_id and self.audience and self.instrument.audience != self.audience:
            errors["audience"] = _("The instrument is written for %(audience)s.") % {
                "audience": self.instrument.get_audience_display()
            }
        if self.is_baseline and self.baseline_id:
            errors["baseline"] = _("A baseline survey is not compared with another baseline.")
        if self.baseline_id and "school_year" not in errors and self.school_year:
            base = self.baseline
            if base.pk == self.pk or not base.is_baseline:
                errors["baseline"] = _("Choose a survey marked as a baseline.")
            elif base.school_year >= self.school_year:
                errors["baseline"] = _("The baseline must come from an earlier school year.")
            elif base.audience != self.audience:
                errors["baseline"] = _("The baseline must have the same audience.")
        if errors:
            raise ValidationError(errors)

    def is_open(self, day=None) -> bool:
        day = day or timezone.localdate()
        return self.opens_on <= day <= self.closes_on


CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no I, L, O, 0 or 1: nothing to misread
CODE_LENGTH = 8


def normalize_code(raw: str) -> str:
    """What a respondent typed → the stored form: upper case, spaces and dashes dropped."""
    return re.sub(r"[^A-Z0-9]", "", (raw or "").upper())[:32]


def format_code(code: str) -> str:
    """ABCD-EFGH: easier to copy from paper."""
    return f"{code[:4]}-{code[4:]}" if len(code) == CODE_LENGTH else code


class CodeBatch(models.Model):
    """Codes generated together for one school of a survey: one printed sheet."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="code_batches", verbose_name=_("survey"))
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    size = models.PositiveIntegerField(_("number of codes"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("code batch")
        verbose_name_plural = _("code batches")
        constraints = [models.CheckConstraint(condition=Q(size__gte=1), name="codebatch_size_positive")]

    def __str__(self):
        return f"{self.school} · {self.size}"


class ResponseCode(models.Model):
    """A single-use code. The code text is kept so that its sheet can be printed again; what it
    was used for is not: only the day it was used (no time, so that it can't be matched with the
    order in which responses were saved)."""

    batch = models.ForeignKey(CodeBatch, on_delete=models.CASCADE, related_name="codes", verbose_name=_("batch"))
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="codes", verbose_name=_("survey"))
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    code = models.CharField(_("code"), max_length=16, unique=True)
    used_on = models.DateField(_("used on"), null=True, blank=True)

    class Meta:
        ordering = ["batch", "pk"]
        verbose_name = _("response code")
        verbose_name_plural = _("response codes")

    def __str__(self):
        return format_code(self.code)


class SurveyResponse(models.Model):
    """One anonymous response. Random primary key and no timestamp: rows carry no order."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses", verbose_name=_("survey"))
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    grade_band = models.CharField(_("grade band"), max_length=10, choices=GradeBand.choices, blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["survey", "school"])]

    def __str__(self):
        return str(_("Response"))


class Answer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        SurveyResponse, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers", verbose_name=_("question"))
    value = models.FloatField(_("value"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    favourable = models.BooleanField(_("favourable"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_one_per_question"),
        ]
        indexes = [models.Index(fields=["question", "favourable"])]

    def __str__(self):
        return self.text or str(self.value)


class SurveyTally(models.Model):
    """A survey's figures per school, added up: its responses (key "r"), the answers to each question
    ("q:<id>") and to each indicator ("i:<indicator>", n counting responses). What the results page
    reads at a province's size instead of millions of answers (evaluations.selectors).

    Kept current on PostgreSQL by statement triggers on responses and answers (migration 0003): the
    figures of each school a statement touched are computed again, in the same transaction. Rebuilt by
    `manage.py refresh_survey_tallies`. Unused on SQLite (the demo): results read the answers."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+", verbose_name=_("survey"))
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+", verbose_name=_("school"))
    key = models.CharField(_("key"), max_length=40)
    n = models.BigIntegerField(_("count"), default=0)
    favourable = models.BigIntegerField(_("favourable"), default=0)
    scored = models.BigIntegerField(_("scored"), default=0)
    total = models.FloatField(_("total"), default=0)
    valued = models.BigIntegerField(_("valued"), default=0)

    class Meta:
        verbose_name = _("survey tally")
        verbose_name_plural = _("survey tallies")
        constraints = [models.UniqueConstraint(fields=["survey", "school", "key"], name="survey_tally_unique")]

    def __str__(self):
        return f"{self.survey_id}/{self.school_id}/{self.key}: {self.n}"


# --- Outcome data ----------------------------------------------------------------------------


class OutcomeQuerySet(models.QuerySet):
    def visible_to(self, user, *, roles=OUTCOME_ROLES):
        return self.filter(school__in=School.objects.visible_to(user, roles=roles))


class AttendanceRecord(models.Model):
    """Attendance of one school in one month, in student-days: the days students were enrolled
    and the days they were absent. The rate is computed, so months and schools add up."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    enrolled_days = models.PositiveIntegerField(_("enrolled student-days"))
    absent_days = models.PositiveIntegerField(_("absent student-days"))
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = OutcomeQuerySet.as_manager()

    class Meta:
        ordering = ["school", "month"]
        verbose_name = _("attendance record")
        verbose_name_plural = _("attendance records")
        constraints = [
            models.UniqueConstraint(fields=["school", "month"], name="attendance_one_per_school_month"),
            models.CheckConstraint(
                condition=Q(absent_days__lte=F("enrolled_days")), name="attendance_absent_le_enrolled"
            ),
            models.CheckConstraint(condition=Q(month__day=1), name="attendance_month_first_day"),
        ]

    def __str__(self):
        return f"{self.school} {self.month:%Y-%m}"

    @property
    def attendance_rate(self) -> float | None:
        if not self.enrolled_days:
            return None
        return 100 * (self.enrolled_days - self.absent_days) / self.enrolled_days


class UnitType(models.TextChoices):
    SRO = "sro", _("SRO")
    PATROL = "patrol", _("Patrol")


class CallForService(models.Model):
    """A police call for service at or near a school, imported from the police service."""

    call_number = models.CharField(_("call number"), max_length=40, unique=True)
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    received_at = models.DateTimeField(_("received at"))
    dispatched_at = models.DateTimeField(_("dispatched at"), null=True, blank=True)
    on_scene_at = models.DateTimeField(_("on scene at"), null=True, blank=True)
    priority = models.PositiveSmallIntegerField(_("priority"))
    unit_type = models.CharField(_("unit type"), max_length=10, choices=UnitType.choices)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = OutcomeQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("call for service")
        verbose_name_plural = _("calls for service")
        constraints = [
            models.CheckConstraint(
                condition=Q(dispatched_at__isnull=True) | Q(dispatched_at__gte=F("received_at")),
                name="call_dispatched_after_received",
            ),
            models.CheckConstraint(
                condition=Q(on_scene_at__isnull=True) | Q(on_scene_at__gte=F("received_at")),
                name="call_on_scene_after_received",
            ),
            models.CheckConstraint(condition=Q(priority__gte=1, priority__lte=9), name="call_priority_1_to_9"),
        ]
        indexes = [models.Index(fields=["school", "received_at"])]

    def __str__(self):
        return self.call_number


class OutcomeImport(models.Model):
    """A record of each accepted CSV upload: who, when, what, how many rows."""

    class Kind(models.TextChoices):
        ATTENDANCE = "attendance", _("School attendance")
        CALLS = "calls", _("Calls for service")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    filename = models.CharField(_("file"), max_length=255)
    created = models.PositiveIntegerField(_("rows added"))
    updated = models.PositiveIntegerField(_("rows updated"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("outcome data import")
        verbose_name_plural = _("outcome data imports")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.filename}"
