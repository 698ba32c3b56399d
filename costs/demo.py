"""Demo costs, and a comparison group for the outcome report.

- Officers' annual costs per police service and rank for fiscal years 2022–23 to 2027–28, one
  officer's own cost (a senior constable), the cost of a patrol call, and Pembina Trails' partner
  shares for 2025–26 (40 / 30 / 30) instead of one third each.
- Five Calgary Board of Education schools with no SRO, and for all ten Calgary schools two school
  years (2024–25, the baseline, and 2025–26) of attendance, calls for service and a student survey:
  the outcome report then compares schools served by an SRO with schools not served. (The 107
  Winnipeg schools are all served, as in the real program.)

Deterministic and idempotent: each part is skipped when already there.
"""

import datetime
import uuid
from decimal import Decimal

from django.utils import timezone

from evaluations.models import (
    Answer,
    AttendanceRecord,
    CallForService,
    Instrument,
    QuestionKind,
    Survey,
    SurveyResponse,
    UnitType,
)
from officers.models import Officer
from schools.models import PoliceService, School, SchoolDivision

from .models import OfficerCostOverride, OfficerCostRate, PartnerShare, PatrolCallCost

# Annual cost of a constable (salary and benefits) in 2022–23, growing 3 % a year.
CONSTABLE_COST = {"Winnipeg Police Service": Decimal("118500"), "Calgary Police Service": Decimal("124300"),
                  "Ottawa Police Service": Decimal("121800")}
PATROL_CALL_COST = {"Winnipeg Police Service": Decimal("410"), "Calgary Police Service": Decimal("445"),
                    "Ottawa Police Service": Decimal("430")}
FISCAL_YEARS = range(2022, 2028)
COMPARISON_SCHOOLS = ["Bowness School", "Crescent Heights School", "Forest Lawn School", "Marlborough School",
                      "Sunnyside School"]
YEARS = [(2024, 0.0), (2025, 1.0)]  # school years (start) and how far into the program
SCHOOL_DAYS = {9: 19, 10: 20, 11: 19, 12: 15, 1: 19, 2: 18, 3: 16, 4: 19, 5: 20, 6: 19}


def _grown(amount: Decimal, year: int) -> Decimal:
    return (amount * Decimal("1.03") ** (year - FISCAL_YEARS[0])).quantize(Decimal("100"))


def _costs():
    if OfficerCostRate.objects.exists():
        return
    services = {s.name: s for s in PoliceService.objects.filter(name__in=CONSTABLE_COST)}
    OfficerCostRate.objects.bulk_create(
        OfficerCostRate(police_service=service, rank="Constable", fiscal_year=year,
                        annual_cost=_grown(CONSTABLE_COST[name], year))
        for name, service in services.items() for year in FISCAL_YEARS
    )
    PatrolCallCost.objects.bulk_create(
        PatrolCallCost(police_service=service, fiscal_year=year, cost_per_call=_grown(PATROL_CALL_COST[name], year))
        for name, service in services.items() for year in FISCAL_YEARS
    )
    senior = Officer.objects.filter(user__username="sro4").first()
    if senior:
        OfficerCostOverride.objects.bulk_create(
            OfficerCostOverride(officer=senior, fiscal_year=year, reason="Senior constable, 20 years of service",
                                annual_cost=_grown(CONSTABLE_COST["Winnipeg Police Service"], year) + 9000)
            for year in FISCAL_YEARS
        )
    pembina = SchoolDivision.objects.filter(code="PTSD").first()
    if pembina:
        PartnerShare.objects.create(division=pembina, fiscal_year=2025, province_percent=Decimal("40"),
                                    division_percent=Decimal("30"), police_service_percent=Decimal("30"))


def _comparison_schools(rng, division):
    existing = set(School.objects.filter(division=division).values_list("name", flat=True))
    School.objects.bulk_create(
        School(division=division, name=name, level=School.Level.ELEMENTARY, lowest_grade=0, highest_grade=6,
               enrolment=rng.randint(220, 480), address=f"{rng.randint(100, 2999)} 17 Ave SW")
        for name in COMPARISON_SCHOOLS if name not in existing
    )


def _served(school, year):
    return school.name not in COMPARISON_SCHOOLS


