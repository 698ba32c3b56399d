"""Rows of the project's own pages (sro_portal/urls.py): home, sign-in, password."""

from .matrix import ANONYMOUS, METHOD_NOT_ALLOWED, PAGE, REDIRECT, SIGNED_IN, Row, everyone

ROWS = {
    "home": Row(expect=everyone(PAGE)),
    "login": Row(expect={ANONYMOUS: PAGE, **dict.fromkeys(SIGNED_IN, REDIRECT)},
                 note="a signed-in user is sent home"),
    "logout": Row(expect=everyone(METHOD_NOT_ALLOWED, anonymous=METHOD_NOT_ALLOWED),
                  note="POST only; the POST is checked in tests/test_auth_pages.py"),
    "password_change": Row(expect=everyone(PAGE)),
    "password_change_done": Row(expect=everyone(PAGE)),
}
