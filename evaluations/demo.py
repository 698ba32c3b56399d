"""Demo evaluation data for the Winnipeg schools: a baseline (2024–25) and a follow-up (2025–26)
student survey with a few thousand anonymous responses, an open 2026–27 survey with printable
codes, and two school years of attendance and calls for service.

Deterministic (every random draw, code and key comes from ctx.rng_for), idempotent (each part is
skipped when already there) and fast (everything bulk-created)."""

import datetime
import uuid

from django.utils import timezone

from accounts.models import User
from schools.models import School

from .models import Answer as AnswerRow
from .models import (
    AttendanceRecord,
    CallForService,
    CodeBatch,
    GradeBand,
    Instrument,
    QuestionKind,
    ResponseCode,
    Survey,
    SurveyResponse,
    UnitType,
)

STANDARD = "Student perceptions of safety and police"
SURVEYS = [
    # title, school year, opens, closes, year effect on answers
    ("Student perceptions of safety and police — baseline", "2024–25", datetime.date(2025, 4, 7),
     datetime.date(2025, 5, 16), 0.0),
    ("Student perceptions of safety and police — follow-up", "2025–26", datetime.date(2026, 4, 6),
     datetime.date(2026, 5, 15), 0.35),
]
OPEN_SURVEY = ("Student check-in 2026–27", "2026–27", datetime.date(2026, 9, 1), datetime.date(2027, 6, 30))
# The surveys' titles in French (the standard instrument has its French from its migrations).
FRENCH_TITLES = {
    SURVEYS[0][0]: "Perceptions des élèves sur la sécurité et la police — année de référence",
    SURVEYS[1][0]: "Perceptions des élèves sur la sécurité et la police — suivi",
    OPEN_SURVEY[0]: "Bilan des élèves 2026-2027",
}
COMMENTS = [
    "More lighting near the bus stop.", "Supervision at lunch in the back field.",
    "Talk more about online safety.", "I like when the SRO comes to our class.",
    "Stop people vaping in the washroom.", "Crossing guard on the busy street.",
]
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _uuid(rng):
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _code(rng):
    return "".join(rng.choice(CODE_ALPHABET) for _ in range(8))


def _grade_band(rng, school):
    bands = [band for band, low, high in (
        (GradeBand.K_3, 0, 3), (GradeBand.G4_6, 4, 6), (GradeBand.G7_8, 7, 8),
        (GradeBand.G9_10, 9, 10), (GradeBand.G11_12, 11, 12),
    ) if high >= max(school.lowest_grade, 4) and low <= school.highest_grade]
    return rng.choice(bands) if bands and rng.random() < 0.8 else ""


def _value(rng, question, mood):
    """A plausible answer: `mood` shifts scaled answers towards the favourable side."""
    if question.kind == QuestionKind.TEXT:
        return None, rng.choice(COMMENTS) if rng.random() < 0.08 else None
    if question.kind == QuestionKind.NUMBER:
        return float(rng.choice([0, 0, 1, 1, 2, 3, 5])), None
    if question.kind == QuestionKind.CHOICE:
        return (None, None) if rng.random() < 0.3 else (float(rng.randint(1, len(question.option_list))), None)
    if question.kind == QuestionKind.YES_NO:
        yes = rng.random() < 0.5 + mood / 4
        return float(yes != question.reverse_scored), None
    centre = 3.3 + mood if not question.reverse_scored else 2.7 - mood
    return float(min(5, max(1, round(rng.gauss(centre, 1.0))))), None


def _responses(ctx, survey, schools, questions, year_effect, codes_seen):
    rng = ctx.rng_for(f"evaluations:responses:{survey.school_year}")
    responses, answers, codes = [], [], []
    stamp = timezone.make_aware(datetime.datetime.combine(survey.opens_on, datetime.time(8)))
    for index, school in enumerate(schools):
        # Every eleventh school had few participants: its results show as suppressed.
        count = rng.randint(3, 9) if index % 11 == 5 else rng.randint(11, 24)
        school_mood = ((school.pk * 37) % 11 - 5) / 20  # the same school leans the same way each year
        batch = CodeBatch.objects.create(survey=survey, school=school, size=count + 5, created_at=stamp)
        for position in range(count + 5):
            code = _code(rng)
            while code in codes_seen:
                code = _code(rng)
            codes_seen.add(code)
            used = survey.opens_on + datetime.timedelta(days=position % 10) if position < count else None
            codes.append(ResponseCode(batch=batch, survey=survey, school=school, code=code, used_on=used))
        for _ in range(count):
            response = SurveyResponse(id=_uuid(rng), survey=survey, school=school, grade_band=_grade_band(rng, school))
            responses.append(response)
            mood = school_mood + year_effect + rng.gauss(0, 0.3)
            for question in questions:
                value, text = _value(rng, question, mood)
                if value is None and not text:
                    continue
                answers.append(AnswerRow(
                    id=_uuid(rng), response=response, question=question, value=value, text=text or "",
                    favourable=question.favourable(value) if value is not None else None,
                ))
    ResponseCode.objects.bulk_create(codes, batch_size=2000)
    SurveyResponse.objects.bulk_create(responses, batch_size=2000)
    AnswerRow.objects.bulk_create(answers, batch_size=2000)
    return len(responses)


