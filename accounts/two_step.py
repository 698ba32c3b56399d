"""Two-step verification (TOTP, django-otp): who needs it, and where a session stands.

Where a session stands is decided once, at sign-in, and kept in the session, so that an
ordinary page costs no query for it: "device" (must give a code), "required" (must set up
an app first) or "none". Role changes apply at the next sign-in.
"""

import secrets
from base64 import b32encode
from binascii import unhexlify

import segno
from django.conf import settings
from django_otp import user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

STATE_KEY = "two_step_state"
ENROL_KEY = "two_step_enrol_key"
DEVICE, REQUIRED, NONE = "device", "required", "none"


def two_step_required(user) -> bool:
    """Coordinators and program administrators (OTP_REQUIRED_ROLES) and, with
    OTP_REQUIRED_FOR_STAFF, everyone who may use the administration site."""
    return user.has_role(*settings.OTP_REQUIRED_ROLES) or (user.is_staff and settings.OTP_REQUIRED_FOR_STAFF)


def two_step_state(user) -> str:
    if user_has_device(user):
        return DEVICE
    return REQUIRED if two_step_required(user) else NONE


def new_enrolment_key(session) -> str:
    """The secret being set up, kept in the session until confirmed by a code (no row is
    written before that)."""
    if ENROL_KEY not in session:
        session[ENROL_KEY] = secrets.token_hex(20)
    return session[ENROL_KEY]


def code_matches(hex_key: str, code: str) -> bool:
    code = code.strip().replace(" ", "")
    if not (code.isascii() and code.isdigit()) or len(code) != 6:  # isdigit() alone accepts "²"
        return False
    return TOTP(unhexlify(hex_key), step=30, t0=0, digits=6).verify(int(code), tolerance=1)


def provisioning_uri(user, hex_key: str) -> str:
    device = TOTPDevice(user=user, key=hex_key, name=settings.OTP_TOTP_ISSUER)
    return device.config_url


def qr_svg(text: str) -> str:
    """The QR code of `text` as an inline SVG element (no image file, no inline style)."""
    return segno.make(text, error="m").svg_inline(scale=4, dark="#000", light="#fff", omitsize=False)


def base32(hex_key: str) -> str:
    """The key as authenticator apps expect it typed, in groups of four."""
    text = b32encode(unhexlify(hex_key)).decode().rstrip("=")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))
