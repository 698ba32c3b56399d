"""Demo data for the dashboards: the evaluation demo is pinned to the school years 2024–25 and
2025–26 (and a survey opened for 2026–27); when the demo is loaded later than that, the current
school year would show no attendance, no calls for service and no survey answers. This tops up
the current school year to date, so that every panel has figures and a year to compare with.

Deterministic and idempotent: nothing is added for a school year that already has such data.
Runs after the evaluations demo (dashboards come last in INSTALLED_APPS).
"""

import datetime

from django.utils import timezone

from evaluations.models import Answer, AttendanceRecord, CallForService, Survey, SurveyResponse, UnitType
from schools.models import School

from .periods import SchoolYear

SCHOOL_DAYS = {9: 19, 10: 20, 11: 19, 12: 15, 1: 19, 2: 18, 3: 16, 4: 19, 5: 20, 6: 19}
SURVEY_SCHOOLS = 12  # schools given enough answers to be shown (10 or more each)


def _months_to_date(year: SchoolYear, today: datetime.date) -> list[datetime.date]:
    """The school months of `year` that have ended by `today`."""
    months = [datetime.date(year.start_year + (m < 7), m, 1) for m in SCHOOL_DAYS]
    return [m for m in months if m < datetime.date(today.year, today.month, 1)]


def _attendance(ctx, schools, year, today):
    months = _months_to_date(year, today)
    if not months or AttendanceRecord.objects.filter(school__in=schools, month__in=months).exists():
        return 0
    rng = ctx.rng_for(f"dashboards:attendance:{year}")
    rows = []
    for school in schools:
        base = 0.06 + ((school.pk * 13) % 9) / 100 - 0.012  # a little better than the years before
        for month in months:
            enrolled = school.enrolment * SCHOOL_DAYS[month.month]
            rate = max(0.02, base + rng.gauss(0, 0.01) + (0.02 if month.month in (12, 6) else 0))
            rows.append(AttendanceRecord(school=school, month=month, enrolled_days=enrolled,
                                         absent_days=int(enrolled * rate)))
    AttendanceRecord.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _calls(ctx, schools, year, today):
    first = datetime.date(year.start_year, 9, 3)
    prefix = f"WPS{year.start_year % 100}D-"
    days = (min(today, year.last_day) - first).days
    if days <= 0 or CallForService.objects.filter(call_number__startswith=prefix).exists():
        return 0
    rng = ctx.rng_for(f"dashboards:calls:{year}")
    rows, serial = [], 0
    for school in schools:
        for _ in range(rng.randint(0, max(1, 7 * days // 300))):
            serial += 1
            day = first + datetime.timedelta(days=rng.randint(0, days - 1))
            received = timezone.make_aware(datetime.datetime.combine(
                day, datetime.time(rng.randint(8, 15), rng.randint(0, 59))))
            sro = rng.random() < 0.65
            dispatch = datetime.timedelta(minutes=rng.randint(1, 4 if sro else 15))
            travel = datetime.timedelta(minutes=rng.randint(3, 14) if sro else rng.randint(10, 45))
            rows.append(CallForService(
                call_number=f"{prefix}{serial:06d}", school=school, received_at=received,
                dispatched_at=received + dispatch, on_scene_at=received + dispatch + travel,
                priority=rng.choice([2, 3, 3, 4, 4, 5]), unit_type=UnitType.SRO if sro else UnitType.PATROL,
                updated_at=received,
            ))
    CallForService.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _answer(rng, question):
    """A value of the question's scale, favourable six times in ten."""
    scale = [value for value, _label in question.scale()]
    good = [value for value in scale if question.favourable(value)]
    other = [value for value in scale if value not in good]
    return float(rng.choice(good if good and (not other or rng.random() < 0.6) else other))


def _survey_answers(ctx, year):
    """Answers to the current year's survey that has a baseline, at a dozen of its schools, each of
    which gets enough to be shown (schools that have 10 or more already are left as they are)."""
    survey = (Survey.objects.filter(school_year=year.label, baseline__isnull=False)
              .select_related("instrument").order_by("pk").first())
    if survey is None:
        return 0
    rng = ctx.rng_for(f"dashboards:survey:{year}")
    questions = [q for q in survey.instrument.questions.all() if q.is_scaled]
    made = 0
    for school in survey.schools.order_by("pk")[:SURVEY_SCHOOLS]:
        if SurveyResponse.objects.filter(survey=survey, school=school).count() >= 10:
            continue
        responses = SurveyResponse.objects.bulk_create(
            SurveyResponse(survey=survey, school=school) for _ in range(rng.randint(12, 30)))
        Answer.objects.bulk_create(
            (Answer(response=response, question=question, value=(value := _answer(rng, question)),
                    favourable=question.favourable(value))
             for response in responses for question in questions), batch_size=2000)
        made += len(responses)
    return made


def seed(ctx):
    today = timezone.localdate()
    year = SchoolYear.current()
    if year.start_year <= 2025:
        return  # the evaluation demo covers these years already
    schools = list(School.objects.filter(division__code__in=["WSD", "PTSD"]).order_by("pk"))
    if not schools:
        return
    attendance = _attendance(ctx, schools, year, today)
    calls = _calls(ctx, schools, year, today)
    answers = _survey_answers(ctx, year)
    ctx.stdout.write(f"  Dashboards: {year} to date topped up: {attendance} attendance months, {calls} calls "
                     f"for service, {answers} survey responses")