def _surveys(ctx, schools):
    # The English columns: `title` and `name` would read the current language's.
    if Survey.objects.filter(title_en=SURVEYS[0][0]).exists():
        return
    instrument = Instrument.objects.get(name_en=STANDARD, audience="students", is_standard=True)
    questions = list(instrument.questions.all())
    coordinator = User.objects.filter(username="coordinator").first()
    codes_seen = set(ResponseCode.objects.values_list("code", flat=True))
    baseline = None
    total = 0
    for title, year, opens, closes, effect in SURVEYS:
        survey = Survey.objects.create(
            instrument=instrument, title_en=title, title_fr=FRENCH_TITLES[title], school_year=year,
            audience=instrument.audience, opens_on=opens, closes_on=closes, is_baseline=baseline is None,
            baseline=baseline,
            created_by=coordinator, created_at=timezone.make_aware(datetime.datetime.combine(opens, datetime.time(8))),
        )
        survey.schools.set(schools)
        total += _responses(ctx, survey, schools, questions, effect, codes_seen)
        baseline = baseline or survey
    # An open survey with one sheet of codes, to try the answer page.
    title, year, opens, closes = OPEN_SURVEY
    survey = Survey.objects.create(
        instrument=instrument, title_en=title, title_fr=FRENCH_TITLES[title], school_year=year,
        audience=instrument.audience, opens_on=opens, closes_on=closes, baseline=baseline, created_by=coordinator,
        created_at=timezone.make_aware(datetime.datetime.combine(opens, datetime.time(8))),
    )
    # The demo principal's school (see accounts/demo.py), so the principal sees it too.
    school = next((s for s in sorted(schools, key=lambda s: s.name)
                   if s.division.code == "WSD" and s.level == School.Level.HIGH), schools[0])
    survey.schools.set([school])
    rng = ctx.rng_for("evaluations:open-codes")
    batch = CodeBatch.objects.create(survey=survey, school=school, size=30, created_at=survey.created_at)
    fresh = []
    while len(fresh) < 30:
        code = _code(rng)
        if code not in codes_seen:
            codes_seen.add(code)
            fresh.append(ResponseCode(batch=batch, survey=survey, school=school, code=code))
    ResponseCode.objects.bulk_create(fresh)
    ctx.stdout.write(f"    {total} survey responses; try the answer page at /evaluations/s/{fresh[0].code}/")


IMPORTED_AT = datetime.datetime(2026, 7, 2, 12, 0, tzinfo=datetime.UTC)
SCHOOL_DAYS = {9: 19, 10: 20, 11: 19, 12: 15, 1: 19, 2: 18, 3: 16, 4: 19, 5: 20, 6: 19}


def _attendance(ctx, schools):
    if AttendanceRecord.objects.filter(school__in=schools).exists():
        return
    rng = ctx.rng_for("evaluations:attendance")
    rows = []
    for school in schools:
        base = 0.06 + ((school.pk * 13) % 9) / 100  # 6–14 % absence
        for start, improvement in ((2024, 0.0), (2025, 0.008)):
            for month, days in SCHOOL_DAYS.items():
                year = start if month >= 9 else start + 1
                enrolled = school.enrolment * days
                rate = max(0.02, base - improvement + rng.gauss(0, 0.01) + (0.02 if month in (12, 6) else 0))
                rows.append(AttendanceRecord(school=school, month=datetime.date(year, month, 1),
                                             enrolled_days=enrolled, absent_days=int(enrolled * rate),
                                             updated_at=IMPORTED_AT))
    AttendanceRecord.objects.bulk_create(rows, batch_size=2000)


def _calls(ctx, schools):
    if CallForService.objects.filter(school__in=schools).exists():
        return
    rng = ctx.rng_for("evaluations:calls")
    rows, serial = [], 0
    for school in schools:
        for start in (2024, 2025):
            for _ in range(rng.randint(0, 7)):
                serial += 1
                day = datetime.date(start, 9, 3) + datetime.timedelta(days=rng.randint(0, 290))
                received = timezone.make_aware(datetime.datetime.combine(
                    day, datetime.time(rng.randint(8, 15), rng.randint(0, 59))))
                sro = rng.random() < (0.45 if start == 2024 else 0.6)
                dispatch = datetime.timedelta(minutes=rng.randint(1, 4 if sro else 15))
                travel = datetime.timedelta(minutes=rng.randint(3, 15) if sro else rng.randint(10, 45))
                rows.append(CallForService(
                    call_number=f"WPS{start % 100}-{serial:06d}", school=school, received_at=received,
                    dispatched_at=received + dispatch, on_scene_at=received + dispatch + travel,
                    priority=rng.choice([2, 3, 3, 4, 4, 5]), unit_type=UnitType.SRO if sro else UnitType.PATROL,
                    updated_at=received,
                ))
    CallForService.objects.bulk_create(rows, batch_size=2000)


def seed(ctx):
    schools = list(
        School.objects.filter(division__code__in=["WSD", "PTSD"]).select_related("division").order_by("pk")
    )
    if not schools:
        return
    _surveys(ctx, schools)
    _attendance(ctx, schools)
    _calls(ctx, schools)
