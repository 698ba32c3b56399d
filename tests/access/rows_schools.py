"""Rows of schools/urls.py."""

from .matrix import (
    ANONYMOUS,
    COORDINATOR,
    EVALUATOR,
    LOGIN,
    NOT_FOUND,
    PAGE,
    PRINCIPAL,
    PROGRAM_ADMIN,
    SRO,
    Row,
    everyone,
)

SCOPED_PAGE = {ANONYMOUS: LOGIN, SRO: (PAGE, NOT_FOUND), PRINCIPAL: (PAGE, NOT_FOUND),
               COORDINATOR: (PAGE, NOT_FOUND), EVALUATOR: (PAGE, NOT_FOUND), PROGRAM_ADMIN: PAGE}

ROWS = {
    "schools:school_list": Row(expect=everyone(PAGE)),
    "schools:school_export": Row(expect=everyone(PAGE)),
    "schools:school_detail": Row(args=lambda w, scope, role: [w.school_for(role, scope).pk], expect=SCOPED_PAGE),
    "schools:division_detail": Row(args=lambda w, scope, role: [w.division_for(role, scope).pk],
                                   expect=SCOPED_PAGE),
}
