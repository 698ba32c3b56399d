"""Rows of incidents/urls.py: incidents, the people involved, threat assessments, requests for help.

Who gets what (incidents/models.py, incidents/workflow.py):

- Incident pages are for ``INCIDENT_ROLES``: SROs, school administrators, coordinators and program
  administrators. Evaluators see aggregates only: every incident URL is a 403 for them.
- The people involved, threat assessments and requests for help describe young people: they are for
  ``PEOPLE_ROLES`` only (the school's SRO, its administrators, the division coordinator). Program
  administrators manage the program but get 403 there (DOMAIN.md, "People involved").
- Writing belongs to the workflow: the SRO reports and edits (draft, people), the school administrator
  records the school's response, both add supplements and open threat assessments.

Objects are built in the state that makes the URL meaningful: a draft to edit and to add people to, a
submitted incident to review, respond to, supplement or assess, an open request to take or decline.
Inside scope, the incident is written by the school's SRO; outside, by someone else, so that an SRO
of the other school does not reach it through authorship.

POST-only URLs are posted with an empty body: inside scope the form is invalid, and the view answers
400 with the page re-rendered and the errors (or, for removing a person, does it and redirects).
"""

from incidents.models import Status
from tests.incidents.factories import AssessmentFactory, HelpRequestFactory, IncidentFactory, PersonFactory

from .matrix import (
    ANONYMOUS,
    BAD_REQUEST,
    COORDINATOR,
    EVALUATOR,
    FORBIDDEN,
    INSIDE,
    LOGIN,
    NOT_FOUND,
    PAGE,
    PRINCIPAL,
    PROGRAM_ADMIN,
    REDIRECT,
    SRO,
    Row,
    only,
)

SCOPED = (PAGE, NOT_FOUND)


def scoped(outcomes: dict, *, others=FORBIDDEN) -> dict:
    """`outcomes` for the roles named, `others` for the other signed-in roles, sign-in for anonymous."""
    roles = (SRO, PRINCIPAL, COORDINATOR, EVALUATOR, PROGRAM_ADMIN)
    return {ANONYMOUS: LOGIN, **{role: outcomes.get(role, others) for role in roles}}


def incident(w, scope, role, status=Status.SUBMITTED):
    school = w.school_for(role, scope)
    if scope == INSIDE:
        return IncidentFactory(school=school, status=status, created_by=w.sro)
    return IncidentFactory(school=school, status=status)


def incident_args(status):
    return lambda w, scope, role: [incident(w, scope, role, status).pk]


def person_args(w, scope, role):
    person = PersonFactory(incident=incident(w, scope, role, Status.DRAFT))
    return [person.incident_id, person.pk]


def assessment_args(w, scope, role):
    return [AssessmentFactory(incident=incident(w, scope, role)).pk]


def request_args(w, scope, role):
    school = w.school_for(role, scope)
    if scope == INSIDE:
        return [HelpRequestFactory(school=school, raised_by=w.principal).pk]
    return [HelpRequestFactory(school=school).pk]


# Page roles in scope: every incident role / the people roles; a program administrator sees everything.
INCIDENT_PAGE = scoped({SRO: SCOPED, PRINCIPAL: SCOPED, COORDINATOR: SCOPED, PROGRAM_ADMIN: PAGE})
PEOPLE_PAGE = scoped({SRO: SCOPED, PRINCIPAL: SCOPED, COORDINATOR: SCOPED})
NO_PEOPLE_FOR_PROGRAM_ADMIN = ("program administrators are not in PEOPLE_ROLES: young people's personal "
                               "information is for the school's SRO, its administrators and the coordinator")

