"""Demo incidents from September 2023 to today for every officer with current assignments.

Realistic rather than random: categories depend on the school's level, months follow the school
year (busy in autumn and spring, quiet in summer), most incidents are dealt with by the SRO (who gets
there faster than a patrol car), dispositions follow the category and the subject's age (no charge
under 12). Older incidents are closed after a review by the school; recent ones are at every step,
and the demo principal's school has some awaiting review. A few threat assessments (one overdue)
and requests for help complete the picture.

Deterministic (one generator per officer) and idempotent: an officer who already has incidents is
skipped. Schools without an administrator get a fictional vice-principal (no password) to review.
"""

import datetime

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from accounts.models import Role, RoleGrant, User
from common.history import record_missing_creations
from officers.models import Assignment, Officer
from schools.models import School

from .models import (
    Category,
    Disposition,
    HelpRequest,
    Incident,
    IncidentEvent,
    Location,
    PersonInvolved,
    PersonRole,
    RespondingUnit,
    RiskLevel,
    SchoolDiscipline,
    Severity,
    Status,
    Supplement,
    ThreatAssessment,
)
from .retention import deidentify_due_people, incidents_due, retention_cutoff

FIRST_DAY = datetime.date(2023, 9, 1)
# A few old incidents of the demo school, closed this long ago: past any retention period up to 5 years.
RETENTION_DEMO_DAYS = 6 * 365
DEMO_SRO, DEMO_PRINCIPAL = "sro", "principal"

# Incidents per school per school year, by level.
YEARLY_RATE = {School.Level.ELEMENTARY: 7, School.Level.MIDDLE: 14, School.Level.HIGH: 24, School.Level.K12: 14}
MONTH_WEIGHT = {9: 0.9, 10: 1.15, 11: 1.1, 12: 0.75, 1: 1.0, 2: 1.1, 3: 0.95, 4: 1.1, 5: 1.2, 6: 0.7, 7: 0.08, 8: 0.08}
SCHOOL_DAYS_PER_YEAR = 190

C = Category
CATEGORY_WEIGHTS = {
    "young": {C.BULLYING: 26, C.CYBERBULLYING: 6, C.ASSAULT: 13, C.THREAT: 6, C.WEAPON: 2, C.VANDALISM: 10,
              C.THEFT: 8, C.TRESPASS: 9, C.HARASSMENT: 5, C.TRUANCY: 3, C.MENTAL_HEALTH: 5, C.OTHER: 7},
    "old": {C.BULLYING: 9, C.CYBERBULLYING: 10, C.ASSAULT: 12, C.THREAT: 6, C.WEAPON: 4, C.DRUG_POSSESSION: 12,
            C.DRUG_TRAFFICKING: 3, C.ALCOHOL: 5, C.GANG: 3, C.THEFT: 9, C.VANDALISM: 8, C.TRESPASS: 5,
            C.HARASSMENT: 7, C.TRUANCY: 6, C.MENTAL_HEALTH: 6, C.OTHER: 4},
}
L = Location
LOCATION_WEIGHTS = {L.CLASSROOM: 18, L.HALLWAY: 24, L.WASHROOM: 12, L.GROUNDS: 24, L.BUS: 6, L.OFF_SITE: 16}
SEVERE = {C.WEAPON, C.ASSAULT, C.THREAT, C.DRUG_TRAFFICKING, C.GANG, C.MENTAL_HEALTH}
D = Disposition
DISPOSITION_WEIGHTS = {D.NO_FURTHER_ACTION: 22, D.INFORMAL_WARNING: 26, D.POLICE_CAUTION: 10,
                       D.RESTORATIVE_JUSTICE: 16, D.EXTRAJUDICIAL_SANCTION: 5, D.COMMUNITY_AGENCY: 10,
                       D.CHARGE_LAID: 5}
S = SchoolDiscipline
DISCIPLINE_WEIGHTS = {S.NONE: 30, S.CONFERENCE: 25, S.DETENTION: 12, S.IN_SCHOOL_SUSPENSION: 10, S.SUSPENSION: 10,
                      S.EXPULSION: 1, S.OTHER: 5}
