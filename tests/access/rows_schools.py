"""Rows of schools/urls.py."""

from .matrix import (
    COORDINATOR,
    EVALUATOR,
    PAGE,
    PRINCIPAL,
    SRO,
    Row,
    everyone,
    scoped,
)

SCOPED_PAGE = scoped({SRO, PRINCIPAL, COORDINATOR, EVALUATOR})

ROWS = {
    "schools:school_list": Row(expect=everyone(PAGE)),
    "schools:school_export": Row(expect=everyone(PAGE)),
    "schools:school_detail": Row(args=lambda w, scope, role: [w.school_for(role, scope).pk], expect=SCOPED_PAGE),
    "schools:division_detail": Row(args=lambda w, scope, role: [w.division_for(role, scope).pk],
                                   expect=SCOPED_PAGE),
}
