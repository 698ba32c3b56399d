"""Generated surveys and outcome data (seed_scale): the standard student survey run in every school,
last school year against a baseline the year before, with responses in proportion to enrolment, every
response's single-use code (used), and answers that lean favourable, as earlier evaluations found;
then each school's monthly attendance and the police's calls for service at schools (what the
dashboards' and the outcome report's attendance and response-time figures read)."""

import datetime
import uuid

from django.db import connection

from common.bulkload import bulk_load, reserve_ids
from schools.models import School

from .models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Answer,
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
from .tallies import rebuild_tallies

# Agreement 1–5 leaning to agree; frequency 1–5 leaning to rarely.
AGREEMENT = [1, 2, 3, 4, 5], [6, 10, 22, 38, 24]
FREQUENCY = [1, 2, 3, 4, 5], [30, 32, 22, 11, 5]
BANDS = {(0, 3): GradeBand.K_3, (4, 6): GradeBand.G4_6, (7, 8): GradeBand.G7_8, (9, 10): GradeBand.G9_10,
         (11, 12): GradeBand.G11_12}


def _value(rng, question):
    if question.kind == QuestionKind.AGREEMENT:
        return float(rng.choices(*AGREEMENT)[0])
    if question.kind == QuestionKind.FREQUENCY:
        return float(rng.choices(*FREQUENCY)[0])
    if question.kind == QuestionKind.YES_NO:
        return 1.0 if rng.random() < 0.7 else 0.0
    if question.kind == QuestionKind.CHOICE:
        return float(rng.randint(1, len(question.option_list)))
    if question.kind == QuestionKind.NUMBER:
        return float(rng.choices([0, 1, 2, 3, 5, 10], [30, 25, 20, 12, 9, 4])[0])
    return None


def _band(rng, school):
    grade = rng.randint(max(school["low"], 4), max(school["high"], 4))
    return next(band for (low, high), band in BANDS.items() if low <= grade <= high)


def seed(ctx):
    rng = ctx.rng_for("evaluations")
    schools = ctx.data["schools"]
    instrument = Instrument.objects.get(is_standard=True, audience="students")
    questions = list(instrument.questions.order_by("position"))
    start = ctx.period_start.year
    admin = ctx.data["bench_user_ids"]["program_admin"]
    baseline = Survey.objects.create(
        instrument=instrument, title="Province student survey (baseline)",
        school_year=f"{start}–{(start + 1) % 100:02d}",
        audience="students", opens_on=datetime.date(start + 1, 4, 1), closes_on=datetime.date(start + 1, 6, 15),
        is_baseline=True, created_by_id=admin,
    )
    current = Survey.objects.create(
        instrument=instrument, title="Province student survey", school_year=f"{start + 1}–{(start + 2) % 100:02d}",
        audience="students", opens_on=datetime.date(start + 2, 4, 1), closes_on=datetime.date(start + 2, 6, 15),
        baseline=baseline, created_by_id=admin,
    )
    through = Survey.schools.through
    bulk_load(through, ["survey_id", "school_id"], [(s.pk, school["id"]) for s in (baseline, current)
                                                    for school in schools])
    _tally_triggers("DISABLE")  # each COPY would compute its schools again: one rebuild at the end instead
    total_enrolment = sum(s["enrolment"] for s in schools)
    progress = ctx.progress("survey responses", ctx.size.responses)
    seen_codes: set[str] = set()
    batches = []
    first_batch = reserve_ids(CodeBatch, 2 * len(schools))
    responses, answers, codes = [], [], []
    answer_count = 0
    next_batch = first_batch
    for survey, share in ((baseline, 0.4), (current, 0.6)):
        for school in schools:
            count = round(ctx.size.responses * share * school["enrolment"] / total_enrolment)
            batch_id = next_batch
            next_batch += 1
            batches.append((batch_id, survey.pk, school["id"], max(1, round(count * 1.1)), admin,
                            ctx.aware(survey.opens_on, 8)))
            for index in range(max(1, round(count * 1.1))):
                code = "".join(rng.choices(CODE_ALPHABET, k=CODE_LENGTH))
                while code in seen_codes:
                    code = "".join(rng.choices(CODE_ALPHABET, k=CODE_LENGTH))
                seen_codes.add(code)
                used = survey.opens_on + datetime.timedelta(days=rng.randint(0, 60)) if index < count else None
                codes.append((batch_id, survey.pk, school["id"], code, used))
            for _ in range(count):
                response_id = uuid.UUID(int=rng.getrandbits(128), version=4)
                responses.append((response_id, survey.pk, school["id"], _band(rng, school)))
                for question in questions:
                    if not question.required and rng.random() < 0.33:
                        continue  # optional questions are often skipped
                    value = _value(rng, question)
                    text = "More adults in the hallways" if question.kind == QuestionKind.TEXT else ""
                    answers.append((uuid.UUID(int=rng.getrandbits(128), version=4), response_id, question.pk,
                                    value, text, question.favourable(value)))
                progress.advance()
            if len(answers) >= 50_000:
                answer_count += _flush(batches, codes, responses, answers)
    answer_count += _flush(batches, codes, responses, answers)
    _tally_triggers("ENABLE")
    rebuild_tallies()
    progress.finish()
    ctx.stdout.write(f"  {'survey answers':<22} {answer_count:>10,} rows")
    seed_outcomes(ctx)


