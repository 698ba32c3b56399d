"""Rows of dashboards/urls.py. A division dashboard: coordinators, evaluators (aggregates only) and
program administrators; a school dashboard: the school's administrators, coordinators and program
administrators (an evaluator sees a division's aggregates only, never one school on its own)."""

from .matrix import (
    COORDINATOR,
    EVALUATOR,
    PAGE,
    PRINCIPAL,
    PROGRAM_ADMIN,
    REDIRECT,
    Row,
    everyone,
    only,
    scoped,
)

DIVISION = scoped({COORDINATOR, EVALUATOR})
SCHOOL = scoped({PRINCIPAL, COORDINATOR})

ROWS = {
    "dashboards:landing": Row(expect=everyone(REDIRECT), note="to the quick log (an SRO) or the home page"),
    "dashboards:program": Row(expect=only({PROGRAM_ADMIN}, PAGE)),
    "dashboards:division": Row(args=lambda w, scope, role: [w.division_for(role, scope).pk], expect=DIVISION),
    "dashboards:division_csv": Row(
        args=lambda w, scope, role: [w.division_for(role, scope).pk, "incidents-by-category"], expect=DIVISION),
    "dashboards:school": Row(args=lambda w, scope, role: [w.school_for(role, scope).pk], expect=SCHOOL),
    "dashboards:school_csv": Row(
        args=lambda w, scope, role: [w.school_for(role, scope).pk, "contact-hours"], expect=SCHOOL),
}
