"""Generated incidents (seed_scale): the category, location and severity mix of a school program,
people involved (about two per incident), police response times, the review workflow's steps with
their history rows (status changes and django-simple-history's copies), and the personal-information
access log of the reviewers' page views."""

import datetime

from common.bulkload import bulk_load, reserve_ids

from .models import (
    Category,
    Disposition,
    Incident,
    IncidentEvent,
    Location,
    PersonalInfoAccess,
    PersonInvolved,
    PersonRole,
    RespondingUnit,
    SchoolDiscipline,
    Severity,
    Status,
)

CATEGORIES = {
    Category.BULLYING: 16, Category.CYBERBULLYING: 9, Category.ASSAULT: 14, Category.THREAT: 7, Category.WEAPON: 3,
    Category.DRUG_POSSESSION: 7, Category.DRUG_TRAFFICKING: 1, Category.ALCOHOL: 3, Category.GANG: 2,
    Category.THEFT: 8, Category.VANDALISM: 9, Category.TRESPASS: 4, Category.HARASSMENT: 5, Category.TRUANCY: 5,
    Category.MENTAL_HEALTH: 4, Category.OTHER: 3,
}
LOCATIONS = {Location.CLASSROOM: 15, Location.HALLWAY: 20, Location.WASHROOM: 8, Location.GROUNDS: 25,
             Location.BUS: 5, Location.OFF_SITE: 15, Location.ONLINE: 12}
SEVERITIES = {Severity.LOW: 55, Severity.MEDIUM: 35, Severity.HIGH: 10}
DISPOSITIONS = {
    Disposition.NO_FURTHER_ACTION: 25, Disposition.INFORMAL_WARNING: 30, Disposition.POLICE_CAUTION: 8,
    Disposition.RESTORATIVE_JUSTICE: 14, Disposition.EXTRAJUDICIAL_SANCTION: 4, Disposition.COMMUNITY_AGENCY: 12,
    Disposition.CHARGE_LAID: 3, Disposition.THREAT_ASSESSMENT: 4,
}
PEOPLE_COUNT = {1: 35, 2: 34, 3: 20, 4: 11}  # mean ≈ 2.07 people per incident
ROLES = {PersonRole.SUBJECT: 40, PersonRole.VICTIM: 30, PersonRole.WITNESS: 20, PersonRole.COMPLAINANT: 6,
         PersonRole.REPORTING_PERSON: 4}
FIRST = ["Aiden", "Amara", "Ava", "Ben", "Chloe", "Daniel", "Elijah", "Emma", "Ethan", "Fatima", "Gabriel", "Hannah",
         "Isaac", "Jasmine", "Kai", "Layla", "Liam", "Maya", "Noah", "Olivia", "Owen", "Priya", "Riley", "Zoe"]
LAST = ["Anderson", "Beaulieu", "Bird", "Chartrand", "Chen", "Cook", "Desjarlais", "Dumont", "Flett", "Fontaine",
        "Harper", "Houle", "Kaur", "Klassen", "Lavallee", "McKay", "Nguyen", "Okafor", "Sinclair", "Thomas"]
NARRATIVES = [
    "Two students argued at lunch; it became a shoving match before staff separated them.",
    "A student reported repeated messages from classmates in a group chat.",
    "Graffiti found on the east wall of the gym in the morning.",
    "A student was found with a vape and a small amount of cannabis in a backpack.",
    "A phone went missing from a locker during physical education.",
    "A former student was on the grounds at dismissal and refused to leave.",
    "A student made a threatening remark about another student in class.",
    "A student in distress was met with the counsellor; the family was called.",
]
INCIDENT_FIELDS = [
    "id", "school_id", "occurred_at", "reported_at", "location", "category", "severity", "narrative", "call_number",
    "called_at", "on_scene_at", "responding_unit", "disposition", "parent_contacted", "school_discipline",
    "counselling_referral", "school_response_note", "school_response_by_id", "school_response_at", "status",
    "submitted_at", "created_by_id", "created_at", "updated_at", "version",
]
PERSON_FIELDS = ["id", "incident_id", "role", "name", "age", "date_of_birth", "grade", "is_student",
                 "deidentified_at", "age_band"]


def _pick(rng, table):
    return rng.choices(list(table), weights=list(table.values()))[0]


def _workflow(rng, reported, today_end):
    """The status steps of one incident: [(status, at)], from the draft to where it stands now."""
    steps = [(Status.DRAFT, reported)]
    if rng.random() < 0.01:
        return steps  # a draft never submitted
    at = reported + datetime.timedelta(minutes=rng.randint(10, 600))
    steps.append((Status.SUBMITTED, at))
    for status, hours in ((Status.UNDER_REVIEW, (2, 72)), (Status.CLOSED, (2, 240))):
        at = at + datetime.timedelta(hours=rng.randint(*hours))
        if at > today_end:
            break
        if status == Status.CLOSED and rng.random() < 0.04:
            steps.append((Status.FOLLOW_UP, at))
            at += datetime.timedelta(hours=rng.randint(24, 120))
            if at > today_end:
                break
            steps.append((Status.SUBMITTED, at))
            at += datetime.timedelta(hours=rng.randint(2, 48))
            if at > today_end:
                break
        steps.append((status, at))
    return steps


