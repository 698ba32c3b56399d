"""Rows of dashboards/report_urls.py.

The outcome report is for coordinators and evaluators (a division of theirs: another division is
404) and program administrators (any division, and the whole program). SROs and school
administrators: 403. The whole program's report and its tables are for program administrators
only (403 for every other role). A table's CSV takes the outcome's slug.
"""

from .matrix import COORDINATOR, EVALUATOR, PROGRAM_ADMIN, Row, only, scoped

READERS = {COORDINATOR, EVALUATOR, PROGRAM_ADMIN}


def division_pk(w, scope, role):
    return [w.division_for(role, scope).pk]


def division_table(w, scope, role):
    return [w.division_for(role, scope).pk, "safety"]


ROWS = {
    "report:index": Row(expect=only(READERS)),
    "report:program": Row(expect=only({PROGRAM_ADMIN})),
    "report:program_table": Row(args=lambda w, scope, role: ["truancy"], expect=only({PROGRAM_ADMIN})),
    "report:division": Row(args=division_pk, expect=scoped(READERS)),
    "report:division_table": Row(args=division_table, expect=scoped(READERS)),
}