NARRATIVES = {
    C.BULLYING: "Ongoing name-calling and exclusion reported by a staff member; met the students involved.",
    C.CYBERBULLYING: "Hurtful messages shared in a group chat; screenshots reviewed with the vice-principal.",
    C.ASSAULT: "Fight between students; separated by staff, injuries checked, statements taken.",
    C.THREAT: "A student made a threatening statement; staff informed, VTRA protocol considered.",
    C.WEAPON: "A knife was reported in a backpack; item secured, parents contacted.",
    C.DRUG_POSSESSION: "Cannabis vape found during a search by administration; item seized.",
    C.DRUG_TRAFFICKING: "Information that substances were being sold near the school; follow-up with the drug unit.",
    C.ALCOHOL: "Students under the influence of alcohol at a school event.",
    C.GANG: "Gang-related graffiti and recruitment concerns raised by staff.",
    C.THEFT: "Phone reported stolen from a locker; video reviewed with administration.",
    C.VANDALISM: "Graffiti on the east wall and a broken window; photographs taken.",
    C.TRESPASS: "Non-students on school grounds during lunch; asked to leave.",
    C.HARASSMENT: "Repeated unwanted comments reported by a student; spoke with those involved.",
    C.TRUANCY: "Chronic absence flagged by the school; home visit with the attendance worker.",
    C.MENTAL_HEALTH: "Student in crisis; stayed with the student until the crisis team arrived.",
    C.OTHER: "Concern raised by staff; assessed and advised.",
}
FIRST_NAMES = ["Aiden", "Amara", "Ava", "Ben", "Chloe", "Daniel", "Elijah", "Emma", "Ethan", "Fatima", "Gabriel",
               "Hannah", "Isaac", "Jayden", "Kai", "Layla", "Liam", "Maya", "Noah", "Olivia", "Owen", "Priya",
               "Quinn", "Riley", "Sofia", "Tyler", "Wyatt", "Zoe", "Mateo", "Nia", "Raven", "Cody"]
LAST_NAMES = ["Anderson", "Beaulieu", "Bird", "Chartrand", "Chen", "Cook", "Desjarlais", "Dumont", "Flett",
              "Fontaine", "Garcia", "Harper", "Houle", "Kowalski", "Lavallee", "Martin", "McKay", "Nguyen",
              "Okafor", "Patel", "Richard", "Santos", "Singh", "Spence", "Thomas", "Traverse", "Wilson"]


def seed(ctx):
    now = timezone.now()
    today = timezone.localdate(now)
    current = Assignment.objects.current(today)
    officers = (Officer.objects.filter(assignments__in=current).distinct().select_related("user")
                .order_by("user__username"))
    for officer in officers:
        if Incident.objects.filter(created_by=officer.user).exists():
            continue  # already seeded
        rng = ctx.rng_for(f"incidents:{officer.user.username}")
        assignments = list(current.filter(officer=officer).select_related("school").order_by("school__name"))
        _seed_officer(rng, officer.user, assignments, today, now)
    # The retention run, as the daily command does: the old incidents above lose their people's
    # names and their texts go on the coordinators' redaction review list. Their history starts first.
    cutoff = retention_cutoff(today)
    if incidents_due(cutoff).exists():
        record_missing_creations(reason=gettext("Demo data loaded"))
        deidentify_due_people(cutoff=cutoff)


def _reviewer(school):
    """The school's administrator: the demo principal where there is one, else a fictional one."""
    grant = RoleGrant.objects.filter(role=Role.SCHOOL_ADMIN, school=school).select_related("user") \
        .order_by("user__username").first()
    if grant:
        return grant.user
    username = f"vp.{school.division.code.lower()}.{slugify(school.name)}"[:150]
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": "Vice-principal", "last_name": school.name[:150],
                  "email": f"{username}@example.org"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    RoleGrant.objects.get_or_create(user=user, role=Role.SCHOOL_ADMIN, school=school)
    return user


def _aware(day, minutes):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(minutes=minutes))