def seed(ctx):
    rng = ctx.rng_for("incidents")
    size = ctx.size
    schools = ctx.data["schools"]
    officer_of_school = ctx.data["officer_of_school"]
    principal_of = ctx.data["principal_of"]
    served = [s for s in schools if s["id"] in officer_of_school]
    weights = [s["enrolment"] * (2 if s["level"] == "high" else 1) for s in served]
    days = ctx.school_days()
    today_end = ctx.aware(ctx.today, 23, 59)
    first_incident = reserve_ids(Incident, size.incidents)
    first_person = reserve_ids(PersonInvolved, int(size.incidents * 4))
    incidents, events, people, history, people_history, access = [], [], [], [], [], []
    person_id = first_person
    progress = ctx.progress("incidents", size.incidents)
    for index in range(size.incidents):
        incident_id = first_incident + index
        school = rng.choices(served, weights)[0]
        author = officer_of_school[school["id"]][1]
        principal = principal_of[school["id"]]
        day = rng.choice(days)
        occurred = ctx.aware(day, rng.randint(8, 16), rng.randint(0, 59))
        reported = occurred + datetime.timedelta(minutes=rng.randint(5, 48 * 60))
        reported = min(reported, today_end)
        steps = _workflow(rng, reported, today_end)
        status, last_at = steps[-1]
        submitted = next((at for s, at in steps if s == Status.SUBMITTED), None)
        closed = status == Status.CLOSED
        called = on_scene = None
        unit = call_number = ""
        if rng.random() < 0.6:
            unit = RespondingUnit.SRO if rng.random() < 0.7 else RespondingUnit.PATROL
            called = occurred + datetime.timedelta(minutes=rng.randint(0, 20))
            on_scene = called + datetime.timedelta(minutes=rng.randint(2, 15) if unit == RespondingUnit.SRO
                                                   else rng.randint(8, 55))
            call_number = f"C{day:%y}-{incident_id:07d}"
        discipline = _pick(rng, {SchoolDiscipline.NONE: 40, SchoolDiscipline.CONFERENCE: 30,
                                 SchoolDiscipline.DETENTION: 15, SchoolDiscipline.IN_SCHOOL_SUSPENSION: 15})
        row = {
            "id": incident_id, "school_id": school["id"], "occurred_at": occurred, "reported_at": reported,
            "location": _pick(rng, LOCATIONS), "category": _pick(rng, CATEGORIES), "severity": _pick(rng, SEVERITIES),
            "narrative": rng.choice(NARRATIVES), "call_number": call_number, "called_at": called,
            "on_scene_at": on_scene, "responding_unit": unit,
            "disposition": _pick(rng, DISPOSITIONS) if closed else "",
            "parent_contacted": closed and rng.random() < 0.7, "school_discipline": discipline if closed else "",
            "counselling_referral": closed and rng.random() < 0.3, "school_response_note": "",
            "school_response_by_id": principal if closed else None,
            "school_response_at": last_at if closed else None,
            "status": status, "submitted_at": submitted, "created_by_id": author, "created_at": reported,
            "updated_at": last_at, "version": len(steps),
        }
        if row["disposition"] == Disposition.CHARGE_LAID:
            row["disposition"] = Disposition.POLICE_CAUTION  # subjects' ages are not known to be 12 or more
        incidents.append(tuple(row[name] for name in INCIDENT_FIELDS))
        # History: the status changes (with the actor) and simple-history's copy of the row at each step.
        previous = ""
        for step, (step_status, at) in enumerate(steps):
            actor = author if step_status in (Status.DRAFT, Status.SUBMITTED) else principal
            if step:
                events.append((incident_id, actor, at, previous, step_status, ""))
            copy = dict(row, status=step_status, updated_at=at, version=step + 1,
                        submitted_at=submitted if step_status != Status.DRAFT else None)
            if step_status != Status.CLOSED:
                copy.update(disposition="", school_discipline="", parent_contacted=False, counselling_referral=False,
                            school_response_by_id=None, school_response_at=None)
            history.append((*(copy[name] for name in INCIDENT_FIELDS), at, None, "+" if step == 0 else "~", actor))
            previous = step_status
        for _ in range(_pick(rng, PEOPLE_COUNT)):
            age = rng.randint(max(5, school["low"] + 5), min(19, school["high"] + 6))
            with_birth = rng.random() < 0.6
            birth = day - datetime.timedelta(days=age * 365 + rng.randint(0, 364)) if with_birth else None
            person = (person_id, incident_id, _pick(rng, ROLES), f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                      None if with_birth else age, birth, min(12, max(0, age - 5)), rng.random() < 0.85, None, "")
            people.append(person)
            people_history.append((*person, reported, None, "+", author))
            person_id += 1
        if submitted is not None:
            access.append((principal, incident_id, PersonalInfoAccess.Kind.PAGE, "", submitted
                           + datetime.timedelta(hours=1), f"10.{school['id'] % 250}.{rng.randint(0, 250)}.10", ""))
        if len(incidents) >= 20_000:
            _flush(incidents, events, people, history, people_history, access)
        progress.advance()
    _flush(incidents, events, people, history, people_history, access)
    progress.finish()


def _flush(incidents, events, people, history, people_history, access):
    history_fields = [*INCIDENT_FIELDS, "history_date", "history_change_reason", "history_type", "history_user_id"]
    bulk_load(Incident, INCIDENT_FIELDS, incidents)
    bulk_load(IncidentEvent, ["incident_id", "actor_id", "at", "from_status", "to_status", "note"], events)
    bulk_load(PersonInvolved, PERSON_FIELDS, people)
    bulk_load(Incident.history.model, history_fields, history)
    bulk_load(PersonInvolved.history.model,
              [*PERSON_FIELDS, "history_date", "history_change_reason", "history_type", "history_user_id"],
              people_history)
    bulk_load(PersonalInfoAccess, ["user_id", "incident_id", "kind", "detail", "at", "source_address", "purpose"],
              access)
    for batch in (incidents, events, people, history, people_history, access):
        batch.clear()
