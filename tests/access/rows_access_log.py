"""Rows of the personal-information access log (incidents/urls.py, access-log/): for
coordinators and program administrators; each sees only the rows of their scope (tested in
tests/audit/test_access_log.py)."""

from .matrix import COORDINATOR, PROGRAM_ADMIN, Row, only

ROWS = {
    "incidents:access_log": Row(expect=only({COORDINATOR, PROGRAM_ADMIN})),
    "incidents:access_log_export": Row(expect=only({COORDINATOR, PROGRAM_ADMIN})),
}
