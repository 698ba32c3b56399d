"""Rows of officers/urls.py: officers, assignments, terms and training are managed by coordinators
(their divisions) and program administrators (everything); an SRO reads only their own profile.
School administrators and evaluators never see officers (an evaluator sees aggregates only)."""

from tests.factories import AssignmentFactory, SchoolDivisionFactory, SchoolFactory
from tests.officers.factories import officer_for

from .matrix import (
    COORDINATOR,
    INSIDE,
    OUTSIDE,
    PROGRAM_ADMIN,
    SRO,
    Row,
    only,
    scoped,
)

MANAGERS = {COORDINATOR, PROGRAM_ADMIN}

# A manager's page about one officer or assignment: the coordinator gets it inside their division
# and a 404 outside; other roles are refused whatever the scope.
MANAGED = scoped({COORDINATOR})


def _elsewhere(w, role):
    """The school outside the role's scope that is the most telling for officers: for a coordinator,
    a school of a sister division served by the same police service as theirs (officers are scoped by
    division, not by police service: issue 12); for the other roles, World's outside school."""
    if role != COORDINATOR:
        return w.school_for(role, OUTSIDE)
    sister = SchoolDivisionFactory(province=w.division.province, police_service=w.division.police_service)
    return SchoolFactory(division=sister)


def officer_elsewhere(w, role):
    """An officer of the service serving the role's division, assigned only outside the role's scope."""
    officer = officer_for(w.division)
    AssignmentFactory(officer=officer, school=_elsewhere(w, role))
    return officer


def _officer(w, scope, role):
    """Inside: the shared SRO (assigned to `school`, of its division's police service). Outside: an
    officer of the same police service assigned only outside the role's scope (for a coordinator, in
    a sister division that service also serves)."""
    if scope == INSIDE:
        return w.sro.officer
    return officer_elsewhere(w, role)


def _assignment(w, scope, role):
    if scope == INSIDE:
        return w.sro.officer.assignments.get(school=w.school)
    return officer_elsewhere(w, role).assignments.get()


def officer_arg(w, scope, role):
    return [_officer(w, scope, role).pk]


def assignment_arg(w, scope, role):
    return [_assignment(w, scope, role).pk]


FORM_NOTE = "GET renders the form; the POST rules are tested in tests/officers"

ROWS = {
    "officers:officer_list": Row(expect=only(MANAGERS),
                                 note="unscoped page; the list holds only officers in scope (tests/officers)"),
    "officers:officer_export": Row(expect=only(MANAGERS),
                                   note="unscoped page; the CSV holds only officers in scope (tests/officers)"),
    "officers:terms_ending": Row(expect=only(MANAGERS)),
    "officers:terms_ending_export": Row(expect=only(MANAGERS), note="exactly the page's two tables"),
    "officers:my_profile": Row(expect=only({SRO}),
                               note="the signed-in SRO's own profile; no other role has one to read"),
    "officers:officer_detail": Row(
        args=officer_arg, expect=MANAGED,
        note="an SRO is refused even their own officer page (inside is the shared SRO's officer): "
             "their profile is officers:my_profile. By OfficerQuerySet.visible_to, an officer of the "
             "police service serving the coordinator's division but assigned only in another division "
             "it serves is outside (404); unassigned officers and those who moved away: "
             "tests/access/test_officer_divisions.py",
    ),
    "officers:assignment_create": Row(args=officer_arg, expect=MANAGED, note=FORM_NOTE),
    "officers:term_extension_create": Row(args=officer_arg, expect=MANAGED, note=FORM_NOTE),
    "officers:training_record_create": Row(args=officer_arg, expect=MANAGED, note=FORM_NOTE),
    "officers:assignment_end": Row(args=assignment_arg, expect=MANAGED, note=FORM_NOTE),
    "officers:assignment_reassign": Row(args=assignment_arg, expect=MANAGED, note=FORM_NOTE),
}
