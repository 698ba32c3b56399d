"""Generated activity logs (seed_scale): each SRO logs a few entries every school day at the
schools they serve, with the program's category mix, minutes and audiences typical of each."""

import datetime

from django.db import connection

from common.bulkload import bulk_load

from .models import Activity, Category, Topic
from .summary import rebuild_summary

# category: (weight, (shortest, longest) minutes, audience (students, staff, parents, community) ranges)
MIX = {
    Category.INFORMAL_CONTACT: (30, (5, 45), ((1, 25), (0, 2), (0, 1), (0, 0))),
    Category.PRESENTATION: (11, (40, 75), ((18, 32), (1, 2), (0, 0), (0, 0))),
    Category.RESTORATIVE_JUSTICE: (4, (30, 90), ((2, 6), (1, 2), (0, 2), (0, 0))),
    Category.VICTIM_FOLLOW_UP: (4, (15, 45), ((1, 2), (0, 1), (0, 1), (0, 0))),
    Category.PARENT_CONSULTATION: (6, (15, 40), ((0, 1), (0, 1), (1, 2), (0, 0))),
    Category.STAFF_CONSULTATION: (12, (10, 40), ((0, 0), (1, 4), (0, 0), (0, 0))),
    Category.EVENT: (6, (60, 180), ((20, 200), (2, 15), (5, 60), (0, 30))),
    Category.SAFETY_PLANNING: (4, (30, 120), ((0, 0), (2, 8), (0, 0), (0, 2))),
    Category.INFORMATION_GATHERING: (5, (15, 60), ((0, 3), (0, 2), (0, 0), (0, 1))),
    Category.STUDENT_INTERVIEW: (4, (20, 60), ((1, 2), (1, 1), (0, 1), (0, 0))),
    Category.LAW_ENFORCEMENT: (4, (30, 180), ((0, 3), (0, 1), (0, 0), (0, 1))),
    Category.ADMINISTRATION: (10, (30, 120), ((0, 0), (0, 0), (0, 0), (0, 0))),
}
NOTES = ["", "", "", "", "Lunch-hour visit", "Follow-up with vice-principal", "Grade 7 class", "Recess supervision",
         "Met the new counsellor", "Walked the perimeter with the custodian", "Bus loop at dismissal",
         "Parent council meeting", "Basketball practice", "Hallway check after the assembly"]
FIELDS = ["officer_id", "school_id", "date", "minutes", "category", "topic", "students", "staff", "parents",
          "community", "note", "created_at", "updated_at"]


def rows(ctx, rng):
    officers = [o for o in ctx.data["officers"] if o["schools"]]
    days = ctx.school_days()
    # Entries per officer per school day, a little under the size so that the days run up to today.
    rate = 0.98 * ctx.size.activities / (len(officers) * len(days))
    categories = list(MIX)
    weights = [MIX[c][0] for c in categories]
    topics = Topic.values
    produced = 0
    for day in days:
        for officer in officers:
            # Busier and quieter days around the rate; the fraction is drawn, so the mean stays the rate.
            busy = rate * rng.uniform(0.6, 1.4)
            count = int(busy) + (rng.random() < busy - int(busy))
            for _ in range(count):
                category = rng.choices(categories, weights)[0]
                _weight, (short, long), audience = MIX[category]
                minutes = rng.randint(short, long)
                created = ctx.aware(day, rng.randint(8, 16), rng.randint(0, 59))
                if rng.random() < 0.1:  # logged that evening or the next morning
                    created += datetime.timedelta(hours=rng.randint(3, 18))
                yield (officer["id"], rng.choice(officer["schools"]), day, minutes, category,
                       rng.choice(topics) if category == Category.PRESENTATION else "",
                       *(rng.randint(low, high) for low, high in audience), rng.choice(NOTES), created, created)
                produced += 1
                if produced >= ctx.size.activities:
                    return


def seed(ctx):
    progress = ctx.progress("activities", ctx.size.activities)
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        # The summary's trigger would upsert once per row; the summary is rebuilt in one statement after.
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE activities_activity DISABLE TRIGGER activities_summary_current")
    progress.finish(bulk_load(Activity, FIELDS, progress.wrap(rows(ctx, ctx.rng_for("activities")))))
    if postgresql:
        with connection.cursor() as cursor:
            # The foreign keys' deferred checks must run before the table can be altered again.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE activities_activity ENABLE TRIGGER activities_summary_current")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        rebuild_summary()