def seed_outcomes(ctx):
    """Attendance per school and school month, and calls for service (about one a fortnight per
    school in term time, two in three answered by the SRO, who gets there sooner than a patrol).
    Reads the schools from the database, so it can run alone on data generated before it existed."""
    rng = ctx.rng_for("evaluations:outcomes")
    schools = list(School.objects.order_by("pk").values_list("pk", "enrolment"))
    days = ctx.school_days()
    months = sorted({day.replace(day=1) for day in days if day.replace(day=1) < ctx.today.replace(day=1)})
    days_in_month = {month: sum(1 for day in days if day.replace(day=1) == month) for month in months}
    progress = ctx.progress("attendance", len(schools) * len(months))

    def attendance():
        for school_id, enrolment in schools:
            base = 0.05 + rng.random() * 0.06  # 5-11 % of student-days absent, by school
            for month in months:
                enrolled = enrolment * days_in_month[month]
                rate = max(0.01, base + rng.gauss(0, 0.01) + (0.02 if month.month in (12, 6) else 0))
                yield school_id, month, enrolled, int(enrolled * rate), ctx.aware(month)
                progress.advance()

    progress.finish(bulk_load(AttendanceRecord, ["school_id", "month", "enrolled_days", "absent_days", "updated_at"],
                              attendance()))
    progress = ctx.progress("calls for service", len(schools) * len(days) // 10)

    def calls():
        serial = 0
        for school_id, _enrolment in schools:
            for day in days:
                if rng.random() >= 0.1:
                    continue
                serial += 1
                received = ctx.aware(day, rng.randint(8, 15), rng.randint(0, 59))
                sro = rng.random() < 0.65
                dispatched = received + datetime.timedelta(minutes=rng.randint(1, 4 if sro else 15))
                on_scene = dispatched + datetime.timedelta(minutes=rng.randint(3, 14) if sro else rng.randint(10, 45))
                yield (f"GEN-{serial:08d}", school_id, received, dispatched, on_scene,
                       rng.choice([2, 3, 3, 4, 4, 5]), UnitType.SRO if sro else UnitType.PATROL, received)
                progress.advance()

    progress.finish(bulk_load(CallForService, ["call_number", "school_id", "received_at", "dispatched_at",
                                               "on_scene_at", "priority", "unit_type", "updated_at"], calls()))


TALLY_TRIGGERS = {"evaluations_answer": ["evaluations_tally_answers_inserted"],
                  "evaluations_surveyresponse": ["evaluations_tally_responses_inserted"]}


def _tally_triggers(action: str) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # pending foreign-key checks first (see activities)
        for table, triggers in TALLY_TRIGGERS.items():
            for trigger in triggers:
                cursor.execute(f"ALTER TABLE {table} {action} TRIGGER {trigger}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _flush(batches, codes, responses, answers) -> int:
    bulk_load(CodeBatch, ["id", "survey_id", "school_id", "size", "created_by_id", "created_at"], batches)
    bulk_load(ResponseCode, ["batch_id", "survey_id", "school_id", "code", "used_on"], codes)
    bulk_load(SurveyResponse, ["id", "survey_id", "school_id", "grade_band"], responses)
    count = bulk_load(Answer, ["id", "response_id", "question_id", "value", "text", "favourable"], answers)
    for rows in (batches, codes, responses, answers):
        rows.clear()
    return count
