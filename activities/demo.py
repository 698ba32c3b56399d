"""Demo activities: the daily logs of every officer who has assignments, from September 2023 to
yesterday, on the days they were assigned to each school.

Realistic patterns: weekdays of the school year only (after Labour Day to the end of June, less
winter break, spring break and statutory holidays; nothing in July and August), more
presentations in autumn and spring, drills in September and October, and most of the time in
informal contact and law enforcement.

Deterministic (one generator per officer, keyed by username) and idempotent: an officer who
already has activities is skipped. Everything is bulk-created.
"""

import datetime

from django.utils import timezone

from officers.models import Assignment, Officer
from schools.models import School

from .models import Activity, Category, Topic

FIRST_DAY = datetime.date(2023, 9, 1)  # the 2023–24 school year
BATCH_SIZE = 2000
DAY_START = datetime.time(8, 15)
MAX_DAY_MINUTES = 480

# category: (weight, minute choices)
CATEGORIES = {
    Category.INFORMAL_CONTACT: (28, [30, 45, 60, 60, 90, 120]),
    Category.LAW_ENFORCEMENT: (16, [45, 60, 90, 120, 150, 180]),
    Category.STAFF_CONSULTATION: (10, [15, 30, 30, 45]),
    Category.PRESENTATION: (6, [45, 60, 60, 75, 90]),
    Category.PARENT_CONSULTATION: (5, [15, 30, 30, 45, 60]),
    Category.INFORMATION_GATHERING: (5, [15, 30, 45, 60]),
    Category.VICTIM_FOLLOW_UP: (3, [30, 45, 60]),
    Category.RESTORATIVE_JUSTICE: (4, [45, 60, 90]),
    Category.EVENT: (4, [60, 90, 120, 180]),
    Category.SAFETY_PLANNING: (3, [30, 45, 60, 90]),
    Category.STUDENT_INTERVIEW: (4, [20, 30, 45]),
    Category.ADMINISTRATION: (8, [30, 60, 90, 120]),
}
# Seasonal multipliers by month: presentations in autumn and spring, drills early in the year,
# concerts and sports at the end of each term.
SEASONS = {
    Category.PRESENTATION: {10: 2.4, 11: 2.4, 3: 2.0, 4: 2.4, 5: 2.2, 9: 0.5, 12: 0.6, 1: 0.8, 6: 0.4},
    Category.SAFETY_PLANNING: {9: 2.5, 10: 2.0},
    Category.EVENT: {12: 2.0, 6: 2.5},
}
TOPICS_BY_LEVEL = {
    School.Level.ELEMENTARY: [Topic.INTERNET_SAFETY, Topic.CRIME_PREVENTION, Topic.CYBERBULLYING,
                              Topic.LAW_RELATED_EDUCATION],
    School.Level.MIDDLE: [Topic.CYBERBULLYING, Topic.INTERNET_SAFETY, Topic.GANG_AWARENESS,
                          Topic.ILLEGAL_DRUGS, Topic.LAW_RELATED_EDUCATION],
    School.Level.HIGH: [Topic.GANG_AWARENESS, Topic.ILLEGAL_DRUGS, Topic.LAW_RELATED_EDUCATION,
                        Topic.CYBERBULLYING, Topic.CRIME_PREVENTION],
    School.Level.K12: list(Topic.values),
}
# Short notes with no names: an SRO's log is not the place for youth personal information.
NOTES = {
    Category.INFORMAL_CONTACT: ["Lunch-hour visit in the cafeteria", "Recess on the playground",
                                "Joined a gym class", "Talked with students at dismissal",
                                "Breakfast program"],
    Category.LAW_ENFORCEMENT: ["Theft from lockers: statement taken", "Follow-up on a weekend break-in",
                               "Vandalism to the portable", "Assisted patrol with a call near the school"],
    Category.STAFF_CONSULTATION: ["Met the principal about attendance", "Student services team meeting",
                                  "Talked with a counsellor about a referral"],
    Category.PRESENTATION: [],  # written from the audience: see _note
    Category.PARENT_CONSULTATION: ["Phone call with a parent", "Parent meeting with the vice-principal"],
    Category.INFORMATION_GATHERING: ["Checked social media posts reported by staff", "Neighbourhood walk"],
    Category.VICTIM_FOLLOW_UP: ["Checked in after last week's incident"],
    Category.RESTORATIVE_JUSTICE: ["Restorative circle after a conflict"],
    Category.EVENT: ["Basketball tournament", "Winter concert", "Track and field day", "Community barbecue"],
    Category.SAFETY_PLANNING: ["Lockdown drill", "Reviewed the school's safety plan", "Hold-and-secure drill"],
    Category.STUDENT_INTERVIEW: ["Caution given with parent present", "Interview with the vice-principal"],
    Category.ADMINISTRATION: ["Reports and email", "SRO unit meeting", "Court", "Training day"],
}


def _nth_weekday(year, month, weekday, n):
    """The n-th `weekday` (0 = Monday) of a month."""
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _no_school_days(year: int) -> set[datetime.date]:
    """Holidays and breaks in the school year that starts in September of `year`."""
    labour_day = _nth_weekday(year, 9, 0, 1)
    days = {labour_day, _nth_weekday(year, 10, 0, 2), datetime.date(year, 11, 11),
            _nth_weekday(year + 1, 2, 0, 3)}  # Labour Day, Thanksgiving, Remembrance Day, Louis Riel Day
    victoria = datetime.date(year + 1, 5, 24)
    days.add(victoria - datetime.timedelta(days=victoria.weekday()))
    winter = datetime.date(year, 12, 22)
    days.update(winter + datetime.timedelta(days=i) for i in range(14))
    spring = _nth_weekday(year + 1, 3, 0, 4)
    days.update(spring + datetime.timedelta(days=i) for i in range(5))
    days.update(datetime.date(year, 9, d) for d in range(1, labour_day.day + 1))
    return days


