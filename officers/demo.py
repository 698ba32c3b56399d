"""Demo officers.

- `sro` (Sam Roberts): ten Winnipeg School Division schools, as in the foundation.
- `sro2` … `sro11`: the ten other Winnipeg Police Service SROs; together the eleven cover all 107
  Winnipeg and Pembina Trails schools (about ten each). Their dates are relative to today so the
  demo always shows terms ending soon, an extended term, service just over the 5-year limit,
  overdue and due training, and two school handovers in the history.
- Two Calgary and two Ottawa officers for the other divisions.

Idempotent: an officer's assignments, training and extensions are created only when the officer
is first created, so running the seed again (even another day) changes nothing.
"""

import datetime

from django.utils import timezone

from accounts.demo import demo_user
from accounts.models import Role, RoleGrant, User
from schools.models import PoliceService, School

from .dates import add_years
from .models import Assignment, Course, Officer, TermExtension, TrainingRecord

DEMO_ASSIGNMENT_START = datetime.date(2023, 9, 1)
DAY = datetime.timedelta(days=1)

EP, CC, NASRO, VTRA = "effective-presentation", "cross-cultural-communication", "nasro-basic", "vtra-level-1"

# username, first, last, badge, became an SRO (days after the date five years ago, or days ago
# when negative), extra service beyond 5 years on that date (days), courses completed.
WINNIPEG = [
    ("sro2", "Dana", "Kowalski", "4117", 60, 900, [EP, CC, NASRO, VTRA]),  # term ends in ~2 months
    ("sro3", "Marc", "Lavallée", "4125", 150, 2400, [EP, CC, NASRO]),  # term ends in ~5 months
    ("sro4", "Aisha", "Okafor", "4131", 20, 1500, [EP, CC, NASRO, VTRA]),  # ended soon: extended
    ("sro5", "Tom", "Bear", "4140", -3 * 365, 10, [EP, CC, NASRO, VTRA]),  # 10 days over the limit
    ("sro6", "Jenna", "Fontaine", "4152", -200, 2, [NASRO]),  # presentation course overdue
    ("sro7", "Raj", "Sandhu", "4163", -400, 700, []),  # both deadlines passed, nothing done
    ("sro8", "Claire", "Dubois", "4170", -2 * 365, 1200, [EP, CC, NASRO, VTRA]),
    ("sro9", "Kevin", "Harper", "4184", -365, 400, [EP, CC, NASRO]),  # VTRA missing
    ("sro10", "Mei", "Chen", "4191", -4 * 365, 1800, [EP, CC, NASRO, VTRA]),
    ("sro11", "Luc", "Gagnon", "4205", -90, 0, [NASRO]),  # exactly 5 years; courses due
]
CHUNKS = [10, 10, 10, 10, 10, 10, 10, 9, 9, 9]  # 97 schools besides the ten of `sro`
# (from, to, number of schools): `to` took these schools over from `from` on its first day.
HANDOVERS = [("sro2", "sro11", 2), ("sro10", "sro6", 2)]

OTHERS = [
    # username, first, last, badge, police service, division code, days ago became SRO, schools
    ("calgary.sro1", "Brooke", "Anderson", "C2231", "Calgary Police Service", "CBE", 3 * 365, 3),
    ("calgary.sro2", "Omar", "Haddad", "C2287", "Calgary Police Service", "CBE", 300, 2),
    ("ottawa.sro1", "Sophie", "Tremblay", "O5512", "Ottawa Police Service", "OCDSB", 2 * 365, 3),
    ("ottawa.sro2", "Daniel", "Mensah", "O5540", "Ottawa Police Service", "OCDSB", 1700, 2),
]


def seed(ctx):
    wps = PoliceService.objects.get(name="Winnipeg Police Service")
    officer, _ = Officer.objects.get_or_create(
        user=User.objects.get(username="sro"),
        defaults={
            "badge_number": "4102",
            "rank": "Constable",
            "police_service": wps,
            "joined_service_on": datetime.date(2012, 5, 14),
            "became_sro_on": DEMO_ASSIGNMENT_START,
        },
    )
    # Include the demo principal's school, so the SRO's incidents reach the principal's queue.
    principal_school = School.objects.get(role_grants__user__username="principal")
    others = School.objects.filter(division__code="WSD").exclude(pk=principal_school.pk)
    schools = [principal_school, *others.order_by("name")[:9]]
    for school in schools:
        Assignment.objects.get_or_create(
            officer=officer, school=school, start=DEMO_ASSIGNMENT_START
        )
    courses = {course.code: course for course in Course.objects.all()}
    for code, completed_on in ((NASRO, datetime.date(2023, 10, 18)), (EP, datetime.date(2024, 1, 24))):
        TrainingRecord.objects.get_or_create(officer=officer, course=courses[code], completed_on=completed_on)

    today = timezone.localdate()
    rng = ctx.rng_for("officers")
    _seed_winnipeg(ctx, rng, today, wps, courses, taken={school.pk for school in schools})
    _seed_other_provinces(ctx, rng, today, courses)
    ctx.sign_ins.append(("sro2 … sro11", "The other Winnipeg SROs (terms ending, overdue training…)"))


