"""Rows of costs/urls.py.

Costs are for coordinators (their divisions), program administrators (all) and evaluators (division
totals only: the overview and a division's page, which shows them no school and no officer). The
schools and officers of a division, and their CSV files, are for coordinators and program
administrators: an evaluator gets 403 for them. SROs and school administrators: 403. A division
outside a coordinator's or evaluator's scope: 404.
"""

from .matrix import COORDINATOR, EVALUATOR, PROGRAM_ADMIN, Row, only, scoped

READERS = {COORDINATOR, EVALUATOR, PROGRAM_ADMIN}
DETAIL = {COORDINATOR, PROGRAM_ADMIN}


def division_pk(w, scope, role):
    return [w.division_for(role, scope).pk]


ROWS = {
    "costs:overview": Row(expect=only(READERS)),
    "costs:overview_export": Row(expect=only(READERS)),
    "costs:division": Row(args=division_pk, expect=scoped(READERS)),
    "costs:division_schools_export": Row(args=division_pk, expect=scoped(DETAIL)),
    "costs:division_officers_export": Row(args=division_pk, expect=scoped(DETAIL)),
}
