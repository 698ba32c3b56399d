"""Rows of the passkey pages (accounts.passkeys): each user's own passkeys, and the library's
ceremony endpoints (django-otp-webauthn), which answer JSON and refuse by themselves."""

from django_otp_webauthn.models import WebAuthnCredential

from .matrix import (
    ANONYMOUS,
    BAD_REQUEST,
    FORBIDDEN,
    INSIDE,
    LOGIN,
    NOT_FOUND,
    PAGE,
    REDIRECT,
    SIGNED_IN,
    Row,
    everyone,
)


def passkey_arg(w, scope, role):
    """A passkey of the role's user (inside), or of another user (outside: it does not exist for them)."""
    owner = getattr(w, role) if scope == INSIDE and role != ANONYMOUS else w.outsider
    credential = WebAuthnCredential.objects.create(
        user=owner, name="Passkey", credential_id=f"{owner.pk}-{scope}".encode(), public_key=b"key",
        sign_count=0, transports=[], aaguid="00000000-0000-0000-0000-000000000000")
    return [credential.pk]


ROWS = {
    "accounts:passkeys": Row(expect=everyone(PAGE)),
    "accounts:passkey_remove": Row(
        method="post", args=passkey_arg,
        expect={ANONYMOUS: LOGIN, **dict.fromkeys(SIGNED_IN, (REDIRECT, NOT_FOUND))},
        note=("POST only; inside, the user's own passkey, whose second step the session has not given yet: a "
              "redirect to give it (removal itself: tests/accounts/test_passkeys.py); another user's is a 404"),
    ),
    "otp_webauthn:credential-registration-begin": Row(
        method="post", expect={ANONYMOUS: FORBIDDEN, **dict.fromkeys(SIGNED_IN, PAGE)},
        note="the library's JSON: 403 when nobody is signed in; the options of a new passkey otherwise",
    ),
    "otp_webauthn:credential-registration-complete": Row(
        method="post", expect={ANONYMOUS: FORBIDDEN, **dict.fromkeys(SIGNED_IN, BAD_REQUEST)},
        note="without a begun registration in the session: 400",
    ),
    "otp_webauthn:credential-authentication-begin": Row(
        method="post", expect=everyone(PAGE, anonymous=PAGE),
        note="signing in with a passkey starts here, before anyone is signed in",
    ),
    "otp_webauthn:credential-authentication-complete": Row(
        method="post", expect=everyone(BAD_REQUEST, anonymous=BAD_REQUEST),
        note="without a begun ceremony in the session: 400",
    ),
    "otp_webauthn:js-i18n-catalog": Row(expect=everyone(PAGE, anonymous=PAGE),
                                        note="the library's script translations"),
}