def _officer(ctx, username, first, last, badge, service, joined, became):
    user = demo_user(ctx, username, first, last)
    RoleGrant.objects.get_or_create(user=user, role=Role.SRO, division=None, school=None)
    return Officer.objects.get_or_create(
        user=user,
        defaults={"badge_number": badge, "rank": "Constable", "police_service": service,
                  "joined_service_on": joined, "became_sro_on": became},
    )


def _training(rng, officer, courses, codes):
    records = []
    for code in codes:
        course = courses[code]
        window = course.due_days or 400
        completed_on = officer.became_sro_on + datetime.timedelta(days=rng.randint(10, window - 5))
        if completed_on > timezone.localdate():
            completed_on = officer.became_sro_on + DAY
        records.append(TrainingRecord(officer=officer, course=course, completed_on=completed_on))
    TrainingRecord.objects.bulk_create(records)


def _seed_winnipeg(ctx, rng, today, wps, courses, *, taken):
    # Winnipeg School Division first: the officers whose terms end soon (sro2, sro3) serve the demo
    # coordinator's division, whose terms-ending list shows only the officers in their care.
    remaining = list(
        School.objects.filter(division__code__in=["WSD", "PTSD"]).exclude(pk__in=taken)
        .order_by("-division__code", "name")
    )
    five_years_ago = add_years(today, -5)
    officers, chunks, created = {}, {}, set()
    for (username, first, last, badge, offset, margin, codes), size in zip(WINNIPEG, CHUNKS, strict=True):
        became = five_years_ago + datetime.timedelta(days=offset) if offset >= 0 else today + datetime.timedelta(
            days=offset)
        joined = add_years(became, -5) - datetime.timedelta(days=margin)
        officer, is_new = _officer(ctx, username, first, last, badge, wps, joined, became)
        officers[username] = officer
        chunks[username], remaining = remaining[:size], remaining[size:]
        if is_new:
            created.add(username)
            _training(rng, officer, courses, codes)
    assignments = []
    for username in created:
        officer = officers[username]
        assignments += [Assignment(officer=officer, school=school, start=officer.became_sro_on)
                        for school in chunks[username]]
    for giver, taker, count in HANDOVERS:
        if taker not in created:
            continue
        handover = officers[taker].became_sro_on
        start = max(officers[giver].became_sro_on, handover - datetime.timedelta(days=3 * 365))
        assignments += [Assignment(officer=officers[giver], school=school, start=start, end=handover - DAY)
                        for school in chunks[taker][:count]]
    for assignment in assignments:
        assignment.full_clean()
    Assignment.objects.bulk_create(assignments)
    if "sro4" in created:
        officer = officers["sro4"]
        june = datetime.date(officer.base_term_end.year + (officer.base_term_end.month >= 6), 6, 30)
        extension = TermExtension(
            officer=officer, new_end=june, created_by=User.objects.get(username="coordinator"),
            reason="Extended to the end of the school year so that her schools keep the same SRO "
                   "until the summer handover.",
        )
        extension.full_clean()
        extension.save()


def _seed_other_provinces(ctx, rng, today, courses):
    for username, first, last, badge, service_name, code, days_ago, count in OTHERS:
        became = today - datetime.timedelta(days=days_ago)
        service = PoliceService.objects.get(name=service_name)
        joined = add_years(became, -7)
        officer, is_new = _officer(ctx, username, first, last, badge, service, joined, became)
        if not is_new:
            continue
        taken = Assignment.objects.filter(school__division__code=code).values("school")
        schools = School.objects.filter(division__code=code).exclude(pk__in=taken).order_by("name")[:count]
        Assignment.objects.bulk_create(
            [Assignment(officer=officer, school=school, start=became) for school in schools]
        )
        _training(rng, officer, courses, [EP, CC, NASRO] if days_ago > 365 else [NASRO])