def school_days(first: datetime.date, last: datetime.date):
    """Weekdays of the school year (September to June) from `first` to `last`."""
    closed: dict[int, set] = {}
    day = first
    while day <= last:
        year = day.year if day.month >= 9 else day.year - 1
        if year not in closed:
            closed[year] = _no_school_days(year)
        if day.weekday() < 5 and day.month not in (7, 8) and day not in closed[year]:
            yield day
        day += datetime.timedelta(days=1)


def _counts(rng, category, school):
    """Audience counts (students, staff, parents, community) for one activity."""
    r = rng.randint
    if category == Category.INFORMAL_CONTACT:
        return r(3, 40), r(0, 3), 0, 0
    if category == Category.PRESENTATION:
        students = r(18, 32) if rng.random() < 0.75 else r(80, 400)
        return min(students, max(school.enrolment, 18)), r(1, 3), 0, 0
    if category == Category.RESTORATIVE_JUSTICE:
        return r(2, 6), r(1, 2), r(0, 2), 0
    if category == Category.VICTIM_FOLLOW_UP:
        return 1, r(0, 1), r(0, 2), 0
    if category == Category.PARENT_CONSULTATION:
        return 0, r(0, 1), r(1, 3), 0
    if category == Category.STAFF_CONSULTATION:
        return 0, r(1, 4), 0, 0
    if category == Category.EVENT:
        return r(20, 300), r(2, 10), r(0, 80), r(0, 40)
    if category == Category.SAFETY_PLANNING:
        return (school.enrolment if rng.random() < 0.3 else 0), r(2, 8), 0, 0
    if category == Category.INFORMATION_GATHERING:
        return 0, r(0, 2), 0, r(0, 2)
    if category == Category.STUDENT_INTERVIEW:
        return r(1, 2), r(0, 1), r(0, 1), 0
    if category == Category.LAW_ENFORCEMENT:
        return r(0, 3), r(0, 2), 0, r(0, 2)
    return 0, 0, 0, 0


def _note(rng, category, school, students):
    if category == Category.PRESENTATION:
        if students > 60:
            return "Assembly in the gym"
        grade = rng.randint(max(school.lowest_grade, 1), max(school.highest_grade, 1))
        return f"Grade {grade} class"
    return rng.choice(NOTES[category])


def _weights_by_month():
    categories = list(CATEGORIES)
    return categories, {
        month: [CATEGORIES[c][0] * SEASONS.get(c, {}).get(month, 1.0) for c in categories]
        for month in range(1, 13)
    }


def officer_activities(rng, officer, periods, last_day) -> list[Activity]:
    """The log of one officer: `periods` are (school, start, end) of their assignments."""
    categories, weights = _weights_by_month()
    tz = timezone.get_current_timezone()
    first = max(FIRST_DAY, min(start for _school, start, _end in periods))
    rows = []
    for day in school_days(first, last_day):
        schools = [s for s, start, end in periods if start <= day and (end is None or day <= end)]
        if not schools or rng.random() < 0.06:  # not assigned, or leave, court, training elsewhere
            continue
        visited = rng.sample(schools, k=min(len(schools), rng.choice([1, 2, 2, 3])))
        clock = datetime.datetime.combine(day, DAY_START, tzinfo=tz)
        spent = 0
        for _ in range(rng.randint(3, 6)):
            category = rng.choices(categories, weights=weights[day.month])[0]
            minutes = rng.choice(CATEGORIES[category][1])
            if spent + minutes > MAX_DAY_MINUTES:
                break
            school = rng.choice(visited)
            students, staff, parents, community = _counts(rng, category, school)
            clock += datetime.timedelta(minutes=minutes + rng.choice([5, 10, 15]))
            spent += minutes
            rows.append(Activity(
                officer=officer, school=school, date=day, minutes=minutes, category=category,
                topic=rng.choice(TOPICS_BY_LEVEL[school.level]) if category == Category.PRESENTATION else "",
                students=students, staff=staff, parents=parents, community=community,
                note=_note(rng, category, school, students) if rng.random() < 0.3 else "",
                created_at=clock, updated_at=clock,
            ))
    return rows


def seed(ctx):
    last_day = timezone.localdate() - datetime.timedelta(days=1)
    officers = (
        Officer.objects.filter(pk__in=Assignment.objects.values("officer_id"))
        .exclude(pk__in=Activity.objects.values("officer_id"))
        .select_related("user").order_by("user__username")
    )
    assignments = (
        Assignment.objects.filter(officer__in=officers, start__lte=last_day)
        .select_related("school").order_by("school__name", "start")
    )
    periods: dict[int, list] = {}
    for assignment in assignments:
        periods.setdefault(assignment.officer_id, []).append((assignment.school, assignment.start, assignment.end))
    total = 0
    for officer in officers:
        if officer.pk not in periods:
            continue
        rng = ctx.rng_for(f"activities:{officer.user.username}")
        rows = officer_activities(rng, officer, periods[officer.pk], last_day)
        Activity.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        total += len(rows)
    ctx.stdout.write(f"    {total} activities logged")