def _outcome_data(rng, schools):
    """Attendance and calls: schools with an SRO improve more in 2025–26 than those without."""
    attendance, calls, serial = [], [], 0
    stamp = datetime.datetime(2026, 7, 2, 12, 0, tzinfo=datetime.UTC)
    for school in schools:
        base = 0.07 + ((school.pk * 7) % 6) / 100
        for start, progress in YEARS:
            better = progress * (0.012 if _served(school, start) else 0.003)
            for month, days in SCHOOL_DAYS.items():
                enrolled = school.enrolment * days
                rate = max(0.02, base - better + rng.gauss(0, 0.004))
                attendance.append(AttendanceRecord(
                    school=school, month=datetime.date(start if month >= 9 else start + 1, month, 1),
                    enrolled_days=enrolled, absent_days=int(enrolled * rate), updated_at=stamp))
            for _ in range(rng.randint(6, 10)):
                serial += 1
                day = datetime.date(start, 9, 5) + datetime.timedelta(days=rng.randint(0, 280))
                received = timezone.make_aware(datetime.datetime.combine(
                    day, datetime.time(rng.randint(8, 15), rng.randint(0, 59))))
                sro = _served(school, start) and rng.random() < 0.6
                minutes = rng.randint(4, 16) if sro else rng.randint(14, 50) - int(progress * 3)
                calls.append(CallForService(
                    call_number=f"CPS{start % 100}-{serial:05d}", school=school, received_at=received,
                    dispatched_at=received + datetime.timedelta(minutes=2),
                    on_scene_at=received + datetime.timedelta(minutes=minutes), priority=rng.choice([2, 3, 4]),
                    unit_type=UnitType.SRO if sro else UnitType.PATROL, updated_at=received))
    AttendanceRecord.objects.bulk_create(attendance)
    CallForService.objects.bulk_create(calls)


def _surveys(rng, schools):
    instrument = Instrument.objects.filter(name="Student perceptions of safety and police", audience="students",
                                           is_standard=True).first()
    if instrument is None:
        return
    questions = [q for q in instrument.questions.all() if q.is_scaled]
    baseline = None
    for start, progress in YEARS:
        opens = datetime.date(start + 1, 4, 13)
        survey = Survey.objects.create(
            instrument=instrument, title=f"Calgary student survey {start}–{(start + 1) % 100:02d}",
            school_year=f"{start}–{(start + 1) % 100:02d}", audience=instrument.audience, opens_on=opens,
            closes_on=opens + datetime.timedelta(days=33), is_baseline=baseline is None, baseline=baseline,
        )
        survey.schools.set(schools)
        responses, answers = [], []
        for school in schools:
            lift = progress * (0.6 if _served(school, start) else 0.1)
            for _ in range(rng.randint(12, 20)):
                response = SurveyResponse(id=uuid.UUID(int=rng.getrandbits(128), version=4), survey=survey,
                                          school=school)
                responses.append(response)
                for question in questions:
                    value = _answer(rng, question, lift)
                    answers.append(Answer(id=uuid.UUID(int=rng.getrandbits(128), version=4), response=response,
                                          question=question, value=value, favourable=question.favourable(value)))
        SurveyResponse.objects.bulk_create(responses)
        Answer.objects.bulk_create(answers, batch_size=2000)
        baseline = baseline or survey


def _answer(rng, question, lift):
    if question.kind == QuestionKind.YES_NO:
        return float((rng.random() < 0.45 + lift / 4) != question.reverse_scored)
    if question.kind == QuestionKind.CHOICE:
        return float(rng.randint(1, len(question.option_list)))
    centre = 3.1 + lift if not question.reverse_scored else 2.9 - lift
    return float(min(5, max(1, round(rng.gauss(centre, 1.0)))))


def seed(ctx):
    _costs()
    calgary = SchoolDivision.objects.filter(code="CBE").first()
    if calgary is None or School.objects.filter(division=calgary, name=COMPARISON_SCHOOLS[0]).exists():
        return
    rng = ctx.rng_for("costs:comparison")
    _comparison_schools(rng, calgary)
    schools = list(School.objects.filter(division=calgary).order_by("name"))
    _outcome_data(rng, schools)
    _surveys(rng, schools)
    ctx.stdout.write(f"    {len(COMPARISON_SCHOOLS)} Calgary schools without an SRO, for the outcome report")
