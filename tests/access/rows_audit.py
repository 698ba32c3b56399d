"""Rows of audit/urls.py: the audit log is for coordinators and program administrators."""

from .matrix import COORDINATOR, PROGRAM_ADMIN, Row, only

ROWS = {
    "audit:event_list": Row(expect=only({COORDINATOR, PROGRAM_ADMIN})),
    "audit:event_export": Row(expect=only({COORDINATOR, PROGRAM_ADMIN})),
}
