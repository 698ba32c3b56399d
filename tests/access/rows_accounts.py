"""Rows of accounts/urls.py: two-step verification."""

from .matrix import METHOD_NOT_ALLOWED, PAGE, Row, everyone

ROWS = {
    "accounts:two_step": Row(expect=everyone(PAGE)),
    "accounts:two_step_verify": Row(expect=everyone(PAGE)),
    "accounts:two_step_remove": Row(expect=everyone(METHOD_NOT_ALLOWED, anonymous=METHOD_NOT_ALLOWED),
                                    note="POST only"),
}
