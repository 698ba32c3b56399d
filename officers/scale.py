"""Generated officers (seed_scale): SROs spread over the divisions in proportion to their schools,
each serving the schools of one division, with earlier assignments (history) and training records."""

import datetime

from accounts.scale import UserRows
from common.bulkload import bulk_load, reserve_ids

from .models import Assignment, Course, Officer, TrainingRecord

RANKS = ["Constable"] * 8 + ["Detective Constable", "Sergeant"]


def seed(ctx):
    rng = ctx.rng_for("officers")
    size = ctx.size
    divisions = ctx.data["divisions"]
    schools = ctx.data["schools"]
    by_division = {}
    for school in schools:
        by_division.setdefault(school["division_id"], []).append(school["id"])
    # Officers per division in proportion to its schools, at least one each.
    per_division = {d: max(1, round(size.officers * len(by_division[d]) / len(schools))) for d, _ in divisions}
    total = sum(per_division.values())
    bench_sro = ctx.data["bench_user_ids"]["sro"]
    users = UserRows(ctx, total - 1, rng)
    first_officer = reserve_ids(Officer, total)
    officer_rows, assignment_rows, officers = [], [], []
    officer_of_school = {}
    start = ctx.period_start
    progress = ctx.progress("officers", total)
    officer_id = first_officer
    for division_id, service_id in divisions:
        division_schools = by_division[division_id]
        count = per_division[division_id]
        for index in range(count):
            # The benchmark's SRO is the first officer of the largest division.
            user_id = bench_sro if officer_id == first_officer else users.add(f"sro_{officer_id - first_officer:05d}")
            became = start - datetime.timedelta(days=rng.randint(0, 4 * 365))
            joined = became - datetime.timedelta(days=rng.randint(5 * 365, 15 * 365))
            officer_rows.append((officer_id, user_id, f"B{officer_id:06d}", rng.choice(RANKS), service_id, joined,
                                 became))
            mine = division_schools[index::count]
            for school_id in mine:
                assignment_rows.append((officer_id, school_id, max(became, start - datetime.timedelta(days=30)),
                                        None))
                officer_of_school[school_id] = (officer_id, user_id)
            if mine and rng.random() < 0.15:
                # An earlier posting at a school of the division, ended before the current ones began.
                earlier = rng.choice(division_schools)
                assignment_rows.append((officer_id, earlier, became, max(became, start - datetime.timedelta(days=31))))
            officers.append({"id": officer_id, "user_id": user_id, "division_id": division_id, "schools": mine})
            officer_id += 1
    users.load()
    progress.finish(bulk_load(Officer, ["id", "user_id", "badge_number", "rank", "police_service_id",
                                        "joined_service_on", "became_sro_on"], officer_rows))
    bulk_load(Assignment, ["officer_id", "school_id", "start", "end"], assignment_rows)
    # Training: most officers completed most courses; a few are overdue (visible on the compliance page).
    courses = list(Course.objects.filter(active=True).values_list("pk", "due_days"))
    training = []
    for officer in officer_rows:
        for course_id, due_days in courses:
            if rng.random() < 0.85:
                done = officer[6] + datetime.timedelta(days=rng.randint(10, due_days or 365))
                done = min(done, ctx.today)
                training.append((officer[0], course_id, done, None, ctx.aware(done, 10)))
    bulk_load(TrainingRecord, ["officer_id", "course_id", "completed_on", "recorded_by_id", "recorded_at"], training)
    ctx.data["officers"] = officers
    ctx.data["officer_of_school"] = officer_of_school