def _pick(rng, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _seed_officer(rng, user, assignments, today, now):
    plans = []  # (incident, people, events, supplements, school)
    reviewers = {a.school_id: _reviewer(a.school) for a in assignments}
    for assignment in assignments:
        school = assignment.school
        start = max(assignment.start, FIRST_DAY)
        rate = YEARLY_RATE[school.level] / SCHOOL_DAYS_PER_YEAR
        day = start
        while day < today:
            weight = MONTH_WEIGHT[day.month] * (0.12 if day.weekday() >= 5 else 1.0)
            if rng.random() < rate * weight:
                plans.append(_plan(rng, user, school, reviewers[school.id], day, today, now))
            day += datetime.timedelta(days=1)
    # The demo principal's queue: a few incidents awaiting review, of different ages.
    if user.username == DEMO_SRO:
        for school_id, reviewer in reviewers.items():
            if reviewer.username == DEMO_PRINCIPAL:
                school = next(a.school for a in assignments if a.school_id == school_id)
                for days_ago, status in [(1, Status.SUBMITTED), (3, Status.SUBMITTED), (6, Status.UNDER_REVIEW),
                                         (11, Status.SUBMITTED), (4, Status.FOLLOW_UP), (2, Status.DRAFT)]:
                    plans.append(_plan(rng, user, school, reviewer, today - datetime.timedelta(days=days_ago),
                                       today, now, status=status))
                # Past the retention period: closed six years ago, with a supplement that names the
                # subject, so that the retention run below leaves a text on the redaction review list.
                for days_ago in (RETENTION_DEMO_DAYS, RETENTION_DEMO_DAYS + 40, RETENTION_DEMO_DAYS + 95):
                    plan = _plan(rng, user, school, reviewer, today - datetime.timedelta(days=days_ago), today, now,
                                 status=Status.CLOSED)
                    first_name = plan[1][0].name.split()[0]
                    plan[3].append(Supplement(author=user, at=plan[2][-1].at,
                                              text=f"{first_name} apologised to the school in front of the "
                                                   "vice-principal; no further action."))
                    plans.append(plan)
    if not plans:
        return
    incidents = Incident.objects.bulk_create([p[0] for p in plans], batch_size=500)
    people, events, supplements = [], [], []
    for incident, (_, plan_people, plan_events, plan_supplements, _school) in zip(incidents, plans, strict=True):
        for row in plan_people:
            row.incident = incident
        for row in plan_events + plan_supplements:
            row.incident = incident
        people += plan_people
        events += plan_events
        supplements += plan_supplements
    PersonInvolved.objects.bulk_create(people, batch_size=1000)
    IncidentEvent.objects.bulk_create(events, batch_size=1000)
    Supplement.objects.bulk_create(supplements, batch_size=1000)
    _seed_assessments(rng, user, incidents, reviewers, today)
    _seed_help_requests(rng, user, incidents, reviewers, today, now)


def _plan(rng, user, school, reviewer, day, today, now, status=None):
    young = school.highest_grade <= 8 or (school.level == School.Level.K12 and rng.random() < 0.5)
    category = _pick(rng, CATEGORY_WEIGHTS["young" if young else "old"])
    location = L.ONLINE if category == C.CYBERBULLYING else _pick(rng, LOCATION_WEIGHTS)
    in_school_hours = location not in {L.ONLINE, L.OFF_SITE} or rng.random() < 0.6
    minutes = rng.randint(8 * 60 + 30, 15 * 60 + 30) if in_school_hours else rng.randint(15 * 60, 21 * 60)
    occurred = _aware(day, minutes)
    reported = occurred + datetime.timedelta(minutes=rng.randint(5, 90) if category != C.CYBERBULLYING
                                             else rng.randint(60, 60 * 48))
    reported = min(reported, max(occurred, now - datetime.timedelta(hours=1)))
    severity = (_pick(rng, {Severity.LOW: 2, Severity.MEDIUM: 5, Severity.HIGH: 3}) if category in SEVERE
                else _pick(rng, {Severity.LOW: 6, Severity.MEDIUM: 3, Severity.HIGH: 1}))

    # People: a subject, often a victim, sometimes a witness. Ages follow the school's grades.
    grade = rng.randint(max(school.lowest_grade, 0), school.highest_grade)
    subject_age = grade + 5 + rng.randint(0, 1)
    people = [_person(rng, PersonRole.SUBJECT, grade, subject_age)]
    if category in {C.BULLYING, C.CYBERBULLYING, C.ASSAULT, C.THREAT, C.THEFT, C.HARASSMENT} or rng.random() < 0.3:
        other_grade = min(max(grade + rng.randint(-1, 1), school.lowest_grade), school.highest_grade)
        people.append(_person(rng, PersonRole.VICTIM, other_grade, other_grade + 5 + rng.randint(0, 1)))
    if rng.random() < 0.35:
        people.append(_person(rng, PersonRole.WITNESS, grade, grade + 5 + rng.randint(0, 1)))

    # Police response: the SRO most of the time (faster), a patrol unit sometimes, none for some.
    incident = Incident(school=school, occurred_at=occurred, reported_at=reported, location=location,
                        category=category, severity=severity, narrative=NARRATIVES[category], created_by=user,
                        created_at=reported)
    draw = rng.random()
    if draw < 0.85:
        called = reported + datetime.timedelta(minutes=rng.randint(0, 10))
        sro = draw < 0.65
        incident.call_number = f"{occurred.year % 100:02d}-{rng.randint(100000, 999999)}"
        incident.called_at = called
        incident.on_scene_at = called + datetime.timedelta(
            minutes=rng.randint(2, 14) if sro else rng.randint(11, 55))
        incident.responding_unit = RespondingUnit.SRO if sro else RespondingUnit.PATROL

    weights = dict(DISPOSITION_WEIGHTS)
    if subject_age < 12:
        weights.pop(D.CHARGE_LAID)
        weights[D.INFORMAL_WARNING] += 10
    if category in {C.THREAT, C.WEAPON}:
        weights[D.THREAT_ASSESSMENT] = 35
    if category in {C.WEAPON, C.DRUG_TRAFFICKING, C.ASSAULT} and subject_age >= 12:
        weights[D.CHARGE_LAID] = 12
    disposition = _pick(rng, weights)

    age_days = (today - day).days
    if status is None:
        if age_days > 30:
            status = Status.CLOSED
        else:
            status = _pick(rng, {Status.DRAFT: 1, Status.SUBMITTED: 3, Status.UNDER_REVIEW: 2,
                                 Status.FOLLOW_UP: 1, Status.CLOSED: 3})
    incident.status = status
    if status == Status.CLOSED or rng.random() < 0.6:
        incident.disposition = disposition

    # History: walk the workflow up to the status, with times that stay in the past.
    events, supplements = [], []
    at = reported + datetime.timedelta(minutes=rng.randint(10, 120))
    events.append(IncidentEvent(actor=user, at=reported, from_status="", to_status=Status.DRAFT))
    if status != Status.DRAFT:
        path = [(Status.SUBMITTED, user, "")]
        if status != Status.SUBMITTED:
            path.append((Status.UNDER_REVIEW, reviewer, ""))
        loop = status == Status.FOLLOW_UP or (status == Status.CLOSED and rng.random() < 0.15)
        if loop:
            path.append((Status.FOLLOW_UP, reviewer, "Please add what the parents were told."))
            if status == Status.CLOSED:
                path += [(Status.SUBMITTED, user, ""), (Status.UNDER_REVIEW, reviewer, "")]
        if status == Status.CLOSED:
            path.append((Status.CLOSED, reviewer, ""))
        latest = now - datetime.timedelta(minutes=30)
        previous = Status.DRAFT
        for step, actor, note in path:
            at = min(at, latest)
            events.append(IncidentEvent(actor=actor, at=at, from_status=previous, to_status=step, note=note))
            if step == Status.SUBMITTED:
                incident.submitted_at = at
            if loop and step == Status.FOLLOW_UP and status == Status.CLOSED:
                supplements.append(Supplement(author=user, at=min(at + datetime.timedelta(hours=3), latest),
                                              text="Spoke with the parents by phone; they will meet the school."))
            previous = step
            at += datetime.timedelta(hours=rng.randint(2, 72))
    if status == Status.CLOSED:
        incident.parent_contacted = rng.random() < 0.75
        incident.school_discipline = _pick(rng, DISCIPLINE_WEIGHTS)
        incident.counselling_referral = rng.random() < 0.35
        incident.school_response_by = reviewer
        incident.school_response_at = events[-1].at
    incident.updated_at = events[-1].at
    incident.version = len(events)
    return incident, people, events, supplements, school


def _person(rng, role, grade, age):
    return PersonInvolved(role=role, name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", age=age,
                          grade=grade, is_student=rng.random() < 0.92)


def _seed_assessments(rng, user, incidents, reviewers, today):
    candidates = [i for i in incidents if i.disposition == D.THREAT_ASSESSMENT and i.status != Status.DRAFT]
    assessments = []
    for incident in candidates[-6:]:
        assessed = timezone.localdate(incident.reported_at) + datetime.timedelta(days=1)
        follow_up = assessed + datetime.timedelta(days=rng.randint(14, 30))
        # Past follow-ups were done; only the one below is left overdue.
        closed = follow_up + datetime.timedelta(days=2) if follow_up < today else None
        if closed and closed > today:
            closed = today
        assessments.append(ThreatAssessment(
            incident=incident, assessed_on=assessed, created_by=user,
            team_members=f"{user.get_full_name()} (SRO)\n{reviewers[incident.school_id].get_full_name()}\n"
                         "School counsellor",
            data_gathered="Interviews with the student and two staff; social-media check; locker search.",
            risk_level=_pick(rng, {RiskLevel.LOW: 5, RiskLevel.MEDIUM: 4, RiskLevel.HIGH: 1}),
            immediate_steps="Parents informed; supervision at lunch and recess.",
            intervention_plan="Weekly check-ins with the counsellor; safety plan reviewed with the family.",
            follow_up_on=follow_up, closed_on=closed,
            outcome="Risk reduced; plan continued by the school." if closed else "",
            notified_for=follow_up if closed else None,
        ))
    if user.username == DEMO_SRO:
        # One overdue follow-up at the demo principal's school (from its most recent submitted incident).
        at_principal = [i for i in incidents if reviewers[i.school_id].username == DEMO_PRINCIPAL
                        and i.status != Status.DRAFT]
        if at_principal:
            incident = at_principal[-1]
            assessments.append(ThreatAssessment(
                incident=incident, assessed_on=today - datetime.timedelta(days=20), created_by=user,
                team_members="SRO\nPrincipal\nSchool counsellor\nSocial worker",
                data_gathered="A written threat in a notebook; interviews with the student, two friends, parents.",
                risk_level=RiskLevel.MEDIUM, immediate_steps="Bag checks for two weeks; parents informed.",
                intervention_plan="Counselling twice a week; mentor at lunch.",
                follow_up_on=today - datetime.timedelta(days=3),
            ))
    ThreatAssessment.objects.bulk_create(assessments)


def _seed_help_requests(rng, user, incidents, reviewers, today, now):
    rows = []
    by_school = {}
    for incident in incidents:
        by_school.setdefault(incident.school_id, []).append(incident)
    for school_id, reviewer in list(reviewers.items())[:3] + [
            (s, r) for s, r in reviewers.items() if r.username == DEMO_PRINCIPAL]:
        raised = now - datetime.timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 6))
        rows.append(HelpRequest(school_id=school_id, raised_by=reviewer, raised_at=raised,
                                subject="Older youths waiting near the back doors at dismissal",
                                details="Staff noticed a group of non-students near the back doors three days "
                                        "this week. Could you drop by at 3:30?"))
        declined_at = now - datetime.timedelta(days=rng.randint(20, 40))
        rows.append(HelpRequest(school_id=school_id, raised_by=reviewer, raised_at=declined_at,
                                subject="Parking-lot speeding at drop-off",
                                details="Parents speeding in the staff lot at 8:30.",
                                state=HelpRequest.State.DECLINED, handled_by=user,
                                handled_at=declined_at + datetime.timedelta(hours=5),
                                decline_reason="A traffic matter: passed to the district traffic unit."))
        drafts = [i for i in by_school.get(school_id, []) if i.status == Status.DRAFT]
        if drafts:
            incident = drafts[-1]
            rows.append(HelpRequest(school_id=school_id, raised_by=reviewer,
                                    raised_at=incident.reported_at - datetime.timedelta(hours=1),
                                    occurred_at=incident.occurred_at, subject="Please talk to a student",
                                    details=incident.narrative, state=HelpRequest.State.CONVERTED, handled_by=user,
                                    handled_at=incident.reported_at, incident=incident))
    HelpRequest.objects.bulk_create(rows)