ROWS = {
    # Lists and exports (scoped by their querysets; their contents are tested in tests/incidents).
    "incidents:incident_list": Row(expect=only({SRO, PRINCIPAL, COORDINATOR, PROGRAM_ADMIN}),
                                   note="evaluators see aggregates only"),
    "incidents:incident_export": Row(expect=only({SRO, PRINCIPAL, COORDINATOR, PROGRAM_ADMIN}),
                                     note="no names in it; evaluators get de-identified aggregates elsewhere"),
    "incidents:people_export": Row(expect=only({SRO, PRINCIPAL, COORDINATOR}), note=NO_PEOPLE_FOR_PROGRAM_ADMIN),
    "incidents:my_open": Row(expect=only({SRO})),
    "incidents:my_open_export": Row(expect=only({SRO}), note="exactly the list's rows, so the same roles"),
    "incidents:review_queue": Row(expect=only({PRINCIPAL})),
    "incidents:review_queue_export": Row(expect=only({PRINCIPAL}), note="exactly the list's rows"),
    "incidents:incident_create": Row(expect=only({SRO}), note="only an SRO reports an incident"),
    "incidents:assessment_list": Row(expect=only({SRO, PRINCIPAL, COORDINATOR}), note=NO_PEOPLE_FOR_PROGRAM_ADMIN),
    "incidents:assessment_export": Row(expect=only({SRO, PRINCIPAL, COORDINATOR}), note=NO_PEOPLE_FOR_PROGRAM_ADMIN),
    "incidents:request_list": Row(expect=only({SRO, PRINCIPAL, COORDINATOR}), note=NO_PEOPLE_FOR_PROGRAM_ADMIN),
    "incidents:request_export": Row(expect=only({SRO, PRINCIPAL, COORDINATOR}), note=NO_PEOPLE_FOR_PROGRAM_ADMIN),
    "incidents:request_create": Row(expect=only({PRINCIPAL}), note="school staff ask their SRO for help"),

    # One incident.
    "incidents:incident_detail": Row(
        args=incident_args(Status.SUBMITTED), expect=INCIDENT_PAGE,
        note="a program administrator gets the page without the people involved (tests/incidents)"),
    "incidents:incident_edit": Row(args=incident_args(Status.DRAFT), expect=scoped({SRO: SCOPED}),
                                   note="the report is the SRO's"),
    "incidents:incident_transition": Row(
        method="post", args=incident_args(Status.SUBMITTED),
        expect=scoped({SRO: (BAD_REQUEST, NOT_FOUND), PRINCIPAL: (BAD_REQUEST, NOT_FOUND),
                       COORDINATOR: (BAD_REQUEST, NOT_FOUND), PROGRAM_ADMIN: BAD_REQUEST}),
        note="an empty POST has no version: 400 before the workflow checks the step "
             "(who may make which step: tests/incidents/test_workflow.py)"),
    "incidents:supplement_add": Row(
        method="post", args=incident_args(Status.SUBMITTED),
        expect=scoped({SRO: (BAD_REQUEST, NOT_FOUND), PRINCIPAL: (BAD_REQUEST, NOT_FOUND)}),
        note="the SRO and the school's administrator add to a submitted narrative; an empty text is a 400"),
    "incidents:school_response": Row(args=incident_args(Status.SUBMITTED), expect=scoped({PRINCIPAL: SCOPED}),
                                     note="the school's own response, recorded by its administrator"),

    # The people involved: the SRO manages them while the incident is open.
    "incidents:person_create": Row(args=incident_args(Status.DRAFT), expect=scoped({SRO: SCOPED})),
    "incidents:person_edit": Row(args=person_args, expect=scoped({SRO: SCOPED})),
    "incidents:person_remove": Row(method="post", args=person_args, expect=scoped({SRO: (REDIRECT, NOT_FOUND)}),
                                   note="the removal button posts no data; done, back to the incident"),

    # Threat assessments: the SRO and the administrator assess; the coordinator reads.
    "incidents:assessment_create": Row(args=incident_args(Status.SUBMITTED),
                                       expect=scoped({SRO: SCOPED, PRINCIPAL: SCOPED}),
                                       note="opened from a submitted incident by its VTRA team (SRO, administrator)"),
    "incidents:assessment_detail": Row(args=assessment_args, expect=PEOPLE_PAGE, note=NO_PEOPLE_FOR_PROGRAM_ADMIN),
    "incidents:assessment_edit": Row(args=assessment_args, expect=scoped({SRO: SCOPED, PRINCIPAL: SCOPED}),
                                     note="the coordinator reads assessments but does not write them"),

    # Requests for help: raised by the school, taken or declined by its SRO.
    "incidents:request_detail": Row(args=request_args, expect=PEOPLE_PAGE, note=NO_PEOPLE_FOR_PROGRAM_ADMIN),
    "incidents:request_convert": Row(args=request_args, expect=scoped({SRO: SCOPED}),
                                     note="the SRO of the school takes an open request as a draft incident"),
    "incidents:request_decline": Row(method="post", args=request_args,
                                     expect=scoped({SRO: (BAD_REQUEST, NOT_FOUND)}),
                                     note="declining needs a reason: an empty POST is a 400"),
}
